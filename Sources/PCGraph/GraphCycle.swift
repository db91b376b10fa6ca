/// One cycle of dependencies, as a path that returns to its start:
/// `nodes[0]` depends on `nodes[1]`, which depends on `nodes[2]`, …, and the
/// last node depends on `nodes[0]` again.
///
/// `labels[i]` is the label of the edge from `nodes[i]` to the next node
/// (wrapping to `nodes[0]` at the end), so a caller whose labels index
/// source ranges can show where each reference of the loop is written.
/// A self-loop is a cycle of one node and one label. The path starts at its
/// lowest-numbered node.
public struct GraphCycle: Hashable, Sendable {
    /// The nodes of the cycle in dependency order, without repeating the first.
    public let nodes: [Int]
    /// The label of each edge: `labels[i]` is on `nodes[i] → nodes[i + 1]`.
    public let labels: [UInt32]

    public init(nodes: [Int], labels: [UInt32]) {
        precondition(!nodes.isEmpty && nodes.count == labels.count, "a cycle needs one label per node")
        self.nodes = nodes
        self.labels = labels
    }

    /// The edges of the cycle in order, the last one closing the loop.
    public var edges: [GraphEdge] {
        nodes.indices.map { index in
            GraphEdge(
                dependent: nodes[index],
                dependency: nodes[(index + 1) % nodes.count],
                label: labels[index])
        }
    }

    /// The cycle as `a → b → c → a`, with each node named by `name`.
    public func path(name: (Int) -> String) -> String {
        var text = ""
        for node in nodes {
            text += name(node)
            text += " → "
        }
        text += name(nodes[0])
        return text
    }
}

/// The failure of an order that needs an acyclic graph: every strongly
/// connected component with a cycle, each with one representative cycle,
/// ordered by their first (lowest) node. Never empty.
public struct GraphCycleError: Error, Hashable, Sendable {
    public let cycles: [GraphCycle]

    public init(cycles: [GraphCycle]) {
        precondition(!cycles.isEmpty, "a cycle error needs a cycle")
        self.cycles = cycles
    }
}
