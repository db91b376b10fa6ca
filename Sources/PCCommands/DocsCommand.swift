import ArgumentParser
import PCConfig
import PCDiagnostics

/// `pcplan docs`: a module's inputs and outputs tables in Markdown, from its
/// own declarations, printed or kept up to date in a README, as
/// `terraform-docs markdown table` does for Terraform modules.
struct DocsCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Generate a module's inputs and outputs tables in Markdown",
        usage: "pcplan docs [options] [DIR]",
        discussion: """
            Reads the variable and output blocks of the module in DIR (the current \
            directory if omitted; subdirectories and called modules are not read) and \
            prints an "## Inputs" and an "## Outputs" Markdown table, sorted by name, as \
            terraform-docs does. Types are shown as written, on one line; defaults as PCL \
            values; a sensitive variable's default as (sensitive). The same module always \
            gives the same bytes.

            With -write=FILE the tables replace the text between the lines \
            <!-- BEGIN_PCPLAN_DOCS --> and <!-- END_PCPLAN_DOCS --> in FILE; the rest of \
            FILE is kept. With -check=FILE nothing is written: the command says whether \
            that text is up to date, for CI.

            Variables and outputs without a description are named in a warning; the \
            warning does not change the exit status.

            Every option may be written with one dash or two: -check and --check are the same.

            Exit status: 0 on success (with -check, FILE is up to date), 1 on errors \
            (no such directory, no .pcl files, syntax errors, missing markers, bad \
            options), 3 when -check finds FILE out of date.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["no-color"], booleanOptions: [])

    @Option(name: [.customLong("write", withSingleDash: true), .customLong("write")],
            help: ArgumentHelp("Replace the text between the markers in FILE with the tables, instead of printing them.", valueName: "FILE"))
    var writeFile: String?

    @Option(name: [.customLong("check", withSingleDash: true), .customLong("check")],
            help: ArgumentHelp("Write nothing; exit with status 3 if the text between the markers in FILE is not what -write would put there.", valueName: "FILE"))
    var checkFile: String?

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")],
          help: "Do not use colour in diagnostics.")
    var noColor = false

    @Argument(help: ArgumentHelp("The module's directory; the current directory if omitted.", valueName: "DIR"))
    var directory: String = "."

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        if writeFile != nil && checkFile != nil {
            printer.print([Diagnostic(
                code: .docsOptions,
                detail: "-write and -check cannot be used together: -write updates the file, -check only says whether it is up to date. Give one of them.")])
            return ExitStatus.failure
        }
        let (docs, diagnostics) = Self.docs(forDirectory: directory, in: terminal)
        printer.print(diagnostics)
        guard let docs else { return ExitStatus.failure }
        let markdown = docs.markdown
        if let writeFile {
            return write(markdown, into: writeFile, terminal: terminal, printer: &printer)
        }
        if let checkFile {
            return check(markdown, against: checkFile, terminal: terminal, printer: &printer)
        }
        terminal.standardOutput.write(markdown)
        return ExitStatus.success
    }

    /// The tables of the module in `displayPath`, or nil when it cannot be
    /// read; with every problem found, warnings included.
    static func docs(forDirectory displayPath: String, in terminal: Terminal) -> (ModuleDocs?, [Diagnostic]) {
        let path = terminal.resolve(displayPath)
        switch FileSystem.kind(at: path) {
        case .directory:
            break
        case .missing:
            return (nil, [FileSystem.Failure.notFound(path: path).diagnostic(displayPath: displayPath)])
        case .file, .other:
            return (nil, [Diagnostic(
                code: .notADirectory,
                detail: "\"\(displayPath)\" is not a directory. pcplan docs documents a whole module: give the directory that holds its .pcl files.")])
        }
        let (module, loaded) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: displayPath)
        // Only this module's own files matter: the modules it calls are
        // documented on their own.
        let ownFiles = Set(module.files.map(\.source.path))
        var diagnostics = loaded.filter { $0.file == nil || ownFiles.contains($0.file!.path) }
        if let index = diagnostics.firstIndex(where: { $0.code == .noConfigurationFiles }) {
            diagnostics[index] = Diagnostic(
                code: .docsNoConfiguration,
                detail: "The directory \"\(displayPath)\" contains no .pcl files, so it declares no inputs or outputs. Give the directory of the module to document.")
        }
        diagnostics = diagnostics.sortedBySource()
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        if let warning = ModuleDocs.missingDescriptions(in: module) { diagnostics.append(warning) }
        return (ModuleDocs(module: module), diagnostics)
    }

    /// The command that brings `file` up to date, as the user would type it.
    func fixCommand(for file: String) -> String {
        ["pcplan", "docs", "-write", file, directory].map(ShellWord.quoted).joined(separator: " ")
    }

    private func write(_ markdown: String, into file: String, terminal: Terminal, printer: inout DiagnosticPrinter) -> Int32 {
        let path = terminal.resolve(file)
        let document: [UInt8]
        switch FileSystem.readFile(at: path) {
        case .success(let bytes): document = bytes
        case .failure(let failure):
            printer.print([failure.diagnostic(displayPath: file)])
            return ExitStatus.failure
        }
        let updated: [UInt8]
        switch DocsMarkers.replacingSection(in: document, with: markdown) {
        case .success(let bytes): updated = bytes
        case .failure(let problem):
            printer.print([Diagnostic(code: .docsMarkers, detail: problem.detail(path: file, fix: fixCommand(for: file)))])
            return ExitStatus.failure
        }
        guard updated != document else { return ExitStatus.success }
        if case .failure(let failure) = FileSystem.writeFile(at: path, bytes: updated) {
            printer.print([failure.diagnostic(displayPath: file)])
            return ExitStatus.failure
        }
        terminal.standardOutput.write(file + "\n")
        return ExitStatus.success
    }

    private func check(_ markdown: String, against file: String, terminal: Terminal, printer: inout DiagnosticPrinter) -> Int32 {
        let document: [UInt8]
        switch FileSystem.readFile(at: terminal.resolve(file)) {
        case .success(let bytes): document = bytes
        case .failure(let failure):
            printer.print([failure.diagnostic(displayPath: file)])
            return ExitStatus.failure
        }
        switch DocsMarkers.isCurrent(document, markdown: markdown) {
        case .success(true):
            return ExitStatus.success
        case .success(false):
            printer.print([Diagnostic(
                code: .docsStale,
                detail: "The inputs and outputs tables in \"\(file)\" do not match the declarations of the module in \"\(directory)\". Regenerate them with:\n\n  \(fixCommand(for: file))")])
            return ExitStatus.stale
        case .failure(let problem):
            printer.print([Diagnostic(code: .docsMarkers, detail: problem.detail(path: file, fix: fixCommand(for: file)))])
            return ExitStatus.failure
        }
    }
}

extension ExitStatus {
    /// `docs -check` found the file out of date: the status `fmt -check`
    /// uses for files that need rewriting, so CI scripts treat both alike.
    static let stale: Int32 = notFormatted
}
