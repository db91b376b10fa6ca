import PCDiagnostics
import PCLSyntax

extension DeclarationDecoder {
    mutating func variable(_ block: SyntaxBlock, name: String, file: SourceFile, into module: inout Module) {
        let arguments = arguments(
            block.body, allowed: ["type", "default", "description", "sensitive", "nullable", "ephemeral"],
            blocks: ["validation"], in: "a variable block", file)
        var validations: [Validation] = []
        for validation in block.body.blocks where validation.type == "validation" {
            let inner = self.arguments(validation.body, allowed: ["condition", "error_message"], in: "a validation block", file)
            guard let condition = inner["condition"], let message = inner["error_message"] else {
                report(.missingRequiredArgument, "A validation block needs both \"condition\" and \"error_message\".", file, validation.typeRange)
                continue
            }
            validations.append(Validation(condition: condition.value, errorMessage: message.value, range: validation.range))
        }
        let declaration = VariableDeclaration(
            name: name, typeExpression: arguments["type"]?.value, defaultValue: arguments["default"]?.value,
            description: constantString(arguments["description"], file),
            isSensitive: constantBool(arguments["sensitive"], file, default: false),
            isNullable: constantBool(arguments["nullable"], file, default: true),
            validations: validations, file: file, range: block.range, nameRange: block.labels[0].range)
        if let existing = module.variables[name] {
            duplicate("variable \"\(name)\"", existing.file, existing.range, file, block.labels[0].range)
            return
        }
        module.variables[name] = declaration
    }

    mutating func locals(_ block: SyntaxBlock, file: SourceFile, into module: inout Module) {
        for nested in block.body.blocks {
            report(.unsupportedBlockType, "A locals block contains only arguments (name = value), not blocks.", file, nested.typeRange)
        }
        for attribute in block.body.attributes {
            if let existing = module.locals[attribute.name] {
                duplicate("local value \"\(attribute.name)\"", existing.file, existing.range, file, attribute.nameRange)
                continue
            }
            module.locals[attribute.name] = LocalDeclaration(name: attribute.name, value: attribute.value, file: file, range: attribute.range)
        }
    }

    mutating func output(_ block: SyntaxBlock, name: String, file: SourceFile, into module: inout Module) {
        let arguments = arguments(
            block.body, allowed: ["value", "description", "sensitive", "depends_on", "ephemeral"],
            blocks: ["precondition"], in: "an output block", file)
        guard let value = arguments["value"] else {
            report(.missingRequiredArgument, "The output \"\(name)\" needs a value: add value = <expression>.", file, block.typeRange)
            return
        }
        let declaration = OutputDeclaration(
            name: name, value: value.value, description: constantString(arguments["description"], file),
            isSensitive: constantBool(arguments["sensitive"], file, default: false),
            dependsOn: references(arguments["depends_on"], file), file: file, range: block.range,
            preconditions: conditions(in: block.body, postconditions: false, file: file).preconditions)
        if let existing = module.outputs[name] {
            duplicate("output \"\(name)\"", existing.file, existing.range, file, block.labels[0].range)
            return
        }
        module.outputs[name] = declaration
    }

    static let resourceMetaArguments: Set<String> = ["count", "for_each", "depends_on", "provider"]

    mutating func resource(_ block: SyntaxBlock, mode: ResourceMode, labels: [String], file: SourceFile, into module: inout Module) {
        let address = ResourceAddress(mode: mode, type: labels[0], name: labels[1])
        var meta: [String: SyntaxAttribute] = [:]
        var items: [SyntaxBodyItem] = []
        var lifecycle = Lifecycle()
        for item in block.body.items {
            switch item {
            case .attribute(let attribute) where Self.resourceMetaArguments.contains(attribute.name):
                meta[attribute.name] = attribute
            case .block(let nested) where nested.type == "lifecycle" && mode == .managed:
                lifecycle = decodeLifecycle(nested, file: file)
            case .block(let nested) where nested.type == "lifecycle":
                // A data source's lifecycle holds only its conditions.
                _ = arguments(nested.body, allowed: [], blocks: ["precondition", "postcondition"], in: "the lifecycle block of a data source", file)
                (lifecycle.preconditions, lifecycle.postconditions) = conditions(in: nested.body, postconditions: true, file: file)
            case .block(let nested) where nested.type == "connection" || nested.type == "provisioner":
                report(.unsupportedBlockType, "A \"\(nested.type)\" block is not supported in a \(mode == .data ? "data" : "resource") block.", file, nested.typeRange)
            default:
                items.append(item)
            }
        }
        if meta["count"] != nil, let forEach = meta["for_each"] {
            report(.conflictingArguments, "The \"count\" and \"for_each\" meta-arguments are mutually exclusive: only one may be used to repeat a resource.", file, forEach.nameRange)
        }
        var providerName = ResourceDeclaration.impliedProvider(of: address.type)
        var providerAlias: String?
        if let provider = meta["provider"] {
            if case .scopeTraversal(let traversal) = provider.value, traversal.steps.count <= 1 {
                providerName = traversal.root
                if case .attribute(let alias, _)? = traversal.steps.first { providerAlias = alias }
            } else {
                report(.invalidValueForArgument, "The provider argument must be a provider name, optionally with an alias, like aws or aws.west.", file, provider.value.range)
            }
        }
        let declaration = ResourceDeclaration(
            address: address, count: meta["count"]?.value, forEach: meta["for_each"]?.value,
            dependsOn: references(meta["depends_on"], file), providerName: providerName, providerAlias: providerAlias,
            lifecycle: lifecycle, body: SyntaxBody(items: items, range: block.body.range), file: file,
            range: block.range, headerRange: SourceRange(start: block.typeRange.start, end: block.labels.last!.range.end))
        if let existing = module.resources[address] {
            duplicate("\(mode == .data ? "data source" : "resource") \"\(address)\"", existing.file, existing.range, file, declaration.headerRange)
            return
        }
        module.resources[address] = declaration
    }

    private mutating func decodeLifecycle(_ block: SyntaxBlock, file: SourceFile) -> Lifecycle {
        let arguments = arguments(
            block.body, allowed: ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by"],
            blocks: ["precondition", "postcondition"], in: "a lifecycle block", file)
        var lifecycle = Lifecycle()
        lifecycle.createBeforeDestroy = constantBool(arguments["create_before_destroy"], file, default: false)
        lifecycle.preventDestroy = constantBool(arguments["prevent_destroy"], file, default: false)
        if let ignore = arguments["ignore_changes"] {
            switch ignore.value {
            case .scopeTraversal(let traversal) where traversal.root == "all" && traversal.steps.isEmpty:
                lifecycle.ignoreAllChanges = true
            case .tuple(let tuple):
                for element in tuple.elements {
                    if case .scopeTraversal(let traversal) = element {
                        lifecycle.ignoreChanges.append(traversal.root)
                    } else {
                        report(.invalidValueForArgument, "Each element of ignore_changes must be an attribute name, like tags.", file, element.range)
                    }
                }
            default:
                report(.invalidValueForArgument, "ignore_changes must be a list of attribute names, or the keyword all.", file, ignore.value.range)
            }
        }
        (lifecycle.preconditions, lifecycle.postconditions) = conditions(in: block.body, postconditions: true, file: file)
        if let triggers = arguments["replace_triggered_by"] {
            if case .tuple(let tuple) = triggers.value {
                lifecycle.replaceTriggeredBy = tuple.elements
            } else {
                report(.invalidValueForArgument, "replace_triggered_by must be a list of references to resources or their attributes.", file, triggers.value.range)
            }
        }
        return lifecycle
    }

    mutating func moduleCall(_ block: SyntaxBlock, name: String, file: SourceFile, into module: inout Module) {
        var inputs: [String: SyntaxAttribute] = [:]
        var meta: [String: SyntaxAttribute] = [:]
        for attribute in block.body.attributes {
            if ["source", "version", "count", "for_each", "depends_on", "providers"].contains(attribute.name) {
                meta[attribute.name] = attribute
            } else {
                inputs[attribute.name] = attribute
            }
        }
        for nested in block.body.blocks {
            report(.unsupportedBlockType, "A module block takes arguments only; blocks of type \"\(nested.type)\" are not expected in it.", file, nested.typeRange)
        }
        guard let sourceAttribute = meta["source"] else {
            report(.missingRequiredArgument, "The module \"\(name)\" needs a source: add source = \"./path/to/module\".", file, block.typeRange)
            return
        }
        guard let source = constantString(sourceAttribute, file) else { return }
        if meta["count"] != nil, let forEach = meta["for_each"] {
            report(.conflictingArguments, "The \"count\" and \"for_each\" meta-arguments are mutually exclusive.", file, forEach.nameRange)
        }
        let call = ModuleCall(
            name: name, source: source, sourceRange: sourceAttribute.value.range, count: meta["count"]?.value,
            forEach: meta["for_each"]?.value, dependsOn: references(meta["depends_on"], file), inputs: inputs,
            file: file, range: block.range)
        if let existing = module.moduleCalls[name] {
            duplicate("module \"\(name)\"", existing.file, existing.range, file, block.labels[0].range)
            return
        }
        module.moduleCalls[name] = call
    }

    mutating func provider(_ block: SyntaxBlock, name: String, file: SourceFile, into module: inout Module) {
        var alias: String?
        var items: [SyntaxBodyItem] = []
        for item in block.body.items {
            if case .attribute(let attribute) = item, attribute.name == "alias" {
                alias = constantString(attribute, file)
            } else {
                items.append(item)
            }
        }
        if let existing = module.providers.first(where: { $0.name == name && $0.alias == alias }) {
            duplicate("provider \"\(name)\"\(alias.map { " with alias \"\($0)\"" } ?? "")", existing.file, existing.range, file, block.labels[0].range)
            return
        }
        module.providers.append(ProviderDeclaration(name: name, alias: alias, body: SyntaxBody(items: items, range: block.body.range), file: file, range: block.range))
    }

    mutating func settings(_ block: SyntaxBlock, file: SourceFile, into module: inout Module) {
        _ = arguments(block.body, allowed: ["required_version"], blocks: ["required_providers", "backend"], in: "a \(block.type) block", file)
        for nested in block.body.blocks where nested.type == "backend" {
            backend(nested, file: file, into: &module)
        }
        for nested in block.body.blocks where nested.type == "required_providers" {
            for attribute in nested.body.attributes {
                var source = attribute.name
                if case .object(let object) = attribute.value {
                    for item in object.items {
                        if case .scopeTraversal(let key) = item.key, key.root == "source",
                           case .template(let template) = item.value, template.parts.count == 1,
                           case .literal(let literal) = template.parts[0], case .string(let string) = literal.value {
                            source = string
                        }
                    }
                }
                module.requiredProviders[attribute.name] = source
            }
        }
    }

    mutating func moved(_ block: SyntaxBlock, file: SourceFile, into module: inout Module) {
        let arguments = arguments(block.body, allowed: ["from", "to"], in: "a moved block", file)
        guard let from = arguments["from"], let to = arguments["to"] else {
            report(.missingRequiredArgument, "A moved block needs both \"from\" and \"to\".", file, block.typeRange)
            return
        }
        guard let fromAddress = movedAddress(from, file), let toAddress = movedAddress(to, file) else { return }
        module.moved.append(MovedDeclaration(from: fromAddress, to: toAddress, file: file, range: block.range))
    }

    private mutating func movedAddress(_ attribute: SyntaxAttribute, _ file: SourceFile) -> TargetAddress? {
        let text = file.text(in: attribute.value.range)
        switch TargetAddress.parse(String(text)) {
        case .success(let address):
            return address
        case .failure(let error):
            report(.invalidMovedAddress, error.message, file, attribute.value.range)
            return nil
        }
    }

    mutating func duplicate(_ what: String, _ firstFile: SourceFile, _ firstRange: SourceRange, _ file: SourceFile, _ range: SourceRange) {
        let first = firstFile.position(at: firstRange.start)
        report(.duplicateDeclaration, summary: "Duplicate \(what.split(separator: " ").first.map(String.init) ?? "") declaration",
               "A \(what) was already declared at \(firstFile.path):\(first.line),\(first.column). Each name must be unique within a module; rename or remove one of them.",
               file, range)
    }
}
