/// Why a lock could not be checked, released or forced open.
///
/// A lock held by someone else when acquiring is not an error but an
/// answer (`DynamoDBLockTable.Attempt.held`); these are the cases where
/// the caller asked for something the table's contents refuse.
public enum DynamoDBLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Unlocking found no lock on `path`.
    case notLocked(table: String, path: String, id: String)
    /// Unlocking named `id`, but the lock on `path` has another ID: it was
    /// forced open and taken by someone else, or the ID is mistyped.
    case heldByAnother(table: String, path: String, id: String, holder: DynamoDBLock)
    /// The lock item exists but its `Info` cannot be read, so nobody can
    /// say who holds it.
    case unreadableLock(table: String, path: String, reason: String)
    /// The table's key schema or status does not allow locks.
    case unsuitableTable(table: String, reason: String)
    /// The lock changed under every attempt (taken and released again
    /// between our write and our read): try again.
    case busy(table: String, path: String, attempts: Int)
    /// The DynamoDB call failed; `tableNotFound` when the table is missing.
    case dynamoDB(DynamoDBError)

    public var description: String {
        switch self {
        case .notLocked(let table, let path, let id):
            return "cannot unlock \(path) with lock ID \(id): it is not locked (no item with LockID \"\(path)\" "
                + "in DynamoDB table \"\(table)\")"
        case .heldByAnother(_, let path, let id, let holder):
            return "cannot unlock \(path) with lock ID \(id): the lock is held by \(holder.holderSummary); "
                + "only that lock ID unlocks it"
        case .unreadableLock(let table, let path, let reason):
            return "the lock on \(path) in DynamoDB table \"\(table)\" cannot be read: \(reason). If no run holds it, "
                + "delete the item by hand: aws dynamodb delete-item --table-name \(table) "
                + "--key '{\"LockID\":{\"S\":\"\(path)\"}}'"
        case .unsuitableTable(_, let reason):
            return reason
        case .busy(let table, let path, let attempts):
            return "the lock on \(path) in DynamoDB table \"\(table)\" was taken and released \(attempts) times "
                + "while pcplan tried to acquire it; try again"
        case .dynamoDB(let error):
            return error.description
        }
    }
}
