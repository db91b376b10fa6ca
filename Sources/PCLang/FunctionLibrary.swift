/// Terraform's built-in functions, by name, and the one place that calls
/// them: arity, conversions, unknowns and sensitive marks are handled here
/// so each implementation only deals with the values it was promised.
public struct FunctionLibrary: Sendable {
    public let functions: [String: Function]

    public init(_ functions: [Function]) {
        var table: [String: Function] = [:]
        for function in functions {
            table[function.name] = function
        }
        self.functions = table
    }

    /// Every function Terraform 1.11 has, under its plain name.
    public static let standard = FunctionLibrary(
        numericFunctions + stringFunctions + collectionFunctions + encodingFunctions
            + filesystemFunctions + dateTimeFunctions + cryptoFunctions + networkFunctions
            + typeConversionFunctions + [templateString]
    )

    /// `templatestring` takes a reference, not a value, so the evaluator
    /// runs it (see `Evaluator+Functions.swift`); it is listed here so that
    /// lookups, suggestions and the console know it.
    static let templateString = Function(
        name: "templatestring",
        parameters: [FunctionParameter("template", .string), FunctionParameter("vars", .dynamic)],
        returnType: .string,
        summary: "Renders a template string held in a variable or local value."
    ) { _, _ throws(FunctionError) in
        throw FunctionError("templatestring is handled by the evaluator.")
    }

    /// Looks a function up by its plain name or `core::` name.
    public func function(named name: String) -> Function? {
        if let function = functions[name] { return function }
        if name.hasPrefix("core::") { return functions[String(name.dropFirst(6))] }
        return nil
    }

    /// Names close to `name`, for "did you mean" suggestions.
    public var names: [String] { functions.keys.sorted() }

    /// Calls `function` with `arguments`. Errors name the argument at fault
    /// by its position.
    public func call(_ function: Function, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value {
        let fixed = function.parameters.count
        if arguments.count < fixed || (function.variadic == nil && arguments.count > fixed) {
            throw FunctionError(argument: arguments.count > fixed ? fixed : nil, arityMessage(function, given: arguments.count))
        }
        var prepared: [Value] = []
        prepared.reserveCapacity(arguments.count)
        var sensitive = false
        var unknownResult = false
        for (index, argument) in arguments.enumerated() {
            let parameter = index < fixed ? function.parameters[index] : function.variadic!
            var value = argument
            if !function.handlesMarks {
                let (unmarked, wasSensitive) = value.unmarkedDeepCollapsing()
                value = unmarked
                sensitive = sensitive || wasSensitive
            }
            if value.isNull {
                guard parameter.allowsNull else {
                    throw FunctionError(argument: index, "Invalid value for \"\(parameter.name)\" parameter: argument must not be null.")
                }
                prepared.append(value)
                continue
            }
            if !value.isKnown && !parameter.allowsUnknown {
                unknownResult = true
                prepared.append(value)
                continue
            }
            do {
                value = try Conversion.convert(value, to: parameter.type)
            } catch {
                throw FunctionError(argument: index, "Invalid value for \"\(parameter.name)\" parameter: \(error.message).")
            }
            if !parameter.allowsUnknown && !value.isWhollyKnown {
                unknownResult = true
            }
            prepared.append(value)
        }
        if unknownResult || (function.isImpure && !context.allowsImpureResults) {
            // Even a function that handles marks itself never sees this
            // call, so the mark of any argument goes onto the result here.
            let marked = sensitive || (function.handlesMarks && arguments.contains { $0.containsSensitive })
            return Value.unknown(function.returnType).marked(sensitive: marked)
        }
        let result = try function.implementation(prepared, context)
        return result.marked(sensitive: sensitive)
    }

    private func arityMessage(_ function: Function, given: Int) -> String {
        let fixed = function.parameters.count
        if function.variadic != nil {
            return "Function \"\(function.name)\" expects at least \(fixed) argument\(fixed == 1 ? "" : "s"), but \(given) were given."
        }
        if given > fixed {
            return "Function \"\(function.name)\" expects only \(fixed) argument\(fixed == 1 ? "" : "s")."
        }
        let missing = function.parameters[given].name
        return "Function \"\(function.name)\" expects \(fixed) argument\(fixed == 1 ? "" : "s"); the \"\(missing)\" argument is missing."
    }
}
