import PCDiagnostics

extension DiagnosticCode {
    // Problems of `pcplan docs`, in alphabetical order.
    public static let docsMarkers = DiagnosticCode("cli.docs-markers", "Documentation markers not found")
    public static let docsMissingDescription = DiagnosticCode("cli.docs-missing-description", "Missing description")
    public static let docsNoConfiguration = DiagnosticCode("cli.docs-no-configuration", "No module to document")
    public static let docsOptions = DiagnosticCode("cli.docs-options", "Conflicting options")
    public static let docsStale = DiagnosticCode("cli.docs-stale", "Module documentation is out of date")
}
