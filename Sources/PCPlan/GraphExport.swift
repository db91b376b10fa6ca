import PCConfig
import PCDiagnostics
import PCGraph

/// The configuration's dependency graph in Graphviz DOT, for `pcplan graph`.
///
/// The graph is the one the planner walks (`ConfigGraph`): a node per
/// variable, local, module call, resource, data source, output and provider
/// configuration of every module, an edge from each declaration to what it
/// refers to. Nodes are named by address, in the planner's order, so the
/// same configuration always prints the same text.
public enum GraphExport {
    /// The DOT text and the problems found building the graph. When the
    /// diagnostics hold errors (an undeclared reference, a cycle) the text
    /// is still the graph as far as it could be built, for debugging; a
    /// command should show the diagnostics instead.
    public static func dot(for module: Module) -> (String, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let graph = ConfigGraph.build(module, diagnostics: &diagnostics)
        let nodes = graph.nodes
        let text = graph.graph.dot(
            graphAttributes: [("rankdir", "RL")],
            name: { nodes[$0].description },
            nodeAttributes: { [("shape", shape(of: nodes[$0].kind))] })
        return (text, diagnostics)
    }

    /// Shapes as `terraform graph -type=plan` draws them, so a picture of
    /// either tool reads the same way.
    static func shape(of kind: ConfigNode.Kind) -> String {
        switch kind {
        case .resource: "box"
        case .provider: "diamond"
        case .variable: "note"
        case .local, .output, .moduleCall: "ellipse"
        }
    }
}
