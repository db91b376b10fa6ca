import ArgumentParser
import PCConfig
import PCDiagnostics
import PCState

/// `pcplan state rm ADDRESS…`: forgets objects without destroying them.
struct StateRemoveCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove instances from the state",
        usage: "pcplan state rm [options] ADDRESS...",
        discussion: """
            Removes resource instances from the state, so that pcplan forgets them \
            without destroying the real objects. An instance address removes that \
            instance; a resource address all its instances (with count or for_each); a \
            module address everything in the module and its child modules. All the \
            removals are one change to the state, made under the state lock.

            Exit status: 0 on success, 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = StateCommand.terraformArguments

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Flag(name: [.customLong("dry-run", withSingleDash: true), .customLong("dry-run")],
          help: "Print what would be removed, and remove nothing.")
    var dryRun = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @OptionGroup var lockOptions: StateLockOptions

    @Argument(help: ArgumentHelp("Resource instance, resource or module addresses to remove.", valueName: "ADDRESS"))
    var addresses: [String] = []

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        var diagnostics: [Diagnostic] = []
        if addresses.isEmpty {
            diagnostics.append(Diagnostic(
                code: .invalidAddress, summary: "Address required",
                detail: "pcplan state rm needs at least one address to remove, such as aws_instance.web or module.app; pcplan state list shows the addresses recorded."))
        }
        var targets: [(text: String, target: TargetAddress)] = []
        for text in addresses {
            switch TargetAddress.parse(text) {
            case .success(let target): targets.append((text, target))
            case .failure(let error): diagnostics.append(Diagnostic(code: .invalidAddress, detail: error.message))
            }
        }
        let timeout = lockOptions.timeout(reportingTo: &diagnostics)
        guard let timeout, !diagnostics.hasErrors else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        let (loaded, stateDiagnostics) = StateAccess.loadExisting(
            path: statePath, terminal: terminal, lockFor: lockOptions.operation("state rm"), lockTimeout: timeout)
        guard let state = loaded else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        defer { state.release() }
        let index = StateAddressIndex(state.snapshot)
        var chosen = Set<String>()
        var unmatched: [String] = []
        for (text, target) in targets {
            let found = index.matching(target)
            if found.isEmpty { unmatched.append(text) }
            chosen.formUnion(found.map(\.text))
        }
        // In state order, whatever order the addresses were given in.
        let removed = index.entries.map(\.text).filter { chosen.contains($0) }
        if removed.isEmpty {
            printer.print([Diagnostic(
                code: .stateNoMatch,
                detail: "No objects in the state match \(unmatched.joined(separator: ", ")). Run pcplan state list to see the addresses recorded, and give the address of an instance, a resource or a module.")])
            return ExitStatus.failure
        }
        // Terraform removes what matched and carries on; say which
        // addresses did not, so a typo in one of several is not missed.
        printer.print(unmatched.map { text in
            Diagnostic(
                .warning, code: .stateNoMatch, summary: "No match for \(text)",
                detail: "No object in the state matches \(text); the other addresses were removed.")
        })
        if dryRun {
            terminal.standardOutput.write(removed.map { "Would remove \($0)\n" }.joined())
            return ExitStatus.success
        }
        let changes = ChangeSet(removed.map { StateChange.deleteInstance(address: $0) })
        let commitDiagnostics = state.access.commit(changes, displayPath: statePath)
        guard commitDiagnostics.isEmpty else {
            printer.print(commitDiagnostics)
            return ExitStatus.failure
        }
        var text = removed.map { "Removed \($0)\n" }.joined()
        text += "Successfully removed \(removed.count) resource instance(s).\n"
        terminal.standardOutput.write(text)
        return ExitStatus.success
    }
}
