import ArgumentParser
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCState

/// `pcplan state show ADDRESS`: the attributes of one recorded instance.
struct StateShowCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a resource in the state",
        usage: "pcplan state show [options] ADDRESS",
        discussion: """
            Shows the attributes of one resource instance recorded in the state, as a \
            resource block. ADDRESS names one instance: aws_instance.web, \
            aws_instance.web[0] or module.app["a"].aws_instance.web. Sensitive values \
            are shown as (sensitive value).

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

    @Argument(help: ArgumentHelp("The resource instance to show.", valueName: "ADDRESS"))
    var address: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let instance: ResourceInstanceAddress
        switch ResourceInstanceAddress.parse(address) {
        case .success(let parsed): instance = parsed
        case .failure(let error):
            printer.print([Diagnostic(
                code: .invalidAddress,
                detail: "\(error.message) pcplan state show needs the address of one resource instance; pcplan state list shows them.")])
            return ExitStatus.failure
        }
        let (loaded, stateDiagnostics) = StateAccess.loadExisting(path: statePath, terminal: terminal)
        guard let snapshot = loaded?.snapshot else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        guard let record = snapshot.instance(instance.description) else {
            printer.print([Diagnostic(
                code: .stateInstanceNotFound,
                detail: "The state has no resource instance \(address). This command needs the address of one specific instance, with its key when the resource uses count or for_each (aws_instance.web[0]); run pcplan state list to see the addresses recorded.")])
            return ExitStatus.failure
        }
        let schemas = ProviderSchemas()
        guard let text = Self.text(of: record, schemas: schemas) else {
            printer.print([Self.unreadable(record)])
            return ExitStatus.failure
        }
        terminal.standardOutput.write(text)
        return ExitStatus.success
    }

    /// The record as a resource block, or nil when its attributes cannot be
    /// read as its type's schema says.
    static func text(of record: ResourceInstanceRecord, schemas: ProviderSchemas) -> String? {
        let isData = record.mode == .data
        let schema = schemas.schema(type: record.type, isData: isData)
        guard var value = StateValues.value(of: record, type: schema?.valueType) else { return nil }
        // The schema's sensitive attributes are hidden even when the record
        // does not list them (written before the attribute became sensitive).
        if let schema { value = SensitiveMarks.apply(schema, to: value) }
        let label = record.deposedKey.map { "\(record.address) (deposed object \($0))" } ?? record.address
        return StateResourceText.render(
            address: label, isData: isData, type: record.type, name: record.name, value: value, schema: schema)
    }

    static func unreadable(_ record: ResourceInstanceRecord) -> Diagnostic {
        Diagnostic(
            code: .stateUnreadableRecord,
            detail: "The recorded attributes of \(record.address) cannot be read as the schema of \(record.type) expects. The state may have been edited by hand or written by another version of the provider; remove the object with pcplan state rm \(record.address) and import it again.")
    }
}
