import ArgumentParser
import PCConfig
import PCDiagnostics
import PCState

/// `pcplan state mv FROM TO`: gives recorded objects a new address.
struct StateMoveCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Move an item in the state",
        usage: "pcplan state mv [options] SOURCE DESTINATION",
        discussion: """
            Gives objects in the state a new address, so that a renamed resource or \
            module keeps its real objects instead of being destroyed and created again. \
            SOURCE may be a resource instance (aws_instance.a[0]), a whole resource with \
            all its instances (aws_instance.a), or a module with everything in it \
            (module.app); DESTINATION must be of the same kind, of the same resource type, \
            and not already in the state. The move is one change to the state, made under \
            the state lock. A moved block in the configuration does the same during plan.

            Exit status: 0 on success, 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = StateCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Flag(name: [.customLong("dry-run", withSingleDash: true), .customLong("dry-run")],
          help: "Print what would be moved, and move nothing.")
    var dryRun = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @OptionGroup var lockOptions: StateLockOptions

    @Argument(help: ArgumentHelp("The address to move.", valueName: "SOURCE"))
    var source: String

    @Argument(help: ArgumentHelp("The new address.", valueName: "DESTINATION"))
    var destination: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        var diagnostics: [Diagnostic] = []
        func parse(_ text: String, _ role: String) -> TargetAddress? {
            switch TargetAddress.parse(text) {
            case .success(let address): return address
            case .failure(let error):
                diagnostics.append(Diagnostic(code: .invalidAddress, summary: "Invalid \(role) address", detail: error.message))
                return nil
            }
        }
        let from = parse(source, "source"), to = parse(destination, "target")
        let timeout = lockOptions.timeout(reportingTo: &diagnostics)
        guard let from, let to, let timeout else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        let (loaded, stateDiagnostics) = StateAccess.loadExisting(
            path: statePath, terminal: terminal, lockFor: lockOptions.operation("state mv"), lockTimeout: timeout)
        guard let state = loaded else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        defer { state.release() }
        let steps: [StateMove.Step]
        switch StateMove(index: StateAddressIndex(state.snapshot)).steps(from: from, to: to) {
        case .success(let found): steps = found
        case .failure(let problem):
            printer.print([problem])
            return ExitStatus.failure
        }
        if dryRun {
            terminal.standardOutput.write("Would move \"\(from)\" to \"\(to)\"\n")
            return ExitStatus.success
        }
        let changes = ChangeSet(steps.map { StateChange.moveInstance(from: $0.from, to: StateMove.identity(of: $0.to)) })
        let commitDiagnostics = state.access.commit(changes, displayPath: statePath)
        guard commitDiagnostics.isEmpty else {
            printer.print(commitDiagnostics)
            return ExitStatus.failure
        }
        // Terraform counts the address moved, not the instances under it.
        terminal.standardOutput.write("Move \"\(from)\" to \"\(to)\"\nSuccessfully moved 1 object(s).\n")
        return ExitStatus.success
    }
}
