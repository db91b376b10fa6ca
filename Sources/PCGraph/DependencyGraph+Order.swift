extension DependencyGraph {
    /// Every node, each after all of its dependencies: the order to create
    /// things in.
    ///
    /// Deterministic: whenever several nodes are ready, the lowest index
    /// goes first (Kahn's algorithm with a priority queue), so the same
    /// graph always gives the same order, whatever order its edges were
    /// added in. O(e + n log₆₄ n).
    ///
    /// - Throws: ``GraphCycleError`` with every cycle when there is one.
    public func topologicalOrder() throws(GraphCycleError) -> [Int] {
        try minimumFirstOrder(waitingOn: dependencyLists, releasing: dependentLists)
    }

    /// Every node, each after all of its dependents: the order to destroy
    /// things in. Deterministic in the same way as ``topologicalOrder()``
    /// (lowest ready index first), which makes it in general *not* the
    /// reverse of that order.
    ///
    /// - Throws: ``GraphCycleError`` with every cycle when there is one.
    public func reverseTopologicalOrder() throws(GraphCycleError) -> [Int] {
        try minimumFirstOrder(waitingOn: dependentLists, releasing: dependencyLists)
    }

    /// The nodes in parallel layers: layer 0 holds the nodes without
    /// dependencies, layer k the nodes whose deepest dependency is in
    /// layer k − 1. Each layer is sorted; the layers together are a
    /// topological order.
    ///
    /// - Throws: ``GraphCycleError`` with every cycle when there is one.
    public func levels() throws(GraphCycleError) -> [[Int]] {
        let (_, depth) = try anyOrder(waitingOn: dependencyLists, releasing: dependentLists)
        var layers: [[Int]] = []
        if let deepest = depth.max() {
            layers = Array(repeating: [], count: Int(deepest) + 1)
        }
        // Filling by ascending node keeps each layer sorted without sorting.
        for node in 0..<nodeCount { layers[Int(depth[node])].append(node) }
        return layers
    }

    /// For each node, the weight of the heaviest path that starts at it and
    /// follows dependents until a node nothing depends on: its own weight
    /// plus the largest such length among its dependents (just its own
    /// weight when it has none).
    ///
    /// This is how much work waits on the node, itself included; a
    /// scheduler that starts the ready node with the largest value first
    /// shortens the whole run. Weights are typically expected durations in
    /// seconds, and should be finite and not negative.
    ///
    /// - Parameter weights: one weight per node.
    /// - Throws: ``GraphCycleError`` with every cycle when there is one.
    public func criticalPath(weights: [Double]) throws(GraphCycleError) -> [Double] {
        precondition(weights.count == nodeCount, "one weight per node is needed")
        // Any order with dependents first will do: the result depends only
        // on maxima, not on the order they are taken in.
        let (order, _) = try anyOrder(waitingOn: dependentLists, releasing: dependencyLists)
        var lengths = [Double](repeating: 0, count: nodeCount)
        let dependents = dependentLists
        for node in order {
            let row = dependents.row(Int(node))
            var longest = 0.0
            if !row.isEmpty {
                longest = -Double.infinity
                for edge in row { longest = max(longest, lengths[Int(dependents.targets[edge])]) }
            }
            lengths[Int(node)] = weights[Int(node)] + longest
        }
        return lengths
    }

    /// Kahn's algorithm taking the lowest ready index each time: a node is
    /// ready once every neighbour in `waitingOn` has been emitted.
    private func minimumFirstOrder(waitingOn: Adjacency, releasing: Adjacency) throws(GraphCycleError) -> [Int] {
        let n = nodeCount
        var remaining = Self.degrees(of: waitingOn)
        var ready = ReadySet(capacity: n)
        var emitted = 0
        let order = [Int](unsafeUninitializedCapacity: n) { order, initialized in
            remaining.withUnsafeMutableBufferPointer { remaining in
                releasing.offsets.withUnsafeBufferPointer { offsets in
                    releasing.targets.withUnsafeBufferPointer { targets in
                        for node in 0..<n where remaining[node] == 0 { ready.insert(node) }
                        while !ready.isEmpty {
                            let node = ready.removeMinimum()
                            order[emitted] = node
                            emitted += 1
                            for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                let next = Int(targets[edge])
                                let left = remaining[next] &- 1
                                remaining[next] = left
                                if left == 0 { ready.insert(next) }
                            }
                        }
                    }
                }
            }
            initialized = emitted
        }
        if emitted < n { throw GraphCycleError(cycles: cycles(amongUnfinished: remaining)) }
        return order
    }

    /// Kahn's algorithm in first-in first-out order, cheaper than keeping
    /// the ready nodes sorted when only *a* valid order is needed. Also
    /// returns each node's depth: its longest chain of `waitingOn` edges.
    private func anyOrder(waitingOn: Adjacency, releasing: Adjacency) throws(GraphCycleError) -> (order: [Int32], depth: [Int32]) {
        let n = nodeCount
        var remaining = Self.degrees(of: waitingOn)
        var depth = [Int32](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var emitted = 0
        remaining.withUnsafeMutableBufferPointer { remaining in
            depth.withUnsafeMutableBufferPointer { depth in
                order.withUnsafeMutableBufferPointer { queue in
                    for node in 0..<n where remaining[node] == 0 {
                        queue[emitted] = Int32(truncatingIfNeeded: node)
                        emitted += 1
                    }
                    var head = 0
                    while head < emitted {
                        let node = Int(queue[head])
                        head += 1
                        let nextDepth = depth[node] + 1
                        for edge in releasing.row(node) {
                            let next = Int(releasing.targets[edge])
                            if depth[next] < nextDepth { depth[next] = nextDepth }
                            remaining[next] -= 1
                            if remaining[next] == 0 {
                                queue[emitted] = Int32(truncatingIfNeeded: next)
                                emitted += 1
                            }
                        }
                    }
                }
            }
        }
        if emitted < n { throw GraphCycleError(cycles: cycles(amongUnfinished: remaining)) }
        return (order, depth)
    }

    private static func degrees(of adjacency: Adjacency) -> [Int32] {
        let n = adjacency.nodeCount
        return [Int32](unsafeUninitializedCapacity: n) { degrees, count in
            adjacency.offsets.withUnsafeBufferPointer { offsets in
                for node in 0..<n { degrees[node] = offsets[node + 1] &- offsets[node] }
            }
            count = n
        }
    }
}
