/// A built-in function of the language, with Terraform's name and
/// semantics.
///
/// The library calls a function's implementation only with arguments that
/// are converted to the parameters' types, known (unless the parameter
/// `allowsUnknown`), non-null (unless it `allowsNull`) and, unless the
/// function `handlesMarks`, stripped of sensitive marks — the result is then
/// marked sensitive when any argument was. An unknown argument the
/// parameter does not accept makes the result `unknown(returnType)` without
/// calling the implementation.
public struct Function: Sendable {
    public typealias Implementation = @Sendable (_ arguments: [Value], _ context: FunctionContext) throws(FunctionError) -> Value

    public let name: String
    public let parameters: [FunctionParameter]
    /// Accepts any number of further arguments of this parameter's kind.
    public let variadic: FunctionParameter?
    /// The type of the result, `.dynamic` when it depends on the arguments;
    /// the type of the unknown result when an argument is unknown.
    public let returnType: ValueType
    /// The function deals with sensitive marks itself (`sensitive`,
    /// `nonsensitive`, `issensitive`).
    public let handlesMarks: Bool
    /// The result differs between calls (`timestamp`, `uuid`, `bcrypt`):
    /// during planning it is unknown.
    public let isImpure: Bool
    /// One sentence, shown by `pcplan console` and in the docs.
    public let summary: String
    public let implementation: Implementation

    public init(
        name: String,
        parameters: [FunctionParameter],
        variadic: FunctionParameter? = nil,
        returnType: ValueType,
        handlesMarks: Bool = false,
        isImpure: Bool = false,
        summary: String,
        implementation: @escaping Implementation
    ) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.returnType = returnType
        self.handlesMarks = handlesMarks
        self.isImpure = isImpure
        self.summary = summary
        self.implementation = implementation
    }
}

public struct FunctionParameter: Sendable {
    public let name: String
    /// Arguments are converted to this type first; `.dynamic` takes any.
    public let type: ValueType
    public let allowsNull: Bool
    public let allowsUnknown: Bool

    public init(_ name: String, _ type: ValueType, allowsNull: Bool = false, allowsUnknown: Bool = false) {
        self.name = name
        self.type = type
        self.allowsNull = allowsNull
        self.allowsUnknown = allowsUnknown
    }
}

/// Why a call failed. `argument` is the zero-based position of the argument
/// at fault (counting variadic ones), so the diagnostic can point at it.
public struct FunctionError: Error, Sendable, Equatable {
    public var argument: Int?
    public var message: String

    public init(argument: Int? = nil, _ message: String) {
        self.argument = argument
        self.message = message
    }
}

/// What a function may learn about where it is called from.
public struct FunctionContext: Sendable {
    /// The directory relative paths are resolved against: the calling
    /// module's directory (`path.module`).
    public var baseDirectory: String
    /// False while planning: impure functions then return unknown values.
    public var allowsImpureResults: Bool
    /// The time `plantimestamp()` returns: fixed for one whole plan.
    public var planTimestamp: String
    /// Renders a template string with variables (for `templatefile` and
    /// `templatestring`); supplied by the evaluator, which owns parsing.
    public var renderTemplate: @Sendable (_ template: String, _ variables: [String: Value], _ name: String) throws(FunctionError) -> Value

    public init(
        baseDirectory: String,
        allowsImpureResults: Bool = false,
        planTimestamp: String = "",
        renderTemplate: @escaping @Sendable (_ template: String, _ variables: [String: Value], _ name: String) throws(FunctionError) -> Value = { _, _, _ throws(FunctionError) in
            throw FunctionError("Templates cannot be rendered here.")
        }
    ) {
        self.baseDirectory = baseDirectory
        self.allowsImpureResults = allowsImpureResults
        self.planTimestamp = planTimestamp
        self.renderTemplate = renderTemplate
    }
}
