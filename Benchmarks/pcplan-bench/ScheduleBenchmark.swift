import PCApply
import PCGraph

/// `pcplan-bench schedule [ACTIONS=200] [PARALLELISM=10] [SEED=1]`: the
/// apply makespan on a generated graph of `time_sleep`-like actions with
/// random durations and dependencies, simulated (no sleeping): the lower
/// bound (the longest chain, or all work spread over the slots), a plain
/// topological schedule, and the applier's critical-path-first schedule.
enum ScheduleBenchmark {
    static func run(_ arguments: [String]) {
        let count = arguments.first.flatMap(Int.init) ?? 200
        let parallelism = arguments.dropFirst().first.flatMap(Int.init) ?? 10
        var state = UInt64(arguments.dropFirst(2).first.flatMap(Int.init) ?? 1)
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var builder = GraphBuilder(nodeCount: count)
        var durations: [Double] = []
        for node in 0..<count {
            // Durations of 1 to 60 s; up to three dependencies on earlier
            // actions, as real configurations reference what came before.
            durations.append(Double(1 + next() % 60))
            guard node > 0 else { continue }
            for _ in 0..<Int(next() % 4) {
                builder.addDependency(from: node, to: Int(next() % UInt64(node)))
            }
        }
        let graph = builder.build()
        do {
            let bound = try ScheduleSimulation.lowerBound(graph: graph, durations: durations, parallelism: parallelism)
            let naive = try ScheduleSimulation.makespan(graph: graph, durations: durations, parallelism: parallelism, priority: .topological)
            let ours = try ScheduleSimulation.makespan(graph: graph, durations: durations, parallelism: parallelism, priority: .criticalPath)
            print("schedule: \(count) actions, \(graph.edgeCount) dependencies, parallelism \(parallelism)")
            print("  lower bound     \(format(bound)) s")
            print("  topological     \(format(naive)) s  (+\(format((naive / bound - 1) * 100)) %)")
            print("  critical path   \(format(ours)) s  (+\(format((ours / bound - 1) * 100)) %)")
        } catch {
            print("schedule: the generated graph has a cycle, which cannot happen: \(error)")
        }
    }

    static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
