import Dispatch
import PCGraph

/// The scheduling state of one run of ``ActionExecutor``: which actions
/// wait, which are ready, which run on which worker slot, and how each
/// ended.
///
/// Every method is called on the coordination queue, and each action's
/// result comes back to it with `coordination.async`, so the state needs no
/// lock: the queue serialises all access to it.
final class ExecutionRun: @unchecked Sendable {
    // Safe to share: the `let` properties are immutable or thread-safe
    // (Dispatch queues), and every `var` is read and written only on the
    // serial queue `coordination`.
    private let graph: DependencyGraph
    private let coordination: DispatchQueue
    private let workers: [DispatchQueue]
    private let action: @Sendable (Int) -> ActionOutcome
    private let onEvent: @Sendable (ExecutionEvent) -> Void
    private let completion: @Sendable (ExecutionSummary) -> Void
    private let startTime: UInt64

    /// Per action, how many of its dependencies have not succeeded yet.
    private var waitingOn: [Int32]
    /// Per action, its final state once known.
    private var states: [ActionState?]
    private var records: [ActionRecord]
    private var ready: ReadyQueue
    /// The worker slots not running anything, used last-in first-out so
    /// a few threads stay warm when parallelism is high and work is thin.
    private var freeSlots: [Int]
    private var inFlight = 0
    private var stopping = false
    private var finished = false

    init(
        graph: DependencyGraph,
        queue: ReadyQueue,
        slotCount: Int,
        coordination: DispatchQueue,
        action: @escaping @Sendable (Int) -> ActionOutcome,
        onEvent: @escaping @Sendable (ExecutionEvent) -> Void,
        completion: @escaping @Sendable (ExecutionSummary) -> Void
    ) {
        self.graph = graph
        self.coordination = coordination
        self.workers = (0..<slotCount).map { DispatchQueue(label: "pcplan.apply.worker.\($0)") }
        self.action = action
        self.onEvent = onEvent
        self.completion = completion
        self.startTime = Self.now()
        let n = graph.nodeCount
        self.waitingOn = (0..<n).map { Int32(graph.dependencies(of: $0).count) }
        self.states = [ActionState?](repeating: nil, count: n)
        self.records = [ActionRecord](repeating: ActionRecord(state: .notStarted), count: n)
        self.ready = queue
        self.freeSlots = Array((0..<slotCount).reversed())
    }

    /// Queues the actions that depend on nothing and starts the first ones.
    func start(stopped: Bool) {
        stopping = stopped
        for node in 0..<graph.nodeCount where waitingOn[node] == 0 { ready.push(node) }
        dispatchReady()
    }

    /// Starts nothing more; the run ends when the actions in flight have.
    func stop() {
        stopping = true
        finishIfIdle()
    }

    /// Hands ready actions to free worker slots, best first.
    private func dispatchReady() {
        while !stopping, !freeSlots.isEmpty, let node = ready.pop() {
            let slot = freeSlots.removeLast()
            inFlight += 1
            let at = seconds(since: startTime, to: Self.now())
            records[node].startedAt = at
            onEvent(.started(index: node, at: at))
            let action = self.action
            workers[slot].async {
                let began = Self.now()
                let outcome = action(node)
                let duration = seconds(since: began, to: Self.now())
                self.coordination.async {
                    self.actionFinished(node, slot: slot, outcome: outcome, duration: duration)
                }
            }
        }
        finishIfIdle()
    }

    private func actionFinished(_ node: Int, slot: Int, outcome: ActionOutcome, duration: Double) {
        inFlight -= 1
        freeSlots.append(slot)
        records[node].duration = duration
        onEvent(.finished(index: node, outcome: outcome, duration: duration))
        switch outcome {
        case .succeeded:
            states[node] = .succeeded
            for dependent in graph.dependents(of: node) {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 && states[dependent] == nil { ready.push(dependent) }
            }
        case .failed(let message):
            states[node] = .failed(message)
            skipDependents(of: node)
        }
        dispatchReady()
    }

    /// Marks everything that depends on `failed`, directly or not, as
    /// skipped. None of it can have started. A node already skipped had
    /// its own dependents skipped with it, so the walk stops there, which
    /// keeps many failures linear in the size of the graph overall.
    private func skipDependents(of failed: Int) {
        var found: [Int] = []
        var pending = [failed]
        while let node = pending.popLast() {
            for dependent in graph.dependents(of: node) where states[dependent] == nil {
                states[dependent] = .skipped(because: failed)
                found.append(dependent)
                pending.append(dependent)
            }
        }
        found.sort()
        for node in found { onEvent(.skipped(index: node, cause: failed)) }
    }

    private func finishIfIdle() {
        guard !finished, inFlight == 0, stopping || ready.isEmpty else { return }
        finished = true
        for node in records.indices {
            // Whatever has no state yet never ran: left waiting or ready
            // when the stop came.
            records[node].state = states[node] ?? .notStarted
        }
        let summary = ExecutionSummary(
            records: records,
            wallTime: seconds(since: startTime, to: Self.now()),
            wasStopped: stopping)
        completion(summary)
    }

    /// A monotonic clock in nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

@inline(__always)
func seconds(since start: UInt64, to end: UInt64) -> Double {
    Double(end &- start) / 1e9
}
