// PCState owns the recorded state of the infrastructure: the thin SQLite
// wrapper (`Database`, `Statement`), the state store in a local SQLite file
// (schema, migrations, lineage, serial, lock) and the `StateBackend` seam
// through which everything above reaches it, so that a shared backend can
// take the file's place without the planner or the commands noticing.

/// Where the state lives: a local SQLite file today, a shared store for
/// teams later (objects in S3 with a DynamoDB lock). The planner, the
/// applier and the commands only talk to this protocol, so nothing here may
/// assume a file or a database.
///
/// Implementations are thread-safe: the applier commits from several
/// threads. Errors a user can act on are `StateError`s; others come from the
/// storage underneath (for the SQLite backend, `SQLiteError`).
public protocol StateBackend: AnyObject, Sendable {
    /// Where the state is, as users should see it in messages: a path, a URL.
    var location: String { get }

    /// Lineage, serial and who last wrote, without reading the records.
    func metadata() throws -> StateMetadata

    /// Everything recorded, consistent with one serial.
    func snapshot() throws -> StateSnapshot

    /// Applies every change or none. Returns the serial after the commit:
    /// one more than before when anything changed, unchanged otherwise.
    /// The changes are durable when this returns.
    @discardableResult
    func commit(_ changes: ChangeSet) throws -> Int

    /// Takes the state lock for `operation`, retrying until `timeout`
    /// seconds have passed (0: try once). Throws `StateError.locked`, naming
    /// the holder, when it cannot.
    func lock(operation: String, info: String, timeout: Double) throws -> LockInfo

    /// Releases the lock taken by `lock`; `id` must be the holder's.
    func unlock(id: String) throws

    /// Releases a lock left by someone else (`pcplan force-unlock ID`), when
    /// `id` names the current holder.
    func forceUnlock(id: String) throws

    /// The current holder of the lock, if any.
    func currentLock() throws -> LockInfo?
}

extension StateBackend {
    /// The state as Terraform-shaped JSON, for `pcplan state pull`.
    public func pullJSON() throws -> String {
        try StatePullJSON.render(try snapshot())
    }
}
