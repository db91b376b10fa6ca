import PCDiagnostics

/// Problems found loading configuration, with Terraform's summaries.
extension DiagnosticCode {
    public static let duplicateDeclaration = DiagnosticCode(
        "config.duplicate", "Duplicate declaration")
    public static let invalidModuleSource = DiagnosticCode(
        "config.module-source", "Invalid module source")
    public static let missingRequiredArgument = DiagnosticCode(
        "config.missing-argument", "Missing required argument")
    public static let missingBlockLabel = DiagnosticCode(
        "config.missing-label", "Missing name for block")
    public static let noConfigurationFiles = DiagnosticCode(
        "config.no-files", "No configuration files")
    public static let unsupportedArgument = DiagnosticCode(
        "config.unsupported-argument", "Unsupported argument")
    public static let unsupportedBlockType = DiagnosticCode(
        "config.unsupported-block", "Unsupported block type")
    public static let invalidValueForArgument = DiagnosticCode(
        "config.invalid-value", "Invalid value")
    public static let invalidName = DiagnosticCode(
        "config.invalid-name", "Invalid name")
    public static let invalidMovedAddress = DiagnosticCode(
        "config.moved-address", "Invalid \"moved\" address")
    public static let conflictingArguments = DiagnosticCode(
        "config.conflicting-arguments", "Invalid combination of arguments")
}
