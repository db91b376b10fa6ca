/// A stable identifier for one kind of diagnostic, with its summary line.
///
/// Codes are declared as static members in catalogues, one per stage (for
/// example `DiagnosticCode+Lexer.swift` in PCLSyntax), kept in alphabetical
/// order, so every message the user can see is listed in one place and tests
/// can assert on the kind of a problem without matching its wording.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    /// Stable machine-readable id, such as `"syntax.unclosed-string"`.
    public let id: String
    /// The default summary line shown to the user.
    public let summary: String

    public init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }

    public var description: String { id }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

extension DiagnosticCode {
    // Problems that are not about the text of a file.
    public static let fileNotFound = DiagnosticCode("io.file-not-found", "No such file or directory")
    public static let fileTooLarge = DiagnosticCode("io.file-too-large", "File too large")
    public static let fileUnreadable = DiagnosticCode("io.file-unreadable", "Cannot read file")
}
