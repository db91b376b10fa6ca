import Foundation
import Testing
@testable import PCState

/// The journal a shared backend keeps: every write encodes, decodes to
/// itself, and replays into a state exactly as the original calls did.
@Suite struct StateJournalTests {
    static let intent = ApplyIntent(
        address: "aws_ecs_service.web", action: .create, provider: #"provider["hashicorp/aws"]"#,
        type: "aws_ecs_service", requestJSON: #"{"name":"web"}"#, createdAt: testDate(1_763_900_000_123),
        pcplanVersion: testVersion, runID: "run-1")

    /// One entry of each kind, with every kind of change and key.
    static let entries: [StateJournalEntry] = [
        .recordIntent(intent),
        .commit([
            .upsertInstance(record("aws_ecs_service.web", type: "aws_ecs_service", attributes: #"{"id":"arn:1","name":"web"}"#)),
            .upsertInstance(record("pcplan_data.list[0]", name: "list", index: .int(0))),
            .upsertInstance(record("pcplan_data.map[\"a b\"]", name: "map", index: .string("a b"))),
            .setOutput(OutputRecord(name: "token", valueJSON: #""s3cret""#, typeJSON: #""string""#, sensitive: true)),
        ], clearingIntents: [IntentKey(address: "aws_ecs_service.web")]),
        .commit([
            .deposeInstance(address: "pcplan_data.list[0]", deposedKey: "0000abcd"),
            .deleteObject(address: "pcplan_data.list[0]", deposedKey: "0000abcd"),
            .moveInstance(from: "pcplan_data.map[\"a b\"]", to: InstanceIdentity(
                address: "pcplan_data.renamed", modulePath: "", mode: .managed, type: "pcplan_data", name: "renamed", indexKey: nil)),
            .deleteOutput(name: "token"),
        ], clearingIntents: []),
        .recordIntent(ApplyIntent(
            address: "pcplan_data.gone", action: .delete, provider: #"provider["pcplan/builtin"]"#, type: "pcplan_data",
            requestJSON: "{}", createdAt: testDate(1_763_900_001_000), runID: "run-1")),
        .clearIntent(IntentKey(address: "pcplan_data.gone")),
        .commit([.deleteInstance(address: "pcplan_data.renamed")], clearingIntents: []),
    ]

    @Test(arguments: entries.indices)
    func anEntryDecodesToItself(_ index: Int) throws {
        let entry = Self.entries[index]
        let bytes = try StateJournalEntry.encoded([entry])
        #expect(try StateJournalEntry.decode(bytes, source: "entry \(index)") == [entry])
        #expect(try StateJournalEntry.encoded([entry]) == bytes, "the same entry must encode to the same bytes")
    }

    @Test func aBatchKeepsItsOrder() throws {
        let bytes = try StateJournalEntry.encoded(Self.entries)
        #expect(try StateJournalEntry.decode(bytes, source: "batch") == Self.entries)
    }

    @Test func replayingTheEntriesBuildsTheSameState() throws {
        try withTemporaryDirectory { directory in
            let direct = try openState(directory.appendingPathComponent("direct.db").path)
            let replayed = try openState(directory.appendingPathComponent("replayed.db").path)
            for entry in Self.entries {
                try direct.replay(entry)
                for decoded in try StateJournalEntry.decode(try StateJournalEntry.encoded([entry]), source: "test") {
                    try replayed.replay(decoded)
                }
                var expected = try direct.snapshot()
                var actual = try replayed.snapshot()
                // Two states, two lineages; everything else must agree.
                expected.lineage = ""
                actual.lineage = ""
                #expect(actual == expected)
            }
            #expect(try replayed.snapshot().serial == 3)
            #expect(try replayed.intents().isEmpty)
        }
    }

    @Test func aNewerFormatIsRefusedWithTheWayOut() throws {
        let text = #"{"entries":[{"clearIntent":{"_0":{"address":"x"}}}],"format":2}"#
        #expect {
            try StateJournalEntry.decode(Array(text.utf8), source: "prod/state.journal/7")
        } throws: { error in
            let message = "\(error)"
            return message.contains("prod/state.journal/7") && message.contains("newer pcplan") && message.contains("Upgrade pcplan")
        }
    }

    @Test(arguments: ["", "{", #"{"format":1}"#, #"{"format":1,"entries":[{"explode":{}}]}"#, "[1,2]"])
    func damagedEntriesAreErrorsNotCrashes(_ text: String) {
        #expect(throws: StateError.self) {
            try StateJournalEntry.decode(Array(text.utf8), source: "entry")
        }
    }
}
