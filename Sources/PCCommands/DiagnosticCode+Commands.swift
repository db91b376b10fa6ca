import PCDiagnostics

extension DiagnosticCode {
    // Problems with what was asked of a command, in alphabetical order.
    public static let fmtUnsupportedFile = DiagnosticCode(
        "cli.fmt-unsupported-file", "Only .pcl and .pclvars files can be processed with pcplan fmt")
    public static let invalidCommandLineVariable = DiagnosticCode("cli.invalid-variable", "Invalid -var option")
    public static let invalidPlanFile = DiagnosticCode("cli.plan-file", "Invalid plan file")
    public static let stateUnavailable = DiagnosticCode("cli.state", "Error loading state")
    public static let stateLocked = DiagnosticCode("cli.state-locked", "Error acquiring the state lock")
    public static let invalidAddress = DiagnosticCode("cli.invalid-address", "Invalid address")
    public static let notADirectory = DiagnosticCode("cli.not-a-directory", "Not a directory")
    public static let standardInputWithPaths = DiagnosticCode(
        "cli.stdin-with-paths", "Standard input cannot be combined with paths")
}
