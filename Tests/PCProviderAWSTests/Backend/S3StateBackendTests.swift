import Foundation
import PCAWS
import PCHTTP
import PCState
import PCStateS3
import Testing

/// The S3 state backend against moto with signatures checked: writes are
/// journal objects read back exactly, compaction leaves one snapshot, two
/// writers cannot both take an entry, the lock is DynamoDB's, and bad
/// objects are refused without being changed.
@Suite(.serialized, .motoServer)
struct S3StateBackendTests {
    static let bucket = "pcplan-state"
    static let table = "pcplan-locks"

    /// A client for S3 and DynamoDB at the suite's moto, with the bucket
    /// and the lock table made.
    private func prepared() throws -> (MotoServer, AWSClient) {
        let moto = try MotoServer.forTest()
        var options = HTTPClientOptions()
        options.proxy = .none
        let key = moto.credentials
        let aws = AWSClient(
            credentials: AWSCredentials(accessKeyID: key.accessKeyID, secretAccessKey: key.secretAccessKey, source: "the test harness"),
            region: "us-east-1",
            endpointOverrides: [AWSService.s3.endpointKey: moto.endpoint, AWSService.dynamoDB.endpointKey: moto.endpoint],
            http: HTTPClient(options: options), retry: ProviderFixture.quickRetries)
        _ = try S3Client(aws).createBucket(Self.bucket)
        _ = try aws.dynamoDB.createTable(Self.table, hashKey: "LockID")
        return (moto, aws)
    }

    private func open(_ aws: AWSClient, key: String = "prod/pcplan.state", locks: Bool = true) throws -> S3StateBackend {
        try S3StateBackend(
            settings: S3BackendSettings(bucket: Self.bucket, key: key, lockTable: locks ? Self.table : nil, encryption: .aes256),
            aws: aws, pcplanVersion: "test")
    }

    private func record(_ address: String, _ id: String) -> ResourceInstanceRecord {
        ResourceInstanceRecord(
            address: address, type: "pcplan_data", name: String(address.split(separator: ".").last!),
            provider: #"provider["pcplan/builtin"]"#, attributesJSON: #"{"id":"\#(id)"}"#,
            createdAt: Date(timeIntervalSince1970: 1_763_900_000))
    }

    /// Every object in the bucket (moto cannot check the signature of a
    /// listing whose prefix holds a slash, so none is given).
    private func keys(_ aws: AWSClient) throws -> [String] {
        try S3Client(aws).listObjects(Self.bucket)
    }

    @Test func everyWriteIsOneJournalObjectAndReadsBackWhole() throws {
        let (_, aws) = try prepared()
        let state = try open(aws)
        #expect(try state.snapshot().resources.isEmpty)
        let lock = try state.lock(operation: "apply", info: "", timeout: 0)
        try state.recordIntent(ApplyIntent(
            address: "pcplan_data.a", action: .create, provider: "p", type: "pcplan_data", requestJSON: "{}", runID: "r"))
        try state.commit([.upsertInstance(record("pcplan_data.a", "one"))], clearingIntents: [IntentKey(address: "pcplan_data.a")])
        try state.commit([.upsertInstance(record("pcplan_data.b", "two"))])
        // Three writes, three objects, nothing else yet.
        #expect(try keys(aws) == [
            "prod/pcplan.state.d/journal/000000000001", "prod/pcplan.state.d/journal/000000000002",
            "prod/pcplan.state.d/journal/000000000003",
        ])
        // Another reader sees every write before any compaction.
        let reader = try open(aws)
        #expect(try reader.snapshot().resources.map(\.address) == ["pcplan_data.a", "pcplan_data.b"])
        #expect(try reader.snapshot().serial == 2)
        #expect(try reader.intents().isEmpty)

        // Releasing the lock compacts: a head, one snapshot, no journal.
        try state.unlock(id: lock.id)
        #expect(try keys(aws) == ["prod/pcplan.state", "prod/pcplan.state.d/snapshot-3.db"])
        let after = try open(aws)
        #expect(try after.snapshot() == (try state.snapshot()))
        #expect(try after.currentLock() == nil)
    }

    @Test func aSecondWriterCannotTakeAnEntryTheFirstWrote() throws {
        let (_, aws) = try prepared()
        let first = try open(aws, locks: false)
        let second = try open(aws, locks: false)
        try first.commit([.upsertInstance(record("pcplan_data.a", "first"))])
        #expect {
            try second.commit([.upsertInstance(record("pcplan_data.a", "second"))])
        } throws: { error in
            "\(error)".contains("Another run wrote to the state") && "\(error)".contains("entry 1")
        }
        // The loser stops writing; the winner's record is what a reader sees.
        #expect(throws: S3StateError.self) { try second.commit([.deleteOutput(name: "x")]) }
        let reader = try open(aws, locks: false)
        #expect(try reader.snapshot().resources.first?.attributesJSON == #"{"id":"first"}"#)
    }

    @Test func theLockNamesItsHolderAndForceUnlockClearsIt() throws {
        let (_, aws) = try prepared()
        let holder = try open(aws)
        let taken = try holder.lock(operation: "apply", info: "", timeout: 0)
        let other = try open(aws)
        #expect {
            try other.lock(operation: "plan", info: "", timeout: 0)
        } throws: { error in
            guard case StateError.locked(let lock, _, _) = error else { return false }
            return lock.id == taken.id && lock.operation == "apply" && lock.pid == Int(getpid())
        }
        #expect(try other.currentLock()?.id == taken.id)
        try other.forceUnlock(id: taken.id)
        #expect(try other.currentLock() == nil)
        let mine = try other.lock(operation: "apply", info: "", timeout: 0)
        try other.unlock(id: mine.id)
    }

    @Test func writesAfterTheLockAreReadWhenItIsTaken() throws {
        let (_, aws) = try prepared()
        let early = try open(aws)
        let writer = try open(aws)
        let lock = try writer.lock(operation: "apply", info: "", timeout: 0)
        try writer.commit([.upsertInstance(record("pcplan_data.late", "x"))])
        try writer.unlock(id: lock.id)
        // `early` read the state before those writes; taking the lock
        // brings it up to date before it can write anything.
        #expect(try early.snapshot().resources.isEmpty)
        let mine = try early.lock(operation: "apply", info: "", timeout: 0)
        #expect(try early.snapshot().resources.map(\.address) == ["pcplan_data.late"])
        try early.commit([.deleteInstance(address: "pcplan_data.late")])
        try early.unlock(id: mine.id)
        #expect(try open(aws).snapshot().resources.isEmpty)
    }

    @Test func objectsAreEncryptedWhenAsked() throws {
        let (_, aws) = try prepared()
        let state = try open(aws)
        let lock = try state.lock(operation: "apply", info: "", timeout: 0)
        try state.commit([.upsertInstance(record("pcplan_data.a", "one"))])
        try state.unlock(id: lock.id)
        for key in try keys(aws) {
            let metadata = try #require(try S3Client(aws).headObject(Self.bucket, key))
            #expect(metadata.serverSideEncryption == "AES256", "\(key)")
        }
    }

    @Test(arguments: [
        ("{\"format\": 9, \"sequence\": 1, \"snapshot\": \"x\", \"writer\": \"future\"}", "written by a newer pcplan"),
        ("{\"version\": 4, \"terraform_version\": \"1.11.4\"}", "not a pcplan state head"),
        ("{\"format\": 1, \"seq", "not a pcplan state head"),
    ])
    func aBadHeadIsRefusedAndLeftAlone(text: String, message: String) throws {
        let (_, aws) = try prepared()
        try S3Client(aws).putObject(Self.bucket, "prod/pcplan.state", Array(text.utf8))
        #expect {
            try open(aws)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("Nothing was changed")
        }
        #expect(try S3Client(aws).getObject(Self.bucket, "prod/pcplan.state")?.bytes == Array(text.utf8))
    }

    @Test func aMissingJournalEntryIsReportedNotSkipped() throws {
        let (_, aws) = try prepared()
        let state = try open(aws, locks: false)
        for name in ["a", "b", "c"] {
            try state.commit([.upsertInstance(record("pcplan_data.\(name)", name))])
        }
        try S3Client(aws).deleteObject(Self.bucket, "prod/pcplan.state.d/journal/000000000002")
        #expect {
            try open(aws, locks: false)
        } throws: { error in
            "\(error)".contains("journal entry 2 is missing")
        }
    }
}
