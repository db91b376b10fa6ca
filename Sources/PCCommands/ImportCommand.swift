import ArgumentParser
import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import PCState

/// `pcplan import ADDRESS ID`: adopts an existing object into the state.
struct ImportCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Associate existing infrastructure with a pcplan resource",
        usage: "pcplan import [options] ADDRESS ID",
        discussion: """
            Asks the resource's provider for the existing object with the given ID and \
            records it in the state at ADDRESS, so that pcplan manages it from then on. \
            ADDRESS must be declared in the configuration (with its key when the \
            resource uses count or for_each) and not yet in the state. The object itself \
            is not changed; the next plan shows how it differs from the configuration.

            Exit status: 0 on success, 1 on error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["no-color"], booleanOptions: ["lock"])

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database (created if missing).", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @OptionGroup var lockOptions: StateLockOptions

    @Option(name: [.customLong("var", withSingleDash: true), .customLong("var")], help: "Set a root variable: -var 'NAME=VALUE'. Repeatable.")
    var variables: [String] = []

    @Option(name: [.customLong("var-file", withSingleDash: true), .customLong("var-file")], help: "Read variable values from a file. Repeatable.")
    var variableFiles: [String] = []

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Argument(help: ArgumentHelp("The resource instance address to import to.", valueName: "ADDRESS"))
    var address: String

    @Argument(help: ArgumentHelp("The provider's ID of the existing object.", valueName: "ID"))
    var id: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let instance: ResourceInstanceAddress
        switch ResourceInstanceAddress.parse(address) {
        case .success(let parsed): instance = parsed
        case .failure(let error):
            printer.print([Diagnostic(code: .invalidAddress, detail: error.message)])
            return ExitStatus.failure
        }
        var timeoutDiagnostics: [Diagnostic] = []
        guard let timeout = lockOptions.timeout(reportingTo: &timeoutDiagnostics) else {
            printer.print(timeoutDiagnostics)
            return ExitStatus.failure
        }
        let (module, loadDiagnostics) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: ".")
        for file in module.allModules.flatMap(\.files) { ProcessLifetime.keepUntilExit(file) }
        guard !loadDiagnostics.hasErrors else {
            printer.print(loadDiagnostics)
            return ExitStatus.failure
        }
        let registry = ProviderCatalog.registry(for: terminal)
        let target: ImportTarget
        switch ImportTarget.find(instance, in: module, registry: registry) {
        case .success(let found): target = found
        case .failure(let problem):
            printer.print([problem])
            return ExitStatus.failure
        }
        let (loaded, stateDiagnostics) = StateAccess.load(
            path: statePath, terminal: terminal, create: true, lockFor: lockOptions.operation("import"), lockTimeout: timeout)
        guard let state = loaded else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        defer { state.release() }
        let name = instance.description
        if state.snapshot.instance(name) != nil {
            printer.print([Diagnostic(
                code: .resourceAlreadyManaged,
                detail: "pcplan already manages an object at \(name). To import another object to this address, first remove the recorded one from the state with pcplan state rm \(name).")])
            return ExitStatus.failure
        }
        // The provider is configured as a plan configures it (its block's
        // region, credentials, endpoints), so the configuration must be
        // valid and its variables set.
        let (inputs, inputDiagnostics) = VariableInputs.collect(
            options: VariableInputs.options(variables: variables, files: variableFiles), directory: ".", terminal: terminal)
        guard !inputDiagnostics.hasErrors else {
            printer.print(inputDiagnostics)
            return ExitStatus.failure
        }
        let planner = Planner(configuration: module, state: state.snapshot, providers: registry, options: PlanOptions(
            refresh: false, variables: inputs, timestamp: ISO8601DateFormatter().string(from: Date()), pcplanVersion: VersionCommand.version,
            workspace: Workspace.current(terminal)))
        let (_, planDiagnostics) = planner.plan()
        guard !planDiagnostics.hasErrors else {
            printer.print(inputDiagnostics + planDiagnostics)
            return ExitStatus.failure
        }
        guard let configured = ApplyEvaluator(planner: planner).provider(for: name, record: nil) else {
            printer.print([Diagnostic(code: .importFailed, summary: "Provider unavailable",
                                      detail: "The provider \"\(target.declaration.providerName)\" for \(name) could not be configured.")])
            return ExitStatus.failure
        }
        terminal.standardOutput.write("\(name): Importing from ID \(id.goQuoted)...\n")
        let value: Value
        switch target.fetch(id: id, through: configured) {
        case .success(let fetched): value = fetched
        case .failure(let problem):
            printer.print([problem])
            return ExitStatus.failure
        }
        terminal.standardOutput.write("\(name): Import prepared!\n  Prepared \(instance.resource.type) for import\n")
        terminal.standardOutput.write("\(name): Refreshing state... [id=\(id)]\n")
        let record = target.record(for: instance, value: value)
        let commitDiagnostics = state.access.commit(ChangeSet([.upsertInstance(record)]), displayPath: statePath)
        guard commitDiagnostics.isEmpty else {
            printer.print(commitDiagnostics)
            return ExitStatus.failure
        }
        let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: noColor)
        let headline = color ? "\u{1B}[1;32mImport successful!\u{1B}[0m" : "Import successful!"
        terminal.standardOutput.write("""

            \(headline)

            The resources that were imported are shown above. These resources are now in
            your pcplan state and will henceforth be managed by pcplan.


            """)
        return ExitStatus.success
    }
}
