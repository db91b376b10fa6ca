import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

/// The values computed so far in one plan, per module instance.
struct ModuleValues {
    var variables: [String: Value] = [:]
    var locals: [String: Value] = [:]
    var outputs: [String: Value] = [:]
    /// A resource's value as references see it: one object, a tuple (with
    /// `count`) or an object by key (with `for_each`).
    var resources: [ResourceAddress: Value] = [:]
}

/// How an instance was repeated: what `count.index` and `each.*` are.
struct Repetition {
    var countIndex: Int?
    var eachKey: Value?
    var eachValue: Value?

    static let none = Repetition()
}

/// Values of all module instances; a class so scopes can read it while the
/// walk adds to it.
final class ValueTable {
    var modules: [ModuleInstance: ModuleValues] = [:]
    /// Instances of each static module path, in order.
    var instances: [[String]: [ModuleInstance]] = [[]: [.root]]
    /// How each module instance was repeated by its call.
    var repetitions: [ModuleInstance: Repetition] = [:]
    /// `terraform.workspace`.
    var workspace = "default"
}

/// Answers references for expressions in one module instance.
struct PlanScope: ReferenceResolver {
    let table: ValueTable
    let module: Module
    let instance: ModuleInstance
    let repetition: Repetition
    let rootDirectory: String

    func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution {
        func name(_ position: Int) -> String? {
            guard position < reference.steps.count, case .attribute(let name, _) = reference.steps[position] else { return nil }
            return name
        }
        let values = table.modules[instance] ?? ModuleValues()
        switch reference.root {
        case "var":
            guard let variable = name(0) else { break }
            return .value(values.variables[variable] ?? .unknown, consumedSteps: 1)
        case "local":
            guard let local = name(0) else { break }
            return .value(values.locals[local] ?? .unknown, consumedSteps: 1)
        case "module":
            guard let call = name(0) else { break }
            return .value(moduleValue(call), consumedSteps: 1)
        case "data":
            guard let type = name(0), let resource = name(1) else { break }
            return .value(values.resources[ResourceAddress(mode: .data, type: type, name: resource)] ?? .unknown, consumedSteps: 2)
        case "count":
            guard name(0) == "index" else { break }
            guard let index = repetition.countIndex else {
                return .failure(Diagnostic(
                    code: .invalidReference, summary: "Reference to \"count\" in non-counted context",
                    detail: "count.index is only available in blocks that use the count argument.", file: file, subject: reference.range))
            }
            return .value(.number(index), consumedSteps: 1)
        case "each":
            guard let field = name(0), field == "key" || field == "value" else { break }
            guard let key = repetition.eachKey else {
                return .failure(Diagnostic(
                    code: .invalidReference, summary: "each.\(field) cannot be used in this context",
                    detail: "each.key and each.value are only available in blocks that use the for_each argument.", file: file, subject: reference.range))
            }
            return .value(field == "key" ? key : (repetition.eachValue ?? key), consumedSteps: 1)
        case "path":
            switch name(0) {
            case "module": return .value(.string(module.directory), consumedSteps: 1)
            case "root": return .value(.string(rootDirectory), consumedSteps: 1)
            case "cwd": return .value(.string("."), consumedSteps: 1)
            default: break
            }
        case "terraform", "pcplan":
            if name(0) == "workspace" { return .value(.string(table.workspace), consumedSteps: 1) }
        default:
            guard let resource = name(0) else { break }
            return .value(values.resources[ResourceAddress(mode: .managed, type: reference.root, name: resource)] ?? .unknown, consumedSteps: 1)
        }
        return .failure(Diagnostic(
            code: .invalidReference,
            detail: "\"\(file.text(in: reference.range))\" is not a valid reference here.", file: file, subject: reference.range))
    }

    /// `module.NAME`: the outputs of its instance(s).
    private func moduleValue(_ call: String) -> Value {
        guard let declaration = module.moduleCalls[call] else { return .unknown }
        let childPath = module.path + [call]
        let children = (table.instances[childPath] ?? []).filter { $0.parent == instance }
        func outputs(_ child: ModuleInstance) -> Value {
            .object(table.modules[child]?.outputs ?? [:])
        }
        if declaration.count != nil {
            return .tuple(children.map(outputs))
        }
        if declaration.forEach != nil {
            var result: [String: Value] = [:]
            for child in children {
                if case .key(let key)? = child.steps.last?.key { result[key] = outputs(child) }
            }
            return .object(result)
        }
        return children.first.map(outputs) ?? .unknown
    }
}
