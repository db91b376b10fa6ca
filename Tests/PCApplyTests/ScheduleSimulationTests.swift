import Testing
import PCGraph
@testable import PCApply

extension PCApplyTests {
    @Suite struct ScheduleSimulationTests {
        // Three lone actions 0, 1, 2 and a chain 5 → 4 → 3, each taking 1,
        // at parallelism 2: index order leaves the chain for last.
        static let lonersAndChain = graph(6, [(4, 3), (5, 4)])

        @Test(arguments: [(SchedulePriority.criticalPath, 3.0), (.topological, 4.0)])
        func knownSchedule(priority: SchedulePriority, expected: Double) throws {
            let durations = [Double](repeating: 1, count: 6)
            let makespan = try ScheduleSimulation.makespan(
                graph: Self.lonersAndChain, durations: durations, parallelism: 2, priority: priority)
            #expect(makespan == expected)
            let bound = try ScheduleSimulation.lowerBound(graph: Self.lonersAndChain, durations: durations, parallelism: 2)
            #expect(bound == 3)
        }

        @Test func startTimesRespectDependenciesAndSlots() throws {
            let g = randomGraph(80, maxDependencies: 3, window: 12, chain: 0.2, seed: 9)
            var random = SeededGenerator(seed: 10)
            let durations = (0..<80).map { _ in Double.random(in: 1...20, using: &random) }
            let (starts, makespan) = try ScheduleSimulation.schedule(
                graph: g, durations: durations, parallelism: 3, priority: .criticalPath)
            for edge in g.edges {
                #expect(starts[edge.dependent] >= starts[edge.dependency] + durations[edge.dependency])
            }
            // At each start, at most three actions are running.
            for node in 0..<80 {
                let running = (0..<80).filter { starts[$0] <= starts[node] && starts[node] < starts[$0] + durations[$0] }
                #expect(running.count <= 3)
            }
            #expect(makespan == (0..<80).map { starts[$0] + durations[$0] }.max())
        }

        /// Graph shapes for the benchmark: a deep one, bound by its longest
        /// chain, and wide ones, where the total work shared among ten
        /// slots is close to or above the longest chain and the choice of
        /// what to start first matters most.
        static let shapes: [(name: String, maxDependencies: Int, window: Int, chain: Double)] = [
            ("deep", 3, 30, 0.3),
            ("wide", 2, 60, 0.0),
            ("wider", 2, 120, 0.0),
        ]

        @Test(arguments: 0..<3, [UInt64(200), 201, 202, 203, 204])
        func criticalPathIsWithinTenPercentOfTheBound(shape: Int, seed: UInt64) throws {
            let n = 200
            let (name, maxDependencies, window, chain) = Self.shapes[shape]
            let g = randomGraph(n, maxDependencies: maxDependencies, window: window, chain: chain, seed: seed)
            var random = SeededGenerator(seed: seed &* 31)
            let durations = (0..<n).map { _ in Double.random(in: 1...60, using: &random) }
            let bound = try ScheduleSimulation.lowerBound(graph: g, durations: durations, parallelism: 10)
            let naive = try ScheduleSimulation.makespan(graph: g, durations: durations, parallelism: 10, priority: .topological)
            let ours = try ScheduleSimulation.makespan(graph: g, durations: durations, parallelism: 10, priority: .criticalPath)
            print("PCApply: 200 actions, \(name), seed \(seed): bound \(bound) s, naive \(naive) s, critical path \(ours) s")
            // Sums taken in different orders may differ in the last bit.
            let slack = 1e-9 * bound
            #expect(ours >= bound - slack)
            #expect(naive >= bound - slack)
            #expect(ours <= bound * 1.10)
        }
    }
}
