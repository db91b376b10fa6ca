import PCConfig
import ArgumentParser
import PCDiagnostics
import PCLSyntax

/// `pcplan fmt`: rewrites configuration files in the canonical style, as
/// `terraform fmt` does for Terraform.
struct FmtCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Reformat your configuration in the standard style",
        usage: "pcplan fmt [options] [PATH...]",
        discussion: """
            Rewrites all PCL configuration files (.pcl, .pclvars, .auto.pclvars) to a \
            canonical format: two-space indentation, aligned "=" signs across consecutive \
            single-line arguments, canonical spacing. Only whitespace and line ends change; \
            a file with syntax errors is never rewritten.

            By default, fmt scans the current directory for configuration files. If you \
            give a directory as PATH, it scans that directory instead; a file is formatted \
            on its own. If PATH is "-", fmt reads configuration from standard input and \
            writes the formatted result to standard output.

            Every option may be written with one dash or two: -check and --check are the same.

            Exit status: 0 on success, 1 on errors (syntax errors, unreadable files, \
            bad options), 3 when -check finds files that are not formatted.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(
        flags: ["check", "diff", "recursive", "no-color"],
        booleanOptions: ["list", "write"]
    )

    @Flag(name: [.customLong("check", withSingleDash: true), .customLong("check")],
          help: "Check if the input is formatted. Exit status is 0 if all input is properly formatted, 3 if not. Nothing is written.")
    var check = false

    @Flag(name: [.customLong("diff", withSingleDash: true), .customLong("diff")],
          help: "Display diffs of formatting changes.")
    var diff = false

    @Flag(name: [.customLong("recursive", withSingleDash: true), .customLong("recursive")],
          help: "Also process files in subdirectories. By default, only the given directory (or current directory) is processed.")
    var recursive = false

    @Option(name: [.customLong("list", withSingleDash: true), .customLong("list")],
            help: ArgumentHelp("List files whose formatting differs. Use -list=false to not list them.", valueName: "true|false"))
    var list = TerraformBool(true)

    @Option(name: [.customLong("write", withSingleDash: true), .customLong("write")],
            help: ArgumentHelp("Write the result to the source file instead of only listing it. Use -write=false to leave files alone. Always false with -check or for standard input.", valueName: "true|false"))
    var write = TerraformBool(true)

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")],
          help: "Do not use colour in diagnostics.")
    var noColor = false

    @Argument(help: ArgumentHelp("Files or directories to format, or \"-\" for standard input.", valueName: "PATH"))
    var paths: [String] = []

    func run(in terminal: Terminal) -> Int32 {
        var run = FmtRun(options: self, terminal: terminal)
        return run.execute()
    }
}

/// One execution of `fmt`: the state that builds up while files are processed.
struct FmtRun {
    let options: FmtCommand
    let terminal: Terminal
    var printer: DiagnosticPrinter
    var failed = false
    var unformatted = false

    init(options: FmtCommand, terminal: Terminal) {
        self.options = options
        self.terminal = terminal
        self.printer = DiagnosticPrinter(terminal: terminal, noColor: options.noColor)
    }

    mutating func execute() -> Int32 {
        let paths = options.paths.isEmpty ? ["."] : options.paths
        if paths.contains("-") {
            if paths.count > 1 {
                report(Diagnostic(
                    code: .standardInputWithPaths,
                    detail: "\"-\" reads configuration from standard input and must be the only path given."))
            } else {
                formatStandardInput()
            }
        } else {
            for path in paths { formatPath(path) }
        }
        if failed { return ExitStatus.failure }
        if options.check && unformatted { return ExitStatus.notFormatted }
        return ExitStatus.success
    }

    private mutating func report(_ diagnostics: Diagnostic...) {
        report(diagnostics)
    }

    private mutating func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        if diagnostics.hasErrors { failed = true }
        printer.print(diagnostics)
    }

    private mutating func formatPath(_ displayPath: String) {
        let path = terminal.resolve(displayPath)
        switch FileSystem.kind(at: path) {
        case .directory:
            let found = ConfigurationFiles.collect(
                displayPath: displayPath, path: path, recursive: options.recursive,
                include: ConfigurationFiles.isFormattable)
            report(found.problems)
            for file in found.files { formatFile(file) }
        case .file:
            let name = displayPath.split(separator: "/").last.map(String.init) ?? displayPath
            guard ConfigurationFiles.isFormattable(name) else {
                report(Diagnostic(
                    code: .fmtUnsupportedFile,
                    detail: "\"\(displayPath)\" is not a .pcl or .pclvars file. Give pcplan fmt a configuration file or a directory."))
                return
            }
            formatFile(.init(displayPath: displayPath, path: path))
        case .missing:
            report(FileSystem.Failure.notFound(path: path).diagnostic(displayPath: displayPath))
        case .other:
            report(Diagnostic(
                code: .fmtUnsupportedFile,
                detail: "\"\(displayPath)\" is neither a regular file nor a directory."))
        }
    }

    /// The canonical form of `source`, or nil after reporting its syntax errors.
    private mutating func formatted(_ source: SourceFile) -> [UInt8]? {
        let syntax = Parser.parse(source)
        ProcessLifetime.keepUntilExit(syntax)
        if syntax.diagnostics.hasErrors {
            report(syntax.diagnostics.sortedBySource())
            return nil
        }
        // The parser already lexed the file; format from its tokens.
        return PCLFormatter.format(LexedFile(file: source, tokens: syntax.tokens, diagnostics: []))
    }

    private mutating func formatFile(_ file: ConfigurationFiles.Found) {
        let bytes: [UInt8]
        switch FileSystem.readFile(at: file.path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            report(failure.diagnostic(displayPath: file.displayPath))
            return
        }
        let source = SourceFile(path: file.displayPath, bytes: bytes)
        guard let result = formatted(source) else { return }
        guard result != bytes else { return }
        unformatted = true
        if options.list.value {
            terminal.standardOutput.write(file.displayPath)
            terminal.standardOutput.write("\n")
        }
        if options.write.value && !options.check {
            if case .failure(let failure) = FileSystem.writeFile(at: file.path, bytes: result) {
                report(failure.diagnostic(displayPath: file.displayPath))
            }
        }
        if options.diff {
            terminal.standardOutput.write(LineDiff.unified(old: bytes, new: result, path: file.displayPath))
        }
    }

    /// `-`: formatted text to standard output; with -check only the exit
    /// status (and the diff with -diff) says whether it was formatted.
    private mutating func formatStandardInput() {
        let bytes: [UInt8]
        switch terminal.readStandardInput() {
        case .success(let read): bytes = read
        case .failure(let failure):
            report(failure.diagnostic(displayPath: "<stdin>"))
            return
        }
        let source = SourceFile(path: "<stdin>", bytes: bytes)
        guard let result = formatted(source) else { return }
        unformatted = result != bytes
        if options.diff {
            terminal.standardOutput.write(LineDiff.unified(old: bytes, new: result, path: "<stdin>"))
        } else if !options.check {
            terminal.standardOutput.write(bytes: result)
        }
    }
}
