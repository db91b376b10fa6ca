// PCApply: the executor that carries out a plan's actions. It knows nothing
// of providers or state: it runs numbered actions in the order a
// `DependencyGraph` allows, as many at once as allowed, longest remaining
// path first, and reports what happened. The applier gives each action its
// meaning (a provider call and a state commit) and prints the events.

/// What one action reports when its closure returns.
public enum ActionOutcome: Sendable, Equatable {
    /// The action did its work; its dependents may start.
    case succeeded
    /// The action could not do its work; its dependents are skipped.
    /// The message is shown to the user as it is.
    case failed(String)
}

/// Where an action ended up once a run is over.
public enum ActionState: Sendable, Equatable {
    /// It ran and succeeded.
    case succeeded
    /// It ran and failed with this message.
    case failed(String)
    /// It never ran because the action `because` failed and this one
    /// depends on it, directly or not.
    case skipped(because: Int)
    /// It never ran because a stop was requested first.
    case notStarted

    /// Whether the action's closure was called.
    public var didRun: Bool {
        switch self {
        case .succeeded, .failed: true
        case .skipped, .notStarted: false
        }
    }
}

/// Progress of a run, delivered in the order it happened.
///
/// Times are seconds since the run started, on a monotonic clock.
public enum ExecutionEvent: Sendable, Equatable {
    /// The action was handed to a worker at `at`.
    case started(index: Int, at: Double)
    /// The action's closure returned `outcome` after running `duration`.
    case finished(index: Int, outcome: ActionOutcome, duration: Double)
    /// The action will not run because `cause` failed.
    case skipped(index: Int, cause: Int)
}

/// Which ready action a scheduler starts first.
public enum SchedulePriority: Sendable, Equatable {
    /// The one with the longest remaining weighted path to the end of the
    /// graph, itself included; ties go to the lowest index.
    case criticalPath
    /// The lowest index: a plain topological order, for comparison.
    case topological
}
