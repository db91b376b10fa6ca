import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

/// Finds what each declaration refers to, and reports references to things
/// that are not declared — with a "did you mean" when a name is close.
struct ReferenceLinker {
    let root: Module
    let index: [ConfigNode: Int]

    typealias Dependency = (node: ConfigNode, file: SourceFile, range: SourceRange)

    mutating func dependencies(of node: ConfigNode, in module: Module, diagnostics: inout [Diagnostic]) -> [Dependency] {
        var result: [Dependency] = []
        func add(_ expression: SyntaxExpression?, _ file: SourceFile) {
            guard let expression else { return }
            for reference in ReferenceCollector.references(in: expression) {
                result += link(reference, file: file, in: module, diagnostics: &diagnostics)
            }
        }
        // depends_on: a module named there means every resource in it, not
        // only its outputs, as in Terraform.
        func addReferences(_ references: [Reference]) {
            for reference in references {
                let linked = link(reference.traversal, file: reference.file, in: module, diagnostics: &diagnostics)
                result += linked
                guard reference.traversal.root == "module", let call = linked.first?.node,
                      case .moduleCall(let name) = call.kind, let child = module.children[name] else { continue }
                let site = linked[0]
                for inner in child.allModules {
                    for address in inner.resources.keys.sorted() {
                        result.append((ConfigNode(module: inner.path, kind: .resource(address)), site.file, site.range))
                    }
                }
            }
        }
        switch node.kind {
        case .variable(let name):
            // A module's input is evaluated where the module is called, and
            // depends on what its own argument refers to — not on the other
            // arguments, as in Terraform, so a data source that uses one
            // input is not held back by a resource another input names.
            if let parentPath = node.module.isEmpty ? nil : Array(node.module.dropLast()),
               let parent = root.descendant(parentPath[...]),
               let caller = parent.moduleCalls[node.module.last!] {
                result.append((ConfigNode(module: parentPath, kind: .moduleCall(caller.name)), caller.file, caller.range))
                if let input = caller.inputs[name] {
                    for reference in ReferenceCollector.references(in: input.value) {
                        result += link(reference, file: caller.file, in: parent, diagnostics: &diagnostics)
                    }
                }
            }
            // Validation rules may name other variables of the module; they
            // are checked once those have values.
            if let variable = module.variables[name] {
                for validation in variable.validations {
                    add(validation.condition, variable.file)
                    add(validation.errorMessage, variable.file)
                }
            }
        case .local(let name):
            if let local = module.locals[name] { add(local.value, local.file) }
        case .output(let name):
            if let output = module.outputs[name] {
                add(output.value, output.file)
                addReferences(output.dependsOn)
                for rule in output.preconditions { add(rule.condition, output.file); add(rule.errorMessage, output.file) }
            }
        case .moduleCall(let name):
            if let call = module.moduleCalls[name] {
                // The inputs belong to the child's variables (above); the
                // call itself only needs what decides its instances and
                // what everything inside it waits for.
                add(call.count, call.file)
                add(call.forEach, call.file)
                addReferences(call.dependsOn)
            }
        case .resource(let address):
            if let resource = module.resources[address] {
                for reference in ReferenceCollector.references(in: resource.body) {
                    result += link(reference, file: resource.file, in: module, diagnostics: &diagnostics)
                }
                add(resource.count, resource.file)
                add(resource.forEach, resource.file)
                addReferences(resource.dependsOn)
                for trigger in resource.lifecycle.replaceTriggeredBy { add(trigger, resource.file) }
                for rule in resource.lifecycle.preconditions + resource.lifecycle.postconditions {
                    add(rule.condition, resource.file)
                    add(rule.errorMessage, resource.file)
                }
                let provider = ConfigNode(module: node.module, kind: .provider(resource.providerName, alias: resource.providerAlias))
                if index[provider] != nil { result.append((provider, resource.file, resource.headerRange)) }
                // Everything in a module waits for what the module call
                // waits for (its depends_on, its count and for_each).
                if let name = node.module.last {
                    result.append((ConfigNode(module: Array(node.module.dropLast()), kind: .moduleCall(name)), resource.file, resource.headerRange))
                }
            }
        case .provider(let name, let alias):
            if let provider = module.providers.first(where: { $0.name == name && $0.alias == alias }) {
                for reference in ReferenceCollector.references(in: provider.body) {
                    result += link(reference, file: provider.file, in: module, diagnostics: &diagnostics)
                }
            }
        }
        // A local, resource or output naming itself is a cycle of one and
        // stays; anything else's own name is not a dependency.
        switch node.kind {
        case .local, .resource, .output: return result
        default: return result.filter { $0.node != node }
        }
    }

    /// The declaration a reference names, or nothing for names that are
    /// not declarations (`count.index`, `each.key`, `path.module`).
    func link(_ reference: SyntaxExpression.ScopeTraversal, file: SourceFile, in module: Module, diagnostics: inout [Diagnostic]) -> [Dependency] {
        let path = module.path
        let steps = reference.steps
        func attributeName(_ position: Int) -> String? {
            guard position < steps.count, case .attribute(let name, _) = steps[position] else { return nil }
            return name
        }
        func undeclared(_ what: String, _ name: String, among candidates: some Sequence<String>, hint: String) -> [Dependency] {
            let suggestion = Suggestion.closest(to: name, among: candidates).map { " Did you mean \"\($0)\"?" } ?? ""
            diagnostics.append(Diagnostic(
                code: .undeclaredReference, summary: "Reference to undeclared \(what)",
                detail: "\(hint)\(suggestion)", file: file, subject: reference.range))
            return []
        }
        let site = reference.range
        switch reference.root {
        case "var":
            guard let name = attributeName(0) else { return invalid(reference, "var", file, &diagnostics) }
            guard module.variables[name] != nil else {
                return undeclared("input variable", name, among: module.variables.keys,
                                  hint: "An input variable named \"\(name)\" is not declared in the \(module.displayName). Declare it with a variable \"\(name)\" block.")
            }
            return [(ConfigNode(module: path, kind: .variable(name)), file, site)]
        case "local":
            guard let name = attributeName(0) else { return invalid(reference, "local", file, &diagnostics) }
            guard module.locals[name] != nil else {
                return undeclared("local value", name, among: module.locals.keys,
                                  hint: "A local value named \"\(name)\" is not declared in the \(module.displayName). Declare it in a locals block.")
            }
            return [(ConfigNode(module: path, kind: .local(name)), file, site)]
        case "module":
            guard let name = attributeName(0) else { return invalid(reference, "module", file, &diagnostics) }
            guard module.moduleCalls[name] != nil else {
                return undeclared("module", name, among: module.moduleCalls.keys,
                                  hint: "No module call named \"\(name)\" is declared in the \(module.displayName).")
            }
            var result: [Dependency] = [(ConfigNode(module: path, kind: .moduleCall(name)), file, site)]
            guard let child = module.children[name] else { return result }
            if let output = attributeName(1) {
                guard child.outputs[output] != nil else {
                    return undeclared("module output", output, among: child.outputs.keys,
                                      hint: "The module \"\(name)\" has no output named \"\(output)\".")
                }
                result.append((ConfigNode(module: path + [name], kind: .output(output)), file, site))
            } else {
                result += child.outputs.keys.sorted().map { (ConfigNode(module: path + [name], kind: .output($0)), file, site) }
            }
            return result
        case "data":
            guard let type = attributeName(0), let name = attributeName(1) else { return invalid(reference, "data", file, &diagnostics) }
            let address = ResourceAddress(mode: .data, type: type, name: name)
            guard module.resources[address] != nil else {
                let candidates = module.resources.keys.filter { $0.mode == .data }.map(\.description)
                return undeclared("data source", "data.\(type).\(name)", among: candidates,
                                  hint: "A data source \"\(type)\" \"\(name)\" has not been declared in the \(module.displayName).")
            }
            return [(ConfigNode(module: path, kind: .resource(address)), file, site)]
        case "count", "each", "path", "self", "terraform", "pcplan":
            return []
        default:
            guard let name = attributeName(0) else {
                return undeclared("value", reference.root, among: ["var", "local", "module", "data"],
                                  hint: "There is no value named \"\(reference.root)\". A reference to a resource is written TYPE.NAME, like aws_instance.web.")
            }
            let address = ResourceAddress(mode: .managed, type: reference.root, name: name)
            guard module.resources[address] != nil else {
                let candidates = module.resources.keys.filter { $0.mode == .managed }.map(\.description)
                return undeclared("resource", address.description, among: candidates,
                                  hint: "A managed resource \"\(reference.root)\" \"\(name)\" has not been declared in the \(module.displayName).")
            }
            return [(ConfigNode(module: path, kind: .resource(address)), file, site)]
        }
    }

    private func invalid(_ reference: SyntaxExpression.ScopeTraversal, _ root: String, _ file: SourceFile, _ diagnostics: inout [Diagnostic]) -> [Dependency] {
        let example = switch root {
        case "var": "var.name"
        case "local": "local.name"
        case "module": "module.name.output"
        default: "data.TYPE.NAME"
        }
        diagnostics.append(Diagnostic(
            code: .invalidReference,
            detail: "A reference to \"\(root)\" must be followed by a name, as in \(example).", file: file, subject: reference.range))
        return []
    }
}
