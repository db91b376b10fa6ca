import Foundation
import Testing
@testable import PCState

/// Opening files: creation, migration of older schemas, refusal of anything
/// else without touching it, and commits that fail leaving nothing behind.
@Suite struct StateFileTests {
    @Test func migratesAVersion1State() throws {
        try withStatePath { path in
            do {
                // A state as the first schema wrote it, with one instance.
                let db = try Database(path: path)
                try db.execute("PRAGMA journal_mode = WAL")
                try db.transaction {
                    try StateSchema.migrate(db, from: 0, to: 1, pcplanVersion: "0.1.0", now: testDate(5_000))
                    try db.execute("""
                        INSERT INTO state_metadata VALUES (1, 'a3c0e4f2-0000-4000-8000-000000000001', 7, '0.1.0', 5000);
                        INSERT INTO resource_instances (address, mode, type, name, index_key, provider, attributes,
                            dependencies, schema_version, status, created_at, updated_at)
                        VALUES ('pcplan_data.old[1]', 'managed', 'pcplan_data', 'old', '1', 'provider["pcplan/builtin"]',
                            '{"id":"1"}', '["pcplan_data.base"]', 0, 'ready', 5000, 6000);
                        """)
                }
                #expect(try db.integerPragma("user_version") == 1)
            }

            let state = try openState(path, version: "0.2.0")
            let snapshot = try state.snapshot()
            #expect(snapshot.lineage == "a3c0e4f2-0000-4000-8000-000000000001")
            #expect(snapshot.serial == 7)
            let old = try #require(snapshot.instance("pcplan_data.old[1]"))
            #expect(old.indexKey == .int(1))
            #expect(old.dependencies == ["pcplan_data.base"])
            #expect(old.lastApplyDuration == nil)
            #expect(old.updatedAt == testDate(6_000))

            // What version 2 added works.
            var timed = old
            timed.lastApplyDuration = 2.5
            #expect(try state.commit([.upsertInstance(timed)]) == 8)
            let lock = try state.lock(operation: "plan", info: "", timeout: 0)
            try state.unlock(id: lock.id)

            let db = try Database(path: path)
            #expect(try db.integerPragma("user_version") == Int64(SQLiteStateBackend.schemaVersion))
            #expect(try db.query("SELECT version, pcplan_version FROM schema_migrations ORDER BY version") {
                "\($0.int(0)):\($0.string(1))"
            } == ["1:0.1.0", "2:0.2.0", "3:0.2.0"])
        }
    }

    @Test func reopeningKeepsTheFileAsItWas() throws {
        try withStatePath { path in
            let lineage = try openState(path).metadata().lineage
            let again = try openState(path)
            #expect(try again.metadata().lineage == lineage)
            let db = try Database(path: path)
            #expect(try db.first("PRAGMA journal_mode") { $0.string(0) } == "wal")
            #expect(try db.integerPragma("application_id") == StateSchema.applicationID)
        }
    }

    @Test func emptyFileBecomesANewState() throws {
        try withStatePath { path in
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            let state = try openState(path)
            #expect(try state.metadata().serial == 0)
            #expect(try state.commit([.upsertInstance(record("pcplan_data.a"))]) == 1)
        }
    }

    @Test func randomBytesAreRefusedUntouched() throws {
        try withStatePath { path in
            var generator = SystemRandomNumberGenerator()
            let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(throws: StateError.notAState(path: path, reason: "the file is not an SQLite database")) {
                try openState(path)
            }
            #expect(try fileBytes(path) == bytes)
        }
    }

    @Test func textFileIsRefusedUntouched() throws {
        try withStatePath { path in
            let text = Data(#"{"version": 4, "serial": 1}"#.utf8)
            try text.write(to: URL(fileURLWithPath: path))
            #expect(throws: StateError.self) { try openState(path) }
            #expect(try fileBytes(path) == text)
        }
    }

    @Test func foreignSQLiteDatabaseIsRefusedUntouched() throws {
        try withStatePath { path in
            do {
                let db = try Database(path: path)
                try db.execute("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ann')")
            }
            let before = try fileBytes(path)
            do {
                _ = try openState(path)
                Issue.record("a foreign database was opened as a state")
            } catch let error as StateError {
                guard case .notAState(_, let reason) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(reason.contains("another application"))
                #expect(reason.contains("users"))
                #expect(error.description.contains("left untouched"))
            }
            #expect(try fileBytes(path) == before)
        }
    }

    @Test func newerSchemaIsRefusedUntouched() throws {
        try withStatePath { path in
            try openState(path).commit([.upsertInstance(record("pcplan_data.a"))])
            do {
                let db = try Database(path: path)
                try db.setIntegerPragma("user_version", 99)
            }
            let before = try fileBytes(path)
            #expect(throws: StateError.newerSchema(path: path, found: 99, supported: SQLiteStateBackend.schemaVersion)) {
                try openState(path)
            }
            #expect(try fileBytes(path) == before)
        }
    }

    @Test func missingStateIsReportedWhenNotCreating() throws {
        try withStatePath { path in
            #expect(throws: StateError.stateNotFound(path: path)) {
                try SQLiteStateBackend(path: path, pcplanVersion: testVersion, create: false)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func unopenablePathIsReported() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing/pcplan.state.db").path
            do {
                _ = try openState(path)
                Issue.record("opened a state in a missing directory")
            } catch let error as StateError {
                guard case .cannotOpen(let reported, _) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(reported == path)
            }
        }
    }

    @Test func failingChangeSetLeavesThePreviousStateIntact() throws {
        try withStatePath { path in
            let state = try openState(path)
            try state.commit([
                .upsertInstance(record("pcplan_data.a")), .upsertInstance(record("pcplan_data.b")),
                .setOutput(OutputRecord(name: "o", valueJSON: "1")),
            ])
            let before = try state.snapshot()

            // Half-way failure from a CHECK constraint: attributes must be JSON.
            do {
                try state.commit([
                    .upsertInstance(record("pcplan_data.a", attributes: #"{"id":"changed"}"#)),
                    .deleteInstance(address: "pcplan_data.b"),
                    .setOutput(OutputRecord(name: "o", valueJSON: "2")),
                    .upsertInstance(record("pcplan_data.c", attributes: #"{"id": oops"#)),
                    .upsertInstance(record("pcplan_data.d")),
                ])
                Issue.record("invalid attributes were committed")
            } catch let error as SQLiteError {
                #expect(error.isConstraintViolation)
            }
            #expect(try state.snapshot() == before)

            // Half-way failure from a move onto an address that is taken.
            #expect(throws: StateError.instanceExists(address: "pcplan_data.b")) {
                try state.commit([
                    .upsertInstance(record("pcplan_data.e")),
                    .moveInstance(from: "pcplan_data.a", to: InstanceIdentity(address: "pcplan_data.b", type: "pcplan_data", name: "b")),
                ])
            }
            #expect(try state.snapshot() == before)
            #expect(try openState(path).snapshot() == before)
            #expect(before.serial == 1)

            // The backend still works afterwards.
            #expect(try state.commit([.upsertInstance(record("pcplan_data.f"))]) == 2)
        }
    }
}
