import PCLang

/// Objects, maps, lists, sets and blocks, laid out as Terraform lays them.
extension DiffTextRenderer {
    func object(
        _ node: DiffNode, attributes: [DiffNode.Entry], nested: Bool, indent: Int, _ options: RenderOptions
    ) -> String {
        if attributes.isEmpty {
            return "{}" + nullSuffix(node.action, options) + forcesReplacement(node.replace, options)
        }
        var attributeOptions = options.cloned
        attributeOptions.overrideNullSuffix = !nested
        return "{" + forcesReplacement(node.replace, options) + "\n"
            + attributeLines(attributes, indent: indent, attributeOptions)
            + closing(indent, "}") + nullSuffix(node.action, options)
    }

    /// The `name = value` lines of an object's or a block's attributes,
    /// names aligned; unchanged ones (but the identifying attributes) are
    /// counted in one line unless `entryOptions` shows them.
    private func attributeLines(_ attributes: [DiffNode.Entry], indent: Int, _ entryOptions: RenderOptions) -> String {
        let names = attributes.map { style.verbatim(RenderText.attributeName($0.key)) }
        let width = names.map(\.utf8.count).max() ?? 0
        var unchangedCount = 0
        var text = ""
        for (entry, name) in zip(attributes, names) {
            var options = entryOptions
            if Self.importantAttributes.contains(entry.key) {
                options.showUnchangedChildren = true
            } else if entry.node.action == .noop && !entryOptions.showUnchangedChildren {
                unchangedCount += 1
                continue
            }
            text += attributeLine(entry.node, name: RenderText.padded(name, to: width), indent: indent, options)
        }
        if unchangedCount > 0 {
            text += lineStart(indent + 1, .noop) + unchanged("attribute", unchangedCount) + "\n"
        }
        return text
    }

    /// `name = value`, after any warnings about the value.
    private func attributeLine(
        _ node: DiffNode, name: String, indent: Int, _ options: RenderOptions, suffix: String = ""
    ) -> String {
        var text = ""
        for warning in warnings(node, indent: indent + 1) {
            text += RenderText.indent(indent + 1) + warning + "\n"
        }
        return text + lineStart(indent + 1, node.action) + name + " = " + render(node, indent: indent + 1, options)
            + suffix + "\n"
    }

    func map(_ node: DiffNode, elements: [DiffNode.Entry], indent: Int, _ options: RenderOptions) -> String {
        if elements.isEmpty {
            return "{}" + nullSuffix(node.action, options) + forcesReplacement(node.replace, options)
        }
        let keys = elements.map { $0.key.goQuoted }
        let width = keys.map(\.utf8.count).max() ?? 0
        var elementOptions = options.cloned
        elementOptions.overrideNullSuffix = node.action == .delete
        var unchangedCount = 0
        var text = "{" + forcesReplacement(node.replace, options) + "\n"
        for (entry, key) in zip(elements, keys) {
            if entry.node.action == .noop && !options.showUnchangedChildren {
                unchangedCount += 1
                continue
            }
            var comma = ""
            if case .object = entry.node.kind { comma = "," }
            text += attributeLine(
                entry.node, name: style.verbatim(RenderText.padded(key, to: width)), indent: indent, elementOptions,
                suffix: comma)
        }
        if unchangedCount > 0 {
            text += lineStart(indent + 1, .noop) + unchanged("element", unchangedCount) + "\n"
        }
        return text + closing(indent, "}") + nullSuffix(node.action, options)
    }

    func list(_ node: DiffNode, elements: [DiffNode], context: Bool, indent: Int, _ options: RenderOptions) -> String {
        if elements.isEmpty {
            return "[]" + nullSuffix(node.action, options) + forcesReplacement(node.replace, options)
        }
        var elementOptions = options.cloned
        elementOptions.overrideNullSuffix = true
        var unchangedOptions = options.cloned
        unchangedOptions.showUnchangedChildren = true

        var skipped: [DiffNode] = []
        // The element after a change is shown too, for context.
        var showNext = false
        var text = "[" + forcesReplacement(node.replace, options) + "\n"
        for element in elements {
            if element.action == .noop && !showNext && !options.showUnchangedChildren {
                skipped.append(element)
                continue
            }
            showNext = false
            var current = elementOptions
            if context {
                if skipped.count > 1 {
                    text += lineStart(indent + 1, .noop) + unchanged("element", skipped.count - 1) + "\n"
                }
                if let last = skipped.last {
                    // The element before a change, for context.
                    text += lineStart(indent + 1, last.action) + render(last, indent: indent + 1, unchangedOptions)
                        + ",\n"
                }
                skipped = []
                if element.action == .noop {
                    current = unchangedOptions
                } else {
                    showNext = true
                }
            }
            text += elementLine(element, indent: indent, current)
        }
        if !skipped.isEmpty {
            text += lineStart(indent + 1, .noop) + unchanged("element", skipped.count) + "\n"
        }
        return text + closing(indent, "]") + nullSuffix(node.action, options)
    }

    private func elementLine(_ element: DiffNode, indent: Int, _ options: RenderOptions) -> String {
        var text = ""
        for warning in warnings(element, indent: indent + 1) {
            text += RenderText.indent(indent + 1) + warning + "\n"
        }
        return text + lineStart(indent + 1, element.action) + render(element, indent: indent + 1, options) + ",\n"
    }

    func set(_ node: DiffNode, elements: [DiffNode], indent: Int, _ options: RenderOptions) -> String {
        if elements.isEmpty {
            return "[]" + nullSuffix(node.action, options) + forcesReplacement(node.replace, options)
        }
        var elementOptions = options.cloned
        elementOptions.overrideNullSuffix = true
        var unchangedCount = 0
        var text = "[" + forcesReplacement(node.replace, options) + "\n"
        for element in elements {
            if element.action == .noop && !options.showUnchangedChildren {
                unchangedCount += 1
                continue
            }
            text += elementLine(element, indent: indent, elementOptions)
        }
        if unchangedCount > 0 {
            text += lineStart(indent + 1, .noop) + unchanged("element", unchangedCount) + "\n"
        }
        return text + closing(indent, "]") + nullSuffix(node.action, options)
    }

    // MARK: Blocks

    func block(
        _ node: DiffNode, attributes: [DiffNode.Entry], groups: [DiffNode.BlockGroup], indent: Int,
        _ options: RenderOptions
    ) -> String {
        if attributes.isEmpty && groups.isEmpty {
            return "{}" + forcesReplacement(node.replace, options)
        }
        var text = "{" + forcesReplacement(node.replace, options) + "\n"
        text += attributeLines(attributes, indent: indent, options.cloned)
        var unchangedBlocks = 0
        for group in groups {
            var separated = false
            var blocks = group.blocks
            if group.unknown && group.nesting != .single {
                blocks.insert(DiffNode(node.action, .unknown(before: nil)), at: 0)
            }
            for var child in blocks {
                let sensitive =
                    (child.action == .create && group.afterSensitive)
                    || (child.action == .delete && group.beforeSensitive)
                    || ((child.action == .update || child.action == .noop)
                        && (group.afterSensitive || group.beforeSensitive))
                if sensitive, !child.isSensitiveBlock {
                    // The group as a whole is sensitive: hide each block.
                    var action = child.action
                    if action == .noop && group.beforeSensitive != group.afterSensitive { action = .update }
                    child = DiffNode(
                        action, replace: child.replace,
                        .sensitiveBlock(
                            beforeSensitive: group.beforeSensitive, afterSensitive: group.afterSensitive,
                            innerAction: child.action))
                }
                if child.action == .noop && !options.showUnchangedChildren {
                    unchangedBlocks += 1
                    continue
                }
                if !separated && !attributes.isEmpty {
                    text += "\n"
                    separated = true
                }
                var blockOptions = options.cloned
                blockOptions.forceForcesReplacement = group.replace
                for warning in warnings(child, indent: indent + 1) {
                    text += RenderText.indent(indent + 1) + warning + "\n"
                }
                text += lineStart(indent + 1, child.action) + RenderText.attributeName(group.name) + " "
                    + render(child, indent: indent + 1, blockOptions) + "\n"
            }
        }
        if unchangedBlocks > 0 {
            text += "\n" + lineStart(indent + 1, .noop) + unchanged("block", unchangedBlocks) + "\n"
        }
        return text + closing(indent, "}")
    }
}

extension DiffNode {
    var isSensitiveBlock: Bool {
        if case .sensitiveBlock = kind { return true }
        return false
    }
}
