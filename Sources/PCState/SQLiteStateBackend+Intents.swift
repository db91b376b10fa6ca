import Foundation

/// Intents and apply timings in the SQLite file. Each intent is one row,
/// written in its own transaction with a full sync, so it is on disk before
/// the provider is called.
extension SQLiteStateBackend {
    public func recordIntent(_ intent: ApplyIntent) throws {
        _ = try groupCommit(.intent(intent))
    }

    /// Writes an intent row; the caller holds `mutex` inside a transaction.
    func insertIntent(_ intent: ApplyIntent) throws {
        try db.transaction {
            _ = try db.run(
                """
                INSERT INTO intents (address, deposed, action, provider, type, request, created_at, pcplan_version, run_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (address, deposed) DO UPDATE SET
                    action = excluded.action, provider = excluded.provider, type = excluded.type,
                    request = excluded.request, created_at = excluded.created_at,
                    pcplan_version = excluded.pcplan_version, run_id = excluded.run_id
                """,
                [.text(intent.address), .text(intent.deposedKey ?? ""), .text(intent.action.rawValue),
                 .text(intent.provider), .text(intent.type), .text(intent.requestJSON),
                 .integer(Timestamp.milliseconds(intent.createdAt)), .text(pcplanVersion), .text(intent.runID)]
            )
        }
    }

    public func clearIntent(address: String, deposedKey: String?) throws {
        mutex.lock()
        defer { mutex.unlock() }
        try db.transaction {
            try deleteIntent(IntentKey(address: address, deposedKey: deposedKey))
        }
    }

    public func intents() throws -> [ApplyIntent] {
        mutex.lock()
        defer { mutex.unlock() }
        return try readIntents()
    }

    public func averageApplyDurations() throws -> [String: Double] {
        mutex.lock()
        defer { mutex.unlock() }
        let rows = try db.query(
            """
            SELECT type, avg(last_apply_seconds) FROM resource_instances
            WHERE mode = 'managed' AND last_apply_seconds IS NOT NULL GROUP BY type
            """
        ) { ($0.string(0), $0.double(1)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Inside a transaction

    func deleteIntent(_ key: IntentKey) throws {
        try db.run("DELETE FROM intents WHERE address = ? AND deposed = ?", [.text(key.address), .text(key.deposedKey ?? "")])
    }

    func readIntents() throws -> [ApplyIntent] {
        try db.query(
            """
            SELECT address, deposed, action, provider, type, request, created_at, pcplan_version, run_id
            FROM intents ORDER BY address, deposed
            """
        ) { row in
            let address = row.string(0)
            let deposed = row.string(1)
            guard let action = IntentAction(rawValue: row.string(2)) else {
                throw StateError.invalidRecord(address: address, reason: "unknown intent action \(row.string(2))")
            }
            return ApplyIntent(
                address: address, deposedKey: deposed.isEmpty ? nil : deposed, action: action,
                provider: row.string(3), type: row.string(4), requestJSON: row.string(5),
                createdAt: Timestamp.date(row.int64(6)), pcplanVersion: row.string(7), runID: row.string(8)
            )
        }
    }
}
