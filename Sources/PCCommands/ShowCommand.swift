import ArgumentParser
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCState

/// `pcplan show [PLANFILE]`: a saved plan, or the state, for people or
/// (with `-json`) for tools.
struct ShowCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a saved plan or the state",
        usage: "pcplan show [options] [PLANFILE]",
        discussion: """
            With PLANFILE (written by pcplan plan -out=PLANFILE), shows that plan: as \
            pcplan plan shows it, in Terraform's JSON plan format with -json, or as \
            Markdown for a pull request with -markdown. Without it, shows every object \
            recorded in the state and the root outputs; -json prints the state as JSON \
            (the shape of pcplan state pull).

            Exit status: 0 on success, 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["json", "markdown", "no-color"], booleanOptions: [])

    @Flag(name: [.customLong("json", withSingleDash: true), .customLong("json")],
          help: "Print the plan in Terraform's JSON plan format, or the state as JSON.")
    var json = false

    @Flag(name: [.customLong("markdown", withSingleDash: true), .customLong("markdown")],
          help: "Print the plan as Markdown for a pull request.")
    var markdown = false

    @Option(name: [.customLong("max-chars", withSingleDash: true), .customLong("max-chars")],
            help: ArgumentHelp("Size budget of the Markdown plan, in characters (default 60000).", valueName: "N"))
    var maxCharacters: Int = 60_000

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @Argument(help: ArgumentHelp("A plan file saved by pcplan plan -out.", valueName: "PLANFILE"))
    var planFile: String?

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        var problems: [Diagnostic] = []
        if json && markdown {
            problems.append(Diagnostic(
                code: .invalidAddress, summary: "Conflicting options",
                detail: "-json and -markdown choose different formats; give one of them."))
        }
        if maxCharacters < 1 {
            problems.append(Diagnostic(
                code: .invalidAddress, summary: "Invalid -max-chars",
                detail: "-max-chars=\(maxCharacters) leaves no room for the plan; give a positive number of characters, such as 60000."))
        }
        if markdown && planFile == nil {
            problems.append(Diagnostic(
                code: .planFileRequired,
                detail: "-markdown shows a saved plan: save one with pcplan plan -out=tfplan and run pcplan show -markdown tfplan, or write the Markdown while planning with pcplan plan -markdown-out=FILE."))
        }
        guard problems.isEmpty else {
            printer.print(problems)
            return ExitStatus.failure
        }
        if let planFile {
            return showPlan(at: planFile, in: terminal, printer: &printer)
        }
        return showState(in: terminal, printer: &printer)
    }

    private func showPlan(at path: String, in terminal: Terminal, printer: inout DiagnosticPrinter) -> Int32 {
        let plan: Plan
        switch FileSystem.readFile(at: terminal.resolve(path)) {
        case .failure(let failure):
            printer.print([failure.diagnostic(displayPath: path)])
            return ExitStatus.failure
        case .success(let bytes):
            do throws(PlanFileError) {
                plan = try PlanFile.decode(bytes)
            } catch {
                printer.print([Diagnostic(code: .invalidPlanFile, detail: "\(path): \(error.message)")])
                return ExitStatus.failure
            }
        }
        if let stale = staleness(of: plan, in: terminal) {
            printer.print([Diagnostic(
                .warning, code: .invalidPlanFile, summary: "Saved plan is stale",
                detail: "\(stale) What is shown is the plan as it was made; applying it would be refused.")])
        }
        let schemas = ProviderSchemas()
        if json {
            let text = PlanRenderer.json(plan, priorState: priorState(of: plan, in: terminal))
            terminal.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
        } else if markdown {
            terminal.standardOutput.write(PlanRenderer.markdown(plan, maxCharacters: maxCharacters, schemas: schemas.lookup))
        } else {
            let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: noColor)
            terminal.standardOutput.write(PlanRenderer.terminal(plan, color: color, schemas: schemas.lookup))
        }
        return ExitStatus.success
    }

    /// Why the saved plan no longer matches the state or the configuration
    /// in the working directory, or nil when it still does.
    private func staleness(of plan: Plan, in terminal: Terminal) -> String? {
        let snapshot = StateAccess.load(path: statePath, terminal: terminal).0?.snapshot
        let (module, diagnostics) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: ".")
        // Shown away from any configuration (a CI artifact, say), there is
        // nothing to compare with.
        guard !diagnostics.hasErrors, !module.allModules.flatMap(\.files).isEmpty else { return nil }
        return PlanFile.checkCurrent(
            plan, stateLineage: snapshot?.lineage, stateSerial: snapshot?.serial ?? 0,
            configurationDigest: ConfigurationDigest.of(module))
    }

    /// The state the plan was made against, when it is still the current
    /// one: the JSON plan's `prior_state`. A state that moved on since is
    /// not what the plan saw, so it is left out rather than misreported.
    private func priorState(of plan: Plan, in terminal: Terminal) -> StateSnapshot? {
        guard let snapshot = StateAccess.load(path: statePath, terminal: terminal).0?.snapshot else { return nil }
        guard snapshot.lineage == plan.stateLineage, snapshot.serial == plan.stateSerial else { return nil }
        return snapshot
    }

    private func showState(in terminal: Terminal, printer: inout DiagnosticPrinter) -> Int32 {
        let (state, stateDiagnostics) = StateAccess.load(path: statePath, terminal: terminal)
        guard !stateDiagnostics.hasErrors else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        let snapshot = state?.snapshot
            ?? StateSnapshot(lineage: "", serial: 0, pcplanVersion: VersionCommand.version, resources: [], outputs: [])
        if json {
            terminal.standardOutput.write(PlanRenderer.stateJSON(snapshot) + "\n")
            return ExitStatus.success
        }
        guard state != nil else {
            terminal.standardOutput.write("No state.\n")
            return ExitStatus.success
        }
        guard !snapshot.resources.isEmpty || !snapshot.outputs.isEmpty else {
            terminal.standardOutput.write("The state file is empty. No resources are represented.\n")
            return ExitStatus.success
        }
        switch Self.stateText(snapshot) {
        case .success(let text):
            terminal.standardOutput.write(text)
            return ExitStatus.success
        case .failure(let problem):
            printer.print([problem])
            return ExitStatus.failure
        }
    }

    /// Every recorded object as a resource block, in address order, then
    /// the root outputs.
    static func stateText(_ snapshot: StateSnapshot) -> Result<String, Diagnostic> {
        let order = StateAddressIndex(snapshot).entries.enumerated().reduce(into: [String: Int]()) { $0[$1.element.text] = $1.offset }
        let records = snapshot.resources.enumerated().sorted { a, b in
            let x = order[a.element.address] ?? 0, y = order[b.element.address] ?? 0
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let schemas = ProviderSchemas()
        var text = ""
        for record in records {
            guard let block = StateShowCommand.text(of: record, schemas: schemas) else {
                return .failure(StateShowCommand.unreadable(record))
            }
            text += block
            text += "\n"
        }
        if !snapshot.outputs.isEmpty {
            text += "\nOutputs:\n\n"
            for output in snapshot.outputs {
                guard var value = try? Value.fromJSON(output.valueJSON) else {
                    return .failure(Diagnostic(
                        code: .stateUnreadableRecord,
                        detail: "The recorded value of output \(output.name) is not valid JSON. The state may have been edited by hand; run pcplan apply to record it again."))
                }
                if output.sensitive { value = value.marked() }
                text += StateResourceText.assignment(output.name, value)
            }
        }
        return .success(text)
    }
}
