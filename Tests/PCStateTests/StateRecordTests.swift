import Foundation
import Testing
@testable import PCState

/// What a commit records comes back from a snapshot exactly, and the serial
/// and lineage follow the rules.
@Suite struct StateRecordTests {
    static let full = ResourceInstanceRecord(
        address: #"module.app["a"].aws_ecs_service.this[0]"#,
        modulePath: #"module.app["a"]"#,
        mode: .managed,
        type: "aws_ecs_service",
        name: "this",
        indexKey: .int(0),
        provider: #"provider["aws"].west"#,
        attributesJSON: #"{"id":"svc-1","desired_count":3,"big":123456789012345678901234567890,"tags":{"Name":"ünï \"q\""},"list":[1,null,true]}"#,
        sensitivePathsJSON: #"[[{"type":"get_attr","value":"password"}]]"#,
        dependencies: [#"module.app["a"].aws_ecs_cluster.main"#, "aws_iam_role.task"],
        schemaVersion: 3,
        status: .tainted,
        createdAt: testDate(1_763_900_000_123),
        updatedAt: testDate(1_763_900_456_789),
        lastApplyDuration: 12.625
    )

    @Test func everyFieldOfAnInstanceRoundTrips() throws {
        try withStatePath { path in
            let state = try openState(path)
            let data = ResourceInstanceRecord(
                address: #"data.aws_ami.ubuntu["eu-west-1"]"#, mode: .data, type: "aws_ami", name: "ubuntu",
                indexKey: .string("eu-west-1"), provider: #"provider["aws"]"#, attributesJSON: "{}",
                createdAt: testDate(1_000), lastApplyDuration: nil
            )
            var deposed = Self.full
            deposed.deposedKey = "00a1b2c3"
            deposed.status = .ready
            deposed.lastApplyDuration = 0
            try state.commit([.upsertInstance(Self.full), .upsertInstance(data), .upsertInstance(deposed)])

            let snapshot = try openState(path).snapshot()
            #expect(snapshot.resources == [data, Self.full, deposed])
            #expect(snapshot.instance(Self.full.address) == Self.full)
            #expect(snapshot.resources[1].attributesJSON == Self.full.attributesJSON)
        }
    }

    @Test func newStateHasALineageAndSerialZero() throws {
        try withStatePath { path in
            let before = Date().addingTimeInterval(-1)
            let metadata = try openState(path, version: "1.2.3").metadata()
            #expect(metadata.serial == 0)
            #expect(UUID(uuidString: metadata.lineage) != nil)
            #expect(metadata.lineage == metadata.lineage.lowercased())
            #expect(metadata.pcplanVersion == "1.2.3")
            #expect(metadata.createdAt >= before && metadata.createdAt <= Date().addingTimeInterval(1))

            let other = try withStatePath { try openState($0).metadata().lineage }
            #expect(other != metadata.lineage)
        }
    }

    @Test func serialCountsCommitsThatChangeSomethingAndLineageStays() throws {
        try withStatePath { path in
            let state = try openState(path, version: "1.0.0")
            let lineage = try state.metadata().lineage
            #expect(try state.commit([.upsertInstance(record("pcplan_data.a"))]) == 1)
            #expect(try state.commit([.upsertInstance(record("pcplan_data.b"))]) == 2)
            // Nothing to do, or exactly what is recorded already: no new serial.
            #expect(try state.commit([]) == 2)
            #expect(try state.commit([.upsertInstance(record("pcplan_data.b"))]) == 2)
            #expect(try state.commit([.deleteInstance(address: "pcplan_data.nothing")]) == 2)
            #expect(try state.commit([.deleteOutput(name: "nothing")]) == 2)

            let reopened = try openState(path, version: "1.1.0")
            #expect(try reopened.commit([.upsertInstance(record("pcplan_data.b", attributes: #"{"id":"y"}"#))]) == 3)
            let metadata = try reopened.metadata()
            #expect(metadata.lineage == lineage)
            #expect(metadata.serial == 3)
            #expect(metadata.pcplanVersion == "1.1.0")
            let snapshot = try reopened.snapshot()
            #expect(snapshot.serial == 3 && snapshot.lineage == lineage && snapshot.pcplanVersion == "1.1.0")
        }
    }

    @Test func updateKeepsTheFirstCreationTime() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.commit([.upsertInstance(record("pcplan_data.a", at: 1_000))])
            var updated = record("pcplan_data.a", attributes: #"{"id":"new"}"#, at: 9_000)
            updated.lastApplyDuration = 1.5
            try state.commit([.upsertInstance(updated)])
            let stored = try #require(try state.snapshot().instance("pcplan_data.a"))
            #expect(stored.createdAt == testDate(1_000))
            #expect(stored.updatedAt == testDate(9_000))
            #expect(stored.attributesJSON == #"{"id":"new"}"#)
            #expect(stored.lastApplyDuration == 1.5)
        }
    }

    @Test func moveGivesANewIdentityAndKeepsEverythingElse() throws {
        try withStatePath { path in
            let state = try openState(path)
            var deposed = Self.full
            deposed.deposedKey = "deadbeef"
            try state.commit([.upsertInstance(Self.full), .upsertInstance(deposed)])
            let target = InstanceIdentity(
                address: #"module.web.aws_ecs_service.main["blue"]"#, modulePath: "module.web",
                type: "aws_ecs_service", name: "main", indexKey: .string("blue")
            )
            #expect(try state.commit([.moveInstance(from: Self.full.address, to: target)]) == 2)

            let snapshot = try state.snapshot()
            #expect(snapshot.resources.count == 2)
            #expect(snapshot.instance(Self.full.address) == nil)
            var expected = Self.full
            expected.identity = target
            var expectedDeposed = deposed
            expectedDeposed.identity = target
            #expect(snapshot.resources == [expected, expectedDeposed])
            // Moving onto itself changes nothing.
            #expect(try state.commit([.moveInstance(from: target.address, to: target)]) == 2)
        }
    }

    @Test func moveRefusesAMissingSourceAndATakenDestination() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.commit([.upsertInstance(record("pcplan_data.a")), .upsertInstance(record("pcplan_data.b"))])
            let b = InstanceIdentity(address: "pcplan_data.b", type: "pcplan_data", name: "b")
            #expect(throws: StateError.instanceExists(address: "pcplan_data.b")) {
                try state.commit([.moveInstance(from: "pcplan_data.a", to: b)])
            }
            #expect(throws: StateError.noSuchInstance(address: "pcplan_data.zz")) {
                try state.commit([.moveInstance(from: "pcplan_data.zz", to: b)])
            }
            #expect(try state.snapshot().resources.map(\.address) == ["pcplan_data.a", "pcplan_data.b"])
            #expect(try state.metadata().serial == 1)
        }
    }

    @Test func deposeThenDeleteTheOldObject() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.commit([.upsertInstance(record("pcplan_data.a", attributes: #"{"id":"old"}"#))])
            // create_before_destroy: the old object steps aside, the new one is created.
            try state.commit([
                .deposeInstance(address: "pcplan_data.a", deposedKey: "k1"),
                .upsertInstance(record("pcplan_data.a", attributes: #"{"id":"new"}"#)),
            ])
            var snapshot = try state.snapshot()
            #expect(snapshot.resources.map(\.deposedKey) == [nil, "k1"])
            #expect(snapshot.resources.map(\.attributesJSON) == [#"{"id":"new"}"#, #"{"id":"old"}"#])

            #expect(throws: StateError.deposedKeyExists(address: "pcplan_data.a", deposedKey: "k1")) {
                try state.commit([.deposeInstance(address: "pcplan_data.a", deposedKey: "k1")])
            }
            #expect(throws: StateError.noSuchInstance(address: "pcplan_data.none")) {
                try state.commit([.deposeInstance(address: "pcplan_data.none", deposedKey: "k2")])
            }

            try state.commit([.deleteObject(address: "pcplan_data.a", deposedKey: "k1")])
            snapshot = try state.snapshot()
            #expect(snapshot.resources.map(\.attributesJSON) == [#"{"id":"new"}"#])
            #expect(snapshot.serial == 3)
        }
    }

    @Test func deletesRemoveExactlyWhatTheyName() throws {
        try withStatePath { path in
            let state = try openState(path)
            var deposed = record("pcplan_data.a")
            deposed.deposedKey = "k"
            try state.commit([
                .upsertInstance(record("pcplan_data.a")), .upsertInstance(deposed),
                .upsertInstance(record("pcplan_data.b")), .upsertInstance(record("pcplan_data.c")),
            ])
            try state.commit([.deleteObject(address: "pcplan_data.a", deposedKey: nil)])
            #expect(try state.snapshot().resources.map { "\($0.address)/\($0.deposedKey ?? "")" }
                == ["pcplan_data.a/k", "pcplan_data.b/", "pcplan_data.c/"])
            try state.commit([.deleteInstance(address: "pcplan_data.a"), .deleteInstance(address: "pcplan_data.c")])
            #expect(try state.snapshot().resources.map(\.address) == ["pcplan_data.b"])
            #expect(try state.metadata().serial == 3)
        }
    }

    @Test func outputsAreSetReplacedAndDeleted() throws {
        try withStatePath { path in
            let state = try openState(path)
            let url = OutputRecord(name: "url", valueJSON: #""https://example.com""#, typeJSON: #""string""#)
            let secret = OutputRecord(name: "db_password", valueJSON: #""hunter2""#, sensitive: true)
            let ids = OutputRecord(name: "ids", valueJSON: #"["a","b"]"#, typeJSON: #"["list","string"]"#)
            try state.commit([.setOutput(url), .setOutput(secret), .setOutput(ids)])
            #expect(try state.snapshot().outputs == [secret, ids, url])

            let newURL = OutputRecord(name: "url", valueJSON: #""https://example.org""#, typeJSON: #""string""#)
            #expect(try state.commit([.setOutput(newURL), .deleteOutput(name: "ids")]) == 2)
            #expect(try state.commit([.setOutput(newURL)]) == 2)
            let snapshot = try openState(path).snapshot()
            #expect(snapshot.outputs == [secret, newURL])
            #expect(snapshot.output("url")?.valueJSON == #""https://example.org""#)
            #expect(snapshot.output("ids") == nil)
        }
    }

    @Test func commitsFromManyThreadsAreAllRecorded() throws {
        try withStatePath { path in
            let state = try openState(path)
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for i in 0..<25 {
                    _ = try? state.commit([.upsertInstance(record("pcplan_data.t\(thread)_\(i)"))])
                }
            }
            let snapshot = try state.snapshot()
            #expect(snapshot.resources.count == 200)
            #expect(snapshot.serial == 200)
        }
    }
}
