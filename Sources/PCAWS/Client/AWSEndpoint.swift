/// Where requests for one service go, and why there.
public struct AWSEndpoint: Sendable, Equatable {
    /// Origin plus optional path prefix, without a trailing slash.
    public var url: String
    /// Where the URL came from, for messages: "the provider's endpoints block (ecs)",
    /// "AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL", "AWS's endpoint for us-east-1".
    public var source: String
    /// The region in the credential scope (IAM: its partition's home region).
    public var signingRegion: String

    public init(url: String, source: String, signingRegion: String) {
        self.url = url
        self.source = source
        self.signingRegion = signingRegion
    }
}
