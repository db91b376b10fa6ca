/// Why AWS configuration could not be resolved: what is wrong (`summary`),
/// and in `detail` which sources were tried, in order, and what to do.
/// Never contains a secret key or a token.
public struct AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var summary: String
    public var detail: String

    public init(summary: String, detail: String) {
        self.summary = summary
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? summary : summary + "\n" + detail }

    /// Several problems found at once, reported together so that a user fixes
    /// them in one go.
    static func combining(_ errors: [AWSConfigurationError]) -> AWSConfigurationError? {
        guard let first = errors.first else { return nil }
        if errors.count == 1 { return first }
        return AWSConfigurationError(
            summary: errors.map(\.summary).joined(separator: "; "),
            detail: errors.map { $0.summary + ":\n" + $0.detail }.joined(separator: "\n\n"))
    }
}
