import Foundation

/// The state file's schema and how files of older versions are brought up
/// to date.
///
/// The version lives in SQLite's `user_version` header field, and the file
/// is marked as ours with `application_id`, so both can be read without
/// touching any table. Each migration runs in the same transaction as the
/// version bump and a row in `schema_migrations` (history for people), so a
/// file is always exactly at one version. Migrations are append-only: a
/// released one is never edited.
enum StateSchema {
    /// "PCST" in ASCII: tells a pcplan state from any other SQLite file.
    static let applicationID: Int64 = 0x5043_5354

    struct Migration {
        var version: Int
        var sql: String
    }

    static let migrations: [Migration] = [
        // Timestamps are integer milliseconds since 1970 (UTC). JSON columns
        // are checked with json_valid so no malformed text is ever recorded.
        // Deposed objects live beside current ones: `deposed` is '' for the
        // current object and a key for each deposed one, so one table, one
        // statement set and one snapshot query serve both.
        Migration(version: 1, sql: """
            CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY,
                applied_at INTEGER NOT NULL,
                pcplan_version TEXT NOT NULL
            ) STRICT;
            CREATE TABLE state_metadata (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                lineage TEXT NOT NULL CHECK (length(lineage) > 0),
                serial INTEGER NOT NULL CHECK (serial >= 0),
                pcplan_version TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE resource_instances (
                id INTEGER PRIMARY KEY,
                address TEXT NOT NULL CHECK (length(address) > 0),
                deposed TEXT NOT NULL DEFAULT '',
                module TEXT NOT NULL DEFAULT '',
                mode TEXT NOT NULL CHECK (mode IN ('managed', 'data')),
                type TEXT NOT NULL CHECK (length(type) > 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                index_key TEXT NOT NULL DEFAULT 'null'
                    CHECK (json_valid(index_key) AND json_type(index_key) IN ('null', 'integer', 'text')),
                provider TEXT NOT NULL,
                attributes TEXT NOT NULL CHECK (json_valid(attributes)),
                sensitive_paths TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sensitive_paths)),
                dependencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dependencies)),
                schema_version INTEGER NOT NULL DEFAULT 0 CHECK (schema_version >= 0),
                status TEXT NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'tainted')),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (address, deposed)
            ) STRICT;
            CREATE TABLE outputs (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (json_valid(value)),
                type TEXT CHECK (type IS NULL OR json_valid(type)),
                sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
            ) STRICT;
            """),
        // Apply timings for the scheduler's critical path, and the lock:
        // a single row, so two holders cannot exist.
        Migration(version: 2, sql: """
            ALTER TABLE resource_instances ADD COLUMN last_apply_seconds REAL
                CHECK (last_apply_seconds IS NULL OR last_apply_seconds >= 0);
            CREATE TABLE state_lock (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                lock_id TEXT NOT NULL,
                operation TEXT NOT NULL,
                who TEXT NOT NULL,
                pid INTEGER NOT NULL,
                host TEXT NOT NULL,
                pcplan_version TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                path TEXT NOT NULL,
                info TEXT NOT NULL
            ) STRICT;
            """),
        // Intents: provider calls recorded before they are made, one per
        // object (the deposed key as in resource_instances). The lock learns
        // its holder's process start time, so a pid reused by another
        // process is not taken for the holder, and which stale lock it
        // replaced, so the takeover stays visible to anyone who looks.
        Migration(version: 3, sql: """
            CREATE TABLE intents (
                address TEXT NOT NULL CHECK (length(address) > 0),
                deposed TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL CHECK (action IN ('create', 'replace', 'delete')),
                provider TEXT NOT NULL,
                type TEXT NOT NULL CHECK (length(type) > 0),
                request TEXT NOT NULL CHECK (json_valid(request)),
                created_at INTEGER NOT NULL,
                pcplan_version TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (address, deposed)
            ) STRICT;
            ALTER TABLE state_lock ADD COLUMN pid_start_time INTEGER;
            ALTER TABLE state_lock ADD COLUMN replaced_lock_id TEXT;
            ALTER TABLE state_lock ADD COLUMN replaced_operation TEXT;
            ALTER TABLE state_lock ADD COLUMN replaced_who TEXT;
            ALTER TABLE state_lock ADD COLUMN replaced_pid INTEGER;
            ALTER TABLE state_lock ADD COLUMN replaced_created_at INTEGER;
            """),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// What a file turned out to be, read without writing anything.
    enum Kind: Equatable {
        /// An empty database: a new state is created in it.
        case empty
        /// A pcplan state at this schema version.
        case state(version: Int)
    }

    /// Reads the header fields and the table names. Throws `StateError` for
    /// anything that is not an empty database or a state this pcplan knows.
    static func inspect(_ db: Database, path: String) throws -> Kind {
        let applicationID: Int64, version: Int64, tables: [String]
        do {
            applicationID = try db.integerPragma("application_id")
            version = try db.integerPragma("user_version")
            tables = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.string(0) }
        } catch let error as SQLiteError {
            if error.isNotADatabase {
                throw StateError.notAState(path: path, reason: "the file is not an SQLite database")
            }
            throw StateError.notAState(path: path, reason: "the file cannot be read as a database (\(error.message))")
        }
        if applicationID == StateSchema.applicationID {
            if version > Int64(latestVersion) {
                throw StateError.newerSchema(path: path, found: Int(version), supported: latestVersion)
            }
            return version == 0 ? .empty : .state(version: Int(version))
        }
        if applicationID == 0, version == 0, tables.isEmpty {
            return .empty
        }
        let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
        let reason = applicationID != 0
            ? "it is an SQLite database of another application (application id \(applicationID))"
            : "it is an SQLite database of another application (tables: \(shown.isEmpty ? "none" : shown))"
        throw StateError.notAState(path: path, reason: reason)
    }

    /// Brings the schema up to `target` inside the caller's transaction.
    static func migrate(_ db: Database, from current: Int, to target: Int = latestVersion, pcplanVersion: String, now: Date) throws {
        if current == 0 {
            try db.setIntegerPragma("application_id", applicationID)
        }
        for migration in migrations where migration.version > current && migration.version <= target {
            try db.execute(migration.sql)
            try db.run(
                "INSERT INTO schema_migrations (version, applied_at, pcplan_version) VALUES (?, ?, ?)",
                [.integer(Int64(migration.version)), .integer(Timestamp.milliseconds(now)), .text(pcplanVersion)]
            )
            try db.setIntegerPragma("user_version", Int64(migration.version))
        }
    }
}
