import PCDiagnostics
import PCLSyntax
import PCLang

/// Turns top-level blocks into declarations, checking the arguments each
/// block accepts. Provider-specific arguments of resources are checked
/// later, against the provider's schema.
struct DeclarationDecoder {
    var diagnostics: [Diagnostic] = []

    static let blockTypes = ["variable", "locals", "output", "resource", "data", "module", "provider", "pcplan", "moved", "terraform"]

    mutating func decode(_ syntax: SyntaxFile, into module: inout Module) {
        let file = syntax.source
        for item in syntax.body.items {
            switch item {
            case .attribute(let attribute):
                report(.unsupportedArgument, "An argument named \"\(attribute.name)\" is not expected at the top level of a configuration file. Put it inside a block such as locals { … }.",
                       file, attribute.nameRange)
            case .block(let block):
                decodeBlock(block, file: file, into: &module)
            }
        }
    }

    private mutating func decodeBlock(_ block: SyntaxBlock, file: SourceFile, into module: inout Module) {
        switch block.type {
        case "variable": if let labels = labels(block, ["name"], file) { variable(block, name: labels[0], file: file, into: &module) }
        case "locals": locals(block, file: file, into: &module)
        case "output": if let labels = labels(block, ["name"], file) { output(block, name: labels[0], file: file, into: &module) }
        case "resource": if let labels = labels(block, ["type", "name"], file) { resource(block, mode: .managed, labels: labels, file: file, into: &module) }
        case "data": if let labels = labels(block, ["type", "name"], file) { resource(block, mode: .data, labels: labels, file: file, into: &module) }
        case "module": if let labels = labels(block, ["name"], file) { moduleCall(block, name: labels[0], file: file, into: &module) }
        case "provider": if let labels = labels(block, ["name"], file) { provider(block, name: labels[0], file: file, into: &module) }
        case "pcplan", "terraform": if labels(block, [], file) != nil { settings(block, file: file, into: &module) }
        case "moved": if labels(block, [], file) != nil { moved(block, file: file, into: &module) }
        default:
            let suggestion = Suggestion.closest(to: block.type, among: DeclarationDecoder.blockTypes).map { " Did you mean \"\($0)\"?" } ?? ""
            report(.unsupportedBlockType, "Blocks of type \"\(block.type)\" are not expected here.\(suggestion)", file, block.typeRange)
        }
    }

    /// The block's labels if it has exactly the expected ones.
    private mutating func labels(_ block: SyntaxBlock, _ names: [String], _ file: SourceFile) -> [String]? {
        guard block.labels.count == names.count else {
            if block.labels.count < names.count {
                let missing = names[block.labels.count]
                report(.missingBlockLabel, "A \"\(block.type)\" block needs \(names.count) label\(names.count == 1 ? "" : "s"): \(names.map { "the \($0)" }.joined(separator: " and ")). The \(missing) is missing.",
                       file, block.typeRange)
            } else {
                let extra = block.labels[names.count]
                report(.unsupportedArgument, summary: "Extraneous label for \(block.type)",
                       names.isEmpty ? "A \"\(block.type)\" block takes no labels. Remove \"\(extra.value)\"."
                           : "A \"\(block.type)\" block takes only \(names.count) label\(names.count == 1 ? "" : "s"). Remove \"\(extra.value)\".",
                       file, extra.range)
            }
            return nil
        }
        for label in block.labels where !Self.isValidName(label.value) {
            report(.invalidName, "\"\(label.value)\" is not a valid name: a name must start with a letter or underscore and may contain only letters, digits, underscores and dashes.",
                   file, label.range)
            return nil
        }
        return block.labels.map(\.value)
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Attributes by name, reporting any not in `allowed` and blocks not
    /// in `blocks`.
    mutating func arguments(
        _ body: SyntaxBody, allowed: [String], blocks: [String] = [], in context: String, _ file: SourceFile
    ) -> [String: SyntaxAttribute] {
        var result: [String: SyntaxAttribute] = [:]
        for attribute in body.attributes {
            guard allowed.contains(attribute.name) else {
                let suggestion = Suggestion.closest(to: attribute.name, among: allowed).map { " Did you mean \"\($0)\"?" } ?? ""
                report(.unsupportedArgument, "An argument named \"\(attribute.name)\" is not expected in \(context).\(suggestion)", file, attribute.nameRange)
                continue
            }
            result[attribute.name] = attribute
        }
        for block in body.blocks where !blocks.contains(block.type) {
            report(.unsupportedBlockType, "Blocks of type \"\(block.type)\" are not expected in \(context).", file, block.typeRange)
        }
        return result
    }

    mutating func report(_ code: DiagnosticCode, summary: String? = nil, _ detail: String, _ file: SourceFile, _ range: SourceRange) {
        diagnostics.append(Diagnostic(code: code, summary: summary, detail: detail, file: file, subject: range))
    }

    /// A literal bool argument (`sensitive = true`).
    mutating func constantBool(_ attribute: SyntaxAttribute?, _ file: SourceFile, default value: Bool) -> Bool {
        guard let attribute else { return value }
        var expression = attribute.value
        if case .parenthesized(let inner) = expression { expression = inner.inner }
        if case .literal(let literal) = expression, case .bool(let bool) = literal.value { return bool }
        report(.invalidValueForArgument, "The argument \"\(attribute.name)\" must be the literal true or false.", file, attribute.value.range)
        return value
    }

    /// A literal string argument (`source = "./x"`, `description`).
    mutating func constantString(_ attribute: SyntaxAttribute?, _ file: SourceFile) -> String? {
        guard let attribute else { return nil }
        if let string = Self.literalString(attribute.value) { return string }
        report(.invalidValueForArgument, "The argument \"\(attribute.name)\" must be a literal string; references and templates are not allowed here.", file, attribute.value.range)
        return nil
    }

    /// The text of a quoted string with nothing interpolated, or nil.
    static func literalString(_ expression: SyntaxExpression) -> String? {
        switch expression {
        case .literal(let literal):
            if case .string(let string) = literal.value { return string }
        case .template(let template):
            if template.parts.count == 1, case .literal(let literal) = template.parts[0], case .string(let string) = literal.value {
                return string
            }
        default:
            break
        }
        return nil
    }

    /// `[a.b, c.d]` of plain references, for `depends_on`.
    mutating func references(_ attribute: SyntaxAttribute?, _ file: SourceFile) -> [Reference] {
        guard let attribute else { return [] }
        guard case .tuple(let tuple) = attribute.value else {
            report(.invalidValueForArgument, "The argument \"\(attribute.name)\" must be a list of references, like [aws_iam_role.task, module.network].",
                   file, attribute.value.range)
            return []
        }
        var result: [Reference] = []
        for element in tuple.elements {
            guard case .scopeTraversal(let traversal) = element else {
                report(.invalidValueForArgument, "Each element of \"\(attribute.name)\" must be a reference to a resource, data source or module, not an expression.",
                       file, element.range)
                continue
            }
            result.append(Reference(traversal: traversal, file: file))
        }
        return result
    }
}
