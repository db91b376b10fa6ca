/// Everything the AWS client needs, settled: credentials and region with
/// where each came from, validated endpoint overrides and the retry budget.
public struct ResolvedAWSConfiguration: Sendable, Equatable {
    public var credentials: AWSCredentials
    public var region: String
    /// "the provider block", "the environment (AWS_REGION)",
    /// "profile \"dev\" in ~/.aws/config".
    public var regionSource: String
    /// `endpoints { … }` from the provider block, validated, without trailing
    /// slashes; empty values are dropped.
    public var endpointOverrides: [String: String]
    /// For `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`, read when a
    /// service's endpoint is chosen.
    public var environment: AWSEnvironment
    /// Attempts per call, first one included: `max_retries` + 1, default 5.
    public var maxAttempts: Int

    public init(
        credentials: AWSCredentials,
        region: String,
        regionSource: String,
        endpointOverrides: [String: String] = [:],
        environment: AWSEnvironment = AWSEnvironment(variables: [:], homeDirectory: "/"),
        maxAttempts: Int = 5
    ) {
        self.credentials = credentials
        self.region = region
        self.regionSource = regionSource
        self.endpointOverrides = endpointOverrides
        self.environment = environment
        self.maxAttempts = maxAttempts
    }
}
