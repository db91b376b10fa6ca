import Foundation
import Testing
@testable import PCState
#if canImport(Glibc)
import Glibc
#endif

/// A local lock dies with its process: a holder on this host whose process
/// is gone (or whose pid now belongs to another process) is taken over; a
/// live holder still blocks.
@Suite struct StateStaleLockTests {
    static let host = SQLiteStateBackend.hostName()

    static func ownStartTime() throws -> Int64 {
        try #require(HolderProcess.startTime(pid: Int(getpid())))
    }

    @Test func lockRecordsTheHoldersStartTime() throws {
        try withStatePath { path in
            let state = try openState(path)
            let lock = try state.lock(operation: "apply", info: "", timeout: 0)
            #expect(lock.processStartTime == (try Self.ownStartTime()))
            #expect(lock.replacedStaleLock == nil)
            #expect(try openState(path).currentLock() == lock)
        }
    }

    @Test func deadHolderOnThisHostIsTakenOver() throws {
        try withStatePath { path in
            let state = try openState(path)
            // No process has the largest pid: Linux caps pids far below it.
            let stale = try StateLockTests.plantLock(path: path, pid: Int(Int32.max), host: Self.host, startTime: 12345)
            let lock = try state.lock(operation: "plan", info: "", timeout: 0)
            #expect(lock.id != stale)
            #expect(lock.pid == Int(getpid()))
            let replaced = try #require(lock.replacedStaleLock)
            #expect(replaced == StaleLock(id: stale, operation: "apply", who: "bob@elsewhere", pid: Int(Int32.max), createdAt: testDate(1_763_900_000_000)))
            #expect(replaced.note.contains("pid \(Int32.max) no longer runs"))
            #expect(replaced.note.contains(stale))
            // Everyone sees the new holder and what it replaced.
            #expect(try openState(path).currentLock() == lock)
            try state.unlock(id: lock.id)
            #expect(try state.currentLock() == nil)
        }
    }

    @Test(arguments: [false, true])
    func liveHolderStillBlocks(withStartTime: Bool) throws {
        try withStatePath { path in
            let state = try openState(path)
            // This very process, as another connection's holder would be;
            // without a start time (a lock written by an older pcplan) the
            // pid alone decides.
            let startTime = withStartTime ? try Self.ownStartTime() : nil
            let held = try StateLockTests.plantLock(path: path, pid: Int(getpid()), host: Self.host, startTime: startTime)
            #expect {
                _ = try state.lock(operation: "plan", info: "", timeout: 0.2)
            } throws: { error in
                guard case let StateError.locked(holder, holderGone, waited) = error else { return false }
                return holder.id == held && !holderGone && waited >= 0.2
            }
            #expect(try state.currentLock()?.id == held)
        }
    }

    @Test func reusedPidCountsAsDead() throws {
        try withStatePath { path in
            let state = try openState(path)
            // Our pid is alive, but the recorded holder started at another time.
            let stale = try StateLockTests.plantLock(
                path: path, pid: Int(getpid()), host: Self.host, startTime: try Self.ownStartTime() + 1
            )
            let lock = try state.lock(operation: "plan", info: "", timeout: 0)
            #expect(lock.replacedStaleLock?.id == stale)
            #expect(lock.replacedStaleLock?.pid == Int(getpid()))
        }
    }

    @Test func holderKilledWithSignal9IsTakenOverAndItsZombieToo() throws {
        try withStatePath { path in
            let state = try openState(path)
            let child = try Self.spawn(["/bin/sleep", "30"])
            var reaped = false
            defer {
                // Never left running or unreaped when an expectation fails.
                if !reaped {
                    kill(child, SIGKILL)
                    var status: Int32 = 0
                    waitpid(child, &status, 0)
                }
            }
            let childStart = try #require(HolderProcess.startTime(pid: Int(child)))
            let held = try StateLockTests.plantLock(path: path, pid: Int(child), host: Self.host, startTime: childStart)
            #expect(throws: StateError.self) { try state.lock(operation: "plan", info: "", timeout: 0) }

            // Killed but not yet reaped: a zombie never releases the lock.
            #expect(kill(child, SIGKILL) == 0)
            try Self.waitUntil { HolderProcess.status(pid: Int(child))?.state == UInt8(ascii: "Z") }
            let overZombie = try state.lock(operation: "plan", info: "", timeout: 0)
            #expect(overZombie.replacedStaleLock?.id == held)
            try state.unlock(id: overZombie.id)

            // Reaped: no process at all.
            var status: Int32 = 0
            #expect(waitpid(child, &status, 0) == child)
            reaped = true
            _ = try StateLockTests.plantLock(path: path, pid: Int(child), host: Self.host, startTime: childStart)
            #expect(try state.lock(operation: "plan", info: "", timeout: 0).replacedStaleLock?.pid == Int(child))
        }
    }

    @Test func lockHeldByAnotherConnectionOfThisProcessBlocks() throws {
        try withStatePath { path in
            let first = try openState(path)
            let held = try first.lock(operation: "apply", info: "", timeout: 0)
            #expect {
                _ = try openState(path).lock(operation: "plan", info: "", timeout: 0)
            } throws: { error in
                guard case let StateError.locked(holder, holderGone, _) = error else { return false }
                return holder == held && !holderGone
            }
        }
    }

    /// A holder that died between the check and the timeout (a race) is
    /// still explained.
    @Test func goneHolderIsExplainedInTheError() {
        let holder = LockInfo(
            id: "b7d6", operation: "apply", who: "bob@h", pid: 99, host: "h", pcplanVersion: "0.1.0",
            createdAt: testDate(0), path: "/s.db", info: ""
        )
        let text = StateError.locked(holder: holder, holderGone: true, waited: 0).description
        #expect(text.contains("Process 99 no longer exists on this host"))
        #expect(text.contains("pcplan force-unlock b7d6"))
    }

    @Test(arguments: [
        ("4242 (pcplan) S 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 1 0 987654 1000 10\n", UInt8(ascii: "S"), Int64(987654)),
        ("7 (a (b) c)) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 0 0", UInt8(ascii: "Z"), Int64(42)),
    ])
    func procStatIsReadPastTheCommandName(text: String, state: UInt8, startTime: Int64) {
        #expect(HolderProcess.parse(stat: Array(text.utf8)) == HolderProcess.Status(state: state, startTime: startTime))
    }

    @Test(arguments: ["", "12 (x) S 1 2 3", "12 x S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 nope 0"])
    func malformedProcStatIsNotRead(text: String) {
        #expect(HolderProcess.parse(stat: Array(text.utf8)) == nil)
    }

    // MARK: Helpers

    /// Starts a process without reaping it: the test decides when.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let code = posix_spawn(&pid, arguments[0], nil, nil, &argv, nil)
        try #require(code == 0, "posix_spawn failed: \(code)")
        return pid
    }

    static func waitUntil(_ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            try #require(Date() < deadline, "condition not reached in 10s")
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
