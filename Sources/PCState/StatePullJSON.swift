/// The state as JSON in the shape of Terraform's state format version 4,
/// so that tools reading `terraform state pull` output read ours:
/// instances grouped under their resource, keys sorted, two-space indent.
/// `terraform_version` is called `pcplan_version`. Intents an interrupted
/// run left behind are listed under `pending_intents`, only when there are
/// some, so a state without them reads exactly as Terraform's.
public enum StatePullJSON {
    /// The format version written in `version`.
    public static let formatVersion = 4

    public static func render(_ snapshot: StateSnapshot) throws -> String {
        var outputs: [(key: String, value: JSONNode)] = []
        outputs.reserveCapacity(snapshot.outputs.count)
        for output in snapshot.outputs {
            var members: [(key: String, value: JSONNode)] = [
                ("value", try parse(output.valueJSON, what: "output \(output.name)")),
                ("sensitive", .bool(output.sensitive)),
            ]
            if let type = output.typeJSON {
                members.append(("type", try parse(type, what: "output \(output.name)")))
            }
            outputs.append((output.name, .object(members)))
        }
        var members: [(key: String, value: JSONNode)] = [
            ("version", .number(String(formatVersion))),
            ("pcplan_version", .string(snapshot.pcplanVersion)),
            ("serial", .number(String(snapshot.serial))),
            ("lineage", .string(snapshot.lineage)),
            ("outputs", .object(outputs)),
            ("resources", .array(try resources(snapshot.resources))),
        ]
        if !snapshot.pendingIntents.isEmpty {
            members.append(("pending_intents", .array(try snapshot.pendingIntents.map(intent))))
        }
        let document: JSONNode = .object(members)
        return document.prettyText() + "\n"
    }

    /// What instances of one resource share in Terraform's format. The
    /// provider is part of the key so that no instance's provider is lost,
    /// even in a state where instances of one resource disagree.
    private struct ResourceKey: Hashable {
        var module: String
        var mode: String
        var type: String
        var name: String
        var provider: String

        func precedes(_ other: ResourceKey) -> Bool {
            for (a, b) in [(module, other.module), (mode, other.mode), (type, other.type), (name, other.name), (provider, other.provider)]
            where a != b {
                return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
            return false
        }
    }

    private static func resources(_ records: [ResourceInstanceRecord]) throws -> [JSONNode] {
        var groups: [ResourceKey: [ResourceInstanceRecord]] = [:]
        for record in records {
            let key = ResourceKey(module: record.modulePath, mode: record.mode.rawValue, type: record.type, name: record.name, provider: record.provider)
            groups[key, default: []].append(record)
        }
        return try groups.keys.sorted { $0.precedes($1) }.map { key in
            let instances = groups[key, default: []].sorted(by: instanceOrder)
            var members: [(key: String, value: JSONNode)] = [
                ("mode", .string(key.mode)),
                ("type", .string(key.type)),
                ("name", .string(key.name)),
                ("provider", .string(key.provider)),
                ("instances", .array(try instances.map(instance))),
            ]
            if !key.module.isEmpty { members.append(("module", .string(key.module))) }
            return .object(members)
        }
    }

    /// No key first, then numbers, then strings; the current object before
    /// deposed ones.
    private static func instanceOrder(_ a: ResourceInstanceRecord, _ b: ResourceInstanceRecord) -> Bool {
        if a.indexKey != b.indexKey {
            guard let left = a.indexKey else { return true }
            guard let right = b.indexKey else { return false }
            return left < right
        }
        switch (a.deposedKey, b.deposedKey) {
        case (nil, _?): return true
        case let (left?, right?): return left.utf8.lexicographicallyPrecedes(right.utf8)
        default: return false
        }
    }

    private static func instance(_ record: ResourceInstanceRecord) throws -> JSONNode {
        var members: [(key: String, value: JSONNode)] = [
            ("schema_version", .number(String(record.schemaVersion))),
            ("attributes", try parse(record.attributesJSON, what: record.address)),
            ("sensitive_attributes", try parse(record.sensitivePathsJSON, what: record.address)),
            ("dependencies", .array(record.dependencies.map(JSONNode.string))),
        ]
        switch record.indexKey {
        case .int(let number)?: members.append(("index_key", .number(String(number))))
        case .string(let string)?: members.append(("index_key", .string(string)))
        case nil: break
        }
        if let deposed = record.deposedKey { members.append(("deposed", .string(deposed))) }
        // Terraform writes a status only for tainted objects.
        if record.status == .tainted { members.append(("status", .string(record.status.rawValue))) }
        return .object(members)
    }

    private static func intent(_ intent: ApplyIntent) throws -> JSONNode {
        var members: [(key: String, value: JSONNode)] = [
            ("address", .string(intent.address)),
            ("action", .string(intent.action.rawValue)),
            ("provider", .string(intent.provider)),
            ("type", .string(intent.type)),
            ("request", try parse(intent.requestJSON, what: "the intent for \(intent.address)")),
            ("created_at", .string(StateError.utc(intent.createdAt))),
            ("pcplan_version", .string(intent.pcplanVersion)),
            ("run_id", .string(intent.runID)),
        ]
        if let deposed = intent.deposedKey { members.append(("deposed", .string(deposed))) }
        return .object(members)
    }

    private static func parse(_ text: String, what: String) throws -> JSONNode {
        do {
            return try JSONNode.parse(text)
        } catch let error as JSONNode.SyntaxError {
            throw StateError.invalidRecord(address: what, reason: "invalid JSON at byte \(error.offset): \(error.reason)")
        }
    }
}
