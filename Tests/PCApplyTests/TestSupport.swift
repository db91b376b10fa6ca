import Foundation
import Testing
import PCGraph
@testable import PCApply

/// Every test of the target, run one at a time: several measure wall time
/// on a two-core machine, and must not compete with each other for it.
@Suite(.serialized) struct PCApplyTests {}

/// A graph of `n` nodes from `(dependent, dependency)` pairs.
func graph(_ n: Int, _ edges: [(Int, Int)]) -> DependencyGraph {
    var builder = GraphBuilder(nodeCount: n)
    for (dependent, dependency) in edges { builder.addDependency(from: dependent, to: dependency) }
    return builder.build()
}

/// SplitMix64: a small seeded generator, so random graphs are the same on
/// every run and a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
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

/// A random acyclic graph of `n` nodes: the node at position p depends on
/// up to `maxDependencies` nodes among the `window` positions before it,
/// and on the one just before it with probability `chain`. Positions are
/// shuffled into indices, so index order is not a good schedule by luck.
func randomGraph(
    _ n: Int, maxDependencies: Int, window: Int, chain: Double, seed: UInt64
) -> DependencyGraph {
    var random = SeededGenerator(seed: seed)
    var indexOf = Array(0..<n)
    indexOf.shuffle(using: &random)
    var builder = GraphBuilder(nodeCount: n)
    for position in 1..<max(n, 1) {
        if Double.random(in: 0..<1, using: &random) < chain {
            builder.addDependency(from: indexOf[position], to: indexOf[position - 1])
        }
        for _ in 0..<Int.random(in: 0...maxDependencies, using: &random) {
            let earlier = Int.random(in: max(0, position - window)..<position, using: &random)
            builder.addDependency(from: indexOf[position], to: indexOf[earlier])
        }
    }
    return builder.build()
}

/// What the actions themselves saw: when each ran, in which order they
/// started, and how many ran at once at most.
final class Recorder: @unchecked Sendable {
    // Every property is read and written only while holding `lock`.
    private let lock = NSLock()
    private var began: [Int: UInt64] = [:]
    private var ended: [Int: UInt64] = [:]
    private var order: [Int] = []
    private var inFlight = 0
    private var peak = 0

    func begin(_ index: Int) {
        lock.withLock {
            began[index] = DispatchTime.now().uptimeNanoseconds
            order.append(index)
            inFlight += 1
            peak = max(peak, inFlight)
        }
    }

    func end(_ index: Int) {
        lock.withLock {
            ended[index] = DispatchTime.now().uptimeNanoseconds
            inFlight -= 1
        }
    }

    var startOrder: [Int] { lock.withLock { order } }
    var maximumInFlight: Int { lock.withLock { peak } }
    func beginning(of index: Int) -> UInt64? { lock.withLock { began[index] } }
    func ending(of index: Int) -> UInt64? { lock.withLock { ended[index] } }
}

/// Collects the events of a run, in the order they were delivered.
final class EventLog: @unchecked Sendable {
    // `events` is read and written only while holding `lock`.
    private let lock = NSLock()
    private var events: [ExecutionEvent] = []

    func append(_ event: ExecutionEvent) { lock.withLock { events.append(event) } }
    var all: [ExecutionEvent] { lock.withLock { events } }
}

/// Blocks the calling thread for `seconds`, as a provider call would.
func block(_ seconds: Double) {
    Thread.sleep(forTimeInterval: seconds)
}
