import PCLang
import PCState

/// How `PlanRenderer.json` builds Terraform's JSON plan; see there for
/// what it follows and where it differs.
enum PlanJSON {
    /// The version of Terraform's JSON plan format written.
    static let formatVersion = "1.2"
    /// The version of Terraform's JSON state format used for `prior_state`.
    static let stateFormatVersion = "1.0"

    static func document(_ plan: Plan, priorState: StateSnapshot?) -> JSONTree {
        let schemaVersions = priorState.map(schemaVersions(in:)) ?? [:]
        var root: [String: JSONTree] = [
            "format_version": .string(formatVersion),
            "terraform_version": .string(plan.pcplanVersion),
            "pcplan_version": .string(plan.pcplanVersion),
            "planned_values": plannedValues(plan, schemaVersions: schemaVersions),
            "timestamp": .string(plan.timestamp),
            "applyable": .bool(isApplyable(plan)),
            "complete": .bool(true),
            "errored": .bool(false),
        ]
        if let variables = variables(plan) { root["variables"] = variables }
        let changes = plan.resourceChanges.compactMap(includedChange)
        if !changes.isEmpty { root["resource_changes"] = .array(changes.map(resourceChange)) }
        let drift = plan.resourceDrift.filter { includedDrift($0, mode: plan.mode) }.compactMap(includedChange)
        if !drift.isEmpty { root["resource_drift"] = .array(drift.map(resourceChange)) }
        if !plan.outputChanges.isEmpty {
            var outputs: [String: JSONTree] = [:]
            for change in plan.outputChanges { outputs[change.name] = outputChange(change) }
            root["output_changes"] = .object(outputs)
        }
        if let priorState, !priorState.resources.isEmpty || !priorState.outputs.isEmpty {
            root["prior_state"] = self.priorState(priorState)
        }
        return .object(root)
    }

    /// Terraform's `applyable`: there is something for apply to do.
    static func isApplyable(_ plan: Plan) -> Bool {
        if plan.mode == .refreshOnly {
            return plan.resourceDrift.contains { $0.action != .noop } || plan.outputChanges.contains { $0.action != .noop }
        }
        return plan.hasChanges
    }

    /// Terraform hides the delete of a data source (it only clears the
    /// state's copy).
    static func includedChange(_ change: ResourceChange) -> ResourceChange? {
        change.mode == .data && change.action == .delete ? nil : change
    }

    /// Outside refresh-only mode, drift that changes nothing (a move, say)
    /// is part of the planned changes and not repeated.
    static func includedDrift(_ change: ResourceChange, mode: Plan.Mode) -> Bool {
        mode == .refreshOnly || change.action != .noop
    }

    /// `{"name": {"value": …}}`; a value not known yet has no `value`.
    static func variables(_ plan: Plan) -> JSONTree? {
        guard !plan.variables.isEmpty else { return nil }
        var members: [String: JSONTree] = [:]
        for (name, value) in plan.variables {
            var entry: [String: JSONTree] = [:]
            if let known = ValueMirror.knownPart(value) { entry["value"] = .value(known) }
            members[name] = .object(entry)
        }
        return .object(members)
    }

    /// An output's change: sensitivity is all-or-nothing for outputs, so
    /// both sensitivity mirrors are one boolean.
    static func outputChange(_ change: OutputChange) -> JSONTree {
        var members: [String: JSONTree] = [
            "actions": .array(change.action.jsonActions.map(JSONTree.string)),
            "before": change.isSensitive ? .value(.null) : .value(ValueMirror.knownPart(change.before) ?? .null),
            "before_sensitive": .bool(change.isSensitive),
            "after_sensitive": .bool(change.isSensitive),
        ]
        if change.after.isWhollyKnown {
            members["after"] = change.isSensitive ? .value(.null) : .value(ValueMirror.knownPart(change.after) ?? .null)
            members["after_unknown"] = .bool(false)
        } else {
            if let known = ValueMirror.knownPart(change.after), !known.isNull { members["after"] = .value(known) }
            members["after_unknown"] = ValueMirror.unknown(change.after)
        }
        return .object(members)
    }

    /// The provider source inside `provider["SOURCE"].alias`, or the
    /// address itself when it is not of that form.
    static func providerName(_ address: String) -> String {
        guard let open = address.range(of: "[\""), let close = address.range(of: "\"]", range: open.upperBound..<address.endIndex) else {
            return address
        }
        return String(address[open.upperBound..<close.lowerBound])
    }

    /// Schema versions recorded in state, by instance address.
    static func schemaVersions(in state: StateSnapshot) -> [String: Int] {
        var versions: [String: Int] = [:]
        versions.reserveCapacity(state.resources.count)
        for record in state.resources where record.deposedKey == nil {
            versions[record.address] = record.schemaVersion
        }
        return versions
    }
}
