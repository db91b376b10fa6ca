import Foundation

extension StatePullJSON {
    /// Reads what `render` wrote (or a Terraform state of format version 4
    /// with pcplan's resource types): what `pcplan state push` writes back.
    /// Instance addresses are rebuilt from module, mode, type, name and
    /// key, as Terraform builds them. Anything that is not such a document
    /// is a `StateError.notAState` naming `source` and what is wrong.
    public static func read(_ text: String, source: String, now: Date = Date()) throws -> StateSnapshot {
        func refuse(_ reason: String) -> StateError { .notAState(path: source, reason: reason) }
        let document: JSONNode
        do {
            document = try JSONNode.parse(text)
        } catch let error as JSONNode.SyntaxError {
            throw refuse("it is not valid JSON (byte \(error.offset): \(error.reason))")
        }
        guard case .object(let members) = document else { throw refuse("it is not a JSON object") }
        func member(_ name: String, in members: [(key: String, value: JSONNode)]) -> JSONNode? {
            members.first { $0.key == name }?.value
        }
        guard case .number(let version)? = member("version", in: members), version == String(formatVersion) else {
            throw refuse("its \"version\" is not \(formatVersion), the state format pcplan reads")
        }
        guard case .string(let lineage)? = member("lineage", in: members),
              case .number(let serialText)? = member("serial", in: members), let serial = Int(serialText) else {
            throw refuse("it has no \"lineage\" and \"serial\"")
        }
        var writer = ""
        for name in ["pcplan_version", "terraform_version"] {
            if case .string(let text)? = member(name, in: members) { writer = text; break }
        }

        var outputs: [OutputRecord] = []
        if case .object(let entries)? = member("outputs", in: members) {
            for (name, entry) in entries {
                guard case .object(let fields) = entry, let value = member("value", in: fields) else {
                    throw refuse("output \"\(name)\" has no value")
                }
                var sensitive = false
                if case .bool(let flag)? = member("sensitive", in: fields) { sensitive = flag }
                outputs.append(OutputRecord(
                    name: name, valueJSON: value.compactText(), typeJSON: member("type", in: fields)?.compactText(), sensitive: sensitive))
            }
        }

        var records: [ResourceInstanceRecord] = []
        guard case .array(let resources)? = member("resources", in: members) else { throw refuse("it has no \"resources\" list") }
        for resource in resources {
            guard case .object(let fields) = resource,
                  case .string(let mode)? = member("mode", in: fields), let resourceMode = ResourceMode(rawValue: mode),
                  case .string(let type)? = member("type", in: fields), case .string(let name)? = member("name", in: fields),
                  case .string(let provider)? = member("provider", in: fields),
                  case .array(let instances)? = member("instances", in: fields) else {
                throw refuse("a resource lacks mode, type, name, provider or instances")
            }
            var module = ""
            if case .string(let path)? = member("module", in: fields) { module = path }
            for instance in instances {
                guard case .object(let values) = instance, let attributes = member("attributes", in: values) else {
                    throw refuse("an instance of \(type).\(name) has no attributes")
                }
                var key: InstanceKey?
                switch member("index_key", in: values) {
                case .number(let number)?: key = Int(number).map(InstanceKey.int)
                case .string(let string)?: key = .string(string)
                default: key = nil
                }
                var deposed: String?
                if case .string(let text)? = member("deposed", in: values) { deposed = text }
                var schemaVersion = 0
                if case .number(let number)? = member("schema_version", in: values) { schemaVersion = Int(number) ?? 0 }
                var dependencies: [String] = []
                if case .array(let items)? = member("dependencies", in: values) {
                    dependencies = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
                }
                var tainted = false
                if case .string(let status)? = member("status", in: values) { tainted = status == "tainted" }
                records.append(ResourceInstanceRecord(
                    address: Self.address(module: module, mode: resourceMode, type: type, name: name, key: key),
                    deposedKey: deposed, modulePath: module, mode: resourceMode, type: type, name: name, indexKey: key,
                    provider: provider, attributesJSON: attributes.compactText(),
                    sensitivePathsJSON: member("sensitive_attributes", in: values)?.compactText() ?? "[]",
                    dependencies: dependencies, schemaVersion: schemaVersion, status: tainted ? .tainted : .ready,
                    createdAt: now))
            }
        }
        return StateSnapshot(
            lineage: lineage, serial: serial, pcplanVersion: writer,
            resources: records.sorted { ($0.address, $0.deposedKey ?? "") < ($1.address, $1.deposedKey ?? "") },
            outputs: outputs.sorted { $0.name < $1.name }, pendingIntents: [])
    }

    /// `module.app["a"].data.aws_vpc.this[0]`, as Terraform writes addresses.
    static func address(module: String, mode: ResourceMode, type: String, name: String, key: InstanceKey?) -> String {
        var text = module.isEmpty ? "" : module + "."
        if mode == .data { text += "data." }
        text += "\(type).\(name)"
        switch key {
        case .int(let number)?: text += "[\(number)]"
        case .string(let string)?: text += "[\(JSONNode.quoted(string))]"
        case nil: break
        }
        return text
    }
}
