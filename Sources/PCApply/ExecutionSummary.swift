/// What happened to one action during a run.
public struct ActionRecord: Sendable, Equatable {
    /// The final state.
    public var state: ActionState
    /// When the action started, in seconds since the run started; nil when
    /// it never ran.
    public var startedAt: Double?
    /// How long its closure ran, in seconds; nil when it never ran.
    public var duration: Double?

    public init(state: ActionState, startedAt: Double? = nil, duration: Double? = nil) {
        self.state = state
        self.startedAt = startedAt
        self.duration = duration
    }
}

/// The result of ``ActionExecutor/run(_:onEvent:)``: one record per action,
/// indexed like the graph's nodes, and the run's wall time.
public struct ExecutionSummary: Sendable, Equatable {
    /// One record per action, at the action's index.
    public var records: [ActionRecord]
    /// Seconds from the start of the run to its end.
    public var wallTime: Double
    /// Whether ``ActionExecutor/requestStop()`` cut the run short.
    public var wasStopped: Bool

    public init(records: [ActionRecord], wallTime: Double, wasStopped: Bool) {
        self.records = records
        self.wallTime = wallTime
        self.wasStopped = wasStopped
    }

    /// How many actions succeeded.
    public var succeededCount: Int { records.count { $0.state == .succeeded } }

    /// How many actions ran and failed.
    public var failedCount: Int {
        records.count { if case .failed = $0.state { true } else { false } }
    }

    /// How many actions were skipped because something they need failed.
    public var skippedCount: Int {
        records.count { if case .skipped = $0.state { true } else { false } }
    }

    /// How many actions were left alone because of a stop.
    public var notStartedCount: Int { records.count { $0.state == .notStarted } }

    /// Whether every action succeeded.
    public var isComplete: Bool { succeededCount == records.count }

    /// The indices of the failed actions with their messages, in index order.
    public var failures: [(index: Int, message: String)] {
        records.indices.compactMap { index in
            if case .failed(let message) = records[index].state { (index, message) } else { nil }
        }
    }
}
