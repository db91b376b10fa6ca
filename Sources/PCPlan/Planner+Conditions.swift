import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

/// The kinds of custom condition, each with the diagnostic a failure gets.
enum ConditionKind {
    case precondition
    case postcondition
    case outputPrecondition

    var code: DiagnosticCode {
        switch self {
        case .precondition: .preconditionFailed
        case .postcondition: .postconditionFailed
        case .outputPrecondition: .outputPreconditionFailed
        }
    }
}

/// An instance's scope, plus `self`: the object a postcondition checks.
struct ConditionScope: ReferenceResolver {
    let base: PlanScope
    let object: Value?

    func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution {
        guard reference.root == "self" else { return base.resolve(reference, in: file) }
        guard let object else {
            // Loading rejects `self` outside postconditions; this is the
            // backstop, not the message people normally see.
            return .failure(Diagnostic(
                code: .invalidReference, summary: "Invalid \"self\" reference",
                detail: "self is available only in a postcondition, where it is the object being checked.",
                file: file, subject: reference.range))
        }
        return .value(object, consumedSteps: 0)
    }
}

extension Planner {
    /// A failed condition stops a plan or an apply; a refresh-only plan
    /// only reports it, as Terraform does, since it changes nothing.
    var conditionSeverity: Severity { options.mode == .refreshOnly ? .warning : .error }

    /// Checks `rules` in `scope` and returns what failed, in order. A rule
    /// whose result is not known yet passes for now: apply checks it again
    /// once the values it needs exist.
    ///
    /// `owner` names the instance in the message ("pcplan_data.a[1]"), so a
    /// failure of one of many instances says which.
    func conditionProblems(
        _ rules: [Validation], kind: ConditionKind, file: SourceFile, scope: ConditionScope, module: Module, owner: String?
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let evaluator = evaluator(for: module)
        for rule in rules {
            let (result, found) = evaluator.evaluate(rule.condition, in: file, resolver: scope)
            if found.hasErrors {
                problems += found
                continue
            }
            guard result.isKnown else { continue }
            let plain = result.unmarkedDeepValue
            if plain.isNull {
                problems.append(Diagnostic(
                    code: .invalidConditionResult,
                    detail: "The condition must be true or false, not null. Give null a meaning explicitly, for example with coalesce(…, false) or x != null.",
                    file: file, subject: rule.condition.range))
                continue
            }
            guard let passed = (try? Conversion.convert(plain, to: .bool))?.boolValue else {
                problems.append(Diagnostic(
                    code: .invalidConditionResult,
                    detail: "The condition must be true or false, but this one is a \(plain.type.friendlyName). Compare it with something, for example length(x) > 0 or x != \"\".",
                    file: file, subject: rule.condition.range))
                continue
            }
            if passed { continue }
            let (message, messageProblems) = errorMessage(rule.errorMessage, file: file, scope: scope, evaluator: evaluator)
            problems += messageProblems
            let line = file.position(at: rule.condition.range.start).line
            problems.append(Diagnostic(
                conditionSeverity, code: kind.code,
                detail: "\(message)\n\nThis was checked by the condition at \(file.path):\(line)\(owner.map { ", for \($0)" } ?? "").",
                file: file, subject: rule.condition.range))
        }
        return problems
    }

    /// The text of a failed rule's `error_message`, or why it cannot be
    /// shown; the evaluation's own errors are returned beside it.
    private func errorMessage(
        _ expression: SyntaxExpression, file: SourceFile, scope: ConditionScope, evaluator: Evaluator
    ) -> (String, [Diagnostic]) {
        let (value, found) = evaluator.evaluate(expression, in: file, resolver: scope)
        if found.hasErrors { return ("(the error message could not be evaluated: see the error about it)", found) }
        if value.containsSensitive { return ("(the error message refers to sensitive values, so it is not shown)", []) }
        if !value.isWhollyKnown { return ("(the error message depends on values known only after apply)", []) }
        if value.isNull { return ("(the error message is null: it must be a string)", []) }
        guard let text = (try? Conversion.convert(value, to: .string))?.stringValue else {
            return ("(the error message is a \(value.type.friendlyName), not a string)", [])
        }
        return (text, [])
    }

    /// Checks the preconditions of one resource or data source instance
    /// before it is planned; false when one failed, so it is not planned.
    func checkPreconditions(_ resource: ResourceDeclaration, address: ResourceInstanceAddress, scope: PlanScope, module: Module) -> Bool {
        guard !resource.lifecycle.preconditions.isEmpty else { return true }
        let problems = conditionProblems(
            resource.lifecycle.preconditions, kind: .precondition, file: resource.file,
            scope: ConditionScope(base: scope, object: nil), module: module, owner: address.description)
        diagnostics += problems
        return !problems.hasErrors
    }

    /// Checks the postconditions of one instance against its planned
    /// object (its read result, for a data source).
    func checkPostconditions(_ resource: ResourceDeclaration, address: ResourceInstanceAddress, object: Value, scope: PlanScope, module: Module) {
        guard !resource.lifecycle.postconditions.isEmpty else { return }
        diagnostics += conditionProblems(
            resource.lifecycle.postconditions, kind: .postcondition, file: resource.file,
            scope: ConditionScope(base: scope, object: object), module: module, owner: address.description)
    }

    /// Checks an output's preconditions before its value is evaluated;
    /// false when one failed.
    func checkPreconditions(_ output: OutputDeclaration, in instance: ModuleInstance, scope: PlanScope, module: Module) -> Bool {
        guard !output.preconditions.isEmpty else { return true }
        let problems = conditionProblems(
            output.preconditions, kind: .outputPrecondition, file: output.file,
            scope: ConditionScope(base: scope, object: nil), module: module,
            owner: instance.isRoot ? nil : "output \"\(output.name)\" of \(instance)")
        diagnostics += problems
        return !problems.hasErrors
    }

    /// The conditions of a planned instance checked again while applying:
    /// its preconditions (`object` nil) just before its change, or its
    /// postconditions against the object the provider returned.
    func applyTimeConditionProblems(_ context: InstanceContext, object: Value?) -> [Diagnostic] {
        let scope = PlanScope(
            table: table, module: context.module, instance: context.address.module,
            repetition: context.repetition, rootDirectory: rootDirectory)
        let lifecycle = context.declaration.lifecycle
        return conditionProblems(
            object == nil ? lifecycle.preconditions : lifecycle.postconditions,
            kind: object == nil ? .precondition : .postcondition, file: context.declaration.file,
            scope: ConditionScope(base: scope, object: object), module: context.module, owner: context.address.description)
    }
}
