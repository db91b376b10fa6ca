import PCDiagnostics

// The payloads of `SyntaxExpression`'s cases.

extension SyntaxExpression {
    public struct Literal: Sendable, Hashable {
        public var value: LiteralValue
        public var range: SourceRange
        public init(value: LiteralValue, range: SourceRange) {
            self.value = value
            self.range = range
        }
    }

    public struct Template: Sendable, Hashable {
        /// Never empty: `""` holds one empty string literal.
        public var parts: [SyntaxExpression]
        public var range: SourceRange
        public init(parts: [SyntaxExpression], range: SourceRange) {
            self.parts = parts
            self.range = range
        }
    }

    public struct TemplateWrap: Sendable, Hashable {
        public var wrapped: SyntaxExpression
        public var range: SourceRange
        public init(wrapped: SyntaxExpression, range: SourceRange) {
            self.wrapped = wrapped
            self.range = range
        }
    }

    public struct TemplateIf: Sendable, Hashable {
        public var condition: SyntaxExpression
        public var trueResult: Template
        /// Nil without `%{else}`: the result is then the empty string.
        public var falseResult: Template?
        /// The `%{if …}` directive, from `%{` to `}`.
        public var ifRange: SourceRange
        public var range: SourceRange
        public init(
            condition: SyntaxExpression, trueResult: Template, falseResult: Template?,
            ifRange: SourceRange, range: SourceRange
        ) {
            self.condition = condition
            self.trueResult = trueResult
            self.falseResult = falseResult
            self.ifRange = ifRange
            self.range = range
        }
    }

    public struct TemplateFor: Sendable, Hashable {
        public var keyVariable: String?
        public var valueVariable: String
        public var collection: SyntaxExpression
        public var body: Template
        /// The `%{for …}` directive, from `%{` to `}`.
        public var forRange: SourceRange
        public var range: SourceRange
        public init(
            keyVariable: String?, valueVariable: String, collection: SyntaxExpression,
            body: Template, forRange: SourceRange, range: SourceRange
        ) {
            self.keyVariable = keyVariable
            self.valueVariable = valueVariable
            self.collection = collection
            self.body = body
            self.forRange = forRange
            self.range = range
        }
    }

    public struct ScopeTraversal: Sendable, Hashable {
        public var root: String
        public var rootRange: SourceRange
        public var steps: [TraversalStep]
        public var range: SourceRange
        public init(root: String, rootRange: SourceRange, steps: [TraversalStep], range: SourceRange) {
            self.root = root
            self.rootRange = rootRange
            self.steps = steps
            self.range = range
        }
    }

    public struct RelativeTraversal: Sendable, Hashable {
        public var source: SyntaxExpression
        /// Never empty.
        public var steps: [TraversalStep]
        public var range: SourceRange
        public init(source: SyntaxExpression, steps: [TraversalStep], range: SourceRange) {
            self.source = source
            self.steps = steps
            self.range = range
        }
    }

    public struct FunctionCall: Sendable, Hashable {
        /// Includes any namespace: `provider::aws::arn_parse`.
        public var name: String
        public var arguments: [SyntaxExpression]
        /// `f(a, b...)`: the last argument's elements become arguments.
        public var expandsFinalArgument: Bool
        public var nameRange: SourceRange
        public var openParenRange: SourceRange
        /// Empty at the end of the last argument when the `)` is missing.
        public var closeParenRange: SourceRange
        public var range: SourceRange
        public init(
            name: String, arguments: [SyntaxExpression], expandsFinalArgument: Bool,
            nameRange: SourceRange, openParenRange: SourceRange,
            closeParenRange: SourceRange, range: SourceRange
        ) {
            self.name = name
            self.arguments = arguments
            self.expandsFinalArgument = expandsFinalArgument
            self.nameRange = nameRange
            self.openParenRange = openParenRange
            self.closeParenRange = closeParenRange
            self.range = range
        }
    }

    public struct Conditional: Sendable, Hashable {
        public var condition: SyntaxExpression
        public var trueResult: SyntaxExpression
        public var falseResult: SyntaxExpression
        public var range: SourceRange
        public init(
            condition: SyntaxExpression, trueResult: SyntaxExpression,
            falseResult: SyntaxExpression, range: SourceRange
        ) {
            self.condition = condition
            self.trueResult = trueResult
            self.falseResult = falseResult
            self.range = range
        }
    }

    public struct BinaryOperation: Sendable, Hashable {
        public var op: BinaryOperator
        public var lhs: SyntaxExpression
        public var rhs: SyntaxExpression
        public var operatorRange: SourceRange
        public var range: SourceRange
        public init(
            op: BinaryOperator, lhs: SyntaxExpression, rhs: SyntaxExpression,
            operatorRange: SourceRange, range: SourceRange
        ) {
            self.op = op
            self.lhs = lhs
            self.rhs = rhs
            self.operatorRange = operatorRange
            self.range = range
        }
    }

    public struct UnaryOperation: Sendable, Hashable {
        public var op: UnaryOperator
        public var operand: SyntaxExpression
        public var operatorRange: SourceRange
        public var range: SourceRange
        public init(op: UnaryOperator, operand: SyntaxExpression, operatorRange: SourceRange, range: SourceRange) {
            self.op = op
            self.operand = operand
            self.operatorRange = operatorRange
            self.range = range
        }
    }

    public struct Tuple: Sendable, Hashable {
        public var elements: [SyntaxExpression]
        public var openRange: SourceRange
        public var range: SourceRange
        public init(elements: [SyntaxExpression], openRange: SourceRange, range: SourceRange) {
            self.elements = elements
            self.openRange = openRange
            self.range = range
        }
    }

    public struct Object: Sendable, Hashable {
        public var items: [ObjectItem]
        public var openRange: SourceRange
        public var range: SourceRange
        public init(items: [ObjectItem], openRange: SourceRange, range: SourceRange) {
            self.items = items
            self.openRange = openRange
            self.range = range
        }
    }

    /// `key = value` or `key: value` in an object constructor.
    ///
    /// A key that is a bare name (a `scopeTraversal` with no steps) means the
    /// string of that name; write `(name)` to use a variable's value as the
    /// key.
    public struct ObjectItem: Sendable, Hashable {
        public var key: SyntaxExpression
        public var value: SyntaxExpression
        /// The `=` or `:`.
        public var separatorRange: SourceRange
        public init(key: SyntaxExpression, value: SyntaxExpression, separatorRange: SourceRange) {
            self.key = key
            self.value = value
            self.separatorRange = separatorRange
        }
    }

    public struct ForExpression: Sendable, Hashable {
        public var keyVariable: String?
        public var valueVariable: String
        public var collection: SyntaxExpression
        /// The result before `=>`; present exactly when `isObject` (else a
        /// diagnostic was reported).
        public var keyResult: SyntaxExpression?
        public var valueResult: SyntaxExpression
        public var condition: SyntaxExpression?
        /// `{for … : k => v...}` collects values with the same key in a list.
        public var isGrouped: Bool
        /// `{for …}` builds an object, `[for …]` a tuple.
        public var isObject: Bool
        public var openRange: SourceRange
        public var closeRange: SourceRange
        public var range: SourceRange
        public init(
            keyVariable: String?, valueVariable: String, collection: SyntaxExpression,
            keyResult: SyntaxExpression?, valueResult: SyntaxExpression,
            condition: SyntaxExpression?, isGrouped: Bool, isObject: Bool,
            openRange: SourceRange, closeRange: SourceRange, range: SourceRange
        ) {
            self.keyVariable = keyVariable
            self.valueVariable = valueVariable
            self.collection = collection
            self.keyResult = keyResult
            self.valueResult = valueResult
            self.condition = condition
            self.isGrouped = isGrouped
            self.isObject = isObject
            self.openRange = openRange
            self.closeRange = closeRange
            self.range = range
        }
    }

    public struct Index: Sendable, Hashable {
        public var collection: SyntaxExpression
        public var key: SyntaxExpression
        /// From `[` to `]`.
        public var bracketRange: SourceRange
        public var range: SourceRange
        public init(collection: SyntaxExpression, key: SyntaxExpression, bracketRange: SourceRange, range: SourceRange) {
            self.collection = collection
            self.key = key
            self.bracketRange = bracketRange
            self.range = range
        }
    }

    public struct Splat: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// `.*`: only attribute and legacy index steps follow.
            case attributeOnly
            /// `[*]`: every following step applies to each element.
            case full
        }
        public var kind: Kind
        public var source: SyntaxExpression
        /// What each element becomes, written in terms of `splatItem`.
        public var each: SyntaxExpression
        /// `.*` or `[*]`.
        public var markerRange: SourceRange
        public var range: SourceRange
        public init(kind: Kind, source: SyntaxExpression, each: SyntaxExpression, markerRange: SourceRange, range: SourceRange) {
            self.kind = kind
            self.source = source
            self.each = each
            self.markerRange = markerRange
            self.range = range
        }
    }

    public struct Parenthesized: Sendable, Hashable {
        public var inner: SyntaxExpression
        public var range: SourceRange
        public init(inner: SyntaxExpression, range: SourceRange) {
            self.inner = inner
            self.range = range
        }
    }
}
