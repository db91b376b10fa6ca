import Foundation

/// The shared credentials and config files in effect, read once: which paths
/// were looked at, which exist, and what profile each one has.
struct AWSSharedFiles: Sendable {
    struct File: Sendable {
        var path: String
        /// For messages: `~/.aws/credentials`.
        var displayPath: String
        var kind: AWSSharedConfigFile.Kind
        /// Nil when the file does not exist.
        var contents: AWSSharedConfigFile?
    }

    /// In precedence order: a later file's value wins.
    var credentialsFiles: [File]
    var configFiles: [File]
    /// Where the credentials file list came from, for messages.
    var credentialsFilesOrigin: String
    var configFilesOrigin: String

    /// A profile's settings merged over a list of files, with the file each
    /// value came from.
    struct Profile: Sendable {
        var values: [String: String] = [:]
        var origins: [String: String] = [:]
        var found = false
    }

    /// Finds and parses the files: `settings.sharedCredentialsFiles` or
    /// `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`, and likewise
    /// for config. A missing file is fine (it has no profiles); one that
    /// exists but cannot be read or parsed is an error.
    static func load(_ settings: AWSSettings, environment: AWSEnvironment) throws(AWSConfigurationError) -> AWSSharedFiles {
        let (credentialPaths, credentialsOrigin) = paths(
            configured: settings.sharedCredentialsFiles, setting: "shared_credentials_files",
            variable: "AWS_SHARED_CREDENTIALS_FILE", fallback: "~/.aws/credentials", environment: environment)
        let (configPaths, configOrigin) = paths(
            configured: settings.sharedConfigFiles, setting: "shared_config_files",
            variable: "AWS_CONFIG_FILE", fallback: "~/.aws/config", environment: environment)
        var credentials: [File] = []
        for path in credentialPaths {
            credentials.append(try read(path, kind: .credentials, environment: environment))
        }
        var config: [File] = []
        for path in configPaths {
            config.append(try read(path, kind: .config, environment: environment))
        }
        return AWSSharedFiles(
            credentialsFiles: credentials, configFiles: config,
            credentialsFilesOrigin: credentialsOrigin, configFilesOrigin: configOrigin)
    }

    func profile(_ name: String, in files: [File]) -> Profile {
        var profile = Profile()
        for file in files {
            guard let section = file.contents?.profiles[name] else { continue }
            profile.found = true
            for (key, value) in section {
                profile.values[key] = value
                profile.origins[key] = file.displayPath
            }
        }
        return profile
    }

    /// "~/.aws/credentials" or "~/a, ~/b" for messages.
    static func describe(_ files: [File]) -> String {
        files.map(\.displayPath).joined(separator: ", ")
    }

    /// One line per file for a "sources tried" list: whether it exists and has
    /// the profile.
    static func status(of files: [File], profile: String) -> [String] {
        files.map { file in
            let state: String
            if let contents = file.contents {
                state = contents.profiles[profile] == nil ? "no profile \"\(profile)\" in it" : "the profile has no access keys"
            } else {
                state = "file not found"
            }
            return "\(file.displayPath): \(state)"
        }
    }

    // MARK: Reading

    private static func paths(
        configured: [String], setting: String, variable: String, fallback: String, environment: AWSEnvironment
    ) -> ([String], String) {
        let listed = configured.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !listed.isEmpty {
            return (listed.map(environment.expandingTilde), "\(setting) in the provider block")
        }
        if let path = environment.value(variable) {
            return ([environment.expandingTilde(path)], variable)
        }
        return ([environment.expandingTilde(fallback)], "the default location")
    }

    private static func read(_ path: String, kind: AWSSharedConfigFile.Kind, environment: AWSEnvironment) throws(AWSConfigurationError) -> File {
        let display = environment.displayPath(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return File(path: path, displayPath: display, kind: kind, contents: nil)
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw AWSConfigurationError(
                summary: "Cannot read the AWS shared file \(display)",
                detail: "\(display) exists but could not be read\(isDirectory.boolValue ? " (it is a directory)" : ""). "
                    + "Check its permissions, or point to another file.")
        }
        let text = String(decoding: data, as: UTF8.self)
        let parsed = try AWSSharedConfigFile.parse(text, kind: kind, path: display)
        return File(path: path, displayPath: display, kind: kind, contents: parsed)
    }
}
