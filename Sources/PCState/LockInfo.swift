import Foundation

/// Who holds the state lock, and for what: enough for someone else to find
/// the holder, or to decide it is gone and force the lock open.
public struct LockInfo: Sendable, Hashable {
    /// A UUID; `unlock` and `force-unlock` must name it.
    public var id: String
    /// The command holding the lock, e.g. `plan` or `apply`.
    public var operation: String
    /// `user@host`.
    public var who: String
    public var pid: Int
    public var host: String
    public var pcplanVersion: String
    public var createdAt: Date
    /// Where the locked state lives.
    public var path: String
    /// Free text from the holder.
    public var info: String
    /// When the holder's process started, in clock ticks since boot (Linux's
    /// `/proc/<pid>/stat` field 22), when it could be read. Tells the holder
    /// from a later process that was given the same pid.
    public var processStartTime: Int64?
    /// The lock this one took over because its holder's process had died
    /// on this host; nil for a lock taken normally.
    public var replacedStaleLock: StaleLock?

    public init(
        id: String, operation: String, who: String, pid: Int, host: String, pcplanVersion: String, createdAt: Date,
        path: String, info: String, processStartTime: Int64? = nil, replacedStaleLock: StaleLock? = nil
    ) {
        self.id = id
        self.operation = operation
        self.who = who
        self.pid = pid
        self.host = host
        self.pcplanVersion = pcplanVersion
        self.createdAt = createdAt
        self.path = path
        self.info = info
        self.processStartTime = processStartTime
        self.replacedStaleLock = replacedStaleLock
    }
}

/// A lock left behind by a process that died on this host (crash,
/// `kill -9`), as it was when a new holder took it over. The host is the
/// new holder's.
public struct StaleLock: Sendable, Hashable {
    public var id: String
    public var operation: String
    /// `user@host`.
    public var who: String
    public var pid: Int
    public var createdAt: Date

    public init(id: String, operation: String, who: String, pid: Int, createdAt: Date) {
        self.id = id
        self.operation = operation
        self.who = who
        self.pid = pid
        self.createdAt = createdAt
    }

    /// A sentence for the CLI to print when the takeover happened.
    public var note: String {
        "Took over a stale state lock held by \(who) for \"\(operation)\" since \(StateError.utc(createdAt)) "
            + "(pid \(pid) no longer runs on this host), lock ID \(id)."
    }
}
