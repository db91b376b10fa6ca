import Foundation
import PCAWS
import PCState

/// A state kept in S3 for a team: a snapshot beside an append-only journal,
/// with the lock in DynamoDB.
///
/// Layout, for the state object `KEY` in `BUCKET`:
///
/// | object | holds |
/// |---|---|
/// | `KEY` | the head: which snapshot is current and the journal position it covers (small JSON, replaced with `If-Match`) |
/// | `KEY.d/snapshot-<seq>.db` | the whole state as a SQLite file, covering journal entries 1…seq |
/// | `KEY.d/journal/<seq>` | the writes after that snapshot, one object per durable write, created with `If-None-Match: *` |
///
/// Why: every finished action must be durable on its own. Re-uploading the
/// whole state per action, as Terraform's S3 backend does, makes an apply
/// quadratic in the state's size; one small create-only object per write
/// costs one request whatever the size. The create-only condition also
/// serialises writers: two runs that both believe entry N is next cannot
/// both write it, so a run racing another (after a forced unlock) fails
/// instead of silently merging. Compaction — a new snapshot, then the head,
/// then deleting covered entries — happens when the lock is released, and a
/// crash at any point leaves a readable state: entries a snapshot covers
/// are skipped when read.
///
/// The working copy is a SQLite state in a private temporary file, so
/// reading, planning and the state commands behave exactly as with a local
/// state. Each write is made there first (which checks it), then put in
/// the journal; if that fails, the backend refuses further writes, because
/// its copy now holds a change the shared state does not.
public final class S3StateBackend: StateBackend, @unchecked Sendable {
    // @unchecked: `copy`, `sequence`, the group-commit counters, `head`,
    // `broken` and `heldLock` are guarded by `mutex`; the rest is set once
    // in init.

    public let settings: S3BackendSettings
    public var location: String { "s3://\(settings.bucket)/\(settings.key)" }

    private let s3: S3Client
    private let locks: DynamoDBLockTable?
    private let lockFile: S3LockFile?
    private let pcplanVersion: String
    private let workDirectory: String
    private var copy: SQLiteStateBackend
    /// Guards the mutable state below; writers waiting for a group commit
    /// wait on it.
    private let mutex = NSCondition()
    private var sequence: Int
    /// Writes made in the working copy and waiting for the next journal
    /// object; how many were issued and how many are durable.
    private var pending: [StateJournalEntry] = []
    private var issued = 0
    private var durable = 0
    private var flushing = false
    private var firstFailure: S3StateError?
    private var head: Head.Loaded?
    private var broken: String?
    private var heldLock: DynamoDBLock?

    /// Reads the state (head, snapshot, journal) into a working copy under
    /// `temporaryDirectory`. A missing head is a new, empty state.
    public init(
        settings: S3BackendSettings, aws: AWSClient, pcplanVersion: String,
        temporaryDirectory: String = NSTemporaryDirectory()
    ) throws {
        self.settings = settings
        self.s3 = S3Client(aws, usePathStyle: settings.usePathStyle)
        self.locks = settings.lockTable.map { DynamoDBLockTable(client: aws, table: $0) }
        self.lockFile = settings.useLockfile
            ? S3LockFile(s3: s3, settings: settings, location: "s3://\(settings.bucket)/\(settings.key)") : nil
        self.pcplanVersion = pcplanVersion
        workDirectory = (temporaryDirectory as NSString).appendingPathComponent("pcplan-s3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        do {
            copy = try SQLiteStateBackend(path: Self.newCopyPath(in: workDirectory), pcplanVersion: pcplanVersion)
            sequence = 0
            try refresh()
        } catch {
            try? FileManager.default.removeItem(atPath: workDirectory)
            throw error
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    /// True when nothing has ever been written to this state.
    public var isEmpty: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return sequence == 0 && head == nil
    }

    // MARK: Reading: the working copy

    public func metadata() throws -> StateMetadata { try current.metadata() }
    public func snapshot() throws -> StateSnapshot { try current.snapshot() }
    public func intents() throws -> [ApplyIntent] { try current.intents() }
    public func averageApplyDurations() throws -> [String: Double] { try current.averageApplyDurations() }

    private var current: SQLiteStateBackend {
        mutex.lock()
        defer { mutex.unlock() }
        return copy
    }

    // MARK: Writing: the working copy, then one journal object

    @discardableResult
    public func commit(_ changes: ChangeSet) throws -> Int {
        try commit(changes, clearingIntents: [])
    }

    @discardableResult
    public func commit(_ changes: ChangeSet, clearingIntents intents: [IntentKey]) throws -> Int {
        try write(.commit(changes, clearingIntents: intents)) { try copy.commit(changes, clearingIntents: intents) }
    }

    public func recordIntent(_ intent: ApplyIntent) throws {
        try write(.recordIntent(intent)) { try copy.recordIntent(intent) }
    }

    public func clearIntent(address: String, deposedKey: String?) throws {
        try write(.clearIntent(IntentKey(address: address, deposedKey: deposedKey))) {
            try copy.clearIntent(address: address, deposedKey: deposedKey)
        }
    }

    /// Makes the write in the working copy, then returns once it is in the
    /// journal. Writes that arrive while one journal object is being put
    /// go into the next one together (group commit): each caller still
    /// returns only when its own write is durable, and a busy apply costs
    /// far fewer requests than it has writes.
    private func write<Result>(_ entry: StateJournalEntry, locally: () throws -> Result) throws -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        if let broken { throw S3StateError.writesStopped(location: location, reason: broken) }
        let result = try locally()
        pending.append(entry)
        issued += 1
        let ticket = issued
        if flushing {
            while durable < ticket && broken == nil { mutex.wait() }
        } else {
            flushing = true
            while !pending.isEmpty && broken == nil {
                let batch = pending
                pending = []
                let number = sequence + 1
                mutex.unlock()
                let failure = put(batch, as: number)
                mutex.lock()
                if let failure {
                    broken = failure.reason
                    firstFailure = failure.error
                } else {
                    sequence = number
                    durable += batch.count
                }
                mutex.broadcast()
            }
            flushing = false
        }
        guard durable >= ticket else {
            throw firstFailure ?? S3StateError.writesStopped(location: location, reason: broken ?? "an earlier write failed")
        }
        return result
    }

    /// Puts one journal object, create-only; nil when it is written.
    private func put(_ batch: [StateJournalEntry], as number: Int) -> (reason: String, error: S3StateError)? {
        let bytes: [UInt8]
        do {
            bytes = try StateJournalEntry.encoded(batch)
        } catch {
            return ("journal entry \(number) could not be encoded (\(error))", .damaged(location: location, reason: "\(error)"))
        }
        do throws(S3Error) {
            try s3.putObject(
                settings.bucket, journalKey(number), bytes, condition: .ifNoneMatchAny,
                encryption: settings.encryption, contentType: "application/json")
            return nil
        } catch {
            if case .preconditionFailed = error {
                return ("another run wrote journal entry \(number) first", .concurrentWrite(location: location, sequence: number))
            }
            return ("journal entry \(number) could not be written (\(error.description))", .storage(location: location, error: error))
        }
    }

    // MARK: Keeping up with others, and compaction

    /// Brings the working copy up to the shared state: a newer snapshot (one
    /// another run compacted to) replaces it, then the journal after it is
    /// replayed.
    private func refresh() throws {
        if let latest = try Self.fetchHead(s3, settings) {
            if latest.sequence > sequence {
                let bytes = try Self.fetch(s3, settings, latest.snapshot, what: "the snapshot the head names")
                do {
                    try refreshCopy(from: bytes)
                    _ = try copy.snapshot()
                } catch {
                    throw S3StateError.damaged(
                        location: "s3://\(settings.bucket)/\(latest.snapshot)",
                        reason: "the snapshot is not a readable pcplan state (damaged or truncated: \(Self.describe(error)))")
                }
                sequence = latest.sequence
            }
            // Compaction replaces the head with If-Match on this ETag.
            head = latest
        }
        try catchUp()
    }

    private static func newCopyPath(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("state-\(UUID().uuidString).db")
    }

    private static func remove(database path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Replays the journal entries written after the position of the
    /// working copy, in order: entry after entry until one is missing.
    ///
    /// The entries are fetched by number rather than listed: the journal is
    /// dense by construction (entry N+1 is only written by a run that has
    /// read N), and a listing would cost as much. One look past the end
    /// catches a hole (an entry deleted by hand), which would otherwise hide
    /// everything after it.
    private func catchUp() throws {
        var number = sequence + 1
        while let bytes = try Self.fetchIfPresent(s3, settings, journalKey(number)) {
            for entry in try StateJournalEntry.decode(bytes, source: "s3://\(settings.bucket)/\(journalKey(number))") {
                try copy.replay(entry)
            }
            sequence = number
            number += 1
        }
        let beyond: S3ObjectMetadata?
        do {
            beyond = try s3.headObject(settings.bucket, journalKey(number + 1))
        } catch {
            throw S3StateError.storage(location: location, error: error)
        }
        if beyond != nil {
            throw S3StateError.damaged(
                location: location, reason: "journal entry \(number) is missing while entry \(number + 1) exists")
        }
    }

    /// Writes a snapshot of everything up to the current entry, points the
    /// head at it, then deletes what it covers. Does nothing when the head
    /// is current. A head replaced by someone else is a conflict, and
    /// nothing of theirs is removed.
    public func compact() throws {
        mutex.lock()
        defer { mutex.unlock() }
        guard broken == nil, sequence > (head?.sequence ?? 0) else { return }
        let exported = (workDirectory as NSString).appendingPathComponent("snapshot-\(sequence).db")
        try? FileManager.default.removeItem(atPath: exported)
        try copy.exportCopy(to: exported)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: exported)))
        try? FileManager.default.removeItem(atPath: exported)
        let snapshotKey = "\(settings.key).d/snapshot-\(sequence).db"
        let newHead = Head(format: Head.formatVersion, sequence: sequence, snapshot: snapshotKey, writer: pcplanVersion)
        let headBytes = try newHead.encoded()
        do throws(S3Error) {
            try s3.putObject(settings.bucket, snapshotKey, bytes, encryption: settings.encryption)
            let written = try s3.putObject(
                settings.bucket, settings.key, headBytes,
                condition: head.map { .ifMatch($0.etag) } ?? .ifNoneMatchAny,
                encryption: settings.encryption, contentType: "application/json")
            let previous = head
            head = Head.Loaded(head: newHead, etag: written.etag)
            // What the new head covers is garbage now; a failure here only
            // leaves objects the next compaction removes.
            for number in ((previous?.sequence ?? 0) + 1)...sequence {
                try? s3.deleteObject(settings.bucket, journalKey(number))
            }
            if let old = previous?.snapshot, old != snapshotKey { try? s3.deleteObject(settings.bucket, old) }
        } catch {
            if case .preconditionFailed = error {
                throw S3StateError.concurrentWrite(location: location, sequence: sequence)
            }
            throw S3StateError.storage(location: location, error: error)
        }
    }

    // MARK: Moving a state in and out

    /// Writes the whole state, as a SQLite state file, to a new file at
    /// `path`: what `pcplan init -migrate-state` copies to another backend.
    public func exportCopy(to path: String) throws {
        try current.exportCopy(to: path)
    }

    /// Makes the SQLite state file at `path` this state, keeping its lineage
    /// and serial: its first snapshot, with the head pointing at it. Only
    /// into a state nothing was ever written to; anything else is refused,
    /// so a migration never overwrites a state.
    public func adopt(stateFile path: String) throws {
        mutex.lock()
        defer { mutex.unlock() }
        guard sequence == 0, head == nil, pending.isEmpty else {
            throw S3StateError.damaged(location: location, reason: "it already holds a state, and a migration only copies into an empty one")
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let adopted = try SQLiteStateBackend(path: path, pcplanVersion: pcplanVersion, create: false)
        _ = try adopted.snapshot()  // refuse a file that is not a readable state before uploading it
        let snapshotKey = "\(settings.key).d/snapshot-1.db"
        let newHead = Head(format: Head.formatVersion, sequence: 1, snapshot: snapshotKey, writer: pcplanVersion)
        let headBytes = try newHead.encoded()
        do throws(S3Error) {
            try s3.putObject(settings.bucket, snapshotKey, bytes, encryption: settings.encryption)
            let written = try s3.putObject(
                settings.bucket, settings.key, headBytes, condition: .ifNoneMatchAny,
                encryption: settings.encryption, contentType: "application/json")
            head = Head.Loaded(head: newHead, etag: written.etag)
        } catch {
            if case .preconditionFailed = error { throw S3StateError.concurrentWrite(location: location, sequence: 1) }
            throw S3StateError.storage(location: location, error: error)
        }
        sequence = 1
        try refreshCopy(from: bytes)
    }

    /// Writes an empty state (head and snapshot) when nothing was written
    /// yet, so that the state exists: `pcplan workspace new`.
    public func materialize() throws {
        guard isEmpty else { return }
        let exported = (workDirectory as NSString).appendingPathComponent("empty-\(UUID().uuidString).db")
        defer { try? FileManager.default.removeItem(atPath: exported) }
        try current.exportCopy(to: exported)
        try adopt(stateFile: exported)
    }

    /// Deletes every object of this state: the head, its snapshot and the
    /// journal after it. `pcplan workspace delete`.
    public func deleteAll() throws {
        mutex.lock()
        defer { mutex.unlock() }
        do throws(S3Error) {
            var number = (head?.sequence ?? 0) + 1
            while try s3.headObject(settings.bucket, journalKey(number)) != nil {
                try s3.deleteObject(settings.bucket, journalKey(number))
                number += 1
            }
            if let snapshot = head?.snapshot { try s3.deleteObject(settings.bucket, snapshot) }
            try s3.deleteObject(settings.bucket, settings.key)
        } catch {
            throw S3StateError.storage(location: location, error: error)
        }
        head = nil
        sequence = 0
    }

    /// The workspaces whose states exist beside this one (the default
    /// workspace's): the NAME of every `<prefix>/NAME/<key>` head. The
    /// listing's prefix has no slash, which every S3 implementation signs
    /// alike.
    public func workspaceNames(prefix: String) throws -> [String] {
        let keys: [String]
        do {
            keys = try s3.listObjects(settings.bucket, prefix: prefix)
        } catch {
            throw S3StateError.storage(location: location, error: error)
        }
        let suffix = "/" + settings.key
        return keys.compactMap { key in
            guard key.hasPrefix(prefix + "/"), key.hasSuffix(suffix) else { return nil }
            let name = key.dropFirst(prefix.count + 1).dropLast(suffix.count)
            return name.isEmpty || name.contains("/") ? nil : String(name)
        }.sorted()
    }

    /// Replaces the working copy with the state file `bytes`.
    private func refreshCopy(from bytes: [UInt8]) throws {
        let path = Self.newCopyPath(in: workDirectory)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let previous = copy.path
        copy = try SQLiteStateBackend(path: path, pcplanVersion: pcplanVersion)
        Self.remove(database: previous)
    }

    // MARK: The lock

    public func lock(operation: String, info: String, timeout: Double) throws -> LockInfo {
        let path = DynamoDBLockTable.lockPath(bucket: settings.bucket, key: settings.key)
        let wanted = DynamoDBLock.forThisProcess(path: path, operation: operation, info: info, version: pcplanVersion)
        if let lockFile {
            if case .held(let holder) = try lockFile.acquire(wanted, timeout: timeout) {
                throw StateError.locked(holder: Self.lockInfo(holder, location: location), holderGone: false, waited: timeout)
            }
        }
        if let locks {
            let attempt: DynamoDBLockTable.Attempt
            do {
                attempt = try locks.acquire(wanted, timeout: timeout)
            } catch {
                try? lockFile?.release(id: wanted.id)
                throw S3StateError.lockTable(location: location, error: error)
            }
            if case .held(let holder) = attempt {
                try? lockFile?.release(id: wanted.id)
                throw StateError.locked(holder: Self.lockInfo(holder, location: location), holderGone: false, waited: timeout)
            }
        }
        mutex.lock()
        defer { mutex.unlock() }
        if locks != nil || lockFile != nil { heldLock = wanted }
        // Whatever was written before the lock was ours is read now.
        try refresh()
        return Self.lockInfo(wanted, location: location)
    }

    public func unlock(id: String) throws {
        try compact()
        mutex.lock()
        let held = heldLock
        mutex.unlock()
        guard let held, held.id == id else { return }
        do {
            try lockFile?.release(id: id)
            try locks?.release(held)
        } catch let error as DynamoDBLockError {
            throw S3StateError.lockTable(location: location, error: error)
        }
        mutex.lock()
        heldLock = nil
        mutex.unlock()
    }

    public func forceUnlock(id: String) throws {
        guard locks != nil || lockFile != nil else { throw StateError.notLocked(location: location, given: id) }
        var released = false
        if let lockFile, let holder = try lockFile.holder(), holder.id == id {
            try lockFile.release(id: id)
            released = true
        }
        if let locks {
            do {
                _ = try locks.forceUnlock(path: DynamoDBLockTable.lockPath(bucket: settings.bucket, key: settings.key), id: id)
                released = true
            } catch {
                // Released from the lock object already: the table had no
                // copy of this lock to clear.
                if !released { throw S3StateError.lockTable(location: location, error: error) }
            }
        }
        if !released { throw StateError.notLocked(location: location, given: id) }
    }

    public func currentLock() throws -> LockInfo? {
        if let holder = try lockFile?.holder() { return Self.lockInfo(holder, location: location) }
        guard let locks else { return nil }
        do {
            return try locks.holder(of: DynamoDBLockTable.lockPath(bucket: settings.bucket, key: settings.key))
                .map { Self.lockInfo($0, location: location) }
        } catch {
            throw S3StateError.lockTable(location: location, error: error)
        }
    }

    static func lockInfo(_ lock: DynamoDBLock, location: String) -> LockInfo {
        LockInfo(
            id: lock.id, operation: lock.operation, who: lock.who, pid: lock.pid ?? 0, host: lock.host ?? "",
            pcplanVersion: lock.version, createdAt: lock.created ?? Date(timeIntervalSince1970: 0), path: location,
            info: lock.info, processStartTime: lock.processStartTime)
    }

    // MARK: Objects

    /// An error of the working copy, without the private file's path.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case StateError.notAState(_, let reason), StateError.cannotOpen(_, let reason): reason
        default: "\(error)"
        }
    }

    private var journalPrefix: String { "\(settings.key).d/journal/" }

    /// Zero-padded, so S3's listing order is the journal's order.
    private func journalKey(_ number: Int) -> String {
        let digits = String(number)
        return journalPrefix + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// One object of this state, or nil; S3's errors name the object.
    private static func object(_ s3: S3Client, _ settings: S3BackendSettings, _ key: String) throws -> S3Object? {
        do {
            return try s3.getObject(settings.bucket, key)
        } catch {
            throw S3StateError.storage(location: "s3://\(settings.bucket)/\(key)", error: error)
        }
    }

    private static func fetchHead(_ s3: S3Client, _ settings: S3BackendSettings) throws -> Head.Loaded? {
        guard let found = try object(s3, settings, settings.key) else { return nil }
        return Head.Loaded(head: try Head.decode(found.bytes, location: "s3://\(settings.bucket)/\(settings.key)"), etag: found.etag)
    }

    private static func fetchIfPresent(_ s3: S3Client, _ settings: S3BackendSettings, _ key: String) throws -> [UInt8]? {
        try object(s3, settings, key)?.bytes
    }

    /// An object the state needs: missing is damage.
    private static func fetch(_ s3: S3Client, _ settings: S3BackendSettings, _ key: String, what: String) throws -> [UInt8] {
        guard let found = try object(s3, settings, key) else {
            throw S3StateError.damaged(location: "s3://\(settings.bucket)/\(key)", reason: "\(what) is missing")
        }
        return found.bytes
    }
}
