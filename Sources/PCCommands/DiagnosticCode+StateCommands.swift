import PCDiagnostics

extension DiagnosticCode {
    // Problems with the commands that read or change the state, import,
    // show and console, with Terraform's summaries, in alphabetical order.
    public static let importTargetNotDeclared = DiagnosticCode(
        "cli.import-not-declared", "Configuration for import target does not exist")
    public static let importFailed = DiagnosticCode("cli.import-failed", "Import failed")
    public static let noState = DiagnosticCode("cli.no-state", "No state file was found")
    public static let planFileRequired = DiagnosticCode("cli.plan-file-required", "Plan file required")
    public static let resourceAlreadyManaged = DiagnosticCode(
        "cli.already-managed", "Resource already managed by pcplan")
    public static let stateInstanceNotFound = DiagnosticCode(
        "cli.no-instance", "No instance found for the given address")
    public static let stateMoveInvalid = DiagnosticCode("cli.state-move", "Invalid state move request")
    public static let stateMoveSourceInvalid = DiagnosticCode("cli.state-move-source", "Invalid source address")
    public static let stateMoveTargetInvalid = DiagnosticCode("cli.state-move-target", "Invalid target address")
    public static let stateNoMatch = DiagnosticCode("cli.state-no-match", "Invalid target address")
    public static let stateUnknownResource = DiagnosticCode("cli.state-unknown-resource", "Unknown resource")
    public static let stateUnreadableRecord = DiagnosticCode("cli.state-record", "Unreadable object in state")
    public static let stateWriteFailed = DiagnosticCode("cli.state-write", "Error saving the state")
    public static let unsupportedBackend = DiagnosticCode("cli.backend", "Unsupported backend")
    public static let unlockCancelled = DiagnosticCode("cli.unlock-cancelled", "force-unlock cancelled")
    public static let unlockFailed = DiagnosticCode("cli.unlock-failed", "Failed to unlock state")
}
