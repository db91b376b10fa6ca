import PCLang
import PCProvider

/// A plan as a pull-request comment.
///
/// Layout: a title, the `Plan:` line, a table of counts per action (add,
/// change, replace, destroy, read) for each module, a `> [!WARNING]` alert
/// listing every destroy and replacement with its reason; then drift found
/// by refresh, then one `<details>` per resource whose summary is its
/// address and action and whose body is a ```diff block, then the outputs.
///
/// Diff blocks use Terraform's layout with each line's symbol moved to the
/// first column (see `MarkerLines`): `+` created, `-` deleted, `!` changed
/// in place, a space for context. Unchanged attributes are counted, not
/// shown; JSON documents show only their changed paths
/// (`StructuralDiff`).
///
/// Size budget: when the document would exceed `maxCharacters`, the
/// largest diffs are replaced by a one-line note first; if that is not
/// enough, the details give way to plain lists of addresses; if even those
/// are too long (with the warning's reasons dropped), the document says so
/// at its top. The summary and every changed address are always kept.
struct MarkdownPlanLayout: Sendable {
    var maxCharacters: Int
    var schemas: PlanRenderer.SchemaLookup?

    /// One collapsible part of the document, in full and with its diff
    /// omitted, and the heading of the section it belongs to.
    struct Item {
        var section: String
        var full: String
        var omitted: String
        /// Its line in the address list of the compact form.
        var group: String
        var address: String
    }

    func render(_ plan: Plan) -> String {
        let changes = plan.resourceChanges.filter(TerminalPlanLayout.isShown)
        let items = detailItems(plan, changes: changes)
        let head = summary(plan, changes: changes, withReasons: true)

        var omitted = [Bool](repeating: false, count: items.count)
        var total = size(head, items, omitted)
        if total <= maxCharacters { return assemble(head, items, omitted) }

        // Largest diffs first; ties in document order, so the result is
        // stable.
        let bySize = items.indices.sorted {
            let left = MarkdownText.size(items[$0].full), right = MarkdownText.size(items[$1].full)
            return left != right ? left > right : $0 < $1
        }
        for index in bySize {
            let saving = MarkdownText.size(items[index].full) - MarkdownText.size(items[index].omitted)
            guard saving > 0 else { continue }
            omitted[index] = true
            total -= saving
            if total <= maxCharacters { return assemble(head, items, omitted) }
        }

        let compact = compactForm(head, items, listsDestructive: false)
        if MarkdownText.size(compact) <= maxCharacters { return compact }
        let bare = compactForm(summary(plan, changes: changes, withReasons: false), items, listsDestructive: true)
        if MarkdownText.size(bare) <= maxCharacters { return bare }
        let note =
            "> [!NOTE]\n> This summary needs \(MarkdownText.size(bare)) characters even without details, more than the budget of \(maxCharacters).\n\n"
        return note + bare
    }

    // MARK: Items

    private func detailItems(_ plan: Plan, changes: [ResourceChange]) -> [Item] {
        let text = ResourceChangeText(
            style: RenderStyle(color: false, markers: true), differ: ValueDiffer(flattensJSONUpdates: true))
        var items: [Item] = []
        let hasChanges = !changes.isEmpty || plan.outputChanges.contains { ValueDiffer().output($0).action != .noop }
        if hasChanges || plan.mode == .refreshOnly {
            for change in plan.resourceDrift where change.action != .noop {
                items.append(
                    item(change, cause: .drift, section: "Changed outside of pcplan", text: text))
            }
        }
        for change in changes {
            items.append(item(change, cause: .proposed, section: "Resource changes", text: text))
        }
        let outputLines = TerminalPlanLayout(
            style: RenderStyle(color: false, markers: true), width: 78, schemas: nil
        ).outputLines(plan.outputChanges)
        if !outputLines.isEmpty {
            let lines = MarkerLines.diffLines(outputLines.joined(separator: "\n"))
            let names = plan.outputChanges.filter { ValueDiffer().output($0).action != .noop }.map(\.name)
                .sorted(by: Value.keyOrder)
            items.append(
                Item(
                    section: "Changes to outputs", full: MarkdownText.block("diff", lines) + "\n",
                    omitted: "diff omitted to fit the size budget: \(lines.count) lines\n\n",
                    group: "outputs",
                    address: names.joined(separator: "\n")))
        }
        return items
    }

    private func item(
        _ change: ResourceChange, cause: ResourceChangeText.Cause, section: String, text: ResourceChangeText
    ) -> Item {
        let lines = MarkerLines.diffLines(text.render(change, cause: cause, schema: schemas?(change)))
        let word = Self.actionWord(change.action, cause: cause)
        let title = "<details><summary><code>\(MarkdownText.html(change.address))</code> (\(word))</summary>\n\n"
        return Item(
            section: section,
            full: title + MarkdownText.block("diff", lines) + "\n</details>\n\n",
            omitted: title + "diff omitted to fit the size budget: \(lines.count) lines\n\n</details>\n\n",
            group: word, address: change.address)
    }

    // MARK: Assembly

    private func assemble(_ summary: String, _ items: [Item], _ omitted: [Bool]) -> String {
        var text = summary
        var section = ""
        for (index, item) in items.enumerated() {
            if item.section != section {
                section = item.section
                text += "### \(section)\n\n"
            }
            text += omitted[index] ? item.omitted : item.full
        }
        return text
    }

    private func size(_ summary: String, _ items: [Item], _ omitted: [Bool]) -> Int {
        var total = MarkdownText.size(summary)
        var section = ""
        for (index, item) in items.enumerated() {
            if item.section != section {
                section = item.section
                total += MarkdownText.size("### \(section)\n\n")
            }
            total += MarkdownText.size(omitted[index] ? item.omitted : item.full)
        }
        return total
    }

    /// The summary and the addresses, one a line, grouped by action,
    /// without details. Destroys and replacements come first when
    /// `listsDestructive`; otherwise the warning lists them already.
    private func compactForm(_ summary: String, _ items: [Item], listsDestructive: Bool) -> String {
        var text = summary
        var groups: [(name: String, addresses: [String])] = []
        func isDestructive(_ item: Item) -> Bool {
            item.section == "Resource changes" && (item.group.hasPrefix("destroy") || item.group.hasPrefix("replace"))
        }
        let others = items.filter { !isDestructive($0) }
        for item in listsDestructive ? items.filter(isDestructive) + others : others {
            if let index = groups.firstIndex(where: { $0.name == item.group }) {
                groups[index].addresses.append(item.address)
            } else {
                groups.append((item.group, [item.address]))
            }
        }
        text += "Details are omitted to fit the size budget of \(maxCharacters) characters.\n"
        for group in groups {
            let count = group.addresses.reduce(0) { $0 + $1.split(separator: "\n").count }
            text += "\n**\(group.name)** (\(count))\n" + MarkdownText.block("text", group.addresses)
        }
        return text
    }
}
