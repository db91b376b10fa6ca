import ArgumentParser
import PCConfig
import PCDiagnostics
import PCLang
import PCState

/// `pcplan state list [ADDRESS…]`: the resource instances in the state.
struct StateListCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List resources in the state",
        usage: "pcplan state list [options] [ADDRESS...]",
        discussion: """
            Lists the resource instances recorded in the state, one address a line, in \
            address order. Addresses given filter the list: a resource (aws_instance.web) \
            shows its instances, a module (module.app) everything in it and its child \
            modules. An address that matches nothing is an error.

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

    @Option(name: [.customLong("id", withSingleDash: true), .customLong("id")],
            help: ArgumentHelp("List only instances whose id attribute is ID.", valueName: "ID"))
    var id: String?

    @Argument(help: ArgumentHelp("Resource or module addresses to filter by.", valueName: "ADDRESS"))
    var addresses: [String] = []

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        var diagnostics: [Diagnostic] = []
        var filters: [(text: String, target: TargetAddress)] = []
        for text in addresses {
            switch TargetAddress.parse(text) {
            case .success(let target): filters.append((text, target))
            case .failure(let error): diagnostics.append(Diagnostic(code: .invalidAddress, detail: error.message))
            }
        }
        guard !diagnostics.hasErrors else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        let (loaded, stateDiagnostics) = StateAccess.loadExisting(path: statePath, terminal: terminal)
        guard let snapshot = loaded?.snapshot else {
            printer.print(stateDiagnostics)
            return ExitStatus.failure
        }
        let index = StateAddressIndex(snapshot)
        var selected = index.entries
        if !filters.isEmpty {
            var wanted = Set<String>()
            for (text, target) in filters {
                let found = index.matching(target)
                if found.isEmpty {
                    diagnostics.append(Self.unknown(text, target))
                }
                wanted.formUnion(found.map(\.text))
            }
            selected = selected.filter { wanted.contains($0.text) }
        }
        guard !diagnostics.hasErrors else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        if let id {
            let ids = Self.identifiers(in: snapshot)
            selected = selected.filter { ids[$0.text] == id }
        }
        var text = ""
        for entry in selected {
            text += entry.text
            text += "\n"
        }
        terminal.standardOutput.write(text)
        return ExitStatus.success
    }

    static func unknown(_ text: String, _ target: TargetAddress) -> Diagnostic {
        if case .module = target {
            return Diagnostic(
                code: .stateUnknownResource, summary: "Unknown module",
                detail: "The state contains nothing in \(text). Run pcplan state list without an address to see what it holds.")
        }
        return Diagnostic(
            code: .stateUnknownResource,
            detail: "The state contains no resource \(text). If you have just added this resource to the configuration, run pcplan apply first to create it and record it in the state.")
    }

    /// The `id` attribute of each current object that has a string one.
    static func identifiers(in snapshot: StateSnapshot) -> [String: String] {
        var ids: [String: String] = [:]
        for record in snapshot.resources where record.deposedKey == nil {
            if let value = try? Value.fromJSON(record.attributesJSON), let id = value.attributes?["id"]?.stringValue {
                ids[record.address] = id
            }
        }
        return ids
    }
}
