import PCGraph

/// A tiny seeded generator (SplitMix64), so random graphs are the same on
/// every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds a graph from `(dependent, dependency)` pairs; the label of each
/// edge is its position in `edges` unless given.
func graph(_ nodeCount: Int, _ edges: [(Int, Int)], labels: [UInt32]? = nil) -> DependencyGraph {
    var builder = GraphBuilder(nodeCount: nodeCount)
    for (index, edge) in edges.enumerated() {
        builder.addDependency(from: edge.0, to: edge.1, label: labels?[index] ?? UInt32(index))
    }
    return builder.build()
}

/// A random graph of `nodeCount` nodes and about `edgeCount` edges; when
/// `acyclic`, every edge goes from a higher to a lower index.
func randomGraph(nodeCount: Int, edgeCount: Int, acyclic: Bool, seed: UInt64) -> (DependencyGraph, [(Int, Int)]) {
    var random = SplitMix64(seed: seed)
    var edges: [(Int, Int)] = []
    for _ in 0..<edgeCount {
        let a = Int.random(in: 0..<nodeCount, using: &random)
        let b = Int.random(in: 0..<nodeCount, using: &random)
        if acyclic {
            if a == b { continue }
            edges.append((max(a, b), min(a, b)))
        } else {
            edges.append((a, b))
        }
    }
    return (graph(nodeCount, edges), edges)
}

/// Whether `order` lists every node once, each after its dependencies.
func isTopological(_ order: [Int], _ graph: DependencyGraph) -> Bool {
    guard order.count == graph.nodeCount else { return false }
    var position = [Int](repeating: -1, count: graph.nodeCount)
    for (index, node) in order.enumerated() {
        if position[node] != -1 { return false }
        position[node] = index
    }
    for edge in graph.edges where position[edge.dependency] >= position[edge.dependent] {
        return false
    }
    return true
}

/// Whether `cycle` really is a cycle of `graph` with the graph's labels.
func isValidCycle(_ cycle: GraphCycle, in graph: DependencyGraph) -> Bool {
    if Set(cycle.nodes).count != cycle.nodes.count { return false }
    return cycle.edges.allSatisfy { graph.label(from: $0.dependent, to: $0.dependency) == $0.label }
}

/// The obviously correct, quadratic version of the deterministic order:
/// scan for the lowest node whose dependencies are all placed.
func referenceOrder(_ nodeCount: Int, _ edges: [(Int, Int)]) -> [Int]? {
    var placed = [Bool](repeating: false, count: nodeCount)
    var order: [Int] = []
    while order.count < nodeCount {
        guard let next = (0..<nodeCount).first(where: { node in
            !placed[node] && !edges.contains { $0.0 == node && !placed[$0.1] }
        }) else { return nil }
        placed[next] = true
        order.append(next)
    }
    return order
}
