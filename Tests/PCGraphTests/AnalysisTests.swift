import Testing
import PCGraph

@Suite struct AnalysisTests {
    // 5 → 3 → 1 → 0, 4 → 2 → 0, 4 → 3, and 6 alone.
    static let sample = graph(7, [(5, 3), (3, 1), (1, 0), (4, 2), (2, 0), (4, 3)])

    @Test(arguments: [
        ([5], [0, 1, 3, 5]),
        ([4], [0, 1, 2, 3, 4]),
        ([2, 6], [0, 2, 6]),
        ([0], [0]),
        ([], []),
        ([3, 3, 1], [0, 1, 3]),
    ])
    func transitiveDependencies(seeds: [Int], expected: [Int]) {
        #expect(Self.sample.transitiveDependencies(of: seeds) == expected)
    }

    @Test(arguments: [
        ([0], [0, 1, 2, 3, 4, 5]),
        ([3], [3, 4, 5]),
        ([2, 6], [2, 4, 6]),
        ([5], [5]),
    ])
    func transitiveDependents(seeds: [Int], expected: [Int]) {
        #expect(Self.sample.transitiveDependents(of: seeds) == expected)
    }

    @Test func closureCoversTheWholeGraphWhenLarge() {
        let (g, _) = randomGraph(nodeCount: 300, edgeCount: 900, acyclic: true, seed: 5)
        let all = g.transitiveDependents(of: Array(0..<300))
        #expect(all == Array(0..<300))
        // Everything found really is reachable, and the set is closed.
        let closure = g.transitiveDependencies(of: [299, 250])
        #expect(closure == closure.sorted() && Set(closure).count == closure.count)
        for node in closure { #expect(g.dependencies(of: node).allSatisfy { closure.contains($0) }) }
    }

    @Test func criticalPathOfASmallWeightedGraph() throws {
        // vpc(0) ← subnet(1) ← instance(2) ← dns(4); vpc ← sg(3) ← instance.
        // Weights in seconds.
        let g = graph(5, [(1, 0), (3, 0), (2, 1), (2, 3), (4, 2)])
        let lengths = try g.criticalPath(weights: [2, 1, 30, 5, 0.5])
        // dns: 0.5; instance: 30 + 0.5; sg: 5 + 30.5; subnet: 1 + 30.5;
        // vpc: 2 + max(31.5, 35.5).
        #expect(lengths == [37.5, 31.5, 30.5, 35.5, 0.5])
    }

    @Test func criticalPathWithoutEdgesIsTheWeight() throws {
        #expect(try DependencyGraph(nodeCount: 3).criticalPath(weights: [1, 0, 4]) == [1, 0, 4])
    }

    @Test func criticalPathMatchesABruteForceOnRandomGraphs() throws {
        for seed in UInt64(1)...10 {
            let n = 40
            let (g, _) = randomGraph(nodeCount: n, edgeCount: 90, acyclic: true, seed: seed)
            let weights = (0..<n).map { Double(($0 * 7 + Int(seed)) % 11) }
            // Dependents always have higher indices here, so a descending
            // sweep sees them first.
            var expected = [Double](repeating: 0, count: n)
            for node in stride(from: n - 1, through: 0, by: -1) {
                expected[node] = weights[node] + (g.dependents(of: node).map { expected[$0] }.max() ?? 0)
            }
            #expect(try g.criticalPath(weights: weights) == expected)
        }
    }
}
