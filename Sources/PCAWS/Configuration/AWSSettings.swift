/// What the `provider "aws"` block says. Everything is optional: what is not
/// set here is looked up in the environment and the shared files by
/// `AWSConfigurationResolver`.
public struct AWSSettings: Sendable, Equatable {
    /// `region`.
    public var region: String?
    /// `access_key`.
    public var accessKey: String?
    /// `secret_key`.
    public var secretKey: String?
    /// `token`: the session token of temporary credentials.
    public var token: String?
    /// `profile`: the shared-files profile to use instead of `AWS_PROFILE`
    /// or `default`.
    public var profile: String?
    /// `shared_credentials_files`; `~` stands for the home directory. Empty:
    /// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public var sharedCredentialsFiles: [String]
    /// `shared_config_files`; empty: `AWS_CONFIG_FILE`, else `~/.aws/config`.
    public var sharedConfigFiles: [String]
    /// `endpoints { ecs = "…" }`, keyed by Terraform's service key.
    public var endpoints: [String: String]
    /// `max_retries`: retries after the first attempt.
    public var maxRetries: Int?

    public init() {
        sharedCredentialsFiles = []
        sharedConfigFiles = []
        endpoints = [:]
    }
}
