import Testing
import PCGraph

@Suite struct BuilderTests {
    @Test func neighboursAreSortedBothWays() {
        let g = graph(5, [(4, 2), (4, 0), (4, 3), (1, 0), (3, 0)])
        #expect(g.nodeCount == 5)
        #expect(g.edgeCount == 5)
        #expect(Array(g.dependencies(of: 4)) == [0, 2, 3])
        #expect(Array(g.dependents(of: 0)) == [1, 3, 4])
        #expect(Array(g.dependencies(of: 0)).isEmpty)
        #expect(Array(g.dependents(of: 4)).isEmpty)
        #expect(g.dependencies(of: 4).count == 3)
    }

    @Test func duplicateEdgesKeepTheFirstLabel() {
        let g = graph(3, [(2, 1), (2, 0), (2, 1), (2, 1)], labels: [10, 20, 30, 40])
        #expect(g.edgeCount == 2)
        #expect(g.label(from: 2, to: 1) == 10)
        #expect(g.label(from: 2, to: 0) == 20)
        #expect(g.label(from: 1, to: 2) == nil)
        #expect(g.hasDependency(from: 2, to: 0))
        #expect(!g.hasDependency(from: 0, to: 2))
    }

    @Test func longRowsAreSortedStably() {
        // More than the insertion-sort limit, in descending order, with a
        // duplicate of each edge carrying a later label.
        var builder = GraphBuilder(nodeCount: 101)
        for target in stride(from: 99, through: 0, by: -1) {
            builder.addDependency(from: 100, to: target, label: UInt32(target))
        }
        for target in 0..<100 { builder.addDependency(from: 100, to: target, label: 999) }
        let g = builder.build()
        #expect(Array(g.dependencies(of: 100)) == Array(0..<100))
        #expect((0..<100).allSatisfy { g.label(from: 100, to: $0) == UInt32($0) })
        #expect((0..<100).allSatisfy { g.dependencies(of: 100).label(at: $0) == UInt32($0) })
        #expect((0..<100).allSatisfy { Array(g.dependents(of: $0)) == [100] })
        #expect(g.dependents(of: 7).label(at: 0) == 7)
    }

    @Test func nodesCanBeAddedIncrementally() {
        var builder = GraphBuilder()
        let a = builder.addNode()
        let rest = builder.addNodes(2)
        builder.addDependency(from: rest.upperBound - 1, to: a, label: 5)
        #expect(builder.nodeCount == 3)
        #expect(builder.addedDependencyCount == 1)
        let g = builder.build()
        #expect(a == 0 && rest == 1..<3)
        #expect(g.edges == [GraphEdge(dependent: 2, dependency: 0, label: 5)])
    }

    @Test func emptyGraphs() throws {
        let none = GraphBuilder().build()
        #expect(none.nodeCount == 0)
        #expect(try none.topologicalOrder() == [])
        #expect(try none.levels() == [])
        #expect(none.cycles() == [])
        #expect(none.dot(name: { "\($0)" }) == "digraph {\n}\n")
        let isolated = DependencyGraph(nodeCount: 3)
        #expect(try isolated.topologicalOrder() == [0, 1, 2])
        #expect(try isolated.reverseTopologicalOrder() == [0, 1, 2])
        #expect(isolated == GraphBuilder(nodeCount: 3).build())
    }

    @Test func reversedSwapsDirectionAndKeepsLabels() {
        let g = graph(3, [(2, 1), (1, 0)], labels: [7, 8])
        let r = g.reversed()
        #expect(r.edges == [
            GraphEdge(dependent: 0, dependency: 1, label: 8),
            GraphEdge(dependent: 1, dependency: 2, label: 7),
        ])
        #expect(Array(r.dependencies(of: 0)) == [1])
        #expect(Array(r.dependents(of: 2)) == [1])
        #expect(r.reversed() == g)
    }

    @Test func buildMatchesTheEdgeSetOnRandomGraphs() {
        for seed in UInt64(1)...20 {
            let (g, edges) = randomGraph(nodeCount: 30, edgeCount: 120, acyclic: false, seed: seed)
            var firstLabel: [Int: [Int: UInt32]] = [:]
            for (index, edge) in edges.enumerated() where firstLabel[edge.0]?[edge.1] == nil {
                firstLabel[edge.0, default: [:]][edge.1] = UInt32(index)
            }
            let expected = firstLabel.flatMap { dependent, row in
                row.map { GraphEdge(dependent: dependent, dependency: $0.key, label: $0.value) }
            }.sorted { ($0.dependent, $0.dependency) < ($1.dependent, $1.dependency) }
            #expect(g.edges == expected, "seed \(seed)")
            let transposed = g.edges.sorted { ($0.dependency, $0.dependent) < ($1.dependency, $1.dependent) }
            let viaDependents = (0..<30).flatMap { node in
                g.dependents(of: node).indices.map { position in
                    GraphEdge(dependent: g.dependents(of: node)[position], dependency: node,
                              label: g.dependents(of: node).label(at: position))
                }
            }
            #expect(viaDependents == transposed, "seed \(seed)")
        }
    }
}
