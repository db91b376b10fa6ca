import PCLang
import PCState

extension PlanJSON {
    /// `planned_values`: every object as it will be after apply (deletes
    /// and deposed objects left out), in the module tree, and the root
    /// outputs that will remain.
    static func plannedValues(_ plan: Plan, schemaVersions: [String: Int]) -> JSONTree {
        var byModule: [String: [(address: String, tree: JSONTree)]] = [:]
        for change in plan.resourceChanges where change.action != .delete && change.deposedKey == nil {
            let module = change.moduleAddress ?? ""
            byModule[module, default: []].append((change.address, plannedResource(change, schemaVersion: schemaVersions[change.address] ?? 0)))
        }
        var members: [String: JSONTree] = ["root_module": moduleTree(byModule)]
        var outputs: [String: JSONTree] = [:]
        for change in plan.outputChanges where change.action != .delete {
            var output: [String: JSONTree] = ["sensitive": .bool(change.isSensitive)]
            if change.after.isWhollyKnown {
                output["value"] = change.isSensitive ? .value(.null) : .value(ValueMirror.knownPart(change.after) ?? .null)
                output["type"] = ValueMirror.type(change.after.unmarkedDeepValue.type)
            }
            outputs[change.name] = .object(output)
        }
        if !outputs.isEmpty { members["outputs"] = .object(outputs) }
        return .object(members)
    }

    static func plannedResource(_ change: ResourceChange, schemaVersion: Int) -> JSONTree {
        var members: [String: JSONTree] = [
            "address": .string(change.address),
            "mode": .string(change.mode.rawValue),
            "type": .string(change.type),
            "name": .string(change.name),
            "provider_name": .string(providerName(change.provider)),
            "schema_version": .int(schemaVersion),
            "sensitive_values": ValueMirror.sensitive(change.after),
        ]
        if let index = change.index, let known = ValueMirror.knownPart(index), !known.isNull {
            members["index"] = .value(known.unmarkedDeepValue)
        }
        if let known = ValueMirror.knownPart(change.after), let values = attributeValues(known) {
            members["values"] = values
        }
        return .object(members)
    }

    /// An object's attributes as `values`; nothing for null or an empty
    /// object (Terraform omits an empty `values`).
    static func attributeValues(_ value: Value) -> JSONTree? {
        guard let attributes = value.attributes, !attributes.isEmpty else { return nil }
        return .object(attributes.mapValues { JSONTree.value(ValueMirror.knownPart($0) ?? .null) })
    }

    /// `prior_state`: the state read before planning, in Terraform's JSON
    /// state format.
    static func priorState(_ state: StateSnapshot) -> JSONTree {
        var byModule: [String: [(address: String, tree: JSONTree)]] = [:]
        for record in state.resources {
            byModule[record.modulePath, default: []].append((record.address, stateResource(record)))
        }
        var values: [String: JSONTree] = ["root_module": moduleTree(byModule, sortResources: false)]
        if !state.outputs.isEmpty {
            var outputs: [String: JSONTree] = [:]
            for record in state.outputs {
                outputs[record.name] = stateOutput(record)
            }
            values["outputs"] = .object(outputs)
        }
        return .object([
            "format_version": .string(stateFormatVersion),
            "terraform_version": .string(state.pcplanVersion),
            "values": .object(values),
        ])
    }

    static func stateResource(_ record: ResourceInstanceRecord) -> JSONTree {
        var members: [String: JSONTree] = [
            "address": .string(record.address),
            "mode": .string(record.mode.rawValue),
            "type": .string(record.type),
            "name": .string(record.name),
            "provider_name": .string(providerName(record.provider)),
            "schema_version": .int(record.schemaVersion),
        ]
        switch record.indexKey {
        case .int(let number)?: members["index"] = .int(number)
        case .string(let key)?: members["index"] = .string(key)
        case nil: break
        }
        if let value = StateValues.value(of: record, type: nil) {
            if let values = attributeValues(value) { members["values"] = values }
            members["sensitive_values"] = ValueMirror.sensitive(value)
        } else {
            members["sensitive_values"] = .emptyObject
        }
        if !record.dependencies.isEmpty {
            members["depends_on"] = .array(record.dependencies.map(JSONTree.string))
        }
        if record.status == .tainted { members["tainted"] = .bool(true) }
        if let deposed = record.deposedKey { members["deposed_key"] = .string(deposed) }
        return .object(members)
    }

    static func stateOutput(_ record: OutputRecord) -> JSONTree {
        var members: [String: JSONTree] = ["sensitive": .bool(record.sensitive)]
        guard let value = try? Value.fromJSON(record.valueJSON) else { return .object(members) }
        members["value"] = record.sensitive ? .value(.null) : .value(value)
        if let typeJSON = record.typeJSON, let type = try? Value.fromJSON(typeJSON) {
            members["type"] = .value(type)
        } else {
            members["type"] = ValueMirror.type(value.type)
        }
        return .object(members)
    }

    /// The root module with its descendants nested under `child_modules`,
    /// children ordered by address. Modules without resources of their
    /// own appear when a descendant has some, as in Terraform.
    static func moduleTree(
        _ resources: [String: [(address: String, tree: JSONTree)]], sortResources: Bool = true
    ) -> JSONTree {
        var children: [String: Set<String>] = [:]
        for module in resources.keys where !module.isEmpty {
            var parent = ""
            for ancestor in moduleLineage(module) {
                children[parent, default: []].insert(ancestor)
                parent = ancestor
            }
        }
        // An explicit stack: module nesting comes from user input.
        func node(_ address: String, kids: [JSONTree]) -> JSONTree {
            var members: [String: JSONTree] = [:]
            if !address.isEmpty { members["address"] = .string(address) }
            if var own = resources[address], !own.isEmpty {
                if sortResources { own.sort { Value.keyOrder($0.address, $1.address) } }
                members["resources"] = .array(own.map(\.tree))
            }
            if !kids.isEmpty { members["child_modules"] = .array(kids) }
            return .object(members)
        }
        var stack: [(address: String, pending: [String], built: [JSONTree])] = [
            ("", (children[""] ?? []).sorted(by: Value.keyOrder).reversed(), [])
        ]
        while true {
            let top = stack.count - 1
            if let next = stack[top].pending.popLast() {
                stack.append((next, (children[next] ?? []).sorted(by: Value.keyOrder).reversed(), []))
                continue
            }
            let finished = stack.removeLast()
            let tree = node(finished.address, kids: finished.built)
            if stack.isEmpty { return tree }
            stack[stack.count - 1].built.append(tree)
        }
    }

    /// `module.a["x"].module.b` → `["module.a[\"x\"]", "module.a[\"x\"].module.b"]`:
    /// the address of each module from the root's child down. Dots inside
    /// quoted keys and brackets do not split.
    static func moduleLineage(_ address: String) -> [String] {
        let bytes = Array(address.utf8)
        var dots: [Int] = []
        var inString = false, escaped = false, depth = 0
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ".") where depth == 0: dots.append(offset)
            default: break
            }
        }
        // Tokens alternate `module` and NAME[KEY]; an ancestor ends after
        // each name, that is before every second top-level dot.
        var lineage: [String] = []
        var index = 1
        while index < dots.count {
            lineage.append(String(decoding: bytes[..<dots[index]], as: UTF8.self))
            index += 2
        }
        lineage.append(address)
        return lineage
    }
}
