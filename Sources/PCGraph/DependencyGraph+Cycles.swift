extension DependencyGraph {
    /// Every strongly connected component that contains a cycle (more than
    /// one node, or one node that depends on itself), each as one
    /// representative cycle, ordered by their lowest node. Empty when the
    /// graph is acyclic.
    ///
    /// The representative cycle is a shortest cycle through the component's
    /// lowest-numbered node, found breadth-first taking lower indices first,
    /// so it is deterministic and as short as the loop allows.
    /// O(n + e), and iterative: a chain of any length is safe.
    public func cycles() -> [GraphCycle] {
        cycles(amongUnfinished: nil)
    }

    /// Whether the graph has no cycle.
    public var isAcyclic: Bool {
        cyclicComponents(nil).isEmpty
    }

    /// Cycles among the nodes a failed Kahn pass left with a nonzero count
    /// (every node on a cycle is among them); all nodes when `remaining` is
    /// nil.
    func cycles(amongUnfinished remaining: [Int32]?) -> [GraphCycle] {
        let components = cyclicComponents(remaining)
        var cycles: [GraphCycle] = []
        cycles.reserveCapacity(components.count)
        // Scratch arrays shared by all components; `visitedBy` stamps the
        // component that visited a node, so nothing is reset between them.
        var component = [Int32](repeating: -1, count: nodeCount)
        var visitedBy = [Int32](repeating: -1, count: nodeCount)
        var parent = [Int32](repeating: -1, count: nodeCount)
        var parentLabel = [UInt32](repeating: 0, count: nodeCount)
        for (index, members) in components.enumerated() {
            for node in members { component[Int(node)] = Int32(index) }
        }
        for (index, members) in components.enumerated() {
            let start = Int(members.min()!)
            cycles.append(shortestCycle(
                through: start, in: Int32(index), component: component,
                visitedBy: &visitedBy, parent: &parent, parentLabel: &parentLabel))
        }
        cycles.sort { $0.nodes[0] < $1.nodes[0] }
        return cycles
    }

    /// Breadth-first search from `start` inside its component until an edge
    /// leads back to `start`.
    private func shortestCycle(
        through start: Int,
        in id: Int32,
        component: [Int32],
        visitedBy: inout [Int32],
        parent: inout [Int32],
        parentLabel: inout [UInt32]
    ) -> GraphCycle {
        let adjacency = dependencyLists
        if let label = adjacency.label(from: start, to: start) {
            return GraphCycle(nodes: [start], labels: [label])
        }
        var queue: [Int32] = [Int32(start)]
        var head = 0
        visitedBy[start] = id
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for edge in adjacency.row(node) {
                let next = Int(adjacency.targets[edge])
                if component[next] != id { continue }
                if next == start {
                    var nodes: [Int] = []
                    var labels: [UInt32] = [adjacency.labels[edge]]
                    var step = node
                    while step != start {
                        nodes.append(step)
                        labels.append(parentLabel[step])
                        step = Int(parent[step])
                    }
                    nodes.append(start)
                    return GraphCycle(nodes: nodes.reversed(), labels: labels.reversed())
                }
                if visitedBy[next] == id { continue }
                visitedBy[next] = id
                parent[next] = Int32(node)
                parentLabel[next] = adjacency.labels[edge]
                queue.append(Int32(next))
            }
        }
        // A strongly connected component of two or more nodes always leads
        // back to any of its members.
        preconditionFailure("component without a cycle through \(start)")
    }

    /// Tarjan's strongly connected components, with an explicit stack of
    /// (node, next edge) frames instead of recursion, keeping only the
    /// components that hold a cycle.
    private func cyclicComponents(_ remaining: [Int32]?) -> [[Int32]] {
        let n = nodeCount
        let adjacency = dependencyLists
        let unvisited: Int32 = -1
        var index = [Int32](repeating: unvisited, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var frames: [(node: Int32, edge: Int32)] = []
        var counter: Int32 = 0
        var components: [[Int32]] = []

        func eligible(_ node: Int) -> Bool {
            remaining.map { $0[node] > 0 } ?? true
        }

        for root in 0..<n where index[root] == unvisited && eligible(root) {
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(Int32(root))
            onStack[root] = true
            frames.append((Int32(root), adjacency.offsets[root]))

            while let frame = frames.last {
                let node = Int(frame.node)
                let edge = Int(frame.edge)
                if edge < Int(adjacency.offsets[node + 1]) {
                    frames[frames.count - 1].edge += 1
                    let next = Int(adjacency.targets[edge])
                    if !eligible(next) { continue }
                    if index[next] == unvisited {
                        index[next] = counter
                        lowLink[next] = counter
                        counter += 1
                        stack.append(Int32(next))
                        onStack[next] = true
                        frames.append((Int32(next), adjacency.offsets[next]))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let caller = frames.last {
                    let callerNode = Int(caller.node)
                    lowLink[callerNode] = min(lowLink[callerNode], lowLink[node])
                }
                if lowLink[node] != index[node] { continue }
                var members: [Int32] = []
                while true {
                    let member = stack.removeLast()
                    onStack[Int(member)] = false
                    members.append(member)
                    if Int(member) == node { break }
                }
                if members.count > 1 || adjacency.label(from: node, to: node) != nil {
                    components.append(members)
                }
            }
        }
        return components
    }
}
