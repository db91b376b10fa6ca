import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang

/// A value given for a root module variable from outside the
/// configuration, and where it came from (for messages).
public enum VariableInput: Sendable {
    /// Text from `-var` or `PCPLAN_VAR_name`: taken as a string for
    /// primitive-typed variables, parsed as an expression otherwise.
    case text(String, source: String)
    /// An expression from a variable file.
    case expression(SyntaxExpression, file: SourceFile)
    /// A value already evaluated: a saved plan's variables, applied.
    case value(Value)
}

/// What `pcplan plan` was asked to do.
public struct PlanOptions: Sendable {
    public var mode: Plan.Mode
    public var refresh: Bool
    public var targets: [TargetAddress]
    public var replace: [ResourceInstanceAddress]
    public var variables: [String: VariableInput]
    /// RFC 3339, fixed for the whole plan.
    public var timestamp: String
    public var pcplanVersion: String
    /// The selected workspace: `terraform.workspace`.
    public var workspace: String

    public init(
        mode: Plan.Mode = .normal, refresh: Bool = true, targets: [TargetAddress] = [],
        replace: [ResourceInstanceAddress] = [], variables: [String: VariableInput] = [:],
        timestamp: String, pcplanVersion: String, workspace: String = "default"
    ) {
        self.workspace = workspace
        self.mode = mode
        self.refresh = refresh
        self.targets = targets
        self.replace = replace
        self.variables = variables
        self.timestamp = timestamp
        self.pcplanVersion = pcplanVersion
    }
}
