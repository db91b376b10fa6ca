import Foundation

/// Terraform's state-lock protocol on a DynamoDB table: one item per
/// locked state, keyed by `LockID` = `<bucket>/<key>`, whose `Info`
/// attribute is the holder's `DynamoDBLock` as JSON. Terraform and pcplan
/// exclude each other when they share a table.
///
/// Acquiring is one conditional `PutItem` (`attribute_not_exists(LockID)`),
/// so two takers can never both succeed. Releasing is one conditional
/// `DeleteItem` whose condition is equality with the exact `Info` text the
/// holder wrote: a compare-and-delete of the whole record, which cannot
/// remove a lock someone else took after this one was forced open, needs
/// no attribute Terraform does not write (so Terraform's locks can be
/// forced open too), and unlike `contains(Info, :id)` cannot match an ID
/// that merely appears inside another lock's free text. Terraform itself
/// reads, compares the ID and deletes unconditionally, a race its own
/// source notes; here the read-compare (for force-unlock by ID) is closed
/// by the same exact-text condition.
public struct DynamoDBLockTable: Sendable {
    /// The table's partition key, as Terraform requires it.
    public static let keyAttribute = "LockID"
    public static let infoAttribute = "Info"

    public let client: DynamoDBClient
    public let table: String

    public init(client: AWSClient, table: String) {
        self.client = client.dynamoDB
        self.table = table
    }

    /// The `LockID` of a state object, as Terraform forms it.
    public static func lockPath(bucket: String, key: String) -> String { "\(bucket)/\(key)" }

    /// The outcome of trying to take a lock.
    public enum Attempt: Sendable, Equatable {
        case acquired(DynamoDBLock)
        /// Someone holds it; their record, to report or judge stale.
        case held(by: DynamoDBLock)
    }

    /// The table's description, or why it cannot hold locks: missing
    /// (`.dynamoDB(.tableNotFound)`), keyed otherwise than by a String
    /// `LockID` alone, or not ready for writes.
    @discardableResult
    public func verifyTable() throws(DynamoDBLockError) -> DynamoDBTableDescription {
        let description: DynamoDBTableDescription
        do {
            description = try client.describeTable(table)
        } catch {
            throw .dynamoDB(error)
        }
        if let problem = description.keyProblem(expectedHashKey: Self.keyAttribute) {
            throw .unsuitableTable(table: table, reason: problem)
        }
        guard description.status == "ACTIVE" || description.status == "UPDATING" else {
            throw .unsuitableTable(
                table: table,
                reason: "table \"\(table)\" is \(description.status), and takes writes only when ACTIVE; wait and try again")
        }
        return description
    }

    /// Takes the lock on `lock.path` for `lock`, or reports who holds it.
    /// With a `timeout`, tries again every `interval` seconds until then.
    ///
    /// Trying again with the same `lock` is safe: if an earlier attempt's
    /// write succeeded but its reply was lost, the record found is this
    /// lock's own and the answer is `.acquired`.
    public func acquire(_ lock: DynamoDBLock, timeout: Double = 0, interval: Double = 1) throws(DynamoDBLockError) -> Attempt {
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while true {
            let attempt = try acquireOnce(lock)
            guard case .held = attempt else { return attempt }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return attempt }
            Thread.sleep(forTimeInterval: min(max(interval, 0.01), remaining))
        }
    }

    /// The current holder of the lock on `path`, or nil when it is free.
    public func holder(of path: String) throws(DynamoDBLockError) -> DynamoDBLock? {
        try record(of: path)?.lock
    }

    /// Releases a lock this process acquired. Refused (`heldByAnother`,
    /// `notLocked`) when the lock on its path is no longer this one: it
    /// was forced open meanwhile, and whoever holds it now keeps it.
    public func release(_ lock: DynamoDBLock) throws(DynamoDBLockError) {
        do {
            try client.deleteItem(
                table, key: key(lock.path),
                condition: .equals(Self.infoAttribute, .string(lock.infoJSON)))
        } catch .conditionFailed {
            // Not the record we wrote: gone, someone else's, or ours with a
            // field changed since. The ID decides.
            try forceUnlock(path: lock.path, id: lock.id)
        } catch {
            throw .dynamoDB(error)
        }
    }

    /// Removes the lock on `path` if its ID is `id`, whoever holds it
    /// (`pcplan force-unlock ID`), and returns the record removed. Refused
    /// when the lock has another ID or there is none.
    @discardableResult
    public func forceUnlock(path: String, id: String) throws(DynamoDBLockError) -> DynamoDBLock {
        let attempts = 3
        for _ in 0..<attempts {
            guard let current = try record(of: path) else {
                throw .notLocked(table: table, path: path, id: id)
            }
            guard current.lock.id == id else {
                throw .heldByAnother(table: table, path: path, id: id, holder: current.lock)
            }
            do {
                try client.deleteItem(
                    table, key: key(path), condition: .equals(Self.infoAttribute, .string(current.info)))
                return current.lock
            } catch .conditionFailed {
                // Rewritten between the read and the delete; look again.
                continue
            } catch {
                throw .dynamoDB(error)
            }
        }
        throw .busy(table: table, path: path, attempts: attempts)
    }

    // MARK: Steps

    private func acquireOnce(_ lock: DynamoDBLock) throws(DynamoDBLockError) -> Attempt {
        let attempts = 3
        for _ in 0..<attempts {
            do {
                try client.putItem(
                    table,
                    [Self.keyAttribute: .string(lock.path), Self.infoAttribute: .string(lock.infoJSON)],
                    condition: .attributeNotExists(Self.keyAttribute))
                return .acquired(lock)
            } catch .conditionFailed {
                // Read who holds it. Gone already (released between the two
                // calls): try the write again.
                guard let current = try record(of: lock.path) else { continue }
                return current.lock.id == lock.id ? .acquired(lock) : .held(by: current.lock)
            } catch {
                throw .dynamoDB(error)
            }
        }
        throw .busy(table: table, path: lock.path, attempts: attempts)
    }

    /// The lock item's record and its exact `Info` text, or nil when there
    /// is no item.
    private func record(of path: String) throws(DynamoDBLockError) -> (lock: DynamoDBLock, info: String)? {
        let item: DynamoDBItem?
        do {
            item = try client.getItem(table, key: key(path), consistentRead: true)
        } catch {
            throw .dynamoDB(error)
        }
        guard let item else { return nil }
        guard let info = item[Self.infoAttribute] else {
            throw .unreadableLock(table: table, path: path, reason: "the item has no Info attribute")
        }
        guard let text = info.stringValue else {
            throw .unreadableLock(
                table: table, path: path, reason: "its Info attribute has type \(info.typeName), not S (String)")
        }
        do {
            return (try DynamoDBLock(infoJSON: text), text)
        } catch {
            throw .unreadableLock(table: table, path: path, reason: error.description)
        }
    }

    private func key(_ path: String) -> DynamoDBItem { [Self.keyAttribute: .string(path)] }
}
