/// How serious a diagnostic is. Errors stop the command; warnings do not.
public enum Severity: String, Sendable, Codable, Hashable {
    case error
    case warning
}

/// One problem found in the user's input, in the shape Terraform users
/// already read: a terse summary, full-sentence detail, and the exact piece
/// of source it is about.
public struct Diagnostic: Sendable, Error {
    public var severity: Severity
    /// Stable identifier of the kind of problem, from `DiagnosticCode`.
    public var code: DiagnosticCode
    /// One short line: what is wrong.
    public var summary: String
    /// Full sentences: why it is wrong and what to do about it.
    public var detail: String
    /// The file the ranges refer to; nil for problems with no source (for
    /// example a path that does not exist).
    public var file: SourceFile?
    /// The exact construct the diagnostic is about.
    public var subject: SourceRange?
    /// A wider range to show around the subject, when it helps.
    public var context: SourceRange?

    public init(
        _ severity: Severity = .error,
        code: DiagnosticCode,
        summary: String? = nil,
        detail: String,
        file: SourceFile? = nil,
        subject: SourceRange? = nil,
        context: SourceRange? = nil
    ) {
        self.severity = severity
        self.code = code
        self.summary = summary ?? code.summary
        self.detail = detail
        self.file = file
        self.subject = subject
        self.context = context
    }

    public var isError: Bool { severity == .error }

    /// Where the subject starts, if the diagnostic has a source.
    public var location: SourceSpan? {
        guard let file, let subject else { return nil }
        return SourceSpan(file: file, range: subject)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }

    /// Sorted by file path, then position, errors before warnings at the
    /// same position: the order people read them in.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            let pathA = a.file?.path ?? "", pathB = b.file?.path ?? ""
            if pathA != pathB { return pathA < pathB }
            let startA = a.subject?.start ?? 0, startB = b.subject?.start ?? 0
            if startA != startB { return startA < startB }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
