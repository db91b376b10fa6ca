import Foundation
import Testing

@testable import PCAWS

/// A temporary directory with a fake home (`$ROOT/home`) and fixture files
/// from Fixtures/config copied to chosen places; removed when released.
final class ConfigSandbox {
    let root: String
    var home: String { root + "/home" }

    /// `placements`: destination relative to the sandbox root → fixture name.
    init(_ placements: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pcaws-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("config")
        for (destination, fixture) in placements {
            let target = root + "/" + destination
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(fixture).path, toPath: target)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// `$ROOT` in values stands for the sandbox root.
    func substitute(_ text: String) -> String { text.replacingOccurrences(of: "$ROOT", with: root) }

    func environment(_ variables: [String: String]) -> AWSEnvironment {
        AWSEnvironment(variables: variables.mapValues(substitute), homeDirectory: home)
    }

    static let standard = ["home/.aws/credentials": "credentials", "home/.aws/config": "config"]
}

/// The provider block's settings, written compactly for the tables.
struct SettingsSpec: Sendable {
    var region: String?
    var accessKey: String?
    var secretKey: String?
    var token: String?
    var profile: String?
    var credentialsFiles: [String] = []
    var configFiles: [String] = []
    var endpoints: [String: String] = [:]
    var maxRetries: Int?

    func settings(_ sandbox: ConfigSandbox) -> AWSSettings {
        var settings = AWSSettings()
        settings.region = region
        settings.accessKey = accessKey
        settings.secretKey = secretKey
        settings.token = token
        settings.profile = profile
        settings.sharedCredentialsFiles = credentialsFiles.map(sandbox.substitute)
        settings.sharedConfigFiles = configFiles.map(sandbox.substitute)
        settings.endpoints = endpoints
        settings.maxRetries = maxRetries
        return settings
    }
}

struct ResolutionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String] = ConfigSandbox.standard
    var settings = SettingsSpec()
    var variables: [String: String] = [:]
    // Expected:
    var keyID: String
    var secret: String
    var token: String?
    var source: String
    var region: String
    var regionSource: String

    var testDescription: String { name }
}

struct FailureCase: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String] = ConfigSandbox.standard
    var settings = SettingsSpec()
    var variables: [String: String] = [:]
    var summary: String
    /// Must appear in the detail, in this order.
    var detail: [String]
    /// Must not appear anywhere in the error.
    var secrets: [String] = []

    var testDescription: String { name }
}

@Suite struct ConfigurationTests {
    static let keys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secretEnv"]

    static let resolutions: [ResolutionCase] = [
        ResolutionCase(
            name: "the provider block wins over everything",
            settings: SettingsSpec(region: "eu-central-1", accessKey: "AKIDBLOCK", secretKey: "secretBlock", token: "tokenBlock"),
            variables: keys.merging(["AWS_REGION": "us-east-2", "AWS_PROFILE": "dev"]) { $1 },
            keyID: "AKIDBLOCK", secret: "secretBlock", token: "tokenBlock", source: "the provider block",
            region: "eu-central-1", regionSource: "the provider block"),
        ResolutionCase(
            name: "environment keys, token and AWS_REGION",
            variables: keys.merging(["AWS_SESSION_TOKEN": "tokenEnv", "AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-west-1"]) { $1 },
            keyID: "AKIDENV", secret: "secretEnv", token: "tokenEnv", source: "the environment (AWS_ACCESS_KEY_ID)",
            region: "us-east-2", regionSource: "the environment (AWS_REGION)"),
        ResolutionCase(
            name: "environment keys come before a profile named in the provider block",
            settings: SettingsSpec(profile: "dev"),
            variables: keys,
            keyID: "AKIDENV", secret: "secretEnv", source: "the environment (AWS_ACCESS_KEY_ID)",
            region: "eu-west-1", regionSource: "profile \"dev\" in ~/.aws/config"),
        ResolutionCase(
            name: "AWS_DEFAULT_REGION when AWS_REGION is unset or empty",
            variables: keys.merging(["AWS_REGION": "", "AWS_DEFAULT_REGION": "us-west-1"]) { $1 },
            keyID: "AKIDENV", secret: "secretEnv", source: "the environment (AWS_ACCESS_KEY_ID)",
            region: "us-west-1", regionSource: "the environment (AWS_DEFAULT_REGION)"),
        ResolutionCase(
            name: "environment keys with the region from the default profile",
            variables: keys,
            keyID: "AKIDENV", secret: "secretEnv", source: "the environment (AWS_ACCESS_KEY_ID)",
            region: "us-west-2", regionSource: "profile \"default\" in ~/.aws/config"),
        ResolutionCase(
            name: "default profile from ~/.aws",
            keyID: "AKIDDEFAULT", secret: "secretDefault/KEY+1", source: "profile \"default\" in ~/.aws/credentials",
            region: "us-west-2", regionSource: "profile \"default\" in ~/.aws/config"),
        ResolutionCase(
            name: "empty environment values count as unset",
            variables: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "  ", "AWS_PROFILE": ""],
            keyID: "AKIDDEFAULT", secret: "secretDefault/KEY+1", source: "profile \"default\" in ~/.aws/credentials",
            region: "us-west-2", regionSource: "profile \"default\" in ~/.aws/config"),
        ResolutionCase(
            name: "blank provider values count as unset",
            settings: SettingsSpec(region: "", accessKey: "", secretKey: ""),
            keyID: "AKIDDEFAULT", secret: "secretDefault/KEY+1", source: "profile \"default\" in ~/.aws/credentials",
            region: "us-west-2", regionSource: "profile \"default\" in ~/.aws/config"),
        ResolutionCase(
            name: "AWS_PROFILE with comments, odd whitespace and a nested block",
            variables: ["AWS_PROFILE": "dev"],
            keyID: "AKIDDEV", secret: "secretDev", token: "tokenDev", source: "profile \"dev\" in ~/.aws/credentials",
            region: "eu-west-1", regionSource: "profile \"dev\" in ~/.aws/config"),
        ResolutionCase(
            name: "the provider block's profile beats AWS_PROFILE",
            settings: SettingsSpec(profile: "dev"),
            variables: ["AWS_PROFILE": "prod"],
            keyID: "AKIDDEV", secret: "secretDev", token: "tokenDev", source: "profile \"dev\" in ~/.aws/credentials",
            region: "eu-west-1", regionSource: "profile \"dev\" in ~/.aws/config"),
        ResolutionCase(
            name: "keys in the config file's [profile prod]",
            settings: SettingsSpec(profile: "prod"),
            keyID: "AKIDPRODCONFIG", secret: "secretProdConfig", source: "profile \"prod\" in ~/.aws/config",
            region: "ap-southeast-2", regionSource: "profile \"prod\" in ~/.aws/config"),
        ResolutionCase(
            name: "AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE",
            files: ["elsewhere/creds": "credentials-second", "elsewhere/conf": "config", "home/.aws/credentials": "credentials"],
            variables: ["AWS_SHARED_CREDENTIALS_FILE": "$ROOT/elsewhere/creds", "AWS_CONFIG_FILE": "$ROOT/elsewhere/conf"],
            keyID: "AKIDSECOND", secret: "secretSecond", source: "profile \"default\" in $ROOT/elsewhere/creds",
            region: "us-west-2", regionSource: "profile \"default\" in $ROOT/elsewhere/conf"),
        ResolutionCase(
            name: "shared files from the provider block, with ~, beat the variables",
            files: ["home/custom/creds": "credentials", "home/custom/conf": "config", "elsewhere/creds": "credentials-second"],
            settings: SettingsSpec(profile: "dev", credentialsFiles: ["~/custom/creds"], configFiles: ["~/custom/conf"]),
            variables: ["AWS_SHARED_CREDENTIALS_FILE": "$ROOT/elsewhere/creds"],
            keyID: "AKIDDEV", secret: "secretDev", token: "tokenDev", source: "profile \"dev\" in ~/custom/creds",
            region: "eu-west-1", regionSource: "profile \"dev\" in ~/custom/conf"),
        ResolutionCase(
            name: "a later credentials file overrides an earlier one",
            files: ["home/a": "credentials", "home/b": "credentials-second", "home/.aws/config": "config"],
            settings: SettingsSpec(credentialsFiles: ["~/a", "~/missing", "~/b"]),
            keyID: "AKIDSECOND", secret: "secretSecond", source: "profile \"default\" in ~/b",
            region: "us-west-2", regionSource: "profile \"default\" in ~/.aws/config"),
        ResolutionCase(
            name: "Windows line endings",
            files: ["home/.aws/credentials": "credentials-crlf"],
            variables: ["AWS_REGION": "sa-east-1"],
            keyID: "AKIDCRLF", secret: "secretCrlf", source: "profile \"default\" in ~/.aws/credentials",
            region: "sa-east-1", regionSource: "the environment (AWS_REGION)"),
    ]

    @Test(arguments: resolutions)
    func resolves(_ test: ResolutionCase) throws {
        let sandbox = try ConfigSandbox(test.files)
        let resolved = try AWSConfigurationResolver.resolve(
            test.settings.settings(sandbox), environment: sandbox.environment(test.variables))
        #expect(resolved.credentials.accessKeyID == test.keyID)
        #expect(resolved.credentials.secretAccessKey == test.secret)
        #expect(resolved.credentials.sessionToken == test.token)
        #expect(resolved.credentials.source == sandbox.substitute(test.source))
        #expect(resolved.region == test.region)
        #expect(resolved.regionSource == sandbox.substitute(test.regionSource))
        #expect(resolved.maxAttempts == 5)
        #expect(resolved.endpointOverrides == [:])
    }

    static let failures: [FailureCase] = [
        FailureCase(
            name: "nothing anywhere",
            files: [:],
            summary: "No AWS credentials found; No AWS region configured",
            detail: [
                "No AWS credentials found:",
                "1. the provider block (access_key, secret_key): not set",
                "2. the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): not set",
                "3. profile \"default\" in ~/.aws/credentials: file not found",
                "4. profile \"default\" in ~/.aws/config: file not found",
                "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                "[default] section of ~/.aws/credentials",
                "No AWS region configured:",
                "1. the provider block (region): not set",
                "2. the environment (AWS_REGION): not set",
                "3. the environment (AWS_DEFAULT_REGION): not set",
                "4. profile \"default\" in ~/.aws/config: file not found",
                "export AWS_REGION",
            ]),
        FailureCase(
            name: "no keys, but a default profile with only a region",
            files: ["home/.aws/config": "config"],
            summary: "No AWS credentials found",
            detail: [
                "3. profile \"default\" in ~/.aws/credentials: file not found",
                "4. profile \"default\" in ~/.aws/config: the profile has no access keys",
            ]),
        FailureCase(
            name: "access key without secret in the provider block",
            settings: SettingsSpec(region: "us-east-1", accessKey: "AKIDBLOCK"),
            variables: keys,
            summary: "Incomplete AWS credentials in the provider block",
            detail: ["The provider block sets access_key but not secret_key"]),
        FailureCase(
            name: "token without keys in the provider block",
            settings: SettingsSpec(region: "us-east-1", token: "tokenOnlyValue"),
            summary: "Incomplete AWS credentials in the provider block",
            detail: ["sets token but not access_key and secret_key"],
            secrets: ["tokenOnlyValue"]),
        FailureCase(
            name: "secret without key in the environment",
            variables: ["AWS_SECRET_ACCESS_KEY": "secretEnvAlone", "AWS_REGION": "us-east-1"],
            summary: "Incomplete AWS credentials in the environment",
            detail: ["sets AWS_SECRET_ACCESS_KEY but not AWS_ACCESS_KEY_ID"],
            secrets: ["secretEnvAlone"]),
        FailureCase(
            name: "a profile with a key but no secret",
            settings: SettingsSpec(region: "us-east-1", profile: "partial"),
            summary: "Incomplete AWS credentials in profile \"partial\" in ~/.aws/credentials",
            detail: ["sets aws_access_key_id but not aws_secret_access_key"]),
        FailureCase(
            name: "a profile asked for by AWS_PROFILE that does not exist",
            variables: ["AWS_PROFILE": "missing", "AWS_REGION": "us-east-1"],
            summary: "AWS profile \"missing\" not found",
            detail: [
                "named by AWS_PROFILE", "from the default location", "~/.aws/credentials: no profile \"missing\" in it",
                "~/.aws/config: no profile \"missing\" in it", "[missing]", "[profile missing]",
            ]),
        FailureCase(
            name: "a profile named in the provider block whose files are missing",
            files: [:],
            settings: SettingsSpec(region: "us-east-1", profile: "dev"),
            summary: "AWS profile \"dev\" not found",
            detail: ["named by the provider block (profile)", "~/.aws/credentials: file not found"]),
        FailureCase(
            name: "[profile prod] in a credentials file is not the profile prod",
            files: ["home/.aws/credentials": "credentials"],
            settings: SettingsSpec(region: "us-east-1", profile: "prod"),
            summary: "AWS profile \"prod\" not found",
            detail: ["~/.aws/credentials: no profile \"prod\" in it"]),
        FailureCase(
            name: "an SSO profile",
            settings: SettingsSpec(profile: "sso"),
            summary: "AWS profile \"sso\" has no access keys",
            detail: ["IAM Identity Center (sso_session)", "static keys only", "aws configure export-credentials --profile sso"]),
        FailureCase(
            name: "keys from the environment, no region in the chosen profile",
            variables: keys.merging(["AWS_PROFILE": "regionless"]) { $1 },
            summary: "No AWS region configured",
            detail: ["4. profile \"regionless\" in ~/.aws/config: the profile has no region", "[profile regionless]"],
            secrets: ["secretEnv"]),
        FailureCase(
            name: "a region that is not a region name",
            variables: keys.merging(["AWS_REGION": "US East 1"]) { $1 },
            summary: "Invalid AWS region \"US East 1\"",
            detail: ["from the environment (AWS_REGION)", "us-east-1"]),
        FailureCase(
            name: "a malformed credentials file",
            files: ["home/.aws/credentials": "credentials-malformed"],
            variables: ["AWS_REGION": "us-east-1"],
            summary: "Cannot read the AWS shared file ~/.aws/credentials",
            detail: ["Line 3 of ~/.aws/credentials", "expected key = value"],
            secrets: ["secretMustNotAppearInErrors"]),
        FailureCase(
            name: "invalid endpoint overrides",
            settings: SettingsSpec(
                region: "us-east-1", accessKey: "AKIDBLOCK", secretKey: "secretBlock",
                endpoints: ["ecs": "localhost:4566", "sts": "ftp://127.0.0.1", "iam": "http://", "ssm": "http://h:99999",
                            "efs": "http://user:pw@host"]),
            summary: "Invalid AWS endpoint URLs",
            detail: [
                "endpoints.ecs = \"localhost:4566\": it must start with http:// or https://",
                "endpoints.efs = (value not shown: it contains @)",
                "endpoints.iam = \"http://\": it has no host name",
                "endpoints.ssm = \"http://h:99999\": the port must be a number from 1 to 65535",
                "endpoints.sts = \"ftp://127.0.0.1\": the scheme must be http or https",
                "http://127.0.0.1:5000",
            ],
            secrets: ["secretBlock", "pw"]),
        FailureCase(
            name: "an invalid AWS_ENDPOINT_URL",
            variables: keys.merging(["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_ECS": "127.0.0.1:5000"]) { $1 },
            summary: "Invalid AWS endpoint URL",
            detail: ["AWS_ENDPOINT_URL_ECS=\"127.0.0.1:5000\": it must start with http:// or https://"]),
        FailureCase(
            name: "negative max_retries",
            settings: SettingsSpec(region: "us-east-1", accessKey: "AKIDBLOCK", secretKey: "secretBlock", maxRetries: -1),
            summary: "Invalid max_retries -1",
            detail: ["must be 0 or more"]),
        FailureCase(
            name: "AWS_MAX_ATTEMPTS that is not a number",
            variables: keys.merging(["AWS_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "many"]) { $1 },
            summary: "Invalid AWS_MAX_ATTEMPTS \"many\"",
            detail: ["whole number of 1 or more"]),
    ]

    @Test(arguments: failures)
    func fails(_ test: FailureCase) throws {
        let sandbox = try ConfigSandbox(test.files)
        let settings = test.settings.settings(sandbox)
        let environment = sandbox.environment(test.variables)
        let error = #expect(throws: AWSConfigurationError.self) {
            try AWSConfigurationResolver.resolve(settings, environment: environment)
        }
        guard let error else { return }
        #expect(error.summary == test.summary)
        var remaining = Substring(error.detail)
        for expected in test.detail {
            guard let found = remaining.range(of: expected) else {
                Issue.record("\"\(expected)\" is not in the detail (in this order):\n\(error.detail)")
                break
            }
            remaining = remaining[found.upperBound...]
        }
        for secret in test.secrets + ["secretDefault", "secretDev", "tokenDev", "secretProdConfig", "secretSecond"] {
            #expect(!error.description.contains(secret), "the error shows a secret")
        }
    }

    @Test(arguments: [
        (nil, [:], 5),
        (0, [:], 1),
        (24, [:], 25),
        (nil, ["AWS_MAX_ATTEMPTS": "3"], 3),
        (2, ["AWS_MAX_ATTEMPTS": "9"], 3),
    ] as [(Int?, [String: String], Int)])
    func maxAttempts(_ maxRetries: Int?, _ variables: [String: String], _ expected: Int) throws {
        var settings = AWSSettings()
        settings.region = "us-east-1"
        settings.accessKey = "AKIDBLOCK"
        settings.secretKey = "secretBlock"
        settings.maxRetries = maxRetries
        let resolved = try AWSConfigurationResolver.resolve(
            settings, environment: AWSEnvironment(variables: variables, homeDirectory: "/nonexistent"))
        #expect(resolved.maxAttempts == expected)
    }

    @Test func endpointOverridesAreValidatedAndKept() throws {
        var settings = AWSSettings()
        settings.region = "us-east-1"
        settings.accessKey = "AKIDBLOCK"
        settings.secretKey = "secretBlock"
        settings.endpoints = ["ecs": "http://127.0.0.1:5000/", "sts": "HTTPS://sts.example.com", "iam": "", "efs": "http://[::1]:4566/prefix"]
        let environment = AWSEnvironment(
            variables: ["AWS_ENDPOINT_URL": "not a url", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], homeDirectory: "/nonexistent")
        let resolved = try AWSConfigurationResolver.resolve(settings, environment: environment)
        #expect(resolved.endpointOverrides == [
            "ecs": "http://127.0.0.1:5000", "sts": "HTTPS://sts.example.com", "efs": "http://[::1]:4566/prefix",
        ])
        #expect(resolved.environment == environment)
    }

    @Test(arguments: [
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        ("https://ecs.us-east-1.amazonaws.com/", "https://ecs.us-east-1.amazonaws.com"),
        (" http://localhost:4566 ", "http://localhost:4566"),
        ("http://[::1]", "http://[::1]"),
    ])
    func validEndpoints(_ raw: String, _ expected: String) {
        #expect(AWSEndpointOverrides.check(raw) == .success(expected))
    }

    @Test(arguments: [
        "localhost:4566", "ftp://host", "http://", "http://:80", "http://host:0", "http://host:x",
        "http://ho st", "http://host?x=1", "http://host#f", "http://[::1", "https://u:p@host",
    ])
    func invalidEndpoints(_ raw: String) {
        guard case .failure(let why) = AWSEndpointOverrides.check(raw) else {
            Issue.record("\(raw) was accepted")
            return
        }
        #expect(!why.isEmpty)
    }

    @Test(arguments: [
        ("~", "/home/u"), ("~/.aws/config", "/home/u/.aws/config"), ("/etc/aws", "/etc/aws"),
        ("~other/x", "~other/x"), ("relative/x", "relative/x"),
    ])
    func tildeExpansion(_ path: String, _ expected: String) {
        #expect(AWSEnvironment(variables: [:], homeDirectory: "/home/u").expandingTilde(path) == expected)
        #expect(AWSEnvironment(variables: [:], homeDirectory: "/home/u/").expandingTilde(path) == expected)
    }

    @Test func currentEnvironmentUsesHOME() {
        let current = AWSEnvironment.current
        #expect(current.variables == ProcessInfo.processInfo.environment)
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            #expect(current.homeDirectory == home)
        }
        #expect(!current.homeDirectory.isEmpty)
    }

    @Test func sharedFileParsing() throws {
        let text = """
            top = ignored before any section
            [default]
            Region = us-east-1
            KEY=a=b
            ; comment
            # comment
            x = value;not-a-comment
            y = value ;a comment
            [profile  spaced ]
            region = eu-west-1
            [profile]
            region = ignored
            [default]
            extra = merged
            """
        let config = try AWSSharedConfigFile.parse(text, kind: .config, path: "test")
        #expect(config.profiles == [
            "default": ["region": "us-east-1", "key": "a=b", "x": "value;not-a-comment", "y": "value", "extra": "merged"],
            "spaced": ["region": "eu-west-1"],
        ])
        let credentials = try AWSSharedConfigFile.parse(text, kind: .credentials, path: "test")
        #expect(credentials.profiles["profile  spaced"] == ["region": "eu-west-1"])
        #expect(credentials.profiles["profile"] == ["region": "ignored"])
    }

    @Test(arguments: ["[default\nkey = value", "[default]\njust words", "[default]\n = value"])
    func malformedSharedFiles(_ text: String) {
        #expect(throws: AWSConfigurationError.self) {
            try AWSSharedConfigFile.parse(text, kind: .credentials, path: "test")
        }
    }

    @Test func anUnreadableSharedFileIsAnError() throws {
        let sandbox = try ConfigSandbox([:])
        try FileManager.default.createDirectory(atPath: sandbox.home + "/.aws/credentials", withIntermediateDirectories: true)
        let error = #expect(throws: AWSConfigurationError.self) {
            try AWSConfigurationResolver.resolve(AWSSettings(), environment: sandbox.environment(["AWS_REGION": "us-east-1"]))
        }
        #expect(error?.summary == "Cannot read the AWS shared file ~/.aws/credentials")
        #expect(error?.detail.contains("it is a directory") == true)
    }
}

/// Secrets never show in any textual form of the values that carry them.
@Suite struct CredentialRedactionTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "FQoGZXIvYXdzEXAMPLETOKENVALUE=="

    static func texts<T>(_ value: T) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return ["\(value)", String(describing: value), String(reflecting: value), dumped, "\([value])"]
    }

    @Test func credentialsHideSecretAndToken() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, sessionToken: Self.token, source: "the provider block")
        for text in Self.texts(credentials) {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            #expect(!text.contains("K7MDENG"))
        }
        #expect(credentials.description.contains("AKIDEXAMPLE"))
        #expect(credentials.description.contains("the provider block"))
        let withoutToken = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, source: "test")
        #expect(withoutToken.description.contains("sessionToken: none"))
    }

    @Test func resolvedConfigurationHidesSecretsFromTheEnvironmentToo() throws {
        let environment = AWSEnvironment(
            variables: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": Self.token,
                        "AWS_REGION": "us-east-1"],
            homeDirectory: "/nonexistent")
        let resolved = try AWSConfigurationResolver.resolve(AWSSettings(), environment: environment)
        #expect(resolved.credentials.secretAccessKey == Self.secret)
        #expect(resolved.credentials.sessionToken == Self.token)
        for text in Self.texts(resolved) + Self.texts(environment) {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
        }
    }
}
