import ArgumentParser
import PCDiagnostics
import PCLang
import PCState

/// `pcplan output`: the root module's outputs as the last apply recorded
/// them.
struct OutputCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "output",
        abstract: "Show output values from your root module",
        usage: "pcplan output [options] [NAME]",
        discussion: """
            Without NAME, every output: `name = value`, sensitive ones as <sensitive>. With NAME, \
            that output's value, shown even when sensitive. -json prints Terraform's shape \
            ({"name": {"sensitive", "type", "value"}}); -raw prints a string, number or bool \
            as it is, for shell scripts.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["json", "raw", "no-color"], booleanOptions: [])

    @Flag(name: [.customLong("json", withSingleDash: true), .customLong("json")], help: "Print the outputs as JSON.")
    var json = false

    @Flag(name: [.customLong("raw", withSingleDash: true), .customLong("raw")], help: "Print one string, number or bool output as it is.")
    var raw = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")], help: "Path of the state database.")
    var statePath: String = SQLiteStateBackend.defaultPath

    @Argument(help: ArgumentHelp("One output to show.", valueName: "NAME"))
    var name: String?

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let (loaded, diagnostics) = StateAccess.load(path: statePath, terminal: terminal)
        printer.print(diagnostics)
        guard !diagnostics.hasErrors else { return ExitStatus.failure }
        let records = loaded?.snapshot.outputs ?? []
        loaded?.release()
        var outputs: [(record: OutputRecord, value: Value)] = []
        for record in records {
            outputs.append((record, (try? Value.fromJSON(record.valueJSON)) ?? .null))
        }
        if let name {
            guard let output = outputs.first(where: { $0.record.name == name }) else {
                printer.print([Diagnostic(
                    code: .invalidAddress, summary: "Output \"\(name)\" not found",
                    detail: "The state has no output named \"\(name)\". \(records.isEmpty ? "It has no outputs at all: apply the configuration first." : "It has: \(records.map(\.name).joined(separator: ", ")).")")])
                return ExitStatus.failure
            }
            if raw {
                switch output.value.content {
                case .string(let string): terminal.standardOutput.write(string)
                case .number(let number): terminal.standardOutput.write(number.description)
                case .bool(let bool): terminal.standardOutput.write(bool ? "true" : "false")
                default:
                    printer.print([Diagnostic(
                        code: .invalidAddress, summary: "Unsupported value for raw output",
                        detail: "-raw prints only strings, numbers and bools; \"\(name)\" is a \(output.value.type.friendlyName). Use -json instead.")])
                    return ExitStatus.failure
                }
                return ExitStatus.success
            }
            terminal.standardOutput.write((json ? ((try? output.value.jsonString()) ?? "null") : ConsoleValueText.render(output.value)) + "\n")
            return ExitStatus.success
        }
        if json {
            var object: [String: Value] = [:]
            for output in outputs {
                object[output.record.name] = .object([
                    "sensitive": .bool(output.record.sensitive), "value": output.value,
                    "type": .string(output.value.type.constraintSyntax),
                ])
            }
            terminal.standardOutput.write(((try? Value.object(object).prettyJSONString()) ?? "{}") + "\n")
            return ExitStatus.success
        }
        for output in outputs {
            let shown = output.record.sensitive ? "<sensitive>" : ConsoleValueText.render(output.value)
            terminal.standardOutput.write("\(output.record.name) = \(shown)\n")
        }
        return ExitStatus.success
    }
}
