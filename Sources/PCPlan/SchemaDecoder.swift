import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang
import PCProvider

/// Evaluates a resource's body against its type's schema: each argument
/// converted to its declared type, nested and `dynamic` blocks expanded,
/// and every argument the schema does not know reported where it is.
struct SchemaDecoder {
    let evaluator: Evaluator
    let scope: PlanScope
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    init(evaluator: Evaluator, scope: PlanScope, file: SourceFile) {
        self.evaluator = evaluator
        self.scope = scope
        self.file = file
    }

    mutating func decode(_ body: SyntaxBody, schema: ResourceSchema, locals: [String: Value] = [:], context: String, ownerRange: SourceRange) -> Value {
        var result: [String: Value] = [:]
        var seen: Set<String> = []
        for attribute in body.attributes {
            guard let attributeSchema = schema.attributes[attribute.name] else {
                let isBlock = schema.blocks[attribute.name] != nil
                let suggestion = Suggestion.closest(to: attribute.name, among: schema.attributes.keys).map { " Did you mean \"\($0)\"?" } ?? ""
                report(.unsupportedArgument,
                       isBlock ? "\"\(attribute.name)\" is a block in \(context): write it as \(attribute.name) { … } rather than with an equals sign."
                           : "An argument named \"\(attribute.name)\" is not expected in \(context).\(suggestion)",
                       attribute.nameRange)
                continue
            }
            guard attributeSchema.isSettable else {
                report(.unsupportedArgument, summary: "Value for unconfigurable attribute",
                       "\"\(attribute.name)\" is computed by the provider and cannot be set in \(context). Remove it.",
                       attribute.nameRange)
                continue
            }
            seen.insert(attribute.name)
            let (value, found) = evaluator.evaluate(attribute.value, in: file, resolver: scope, variables: locals)
            diagnostics += found
            do {
                result[attribute.name] = try Conversion.convert(value, to: attributeSchema.type)
            } catch {
                report(.invalidValueForArgument, summary: "Incorrect attribute value type",
                       "Inappropriate value for attribute \"\(attribute.name)\": \(ConversionMessage.describe(error)).",
                       attribute.value.range)
                result[attribute.name] = .unknown(attributeSchema.type)
            }
        }
        for (name, attributeSchema) in schema.attributes where !seen.contains(name) {
            if attributeSchema.isRequired {
                report(.missingRequiredArgument,
                       "The argument \"\(name)\" is required in \(context), but no definition was found. Add \(name) = ….",
                       ownerRange)
            }
            result[name] = .null(attributeSchema.type)
        }
        decodeBlocks(body, schema: schema, locals: locals, context: context, ownerRange: ownerRange, into: &result)
        return .object(result)
    }

    private mutating func decodeBlocks(_ body: SyntaxBody, schema: ResourceSchema, locals: [String: Value], context: String, ownerRange: SourceRange, into result: inout [String: Value]) {
        var found: [String: [Value]] = [:]
        var unknownBlocks: Set<String> = []
        for block in body.blocks {
            if block.type == "dynamic" {
                guard let name = block.labels.first?.value, let blockSchema = schema.blocks[name] else {
                    report(.unsupportedBlockType, "A dynamic block must be labelled with a block type that \(context) accepts.", block.typeRange)
                    continue
                }
                guard let values = dynamicBlocks(block, name: name, schema: blockSchema, locals: locals) else {
                    unknownBlocks.insert(name)
                    continue
                }
                found[name, default: []] += values
                continue
            }
            guard let blockSchema = schema.blocks[block.type] else {
                let suggestion = Suggestion.closest(to: block.type, among: schema.blocks.keys).map { " Did you mean \"\($0)\"?" } ?? ""
                report(.unsupportedBlockType, "Blocks of type \"\(block.type)\" are not expected in \(context).\(suggestion)", block.typeRange)
                continue
            }
            if blockSchema.nesting == .single, found[block.type] != nil {
                report(.tooManyBlocks, "No more than one \"\(block.type)\" block is allowed in \(context).", block.typeRange)
                continue
            }
            found[block.type, default: []].append(decode(block.body, schema: blockSchema.content, locals: locals, context: "a \(block.type) block", ownerRange: block.typeRange))
        }
        for (name, blockSchema) in schema.blocks {
            let elementType = blockSchema.content.valueType
            if unknownBlocks.contains(name) {
                result[name] = .unknown(blockSchema.valueType)
                continue
            }
            let values = found[name] ?? []
            if values.count < blockSchema.minItems {
                report(.insufficientBlocks, "At least \(blockSchema.minItems) \"\(name)\" block\(blockSchema.minItems == 1 ? " is" : "s are") required in \(context).", ownerRange)
            }
            if let maximum = blockSchema.maxItems, values.count > maximum, blockSchema.nesting != .single {
                report(.tooManyBlocks, "No more than \(maximum) \"\(name)\" block\(maximum == 1 ? " is" : "s are") allowed in \(context).", ownerRange)
            }
            switch blockSchema.nesting {
            case .single: result[name] = values.first ?? .null(elementType)
            case .list: result[name] = .list(values, element: elementType)
            case .set: result[name] = .set(values, element: elementType)
            }
        }
    }

    /// The blocks a `dynamic` block generates, or nil when its `for_each` is
    /// not known yet.
    private mutating func dynamicBlocks(_ block: SyntaxBlock, name: String, schema: BlockSchema, locals: [String: Value]) -> [Value]? {
        var iterator = name
        var forEachExpression: SyntaxExpression?
        for attribute in block.body.attributes {
            switch attribute.name {
            case "for_each": forEachExpression = attribute.value
            case "iterator":
                if case .scopeTraversal(let traversal) = attribute.value, traversal.steps.isEmpty { iterator = traversal.root }
                else { report(.invalidDynamicBlock, "The iterator argument must be a single name, like rule.", attribute.value.range) }
            case "labels": break
            default: report(.unsupportedArgument, "An argument named \"\(attribute.name)\" is not expected in a dynamic block; put it inside content { … }.", attribute.nameRange)
            }
        }
        let contents = block.body.blocks.filter { $0.type == "content" }
        guard let forEachExpression, contents.count == 1 else {
            report(.invalidDynamicBlock, "A dynamic block needs a for_each argument and exactly one content block.", block.typeRange)
            return []
        }
        let (collection, found) = evaluator.evaluate(forEachExpression, in: file, resolver: scope, variables: locals)
        diagnostics += found
        if !collection.isKnown { return nil }
        let sensitive = collection.isSensitive
        var pairs: [(Value, Value)] = []
        switch collection.content {
        case .list(let elements, _), .tuple(let elements):
            pairs = elements.enumerated().map { (.number($0.offset), $0.element) }
        case .set(let elements, _):
            pairs = elements.map { ($0, $0) }
        case .map(let elements, _), .object(let elements):
            pairs = Value.sortedKeys(elements).map { (.string($0), elements[$0]!) }
        case .null:
            return []
        default:
            report(.invalidDynamicBlock, "The for_each of a dynamic block must be a collection (list, set, map or object), not a \(collection.type.friendlyName).", forEachExpression.range)
            return []
        }
        var values: [Value] = []
        for (key, value) in pairs {
            var inner = locals
            inner[iterator] = Value.object(["key": key, "value": value]).marked(sensitive: sensitive)
            values.append(decode(contents[0].body, schema: schema.content, locals: inner, context: "a \(name) block", ownerRange: contents[0].typeRange))
        }
        return values
    }

    private mutating func report(_ code: DiagnosticCode, summary: String? = nil, _ detail: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(code: code, summary: summary, detail: detail, file: file, subject: range))
    }
}
