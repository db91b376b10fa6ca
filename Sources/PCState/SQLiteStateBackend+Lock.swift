import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state lock is a row in the state file itself: every connection to
/// the file, in this process or another, sees it, and taking it is one
/// write transaction, so two takers cannot both succeed.
///
/// A lock dies with its process: when the row names a holder on this host
/// whose process no longer exists (or whose pid now belongs to a process
/// that started at another time), `lock` takes it over in the same
/// transaction and says so in `LockInfo.replacedStaleLock`, so that after
/// a crash or `kill -9` the next command just works. A holder on another
/// host cannot be checked and always blocks (`force-unlock` is for that).
extension SQLiteStateBackend {
    public func lock(operation: String, info: String = "", timeout: Double = 0) throws -> LockInfo {
        let start = Date()
        let deadline = start.addingTimeInterval(max(0, timeout))
        var pause = 0.05
        while true {
            let attempt = try withMutex { try tryLock(operation: operation, info: info) }
            let holder: LockInfo
            switch attempt {
            case .acquired(let lock): return lock
            case .held(let current): holder = current
            }
            let now = Date()
            let remaining = deadline.timeIntervalSince(now)
            if remaining <= 0 {
                throw StateError.locked(
                    holder: holder, holderGone: Self.isGoneFromThisHost(holder),
                    waited: timeout > 0 ? now.timeIntervalSince(start) : 0
                )
            }
            // Sleep outside the mutex so the backend's other users go on.
            Thread.sleep(forTimeInterval: min(pause, remaining))
            pause = min(pause * 2, 1)
        }
    }

    public func unlock(id: String) throws {
        try withMutex { try release(id: id) }
    }

    public func forceUnlock(id: String) throws {
        try withMutex { try release(id: id) }
    }

    public func currentLock() throws -> LockInfo? {
        try withMutex { try readLock() }
    }

    private enum Attempt {
        case acquired(LockInfo)
        case held(LockInfo)
    }

    private func withMutex<Result>(_ body: () throws -> Result) rethrows -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }

    private func tryLock(operation: String, info: String) throws -> Attempt {
        try db.transaction {
            var replaced: StaleLock?
            if let holder = try readLock() {
                guard Self.isGoneFromThisHost(holder) else { return .held(holder) }
                replaced = StaleLock(
                    id: holder.id, operation: holder.operation, who: holder.who, pid: holder.pid, createdAt: holder.createdAt
                )
                try db.run("DELETE FROM state_lock WHERE id = 1")
            }
            let host = Self.hostName()
            let pid = Int(getpid())
            // Stored at millisecond precision, so round first: the value
            // returned equals the one others read back.
            let created = Timestamp.date(Timestamp.milliseconds(Date()))
            let lock = LockInfo(
                id: UUID().uuidString.lowercased(), operation: operation, who: "\(Self.userName())@\(host)",
                pid: pid, host: host, pcplanVersion: pcplanVersion, createdAt: created,
                path: path, info: info, processStartTime: HolderProcess.startTime(pid: pid), replacedStaleLock: replaced
            )
            try db.run(
                """
                INSERT INTO state_lock (id, lock_id, operation, who, pid, host, pcplan_version, created_at, path, info,
                    pid_start_time, replaced_lock_id, replaced_operation, replaced_who, replaced_pid, replaced_created_at)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(lock.id), .text(lock.operation), .text(lock.who), .integer(Int64(lock.pid)), .text(lock.host),
                 .text(lock.pcplanVersion), .integer(Timestamp.milliseconds(created)), .text(lock.path), .text(lock.info),
                 lock.processStartTime.map(SQLiteValue.integer) ?? .null,
                 replaced.map { .text($0.id) } ?? .null, replaced.map { .text($0.operation) } ?? .null,
                 replaced.map { .text($0.who) } ?? .null, replaced.map { .integer(Int64($0.pid)) } ?? .null,
                 replaced.map { .integer(Timestamp.milliseconds($0.createdAt)) } ?? .null]
            )
            return .acquired(lock)
        }
    }

    private func release(id: String) throws {
        try db.transaction {
            guard let holder = try readLock() else {
                throw StateError.notLocked(location: path, given: id)
            }
            guard holder.id == id else {
                throw StateError.lockIDMismatch(given: id, holder: holder)
            }
            try db.run("DELETE FROM state_lock WHERE id = 1 AND lock_id = ?", [.text(id)])
        }
    }

    private func readLock() throws -> LockInfo? {
        try db.first(
            """
            SELECT lock_id, operation, who, pid, host, pcplan_version, created_at, path, info,
                pid_start_time, replaced_lock_id, replaced_operation, replaced_who, replaced_pid, replaced_created_at
            FROM state_lock WHERE id = 1
            """
        ) {
            var replaced: StaleLock?
            if let id = $0.optionalString(10) {
                replaced = StaleLock(
                    id: id, operation: $0.string(11), who: $0.string(12), pid: $0.int(13),
                    createdAt: Timestamp.date($0.int64(14))
                )
            }
            return LockInfo(
                id: $0.string(0), operation: $0.string(1), who: $0.string(2), pid: $0.int(3), host: $0.string(4),
                pcplanVersion: $0.string(5), createdAt: Timestamp.date($0.int64(6)), path: $0.string(7), info: $0.string(8),
                processStartTime: $0.optionalInt64(9), replacedStaleLock: replaced
            )
        }
    }

    // MARK: Who we are

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }

    static func userName() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid\(getuid())"
    }

    /// True when the holder ran on this host and its process is gone (see
    /// `HolderProcess.isGone`).
    static func isGoneFromThisHost(_ holder: LockInfo) -> Bool {
        guard holder.host == hostName() else { return false }
        return HolderProcess.isGone(pid: holder.pid, recordedStartTime: holder.processStartTime)
    }
}
