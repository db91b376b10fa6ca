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

    /// Applies the change set and clears the intents for the objects whose
    /// results it records, all in one transaction: a failing change set
    /// leaves the intents in place. Returns the serial as `commit(_:)` does;
    /// clearing intents alone does not change it. Clearing an intent that is
    /// not there does nothing.
    @discardableResult
    func commit(_ changes: ChangeSet, clearingIntents intents: [IntentKey]) throws -> Int

    /// Records what is about to be asked of a provider, durably when this
    /// returns (its own transaction). Replaces an intent recorded earlier
    /// for the same object, so pending intents must be reconciled before
    /// a run records new ones. Does not change the serial.
    func recordIntent(_ intent: ApplyIntent) throws

    /// Forgets the intent for one object (e.g. the call failed and created
    /// nothing, or a reconciliation found nothing). Nothing happens if there
    /// is none. Does not change the serial.
    func clearIntent(address: String, deposedKey: String?) throws

    /// The intents still recorded, sorted by address, then the current
    /// object before deposed ones.
    func intents() throws -> [ApplyIntent]

    /// The mean of the last recorded apply durations (seconds) of managed
    /// objects, by resource type; types with no recorded duration are
    /// absent. For the scheduler's estimates.
    func averageApplyDurations() throws -> [String: Double]

    /// Takes the state lock for `operation`, retrying until `timeout`
    /// seconds have passed (0: try once). Throws `StateError.locked`, naming
    /// the holder, when it cannot. A lock whose holder is known to be dead
    /// (a backend that can tell, such as a local file) is taken over, and
    /// the returned `LockInfo.replacedStaleLock` says so.
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
