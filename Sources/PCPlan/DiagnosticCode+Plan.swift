import PCDiagnostics

/// Problems found while planning, with Terraform's summaries.
extension DiagnosticCode {
    public static let dependencyCycle = DiagnosticCode("plan.cycle", "Cycle")
    public static let invalidCountArgument = DiagnosticCode("plan.invalid-count", "Invalid count argument")
    public static let invalidForEachArgument = DiagnosticCode("plan.invalid-for-each", "Invalid for_each argument")
    public static let missingVariableValue = DiagnosticCode("plan.missing-variable", "No value for required variable")
    public static let invalidVariableValue = DiagnosticCode("plan.invalid-variable", "Invalid value for variable")
    public static let undeclaredVariable = DiagnosticCode("plan.undeclared-variable", "Value for undeclared variable")
    public static let unknownProvider = DiagnosticCode("plan.unknown-provider", "Unknown provider")
    public static let unsupportedResourceType = DiagnosticCode("plan.unsupported-resource-type", "Invalid resource type")
    public static let providerError = DiagnosticCode("plan.provider-error", "Provider error")
    public static let preventDestroy = DiagnosticCode("plan.prevent-destroy", "Instance cannot be destroyed")
    public static let invalidDynamicBlock = DiagnosticCode("plan.invalid-dynamic", "Invalid dynamic block")
    public static let tooManyBlocks = DiagnosticCode("plan.too-many-blocks", "Too many blocks")
    public static let insufficientBlocks = DiagnosticCode("plan.insufficient-blocks", "Insufficient blocks")
    public static let invalidTarget = DiagnosticCode("plan.invalid-target", "Invalid target address")
    public static let invalidMove = DiagnosticCode("plan.invalid-move", "Invalid move")
    public static let outputSensitive = DiagnosticCode("plan.output-sensitive", "Output refers to sensitive values")
    public static let staleState = DiagnosticCode("plan.stale", "Saved plan is stale")
}
