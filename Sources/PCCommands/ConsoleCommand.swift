import ArgumentParser
import Foundation
import PCConfig
import PCDiagnostics
import PCPlan
import PCProvider
import PCState

/// `pcplan console`: evaluates expressions against the configuration and
/// the state, as `terraform console` does.
struct ConsoleCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Try expressions against the configuration and state",
        usage: "pcplan console [options]",
        discussion: """
            Evaluates expressions in the root module of the configuration in the current \
            directory: var., local., resources, data sources, module outputs and every \
            built-in function, with the values one plan (without refresh) gives them. \
            Values only apply can know print as (known after apply), sensitive ones as \
            (sensitive value). The state is read, never changed.

            At a terminal, type an expression after the > prompt; exit or Ctrl-D ends. \
            Otherwise each line of standard input is one expression and its value is \
            printed in turn; a line in error is reported on standard error and the next \
            line is evaluated all the same.

            Exit status: 0 on success, 1 when the configuration cannot be loaded or, \
            reading from a pipe, when any line was in error.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(
        flags: ["no-color"], booleanOptions: [], orderedInto: ["var-file": "var"])

    @Option(name: [.customLong("var", withSingleDash: true), .customLong("var")],
            help: "Set a root variable: -var 'NAME=VALUE'. Repeatable.")
    var variables: [String] = []

    @Option(name: [.customLong("var-file", withSingleDash: true), .customLong("var-file")],
            help: "Read variable values from a file. Repeatable.")
    var variableFiles: [String] = []

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let (opened, setupDiagnostics) = session(in: terminal)
        printer.print(setupDiagnostics)
        guard let session = opened else { return ExitStatus.failure }
        let input = LineInput(terminal: terminal)
        var failed = false
        while true {
            if input.isInteractive {
                // What the last line printed on standard error goes out
                // before the next prompt, not after it.
                terminal.flush()
                terminal.standardOutput.write("> ")
            }
            guard let raw = input.nextLine() else { break }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "exit" { break }
            if line.isEmpty { continue }
            if line == "help" {
                terminal.standardOutput.write(Self.help)
                continue
            }
            let (value, diagnostics) = session.evaluate(line)
            printer.print(diagnostics)
            if let value {
                terminal.standardOutput.write(ConsoleValueText.render(value) + "\n")
            } else {
                failed = true
            }
        }
        if input.isInteractive { terminal.standardOutput.write("\n") }
        return failed && !input.isInteractive ? ExitStatus.failure : ExitStatus.success
    }

    /// Loads the configuration, variables and state and plans once. Errors
    /// of the plan itself do not stop the console (the parts that work can
    /// still be inspected), so they are shown as warnings.
    private func session(in terminal: Terminal) -> (ConsoleSession?, [Diagnostic]) {
        let (module, loadDiagnostics) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: ".")
        for file in module.allModules.flatMap(\.files) { ProcessLifetime.keepUntilExit(file) }
        // An empty directory is a fine place to try functions.
        var diagnostics = loadDiagnostics.filter { $0.code != .noConfigurationFiles }
        let options = VariableInputs.options(variables: variables, files: variableFiles)
        let (inputs, inputDiagnostics) = VariableInputs.collect(options: options, directory: ".", terminal: terminal)
        diagnostics += inputDiagnostics
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let (state, stateDiagnostics) = StateAccess.load(path: statePath, terminal: terminal)
        diagnostics += stateDiagnostics
        guard !stateDiagnostics.hasErrors else { return (nil, diagnostics) }
        let planOptions = PlanOptions(
            refresh: false, variables: inputs, timestamp: ISO8601DateFormatter().string(from: Date()),
            pcplanVersion: VersionCommand.version, workspace: Workspace.current(terminal))
        let session = ConsoleSession(
            configuration: module, state: state?.snapshot, providers: ProviderCatalog.registry(for: terminal), options: planOptions)
        for var diagnostic in session.diagnostics {
            if diagnostic.isError {
                diagnostic.severity = .warning
                diagnostic.detail += "\n\nThe console carries on: what could not be computed is (known after apply)."
            }
            diagnostics.append(diagnostic)
        }
        return (session, diagnostics)
    }

    static let help = """
        The pcplan console evaluates expressions in the root module of the
        configuration, with the values of the state and the configuration:

          var.NAME, local.NAME, TYPE.NAME, data.TYPE.NAME, module.NAME.OUTPUT,
          and every built-in function, such as cidrsubnet("10.0.0.0/16", 8, 1).

        Type exit, or press Ctrl-D, to leave.

        """
}
