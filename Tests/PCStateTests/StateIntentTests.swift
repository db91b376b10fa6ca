import Foundation
import Testing
@testable import PCState

/// Intents: recorded durably before a provider call, cleared atomically
/// with the commit that records the result, visible to the next run.
@Suite struct StateIntentTests {
    static func intent(
        _ address: String, deposedKey: String? = nil, action: IntentAction = .create,
        request: String = #"{"name":"bucket-1","tags":{"pcplan:address":"aws_s3_bucket.a"}}"#, at milliseconds: Int64 = 1_763_900_000_123
    ) -> ApplyIntent {
        ApplyIntent(
            address: address, deposedKey: deposedKey, action: action, provider: #"provider["aws"]"#, type: "aws_s3_bucket",
            requestJSON: request, createdAt: testDate(milliseconds), pcplanVersion: "ignored", runID: "run-1"
        )
    }

    @Test func recordedIntentSurvivesReopening() throws {
        try withStatePath { path in
            let written = Self.intent("aws_s3_bucket.a")
            do {
                let state = try openState(path, version: "1.2.3")
                try state.recordIntent(written)
                // Another connection sees it at once: it is committed.
                #expect(try openState(path).intents().map(\.address) == ["aws_s3_bucket.a"])
            }
            var expected = written
            expected.pcplanVersion = "1.2.3"
            let reopened = try openState(path)
            #expect(try reopened.intents() == [expected])
            #expect(try reopened.snapshot().pendingIntents == [expected])
        }
    }

    @Test func intentsAreSortedAndKeyedByObject() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.recordIntent(Self.intent("b.x"))
            try state.recordIntent(Self.intent("a.x", deposedKey: "d1", action: .delete))
            try state.recordIntent(Self.intent("a.x", action: .replace))
            try state.recordIntent(Self.intent("a.x", action: .replace, request: #"{"name":"second"}"#))
            let intents = try state.intents()
            #expect(intents.map(\.key) == [IntentKey(address: "a.x"), IntentKey(address: "a.x", deposedKey: "d1"), IntentKey(address: "b.x")])
            #expect(intents.map(\.action) == [.replace, .delete, .create])
            #expect(intents[0].requestJSON == #"{"name":"second"}"#)
            // Intents are not state: the serial stays.
            #expect(try state.metadata().serial == 0)

            try state.clearIntent(address: "a.x", deposedKey: nil)
            try state.clearIntent(address: "nothing.here", deposedKey: nil)
            #expect(try state.intents().map(\.key) == [IntentKey(address: "a.x", deposedKey: "d1"), IntentKey(address: "b.x")])
            try state.clearIntent(address: "a.x", deposedKey: "d1")
            #expect(try state.intents().map(\.address) == ["b.x"])
            #expect(try state.metadata().serial == 0)
        }
    }

    @Test func invalidRequestIsRefused() throws {
        try withStatePath { path in
            let state = try openState(path)
            #expect {
                try state.recordIntent(Self.intent("a.x", request: #"{"name": oops"#))
            } throws: { error in
                (error as? SQLiteError)?.isConstraintViolation == true
            }
            #expect(try state.intents().isEmpty)
        }
    }

    @Test func commitClearsTheIntentOfTheRecordedResult() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.recordIntent(Self.intent("aws_s3_bucket.a"))
            try state.recordIntent(Self.intent("aws_s3_bucket.b"))
            let serial = try state.commit(
                [.upsertInstance(record("aws_s3_bucket.a", type: "aws_s3_bucket"))],
                clearingIntents: [IntentKey(address: "aws_s3_bucket.a")]
            )
            #expect(serial == 1)
            let after = try openState(path).snapshot()
            #expect(after.instance("aws_s3_bucket.a") != nil)
            #expect(after.pendingIntents.map(\.address) == ["aws_s3_bucket.b"])

            // Clearing alone (the call failed, nothing was created) keeps the serial.
            #expect(try state.commit([], clearingIntents: [IntentKey(address: "aws_s3_bucket.b")]) == 1)
            #expect(try state.intents().isEmpty)
        }
    }

    @Test func failingCommitKeepsTheIntent() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.commit([.upsertInstance(record("pcplan_data.base"))])
            try state.recordIntent(Self.intent("aws_s3_bucket.a"))
            let before = try state.snapshot()
            #expect {
                try state.commit(
                    [.upsertInstance(record("aws_s3_bucket.a", type: "aws_s3_bucket")),
                     .moveInstance(from: "pcplan_data.missing", to: InstanceIdentity(address: "pcplan_data.m", type: "pcplan_data", name: "m"))],
                    clearingIntents: [IntentKey(address: "aws_s3_bucket.a")]
                )
            } throws: { error in
                error as? StateError == .noSuchInstance(address: "pcplan_data.missing")
            }
            #expect(try state.snapshot() == before)
            #expect(try openState(path).intents().map(\.address) == ["aws_s3_bucket.a"])
        }
    }

    @Test func pullJSONListsPendingIntentsOnlyWhenThereAreSome() throws {
        try withStatePath { path in
            let state = try openState(path, version: "0.3.0")
            try state.commit([.upsertInstance(record("pcplan_data.a"))])
            let without = try state.pullJSON()
            #expect(!without.contains("pending_intents"))

            try state.recordIntent(Self.intent("aws_s3_bucket.a", deposedKey: "d1", action: .delete, request: #"{"name":"b","n":1.50}"#, at: 0))
            let with = try state.pullJSON()
            let document = try #require(try JSONSerialization.jsonObject(with: Data(with.utf8)) as? [String: Any])
            let pending = try #require(document["pending_intents"] as? [[String: Any]])
            #expect(pending.count == 1)
            let entry = try #require(pending.first)
            #expect(entry["address"] as? String == "aws_s3_bucket.a")
            #expect(entry["deposed"] as? String == "d1")
            #expect(entry["action"] as? String == "delete")
            #expect(entry["provider"] as? String == #"provider["aws"]"#)
            #expect(entry["type"] as? String == "aws_s3_bucket")
            #expect(entry["created_at"] as? String == "1970-01-01T00:00:00Z")
            #expect(entry["pcplan_version"] as? String == "0.3.0")
            #expect(entry["run_id"] as? String == "run-1")
            #expect((entry["request"] as? [String: Any])?["name"] as? String == "b")
            // The request is embedded as JSON, its numbers as written.
            #expect(with.contains(#""n": 1.50"#))
            #expect(document["resources"] != nil && document["serial"] as? Int == 1)

            try state.clearIntent(address: "aws_s3_bucket.a", deposedKey: "d1")
            #expect(try state.pullJSON() == without)
        }
    }

    @Test func averageApplyDurationsByType() throws {
        try withStatePath { path in
            let state = try openState(path)
            #expect(try state.averageApplyDurations().isEmpty)
            func timed(_ address: String, type: String, _ seconds: Double?, deposed: String? = nil, mode: ResourceMode = .managed) -> StateChange {
                var object = record(address, type: type)
                object.lastApplyDuration = seconds
                object.deposedKey = deposed
                object.mode = mode
                return .upsertInstance(object)
            }
            try state.commit([
                timed("time_sleep.a", type: "time_sleep", 1),
                timed("time_sleep.b", type: "time_sleep", 4),
                timed("time_sleep.b", type: "time_sleep", 7, deposed: "d1"),
                timed("time_sleep.c", type: "time_sleep", nil),
                timed("local_file.a", type: "local_file", 0.25),
                timed("pcplan_data.a", type: "pcplan_data", nil),
                timed("data.local_file.a", type: "local_file", 100, mode: .data),
            ])
            #expect(try state.averageApplyDurations() == ["time_sleep": 4, "local_file": 0.25])
        }
    }
}
