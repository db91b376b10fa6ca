import PCDiagnostics

/// An expression of the native syntax, following hclsyntax's node set.
///
/// Each case's payload carries the source range of the whole expression and
/// of the pieces later stages point at (operators, brackets, names).
/// `indirect` keeps the enum one pointer wide; the nesting depth limit in the
/// parser keeps trees shallow enough that recursive copies, comparisons and
/// deinitialisation cannot exhaust the stack.
public indirect enum SyntaxExpression: Sendable, Hashable {
    /// `null`, `true`, `false`, a number, or a string literal part of a
    /// template.
    case literal(Literal)
    /// A quoted string or heredoc with more than a lone interpolation. Parts
    /// are string literals, interpolated expressions, `templateIf` and
    /// `templateFor`.
    case template(Template)
    /// A template made only of one interpolation, `"${x}"`: its value is the
    /// value of `x`, not necessarily a string.
    case templateWrap(TemplateWrap)
    /// `%{if c}…%{else}…%{endif}` inside a template.
    case templateIf(TemplateIf)
    /// `%{for k, v in c}…%{endfor}` inside a template: the body's results
    /// joined into one string.
    case templateFor(TemplateFor)
    /// A name and the attribute and literal-index steps after it:
    /// `var.a[0].b`.
    case scopeTraversal(ScopeTraversal)
    /// Attribute and literal-index steps applied to any other expression:
    /// `f(x).a`, `(x)[0]`.
    case relativeTraversal(RelativeTraversal)
    case functionCall(FunctionCall)
    /// `c ? a : b`
    case conditional(Conditional)
    case binary(BinaryOperation)
    case unary(UnaryOperation)
    /// `[a, b]`
    case tuple(Tuple)
    /// `{ k = v, … }`
    case object(Object)
    /// `[for …]` or `{for …}`.
    case forExpression(ForExpression)
    /// `c[k]` where `k` is not a literal.
    case index(Index)
    /// `x.*.a` or `x[*].a`.
    case splat(Splat)
    /// Stands for each element of a splat's source inside `Splat.each`.
    case splatItem(SourceRange)
    /// `(x)`: kept so ranges include the parentheses, and because a
    /// parenthesised object key is an expression, never a bare name.
    case parenthesized(Parenthesized)
    /// Where the parser could not make sense of the input; a diagnostic has
    /// been (or would have been) reported. Evaluates to an unknown value.
    case invalid(SourceRange)

    public var range: SourceRange {
        switch self {
        case .literal(let node): node.range
        case .template(let node): node.range
        case .templateWrap(let node): node.range
        case .templateIf(let node): node.range
        case .templateFor(let node): node.range
        case .scopeTraversal(let node): node.range
        case .relativeTraversal(let node): node.range
        case .functionCall(let node): node.range
        case .conditional(let node): node.range
        case .binary(let node): node.range
        case .unary(let node): node.range
        case .tuple(let node): node.range
        case .object(let node): node.range
        case .forExpression(let node): node.range
        case .index(let node): node.range
        case .splat(let node): node.range
        case .splatItem(let range): range
        case .parenthesized(let node): node.range
        case .invalid(let range): range
        }
    }

    public var isInvalid: Bool {
        if case .invalid = self { true } else { false }
    }
}

/// A constant value written directly in the source.
public enum LiteralValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(NumberLiteral)
    case string(String)
}

/// One step of a traversal.
public enum TraversalStep: Sendable, Hashable {
    /// `.name`; the range includes the dot.
    case attribute(name: String, range: SourceRange)
    /// `[literal]`, or the legacy `.0`; the range includes the brackets or
    /// the dot.
    case index(key: LiteralValue, range: SourceRange)
    /// A step the parser rejected (for example `.0.1`); evaluates to unknown.
    case invalid(range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .attribute(_, let range), .index(_, let range), .invalid(let range): range
        }
    }
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"

    /// Higher binds tighter; every level is left-associative.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .modulo: 6
        }
    }
}

public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    case negate = "-"
    case not = "!"
}
