import ArgumentParser
import PCDiagnostics
import PCState

/// `pcplan state pull`: the whole state as JSON on standard output.
struct StatePullCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Print the state as JSON",
        usage: "pcplan state pull [options]",
        discussion: """
            Prints the state as JSON in the shape of Terraform's state format (version \
            4), for tools that read terraform state pull. The state is not changed.

            Exit status: 0 on success, 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = StateCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let (opened, openDiagnostics) = StateAccess.existing(path: statePath, terminal: terminal, lockFor: nil)
        guard let access = opened else {
            printer.print(openDiagnostics)
            return ExitStatus.failure
        }
        do {
            terminal.standardOutput.write(try access.backend.pullJSON())
            return ExitStatus.success
        } catch {
            printer.print([Diagnostic(code: .stateUnavailable, detail: StateAccess.describe(error, path: statePath))])
            return ExitStatus.failure
        }
    }
}
