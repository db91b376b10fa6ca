import PCDiagnostics

/// Problems found while evaluating expressions, with Terraform's summaries.
extension DiagnosticCode {
    public static let callToUnknownFunction = DiagnosticCode(
        "eval.unknown-function", "Call to unknown function")
    public static let divisionByZero = DiagnosticCode(
        "eval.division-by-zero", "Division by zero")
    public static let duplicateObjectKey = DiagnosticCode(
        "eval.duplicate-object-key", "Duplicate object key")
    public static let errorInFunctionCall = DiagnosticCode(
        "eval.function-failed", "Error in function call")
    public static let inconsistentConditionalTypes = DiagnosticCode(
        "eval.inconsistent-conditional-types", "Inconsistent conditional result types")
    public static let invalidFunctionArgument = DiagnosticCode(
        "eval.invalid-function-argument", "Invalid function argument")
    public static let invalidExpandingArgument = DiagnosticCode(
        "eval.invalid-expanding-argument", "Invalid expanding argument value")
    public static let invalidForExpressionValue = DiagnosticCode(
        "eval.invalid-for", "Invalid 'for' expression")
    public static let invalidIndex = DiagnosticCode(
        "eval.invalid-index", "Invalid index")
    public static let invalidOperand = DiagnosticCode(
        "eval.invalid-operand", "Invalid operand")
    public static let invalidReference = DiagnosticCode(
        "eval.invalid-reference", "Invalid reference")
    public static let invalidTemplateValue = DiagnosticCode(
        "eval.invalid-template-value", "Invalid template interpolation value")
    public static let incorrectConditionType = DiagnosticCode(
        "eval.condition-type", "Incorrect condition type")
    public static let noResultForTry = DiagnosticCode(
        "eval.try-failed", "No result for try")
    public static let unsupportedAttribute = DiagnosticCode(
        "eval.unsupported-attribute", "Unsupported attribute")
    public static let undeclaredReference = DiagnosticCode(
        "eval.undeclared", "Reference to undeclared value")
    public static let nullValue = DiagnosticCode(
        "eval.null-value", "Attempt to use a null value")
}
