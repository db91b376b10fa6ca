import Testing
import PCGraph

@Suite struct CycleTests {
    @Test func selfLoop() {
        let g = graph(3, [(1, 0), (2, 2)], labels: [4, 9])
        #expect(g.cycles() == [GraphCycle(nodes: [2], labels: [9])])
        #expect(!g.isAcyclic)
        #expect(g.cycles()[0].path { "n\($0)" } == "n2 → n2")
    }

    @Test func twoCycle() {
        let g = graph(2, [(1, 0), (0, 1)], labels: [11, 12])
        #expect(g.cycles() == [GraphCycle(nodes: [0, 1], labels: [12, 11])])
        #expect(g.cycles()[0].edges == [
            GraphEdge(dependent: 0, dependency: 1, label: 12),
            GraphEdge(dependent: 1, dependency: 0, label: 11),
        ])
    }

    @Test func longCycleInsideALargerGraphWithItsLabels() throws {
        // 10 → 14 → 12 → 17 → 11 → 10, among acyclic decoys and a chord
        // 14 → 11 that makes a shorter loop through 10.
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                     "web", "db", "subnet", "x", "sg", "y", "z", "vpc", "w", "v"]
        var edges: [(Int, Int)] = [(10, 14), (14, 12), (12, 17), (17, 11), (11, 10)]
        edges += [(1, 0), (2, 1), (13, 12), (15, 13), (18, 19), (3, 18), (10, 5)]
        let g = graph(20, edges, labels: (0..<UInt32(edges.count)).map { 100 + $0 })
        let cycles = g.cycles()
        #expect(cycles == [GraphCycle(nodes: [10, 14, 12, 17, 11], labels: [100, 101, 102, 103, 104])])
        #expect(cycles[0].path { names[$0] } == "web → sg → subnet → vpc → db → web")

        var withChord = GraphBuilder(nodeCount: 20)
        for (index, edge) in edges.enumerated() {
            withChord.addDependency(from: edge.0, to: edge.1, label: 100 + UInt32(index))
        }
        withChord.addDependency(from: 14, to: 11, label: 555)
        #expect(withChord.build().cycles() == [GraphCycle(nodes: [10, 14, 11], labels: [100, 555, 104])])
    }

    @Test func everyCyclicComponentOnceInOrder() {
        // Components {7, 8, 9}, {2, 3}, {5} (self-loop) and an acyclic rest.
        let edges = [(9, 8), (8, 7), (7, 9), (3, 2), (2, 3), (5, 5), (4, 3), (6, 4), (9, 0), (1, 0)]
        let g = graph(10, edges)
        #expect(g.cycles() == [
            GraphCycle(nodes: [2, 3], labels: [4, 3]),
            GraphCycle(nodes: [5], labels: [5]),
            GraphCycle(nodes: [7, 9, 8], labels: [2, 0, 1]),
        ])
        #expect(throws: GraphCycleError(cycles: g.cycles())) { try g.topologicalOrder() }
    }

    @Test func selfLoopOnANonMinimalMemberOfAComponent() {
        let g = graph(3, [(0, 1), (1, 0), (1, 1), (2, 2)])
        #expect(g.cycles() == [
            GraphCycle(nodes: [0, 1], labels: [0, 1]),
            GraphCycle(nodes: [2], labels: [3]),
        ])
    }

    @Test func acyclicGraphsHaveNone() {
        for seed in UInt64(1)...10 {
            let (g, _) = randomGraph(nodeCount: 100, edgeCount: 300, acyclic: true, seed: seed)
            #expect(g.cycles().isEmpty)
            #expect(g.isAcyclic)
        }
    }

    /// Against a reachability matrix: one cycle per strongly connected
    /// component that has one, each valid and starting at the component's
    /// lowest node.
    @Test func randomGraphsMatchReachability() throws {
        for seed in UInt64(1)...30 {
            let n = 25
            let (g, edges) = randomGraph(nodeCount: n, edgeCount: 30, acyclic: false, seed: seed)
            var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
            for (a, b) in edges { reach[a][b] = true }
            for k in 0..<n { for i in 0..<n where reach[i][k] { for j in 0..<n where reach[k][j] { reach[i][j] = true } } }
            let cyclicNodes = (0..<n).filter { reach[$0][$0] }
            let expectedStarts = cyclicNodes.filter { node in
                !cyclicNodes.contains { $0 < node && reach[$0][node] && reach[node][$0] }
            }
            let cycles = g.cycles()
            #expect(cycles.map { $0.nodes[0] } == expectedStarts, "seed \(seed)")
            for cycle in cycles {
                #expect(isValidCycle(cycle, in: g), "seed \(seed)")
                #expect(cycle.nodes.allSatisfy { reach[$0][cycle.nodes[0]] && reach[cycle.nodes[0]][$0] })
            }
            if expectedStarts.isEmpty {
                #expect(isTopological(try g.topologicalOrder(), g))
            } else {
                #expect(throws: GraphCycleError(cycles: cycles)) { try g.topologicalOrder() }
            }
        }
    }
}
