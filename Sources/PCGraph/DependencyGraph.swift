// PCGraph: a generic directed graph of dependencies between dense integer
// nodes, with deterministic topological orders, cycles reported with their
// path, transitive closures, critical-path lengths and Graphviz output. It
// knows nothing of configurations: the planner numbers its resources,
// variables, outputs… and keeps the names; the graph keeps the shape.

/// An immutable graph of dependencies between nodes `0..<nodeCount`, made by
/// ``GraphBuilder``.
///
/// An edge `a → b` means "`a` depends on `b`": `b` must be created before
/// `a`, and destroyed after it. Both directions are stored, so
/// ``dependencies(of:)`` and ``dependents(of:)`` cost the same, and
/// ``reversed()`` is free.
public struct DependencyGraph: Sendable, Equatable {
    var dependencyLists: Adjacency
    var dependentLists: Adjacency

    init(dependencies: Adjacency, dependents: Adjacency) {
        self.dependencyLists = dependencies
        self.dependentLists = dependents
    }

    /// A graph of `nodeCount` nodes and no edges.
    public init(nodeCount: Int) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        let empty = Adjacency.empty(nodeCount: nodeCount)
        self.init(dependencies: empty, dependents: empty)
    }

    /// The number of nodes; nodes are `0..<nodeCount`.
    public var nodeCount: Int { dependencyLists.nodeCount }

    /// The number of distinct edges.
    public var edgeCount: Int { dependencyLists.edgeCount }

    /// The nodes `node` depends on, in ascending order.
    public func dependencies(of node: Int) -> NodeList {
        NodeList(dependencyLists, node)
    }

    /// The nodes that depend on `node`, in ascending order.
    public func dependents(of node: Int) -> NodeList {
        NodeList(dependentLists, node)
    }

    /// The label of the edge "`dependent` depends on `dependency`", or nil
    /// when there is no such edge. When the edge was added several times,
    /// this is the label it was first added with.
    public func label(from dependent: Int, to dependency: Int) -> UInt32? {
        checkNode(dependent)
        checkNode(dependency)
        return dependencyLists.label(from: dependent, to: dependency)
    }

    /// Whether `dependent` depends directly on `dependency`.
    public func hasDependency(from dependent: Int, to dependency: Int) -> Bool {
        label(from: dependent, to: dependency) != nil
    }

    /// Every edge, ordered by dependent, then dependency.
    public var edges: [GraphEdge] {
        var result: [GraphEdge] = []
        result.reserveCapacity(edgeCount)
        for node in 0..<nodeCount {
            for edge in dependencyLists.row(node) {
                result.append(GraphEdge(
                    dependent: node,
                    dependency: Int(dependencyLists.targets[edge]),
                    label: dependencyLists.labels[edge]))
            }
        }
        return result
    }

    /// The same graph with every edge turned around, labels kept: what was
    /// a dependency becomes a dependent. Destroys walk this graph.
    public func reversed() -> DependencyGraph {
        DependencyGraph(dependencies: dependentLists, dependents: dependencyLists)
    }

    /// The sorted set of `seeds` and everything they depend on, directly or
    /// not: what `-target` must plan with its targets.
    public func transitiveDependencies(of seeds: [Int]) -> [Int] {
        dependencyLists.reachable(from: seeds)
    }

    /// The sorted set of `seeds` and everything that depends on them,
    /// directly or not: what a change to the seeds can affect.
    public func transitiveDependents(of seeds: [Int]) -> [Int] {
        dependentLists.reachable(from: seeds)
    }

    @inline(__always)
    func checkNode(_ node: Int) {
        precondition(node >= 0 && node < nodeCount, "\(node) is not a node of this graph")
    }
}

/// One edge: `dependent` depends on `dependency`, and `label` is the caller's
/// value recorded with it (for example, where the reference is written).
public struct GraphEdge: Hashable, Sendable {
    public var dependent: Int
    public var dependency: Int
    public var label: UInt32

    public init(dependent: Int, dependency: Int, label: UInt32) {
        self.dependent = dependent
        self.dependency = dependency
        self.label = label
    }
}

/// The neighbours of one node in ascending order, viewed in place inside the
/// graph's storage (no copy). Positions run from 0.
public struct NodeList: RandomAccessCollection, Sendable {
    private let storage: Adjacency
    private let base: Int
    public let endIndex: Int

    init(_ storage: Adjacency, _ node: Int) {
        precondition(node >= 0 && node < storage.nodeCount, "\(node) is not a node of this graph")
        self.storage = storage
        let row = storage.row(node)
        self.base = row.lowerBound
        self.endIndex = row.count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < endIndex, "position out of range")
        return Int(storage.targets[base + position])
    }

    /// The label of the edge to the neighbour at `position`.
    public func label(at position: Int) -> UInt32 {
        precondition(position >= 0 && position < endIndex, "position out of range")
        return storage.labels[base + position]
    }
}
