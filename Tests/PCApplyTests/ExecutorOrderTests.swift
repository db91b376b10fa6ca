import Foundation
import Testing
import PCGraph
@testable import PCApply

extension PCApplyTests {
    /// Dependencies, the bound on parallelism, priorities and events.
    @Suite struct ExecutorOrderTests {
        @Test(arguments: [(UInt64(1), 1), (2, 3), (3, 8)])
        func noActionStartsBeforeItsDependenciesFinished(seed: UInt64, parallelism: Int) throws {
            let g = randomGraph(60, maxDependencies: 3, window: 10, chain: 0.3, seed: seed)
            let recorder = Recorder()
            let log = EventLog()
            let executor = try ActionExecutor(
                graph: g, expectedDurations: [Double](repeating: 1, count: 60), parallelism: parallelism)
            let summary = executor.run({ index in
                recorder.begin(index)
                block(Double(index % 4) * 0.001)
                recorder.end(index)
                return .succeeded
            }, onEvent: log.append)

            #expect(summary.isComplete)
            #expect(recorder.maximumInFlight <= parallelism)
            for edge in g.edges {
                let dependencyEnd = try #require(recorder.ending(of: edge.dependency))
                let dependentStart = try #require(recorder.beginning(of: edge.dependent))
                #expect(dependencyEnd <= dependentStart, "\(edge.dependent) started before \(edge.dependency) ended")
            }
            // The events tell the same story: a dependency's finish comes
            // before its dependent's start, and each action starts once.
            var position: [String: Int] = [:]
            for (offset, event) in log.all.enumerated() {
                switch event {
                case .started(let index, _): position["s\(index)"] = offset
                case .finished(let index, _, _): position["f\(index)"] = offset
                case .skipped: Issue.record("nothing failed, yet \(event)")
                }
            }
            #expect(position.count == 120)
            for edge in g.edges {
                #expect(position["f\(edge.dependency)"]! < position["s\(edge.dependent)"]!)
            }
        }

        @Test func parallelismIsReachedButNeverExceeded() throws {
            let recorder = Recorder()
            let executor = try ActionExecutor(
                graph: DependencyGraph(nodeCount: 40),
                expectedDurations: [Double](repeating: 1, count: 40), parallelism: 5)
            let summary = executor.run { index in
                recorder.begin(index)
                block(0.02)
                recorder.end(index)
                return .succeeded
            }
            #expect(summary.succeededCount == 40)
            #expect(recorder.maximumInFlight == 5)
        }

        // 0 alone; 3 → 2 → 1 a chain (3 depends on 2, 2 on 1). Index order
        // starts the lone action first and leaves the chain to finish last;
        // the critical path starts the chain at once.
        static let chainBesideLoner = graph(4, [(3, 2), (2, 1)])

        @Test(arguments: [
            (SchedulePriority.criticalPath, [1, 2, 0, 3]),
            (.topological, [0, 1, 2, 3]),
        ])
        func readyActionsStartLongestPathFirst(priority: SchedulePriority, expected: [Int]) throws {
            let recorder = Recorder()
            let executor = try ActionExecutor(
                graph: Self.chainBesideLoner, expectedDurations: [1, 1, 1, 1],
                parallelism: 1, priority: priority)
            _ = executor.run { index in
                recorder.begin(index)
                recorder.end(index)
                return .succeeded
            }
            #expect(recorder.startOrder == expected)
        }

        @Test func expectedDurationsWeighThePaths() throws {
            // 0 and 1 are ready together; 2 depends on 1. By count the path
            // through 1 is longer, but 0 is expected to take far longer.
            let g = graph(3, [(2, 1)])
            let recorder = Recorder()
            let executor = try ActionExecutor(graph: g, expectedDurations: [30, 2, 2], parallelism: 1)
            _ = executor.run { index in
                recorder.begin(index)
                recorder.end(index)
                return .succeeded
            }
            #expect(recorder.startOrder == [0, 1, 2])
        }

        @Test func durationsAndStartTimesAreRecorded() throws {
            let g = graph(2, [(1, 0)])
            let executor = try ActionExecutor(graph: g, expectedDurations: [1, 1], parallelism: 2)
            let summary = executor.run { _ in
                block(0.05)
                return .succeeded
            }
            let first = summary.records[0], second = summary.records[1]
            #expect(try #require(first.duration) >= 0.05)
            #expect(try #require(second.startedAt) >= 0.05)
            #expect(summary.wallTime >= 0.1)
        }

        @Test func anEmptyGraphReturnsAtOnce() throws {
            let executor = try ActionExecutor(graph: DependencyGraph(nodeCount: 0), expectedDurations: [], parallelism: 10)
            let summary = executor.run { _ in .failed("no action exists") }
            #expect(summary.records.isEmpty)
            #expect(summary.isComplete)
            #expect(!summary.wasStopped)
        }

        @Test func aCycleIsRefusedUpFront() {
            #expect(throws: GraphCycleError.self) {
                _ = try ActionExecutor(graph: graph(2, [(0, 1), (1, 0)]), expectedDurations: [1, 1], parallelism: 2)
            }
        }
    }
}
