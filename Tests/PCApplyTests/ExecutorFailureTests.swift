import Foundation
import Testing
import PCGraph
@testable import PCApply

extension PCApplyTests {
    /// Failures skip dependents; stops leave the rest alone.
    @Suite struct ExecutorFailureTests {
        @Test func aFailureSkipsItsDependentsAndSparesIndependentBranches() throws {
            // 1 → 0, 2 → 1, 3 → 1 fail with 0; 5 → 4 is independent;
            // 6 depends on both branches.
            let g = graph(7, [(1, 0), (2, 1), (3, 1), (5, 4), (6, 5), (6, 2)])
            let recorder = Recorder()
            let log = EventLog()
            let executor = try ActionExecutor(graph: g, expectedDurations: [Double](repeating: 1, count: 7), parallelism: 3)
            let summary = executor.run({ index in
                recorder.begin(index)
                recorder.end(index)
                return index == 0 ? .failed("bucket name taken") : .succeeded
            }, onEvent: log.append)

            #expect(summary.records.map(\.state) == [
                .failed("bucket name taken"), .skipped(because: 0), .skipped(because: 0), .skipped(because: 0),
                .succeeded, .succeeded, .skipped(because: 0),
            ])
            #expect(Set(recorder.startOrder) == [0, 4, 5])
            #expect(summary.failures.map(\.index) == [0])
            #expect(summary.failedCount == 1 && summary.skippedCount == 4 && summary.succeededCount == 2)
            let skipped = log.all.compactMap { event -> Int? in
                if case .skipped(let index, let cause) = event, cause == 0 { index } else { nil }
            }
            #expect(skipped == [1, 2, 3, 6])
            #expect(summary.records[1].startedAt == nil && summary.records[1].duration == nil)
        }

        @Test func aSkippedActionKeepsItsFirstCause() throws {
            // 2 depends on 0 and on 1, which both fail; 0 fails first.
            let g = graph(3, [(2, 0), (2, 1)])
            let executor = try ActionExecutor(graph: g, expectedDurations: [1, 1, 1], parallelism: 2)
            let summary = executor.run { index in
                block(index == 0 ? 0 : 0.05)
                return .failed("failure \(index)")
            }
            #expect(summary.records.map(\.state) == [.failed("failure 0"), .failed("failure 1"), .skipped(because: 0)])
        }

        @Test func aStopWaitsForActionsInFlightAndStartsNoMore() throws {
            // Twenty independent actions, four at a time; the first one to
            // run asks for a stop, as a Ctrl-C would.
            let n = 20
            let recorder = Recorder()
            let executor = try ActionExecutor(
                graph: DependencyGraph(nodeCount: n), expectedDurations: [Double](repeating: 1, count: n), parallelism: 4)
            let summary = executor.run { index in
                recorder.begin(index)
                if index == 0 { executor.requestStop() }
                block(0.2)
                recorder.end(index)
                return .succeeded
            }
            #expect(summary.wasStopped)
            #expect(Set(recorder.startOrder) == [0, 1, 2, 3])
            for index in 0..<4 {
                #expect(summary.records[index].state == .succeeded)
                #expect(try #require(summary.records[index].duration) >= 0.2)
            }
            #expect(summary.records[4...].allSatisfy { $0.state == .notStarted && $0.startedAt == nil })
            #expect(summary.notStartedCount == 16)
            #expect(summary.wallTime >= 0.2)
        }

        @Test func aStopFromAnotherThreadLeavesWaitingDependents() throws {
            // 1 → 0 and 2 → 1: the stop comes while 0 runs.
            let g = graph(3, [(1, 0), (2, 1)])
            let executor = try ActionExecutor(graph: g, expectedDurations: [1, 1, 1], parallelism: 2)
            // Handshake rather than a timer, so a loaded machine cannot
            // reorder it: action 0 waits until the other thread has asked
            // to stop, which queues the request before 0's completion.
            let running = DispatchSemaphore(value: 0)
            let requested = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                running.wait()
                executor.requestStop()
                requested.signal()
            }
            let summary = executor.run { index in
                if index == 0 {
                    running.signal()
                    requested.wait()
                }
                block(0.05)
                return .succeeded
            }
            #expect(summary.records.map(\.state) == [.succeeded, .notStarted, .notStarted])
            #expect(summary.wasStopped)
        }

        @Test func aStopBeforeTheRunStartsNothing() throws {
            let recorder = Recorder()
            let executor = try ActionExecutor(graph: DependencyGraph(nodeCount: 5), expectedDurations: [1, 1, 1, 1, 1], parallelism: 2)
            executor.requestStop()
            let summary = executor.run { index in
                recorder.begin(index)
                return .succeeded
            }
            #expect(recorder.startOrder.isEmpty)
            #expect(summary.notStartedCount == 5)
            #expect(summary.wasStopped)
        }
    }
}
