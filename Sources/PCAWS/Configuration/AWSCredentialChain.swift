import Foundation

/// Finds the access keys to sign with, in the order Terraform's AWS provider
/// documents: the provider block, then the environment, then the shared
/// credentials and config files under the chosen profile. The first source
/// that has keys wins; a source with half a key pair is an error rather than
/// a reason to look further, since falling through would sign as someone
/// else.
enum AWSCredentialChain {
    static func resolve(
        _ settings: AWSSettings,
        environment: AWSEnvironment,
        profile: AWSProfileChoice,
        files: inout AWSSharedFiles?
    ) throws(AWSConfigurationError) -> AWSCredentials {
        var tried: [String] = []

        // 1. The provider block.
        let key = nonEmpty(settings.accessKey), secret = nonEmpty(settings.secretKey), token = nonEmpty(settings.token)
        switch (key, secret) {
        case let (key?, secret?):
            return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, source: "the provider block")
        case (_?, nil):
            throw partial("the provider block", has: "access_key", lacks: "secret_key")
        case (nil, _?):
            throw partial("the provider block", has: "secret_key", lacks: "access_key")
        case (nil, nil):
            if token != nil {
                throw partial("the provider block", has: "token", lacks: "access_key and secret_key")
            }
            tried.append("the provider block (access_key, secret_key): not set")
        }

        // 2. The environment.
        let environmentKey = environment.value("AWS_ACCESS_KEY_ID")
        let environmentSecret = environment.value("AWS_SECRET_ACCESS_KEY")
        switch (environmentKey, environmentSecret) {
        case let (key?, secret?):
            return AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: environment.value("AWS_SESSION_TOKEN"),
                source: "the environment (AWS_ACCESS_KEY_ID)")
        case (_?, nil):
            throw partial("the environment", has: "AWS_ACCESS_KEY_ID", lacks: "AWS_SECRET_ACCESS_KEY")
        case (nil, _?):
            throw partial("the environment", has: "AWS_SECRET_ACCESS_KEY", lacks: "AWS_ACCESS_KEY_ID")
        case (nil, nil):
            let note = environment.value("AWS_SESSION_TOKEN") == nil ? "" : " (AWS_SESSION_TOKEN alone is ignored)"
            tried.append("the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): not set" + note)
        }

        // 3. The shared files: the credentials file first, then the config file.
        let shared: AWSSharedFiles
        if let files {
            shared = files
        } else {
            shared = try AWSSharedFiles.load(settings, environment: environment)
            files = shared
        }
        let inCredentials = shared.profile(profile.name, in: shared.credentialsFiles)
        if let found = try keys(in: inCredentials, profile: profile) {
            return found
        }
        let inConfig = shared.profile(profile.name, in: shared.configFiles)
        if let found = try keys(in: inConfig, profile: profile) {
            return found
        }
        let allFiles = shared.credentialsFiles + shared.configFiles
        let profileSettings = inCredentials.values.merging(inConfig.values) { first, _ in first }
        let usesIndirectCredentials = indirectSettings.contains { profileSettings[$0.key] != nil }
        // An explicitly chosen profile without keys, or one that gets its keys
        // some way pcplan does not follow, deserves its own message; the
        // implicit default holding only a region is just one more place that
        // had no keys.
        if (inCredentials.found || inConfig.found) && (profile.origin != nil || usesIndirectCredentials) {
            throw profileWithoutKeys(profile, settings: profileSettings, files: allFiles)
        }
        if let origin = profile.origin {
            throw AWSConfigurationError(
                summary: "AWS profile \"\(profile.name)\" not found",
                detail: "The profile \"\(profile.name)\" named by \(origin) is in none of the shared files "
                    + "(credentials files from \(shared.credentialsFilesOrigin), config files from \(shared.configFilesOrigin)):\n"
                    + AWSSharedFiles.status(of: allFiles, profile: profile.name).map { "  - " + $0 }.joined(separator: "\n")
                    + "\nAdd a \(profile.sectionHeader(in: .credentials)) section to the credentials file (or "
                    + "\(profile.sectionHeader(in: .config)) to the config file), or name an existing profile.")
        }
        tried += AWSSharedFiles.status(of: allFiles, profile: profile.name).map { "profile \"\(profile.name)\" in " + $0 }
        throw noCredentials(tried: tried, profile: profile)
    }

    /// The keys in one merged profile; nil when it has neither key.
    private static func keys(in profile: AWSSharedFiles.Profile, profile choice: AWSProfileChoice) throws(AWSConfigurationError) -> AWSCredentials? {
        let key = profile.values["aws_access_key_id"], secret = profile.values["aws_secret_access_key"]
        switch (key, secret) {
        case let (key?, secret?):
            let token = profile.values["aws_session_token"] ?? profile.values["aws_security_token"]
            let file = profile.origins["aws_access_key_id"] ?? "the shared files"
            return AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: token,
                source: "profile \"\(choice.name)\" in \(file)")
        case (_?, nil):
            throw partial(
                "profile \"\(choice.name)\" in \(profile.origins["aws_access_key_id"] ?? "the shared files")",
                has: "aws_access_key_id", lacks: "aws_secret_access_key")
        case (nil, _?):
            throw partial(
                "profile \"\(choice.name)\" in \(profile.origins["aws_secret_access_key"] ?? "the shared files")",
                has: "aws_secret_access_key", lacks: "aws_access_key_id")
        case (nil, nil):
            return nil
        }
    }

    // MARK: Errors

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func partial(_ source: String, has: String, lacks: String) -> AWSConfigurationError {
        AWSConfigurationError(
            summary: "Incomplete AWS credentials in \(source)",
            detail: "\(source.prefix(1).uppercased() + source.dropFirst()) sets \(has) but not \(lacks). "
                + "Set both halves of the key pair there, or remove \(has) so that pcplan looks in the next source.")
    }

    /// Settings that mean "get credentials some other way", which pcplan does
    /// not do (yet), with what each is called.
    private static let indirectSettings: [(key: String, meaning: String)] = [
        ("role_arn", "assuming a role (role_arn)"),
        ("sso_session", "IAM Identity Center (sso_session)"),
        ("sso_start_url", "IAM Identity Center (sso_start_url)"),
        ("credential_process", "an external process (credential_process)"),
        ("web_identity_token_file", "a web identity token (web_identity_token_file)"),
        ("login_session", "console login (login_session)"),
    ]

    private static func profileWithoutKeys(
        _ profile: AWSProfileChoice, settings: [String: String], files: [AWSSharedFiles.File]
    ) -> AWSConfigurationError {
        let uses = indirectSettings.filter { settings[$0.key] != nil }.map(\.meaning)
        var detail = "The profile \"\(profile.name)\" (in \(AWSSharedFiles.describe(files))) has no "
            + "aws_access_key_id and aws_secret_access_key."
        if !uses.isEmpty {
            detail += " It gets credentials through \(uses.joined(separator: " and ")), which pcplan does not support;"
                + " it signs with static keys only."
        }
        detail += " Add the keys to the profile, or export temporary ones, e.g. with"
            + " `eval \"$(aws configure export-credentials --profile \(profile.name) --format env)\"`."
        return AWSConfigurationError(summary: "AWS profile \"\(profile.name)\" has no access keys", detail: detail)
    }

    private static func noCredentials(tried: [String], profile: AWSProfileChoice) -> AWSConfigurationError {
        let list = tried.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        return AWSConfigurationError(
            summary: "No AWS credentials found",
            detail: "pcplan looked for AWS credentials in this order:\n\(list)\n"
                + "Set access_key and secret_key in the provider \"aws\" block; or export AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials); or add "
                + "aws_access_key_id and aws_secret_access_key to a \(profile.sectionHeader(in: .credentials)) section of "
                + "~/.aws/credentials (choose another profile with profile = \"…\" or AWS_PROFILE).")
    }
}
