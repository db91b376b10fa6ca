import PCLang

extension PlanJSON {
    /// One entry of `resource_changes` or `resource_drift`.
    static func resourceChange(_ change: ResourceChange) -> JSONTree {
        var members: [String: JSONTree] = [
            "address": .string(change.address),
            "mode": .string(change.mode.rawValue),
            "type": .string(change.type),
            "name": .string(change.name),
            "provider_name": .string(providerName(change.provider)),
            "change": changeBody(change),
        ]
        if let previous = change.previousAddress, previous != change.address {
            members["previous_address"] = .string(previous)
        }
        if let module = change.moduleAddress, !module.isEmpty {
            members["module_address"] = .string(module)
        }
        if let index = change.index, let known = ValueMirror.knownPart(index), !known.isNull {
            members["index"] = .value(known.unmarkedDeepValue)
        }
        if let deposed = change.deposedKey {
            members["deposed"] = .string(deposed)
        }
        if let reason = change.reason {
            members["action_reason"] = .string(reason.rawValue)
        }
        return .object(members)
    }

    /// The `change` object. Unlike an output's, `after_unknown` of a
    /// wholly known value is `{}` whatever its type, as Terraform writes
    /// it (a delete has `"after": null, "after_unknown": {}`).
    static func changeBody(_ change: ResourceChange) -> JSONTree {
        var members: [String: JSONTree] = [
            "actions": .array(change.action.jsonActions.map(JSONTree.string)),
            "before": .value(ValueMirror.knownPart(change.before) ?? .null),
            "before_sensitive": ValueMirror.sensitive(change.before),
            "after_sensitive": ValueMirror.sensitive(change.after),
        ]
        if change.after.isWhollyKnown {
            members["after"] = .value(ValueMirror.knownPart(change.after) ?? .null)
            members["after_unknown"] = .emptyObject
        } else {
            if let known = ValueMirror.knownPart(change.after), !known.isNull { members["after"] = .value(known) }
            members["after_unknown"] = ValueMirror.unknown(change.after)
        }
        if !change.replacePaths.isEmpty {
            members["replace_paths"] = .array(change.replacePaths.map(ValueMirror.path))
        }
        return .object(members)
    }
}
