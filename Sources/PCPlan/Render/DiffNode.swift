import PCLang

/// The computed diff of one value, ready to render: what happens to it,
/// whether it forces the replacement of its resource, and how its parts
/// changed. Built by `ValueDiffer`, printed by `DiffTextRenderer`; the shape
/// follows Terraform's plan renderer so the output reads the same.
///
/// Nested nodes only use `noop`, `create`, `update` and `delete`; the
/// replace and read actions exist only for whole resources.
struct DiffNode: Sendable {
    var action: ChangeAction
    /// This value's change is why the resource must be replaced.
    var replace: Bool
    var kind: Kind

    init(_ action: ChangeAction, replace: Bool = false, _ kind: Kind) {
        self.action = action
        self.replace = replace
        self.kind = kind
    }

    /// A named part: an attribute, a map element, a block.
    struct Entry: Sendable {
        var key: String
        var node: DiffNode
    }

    /// The nested blocks of one block type.
    struct BlockGroup: Sendable {
        enum Nesting: Sendable { case single, list, set }
        var name: String
        var nesting: Nesting
        var blocks: [DiffNode]
        var replace: Bool
        var beforeSensitive: Bool
        var afterSensitive: Bool
        var unknown: Bool
    }

    indirect enum Kind: Sendable {
        /// A number, bool or null.
        case primitive(before: Value, after: Value)
        /// A string that is not JSON: quoted, or a heredoc when multi-line.
        case string(before: RenderedString, after: RenderedString)
        /// A string holding JSON: `jsonencode(…)` around the document's diff.
        case jsonString(document: DiffNode)
        /// A JSON document's changes as flat paths (markdown reviews).
        case jsonPaths(StructuralDiff)
        /// An object; `nested` objects show `-> null` on deleted attributes.
        case object(attributes: [Entry], nested: Bool)
        case map(elements: [Entry])
        /// A list or tuple; `context` shows the neighbours of changes.
        case list(elements: [DiffNode], context: Bool)
        case set(elements: [DiffNode])
        /// A resource or nested block: attributes, then blocks.
        case block(attributes: [Entry], blocks: [BlockGroup])
        /// Known only after apply; `before` is what it was, if anything.
        case unknown(before: DiffNode?)
        case sensitive(beforeSensitive: Bool, afterSensitive: Bool, innerAction: ChangeAction)
        case sensitiveBlock(beforeSensitive: Bool, afterSensitive: Bool, innerAction: ChangeAction)
        /// A value whose kind changed (a string becoming JSON, null
        /// becoming a list): shown as `before -> after`.
        case typeChange(before: DiffNode, after: DiffNode)
    }
}

/// A string as the renderer shows it (Terraform's "evaluated string").
enum RenderedString: Sendable {
    case null
    /// Quoted on one line.
    case single(String)
    /// Trimmed of surrounding whitespace, shown as a heredoc.
    case multiline(String)

    init(_ value: Value) {
        guard let string = value.stringValue else {
            self = .null
            return
        }
        if string.utf8.contains(UInt8(ascii: "\n")) {
            self = .multiline(RenderedString.trimmed(string))
        } else {
            self = .single(string)
        }
    }

    var isMultiline: Bool {
        if case .multiline = self { return true }
        return false
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// `text` without leading and trailing white space (Go's
    /// `strings.TrimSpace`, which Terraform applies to multi-line strings).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The raw text, split into lines for a heredoc.
    var lines: [Substring] {
        switch self {
        case .null: ["null"]
        case .single(let text), .multiline(let text): text.split(separator: "\n", omittingEmptySubsequences: false)
        }
    }
}
