/// The progress of a walk over a graph in dependency order, for a scheduler
/// that runs several nodes at once: it tells which nodes are ready at the
/// start and, each time a node finishes, which ones that made ready.
///
/// Forward walks create (a node is ready once all its dependencies have
/// finished); reverse walks destroy (ready once all its dependents have).
/// Nodes on a cycle never become ready, so check the graph with
/// ``DependencyGraph/topologicalOrder()`` before walking it.
public struct DependencyWalk: Sendable {
    private let releasing: Adjacency
    private var remaining: [Int32]
    private var finished: [Bool]

    /// The nodes ready before anything has finished, in ascending order.
    public let initiallyReady: [Int]

    /// How many nodes have finished so far.
    public private(set) var finishedCount = 0

    /// Starts a walk over `graph`, dependencies first, or dependents first
    /// when `reverse` is true.
    public init(_ graph: DependencyGraph, reverse: Bool = false) {
        let waitingOn = reverse ? graph.dependentLists : graph.dependencyLists
        releasing = reverse ? graph.dependencyLists : graph.dependentLists
        let n = graph.nodeCount
        remaining = (0..<n).map { Int32(waitingOn.row($0).count) }
        finished = [Bool](repeating: false, count: n)
        initiallyReady = (0..<n).filter { waitingOn.row($0).isEmpty }
    }

    /// Whether every node has finished.
    public var isComplete: Bool { finishedCount == finished.count }

    /// Records that `node`, which was ready, has finished, and returns the
    /// nodes that are ready now because of it, in ascending order.
    public mutating func finish(_ node: Int) -> [Int] {
        precondition(node >= 0 && node < finished.count, "\(node) is not a node of this graph")
        precondition(remaining[node] == 0, "node \(node) finished before it was ready")
        precondition(!finished[node], "node \(node) finished twice")
        finished[node] = true
        finishedCount += 1
        var ready: [Int] = []
        for edge in releasing.row(node) {
            let next = Int(releasing.targets[edge])
            remaining[next] -= 1
            if remaining[next] == 0 { ready.append(next) }
        }
        return ready
    }
}
