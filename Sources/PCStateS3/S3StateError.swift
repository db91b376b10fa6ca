import PCAWS

/// Why a state in S3 could not be read or written, each with what to do.
public enum S3StateError: Error, Sendable, CustomStringConvertible {
    /// Another run wrote the same journal entry or replaced the head first:
    /// two runs were writing one state (a lock was forced, or none is
    /// configured).
    case concurrentWrite(location: String, sequence: Int)
    /// An earlier write failed; the working copy holds a change the shared
    /// state does not, so nothing more is written.
    case writesStopped(location: String, reason: String)
    /// The objects do not form a state pcplan can read.
    case damaged(location: String, reason: String)
    /// S3 refused or failed a request.
    case storage(location: String, error: S3Error)
    /// The lock table refused or failed a request.
    case lockTable(location: String, error: DynamoDBLockError)

    public var description: String {
        switch self {
        case let .concurrentWrite(location, sequence):
            return "Another run wrote to the state at \(location) at the same time (journal entry \(sequence) was taken). "
                + "Nothing of this run after that point was recorded and nothing of the other run was overwritten. "
                + "Make sure only one run applies at a time (configure dynamodb_table for locking), then plan again."
        case let .writesStopped(location, reason):
            return "Writes to the state at \(location) stopped because \(reason). What was recorded before is safe; run the command again."
        case let .damaged(location, reason):
            return "The state at \(location) cannot be read: \(reason). Nothing was changed."
        case let .storage(location, error):
            return "The state at \(location) could not be reached: \(error.description)"
        case let .lockTable(location, error):
            return "The lock of the state at \(location) could not be handled: \(error.description)"
        }
    }
}
