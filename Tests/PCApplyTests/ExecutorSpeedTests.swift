import Foundation
import Testing
import PCGraph
@testable import PCApply

extension PCApplyTests {
    /// Real wall time: blocking actions overlap, and scheduling is cheap.
    @Suite struct ExecutorSpeedTests {
        /// 32 actions that each block for 300 ms, no dependencies.
        func sleepers(parallelism: Int) throws -> (summary: ExecutionSummary, peak: Int) {
            let recorder = Recorder()
            let executor = try ActionExecutor(
                graph: DependencyGraph(nodeCount: 32),
                expectedDurations: [Double](repeating: 0.3, count: 32), parallelism: parallelism)
            let summary = executor.run { index in
                recorder.begin(index)
                block(0.3)
                recorder.end(index)
                return .succeeded
            }
            return (summary, recorder.maximumInFlight)
        }

        @Test func blockingActionsReallyOverlap() throws {
            let (summary, peak) = try sleepers(parallelism: 32)
            print("PCApply: 32 × 0.3 s at parallelism 32 took \(summary.wallTime) s")
            #expect(summary.succeededCount == 32)
            #expect(peak == 32)
            #expect(summary.wallTime < 1.5)
        }

        @Test func parallelismBoundsTheOverlap() throws {
            let (summary, peak) = try sleepers(parallelism: 4)
            print("PCApply: 32 × 0.3 s at parallelism 4 took \(summary.wallTime) s")
            #expect(summary.succeededCount == 32)
            #expect(peak == 4)
            #expect(summary.wallTime > 2.0)
            #expect(summary.wallTime < 4.0)
        }

        @Test func tenThousandTrivialActionsAreScheduledQuickly() throws {
            let n = 10_000
            let g = randomGraph(n, maxDependencies: 2, window: 50, chain: 0.5, seed: 42)
            let clock = ContinuousClock()
            let began = clock.now
            let executor = try ActionExecutor(graph: g, expectedDurations: [Double](repeating: 1, count: n), parallelism: 10)
            let summary = executor.run { _ in .succeeded }
            let elapsed = clock.now - began
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("PCApply: 10,000 trivial actions (\(g.edgeCount) dependencies) took \(seconds) s")
            #expect(summary.succeededCount == n)
            #expect(seconds < 1.0)
        }
    }
}
