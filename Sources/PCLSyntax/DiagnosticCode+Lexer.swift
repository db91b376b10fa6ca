import PCDiagnostics

/// Problems the lexer reports: constructs left open. Everything else about
/// individual tokens (stray characters, bad encoding) is reported by the
/// parser, which knows the context.
extension DiagnosticCode {
    public static let unclosedComment = DiagnosticCode(
        "syntax.unclosed-comment", "Unterminated comment")
    public static let unclosedHeredoc = DiagnosticCode(
        "syntax.unclosed-heredoc", "Unterminated heredoc")
    public static let unclosedTemplateDirective = DiagnosticCode(
        "syntax.unclosed-template-directive", "Unterminated template directive")
    public static let unclosedTemplateInterpolation = DiagnosticCode(
        "syntax.unclosed-template-interpolation", "Unterminated template interpolation")
    public static let unclosedString = DiagnosticCode(
        "syntax.unclosed-string", "Unterminated string")
}
