import Testing
import PCGraph

@Suite struct OrderTests {
    //   3 depends on 1 and 2, which both depend on 0.
    static let diamond = graph(4, [(3, 1), (3, 2), (1, 0), (2, 0)])

    @Test func diamond() throws {
        #expect(try Self.diamond.topologicalOrder() == [0, 1, 2, 3])
        #expect(try Self.diamond.reverseTopologicalOrder() == [3, 1, 2, 0])
        #expect(try Self.diamond.levels() == [[0], [1, 2], [3]])
    }

    @Test func lowestReadyIndexGoesFirst() throws {
        // 0 waits for 5; 1..4 are free; 6 waits for 0.
        let g = graph(7, [(0, 5), (6, 0)])
        #expect(try g.topologicalOrder() == [1, 2, 3, 4, 5, 0, 6])
        // Dependents first: 6 must go before 0, 0 before 5.
        #expect(try g.reverseTopologicalOrder() == [1, 2, 3, 4, 6, 0, 5])
    }

    @Test func disconnectedParts() throws {
        // Two chains 4 → 2 → 0 and 5 → 3 → 1, plus an isolated 6.
        let g = graph(7, [(4, 2), (2, 0), (5, 3), (3, 1)])
        #expect(try g.topologicalOrder() == [0, 1, 2, 3, 4, 5, 6])
        #expect(try g.reverseTopologicalOrder() == [4, 2, 0, 5, 3, 1, 6])
        #expect(try g.levels() == [[0, 1, 6], [2, 3], [4, 5]])
    }

    @Test func reverseOrderIsATopologicalOrderOfTheReversedGraph() throws {
        for seed in UInt64(1)...10 {
            let (g, _) = randomGraph(nodeCount: 60, edgeCount: 150, acyclic: true, seed: seed)
            let reverse = try g.reverseTopologicalOrder()
            #expect(isTopological(reverse, g.reversed()))
            #expect(reverse == (try g.reversed().topologicalOrder()))
        }
    }

    @Test func sameGraphSameOrderWhateverTheEdgeOrder() throws {
        var random = SplitMix64(seed: 7)
        let (g, edges) = randomGraph(nodeCount: 80, edgeCount: 200, acyclic: true, seed: 3)
        let order = try g.topologicalOrder()
        for _ in 0..<5 {
            let shuffled = graph(80, edges.shuffled(using: &random))
            #expect(try shuffled.topologicalOrder() == order)
        }
    }

    @Test func matchesTheQuadraticReference() throws {
        for seed in UInt64(1)...25 {
            let (g, edges) = randomGraph(nodeCount: 40, edgeCount: 70, acyclic: true, seed: seed)
            let order = try g.topologicalOrder()
            #expect(isTopological(order, g))
            #expect(order == referenceOrder(40, edges), "seed \(seed)")
            let reversedEdges = edges.map { ($0.1, $0.0) }
            #expect(try g.reverseTopologicalOrder() == referenceOrder(40, reversedEdges), "seed \(seed)")
        }
    }

    @Test func levelsPutEachNodeJustAfterItsDeepestDependency() throws {
        for seed in UInt64(1)...10 {
            let (g, _) = randomGraph(nodeCount: 50, edgeCount: 120, acyclic: true, seed: seed)
            let levels = try g.levels()
            var level = [Int](repeating: -1, count: 50)
            for (depth, layer) in levels.enumerated() {
                #expect(layer == layer.sorted())
                for node in layer { level[node] = depth }
            }
            #expect(!level.contains(-1))
            for node in 0..<50 {
                let deepest = g.dependencies(of: node).map { level[$0] }.max() ?? -1
                #expect(level[node] == deepest + 1)
            }
        }
    }

    @Test func ordersFailOnACycle() {
        let g = graph(3, [(0, 1), (1, 0), (2, 0)], labels: [5, 6, 7])
        let expected = GraphCycleError(cycles: [GraphCycle(nodes: [0, 1], labels: [5, 6])])
        #expect(throws: expected) { try g.topologicalOrder() }
        #expect(throws: expected) { try g.reverseTopologicalOrder() }
        #expect(throws: expected) { try g.levels() }
        #expect(throws: expected) { try g.criticalPath(weights: [1, 1, 1]) }
    }
}
