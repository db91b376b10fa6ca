import Foundation
import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang
import PCProvider
import PCState

/// Expressions evaluated against a configuration and its state, as
/// `pcplan console` does: the root module's variables, locals, resources,
/// data sources and module outputs are what one plan (without refresh)
/// computes for them, and each expression is then evaluated in the root
/// module.
///
/// The plan runs once, when the session starts. It need not succeed: values
/// it computed before an error are kept, and what it could not compute is
/// unknown, so a module author can still look at the parts that work.
public final class ConsoleSession {
    private let planner: Planner
    private let evaluator: Evaluator
    /// What the plan found wrong; the session is usable all the same.
    public let diagnostics: [Diagnostic]

    /// Plans `configuration` against `state` once. Refresh is always off:
    /// the console never asks a provider about the real world, it shows
    /// what is recorded and configured.
    public init(configuration: Module, state: StateSnapshot?, providers: ProviderRegistry, options: PlanOptions) {
        var options = options
        options.refresh = false
        planner = Planner(configuration: configuration, state: state, providers: providers, options: options)
        let (_, found) = planner.plan()
        diagnostics = found
        // Unlike a plan, the console may show the time now and fresh UUIDs:
        // what `timestamp()` returns is the question being asked.
        evaluator = Evaluator(context: FunctionContext(
            baseDirectory: configuration.resolvedDirectory, allowsImpureResults: true,
            planTimestamp: options.timestamp))
    }

    /// The value of one expression written on one line, or nil with the
    /// diagnostics saying why not. Warnings may come with a value.
    public func evaluate(_ line: String) -> (Value?, [Diagnostic]) {
        let file = SourceFile(path: "<console-input>", text: line)
        let (expression, syntaxDiagnostics) = Parser.parseExpression(file)
        if syntaxDiagnostics.hasErrors { return (nil, syntaxDiagnostics) }
        var diagnostics = syntaxDiagnostics
        // The plan's walk checks references while building its graph; an
        // expression typed here has not been through that, so check it the
        // same way, with the same "did you mean" suggestions.
        if let graph = planner.graph {
            let linker = ReferenceLinker(root: planner.root, index: graph.index)
            for reference in ReferenceCollector.references(in: expression) {
                _ = linker.link(reference, file: file, in: planner.root, diagnostics: &diagnostics)
            }
            if diagnostics.hasErrors { return (nil, diagnostics) }
        }
        let scope = PlanScope(
            table: planner.table, module: planner.root, instance: .root, repetition: .none,
            rootDirectory: planner.rootDirectory)
        let (value, found) = evaluator.evaluate(expression, in: file, resolver: scope)
        diagnostics += found
        return (diagnostics.hasErrors ? nil : value, diagnostics)
    }
}
