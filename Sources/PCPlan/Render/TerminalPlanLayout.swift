import PCLang
import PCProvider

/// The whole plan as `terraform plan` prints it, with pcplan's name in the
/// sentences: drift found by refresh, the symbols legend (only the symbols
/// used), each change, the closing `Plan:` line, then changes to outputs;
/// or the "No changes." message.
struct TerminalPlanLayout: Sendable {
    var style: RenderStyle
    /// Terminal columns; sentences wrap one column short of it.
    var width: Int
    var schemas: PlanRenderer.SchemaLookup?

    private var changeText: ResourceChangeText {
        ResourceChangeText(style: style, differ: ValueDiffer())
    }

    func render(_ plan: Plan) -> String {
        var out = ""
        let changes = plan.resourceChanges.filter(Self.isShown)
        var counts: [ChangeAction: Int] = [:]
        for change in changes where change.action != .noop {
            counts[change.action, default: 0] += 1
        }
        let outputs = outputLines(plan.outputChanges)
        let haveDrift = renderDrift(plan, hasChanges: !changes.isEmpty || !outputs.isEmpty, into: &out)

        if changes.isEmpty && outputs.isEmpty {
            noChanges(plan.mode, haveDrift: haveDrift, into: &out)
            return out
        }
        if haveDrift { out += rule() + "\n" }

        if !counts.isEmpty {
            out += wrap(
                "\npcplan used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:"
            ) + "\n"
            let legend: [(ChangeAction, String)] = [
                (.create, "  [green]+[reset] create"), (.update, "  [yellow]~[reset] update in-place"),
                (.delete, "  [red]-[reset] destroy"),
                (.deleteThenCreate, "[red]-[reset]/[green]+[reset] destroy and then create replacement"),
                (.createThenDelete, "[green]+[reset]/[red]-[reset] create replacement and then destroy"),
                (.read, " [cyan]<=[reset] read (data resources)"),
            ]
            for (action, line) in legend where counts[action, default: 0] > 0 {
                out += style.paint(line) + "\n"
            }
        }

        if !changes.isEmpty {
            out += "\npcplan will perform the following actions:\n"
            for change in changes {
                out += "\n" + changeText.render(change, cause: .proposed, schema: schemas?(change)) + "\n"
            }
            let add = counts[.create, default: 0] + counts[.deleteThenCreate, default: 0]
                + counts[.createThenDelete, default: 0]
            let destroy = counts[.delete, default: 0] + counts[.deleteThenCreate, default: 0]
                + counts[.createThenDelete, default: 0]
            out += style.paint(
                "\n[bold]Plan:[reset] \(add) to add, \(counts[.update, default: 0]) to change, \(destroy) to destroy.\n")
        }

        if !outputs.isEmpty {
            out += "\nChanges to Outputs:\n" + outputs.joined(separator: "\n") + "\n"
            if counts.isEmpty {
                out += wrap(
                    "\nYou can apply this plan to save these new output values to the pcplan state, without changing any real infrastructure."
                ) + "\n"
            }
        }
        return out
    }

    /// No-op changes are not shown unless the object moved; deleting a data
    /// source only forgets it.
    static func isShown(_ change: ResourceChange) -> Bool {
        if change.action == .noop && !ResourceChangeText.isMoved(change) { return false }
        if change.action == .delete && change.mode != .managed { return false }
        return true
    }

    private func noChanges(_ mode: Plan.Mode, haveDrift: Bool, into out: inout String) {
        switch mode {
        case .refreshOnly:
            if haveDrift { return }
            out += style.paint(
                "\n[reset][bold][green]No changes.[reset][bold] Your infrastructure still matches the configuration.[reset]\n\n")
            out += wrap(
                "pcplan has checked that the real remote objects still match the result of your most recent changes, and found no differences."
            ) + "\n"
        case .destroy:
            if haveDrift { out += rule() + "\n" }
            out += style.paint("\n[reset][bold][green]No changes.[reset][bold] No objects need to be destroyed.[reset]\n\n")
            out += wrap(
                "Either you have not created any objects yet or the existing objects were already deleted outside of pcplan."
            ) + "\n"
        case .normal:
            if haveDrift { out += rule() + "\n" }
            out += style.paint(
                "\n[reset][bold][green]No changes.[reset][bold] Your infrastructure matches the configuration.[reset]\n\n")
            if haveDrift {
                out += wrap(
                    "Your configuration already matches the changes detected above, so applying this plan will only update the state to include the changes detected above and won't change any real infrastructure."
                ) + "\n"
            } else {
                out += wrap(
                    "pcplan has compared your real infrastructure against your configuration and found no differences, so no changes are needed."
                ) + "\n"
            }
        }
    }

    /// The "Objects have changed outside of pcplan" section; whether it
    /// was written.
    private func renderDrift(_ plan: Plan, hasChanges: Bool, into out: inout String) -> Bool {
        let drift =
            plan.mode == .refreshOnly ? plan.resourceDrift : plan.resourceDrift.filter { $0.action != .noop }
        guard !drift.isEmpty, hasChanges || plan.mode == .refreshOnly else { return false }
        out += style.paint("\n[bold][cyan]Note:[reset][bold] Objects have changed outside of pcplan\n") + "\n"
        out += wrap(
            "pcplan detected the following changes made outside of pcplan since the last \"pcplan apply\" which may have affected this plan:\n"
        )
        for change in drift where change.action != .noop || ResourceChangeText.isMoved(change) {
            out += "\n" + changeText.render(change, cause: .drift, schema: schemas?(change)) + "\n"
        }
        if plan.mode == .refreshOnly {
            out += wrap(
                "\n\nThis is a refresh-only plan, so pcplan will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the pcplan state without changing any remote objects."
            ) + "\n"
        } else {
            out += wrap(
                "\n\nUnless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes."
            ) + "\n"
        }
        return true
    }

    /// One line (or block) per changed output, names aligned over every
    /// output, changed or not, as Terraform aligns them.
    func outputLines(_ outputs: [OutputChange]) -> [String] {
        let sorted = outputs.sorted { Value.keyOrder($0.name, $1.name) }
        let names = sorted.map { style.verbatim(RenderText.attributeName($0.name)) }
        let width = names.map(\.utf8.count).max() ?? 0
        let differ = ValueDiffer()
        let renderer = DiffTextRenderer(style: style)
        var lines: [String] = []
        for (output, name) in zip(sorted, names) {
            let node = differ.output(output)
            guard node.action != .noop else { continue }
            lines.append(
                style.lineSymbol(node.action) + RenderText.padded(name, to: width) + " = "
                    + renderer.render(node, indent: 0, RenderOptions()))
        }
        return lines
    }

    private func rule() -> String {
        style.paint("[dark_gray]\n" + String(repeating: "─", count: max(0, width - 1)))
    }

    private func wrap(_ text: String) -> String {
        RenderText.wordWrap(text, width: width)
    }
}
