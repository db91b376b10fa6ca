import Testing
import PCGraph

@Suite struct DependencyWalkTests {
    @Test func diamondForwardAndReverse() {
        // 3 depends on 1 and 2, which both depend on 0.
        let g = graph(4, [(3, 1), (3, 2), (1, 0), (2, 0)])
        var walk = DependencyWalk(g)
        #expect(walk.initiallyReady == [0])
        #expect(walk.finish(0) == [1, 2])
        #expect(walk.finish(2) == [])
        #expect(!walk.isComplete)
        #expect(walk.finish(1) == [3])
        #expect(walk.finish(3) == [])
        #expect(walk.isComplete && walk.finishedCount == 4)

        var destroy = DependencyWalk(g, reverse: true)
        #expect(destroy.initiallyReady == [3])
        #expect(destroy.finish(3) == [1, 2])
        #expect(destroy.finish(1) == [])
        #expect(destroy.finish(2) == [0])
    }

    /// Finishing ready nodes in any order visits every node, each after its
    /// dependencies.
    @Test func anyFinishingOrderIsTopological() {
        for seed in UInt64(1)...10 {
            var random = SplitMix64(seed: seed)
            let (g, _) = randomGraph(nodeCount: 60, edgeCount: 150, acyclic: true, seed: seed)
            var walk = DependencyWalk(g)
            var ready = walk.initiallyReady
            var order: [Int] = []
            while !ready.isEmpty {
                let node = ready.remove(at: Int.random(in: 0..<ready.count, using: &random))
                order.append(node)
                ready += walk.finish(node)
            }
            #expect(walk.isComplete)
            #expect(isTopological(order, g))
        }
    }

    @Test func cyclicNodesNeverBecomeReady() {
        let g = graph(3, [(0, 1), (1, 0), (2, 0)])
        let walk = DependencyWalk(g)
        #expect(walk.initiallyReady == [])
        #expect(!walk.isComplete)
    }
}
