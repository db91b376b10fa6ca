/// Collects the dependencies between nodes, then compresses them into an
/// immutable ``DependencyGraph``.
///
/// Nodes are dense indices `0..<nodeCount`; the caller keeps its own names
/// (addresses) in an array beside the graph. Numbering the nodes in a stable,
/// sorted order makes every order the graph computes reproducible, because
/// ties are always broken by the lowest index.
///
/// ```swift
/// var builder = GraphBuilder(nodeCount: 3)
/// builder.addDependency(from: 2, to: 0, label: 7)  // node 2 refers to node 0
/// let graph = builder.build()
/// ```
public struct GraphBuilder: Sendable {
    /// The number of nodes so far.
    public private(set) var nodeCount: Int

    // One flat array of small structs: a single append per edge, and
    // `build()` reads it front to back once.
    @usableFromInline
    var pending: [PendingEdge] = []

    @usableFromInline
    struct PendingEdge: Sendable {
        @usableFromInline var dependent: Int32
        @usableFromInline var dependency: Int32
        @usableFromInline var label: UInt32

        @inlinable
        init(dependent: Int32, dependency: Int32, label: UInt32) {
            self.dependent = dependent
            self.dependency = dependency
            self.label = label
        }
    }

    /// Starts a graph of `nodeCount` nodes and no edges.
    public init(nodeCount: Int = 0) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        self.nodeCount = nodeCount
    }

    /// The number of dependencies added so far, duplicates included.
    public var addedDependencyCount: Int { pending.count }

    /// Adds one node and returns its index.
    @discardableResult
    public mutating func addNode() -> Int {
        precondition(nodeCount < Int(Int32.max) - 1, "too many nodes")
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds `count` nodes and returns their indices.
    @discardableResult
    public mutating func addNodes(_ count: Int) -> Range<Int> {
        precondition(count >= 0 && nodeCount + count < Int(Int32.max), "too many nodes")
        nodeCount += count
        return (nodeCount - count)..<nodeCount
    }

    /// Reserves room for `count` dependencies, to avoid regrowing storage
    /// when the caller knows roughly how many it will add.
    public mutating func reserveCapacity(dependencies count: Int) {
        pending.reserveCapacity(count)
    }

    /// Records that `dependent` needs `dependency` first (`dependent` refers
    /// to it, or lists it in `depends_on`).
    ///
    /// - Parameter label: an opaque value returned with the edge, typically
    ///   the index of the source range of the reference that created it.
    ///   When the same edge is added twice, the first label is kept.
    @inlinable
    public mutating func addDependency(from dependent: Int, to dependency: Int, label: UInt32 = 0) {
        precondition(dependent >= 0 && dependent < nodeCount, "dependent is not a node")
        precondition(dependency >= 0 && dependency < nodeCount, "dependency is not a node")
        precondition(pending.count < Int(Int32.max), "too many dependencies")
        pending.append(PendingEdge(
            dependent: Int32(truncatingIfNeeded: dependent),
            dependency: Int32(truncatingIfNeeded: dependency),
            label: label))
    }

    /// Compresses the edges into a graph, in time linear in nodes plus edges
    /// (plus sorting each node's own list of dependencies).
    ///
    /// Each node's dependencies and dependents come out sorted by index, with
    /// duplicate edges removed (the first label added wins).
    public func build() -> DependencyGraph {
        let n = nodeCount
        let m = pending.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        // Dependency and label packed in one word while edges are shuffled
        // into rows: a scattered write then touches one cache line, not two.
        let packed = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(m, 1))
        defer { packed.deallocate() }
        var kept = 0
        pending.withUnsafeBufferPointer { pending in
            offsets.withUnsafeMutableBufferPointer { offsets in
                Self.scatterByDependent(pending, offsets: offsets, packed: packed)
                kept = Self.sortAndDeduplicateRows(offsets: offsets, packed: packed)
            }
        }
        let forward = Adjacency(offsets: offsets, packed: UnsafeBufferPointer(rebasing: packed[0..<kept]))
        return DependencyGraph(dependencies: forward, dependents: forward.transposed(scratch: packed))
    }

    /// A stable counting sort by dependent: afterwards row `v` is
    /// `offsets[v]..<offsets[v + 1]`, in the order the edges were added.
    private static func scatterByDependent(
        _ pending: UnsafeBufferPointer<PendingEdge>,
        offsets: UnsafeMutableBufferPointer<Int32>,
        packed: UnsafeMutableBufferPointer<UInt64>
    ) {
        let n = offsets.count - 1
        for edge in pending { offsets[Int(edge.dependent) + 1] &+= 1 }
        for node in 0..<n { offsets[node + 1] &+= offsets[node] }
        // Use each row's start as its write cursor, then shift back.
        for edge in pending {
            let row = Int(edge.dependent)
            let slot = Int(offsets[row])
            packed[slot] = Adjacency.pack(edge.dependency, edge.label)
            offsets[row] = Int32(truncatingIfNeeded: slot + 1)
        }
        var node = n
        while node > 0 {
            offsets[node] = offsets[node - 1]
            node -= 1
        }
        offsets[0] = 0
    }

    /// Sorts each row by dependency, stably so that the first-added of equal
    /// edges stays in front, drops the repeats, and packs the rows together;
    /// returns how many edges remain.
    private static func sortAndDeduplicateRows(
        offsets: UnsafeMutableBufferPointer<Int32>,
        packed: UnsafeMutableBufferPointer<UInt64>
    ) -> Int {
        let n = offsets.count - 1
        var kept = 0
        var rowStart = 0
        for node in 0..<n {
            let rowEnd = Int(offsets[node + 1])
            offsets[node] = Int32(truncatingIfNeeded: kept)
            if rowEnd - rowStart > 1 { sortRow(rowStart..<rowEnd, packed: packed) }
            var previous: UInt64 = .max
            for position in rowStart..<rowEnd {
                let entry = packed[position]
                if entry >> 32 == previous { continue }
                previous = entry >> 32
                packed[kept] = entry
                kept += 1
            }
            rowStart = rowEnd
        }
        offsets[n] = Int32(truncatingIfNeeded: kept)
        return kept
    }

    /// Rows are short in practice (a resource refers to a handful of
    /// others) and often already sorted: insertion sort is linear then.
    /// Long rows (an output listing thousands of resources) use a
    /// comparison sort that carries each entry's position, which keeps it
    /// stable too.
    private static func sortRow(_ row: Range<Int>, packed: UnsafeMutableBufferPointer<UInt64>) {
        if row.count <= 32 {
            for position in (row.lowerBound + 1)..<row.upperBound {
                let entry = packed[position]
                var slot = position
                while slot > row.lowerBound && packed[slot - 1] >> 32 > entry >> 32 {
                    packed[slot] = packed[slot - 1]
                    slot -= 1
                }
                packed[slot] = entry
            }
            return
        }
        var keys = row.map { position in (packed[position] >> 32, position) }
        keys.sort { $0 < $1 }
        let original = Array(packed[row])
        for (offset, key) in keys.enumerated() {
            packed[row.lowerBound + offset] = original[key.1 - row.lowerBound]
        }
    }
}
