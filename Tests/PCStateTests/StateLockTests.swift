import Foundation
import Testing
@testable import PCState

/// The state lock: held, waited for, released only by its ID, visible to
/// every connection to the file, and explained when it blocks someone.
@Suite struct StateLockTests {
    @Test func lockRecordsTheHolder() throws {
        try withStatePath { path in
            let state = try openState(path, version: "9.9.9")
            let before = Date().addingTimeInterval(-1)
            let lock = try state.lock(operation: "apply", info: "deploying", timeout: 0)
            #expect(UUID(uuidString: lock.id) != nil)
            #expect(lock.operation == "apply")
            #expect(lock.info == "deploying")
            #expect(lock.pid == Int(ProcessInfo.processInfo.processIdentifier))
            #expect(lock.who.hasSuffix("@\(lock.host)"))
            #expect(lock.pcplanVersion == "9.9.9")
            #expect(lock.path == path)
            #expect(lock.createdAt >= before && lock.createdAt <= Date().addingTimeInterval(1))
            #expect(try state.currentLock() == lock)
            try state.unlock(id: lock.id)
            #expect(try state.currentLock() == nil)
        }
    }

    @Test func secondConnectionSeesTheLockAndIsToldWhoHoldsIt() throws {
        try withStatePath { path in
            let first = try openState(path)
            let second = try openState(path)
            let held = try first.lock(operation: "apply", info: "", timeout: 0)
            do {
                _ = try second.lock(operation: "plan", info: "", timeout: 0)
                Issue.record("two holders of one lock")
            } catch let error as StateError {
                guard case let .locked(holder, holderGone, waited) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(holder == held)
                #expect(!holderGone)
                #expect(waited == 0)
                let message = error.description
                for part in [held.who, "\"apply\"", held.id, "pid \(held.pid)", held.host, "pcplan force-unlock \(held.id)", "Wait"] {
                    #expect(message.contains(part), "missing \(part) in: \(message)")
                }
            }
            #expect(try second.currentLock() == held)
            try first.unlock(id: held.id)
            let next = try second.lock(operation: "plan", info: "", timeout: 0)
            #expect(next.id != held.id)
            #expect(try first.currentLock() == next)
        }
    }

    @Test func timeoutWaitsThenFails() throws {
        try withStatePath { path in
            let first = try openState(path)
            let second = try openState(path)
            _ = try first.lock(operation: "apply", info: "", timeout: 0)
            let start = Date()
            do {
                _ = try second.lock(operation: "plan", info: "", timeout: 0.3)
                Issue.record("took a held lock")
            } catch let StateError.locked(_, _, waited) {
                #expect(waited >= 0.3)
            }
            #expect(Date().timeIntervalSince(start) >= 0.3)
        }
    }

    @Test func waiterGetsTheLockWhenItIsReleased() throws {
        try withStatePath { path in
            let first = try openState(path)
            let second = try openState(path)
            let held = try first.lock(operation: "apply", info: "", timeout: 0)
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
                try? first.unlock(id: held.id)
                released.signal()
            }
            let taken = try second.lock(operation: "plan", info: "", timeout: 10)
            released.wait()
            #expect(taken.operation == "plan")
            #expect(try first.currentLock()?.id == taken.id)
        }
    }

    @Test func unlockNeedsTheHoldersID() throws {
        try withStatePath { path in
            let state = try openState(path)
            let held = try state.lock(operation: "apply", info: "", timeout: 0)
            let wrong = UUID().uuidString.lowercased()
            #expect(throws: StateError.lockIDMismatch(given: wrong, holder: held)) { try state.unlock(id: wrong) }
            #expect(throws: StateError.lockIDMismatch(given: wrong, holder: held)) { try state.forceUnlock(id: wrong) }
            #expect(try state.currentLock() == held)

            try openState(path).forceUnlock(id: held.id)
            #expect(try state.currentLock() == nil)
            #expect(throws: StateError.notLocked(location: path, given: held.id)) { try state.unlock(id: held.id) }
            #expect(throws: StateError.notLocked(location: path, given: held.id)) { try state.forceUnlock(id: held.id) }
        }
    }

    /// Writes a lock row as another process would have.
    static func plantLock(path: String, pid: Int, host: String, startTime: Int64? = nil) throws -> String {
        let id = UUID().uuidString.lowercased()
        let db = try Database(path: path)
        try db.run(
            """
            INSERT INTO state_lock (id, lock_id, operation, who, pid, host, pcplan_version, created_at, path, info, pid_start_time)
            VALUES (1, ?, 'apply', 'bob@elsewhere', ?, ?, '0.1.0', 1763900000000, ?, '', ?)
            """,
            [.text(id), .integer(Int64(pid)), .text(host), .text(path), startTime.map(SQLiteValue.integer) ?? .null]
        )
        return id
    }

    @Test func holderOnAnotherHostIsNeverCalledGone() throws {
        try withStatePath { path in
            let state = try openState(path)
            _ = try Self.plantLock(path: path, pid: Int(Int32.max), host: "some-other-host.invalid")
            #expect {
                _ = try state.lock(operation: "plan", info: "", timeout: 0)
            } throws: { error in
                guard case let StateError.locked(holder, holderGone, _) = error else { return false }
                return !holderGone && holder.host == "some-other-host.invalid"
            }
        }
    }

    @Test func lockDoesNotChangeTheSerial() throws {
        try withStatePath { path in
            let state = try openState(path)
            let lock = try state.lock(operation: "apply", info: "", timeout: 0)
            try state.unlock(id: lock.id)
            #expect(try state.metadata().serial == 0)
        }
    }
}
