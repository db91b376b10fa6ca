import PCHTTP

/// What signing one request produced: the headers to send, in order, and the
/// texts in between, which the tests compare with AWS's published examples.
public struct SigV4Signature: Sendable, Equatable, CustomStringConvertible {
    /// Every header of the signed request, in sending order: the caller's,
    /// then `Host` when it was missing, `X-Amz-Date`, `X-Amz-Security-Token`,
    /// `X-Amz-Content-Sha256` and `Authorization`.
    public var headers: [HTTPHeader]
    /// Task 1: the canonical request.
    public var canonicalRequest: String
    /// Task 2: `AWS4-HMAC-SHA256`, the timestamp, the scope and the hash of
    /// the canonical request.
    public var stringToSign: String
    /// `20150830/us-east-1/iam/aws4_request`.
    public var credentialScope: String
    /// `content-type;host;x-amz-date`.
    public var signedHeaders: String
    /// Task 3: the hex HMAC of the string to sign. A secret-derived value:
    /// never log it.
    public var signature: String
    /// The value of the `Authorization` header.
    public var authorization: String

    /// The scope and signed headers, never the signature or the token.
    public var description: String {
        "SigV4Signature(scope: \(credentialScope), signedHeaders: \(signedHeaders), signature: <redacted>)"
    }
}
