import Foundation

/// Who a client's credentials belong to, as STS GetCallerIdentity says.
public struct AWSCallerIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String?
    public var userID: String?
}

extension AWSClient {
    /// The caller's identity, asked of STS once per client: the provider's
    /// credential check, `aws_caller_identity` and ARNs that replies do not
    /// carry all need it, and it cannot change while the client lives.
    public func callerIdentity() throws(AWSError) -> AWSCallerIdentity {
        if let known = identity.value { return known }
        let reply = try query(.sts, "GetCallerIdentity")
        guard let result = reply["GetCallerIdentityResult"], let account = result.string("Account") else {
            throw AWSError(
                code: "InvalidResponse", message: "STS GetCallerIdentity answered without an Account.",
                service: AWSService.sts.signingName, operation: "GetCallerIdentity")
        }
        let found = AWSCallerIdentity(account: account, arn: result.string("Arn"), userID: result.string("UserId"))
        identity.value = found
        return found
    }
}

/// The remembered identity. Thread-safe: `lock` guards `stored`.
final class CallerIdentityCache: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: AWSCallerIdentity?

    var value: AWSCallerIdentity? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }
}
