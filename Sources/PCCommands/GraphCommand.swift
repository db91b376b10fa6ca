import ArgumentParser
import PCConfig
import PCDiagnostics
import PCPlan

/// `pcplan graph`: the configuration's dependency graph in DOT.
struct GraphCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the configuration's dependency graph in DOT",
        usage: "pcplan graph [options]",
        discussion: """
            Prints the dependency graph of the configuration in the current directory in \
            the DOT language of Graphviz: a node per variable, local value, module call, \
            resource, data source, output and provider configuration of every module, \
            named by its address, and an edge from each to what it refers to. The output \
            is the same for the same configuration. Render it with, for example, \
            pcplan graph | dot -Tsvg > graph.svg.

            Exit status: 0 on success, 1 when the configuration has errors, such as a \
            reference to something undeclared or a dependency cycle.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["no-color"], booleanOptions: [])

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let (module, loadDiagnostics) = ConfigLoader(workingDirectory: terminal.workingDirectory).load(directory: ".")
        for file in module.allModules.flatMap(\.files) { ProcessLifetime.keepUntilExit(file) }
        guard !loadDiagnostics.hasErrors else {
            printer.print(loadDiagnostics)
            return ExitStatus.failure
        }
        let (text, graphDiagnostics) = GraphExport.dot(for: module)
        let diagnostics = loadDiagnostics + graphDiagnostics
        printer.print(diagnostics)
        guard !diagnostics.hasErrors else { return ExitStatus.failure }
        terminal.standardOutput.write(text)
        return ExitStatus.success
    }
}
