import PCDiagnostics

/// The contents of a file or of a block: arguments and nested blocks, in
/// source order.
public struct SyntaxBody: Sendable, Hashable {
    public var items: [SyntaxBodyItem]
    /// For a block, from its `{` to its `}`; for a file, the whole file.
    public var range: SourceRange

    public init(items: [SyntaxBodyItem], range: SourceRange) {
        self.items = items
        self.range = range
    }

    public var attributes: [SyntaxAttribute] {
        items.compactMap { if case .attribute(let attribute) = $0 { attribute } else { nil } }
    }

    public var blocks: [SyntaxBlock] {
        items.compactMap { if case .block(let block) = $0 { block } else { nil } }
    }
}

public enum SyntaxBodyItem: Sendable, Hashable {
    case attribute(SyntaxAttribute)
    case block(SyntaxBlock)

    public var range: SourceRange {
        switch self {
        case .attribute(let attribute): attribute.range
        case .block(let block): block.range
        }
    }
}

/// `name = value`. Duplicate names are not a syntax error; later stages
/// report them, pointing at `nameRange`.
public struct SyntaxAttribute: Sendable, Hashable {
    public var name: String
    public var value: SyntaxExpression
    public var nameRange: SourceRange
    public var equalsRange: SourceRange
    /// From the name to the end of the value.
    public var range: SourceRange

    public init(
        name: String, value: SyntaxExpression,
        nameRange: SourceRange, equalsRange: SourceRange, range: SourceRange
    ) {
        self.name = name
        self.value = value
        self.nameRange = nameRange
        self.equalsRange = equalsRange
        self.range = range
    }
}

/// `type "label" label { … }`, or the one-line form `type { name = value }`.
public struct SyntaxBlock: Sendable, Hashable {
    public var type: String
    public var labels: [SyntaxBlockLabel]
    public var body: SyntaxBody
    public var typeRange: SourceRange
    /// Empty ranges at the end of the header when a brace is missing.
    public var openBraceRange: SourceRange
    public var closeBraceRange: SourceRange
    /// From the type name to the closing brace.
    public var range: SourceRange

    public init(
        type: String, labels: [SyntaxBlockLabel], body: SyntaxBody,
        typeRange: SourceRange, openBraceRange: SourceRange,
        closeBraceRange: SourceRange, range: SourceRange
    ) {
        self.type = type
        self.labels = labels
        self.body = body
        self.typeRange = typeRange
        self.openBraceRange = openBraceRange
        self.closeBraceRange = closeBraceRange
        self.range = range
    }
}

/// A block label: a quoted string (no templates allowed) or a bare name.
public struct SyntaxBlockLabel: Sendable, Hashable {
    /// The decoded text of the label.
    public var value: String
    /// Includes the quotes of a quoted label.
    public var range: SourceRange
    public var isQuoted: Bool

    public init(value: String, range: SourceRange, isQuoted: Bool) {
        self.value = value
        self.range = range
        self.isQuoted = isQuoted
    }
}
