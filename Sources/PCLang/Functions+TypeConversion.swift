extension FunctionLibrary {
    /// Type conversion functions: `to*`, the sensitive-mark functions,
    /// `ephemeralasnull`, and `can`/`try` (which take expressions, so the
    /// evaluator runs them; they are listed here for their signatures).
    static var typeConversionFunctions: [Function] {
        [
            conversion("tobool", to: .bool, named: "bool", "Converts a value to a bool."),
            conversion("tonumber", to: .number, named: "number", "Converts a value to a number."),
            conversion("tostring", to: .string, named: "string", "Converts a value to a string."),
            conversion("tolist", to: .list(.dynamic), named: "list of any single type",
                       "Converts a value to a list, unifying the element types."),
            conversion("toset", to: .set(.dynamic), named: "set of any single type",
                       "Converts a value to a set, unifying the element types."),
            conversion("tomap", to: .map(.dynamic), named: "map of any single type",
                       "Converts a value to a map, unifying the element types."),
            Function(
                name: "sensitive", parameters: [anyValue], returnType: .dynamic, handlesMarks: true,
                summary: "Marks a value as sensitive, so it is hidden in plans and output."
            ) { arguments, _ in
                arguments[0].marked()
            },
            Function(
                name: "nonsensitive", parameters: [anyValue], returnType: .dynamic, handlesMarks: true,
                summary: "Removes the sensitive mark from a value (not from values inside it)."
            ) { arguments, _ in
                var value = arguments[0]
                value.isSensitive = false
                return value
            },
            Function(
                name: "issensitive", parameters: [anyValue], returnType: .bool, handlesMarks: true,
                summary: "Whether a value is marked sensitive."
            ) { arguments, _ in
                let value = arguments[0]
                if value.isSensitive { return .true }
                return value.isKnown ? .false : .unknown(.bool)
            },
            Function(
                name: "ephemeralasnull", parameters: [anyValue], returnType: .dynamic, handlesMarks: true,
                summary: "Replaces ephemeral values with null; pcplan has no ephemeral values, so it returns its argument."
            ) { arguments, _ in
                arguments[0]
            },
            Function(
                name: "can", parameters: [FunctionParameter("expression", .dynamic, allowsUnknown: true)],
                returnType: .bool,
                summary: "Whether an expression evaluates without an error."
            ) { _, _ throws(FunctionError) in
                throw FunctionError("can/try are handled by the evaluator.")
            },
            Function(
                name: "try", parameters: [], variadic: FunctionParameter("expressions", .dynamic, allowsUnknown: true),
                returnType: .dynamic,
                summary: "The value of the first of its expressions that evaluates without an error."
            ) { _, _ throws(FunctionError) in
                throw FunctionError("can/try are handled by the evaluator.")
            },
        ]
    }

    /// The one parameter of the mark functions: anything at all.
    private static let anyValue = FunctionParameter("value", .dynamic, allowsNull: true, allowsUnknown: true)

    /// A `to*` function. It keeps the marks inside the value where they
    /// are (except in sets, which take their elements' marks), so it
    /// handles marks itself, and words its errors for an explicit
    /// conversion.
    private static func conversion(_ name: String, to type: ValueType, named typeName: String, _ summary: String) -> Function {
        Function(
            name: name,
            parameters: [FunctionParameter("v", .dynamic, allowsNull: true, allowsUnknown: true)],
            returnType: type, handlesMarks: true, summary: summary
        ) { arguments, _ throws(FunctionError) in
            try convert(arguments[0], to: type, named: typeName)
        }
    }

    private static func convert(_ value: Value, to type: ValueType, named typeName: String) throws(FunctionError) -> Value {
        let plain = value.unmarkedDeepValue
        let givenType = plain.type
        func failure(_ message: String) -> FunctionError {
            FunctionError(argument: 0, "Invalid value for \"v\" parameter: \(message).")
        }
        guard Conversion.canConvert(from: givenType, to: type) else {
            throw failure("cannot convert \(givenType.friendlyName) to \(typeName)")
        }
        guard value.isKnown else { return Value.unknown(type).marked(sensitive: value.isSensitive) }
        do {
            return try Conversion.convert(value, to: type)
        } catch {
            if value.containsSensitive {
                throw failure("cannot convert this sensitive \(givenType.friendlyName) to \(typeName)")
            }
            if let string = plain.stringValue, type == .bool {
                throw failure("cannot convert \(string.goQuoted) to bool; only the strings \"true\" or \"false\" are allowed")
            }
            if let string = plain.stringValue, type == .number {
                throw failure("cannot convert \(string.goQuoted) to number; given string must be a decimal representation of a number")
            }
            throw failure("cannot convert \(givenType.friendlyName) to \(typeName)")
        }
    }
}
