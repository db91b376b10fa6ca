import Foundation
import Testing
@testable import PCState

/// A state written by schema version 2 gains intents and the lock's
/// process start time, and keeps everything it had.
@Suite struct StateMigrationTests {
    @Test func migratesAVersion2State() throws {
        try withStatePath { path in
            let host = SQLiteStateBackend.hostName()
            do {
                // A state as the second schema wrote it, with a timed
                // instance and a lock left by a process that died.
                let db = try Database(path: path)
                try db.execute("PRAGMA journal_mode = WAL")
                try db.transaction {
                    try StateSchema.migrate(db, from: 0, to: 2, pcplanVersion: "0.2.0", now: testDate(5_000))
                    try db.execute("""
                        INSERT INTO state_metadata VALUES (1, 'a3c0e4f2-0000-4000-8000-000000000002', 3, '0.2.0', 5000);
                        INSERT INTO resource_instances (address, mode, type, name, provider, attributes,
                            created_at, updated_at, last_apply_seconds)
                        VALUES ('time_sleep.a', 'managed', 'time_sleep', 'a', 'provider["pcplan/builtin"]',
                            '{"id":"1"}', 5000, 6000, 2.5);
                        """)
                    try db.run(
                        """
                        INSERT INTO state_lock VALUES (1, 'c5a1d7e0-0000-4000-8000-000000000009', 'apply', 'bob@\(host)',
                            \(Int32.max), ?, '0.2.0', 7000, ?, '')
                        """,
                        [.text(host), .text(path)]
                    )
                }
                #expect(try db.integerPragma("user_version") == 2)
            }

            let state = try openState(path, version: "0.3.0")
            let snapshot = try state.snapshot()
            #expect(snapshot.serial == 3)
            #expect(snapshot.instance("time_sleep.a")?.lastApplyDuration == 2.5)
            #expect(snapshot.pendingIntents.isEmpty)
            #expect(try state.averageApplyDurations() == ["time_sleep": 2.5])

            // The old lock reads back without a start time and, its holder
            // being gone, is taken over.
            let old = try #require(try state.currentLock())
            #expect(old.id == "c5a1d7e0-0000-4000-8000-000000000009")
            #expect(old.processStartTime == nil && old.replacedStaleLock == nil)
            let lock = try state.lock(operation: "apply", info: "", timeout: 0)
            #expect(lock.replacedStaleLock?.id == old.id)

            try state.recordIntent(ApplyIntent(
                address: "time_sleep.b", action: .create, provider: #"provider["pcplan/builtin"]"#, type: "time_sleep",
                requestJSON: "{}", runID: "r"
            ))
            #expect(try openState(path).intents().map(\.address) == ["time_sleep.b"])

            let db = try Database(path: path)
            #expect(try db.integerPragma("user_version") == 3)
            #expect(try db.query("SELECT version, pcplan_version FROM schema_migrations ORDER BY version") {
                "\($0.int(0)):\($0.string(1))"
            } == ["1:0.2.0", "2:0.2.0", "3:0.3.0"])
        }
    }
}
