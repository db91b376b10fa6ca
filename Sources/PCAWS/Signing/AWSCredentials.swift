/// An access key pair, with the session token of temporary credentials, and
/// where it was found.
///
/// Every textual form of this value (`description`, `debugDescription`,
/// `dump`) shows the access key ID and the source but never the secret key
/// or the token, so credentials can travel inside values that get logged.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Where they came from, for messages: "the provider block", "the
    /// environment (AWS_ACCESS_KEY_ID)", "profile \"dev\" in ~/.aws/credentials".
    public var source: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    public var description: String {
        let token = sessionToken == nil ? "none" : "<redacted>"
        return "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(token), source: \(source))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyID": accessKeyID,
            "secretAccessKey": "<redacted>",
            "sessionToken": sessionToken == nil ? "none" : "<redacted>",
            "source": source,
        ], displayStyle: .struct)
    }
}
