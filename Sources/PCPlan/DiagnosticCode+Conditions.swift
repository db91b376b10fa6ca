import PCDiagnostics

/// Failed `precondition` and `postcondition` checks, with Terraform's
/// summaries, so people who know its messages recognise them.
extension DiagnosticCode {
    public static let invalidConditionResult = DiagnosticCode("plan.invalid-condition-result", "Invalid condition result")
    public static let outputPreconditionFailed = DiagnosticCode("plan.output-precondition-failed", "Module output value precondition failed")
    public static let postconditionFailed = DiagnosticCode("plan.postcondition-failed", "Resource postcondition failed")
    public static let preconditionFailed = DiagnosticCode("plan.precondition-failed", "Resource precondition failed")
}
