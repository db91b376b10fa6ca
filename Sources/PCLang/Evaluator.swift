import PCDiagnostics
import PCLSyntax

/// Answers the references an expression makes: `var.x`, `local.y`,
/// `aws_instance.web`, `count.index`… The evaluator asks with the whole
/// traversal; the resolver says how many of its steps it consumed (for
/// `var.x` one, for `data.t.n` two) and the evaluator applies the rest.
public protocol ReferenceResolver {
    func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution
}

public enum ReferenceResolution: Sendable {
    case value(Value, consumedSteps: Int)
    case failure(Diagnostic)
}

/// A resolver that knows no names: templates rendered by `templatefile`
/// see only the variables they are given.
public struct NoReferences: ReferenceResolver {
    public init() {}

    public func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution {
        .failure(Diagnostic(
            code: .invalidReference,
            detail: "There is no variable named \"\(reference.root)\" here. A template can use only the variables passed to it.",
            file: file, subject: reference.rootRange))
    }
}

/// Evaluates expressions to values, collecting a diagnostic for each
/// problem and carrying on with an unknown value in its place, so one pass
/// reports everything.
public struct Evaluator: Sendable {
    public let functions: FunctionLibrary
    public var context: FunctionContext

    public init(functions: FunctionLibrary = .standard, context: FunctionContext) {
        self.functions = functions
        self.context = context
        let library = functions
        let base = context
        self.context.renderTemplate = { template, variables, name throws(FunctionError) in
            try Evaluator.render(template: template, variables: variables, name: name, functions: library, context: base)
        }
    }

    /// The value of `expression`, and what went wrong evaluating it.
    public func evaluate(
        _ expression: SyntaxExpression, in file: SourceFile, resolver: some ReferenceResolver,
        variables: [String: Value] = [:]
    ) -> (value: Value, diagnostics: [Diagnostic]) {
        var run = EvaluationRun(evaluator: self, file: file, resolver: resolver, locals: variables)
        let value = run.evaluate(expression)
        return (value, run.diagnostics)
    }

    /// Renders `template` as the body of a heredoc, with only `variables`
    /// in scope: what `templatefile` and `templatestring` do.
    static func render(
        template: String, variables: [String: Value], name: String,
        functions: FunctionLibrary, context: FunctionContext
    ) throws(FunctionError) -> Value {
        let (expression, file, parseDiagnostics) = TemplateSource.parse(template, name: name)
        if let error = parseDiagnostics.first(where: \.isError) {
            throw FunctionError(TemplateSource.describe(error, in: file))
        }
        var evaluator = Evaluator(functions: functions, context: context)
        // A template that renders templates could render itself forever.
        evaluator.context.renderTemplate = { _, _, _ throws(FunctionError) in
            throw FunctionError("Cannot call templatefile or templatestring from inside a template: render the inner template first, for example in a local value, and pass the result in as a variable.")
        }
        let (value, diagnostics) = evaluator.evaluate(expression, in: file, resolver: NoReferences(), variables: variables)
        if let error = diagnostics.first(where: \.isError) {
            throw FunctionError(TemplateSource.describe(error, in: file))
        }
        return value
    }
}

/// The state of one evaluation: diagnostics so far and the local names
/// (`for` iterators, template variables) in scope.
struct EvaluationRun<Resolver: ReferenceResolver> {
    let evaluator: Evaluator
    let file: SourceFile
    let resolver: Resolver
    var locals: [String: Value]
    var diagnostics: [Diagnostic] = []

    init(evaluator: Evaluator, file: SourceFile, resolver: Resolver, locals: [String: Value]) {
        self.evaluator = evaluator
        self.file = file
        self.resolver = resolver
        self.locals = locals
    }

    mutating func report(_ code: DiagnosticCode, summary: String? = nil, _ detail: String, at range: SourceRange, context: SourceRange? = nil) {
        diagnostics.append(Diagnostic(code: code, summary: summary, detail: detail, file: file, subject: range, context: context))
    }

    mutating func evaluate(_ expression: SyntaxExpression) -> Value {
        switch expression {
        case .literal(let node):
            return literal(node.value)
        case .template(let node):
            return template(node)
        case .templateWrap(let node):
            return evaluate(node.wrapped)
        case .templateIf(let node):
            return templateIf(node)
        case .templateFor(let node):
            return templateFor(node)
        case .scopeTraversal(let node):
            return scopeTraversal(node)
        case .relativeTraversal(let node):
            let source = evaluate(node.source)
            return traverse(source, steps: node.steps[...])
        case .functionCall(let node):
            return functionCall(node)
        case .conditional(let node):
            return conditional(node)
        case .binary(let node):
            return binary(node)
        case .unary(let node):
            return unary(node)
        case .tuple(let node):
            return .tuple(node.elements.map { evaluate($0) })
        case .object(let node):
            return object(node)
        case .forExpression(let node):
            return forExpression(node)
        case .index(let node):
            let collection = evaluate(node.collection)
            let key = evaluate(node.key)
            return index(collection, key: key, range: node.bracketRange, keyRange: node.key.range)
        case .splat(let node):
            return splat(node)
        case .splatItem(let range):
            if let item = locals[EvaluationRun.splatItemName] { return item }
            report(.invalidExpression, "A splat item is used outside a splat expression.", at: range)
            return .unknown
        case .parenthesized(let node):
            return evaluate(node.inner)
        case .invalid:
            return .unknown
        }
    }

    static var splatItemName: String { "\u{0}splat" }

    func literal(_ value: LiteralValue) -> Value {
        switch value {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .number(let literal): .number(Number(literal))
        case .string(let string): .string(string)
        }
    }

    mutating func scopeTraversal(_ node: SyntaxExpression.ScopeTraversal) -> Value {
        if let local = locals[node.root] {
            return traverse(local, steps: node.steps[...])
        }
        switch resolver.resolve(node, in: file) {
        case .value(let value, let consumed):
            return traverse(value, steps: node.steps.dropFirst(consumed))
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return .unknown
        }
    }

    /// Applies attribute and index steps, reporting the first that fails.
    mutating func traverse(_ start: Value, steps: ArraySlice<TraversalStep>) -> Value {
        var value = start
        for step in steps {
            switch step {
            case .attribute(let name, let range):
                value = attribute(value, name: name, range: range)
            case .index(let key, let range):
                value = index(value, key: literal(key), range: range, keyRange: range)
            case .invalid:
                return .unknown
            }
            if case .unknown(.dynamic) = value.content, !value.isSensitive { return value }
        }
        return value
    }
}
