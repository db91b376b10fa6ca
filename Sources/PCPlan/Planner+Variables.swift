import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

extension Planner {
    /// Sets a variable's value for one module instance: from the caller's
    /// input (child modules), from outside (root), or its default; then
    /// converts it to its type and checks its validations.
    func evaluateVariable(_ variable: VariableDeclaration, in instance: ModuleInstance, module: Module) {
        var constraint: TypeConstraint?
        if let typeExpression = variable.typeExpression {
            let (parsed, found) = TypeConstraint.parse(typeExpression, in: variable.file)
            diagnostics += found
            constraint = parsed
        }
        var value: Value?
        var valueSite: (SourceFile, SourceRange)?
        if instance.isRoot {
            value = rootInput(variable, constraint: constraint)
        } else if let parent = instance.parent, let parentModule = root.descendant(parent.modulePath[...]),
                  let call = parentModule.moduleCalls[instance.steps.last!.name] {
            if let input = call.inputs[variable.name] {
                let scope = PlanScope(
                    table: table, module: parentModule, instance: parent,
                    repetition: table.repetitions[instance] ?? .none, rootDirectory: rootDirectory)
                value = evaluateExpression(input.value, file: call.file, scope: scope, module: parentModule)
                valueSite = (call.file, input.value.range)
            } else if variable.defaultValue == nil {
                diagnostics.append(Diagnostic(
                    code: .missingRequiredArgument, summary: "Missing required argument",
                    detail: "The module \"\(call.name)\" needs a value for its input variable \"\(variable.name)\", which has no default. Add \(variable.name) = … to the module block.",
                    file: call.file, subject: call.range))
                value = .unknown
            }
        }
        if value == nil || (value!.isNull && !variable.isNullable) {
            if let defaultExpression = variable.defaultValue {
                let scope = PlanScope(table: table, module: module, instance: instance, repetition: .none, rootDirectory: rootDirectory)
                value = evaluateExpression(defaultExpression, file: variable.file, scope: scope, module: module)
                valueSite = (variable.file, defaultExpression.range)
            } else if value == nil {
                diagnostics.append(Diagnostic(
                    code: .missingVariableValue,
                    detail: "The root module input variable \"\(variable.name)\" is not set, and has no default value. Use -var \(variable.name)=VALUE, a -var-file, a *.auto.pclvars file or the PCPLAN_VAR_\(variable.name) environment variable to give it a value.",
                    file: variable.file, subject: variable.nameRange))
                value = .unknown
            }
        }
        var result = value ?? .null
        if let constraint, result.isKnown {
            do {
                result = try constraint.convert(result)
            } catch {
                let (file, range) = valueSite ?? (variable.file, variable.nameRange)
                diagnostics.append(Diagnostic(
                    code: .invalidVariableValue,
                    detail: "The given value is not suitable for var.\(variable.name), declared at \(variable.file.path):\(variable.file.position(at: variable.nameRange.start).line): \(ConversionMessage.describe(error)).",
                    file: file, subject: range))
                result = .unknown(constraint.type)
            }
        }
        if variable.isSensitive { result = result.marked() }
        table.modules[instance, default: ModuleValues()].variables[variable.name] = result
        checkValidations(variable, value: result, in: instance, module: module)
    }

    private func rootInput(_ variable: VariableDeclaration, constraint: TypeConstraint?) -> Value? {
        guard let input = options.variables[variable.name] else { return nil }
        switch input {
        case .value(let value):
            return value
        case .expression(let expression, let file):
            let (value, found) = evaluator(for: root).evaluate(expression, in: file, resolver: NoReferences())
            diagnostics += found
            return value
        case .text(let text, let source):
            let isPrimitive = constraint.map { $0.type.isPrimitive } ?? true
            if isPrimitive { return .string(text) }
            let file = SourceFile(path: source, text: text)
            let (expression, parseDiagnostics) = Parser.parseExpression(file)
            diagnostics += parseDiagnostics
            if parseDiagnostics.hasErrors { return .unknown }
            let (value, found) = evaluator(for: root).evaluate(expression, in: file, resolver: NoReferences())
            diagnostics += found
            return value
        }
    }

    private func checkValidations(_ variable: VariableDeclaration, value: Value, in instance: ModuleInstance, module: Module) {
        guard !variable.validations.isEmpty, value.isWhollyKnown else { return }
        let scope = PlanScope(table: table, module: module, instance: instance, repetition: .none, rootDirectory: rootDirectory)
        for validation in variable.validations {
            let condition = evaluateExpression(validation.condition, file: variable.file, scope: scope, module: module)
            guard let passed = condition.unmarkedDeepValue.boolValue else { continue }
            if passed { continue }
            let message = evaluateExpression(validation.errorMessage, file: variable.file, scope: scope, module: module)
            let text = message.containsSensitive ? "(the message refers to sensitive values)" : (message.stringValue ?? "")
            diagnostics.append(Diagnostic(
                code: .invalidVariableValue,
                detail: "\(text)\n\nThis was checked by the validation rule at \(variable.file.path):\(variable.file.position(at: validation.range.start).line).",
                file: variable.file, subject: validation.condition.range))
        }
    }
}

/// Conversion errors in words, with the path into the value.
enum ConversionMessage {
    static func describe(_ error: ConversionError) -> String {
        guard !error.path.steps.isEmpty else { return error.message }
        return "\(PathText.describe(error.path)): \(error.message)"
    }
}

/// Paths in values as users write them: `tags["env"]`, `ingress[0].port`.
public enum PathText {
    public static func describe(_ path: ValuePath) -> String {
        var text = ""
        for step in path.steps {
            switch step {
            case .attribute(let name):
                text += text.isEmpty ? name : ".\(name)"
            case .index(let key):
                if let number = key.numberValue { text += "[\(number)]" }
                else if let string = key.stringValue { text += "[\"\(string)\"]" }
                else { text += "[…]" }
            }
        }
        return text
    }
}
