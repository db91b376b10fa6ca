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
/// first column, where GitHub looks for it (see `MarkerLines`): `+`
/// created, `-` deleted, `!` changed in place (GitHub leaves `~`
/// uncoloured), a space for context and comments; a replaced resource's
/// header keeps `-/+` or `+/-`, a read keeps `<=`. Unchanged attributes are
/// counted, not shown; updates of JSON documents show only their changed
/// paths (`StructuralDiff`).
///
/// Size budget (`maxCharacters`, in UTF-16 code units as GitHub counts):
/// when the document would exceed it, the largest diffs are replaced by a
/// one-line note first ("diff omitted to fit the size budget: N lines");
/// if that is not enough, the details give way to lists of addresses,
/// grouped by action; then the warning's reasons go too and destroys and
/// replacements join the lists. If even that is too long, the document
/// says so at its top. The summary and every changed address are always
/// kept.
struct MarkdownPlanLayout: Sendable {
    var maxCharacters: Int
    var schemas: PlanRenderer.SchemaLookup?

    /// One collapsible part of the document: where it goes, what it is
    /// called, and (once rendered) its diff in full or as a note.
    struct Item {
        enum Source {
            case resource(ResourceChange, ResourceChangeText.Cause)
            case outputs([OutputChange])
        }

        var section: String
        /// Its group in the address list of the compact form.
        var group: String
        /// The address, or the changed outputs' names one a line.
        var address: String
        var opening: String
        var closing: String
        var source: Source
        var full = ""
        var omitted = ""

        /// The item with its diff omitted, before the diff is rendered:
        /// never longer than the real omitted form.
        var shortestSize: Int {
            MarkdownText.size(opening + Self.note(lines: 0) + closing)
        }

        static func note(lines: Int) -> String {
            "diff omitted to fit the size budget: \(lines) lines\n\n"
        }
    }

    func render(_ plan: Plan) -> String {
        let changes = plan.resourceChanges.filter(TerminalPlanLayout.isShown)
        var items = detailItems(plan, changes: changes)
        let head = summary(plan, changes: changes, withReasons: true)

        // When even the notes cannot fit, the diffs are not worth rendering.
        let shortest = size(head, items, items.map(\.shortestSize))
        if shortest <= maxCharacters {
            for index in items.indices { renderDiff(&items[index]) }
            var omitted = [Bool](repeating: false, count: items.count)
            var total = size(head, items, items.map { MarkdownText.size($0.full) })
            if total <= maxCharacters { return assemble(head, items, omitted) }

            // Largest diffs first; ties in document order, so the result is
            // stable.
            let fullSizes = items.map { MarkdownText.size($0.full) }
            let bySize = items.indices.sorted {
                fullSizes[$0] != fullSizes[$1] ? fullSizes[$0] > fullSizes[$1] : $0 < $1
            }
            for index in bySize {
                let saving = fullSizes[index] - MarkdownText.size(items[index].omitted)
                guard saving > 0 else { continue }
                omitted[index] = true
                total -= saving
                if total <= maxCharacters { return assemble(head, items, omitted) }
            }
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
        var items: [Item] = []
        let outputs = plan.outputChanges.filter { ValueDiffer().output($0).action != .noop }
        if !changes.isEmpty || !outputs.isEmpty || plan.mode == .refreshOnly {
            for change in plan.resourceDrift where change.action != .noop {
                items.append(item(change, cause: .drift, section: "Changed outside of pcplan"))
            }
        }
        for change in changes {
            items.append(item(change, cause: .proposed, section: "Resource changes"))
        }
        if !outputs.isEmpty {
            let names = outputs.map(\.name).sorted(by: Value.keyOrder)
            items.append(
                Item(
                    section: "Changes to outputs", group: "outputs", address: names.joined(separator: "\n"),
                    opening: "", closing: "", source: .outputs(plan.outputChanges)))
        }
        return items
    }

    private func item(_ change: ResourceChange, cause: ResourceChangeText.Cause, section: String) -> Item {
        let word = Self.actionWord(change.action, cause: cause)
        return Item(
            section: section, group: word, address: change.address,
            opening: "<details><summary><code>\(MarkdownText.html(change.address))</code> (\(word))</summary>\n\n",
            closing: "</details>\n\n", source: .resource(change, cause))
    }

    private func renderDiff(_ item: inout Item) {
        let style = RenderStyle(color: false, markers: true)
        let lines: [String]
        switch item.source {
        case .resource(let change, let cause):
            let text = ResourceChangeText(style: style, differ: ValueDiffer(flattensJSONUpdates: true))
            lines = MarkerLines.diffLines(text.render(change, cause: cause, schema: schemas?(change)))
        case .outputs(let outputs):
            let rendered = TerminalPlanLayout(style: style, width: 78, schemas: nil).outputLines(outputs)
            lines = MarkerLines.diffLines(rendered.joined(separator: "\n"))
        }
        var pending = ""
        if case .resource(let change, _) = item.source {
            // What the diff cannot say: which references leave a value
            // unknown until apply. Values the provider computes are left
            // out; every create has them.
            let reasons = change.unknownReasons.filter { $0.value.hasPrefix("depends on") }
            for name in reasons.keys.sorted() {
                pending += "- `\(MarkdownText.html(name))` \(MarkdownText.html(reasons[name]!))\n"
            }
            if !pending.isEmpty { pending = "Known after apply:\n\n" + pending }
        }
        item.full = item.opening + MarkdownText.block("diff", lines) + (pending.isEmpty ? "" : "\n" + pending)
            + (item.closing.isEmpty ? "\n" : "\n" + item.closing)
        item.omitted = item.opening + Item.note(lines: lines.count) + item.closing
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

    /// The size of the document made of `summary` and `items` of the
    /// given sizes, section headings included.
    private func size(_ summary: String, _ items: [Item], _ sizes: [Int]) -> Int {
        var total = MarkdownText.size(summary)
        var section = ""
        for (item, itemSize) in zip(items, sizes) {
            if item.section != section {
                section = item.section
                total += MarkdownText.size("### \(section)\n\n")
            }
            total += itemSize
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
