import PCDiagnostics

/// Rewrites a file's whitespace into canonical style. (Placeholder.)
public enum Formatter {
    /// The formatted bytes of a lexed file. Only whitespace and line ends
    /// change; every token keeps its text and order.
    public static func format(_ lexed: LexedFile) -> [UInt8] {
        lexed.file.bytes
    }
}
