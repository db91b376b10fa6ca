import Foundation

/// Settles credentials, region, endpoints and the retry budget from the
/// provider block, the environment and the shared files.
///
/// Credentials: settings → `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/
/// `AWS_SESSION_TOKEN` → the shared files (`AWS_SHARED_CREDENTIALS_FILE` /
/// `AWS_CONFIG_FILE` / `~/.aws/…`) under `settings.profile`, `AWS_PROFILE` or
/// `default`. Region: settings → `AWS_REGION` → `AWS_DEFAULT_REGION` → the
/// profile's `region` in the config file. The shared files are only read
/// when a value is still missing after the provider block and environment.
public enum AWSConfigurationResolver {
    /// Attempts per call when neither `max_retries` nor `AWS_MAX_ATTEMPTS`
    /// says otherwise.
    public static let defaultMaxAttempts = 5

    /// Every problem found is reported in one error, each with the sources
    /// that were tried and what to do.
    public static func resolve(_ settings: AWSSettings, environment: AWSEnvironment) throws(AWSConfigurationError) -> ResolvedAWSConfiguration {
        let profile = AWSProfileChoice(settings, environment: environment)
        var files: AWSSharedFiles?
        var errors: [AWSConfigurationError] = []

        var credentials: AWSCredentials?
        do throws(AWSConfigurationError) {
            credentials = try AWSCredentialChain.resolve(settings, environment: environment, profile: profile, files: &files)
        } catch {
            errors.append(error)
        }

        var region: (name: String, source: String)?
        do throws(AWSConfigurationError) {
            region = try resolveRegion(settings, environment: environment, profile: profile, files: &files)
        } catch {
            if !errors.contains(error) { errors.append(error) }
        }

        var endpoints: [String: String] = [:]
        do throws(AWSConfigurationError) {
            endpoints = try AWSEndpointOverrides.validated(settings.endpoints)
            try AWSEndpointOverrides.checkEnvironment(environment)
        } catch {
            errors.append(error)
        }

        var maxAttempts = defaultMaxAttempts
        do throws(AWSConfigurationError) {
            maxAttempts = try resolveMaxAttempts(settings, environment: environment)
        } catch {
            errors.append(error)
        }

        if let error = AWSConfigurationError.combining(errors) { throw error }
        guard let credentials, let region else {
            // Both are set unless an error was recorded above.
            throw AWSConfigurationError(summary: "AWS configuration is incomplete", detail: "")
        }
        return ResolvedAWSConfiguration(
            credentials: credentials, region: region.name, regionSource: region.source,
            endpointOverrides: endpoints, environment: environment, maxAttempts: maxAttempts)
    }

    // MARK: Region

    static func resolveRegion(
        _ settings: AWSSettings, environment: AWSEnvironment, profile: AWSProfileChoice, files: inout AWSSharedFiles?
    ) throws(AWSConfigurationError) -> (name: String, source: String) {
        if let region = settings.region?.trimmingCharacters(in: .whitespaces), !region.isEmpty {
            return try validRegion(region, source: "the provider block")
        }
        for variable in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment.value(variable) {
                return try validRegion(region, source: "the environment (\(variable))")
            }
        }
        let shared: AWSSharedFiles
        if let files {
            shared = files
        } else {
            shared = try AWSSharedFiles.load(settings, environment: environment)
            files = shared
        }
        let inConfig = shared.profile(profile.name, in: shared.configFiles)
        if let region = inConfig.values["region"] {
            return try validRegion(region, source: "profile \"\(profile.name)\" in \(inConfig.origins["region"] ?? "the config file")")
        }
        let fileLines = shared.configFiles.map { file in
            let state: String
            if let contents = file.contents {
                state = contents.profiles[profile.name] == nil ? "no profile \"\(profile.name)\" in it" : "the profile has no region"
            } else {
                state = "file not found"
            }
            return "profile \"\(profile.name)\" in \(file.displayPath): \(state)"
        }
        let tried = ["the provider block (region): not set", "the environment (AWS_REGION): not set",
                     "the environment (AWS_DEFAULT_REGION): not set"] + fileLines
        let list = tried.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        throw AWSConfigurationError(
            summary: "No AWS region configured",
            detail: "pcplan looked for the AWS region in this order:\n\(list)\n"
                + "Set region = \"us-east-1\" (for example) in the provider \"aws\" block, export AWS_REGION, or add "
                + "region = … to the \(profile.sectionHeader(in: .config)) section of ~/.aws/config.")
    }

    /// Region names are lower-case letters, digits and hyphens
    /// (`us-east-1`, `us-gov-west-1`); anything else would only fail later
    /// inside a host name.
    private static func validRegion(_ region: String, source: String) throws(AWSConfigurationError) -> (name: String, source: String) {
        let allowed = region.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        guard allowed, !region.hasPrefix("-"), !region.hasSuffix("-") else {
            throw AWSConfigurationError(
                summary: "Invalid AWS region \"\(region)\"",
                detail: "The region \"\(region)\" from \(source) is not a region name: use lower-case letters, digits "
                    + "and hyphens, e.g. us-east-1 or eu-west-1.")
        }
        return (region, source)
    }

    // MARK: Retries

    private static func resolveMaxAttempts(_ settings: AWSSettings, environment: AWSEnvironment) throws(AWSConfigurationError) -> Int {
        if let retries = settings.maxRetries {
            guard retries >= 0 else {
                throw AWSConfigurationError(
                    summary: "Invalid max_retries \(retries)",
                    detail: "max_retries in the provider \"aws\" block must be 0 or more (0: try each call once).")
            }
            return retries == Int.max ? retries : retries + 1
        }
        if let text = environment.value("AWS_MAX_ATTEMPTS") {
            guard let attempts = Int(text), attempts >= 1 else {
                throw AWSConfigurationError(
                    summary: "Invalid AWS_MAX_ATTEMPTS \"\(text)\"",
                    detail: "AWS_MAX_ATTEMPTS must be a whole number of 1 or more (the first attempt included).")
            }
            return attempts
        }
        return defaultMaxAttempts
    }
}
