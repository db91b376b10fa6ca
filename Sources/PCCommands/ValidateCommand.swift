import PCConfig
import ArgumentParser
import PCDiagnostics
import PCLSyntax
import PCPlan

/// `pcplan validate`: checks that the configuration in a directory is
/// valid, reporting every problem of every file in one run.
struct ValidateCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check whether the configuration is valid",
        usage: "pcplan validate [options] [DIR]",
        discussion: """
            Validates the configuration files (.pcl) in a directory, without looking at \
            subdirectories, remote services or state. All files are read and every error \
            found is reported, not just the first.

            It checks syntax (the whole PCL language), then the declarations: block types \
            and their arguments, duplicate names, module sources, references to names \
            that are not declared, and dependency cycles. Provider arguments and values \
            are checked by pcplan plan, which knows the variables and the state.

            Every option may be written with one dash or two: -json and --json are the same.

            Exit status: 0 when the configuration is valid, 1 when it is not or the \
            command line is wrong.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["json", "no-color"], booleanOptions: [])

    @Flag(name: [.customLong("json", withSingleDash: true), .customLong("json")],
          help: "Produce output in a machine-readable JSON format, the shape of terraform validate -json. Always disables colour.")
    var json = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")],
          help: "If specified, output won't contain any colour.")
    var noColor = false

    @Argument(help: ArgumentHelp("The directory to validate; the current directory if omitted.", valueName: "DIR"))
    var directory: String = "."

    func run(in terminal: Terminal) -> Int32 {
        let diagnostics = Self.diagnostics(forDirectory: directory, in: terminal)
        if json {
            terminal.standardOutput.write(DiagnosticJSON.validateReport(diagnostics).rendered())
        } else {
            var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
            printer.print(diagnostics)
            if !diagnostics.hasErrors {
                let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: noColor)
                let success = color ? "\u{1B}[1;32mSuccess!\u{1B}[0m" : "Success!"
                let rest = diagnostics.isEmpty
                    ? "The configuration is valid."
                    : "The configuration is valid, but there were some validation warnings as shown above."
                terminal.standardOutput.write("\(success) \(rest)\n")
            }
        }
        return diagnostics.hasErrors ? ExitStatus.failure : ExitStatus.success
    }

    /// Every diagnostic for the configuration files of one directory, in
    /// file order, then source order.
    static func diagnostics(forDirectory displayPath: String, in terminal: Terminal) -> [Diagnostic] {
        let path = terminal.resolve(displayPath)
        switch FileSystem.kind(at: path) {
        case .directory:
            break
        case .missing:
            return [FileSystem.Failure.notFound(path: path).diagnostic(displayPath: displayPath)]
        case .file, .other:
            return [Diagnostic(
                code: .notADirectory,
                detail: "\"\(displayPath)\" is not a directory. pcplan validate checks all configuration files of a directory; give the directory that holds the file.")]
        }
        let found = ConfigurationFiles.collect(
            displayPath: displayPath, path: path, recursive: false, include: ConfigurationFiles.isConfiguration)
        var diagnostics = found.problems
        for file in found.files {
            switch FileSystem.readFile(at: file.path) {
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(displayPath: file.displayPath))
            case .success(let bytes):
                let syntax = Parser.parse(SourceFile(path: file.displayPath, bytes: bytes))
                ProcessLifetime.keepUntilExit(syntax)
                diagnostics += syntax.diagnostics.sortedBySource()
            }
        }
        guard !diagnostics.hasErrors else { return diagnostics }
        return diagnostics + declarationDiagnostics(forDirectory: displayPath, in: terminal)
    }

    /// Checks beyond syntax that need no state and no variable values, as
    /// `terraform validate` makes: block types and their arguments,
    /// duplicate names, module sources, references to undeclared names and
    /// cycles. Syntax problems of called modules are reported here too.
    static func declarationDiagnostics(forDirectory displayPath: String, in terminal: Terminal) -> [Diagnostic] {
        let (module, loaded) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: displayPath)
        for file in module.allModules.flatMap(\.files) { ProcessLifetime.keepUntilExit(file) }
        // The root's own syntax was checked above, and an empty directory
        // is not an error for validate.
        let rootFiles = Set(module.files.map(\.source.path))
        let relevant = loaded.filter { diagnostic in
            diagnostic.code != .noConfigurationFiles
                && !(diagnostic.code.id.hasPrefix("syntax.") && rootFiles.contains(diagnostic.file?.path ?? ""))
        }
        guard !relevant.hasErrors else { return relevant }
        return relevant + GraphExport.dot(for: module).1
    }
}
