import PCLang

/// The summary at the top of a markdown plan: the `Plan:` line, counts per
/// action and module, and the warning listing destroys and replacements.
extension MarkdownPlanLayout {
    /// The five counted kinds of change.
    struct Counts {
        var add = 0, change = 0, replace = 0, destroy = 0, read = 0

        mutating func count(_ action: ChangeAction) {
            switch action {
            case .create: add += 1
            case .update: change += 1
            case .deleteThenCreate, .createThenDelete: replace += 1
            case .delete: destroy += 1
            case .read: read += 1
            case .noop: break
            }
        }

        var cells: String { "| \(add) | \(change) | \(replace) | \(destroy) | \(read) |" }
    }

    /// `withReasons`: the warning lists each object destroyed or replaced
    /// and why; without, it only counts them and the compact form lists
    /// them with the other addresses (the barest summary, for when space
    /// runs out).
    func summary(_ plan: Plan, changes: [ResourceChange], withReasons: Bool) -> String {
        var text = "## pcplan plan" + (plan.mode == .normal ? "" : " (\(plan.mode.rawValue))") + "\n\n"
        let counted = changes.filter { $0.action != .noop }
        let moved = changes.filter { $0.action == .noop && ResourceChangeText.isMoved($0) }
        let outputs = plan.outputChanges.filter { ValueDiffer().output($0).action != .noop }
        let drift = plan.resourceDrift.filter { $0.action != .noop }
        if counted.isEmpty && moved.isEmpty && outputs.isEmpty {
            switch plan.mode {
            case .refreshOnly where !drift.isEmpty:
                return text + "**\(Self.objects(drift.count)) changed outside of pcplan.** Applying this plan "
                    + "records the changes in the state without changing any real infrastructure.\n\n"
            case .destroy:
                return text + "**No changes.** No objects need to be destroyed.\n"
            default:
                return text + "**No changes.** Your infrastructure matches the configuration.\n"
            }
        }
        var counts = Counts()
        for change in counted { counts.count(change.action) }
        // The terminal's closing line: a replacement adds and destroys.
        text += "**Plan: \(counts.add + counts.replace) to add, \(counts.change) to change, "
            + "\(counts.destroy + counts.replace) to destroy.**"
        var extras: [String] = []
        if !moved.isEmpty { extras.append("\(moved.count) moved") }
        if !outputs.isEmpty { extras.append("\(outputs.count) output\(outputs.count == 1 ? "" : "s") changed") }
        if !drift.isEmpty { extras.append("\(Self.objects(drift.count)) changed outside of pcplan") }
        if !extras.isEmpty { text += " " + extras.joined(separator: ", ").capitalizedFirst + "." }
        text += "\n\n"

        if !counted.isEmpty {
            text += table(counted)
        }
        text += warning(counted, withReasons: withReasons)
        return text
    }

    static func objects(_ count: Int) -> String {
        count == 1 ? "1 object" : "\(count) objects"
    }

    /// Counts per action: one row per module with changes, and a total row
    /// when there is more than one module.
    private func table(_ changes: [ResourceChange]) -> String {
        var perModule: [String: Counts] = [:]
        var total = Counts()
        for change in changes {
            perModule[change.moduleAddress ?? "", default: Counts()].count(change.action)
            total.count(change.action)
        }
        var text = "| module | add | change | replace | destroy | read |\n|:--|--:|--:|--:|--:|--:|\n"
        for module in perModule.keys.sorted(by: Value.keyOrder) {
            let name = module.isEmpty ? "root" : MarkdownText.tableCode(module)
            text += "| \(name) " + perModule[module]!.cells + "\n"
        }
        if perModule.count > 1 {
            text += "| **total** " + total.cells + "\n"
        }
        return text + "\n"
    }

    /// Destroys, then replacements, each with why.
    private func warning(_ changes: [ResourceChange], withReasons: Bool) -> String {
        let destroys = changes.filter { $0.action == .delete }
        let replaces = changes.filter(\.action.isReplace)
        guard !destroys.isEmpty || !replaces.isEmpty else { return "" }
        var parts: [String] = []
        if !destroys.isEmpty { parts.append("\(destroys.count) to destroy") }
        if !replaces.isEmpty { parts.append("\(replaces.count) to replace") }
        guard withReasons else {
            return "> [!WARNING]\n> **" + parts.joined(separator: ", ") + "**: listed below.\n\n"
        }
        var text = "> [!WARNING]\n> **" + parts.joined(separator: ", ") + ":**\n"
        for change in destroys + replaces {
            text += "> - " + MarkdownText.code(change.address) + " (" + Self.actionWord(change.action, cause: .proposed) + ")"
            if let reason = reason(change) { text += ": " + reason }
            text += "\n"
        }
        return text + "\n"
    }

    /// Why a resource is destroyed or replaced, in a few words.
    func reason(_ change: ResourceChange) -> String? {
        switch change.reason {
        case .replaceBecauseTainted: return "it is tainted"
        case .replaceByRequest: return "replacement requested with `-replace`"
        case .replaceByTriggers: return "a `replace_triggered_by` reference changed"
        case .deleteBecauseDestroyMode: return "destroy requested"
        default: break
        }
        if change.action == .delete {
            return ResourceChangeText.deleteReason(change)
        }
        guard !change.replacePaths.isEmpty else { return nil }
        let paths = change.replacePaths.map { MarkdownText.code(Self.pathText($0)) }
        return paths.joined(separator: ", ") + (paths.count == 1 ? " forces replacement" : " force replacement")
    }

    /// An attribute path as written in configuration: `tags["Name"]`,
    /// `ingress[0].cidr_blocks`.
    static func pathText(_ path: ValuePath) -> String {
        var text = ""
        for step in path.steps {
            switch step {
            case .attribute(let name):
                text += (text.isEmpty ? "" : ".") + name
            case .index(let key):
                if let string = key.stringValue {
                    text += "[" + string.goQuoted + "]"
                } else {
                    text += "[" + (key.numberValue?.description ?? "?") + "]"
                }
            }
        }
        return text
    }

    /// How a change is named in summaries: "update in place", "replace,
    /// destroy first".
    static func actionWord(_ action: ChangeAction, cause: ResourceChangeText.Cause) -> String {
        if cause == .drift {
            return action == .delete ? "deleted outside of pcplan" : "changed outside of pcplan"
        }
        switch action {
        case .create: return "create"
        case .update: return "update in place"
        case .deleteThenCreate: return "replace, destroy first"
        case .createThenDelete: return "replace, create first"
        case .delete: return "destroy"
        case .read: return "read"
        case .noop: return "move"
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
