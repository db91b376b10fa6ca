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

    public init(id: String, operation: String, who: String, pid: Int, host: String, pcplanVersion: String, createdAt: Date, path: String, info: String) {
        self.id = id
        self.operation = operation
        self.who = who
        self.pid = pid
        self.host = host
        self.pcplanVersion = pcplanVersion
        self.createdAt = createdAt
        self.path = path
        self.info = info
    }
}
