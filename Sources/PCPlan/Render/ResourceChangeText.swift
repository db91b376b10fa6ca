import PCLang
import PCProvider

/// The text of one resource change in Terraform's words: the comment lines
/// above it (`# aws_x.y will be created`, the reason, `(moved from …)`) and
/// the diff of its attributes under `+ resource "TYPE" "NAME" {`. Shared by
/// the terminal and markdown renderers.
struct ResourceChangeText: Sendable {
    /// A proposed change, or drift found by refresh (worded "has changed").
    enum Cause: Sendable { case proposed, drift }

    var style: RenderStyle
    var differ: ValueDiffer

    /// The comment and the diff, without a trailing newline.
    func render(_ change: ResourceChange, cause: Cause, schema: ResourceSchema?) -> String {
        comment(change, cause: cause) + body(change, schema: schema)
    }

    /// `+ resource "TYPE" "NAME" {` and the attributes' diff.
    func body(_ change: ResourceChange, schema: ResourceSchema?) -> String {
        let node = differ.resource(change, schema: schema)
        let renderer = DiffTextRenderer(style: style)
        return style.lineSymbol(change.action) + header(change) + " " + renderer.render(node, indent: 0, RenderOptions())
    }

    func header(_ change: ResourceChange) -> String {
        let mode = change.mode == .managed ? "resource" : "data"
        return style.verbatim("\(mode) \"\(change.type)\" \"\(change.name)\"")
    }

    static func isMoved(_ change: ResourceChange) -> Bool {
        if let previous = change.previousAddress, !previous.isEmpty, previous != change.address { return true }
        return false
    }

    /// The comment lines, each ending in a newline.
    func comment(_ change: ResourceChange, cause: Cause) -> String {
        var address = change.address
        if let deposed = change.deposedKey, !deposed.isEmpty { address += " (deposed object \(deposed))" }
        address = style.verbatim(address)
        let previous = style.verbatim(change.previousAddress ?? "")
        var text: String
        var printedMoved = false
        switch change.action {
        case .create:
            text = "[bold]  # \(address)[reset] will be created"
        case .read:
            text = "[bold]  # \(address)[reset] will be read during apply"
            switch change.reason {
            case .readBecauseConfigUnknown: text += "\n  # (config refers to values not yet known)"
            case .readBecauseDependencyPending: text += "\n  # (depends on a resource or a module with changes pending)"
            default: break
            }
        case .update:
            text =
                cause == .proposed
                ? "[bold]  # \(address)[reset] will be updated in-place" : "[bold]  # \(address)[reset] has changed"
        case .deleteThenCreate, .createThenDelete:
            switch change.reason {
            case .replaceBecauseTainted: text = "[bold]  # \(address)[reset] is tainted, so must be [bold][red]replaced[reset]"
            case .replaceByRequest: text = "[bold]  # \(address)[reset] will be [bold][red]replaced[reset], as requested"
            case .replaceByTriggers:
                text = "[bold]  # \(address)[reset] will be [bold][red]replaced[reset] due to changes in replace_triggered_by"
            default: text = "[bold]  # \(address)[reset] must be [bold][red]replaced[reset]"
            }
        case .delete:
            text =
                cause == .proposed
                ? "[bold]  # \(address)[reset] will be [bold][red]destroyed[reset]"
                : "[bold]  # \(address)[reset] has been deleted"
            if let reason = Self.deleteReason(change) { text += "\n  # (\(style.verbatim(reason)))" }
            if let deposed = change.deposedKey, !deposed.isEmpty {
                text += "\n  # (left over from a partially-failed replacement of this instance)"
            }
        case .noop:
            if Self.isMoved(change) {
                text = "[bold]  # \(previous)[reset] has moved to [bold]\(address)[reset]"
                printedMoved = true
            } else {
                text = "\(address) has an action the plan renderer doesn't support (this is a bug)"
            }
        }
        text += "\n"
        if Self.isMoved(change) && !printedMoved {
            text += "  # [reset](moved from \(previous))\n"
        }
        return style.paint(text)
    }

    /// Why an object is deleted, in Terraform's words ("because
    /// aws_x.y is not in configuration"); nil when there is nothing to add.
    static func deleteReason(_ change: ResourceChange) -> String? {
        switch change.reason {
        case .deleteBecauseNoResourceConfig:
            return "because \(change.type).\(change.name) is not in configuration"
        case .deleteBecauseNoModule:
            return "because \(change.moduleAddress ?? "its module") is not in configuration"
        case .deleteBecauseWrongRepetition:
            switch change.index?.content {
            case .number: return "because resource does not use count"
            case .string: return "because resource does not use for_each"
            default: return "because resource uses count or for_each"
            }
        case .deleteBecauseCountIndex:
            return "because index [\(indexText(change.index))] is out of range for count"
        case .deleteBecauseEachKey:
            return "because key [\(indexText(change.index))] is not in for_each map"
        default:
            return nil
        }
    }

    /// An instance key as the JSON plan writes it: `1`, `"a"`.
    static func indexText(_ index: Value?) -> String {
        guard let index else { return "null" }
        switch index.content {
        case .number(let number): return number.description
        case .string(let string): return string.goQuoted
        default: return (try? index.unmarkedDeepValue.jsonString()) ?? "null"
        }
    }
}
