import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

extension Planner {
    /// The instances `count` or `for_each` asks for, or one instance without
    /// a key when neither is set. Nil after a diagnostic.
    ///
    /// A count or for_each left unknown after a provider could not be
    /// configured is not reported: its data sources were never read, and
    /// the provider's own error (already reported) is the one to fix.
    func expansion(
        count: SyntaxExpression?, forEach: SyntaxExpression?, file: SourceFile, scope: PlanScope, module: Module, what: String
    ) -> [(key: PCConfig.InstanceKey?, repetition: Repetition)]? {
        if let count {
            let value = evaluateExpression(count, file: file, scope: scope, module: module).unmarkedDeepValue
            if !value.isKnown {
                guard unconfigurableProviders.isEmpty else { return nil }
                diagnostics.append(Diagnostic(
                    code: .invalidCountArgument,
                    detail: "The \"count\" value of \(what) depends on values that cannot be determined until apply, so pcplan cannot predict how many instances will be created. To work around this, use -target to first apply only the resources that the count depends on, or compute the count from values known during planning.",
                    file: file, subject: count.range))
                return nil
            }
            guard let number = (try? Conversion.convert(value, to: .number))?.numberValue,
                  number.isInteger, let n = number.intValue, n >= 0 else {
                diagnostics.append(Diagnostic(
                    code: .invalidCountArgument,
                    detail: "The \"count\" value of \(what) must be a whole number, zero or greater\(value.isNull ? "; it is null" : "").",
                    file: file, subject: count.range))
                return nil
            }
            return (0..<n).map { (.index($0), Repetition(countIndex: $0)) }
        }
        guard let forEach else { return [(nil, .none)] }
        let value = evaluateExpression(forEach, file: file, scope: scope, module: module)
        if value.containsSensitive {
            diagnostics.append(Diagnostic(
                code: .invalidForEachArgument,
                detail: "Sensitive values cannot be used as for_each arguments: the keys would show in addresses. If the keys are not secret, wrap the value in nonsensitive(…).",
                file: file, subject: forEach.range))
            return nil
        }
        if !value.isKnown || (value.attributes == nil && !(value.elements?.allSatisfy(\.isKnown) ?? true)) {
            guard unconfigurableProviders.isEmpty else { return nil }
            diagnostics.append(Diagnostic(
                code: .invalidForEachArgument,
                detail: "The \"for_each\" value of \(what) depends on values that cannot be determined until apply, so pcplan cannot predict how many instances will be created. Use keys known during planning (for example names from variables), or use -target to first apply the resources the keys depend on.",
                file: file, subject: forEach.range))
            return nil
        }
        switch value.content {
        case .map(let elements, _), .object(let elements):
            return Value.sortedKeys(elements).map { (.key($0), Repetition(eachKey: .string($0), eachValue: elements[$0]!)) }
        case .set(let elements, _):
            var result: [(key: PCConfig.InstanceKey?, repetition: Repetition)] = []
            for element in elements {
                guard let key = element.stringValue else {
                    diagnostics.append(Diagnostic(
                        code: .invalidForEachArgument,
                        detail: "A set used with for_each must contain only strings; this one contains a \(element.type.friendlyName).",
                        file: file, subject: forEach.range))
                    return nil
                }
                result.append((.key(key), Repetition(eachKey: .string(key), eachValue: .string(key))))
            }
            return result
        default:
            let hint = value.elements != nil ? " Convert a list of strings with toset(…), or build a map with a for expression." : ""
            diagnostics.append(Diagnostic(
                code: .invalidForEachArgument,
                detail: "The \"for_each\" value must be a map, or a set of strings, and you have provided a value of type \(value.type.friendlyName).\(hint)",
                file: file, subject: forEach.range))
            return nil
        }
    }

    func expandModuleCall(_ call: ModuleCall, in instance: ModuleInstance, scope: PlanScope, module: Module) {
        let childPath = module.path + [call.name]
        guard let expanded = expansion(count: call.count, forEach: call.forEach, file: call.file, scope: scope, module: module, what: "module \"\(call.name)\"") else {
            return
        }
        for (key, repetition) in expanded {
            let child = instance.child(call.name, key: key)
            table.instances[childPath, default: []].append(child)
            table.repetitions[child] = repetition
            table.modules[child] = ModuleValues()
        }
    }
}
