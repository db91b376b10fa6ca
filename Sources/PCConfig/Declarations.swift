import PCDiagnostics
import PCLSyntax

/// `variable "NAME" { … }`
public struct VariableDeclaration: Sendable {
    public var name: String
    /// nil means `any`.
    public var typeExpression: SyntaxExpression?
    public var defaultValue: SyntaxExpression?
    public var description: String?
    public var isSensitive: Bool
    public var isNullable: Bool
    public var validations: [Validation]
    public var file: SourceFile
    public var range: SourceRange
    public var nameRange: SourceRange
}

/// `validation { condition = …, error_message = … }` (also used for
/// `precondition`/`postcondition` shapes).
public struct Validation: Sendable {
    public var condition: SyntaxExpression
    public var errorMessage: SyntaxExpression
    public var range: SourceRange
}

/// One entry of a `locals` block.
public struct LocalDeclaration: Sendable {
    public var name: String
    public var value: SyntaxExpression
    public var file: SourceFile
    public var range: SourceRange
}

/// `output "NAME" { … }`
public struct OutputDeclaration: Sendable {
    public var name: String
    public var value: SyntaxExpression
    public var description: String?
    public var isSensitive: Bool
    public var dependsOn: [Reference]
    public var file: SourceFile
    public var range: SourceRange
    /// `precondition` blocks, checked whenever the value is evaluated.
    public var preconditions: [Validation] = []
}

/// `lifecycle { … }` of a resource (of a data source: only the conditions).
public struct Lifecycle: Sendable {
    public var createBeforeDestroy = false
    public var preventDestroy = false
    /// Attribute names (first step of each path); `all` ignores every one.
    public var ignoreChanges: [String] = []
    public var ignoreAllChanges = false
    public var replaceTriggeredBy: [SyntaxExpression] = []
    /// Checked before each instance is planned, and again before it is
    /// applied when the plan could not tell.
    public var preconditions: [Validation] = []
    /// Checked against each instance's planned object and again against
    /// the applied one; `self` is that object.
    public var postconditions: [Validation] = []

    public init() {}
}

/// `resource "TYPE" "NAME"` or `data "TYPE" "NAME"`.
public struct ResourceDeclaration: Sendable {
    public var address: ResourceAddress
    public var count: SyntaxExpression?
    public var forEach: SyntaxExpression?
    public var dependsOn: [Reference]
    /// `provider = aws.west`: the local provider name and alias.
    public var providerName: String
    public var providerAlias: String?
    public var lifecycle: Lifecycle
    /// The body without meta-arguments, to decode against the schema.
    public var body: SyntaxBody
    public var file: SourceFile
    public var range: SourceRange
    /// The range of `resource "TYPE" "NAME"`, for diagnostics.
    public var headerRange: SourceRange

    /// The provider name implied by the type: the part before the first
    /// underscore, as Terraform does.
    public static func impliedProvider(of type: String) -> String {
        type.split(separator: "_", maxSplits: 1).first.map(String.init) ?? type
    }
}

/// `module "NAME" { source = "./path" … }`
public struct ModuleCall: Sendable {
    public var name: String
    public var source: String
    public var sourceRange: SourceRange
    public var count: SyntaxExpression?
    public var forEach: SyntaxExpression?
    public var dependsOn: [Reference]
    /// Input variables by name.
    public var inputs: [String: SyntaxAttribute]
    public var file: SourceFile
    public var range: SourceRange
}

/// `provider "NAME" { alias = … }`
public struct ProviderDeclaration: Sendable {
    public var name: String
    public var alias: String?
    public var body: SyntaxBody
    public var file: SourceFile
    public var range: SourceRange
}

/// `moved { from = …, to = … }`
public struct MovedDeclaration: Sendable {
    public var from: TargetAddress
    public var to: TargetAddress
    public var file: SourceFile
    public var range: SourceRange
}

/// A reference written as a traversal in `depends_on` and similar.
public struct Reference: Sendable {
    public var traversal: SyntaxExpression.ScopeTraversal
    public var file: SourceFile
}
