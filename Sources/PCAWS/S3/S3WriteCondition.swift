import PCHTTP

/// The condition a PutObject is made under, checked by S3 atomically with
/// the write: the state backend's guard against overwriting a newer state
/// or taking a lock someone else holds.
///
/// A write whose condition does not hold changes nothing and fails with
/// `S3Error.preconditionFailed`.
public enum S3WriteCondition: Sendable, Equatable, CustomStringConvertible {
    /// Write whatever is there.
    case none
    /// `If-None-Match: *`: only if no object has this key yet (create-only).
    case ifNoneMatchAny
    /// `If-Match: "<etag>"`: only if the object is still the one with this
    /// ETag, as `getObject`/`putObject` returned it (quotes optional).
    case ifMatch(String)

    /// The request headers that carry the condition.
    public var headers: [HTTPHeader] {
        switch self {
        case .none: []
        case .ifNoneMatchAny: [HTTPHeader("If-None-Match", "*")]
        case .ifMatch(let etag): [HTTPHeader("If-Match", S3WriteCondition.quoted(etag))]
        }
    }

    /// Whether S3 may refuse the write for this condition.
    public var isConditional: Bool { self != .none }

    /// "the object must not exist yet", "the object must still have ETag \"…\"".
    public var description: String {
        switch self {
        case .none: "no condition"
        case .ifNoneMatchAny: "If-None-Match: * (the object must not exist yet)"
        case .ifMatch(let etag): "If-Match: \(S3WriteCondition.quoted(etag)) (the object must still be that version)"
        }
    }

    /// An entity tag in the quoted form HTTP conditions take: S3 sends
    /// ETags quoted, callers may have stripped the quotes.
    static func quoted(_ etag: String) -> String {
        if etag.hasPrefix("\"") || etag.hasPrefix("W/\"") { return etag }
        return "\"" + etag + "\""
    }
}
