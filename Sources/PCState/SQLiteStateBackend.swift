import Foundation

/// The state in a local SQLite file (by default `pcplan.state.db` in the
/// working directory; the caller chooses).
///
/// The file is opened in WAL mode so that readers never block the writer,
/// with `synchronous = FULL`: in WAL mode `NORMAL` only syncs the log at
/// checkpoints, so a power loss could drop the last commits, and a commit
/// must be durable when `commit` returns — the applier records each real
/// change to infrastructure as it happens, and forgetting one leaves an
/// orphan nobody manages. The cost is one fsync per commit, which is why
/// a change set, not a change, is the unit of commit.
///
/// Thread-safe: every use of the connection happens while holding `mutex`,
/// so commits from the applier's threads are serialized. Other processes
/// (and other backends on the same file) are kept out by SQLite's own file
/// locks, waited for up to the busy timeout.
public final class SQLiteStateBackend: StateBackend, @unchecked Sendable {
    /// The state file name used when none is given.
    public static let defaultPath = "pcplan.state.db"
    /// The newest schema version this build reads and writes.
    public static var schemaVersion: Int { StateSchema.latestVersion }

    public let path: String
    public var location: String { path }
    let pcplanVersion: String
    /// Guards `db` and everything done through it.
    let mutex = NSLock()
    /// Guards `groupPending` and `groupLeaderActive` (see
    /// `SQLiteStateBackend+GroupCommit.swift`); never held while writing.
    let groupLock = NSLock()
    var groupPending: [GroupSlot] = []
    var groupLeaderActive = false
    let db: Database

    /// Opens the state at `path`, creating it when it does not exist and
    /// `create` is true, and migrating an older schema. A file that is not a
    /// pcplan state, or is of a newer schema, is refused without being
    /// changed.
    ///
    /// - Parameters:
    ///   - pcplanVersion: recorded as the writer of every commit and lock.
    ///   - busyTimeout: how long to wait for another process's write
    ///     transaction (seconds); a state lock held by another run is not
    ///     waited for here but by `lock(operation:info:timeout:)`.
    public init(path: String, pcplanVersion: String, create: Bool = true, busyTimeout: Double = 10) throws {
        self.path = path
        self.pcplanVersion = pcplanVersion
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StateError.stateNotFound(path: path)
        }
        do {
            db = try Database(path: path, create: create, busyTimeout: busyTimeout)
        } catch let error as SQLiteError {
            throw StateError.cannotOpen(path: path, reason: error.message)
        }
        do {
            // Read-only checks first: nothing is written to a file we refuse.
            let kind = try StateSchema.inspect(db, path: path)
            try db.execute("PRAGMA journal_mode = WAL")
            try db.execute("PRAGMA synchronous = FULL")
            var ready = false
            if kind == .state(version: StateSchema.latestVersion) {
                ready = try db.first("SELECT 1 FROM state_metadata") { _ in true } ?? false
            }
            if !ready {
                try setUp()
            }
        } catch let error as SQLiteError {
            // A read-only file or directory, a full disk, a lock held past
            // the busy timeout: the state cannot be used as it is.
            throw StateError.cannotOpen(path: path, reason: error.message)
        }
    }

    /// Migrates and creates the metadata row under the write lock, reading
    /// the version again there: another process may have done it meanwhile.
    private func setUp() throws {
        let now = Date()
        try db.transaction {
            let version: Int
            switch try StateSchema.inspect(db, path: path) {
            case .empty: version = 0
            case .state(let found): version = found
            }
            try StateSchema.migrate(db, from: version, pcplanVersion: pcplanVersion, now: now)
            try db.run(
                """
                INSERT INTO state_metadata (id, lineage, serial, pcplan_version, created_at)
                VALUES (1, ?, 0, ?, ?) ON CONFLICT (id) DO NOTHING
                """,
                [.text(UUID().uuidString.lowercased()), .text(pcplanVersion), .integer(Timestamp.milliseconds(now))]
            )
        }
    }

    // MARK: Reading

    public func metadata() throws -> StateMetadata {
        mutex.lock()
        defer { mutex.unlock() }
        return try readMetadata()
    }

    func readMetadata() throws -> StateMetadata {
        let metadata = try db.first("SELECT lineage, serial, pcplan_version, created_at FROM state_metadata WHERE id = 1") {
            StateMetadata(lineage: $0.string(0), serial: $0.int(1), pcplanVersion: $0.string(2), createdAt: Timestamp.date($0.int64(3)))
        }
        guard let metadata else {
            throw StateError.notAState(path: path, reason: "its metadata row is missing")
        }
        return metadata
    }

    public func snapshot() throws -> StateSnapshot {
        mutex.lock()
        defer { mutex.unlock() }
        return try db.readTransaction {
            let metadata = try readMetadata()
            let resources = try db.query(Self.selectInstances, row: Self.instance)
            let outputs = try db.query("SELECT name, value, type, sensitive FROM outputs ORDER BY name") {
                OutputRecord(name: $0.string(0), valueJSON: $0.string(1), typeJSON: $0.optionalString(2), sensitive: $0.bool(3))
            }
            return StateSnapshot(
                lineage: metadata.lineage, serial: metadata.serial, pcplanVersion: metadata.pcplanVersion,
                resources: resources, outputs: outputs, pendingIntents: try readIntents()
            )
        }
    }

    static let selectInstances = """
        SELECT address, deposed, module, mode, type, name, index_key, provider, attributes,
               sensitive_paths, dependencies, schema_version, status, created_at, updated_at,
               last_apply_seconds
        FROM resource_instances ORDER BY address, deposed
        """

    static func instance(_ row: Statement) throws -> ResourceInstanceRecord {
        let address = row.string(0)
        let deposed = row.string(1)
        guard let mode = ResourceMode(rawValue: row.string(3)) else {
            throw StateError.invalidRecord(address: address, reason: "unknown mode \(row.string(3))")
        }
        guard let indexKey = InstanceKey.parse(json: row.string(6)) else {
            throw StateError.invalidRecord(address: address, reason: "invalid index key \(row.string(6))")
        }
        guard let dependencies = JSONNode.decodeStrings(row.string(10)) else {
            throw StateError.invalidRecord(address: address, reason: "dependencies are not a list of addresses")
        }
        guard let status = InstanceStatus(rawValue: row.string(12)) else {
            throw StateError.invalidRecord(address: address, reason: "unknown status \(row.string(12))")
        }
        return ResourceInstanceRecord(
            address: address,
            deposedKey: deposed.isEmpty ? nil : deposed,
            modulePath: row.string(2),
            mode: mode,
            type: row.string(4),
            name: row.string(5),
            indexKey: indexKey,
            provider: row.string(7),
            attributesJSON: row.string(8),
            sensitivePathsJSON: row.string(9),
            dependencies: dependencies,
            schemaVersion: row.int(11),
            status: status,
            createdAt: Timestamp.date(row.int64(13)),
            updatedAt: Timestamp.date(row.int64(14)),
            lastApplyDuration: row.optionalDouble(15)
        )
    }
}
