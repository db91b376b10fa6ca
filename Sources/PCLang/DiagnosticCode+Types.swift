import PCDiagnostics

/// Problems in type constraints (`variable { type = … }`), with
/// Terraform's summaries.
extension DiagnosticCode {
    public static let defaultValueFunctionCall = DiagnosticCode(
        "type.default-function-call", "Function calls not allowed")
    public static let defaultValueReference = DiagnosticCode(
        "type.default-reference", "Variables not allowed")
    public static let invalidLegacyTypeHint = DiagnosticCode(
        "type.legacy-type-hint", "Invalid legacy variable type hint")
    public static let invalidOptionalDefault = DiagnosticCode(
        "type.invalid-optional-default", "Invalid default value for optional attribute")
    public static let invalidTypeSpecification = DiagnosticCode(
        "type.invalid", "Invalid type specification")
    public static let quotedTypeConstraint = DiagnosticCode(
        "type.quoted", "Invalid quoted type constraints")
}
