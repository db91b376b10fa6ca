import PCDiagnostics

/// Writes diagnostics to standard error in terminal form, deciding colour
/// and wrap width for the terminal at hand. The one place a command's
/// diagnostics reach the user.
struct DiagnosticPrinter {
    let terminal: Terminal
    let renderer: DiagnosticRenderer
    private(set) var printed = 0

    init(terminal: Terminal, noColor: Bool) {
        self.terminal = terminal
        self.renderer = DiagnosticRenderer(
            color: terminal.usesColor(on: terminal.standardError, noColorFlag: noColor),
            width: terminal.wrapWidth(for: terminal.standardError)
        )
    }

    mutating func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if printed > 0 { terminal.standardError.write("\n") }
            var stream = terminal.standardError
            renderer.write(diagnostic, to: &stream)
            printed += 1
        }
    }
}
