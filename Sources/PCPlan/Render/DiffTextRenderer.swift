import PCLang

/// Options that travel down a rendering, as in Terraform's renderer. The
/// two replacement flags never reach grandchildren: `cloned` drops them.
struct RenderOptions: Sendable {
    /// Do not write `-> null` after deleted values (children of objects
    /// and lists, where the parent already says it).
    var overrideNullSuffix = false
    /// Write `# forces replacement` even when the node does not say so
    /// (elements of a set or block group that forces it as a whole).
    var forceForcesReplacement = false
    /// Never write `# forces replacement` (the before part of an unknown).
    var forbidForcesReplacement = false
    /// Show unchanged children instead of counting them.
    var showUnchangedChildren = false

    var cloned: RenderOptions {
        var copy = self
        copy.forceForcesReplacement = false
        copy.forbidForcesReplacement = false
        return copy
    }
}

/// Prints `DiffNode` trees in Terraform's plan layout: four spaces per
/// level, a three-column action symbol, `=` aligned within each object,
/// unchanged children counted rather than shown.
///
/// A rendering that spans lines starts on the current line and indents
/// every following line by `indent` levels.
struct DiffTextRenderer: Sendable {
    var style: RenderStyle

    /// Always shown, even unchanged, so a reader knows which object it is.
    static let importantAttributes: Set<String> = ["id", "name", "tags"]

    func render(_ node: DiffNode, indent: Int, _ options: RenderOptions) -> String {
        switch node.kind {
        case .primitive(let before, let after):
            return primitive(node, before: before, after: after, options)
        case .string(let before, let after):
            return string(node, before: before, after: after, indent: indent, options)
        case .jsonString(let document):
            return jsonString(node, document: document, indent: indent, options)
        case .jsonPaths(let diff):
            return jsonPaths(node, diff: diff, indent: indent, options)
        case .object(let attributes, let nested):
            return object(node, attributes: attributes, nested: nested, indent: indent, options)
        case .map(let elements):
            return map(node, elements: elements, indent: indent, options)
        case .list(let elements, let context):
            return list(node, elements: elements, context: context, indent: indent, options)
        case .set(let elements):
            return set(node, elements: elements, indent: indent, options)
        case .block(let attributes, let blocks):
            return block(node, attributes: attributes, groups: blocks, indent: indent, options)
        case .unknown(let before):
            guard let before, node.action != .create else {
                return "(known after apply)" + forcesReplacement(node.replace, options)
            }
            var beforeOptions = options.cloned
            beforeOptions.overrideNullSuffix = true
            if node.replace { beforeOptions.forbidForcesReplacement = true }
            return render(before, indent: indent, beforeOptions) + " -> (known after apply)"
                + forcesReplacement(node.replace, options)
        case .sensitive:
            return "(sensitive value)" + nullSuffix(node.action, options) + forcesReplacement(node.replace, options)
        case .sensitiveBlock:
            let prefix = RenderText.indent(indent) + style.lineSymbol(.noop)
            return "{" + forcesReplacement(node.replace, options) + "\n"
                + prefix + "  # At least one attribute in this block is (or was) sensitive,\n"
                + prefix + "  # so its contents will not be displayed.\n" + prefix + "}"
        case .typeChange(let before, let after):
            var inner = options
            inner.overrideNullSuffix = true
            return render(before, indent: indent, inner) + " " + arrow + " " + render(after, indent: indent, inner)
        }
    }

    /// Lines printed above a node: warnings that a value becomes (or stops
    /// being) sensitive.
    func warnings(_ node: DiffNode, indent: Int) -> [String] {
        let subject: String
        let beforeSensitive: Bool, afterSensitive: Bool, inner: ChangeAction
        switch node.kind {
        case .sensitive(let before, let after, let action):
            (subject, beforeSensitive, afterSensitive, inner) = ("attribute value", before, after, action)
        case .sensitiveBlock(let before, let after, let action):
            (subject, beforeSensitive, afterSensitive, inner) = ("block", before, after, action)
        default:
            return []
        }
        guard beforeSensitive != afterSensitive, inner != .create, inner != .delete else { return [] }
        var warning: String
        if beforeSensitive {
            warning = style.paint(
                "  # [yellow]Warning[reset]: this \(subject) will no longer be marked as sensitive\n"
                    + RenderText.indent(indent) + "  # after applying this change.")
        } else {
            warning = style.paint(
                "  # [yellow]Warning[reset]: this \(subject) will be marked as sensitive and will not\n"
                    + RenderText.indent(indent) + "  # display in UI output after applying this change.")
        }
        if subject == "attribute value" && inner == .noop { warning += " The value is unchanged." }
        return [warning]
    }

    // MARK: Pieces

    var arrow: String { style.color ? "\u{1B}[33m->\u{1B}[0m\u{1B}[0m" : "->" }

    func nullSuffix(_ action: ChangeAction, _ options: RenderOptions) -> String {
        guard !options.overrideNullSuffix && action == .delete else { return "" }
        return style.color ? " \u{1B}[90m-> null\u{1B}[0m\u{1B}[0m" : " -> null"
    }

    func forcesReplacement(_ replace: Bool, _ options: RenderOptions) -> String {
        guard (replace || options.forceForcesReplacement) && !options.forbidForcesReplacement else { return "" }
        return style.color ? " \u{1B}[31m# forces replacement\u{1B}[0m\u{1B}[0m" : " # forces replacement"
    }

    func unchanged(_ keyword: String, _ count: Int) -> String {
        style.dim("# (\(count) unchanged \(keyword)\(count == 1 ? "" : "s") hidden)")
    }

    /// The start of a nested line: indentation, then the action symbol.
    func lineStart(_ indent: Int, _ action: ChangeAction) -> String {
        RenderText.indent(indent) + style.lineSymbol(action)
    }

    func closing(_ indent: Int, _ bracket: String) -> String {
        lineStart(indent, .noop) + bracket
    }

    // MARK: Primitives

    private func primitive(_ node: DiffNode, before: Value, after: Value, _ options: RenderOptions) -> String {
        let replace = forcesReplacement(node.replace, options)
        switch node.action {
        case .create: return primitiveText(after) + replace
        case .delete: return primitiveText(before) + nullSuffix(node.action, options) + replace
        case .noop: return primitiveText(before) + replace
        default: return primitiveText(before) + " " + arrow + " " + primitiveText(after) + replace
        }
    }

    func primitiveText(_ value: Value) -> String {
        switch value.content {
        case .null: return style.dim("null")
        case .unknown: return "(known after apply)"
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return number.description
        case .string(let string): return style.verbatim(string.goQuoted)
        default: return (try? value.unmarkedDeepValue.jsonString()).map(style.verbatim) ?? "(known after apply)"
        }
    }

    func simple(_ string: RenderedString) -> String {
        switch string {
        case .null: style.dim("null")
        case .single(let text), .multiline(let text): style.verbatim(text.goQuoted)
        }
    }

    private func string(
        _ node: DiffNode, before: RenderedString, after: RenderedString, indent: Int, _ options: RenderOptions
    ) -> String {
        let replace = forcesReplacement(node.replace, options)
        var lines: [String] = []
        switch node.action {
        case .create, .noop:
            guard after.isMultiline else { return simple(after) + replace }
            lines = after.lines.map { lineStart(indent + 1, .noop) + style.verbatim(String($0)) }
        case .delete:
            if before.isNull { return simple(before) + replace }
            guard before.isMultiline else { return simple(before) + nullSuffix(node.action, options) + replace }
            lines = before.lines.map { lineStart(indent + 1, .noop) + style.verbatim(String($0)) }
        default:
            if !before.isMultiline && !after.isMultiline {
                return simple(before) + " " + arrow + " " + simple(after) + replace
            }
            let beforeLines = before.lines, afterLines = after.lines
            let pairs = ValueDiffer.slicePairs(beforeLines, afterLines, equal: ==, objects: { _ in false })
            for (b, a) in pairs {
                switch (b, a) {
                case (let b?, let a?) where beforeLines[b] != afterLines[a]:
                    lines.append(lineStart(indent + 1, .delete) + style.verbatim(String(beforeLines[b])))
                    lines.append(lineStart(indent + 1, .create) + style.verbatim(String(afterLines[a])))
                case (let b?, _?):
                    lines.append(lineStart(indent + 1, .noop) + style.verbatim(String(beforeLines[b])))
                case (let b?, nil):
                    lines.append(lineStart(indent + 1, .delete) + style.verbatim(String(beforeLines[b])))
                case (nil, let a?):
                    lines.append(lineStart(indent + 1, .create) + style.verbatim(String(afterLines[a])))
                case (nil, nil):
                    break
                }
            }
        }
        return "<<-EOT" + replace + "\n" + lines.joined(separator: "\n") + "\n" + closing(indent, "EOT")
            + nullSuffix(node.action, options)
    }

    private func jsonString(_ node: DiffNode, document: DiffNode, indent: Int, _ options: RenderOptions) -> String {
        var action = node.action
        var jsonOptions = options.cloned
        jsonOptions.overrideNullSuffix = true
        var whitespace = "", replace = ""
        if document.action == .noop && node.action == .update {
            // The documents differ only in spacing, which the structural
            // diff cannot show: say so, and show the document unchanged.
            whitespace = node.replace ? " # whitespace changes force replacement" : " # whitespace changes"
            jsonOptions.showUnchangedChildren = true
            action = .noop
        } else {
            replace = forcesReplacement(node.replace, options)
        }
        let rendered = render(document, indent: indent + 1, jsonOptions)
        if node.action == .create || node.action == .delete { action = .noop }
        if rendered.utf8.contains(UInt8(ascii: "\n")) {
            return "jsonencode(" + whitespace + "\n" + lineStart(indent + 1, action) + rendered + replace + "\n"
                + closing(indent, ")") + nullSuffix(node.action, options)
        }
        return "jsonencode(" + rendered + ")" + whitespace + replace
    }

    /// A JSON document's update as one line per changed path.
    private func jsonPaths(_ node: DiffNode, diff: StructuralDiff, indent: Int, _ options: RenderOptions) -> String {
        let replace = forcesReplacement(node.replace, options)
        guard !diff.entries.isEmpty else { return "jsonencode(…)" + " # whitespace changes" + replace }
        var text = "jsonencode(" + replace + "\n"
        for entry in diff.entries {
            text += lineStart(indent + 1, entry.action) + style.verbatim(entry.description) + "\n"
        }
        return text + closing(indent, ")")
    }
}
