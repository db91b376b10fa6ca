import Foundation
import PCAWS
import PCLang
import Testing

/// Terraform's lock protocol on DynamoDB against moto (signatures checked):
/// one holder at a time, the holder's identity for the others, release
/// only by the holder's ID, force-unlock, and the table problems a backend
/// block can have.
@Suite(.serialized, .motoServer)
struct DynamoDBLockTableTests {
    let moto: MotoServer
    let aws: AWSClient
    let locks: DynamoDBLockTable

    static let table = "pcplan-locks"
    static let path = DynamoDBLockTable.lockPath(bucket: "pcplan-state", key: "prod/pcplan.state")

    init() throws {
        moto = try MotoServer.forTest()
        aws = DynamoDBMoto.client(moto)
        try aws.dynamoDB.createTable(Self.table, hashKey: DynamoDBLockTable.keyAttribute)
        locks = DynamoDBLockTable(client: aws, table: Self.table)
    }

    static func lock(_ operation: String, who: String = "alice@build-7", pid: Int = 4242) -> DynamoDBLock {
        DynamoDBLock(
            id: UUID().uuidString.lowercased(), operation: operation, who: who, version: "0.9.0", created: Date(),
            path: path, host: "build-7", pid: pid)
    }

    @Test func theWholeProtocol() throws {
        #expect(try locks.verifyTable().isActive)
        #expect(try locks.holder(of: Self.path) == nil)

        // Acquire.
        let first = Self.lock("apply")
        #expect(try locks.acquire(first) == .acquired(first))
        #expect(try locks.holder(of: Self.path) == first)

        // A second taker learns who holds it.
        let second = Self.lock("plan", who: "bob@laptop", pid: 77)
        guard case .held(let holder) = try locks.acquire(second) else {
            Issue.record("a second acquire succeeded while the lock was held")
            return
        }
        #expect(holder == first)
        #expect(holder.who == "alice@build-7" && holder.operation == "apply" && holder.host == "build-7" && holder.pid == 4242)
        #expect(holder.created == first.created)

        // Releasing with the wrong lock or ID is refused, and the lock stays.
        for attempt in [{ try locks.release(second) }, { _ = try locks.forceUnlock(path: Self.path, id: "not-the-id") }] {
            do {
                try attempt()
                Issue.record("the lock was released by a lock ID that does not hold it")
            } catch let error as DynamoDBLockError {
                guard case .heldByAnother(_, let path, _, let current) = error else {
                    Issue.record("expected heldByAnother, got \(error)")
                    continue
                }
                #expect(path == Self.path && current == first)
                #expect(error.description.contains("held by alice@build-7 (pid 4242 on build-7) for apply"))
            }
        }
        #expect(try locks.holder(of: Self.path) == first)

        // Release; releasing again finds nothing.
        try locks.release(first)
        #expect(try locks.holder(of: Self.path) == nil)
        #expect(throws: DynamoDBLockError.notLocked(table: Self.table, path: Self.path, id: first.id)) {
            try locks.release(first)
        }

        // Re-acquire, then force-unlock by ID.
        #expect(try locks.acquire(second) == .acquired(second))
        let removed = try locks.forceUnlock(path: Self.path, id: second.id)
        #expect(removed == second)
        #expect(try locks.holder(of: Self.path) == nil)
        #expect(try locks.acquire(first) == .acquired(first))
    }

    @Test func acquiringAgainWithTheSameLockIsSafe() throws {
        // As after a write whose reply was lost: the record is ours.
        let lock = Self.lock("apply")
        #expect(try locks.acquire(lock) == .acquired(lock))
        #expect(try locks.acquire(lock) == .acquired(lock))
        try locks.release(lock)
        #expect(try locks.holder(of: Self.path) == nil)
    }

    @Test func locksOfDifferentStatesAreIndependent() throws {
        let prod = Self.lock("apply")
        var staging = Self.lock("apply")
        staging.path = DynamoDBLockTable.lockPath(bucket: "pcplan-state", key: "env:/staging/pcplan.state")
        #expect(try locks.acquire(prod) == .acquired(prod))
        #expect(try locks.acquire(staging) == .acquired(staging))
        try locks.release(prod)
        #expect(try locks.holder(of: staging.path) == staging)
    }

    @Test func fiveTakersAtOnceExactlyOneWins() throws {
        let contenders = (0..<5).map { Self.lock("apply", who: "runner-\($0)@ci", pid: 1000 + $0) }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: contenders.count) { index in
            results.record(index, Result { try locks.acquire(contenders[index]) })
        }
        let outcomes = try results.all.map { try $0.get() }
        let winners = outcomes.compactMap { outcome -> DynamoDBLock? in
            if case .acquired(let lock) = outcome { return lock }
            return nil
        }
        #expect(winners.count == 1)
        let winner = try #require(winners.first)
        for outcome in outcomes where outcome != .acquired(winner) {
            #expect(outcome == .held(by: winner))
        }
        #expect(try locks.holder(of: Self.path) == winner)
    }

    @Test func waitingForALockTakesItWhenReleased() throws {
        let holder = Self.lock("apply")
        #expect(try locks.acquire(holder) == .acquired(holder))
        let releaser = Thread { [locks] in
            Thread.sleep(forTimeInterval: 0.5)
            try? locks.release(holder)
        }
        releaser.start()
        let waiter = Self.lock("apply", who: "bob@laptop")
        let started = Date()
        #expect(try locks.acquire(waiter, timeout: 20, interval: 0.1) == .acquired(waiter))
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 0.4 && waited < 15)

        // Without a release, waiting ends with the holder after the timeout.
        let late = Self.lock("plan")
        let before = Date()
        #expect(try locks.acquire(late, timeout: 0.3, interval: 0.1) == .held(by: waiter))
        #expect(Date().timeIntervalSince(before) >= 0.3)
    }

    @Test func aLockTerraformWroteIsReportedAndCanBeForcedOpen() throws {
        let info = #"{"ID":"0b8c1f5a-7c43-2d8e-95f1-0c1a2b3c4d5e","Operation":"OperationTypeApply","Info":"","#
            + #""Who":"bob@laptop","Version":"1.9.5","Created":"2024-05-01T09:30:12.123456789Z","Path":"\#(Self.path)"}"#
        try aws.dynamoDB.putItem(Self.table, ["LockID": .string(Self.path), "Info": .string(info)])

        guard case .held(let holder) = try locks.acquire(Self.lock("apply")) else {
            Issue.record("acquired a lock Terraform holds")
            return
        }
        #expect(holder.id == "0b8c1f5a-7c43-2d8e-95f1-0c1a2b3c4d5e" && holder.who == "bob@laptop")
        #expect(holder.operation == "OperationTypeApply" && holder.pid == nil)
        #expect(holder.created == Date(timeIntervalSince1970: 1_714_555_812.123))
        // Not ours, so it cannot be judged stale from here.
        #expect(!holder.holderIsGone(localHost: DynamoDBLock.localHostName(), processIsGone: DynamoDBMoto.processIsGone))

        #expect(try locks.forceUnlock(path: Self.path, id: holder.id) == holder)
        #expect(try locks.holder(of: Self.path) == nil)
    }

    @Test func aHolderKilledOnThisHostIsRecognisedAsGone() throws {
        // A process that has exited: its pid names nothing any more.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let deadPID = Int(child.processIdentifier)

        var killed = DynamoDBLock.forThisProcess(path: Self.path, operation: "apply", version: "0.9.0")
        killed.pid = deadPID
        #expect(try locks.acquire(killed) == .acquired(killed))

        let local = DynamoDBLock.localHostName()
        guard case .held(let holder) = try locks.acquire(.forThisProcess(path: Self.path, operation: "apply", version: "0.9.0")) else {
            Issue.record("acquired a held lock")
            return
        }
        #expect(holder.host == local && holder.pid == deadPID)
        #expect(holder.holderIsGone(localHost: local, processIsGone: DynamoDBMoto.processIsGone))

        // The same record naming this (live) process is not stale.
        let live = DynamoDBLock.forThisProcess(path: "other/state", operation: "apply", version: "0.9.0")
        #expect(try locks.acquire(live) == .acquired(live))
        #expect(try locks.holder(of: live.path)?.holderIsGone(localHost: local, processIsGone: DynamoDBMoto.processIsGone) == false)
    }

    @Test func anUnreadableLockSaysHowToClearIt() throws {
        try aws.dynamoDB.putItem(Self.table, ["LockID": .string(Self.path), "Info": "garbage that is not json"])
        for attempt in [
            { _ = try locks.acquire(Self.lock("apply")) },
            { _ = try locks.forceUnlock(path: Self.path, id: "x") },
        ] {
            do {
                try attempt()
                Issue.record("an unreadable lock was not reported")
            } catch let error as DynamoDBLockError {
                guard case .unreadableLock(let table, let path, let reason) = error else {
                    Issue.record("expected unreadableLock, got \(error)")
                    continue
                }
                #expect(table == Self.table && path == Self.path && reason.contains("not JSON"))
                #expect(error.description.contains("aws dynamodb delete-item --table-name \(Self.table)"))
                #expect(!error.description.contains("garbage"))
            }
        }
        try aws.dynamoDB.putItem(Self.table, ["LockID": .string(Self.path), "Info": .number(1)])
        #expect(throws: DynamoDBLockError.unreadableLock(
            table: Self.table, path: Self.path, reason: "its Info attribute has type N, not S (String)")) {
            _ = try locks.holder(of: Self.path)
        }
    }

    @Test func aMissingTableIsAClearTypedError() throws {
        let missing = DynamoDBLockTable(client: aws, table: "no-such-table")
        for attempt in [
            { _ = try missing.verifyTable() },
            { _ = try missing.acquire(Self.lock("apply")) },
            { try missing.release(Self.lock("apply")) },
        ] {
            do {
                try attempt()
                Issue.record("a missing table was not reported")
            } catch let error as DynamoDBLockError {
                guard case .dynamoDB(.tableNotFound(let table, _, _)) = error else {
                    Issue.record("expected tableNotFound, got \(error)")
                    continue
                }
                #expect(table == "no-such-table")
                #expect(error.description.contains("table \"no-such-table\" does not exist in region us-east-1"))
            }
        }
    }

    @Test func aTableWithTheWrongKeyIsRefusedBeforeUse() throws {
        try aws.dynamoDB.createTable("keyed-by-id", hashKey: "id")
        let wrong = DynamoDBLockTable(client: aws, table: "keyed-by-id")
        do {
            try wrong.verifyTable()
            Issue.record("a table keyed by id was accepted for locks")
        } catch {
            guard case .unsuitableTable(let table, let reason) = error else {
                Issue.record("expected unsuitableTable, got \(error)")
                return
            }
            #expect(table == "keyed-by-id")
            #expect(reason == #"table "keyed-by-id" cannot be used: its partition key is "id", not "LockID"; "#
                + "the table needs exactly one key, a String partition key named LockID")
        }
        // Used anyway, DynamoDB itself refuses the lock write.
        do {
            _ = try wrong.acquire(Self.lock("apply"))
            Issue.record("a lock was written to a table keyed by id")
        } catch {
            guard case .dynamoDB(.aws(let aws)) = error else {
                Issue.record("expected a DynamoDB validation error, got \(error)")
                return
            }
            #expect(aws.code == "ValidationException", "\(aws)")
        }
    }
}

/// Outcomes gathered from concurrent takers.
/// @unchecked Sendable: `outcomes` is only touched under `lock`.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Int: Result<DynamoDBLockTable.Attempt, any Error>] = [:]

    func record(_ index: Int, _ outcome: Result<DynamoDBLockTable.Attempt, any Error>) {
        lock.withLock { outcomes[index] = outcome }
    }

    var all: [Result<DynamoDBLockTable.Attempt, any Error>] {
        lock.withLock { outcomes.keys.sorted().compactMap { outcomes[$0] } }
    }
}
