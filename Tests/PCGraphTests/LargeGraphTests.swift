import Testing
import PCGraph

/// Graphs far deeper than any call stack: every algorithm must be
/// iterative. These run on the default test thread, whose stack is the
/// smallest one a caller is likely to use.
@Suite struct LargeGraphTests {
    static let n = 200_000

    /// `i` depends on `i - 1`: one path 200,000 nodes long.
    static let chain: DependencyGraph = {
        var builder = GraphBuilder(nodeCount: n)
        for node in 1..<n { builder.addDependency(from: node, to: node - 1, label: UInt32(node)) }
        return builder.build()
    }()

    @Test func chainOrders() throws {
        let g = Self.chain
        #expect(try g.topologicalOrder() == Array(0..<Self.n))
        #expect(try g.reverseTopologicalOrder() == Array((0..<Self.n).reversed()))
        let levels = try g.levels()
        #expect(levels.count == Self.n && levels.allSatisfy { $0.count == 1 })
        #expect(g.cycles().isEmpty)
    }

    @Test func chainClosuresAndCriticalPath() throws {
        let g = Self.chain
        #expect(g.transitiveDependencies(of: [Self.n - 1]).count == Self.n)
        #expect(g.transitiveDependents(of: [Self.n / 2]) == Array((Self.n / 2)..<Self.n))
        let lengths = try g.criticalPath(weights: [Double](repeating: 1, count: Self.n))
        #expect(lengths.first == Double(Self.n) && lengths.last == 1)
        #expect(g.dot(name: { "\($0)" }).utf8.count > 3 * Self.n)
    }

    @Test func ringIsOneCycleOfEveryNode() {
        var builder = GraphBuilder(nodeCount: Self.n)
        for node in 0..<Self.n { builder.addDependency(from: node, to: (node + 1) % Self.n, label: UInt32(node)) }
        let g = builder.build()
        let cycles = g.cycles()
        #expect(cycles.count == 1)
        #expect(cycles.first?.nodes == Array(0..<Self.n))
        #expect(cycles.first?.labels == (0..<UInt32(Self.n)).map { $0 })
        #expect(throws: GraphCycleError.self) { try g.topologicalOrder() }
    }

    @Test func randomGraphWithADeepCycle() throws {
        let edgeCount = 600_000
        var random = SplitMix64(seed: 2024)
        var builder = GraphBuilder(nodeCount: Self.n)
        builder.reserveCapacity(dependencies: edgeCount + Self.n)
        // A spine keeps the graph deep; the random edges only point down.
        for node in 1..<Self.n { builder.addDependency(from: node, to: node - 1) }
        for _ in 0..<edgeCount {
            let a = Int.random(in: 1..<Self.n, using: &random)
            builder.addDependency(from: a, to: Int.random(in: 0..<a, using: &random))
        }
        let acyclic = builder.build()
        let order = try acyclic.topologicalOrder()
        #expect(order == Array(0..<Self.n))
        #expect(isTopological(try acyclic.reverseTopologicalOrder(), acyclic.reversed()))

        // Closing the spine from bottom to top makes one component of all
        // nodes; its shortest cycle through node 0 must still be valid.
        builder.addDependency(from: 0, to: Self.n - 1, label: 77)
        let cyclic = builder.build()
        let cycles = cyclic.cycles()
        #expect(cycles.count == 1)
        if let cycle = cycles.first {
            #expect(cycle.nodes.first == 0 && cycle.nodes[1] == Self.n - 1 && cycle.labels.first == 77)
            #expect(isValidCycle(cycle, in: cyclic))
        }
        #expect(throws: GraphCycleError(cycles: cycles)) { try cyclic.topologicalOrder() }
    }
}
