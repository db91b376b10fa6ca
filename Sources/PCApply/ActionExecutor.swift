import Dispatch
import PCGraph

/// Runs a set of actions, the nodes of a ``DependencyGraph``, as fast as
/// their dependencies allow: an action starts as soon as every action it
/// depends on has succeeded, and at most ``parallelism`` run at once.
///
/// Among the actions ready to start, the one with the most expected work
/// still waiting on it (its longest path to the end of the graph, weighted
/// by expected durations) goes first, ties to the lowest index. A failed
/// action skips everything that depends on it, directly or not, while
/// independent branches carry on.
///
/// **Creating or destroying.** An edge `a → b` means `a` depends on `b`, so
/// `b` runs first: pass the graph itself to create or update. To destroy,
/// pass `graph.reversed()`, so that a resource is destroyed only after
/// everything that depends on it has been; a failed destroy then skips the
/// destroys of what the failed resource depends on, which must outlive it.
///
/// **Threads.** Each worker slot is its own serial `DispatchQueue`, and the
/// number of slots is the bound on parallelism. On Linux, blocking work on
/// one concurrent or global queue runs only about one item per core at a
/// time, whereas serial queues each get a thread of their own, so actions
/// that block on the network or a sleep really overlap. All scheduling state
/// lives on one serial coordination queue; the actions and the event
/// callback never touch it.
///
/// **Stopping.** ``requestStop()`` (the first Ctrl-C) lets the actions in
/// flight finish and starts no new one; ``run(_:onEvent:)`` then returns,
/// and the actions that never started are ``ActionState/notStarted``. The
/// request is permanent: make one executor per apply.
public final class ActionExecutor: @unchecked Sendable {
    // Safe to share: `graph`, `parallelism`, `priority`, `priorities` and
    // `coordination` are immutable; `stopRequested` and `current` are only
    // read or written on the serial queue `coordination`.

    /// The actions and their dependencies.
    public let graph: DependencyGraph
    /// The most actions running at once, at least 1.
    public let parallelism: Int
    /// How ready actions are ordered.
    public let priority: SchedulePriority

    /// Per action, the expected work still waiting on it, itself included.
    let priorities: [Double]
    private let coordination = DispatchQueue(label: "pcplan.apply.coordination")
    private var stopRequested = false
    private var current: ExecutionRun?

    /// Prepares to run the actions of `graph`.
    ///
    /// - Parameters:
    ///   - expectedDurations: one expected duration per action, in seconds,
    ///     used to weigh paths; negative or non-finite ones count as 0.
    ///   - parallelism: the most actions in flight at once; values below 1
    ///     count as 1.
    ///   - priority: which ready action starts first.
    /// - Throws: ``GraphCycleError`` when the graph has a cycle, since the
    ///   actions on it could never start.
    public init(
        graph: DependencyGraph,
        expectedDurations: [Double],
        parallelism: Int,
        priority: SchedulePriority = .criticalPath
    ) throws(GraphCycleError) {
        precondition(expectedDurations.count == graph.nodeCount, "one expected duration per action is needed")
        self.graph = graph
        self.parallelism = max(1, parallelism)
        self.priority = priority
        let weights = expectedDurations.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        self.priorities = try graph.criticalPath(weights: weights)
    }

    /// Runs every action once, blocking the calling thread until the run is
    /// over, and returns what happened to each.
    ///
    /// - Parameters:
    ///   - action: does the work of the action at the given index. Called
    ///     on a worker queue, at most once per action, never for two
    ///     actions on the same thread at the same time; it may block.
    ///   - onEvent: told of each start, finish and skip, one at a time and
    ///     in order, on the coordination queue: keep it quick (printing a
    ///     line is fine), and never call ``run(_:onEvent:)`` from it.
    public func run(
        _ action: @escaping @Sendable (Int) -> ActionOutcome,
        onEvent: @escaping @Sendable (ExecutionEvent) -> Void = { _ in }
    ) -> ExecutionSummary {
        let done = DispatchSemaphore(value: 0)
        let box = SummaryBox()
        let run = ExecutionRun(
            graph: graph,
            queue: ReadyQueue(priorities: priorities, order: priority),
            slotCount: min(parallelism, max(graph.nodeCount, 1)),
            coordination: coordination,
            action: action,
            onEvent: onEvent,
            completion: { summary in
                box.summary = summary
                done.signal()
            })
        coordination.async {
            self.current = run
            run.start(stopped: self.stopRequested)
        }
        done.wait()
        coordination.sync { self.current = nil }
        // The semaphore orders the write of `box.summary` before this read.
        return box.summary!
    }

    /// Starts no new action from now on; the actions in flight finish and
    /// ``run(_:onEvent:)`` returns. Safe from any thread (a signal source's
    /// handler, say), before or during a run, and idempotent.
    public func requestStop() {
        coordination.async {
            self.stopRequested = true
            self.current?.stop()
        }
    }
}

/// Hands the summary from the coordination queue to the thread blocked in
/// `run`.
private final class SummaryBox: @unchecked Sendable {
    // Written once on the coordination queue before `done.signal()`, read
    // once after `done.wait()`: the semaphore is the lock.
    var summary: ExecutionSummary?
}
