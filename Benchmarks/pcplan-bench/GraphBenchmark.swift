// `pcplan-bench graph [NODES] [EDGES] [--repeat K] [--shuffled]`: times PCGraph on a
// random acyclic graph (edges only from a higher to a lower index, seeded so
// every run sees the same graph), at the given size and at twice that size
// to show how it scales. Defaults: 150,000 nodes, 500,000 edges, 7 runs.
//
// "build" is what the planner pays: adding every edge to a fresh builder,
// then compressing it. "sort" is the deterministic topological order.

import PCGraph

enum GraphBenchmark {
    static func run(_ arguments: [String]) {
        var sizes: [Int] = []
        var repeatCount = 7
        var shuffled = false
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--shuffled" || argument == "-shuffled" {
                shuffled = true
            } else if argument == "--repeat" || argument == "-repeat" {
                repeatCount = max(1, Int(iterator.next() ?? "") ?? repeatCount)
            } else if let size = Int(argument.filter { $0 != "_" && $0 != "," }), size >= 0 {
                sizes.append(size)
            } else {
                print("usage: pcplan-bench graph [NODES] [EDGES] [--repeat K] [--shuffled]")
                return
            }
        }
        let nodes = max(2, sizes.count > 0 ? sizes[0] : 150_000)
        let edges = sizes.count > 1 ? sizes[1] : 500_000
        print("graph: median of \(repeatCount) runs (build = add edges + compress), edges added \(shuffled ? "in random order" : "grouped by dependent")")
        for scale in [1, 2] {
            measure(nodes: nodes * scale, edges: edges * scale, repeatCount: repeatCount, shuffled: shuffled)
        }
    }

    static func measure(nodes: Int, edges: Int, repeatCount: Int, shuffled: Bool) {
        var random = SplitMix64(seed: 42)
        var pairs: [(dependent: Int, dependency: Int)] = []
        pairs.reserveCapacity(edges)
        for _ in 0..<edges {
            let dependent = 1 + Int(random.next() % UInt64(nodes - 1))
            pairs.append((dependent, Int(random.next() % UInt64(dependent))))
        }
        if !shuffled {
            // The planner adds a node's references while it visits that
            // node, so edges arrive grouped by dependent.
            pairs.sort { $0.dependent < $1.dependent }
        }
        let dependents = pairs.map(\.dependent), dependencies = pairs.map(\.dependency)

        var addTimes: [Double] = [], compressTimes: [Double] = [], sortTimes: [Double] = []
        var distinctEdges = 0
        var valid = true
        let clock = ContinuousClock()
        for _ in 0..<repeatCount {
            let start = clock.now
            var builder = GraphBuilder(nodeCount: nodes)
            builder.reserveCapacity(dependencies: edges)
            for edge in 0..<edges {
                builder.addDependency(from: dependents[edge], to: dependencies[edge], label: UInt32(truncatingIfNeeded: edge))
            }
            let added = clock.now
            let graph = builder.build()
            let built = clock.now
            let order = try? graph.topologicalOrder()
            let sorted = clock.now
            addTimes.append(milliseconds(added - start))
            compressTimes.append(milliseconds(built - added))
            sortTimes.append(milliseconds(sorted - built))
            distinctEdges = graph.edgeCount
            // Every dependency points to a lower index, so lowest-ready-first
            // must give exactly 0, 1, 2, …
            valid = valid && order.map { $0.elementsEqual(0..<nodes) } == true
        }
        let add = median(addTimes), compress = median(compressTimes), sort = median(sortTimes)
        print("  \(nodes) nodes, \(edges) edges (\(distinctEdges) distinct)\(valid ? "" : "  ORDER WRONG")")
        print("    build \(fixed(add + compress)) ms (add \(fixed(add)), compress \(fixed(compress)))  sort \(fixed(sort)) ms  total \(fixed(add + compress + sort)) ms")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func fixed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A small seeded generator (SplitMix64), so the graph is the same on
    /// every run and every machine.
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
