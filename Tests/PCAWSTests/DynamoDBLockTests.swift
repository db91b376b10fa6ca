import Foundation
import PCLang
import Testing

@testable import PCAWS

/// The lock record: Terraform's LockInfo JSON plus pcplan's process facts.
@Suite struct DynamoDBLockTests {
    static let created = Date(timeIntervalSince1970: 1_714_555_812.123)  // 2024-05-01T09:30:12.123Z

    static let lock = DynamoDBLock(
        id: "6d4c5f1e-0f7a-4a51-9d7e-3f0b1c2d3e4f", operation: "apply", info: "ticket <42> & more", who: "alice@build-7",
        version: "0.9.0", created: created, path: "pcplan-state/prod/pcplan.state", host: "build-7", pid: 4242,
        processStartTime: 987_654)

    @Test func writesTerraformNamesPlusHostAndPID() throws {
        let json = Self.lock.infoJSON
        #expect(json == #"{"Created":"2024-05-01T09:30:12.123Z","Host":"build-7","ID":"6d4c5f1e-0f7a-4a51-9d7e-3f0b1c2d3e4f","#
            + #""Info":"ticket \u003c42\u003e \u0026 more","Operation":"apply","PID":4242,"PIDStartTime":987654,"#
            + #""Path":"pcplan-state/prod/pcplan.state","Version":"0.9.0","Who":"alice@build-7"}"#)
        #expect(try DynamoDBLock(infoJSON: json) == Self.lock)
    }

    @Test func theSameLockAlwaysGivesTheSameBytes() {
        // Release compares the stored text with the one it sends.
        var copy = Self.lock
        copy.created = Self.created
        #expect(copy.infoJSON == Self.lock.infoJSON)
        #expect(DynamoDBLock(
            id: "x", operation: "plan", who: "w", version: "v", created: Date(timeIntervalSince1970: 1.0004), path: "p"
        ).created == Date(timeIntervalSince1970: 1.0))
    }

    @Test func readsALockTerraformWrote() throws {
        // Terraform 1.x: Go's time.Time with nanoseconds, no pcplan fields.
        let terraform = #"{"ID":"0b8c1f5a-7c43-2d8e-95f1-0c1a2b3c4d5e","Operation":"OperationTypeApply","Info":"","#
            + #""Who":"bob@laptop","Version":"1.9.5","Created":"2024-05-01T09:30:12.123456789Z","Path":"bucket/env/terraform.tfstate"}"#
        let lock = try DynamoDBLock(infoJSON: terraform)
        #expect(lock.id == "0b8c1f5a-7c43-2d8e-95f1-0c1a2b3c4d5e")
        #expect(lock.operation == "OperationTypeApply")
        #expect(lock.who == "bob@laptop")
        #expect(lock.version == "1.9.5")
        #expect(lock.path == "bucket/env/terraform.tfstate")
        #expect(lock.created == Self.created)
        #expect(lock.host == nil && lock.pid == nil && lock.processStartTime == nil)
        #expect(lock.holderSummary == "bob@laptop for OperationTypeApply since 2024-05-01T09:30:12.123Z, lock ID 0b8c1f5a-7c43-2d8e-95f1-0c1a2b3c4d5e")
    }

    @Test func missingFieldsReadAsEmptyAndGosZeroTimeAsNone() throws {
        let lock = try DynamoDBLock(infoJSON: #"{"ID":"abc","Created":"0001-01-01T00:00:00Z"}"#)
        #expect(lock.id == "abc" && lock.who.isEmpty && lock.operation.isEmpty && lock.path.isEmpty)
        #expect(lock.created == nil)
        #expect(lock.infoJSON.contains(#""Created":"0001-01-01T00:00:00Z""#))
        #expect(try DynamoDBLock(infoJSON: #"{"Created":"yesterday"}"#).created == nil)
    }

    @Test(arguments: [
        ("not json", "not JSON"),
        ("[1,2]", "not an object"),
        ("", "not JSON"),
    ])
    func unreadableInfoSaysWhyWithoutQuotingIt(_ text: String, _ fragment: String) {
        #expect {
            _ = try DynamoDBLock(infoJSON: text)
        } throws: { error in
            guard let error = error as? DynamoDBAttributeValue.WireError else { return false }
            return error.path == "Info" && error.message.contains(fragment)
        }
    }

    @Test func staleOnlyWhenOnThisHostAndTheProcessIsGone() {
        var seen: [(Int, Int64?)] = []
        #expect(Self.lock.holderIsGone(localHost: "build-7") { pid, start in
            seen.append((pid, start))
            return true
        })
        #expect(seen.count == 1 && seen.first?.0 == 4242 && seen.first?.1 == 987_654)
        #expect(!Self.lock.holderIsGone(localHost: "build-7") { _, _ in false })
        // Another host's processes cannot be checked from here.
        #expect(!Self.lock.holderIsGone(localHost: "laptop") { _, _ in true })
        var terraform = Self.lock
        terraform.pid = nil
        #expect(!terraform.holderIsGone(localHost: "build-7") { _, _ in true })
    }

    @Test func forThisProcessRecordsWhoWhereAndWhen() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000.5)
        let lock = DynamoDBLock.forThisProcess(path: "b/k", operation: "apply", version: "1.0", now: now)
        #expect(lock.pid == Int(ProcessInfo.processInfo.processIdentifier))
        #expect(lock.host == DynamoDBLock.localHostName() && !(lock.host ?? "").isEmpty)
        #expect(lock.who.hasSuffix("@" + DynamoDBLock.localHostName()))
        #expect(lock.who.count > lock.host!.count + 1)
        #expect(lock.created == now)
        #expect(UUID(uuidString: lock.id) != nil && lock.id == lock.id.lowercased())
        #expect(lock.id != DynamoDBLock.forThisProcess(path: "b/k", operation: "apply", version: "1.0").id)
        #expect(lock.age(now: now.addingTimeInterval(90)) == 90)
        #expect(try DynamoDBLock(infoJSON: lock.infoJSON) == lock)
    }

    @Test func lockPathIsBucketSlashKey() {
        #expect(DynamoDBLockTable.lockPath(bucket: "pcplan-state", key: "env:/staging/app.state") == "pcplan-state/env:/staging/app.state")
    }

    // MARK: Timestamps

    @Test(arguments: [
        ("2024-05-01T09:30:12.123Z", 1_714_555_812_123),
        ("2024-05-01T09:30:12Z", 1_714_555_812_000),
        ("2024-05-01T09:30:12.1Z", 1_714_555_812_100),
        ("2024-05-01T09:30:12.123999999Z", 1_714_555_812_123),
        ("2024-05-01T11:30:12.123+02:00", 1_714_555_812_123),
        ("2024-05-01T04:00:12.123-05:30", 1_714_555_812_123),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ("1970-01-01T00:00:00Z", 0),
    ] as [(String, Int64)])
    func readsRFC3339(_ text: String, _ milliseconds: Int64) throws {
        let date = try #require(LockTimestamp.parse(text))
        #expect(LockTimestamp.milliseconds(date) == milliseconds)
    }

    @Test(arguments: [
        "", "2024-05-01", "2024-05-01T09:30:12", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T25:00:00Z",
        "2024-05-01T09:30:12.Z", "2024-05-01T09:30:12Zjunk", "2024-05-01T09:30:12+0200",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(LockTimestamp.parse(text) == nil)
    }

    @Test func formatsInUTCWithMilliseconds() {
        #expect(LockTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(LockTimestamp.format(Self.created) == "2024-05-01T09:30:12.123Z")
        #expect(LockTimestamp.format(Date(timeIntervalSince1970: 4_102_444_799.999)) == "2099-12-31T23:59:59.999Z")
        for milliseconds: Int64 in [0, 1, 999, 1_714_555_812_123, 4_102_444_799_999] {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(LockTimestamp.parse(LockTimestamp.format(date)).map(LockTimestamp.milliseconds) == milliseconds)
        }
    }
}
