import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state lock is a row in the state file itself: every connection to
/// the file, in this process or another, sees it, and taking it is one
/// write transaction, so two takers cannot both succeed. It outlives a
/// crashed holder on purpose (a crash mid-apply deserves a human look);
/// the error then says the holder is gone and how to force the lock open.
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
            if let holder = try readLock() { return .held(holder) }
            let host = Self.hostName()
            // Stored at millisecond precision, so round first: the value
            // returned equals the one others read back.
            let created = Timestamp.date(Timestamp.milliseconds(Date()))
            let lock = LockInfo(
                id: UUID().uuidString.lowercased(), operation: operation, who: "\(Self.userName())@\(host)",
                pid: Int(getpid()), host: host, pcplanVersion: pcplanVersion, createdAt: created,
                path: path, info: info
            )
            try db.run(
                """
                INSERT INTO state_lock (id, lock_id, operation, who, pid, host, pcplan_version, created_at, path, info)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(lock.id), .text(lock.operation), .text(lock.who), .integer(Int64(lock.pid)), .text(lock.host),
                 .text(lock.pcplanVersion), .integer(Timestamp.milliseconds(created)), .text(lock.path), .text(lock.info)]
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
            "SELECT lock_id, operation, who, pid, host, pcplan_version, created_at, path, info FROM state_lock WHERE id = 1"
        ) {
            LockInfo(
                id: $0.string(0), operation: $0.string(1), who: $0.string(2), pid: $0.int(3), host: $0.string(4),
                pcplanVersion: $0.string(5), createdAt: Timestamp.date($0.int64(6)), path: $0.string(7), info: $0.string(8)
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

    /// True when the holder ran on this host and its process is gone. A
    /// process of another user still answers (EPERM), so only "no such
    /// process" counts as gone.
    static func isGoneFromThisHost(_ holder: LockInfo) -> Bool {
        guard holder.host == hostName() else { return false }
        guard holder.pid > 0, holder.pid <= Int(Int32.max) else { return true }
        return kill(pid_t(holder.pid), 0) != 0 && errno == ESRCH
    }
}
