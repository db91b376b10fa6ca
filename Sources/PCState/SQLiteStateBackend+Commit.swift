import Foundation

extension SQLiteStateBackend {
    /// Applies the whole change set in one transaction; any failure rolls
    /// all of it back, leaving the previous records and serial as they were.
    @discardableResult
    public func commit(_ changes: ChangeSet) throws -> Int {
        try commit(changes, clearingIntents: [])
    }

    /// Applies the change set and clears the intents in one transaction:
    /// either the result is recorded and its intents are gone, or nothing
    /// changed and the intents are still there. Clearing an intent that is
    /// not there does nothing; clearing intents alone does not change the
    /// serial (intents are a journal of calls in flight, not state).
    @discardableResult
    public func commit(_ changes: ChangeSet, clearingIntents intents: [IntentKey]) throws -> Int {
        if changes.isEmpty, intents.isEmpty {
            mutex.lock()
            defer { mutex.unlock() }
            return try readMetadata().serial
        }
        return try groupCommit(.changes(changes, clearing: intents))
    }

    /// One change set with its intents cleared, inside the transaction the
    /// caller holds (with `mutex`): the body of a group commit's savepoint.
    func applyChanges(_ changes: ChangeSet, clearingIntents intents: [IntentKey]) throws -> Int {
        try db.transaction {
            var changed = false
            if !changes.isEmpty {
                // Fetched once: looking the long upsert SQL up in the cache
                // for every row would hash it ten thousand times in a big
                // commit.
                let upsert = try db.statement(Self.upsertSQL)
                for change in changes.changes {
                    if try apply(change, upsert: upsert) { changed = true }
                }
            }
            for key in intents {
                try deleteIntent(key)
            }
            let serial = try readMetadata().serial
            guard changed else { return serial }
            try db.run(
                "UPDATE state_metadata SET serial = serial + 1, pcplan_version = ? WHERE id = 1",
                [.text(pcplanVersion)]
            )
            return serial + 1
        }
    }

    /// Applies one change; true when it changed anything.
    private func apply(_ change: StateChange, upsert statement: Statement) throws -> Bool {
        switch change {
        case .upsertInstance(let record):
            return try upsert(record, with: statement)
        case .deleteInstance(let address):
            return try db.run("DELETE FROM resource_instances WHERE address = ?", [.text(address)]) > 0
        case let .deleteObject(address, deposedKey):
            return try db.run(
                "DELETE FROM resource_instances WHERE address = ? AND deposed = ?",
                [.text(address), .text(deposedKey ?? "")]
            ) > 0
        case let .moveInstance(from, to):
            return try move(from: from, to: to)
        case let .deposeInstance(address, deposedKey):
            return try depose(address: address, deposedKey: deposedKey)
        case .setOutput(let output):
            return try db.run(
                """
                INSERT INTO outputs (name, value, type, sensitive) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, type = excluded.type,
                    sensitive = excluded.sensitive
                WHERE value IS NOT excluded.value OR type IS NOT excluded.type
                    OR sensitive IS NOT excluded.sensitive
                """,
                [.text(output.name), .text(output.valueJSON), output.typeJSON.map(SQLiteValue.text) ?? .null,
                 .integer(output.sensitive ? 1 : 0)]
            ) > 0
        case .deleteOutput(let name):
            return try db.run("DELETE FROM outputs WHERE name = ?", [.text(name)]) > 0
        }
    }

    // An update that would store exactly what is there already is skipped
    // by the WHERE clause, so re-recording an unchanged object does not
    // bump the serial.
    private static let upsertSQL = """
        INSERT INTO resource_instances (
            address, deposed, module, mode, type, name, index_key, provider, attributes,
            sensitive_paths, dependencies, schema_version, status, created_at, updated_at,
            last_apply_seconds)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        ON CONFLICT (address, deposed) DO UPDATE SET
            module = excluded.module, mode = excluded.mode, type = excluded.type,
            name = excluded.name, index_key = excluded.index_key, provider = excluded.provider,
            attributes = excluded.attributes, sensitive_paths = excluded.sensitive_paths,
            dependencies = excluded.dependencies, schema_version = excluded.schema_version,
            status = excluded.status, updated_at = excluded.updated_at,
            last_apply_seconds = excluded.last_apply_seconds
        WHERE module IS NOT excluded.module OR mode IS NOT excluded.mode
            OR type IS NOT excluded.type OR name IS NOT excluded.name
            OR index_key IS NOT excluded.index_key OR provider IS NOT excluded.provider
            OR attributes IS NOT excluded.attributes
            OR sensitive_paths IS NOT excluded.sensitive_paths
            OR dependencies IS NOT excluded.dependencies
            OR schema_version IS NOT excluded.schema_version OR status IS NOT excluded.status
            OR updated_at IS NOT excluded.updated_at
            OR last_apply_seconds IS NOT excluded.last_apply_seconds
        """

    /// Binds every parameter, so the previous row's values never leak in.
    private func upsert(_ record: ResourceInstanceRecord, with statement: Statement) throws -> Bool {
        try statement.bind(record.address, at: 1)
        try statement.bind(record.deposedKey ?? "", at: 2)
        try statement.bind(record.modulePath, at: 3)
        try statement.bind(record.mode.rawValue, at: 4)
        try statement.bind(record.type, at: 5)
        try statement.bind(record.name, at: 6)
        try statement.bind(InstanceKey.json(record.indexKey), at: 7)
        try statement.bind(record.provider, at: 8)
        try statement.bind(record.attributesJSON, at: 9)
        try statement.bind(record.sensitivePathsJSON, at: 10)
        try statement.bind(record.dependencies.isEmpty ? "[]" : JSONNode.encodeStrings(record.dependencies), at: 11)
        try statement.bind(record.schemaVersion, at: 12)
        try statement.bind(record.status.rawValue, at: 13)
        try statement.bind(Timestamp.milliseconds(record.createdAt), at: 14)
        try statement.bind(Timestamp.milliseconds(record.updatedAt), at: 15)
        try statement.bind(record.lastApplyDuration, at: 16)
        try statement.run()
        return db.changes > 0
    }

    private func move(from: String, to: InstanceIdentity) throws -> Bool {
        let count = try db.first("SELECT count(*) FROM resource_instances WHERE address = ?", [.text(from)]) { $0.int(0) } ?? 0
        guard count > 0 else { throw StateError.noSuchInstance(address: from) }
        if from != to.address {
            let taken = try db.first("SELECT 1 FROM resource_instances WHERE address = ? LIMIT 1", [.text(to.address)]) { _ in true }
            if taken == true { throw StateError.instanceExists(address: to.address) }
        }
        return try db.run(
            """
            UPDATE resource_instances SET address = ?2, module = ?3, mode = ?4, type = ?5, name = ?6,
                index_key = ?7
            WHERE address = ?1 AND (address, module, mode, type, name, index_key) IS NOT (?2, ?3, ?4, ?5, ?6, ?7)
            """,
            [.text(from), .text(to.address), .text(to.modulePath), .text(to.mode.rawValue), .text(to.type),
             .text(to.name), .text(InstanceKey.json(to.indexKey))]
        ) > 0
    }

    private func depose(address: String, deposedKey: String) throws -> Bool {
        guard !deposedKey.isEmpty else {
            // The empty key marks the current object in the table.
            throw StateError.invalidRecord(address: address, reason: "a deposed key must not be empty")
        }
        let current = try db.first(
            "SELECT 1 FROM resource_instances WHERE address = ? AND deposed = ''", [.text(address)]
        ) { _ in true }
        guard current == true else { throw StateError.noSuchInstance(address: address) }
        let taken = try db.first(
            "SELECT 1 FROM resource_instances WHERE address = ? AND deposed = ?", [.text(address), .text(deposedKey)]
        ) { _ in true }
        if taken == true { throw StateError.deposedKeyExists(address: address, deposedKey: deposedKey) }
        return try db.run(
            "UPDATE resource_instances SET deposed = ? WHERE address = ? AND deposed = ''",
            [.text(deposedKey), .text(address)]
        ) > 0
    }
}
