import PCDiagnostics
import PCLSyntax

/// Templates given as text at run time (`templatefile`, `templatestring`):
/// parsed as a file of template text so diagnostics point into it.
enum TemplateSource {
    static func parse(_ template: String, name: String) -> (SyntaxExpression, SourceFile, [Diagnostic]) {
        let file = SourceFile(path: name, text: template)
        let (expression, diagnostics) = Parser.parseTemplate(file)
        return (expression, file, diagnostics)
    }

    /// A diagnostic inside a template, as one line for a function error:
    /// `name:line,column: summary; detail`.
    static func describe(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        guard let subject = diagnostic.subject else { return "\(diagnostic.summary): \(diagnostic.detail)" }
        let position = file.position(at: subject.start)
        return "\(file.path):\(position.line),\(position.column): \(diagnostic.summary); \(diagnostic.detail)"
    }
}
