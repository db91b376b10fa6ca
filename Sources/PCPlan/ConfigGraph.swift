import PCConfig
import PCDiagnostics
import PCGraph
import PCLSyntax
import PCLang

/// A declaration in one module of the configuration: the unit the planner
/// evaluates, in dependency order, for every instance of its module.
struct ConfigNode: Hashable, Comparable, CustomStringConvertible {
    enum Kind: Hashable {
        case variable(String)
        case local(String)
        case moduleCall(String)
        case resource(ResourceAddress)
        case output(String)
        case provider(String, alias: String?)
    }

    var module: [String]
    var kind: Kind

    var description: String {
        let prefix = module.map { "module.\($0)." }.joined()
        switch kind {
        case .variable(let name): return "\(prefix)var.\(name)"
        case .local(let name): return "\(prefix)local.\(name)"
        case .moduleCall(let name): return "\(prefix)module.\(name)"
        case .resource(let address): return "\(prefix)\(address)"
        case .output(let name): return "\(prefix)output.\(name)"
        case .provider(let name, let alias): return "\(prefix)provider[\"\(name)\"]\(alias.map { ".\($0)" } ?? "")"
        }
    }

    private var rank: Int {
        switch kind {
        case .provider: 0
        case .variable: 1
        case .local: 2
        case .moduleCall: 3
        case .resource: 4
        case .output: 5
        }
    }

    /// The order nodes are numbered in: module, then kind, then name.
    var sortKey: SortKey { SortKey(module: module, rank: rank, name: description) }

    struct SortKey: Comparable {
        var module: [String]
        var rank: Int
        var name: String

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.module != b.module { return a.module.lexicographicallyPrecedes(b.module) }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    static func < (a: ConfigNode, b: ConfigNode) -> Bool {
        if a.module != b.module { return a.module.lexicographicallyPrecedes(b.module) }
        if a.rank != b.rank { return a.rank < b.rank }
        return a.description.utf8.lexicographicallyPrecedes(b.description.utf8)
    }
}

/// The static dependency graph of a configuration: a node per declaration
/// per module, an edge per reference, each edge labelled with where the
/// reference is written so a cycle can be shown reference by reference.
struct ConfigGraph {
    let nodes: [ConfigNode]
    let index: [ConfigNode: Int]
    let graph: DependencyGraph
    /// Where each edge's reference is written; edge labels index this.
    let referenceSites: [(file: SourceFile, range: SourceRange)]
    /// Evaluation order, dependencies first; empty when there is a cycle.
    let order: [Int]

    static func build(_ root: Module, diagnostics: inout [Diagnostic]) -> ConfigGraph {
        var nodes: [ConfigNode] = []
        for module in root.allModules {
            let path = module.path
            nodes += module.providers.map { ConfigNode(module: path, kind: .provider($0.name, alias: $0.alias)) }
            nodes += module.variables.keys.map { ConfigNode(module: path, kind: .variable($0)) }
            nodes += module.locals.keys.map { ConfigNode(module: path, kind: .local($0)) }
            nodes += module.moduleCalls.keys.map { ConfigNode(module: path, kind: .moduleCall($0)) }
            nodes += module.resources.keys.map { ConfigNode(module: path, kind: .resource($0)) }
            nodes += module.outputs.keys.map { ConfigNode(module: path, kind: .output($0)) }
        }
        // Sorting by a key computed once: the names are built from strings.
        nodes = nodes.map { ($0.sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var index: [ConfigNode: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() { index[node] = position }

        var builder = GraphBuilder(nodeCount: nodes.count)
        var sites: [(file: SourceFile, range: SourceRange)] = []
        var linker = ReferenceLinker(root: root, index: index)
        for (position, node) in nodes.enumerated() {
            guard let module = root.descendant(node.module[...]) else { continue }
            for (target, file, range) in linker.dependencies(of: node, in: module, diagnostics: &diagnostics) {
                guard let targetIndex = index[target] else { continue }
                sites.append((file, range))
                builder.addDependency(from: position, to: targetIndex, label: UInt32(sites.count - 1))
            }
        }
        let graph = builder.build()
        var order: [Int] = []
        do {
            order = try graph.topologicalOrder()
        } catch {
            for cycle in error.cycles {
                diagnostics.append(cycleDiagnostic(cycle, nodes: nodes, sites: sites))
            }
        }
        return ConfigGraph(nodes: nodes, index: index, graph: graph, referenceSites: sites, order: order)
    }

    /// "Cycle: local.a → local.b → local.a", then each reference with its
    /// place, so the loop can be broken where it makes sense.
    static func cycleDiagnostic(_ cycle: GraphCycle, nodes: [ConfigNode], sites: [(file: SourceFile, range: SourceRange)]) -> Diagnostic {
        let names = cycle.nodes.map { nodes[$0].description }
        let chain = (names + [names[0]]).joined(separator: " → ")
        var lines: [String] = []
        for (offset, label) in cycle.labels.enumerated() {
            let site = sites[Int(label)]
            let position = site.file.position(at: site.range.start)
            let from = names[offset]
            let to = names[(offset + 1) % names.count]
            lines.append("  \(from) refers to \(to) at \(site.file.path):\(position.line),\(position.column): \(site.file.text(in: site.range))")
        }
        let first = sites[Int(cycle.labels[0])]
        return Diagnostic(
            code: .dependencyCycle, summary: "Cycle: \(chain)",
            detail: "These declarations depend on each other in a loop, so none of them can be evaluated first:\n" + lines.joined(separator: "\n")
                + "\nBreak the loop by removing one of these references, for example by computing the shared value in a local that does not depend on the others.",
            file: first.file, subject: first.range)
    }
}
