import ArgumentParser
import Foundation
import PCConfig
import PCDiagnostics
import PCPlan
import PCProvider
import PCState

/// `pcplan plan`: shows what apply would do, and can save it.
struct PlanCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show changes required by the current configuration",
        usage: "pcplan plan [options]",
        discussion: """
            Reads the configuration in the current directory and the state recorded in \
            pcplan.state.db, asks the providers for the current state of each object \
            (unless -refresh=false), and shows the changes apply would make.

            Exit status: 0 on success (with -detailed-exitcode: 0 when there are no \
            changes, 2 when there are), 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(
        flags: ["destroy", "refresh-only", "detailed-exitcode", "no-color", "json"],
        booleanOptions: ["refresh", "lock"], orderedInto: ["var-file": "var"])

    @Flag(name: [.customLong("destroy", withSingleDash: true), .customLong("destroy")], help: "Plan to destroy every object in the state.")
    var destroy = false

    @Flag(name: [.customLong("refresh-only", withSingleDash: true), .customLong("refresh-only")],
          help: "Only update the state to match objects changed outside pcplan.")
    var refreshOnly = false

    @Option(name: [.customLong("refresh", withSingleDash: true), .customLong("refresh")],
            help: "Ask providers for the current state of objects first (default true).")
    var refresh: TerraformBool = TerraformBool(true)

    @Option(name: [.customLong("target", withSingleDash: true), .customLong("target")],
            help: "Limit planning to this address and what it depends on. Repeatable.")
    var targets: [String] = []

    @Option(name: [.customLong("replace", withSingleDash: true), .customLong("replace")],
            help: "Plan to replace this resource instance even if unchanged. Repeatable.")
    var replace: [String] = []

    @Option(name: [.customLong("var", withSingleDash: true), .customLong("var")], help: "Set a root variable: -var 'NAME=VALUE'. Repeatable.")
    var variables: [String] = []

    @Option(name: [.customLong("var-file", withSingleDash: true), .customLong("var-file")], help: "Read variable values from a file. Repeatable.")
    var variableFiles: [String] = []

    @Option(name: [.customLong("out", withSingleDash: true), .customLong("out")], help: "Save the plan to a file for apply.")
    var out: String?

    @Option(name: [.customLong("markdown-out", withSingleDash: true), .customLong("markdown-out")],
            help: "Also write the plan as Markdown for a pull request.")
    var markdownOut: String?

    @Option(name: [.customLong("max-chars", withSingleDash: true), .customLong("max-chars")],
            help: "Size budget of the Markdown plan, in characters (default 60000).")
    var maxCharacters: Int = 60_000

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")], help: "Path of the state database.")
    var statePath: String = SQLiteStateBackend.defaultPath

    @OptionGroup var lockOptions: StateLockOptions

    @Flag(name: [.customLong("detailed-exitcode", withSingleDash: true), .customLong("detailed-exitcode")],
          help: "Exit 0 when there are no changes, 2 when there are.")
    var detailedExitCode = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let outcome = PlanRun(
            mode: destroy ? .destroy : (refreshOnly ? .refreshOnly : .normal), refresh: refresh.value, targets: targets,
            replace: replace, variableOptions: variableOptions(), statePath: statePath, lock: lockOptions.lock.value,
            lockTimeout: lockOptions.lockTimeout).prepare(in: terminal, operation: "plan", createState: false)
        let durations = (try? outcome.state?.access.backend.averageApplyDurations()) ?? [:]
        outcome.state?.release()
        printer.print(outcome.diagnostics)
        guard let plan = outcome.plan else { return ExitStatus.failure }
        ProcessLifetime.keepUntilExit(plan)
        let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: noColor)
        let schemas = PlanRun.schemaLookup(outcome.registry)
        terminal.standardOutput.write(PlanRenderer.terminal(
            plan, color: color, width: terminal.wrapWidth(for: terminal.standardOutput), schemas: schemas))
        if plan.hasChanges, let estimate = ApplyEstimate.text(for: plan, durations: durations) {
            terminal.standardOutput.write("\n\(estimate)\n")
        }
        if let out {
            if case .failure(let failure) = FileSystem.writeFile(at: terminal.resolve(out), bytes: PlanFile.encode(plan), create: true) {
                printer.print([failure.diagnostic(displayPath: out)])
                return ExitStatus.failure
            }
            terminal.standardOutput.write("\nSaved the plan to: \(out)\n\nTo perform exactly these actions, run:\n  pcplan apply \"\(out)\"\n")
        }
        if let markdownOut {
            let text = PlanRenderer.markdown(plan, maxCharacters: maxCharacters, schemas: schemas)
            if case .failure(let failure) = FileSystem.writeFile(at: terminal.resolve(markdownOut), bytes: Array(text.utf8), create: true) {
                printer.print([failure.diagnostic(displayPath: markdownOut)])
                return ExitStatus.failure
            }
        }
        if detailedExitCode && plan.hasChanges { return 2 }
        return ExitStatus.success
    }

    /// `-var` and `-var-file` in the order given: `-var-file` values arrive
    /// folded into `-var` with a marker (see `TerraformArguments`).
    private func variableOptions() -> [VariableInputs.Option] {
        VariableInputs.options(variables: variables, files: variableFiles)
    }
}

/// One plan, from configuration and state to `Plan`, shared by `plan`,
/// `show` and `console`.
struct PlanRun {
    var mode: Plan.Mode = .normal
    var refresh = true
    var targets: [String] = []
    var replace: [String] = []
    var variableOptions: [VariableInputs.Option] = []
    var statePath = SQLiteStateBackend.defaultPath
    var lock = true
    var lockTimeout = "0s"

    func execute(in terminal: Terminal) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let prepared = prepare(in: terminal, operation: "plan", createState: false)
        prepared.state?.release()
        return (prepared.plan, prepared.diagnostics)
    }

    /// What a plan run leaves for apply: the planner (whose values apply
    /// evaluates against) and the state, still locked when a lock was
    /// taken — the caller releases it.
    struct Prepared {
        var plan: Plan?
        var diagnostics: [Diagnostic]
        var planner: Planner?
        var state: LoadedState?
        var registry: ProviderRegistry
    }

    func prepare(in terminal: Terminal, operation: String, createState: Bool, fixedVariables: [String: VariableInput] = [:]) -> Prepared {
        let registry = ProviderCatalog.registry(for: terminal)
        let (module, loadDiagnostics) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: ".")
        var diagnostics = loadDiagnostics
        for file in module.allModules.flatMap(\.files) { ProcessLifetime.keepUntilExit(file) }
        var parsedTargets: [TargetAddress] = []
        for target in targets {
            switch TargetAddress.parse(target) {
            case .success(let address): parsedTargets.append(address)
            case .failure(let error): diagnostics.append(Diagnostic(code: .invalidAddress, detail: "-target: \(error.message)"))
            }
        }
        var parsedReplace: [ResourceInstanceAddress] = []
        for address in replace {
            switch ResourceInstanceAddress.parse(address) {
            case .success(let instance): parsedReplace.append(instance)
            case .failure(let error): diagnostics.append(Diagnostic(code: .invalidAddress, detail: "-replace: \(error.message)"))
            }
        }
        let failed = Prepared(plan: nil, diagnostics: [], planner: nil, state: nil, registry: registry)
        guard let timeout = LockTimeout.seconds(lockTimeout, reportingTo: &diagnostics) else {
            return Prepared(plan: nil, diagnostics: diagnostics, planner: nil, state: nil, registry: registry)
        }
        var (inputs, inputDiagnostics) = VariableInputs.collect(options: variableOptions, directory: ".", terminal: terminal)
        inputs.merge(fixedVariables) { _, fixed in fixed }
        diagnostics += inputDiagnostics
        guard !diagnostics.hasErrors else { return Prepared(plan: nil, diagnostics: diagnostics, planner: nil, state: nil, registry: registry) }
        let (state, stateDiagnostics) = StateAccess.load(
            path: statePath, terminal: terminal, create: createState, lockFor: lock ? operation : nil, lockTimeout: timeout,
            configuration: module)
        diagnostics += stateDiagnostics
        guard !stateDiagnostics.hasErrors else {
            var result = failed
            result.diagnostics = diagnostics
            return result
        }
        let options = PlanOptions(
            mode: mode, refresh: refresh, targets: parsedTargets, replace: parsedReplace, variables: inputs,
            timestamp: ISO8601DateFormatter().string(from: Date()), pcplanVersion: VersionCommand.version,
            workspace: Workspace.current(terminal))
        let planner = Planner(configuration: module, state: state?.snapshot, providers: registry, options: options)
        let (plan, planDiagnostics) = planner.plan()
        return Prepared(plan: plan, diagnostics: diagnostics + planDiagnostics, planner: planner, state: state, registry: registry)
    }
}

extension PlanRun {
    /// How renderers find a change's schema, to show nested blocks as
    /// blocks and attributes of any type as Terraform does.
    static func schemaLookup(_ registry: ProviderRegistry) -> PlanRenderer.SchemaLookup {
        { change in registry.schema(forType: change.type, dataSource: change.mode == .data) }
    }
}
