import PCDiagnostics
import PCLSyntax
import PCLang

/// Problems in `precondition` and `postcondition` blocks found while
/// loading, with Terraform's summaries.
extension DiagnosticCode {
    public static let invalidConditionExpression = DiagnosticCode(
        "config.invalid-condition", "Invalid condition expression")
}

extension DeclarationDecoder {
    /// The `precondition` and (when `postconditions` is true) the
    /// `postcondition` blocks of `body`, checked in source order.
    ///
    /// Checked here rather than when planning, so `pcplan validate` finds
    /// them: both arguments are required, a condition must refer to
    /// something (a constant one would check nothing, as Terraform says),
    /// and `self` — the object a postcondition checks — does not exist yet
    /// in a precondition.
    mutating func conditions(
        in body: SyntaxBody, postconditions allowsPostconditions: Bool, file: SourceFile
    ) -> (preconditions: [Validation], postconditions: [Validation]) {
        var preconditions: [Validation] = []
        var postconditions: [Validation] = []
        for block in body.blocks where block.type == "precondition" || (allowsPostconditions && block.type == "postcondition") {
            let kind = block.type
            let allowsSelf = kind == "postcondition"
            for label in block.labels {
                report(.unsupportedArgument, summary: "Extraneous label for \(kind)",
                       "A \(kind) block takes no labels. Remove \"\(label.value)\".", file, label.range)
            }
            let inner = arguments(block.body, allowed: ["condition", "error_message"], in: "a \(kind) block", file)
            let condition = inner["condition"]
            let message = inner["error_message"]
            if condition == nil {
                report(.missingRequiredArgument,
                       "A \(kind) block needs \"condition\": an expression that is true when all is well.", file, block.typeRange)
            }
            if message == nil {
                report(.missingRequiredArgument,
                       "A \(kind) block needs \"error_message\": the text shown when the condition is false, saying what is wrong and what to do.",
                       file, block.typeRange)
            }
            guard let condition, let message else { continue }
            let roots = ReferenceCollector.references(in: condition.value)
            if roots.isEmpty {
                report(.invalidConditionExpression, summary: "Invalid \(kind) expression",
                       "The condition refers to nothing in the configuration, so its result can never change and it checks nothing. Make it test what it guards: a variable, a resource or data source attribute\(allowsSelf ? ", or self" : "").",
                       file, condition.value.range)
            }
            var selfUsed = false
            if !allowsSelf {
                let references = roots + ReferenceCollector.references(in: message.value)
                for reference in references where reference.root == "self" {
                    selfUsed = true
                    report(.invalidReference, summary: "Invalid \"self\" reference",
                           "self is the object a postcondition checks; it does not exist yet when a \(kind) is checked. Check the object in a postcondition block, or test the values it is made from.",
                           file, reference.rootRange)
                }
            }
            if roots.isEmpty || selfUsed { continue }
            let rule = Validation(condition: condition.value, errorMessage: message.value, range: block.range)
            if allowsSelf { postconditions.append(rule) } else { preconditions.append(rule) }
        }
        return (preconditions, postconditions)
    }
}
