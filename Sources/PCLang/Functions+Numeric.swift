extension FunctionLibrary {
    /// Numeric functions (`sum` is with the collection functions).
    static var numericFunctions: [Function] {
        [
            unary("abs", "Returns the absolute value of a number.") { $0.magnitude },
            unary("ceil", "Returns the smallest whole number greater than or equal to a number.") { $0.ceil() },
            unary("floor", "Returns the greatest whole number less than or equal to a number.") { $0.floor() },
            Function(
                name: "log",
                parameters: [FunctionParameter("num", .number), FunctionParameter("base", .number)],
                returnType: .number,
                summary: "Returns the logarithm of a number in a given base.",
                implementation: { arguments, _ throws(FunctionError) in
                    let number = try NumericFloat.double(arguments[0].numberValue ?? .zero, argument: 0, parameter: "num")
                    let base = try NumericFloat.double(arguments[1].numberValue ?? .zero, argument: 1, parameter: "base")
                    let value = NumericFloat.logarithm(number) / NumericFloat.logarithm(base)
                    return .number(try NumericFloat.result(value, of: "The logarithm of \(shown(number)) in base \(shown(base))"))
                }
            ),
            extremum("max", "Returns the greatest of the given numbers.") { $1 > $0 },
            extremum("min", "Returns the smallest of the given numbers.") { $1 < $0 },
            Function(
                name: "parseint",
                parameters: [
                    FunctionParameter("number", .dynamic, allowsUnknown: true),
                    FunctionParameter("base", .number, allowsUnknown: true),
                ],
                returnType: .number,
                summary: "Parses a string as an integer in a given base (2 to 62).",
                implementation: { arguments, _ throws(FunctionError) in try parseInteger(arguments[0], base: arguments[1]) }
            ),
            Function(
                name: "pow",
                parameters: [FunctionParameter("num", .number), FunctionParameter("power", .number)],
                returnType: .number,
                summary: "Raises a number to a power.",
                implementation: { arguments, _ throws(FunctionError) in
                    let number = try NumericFloat.double(arguments[0].numberValue ?? .zero, argument: 0, parameter: "num")
                    let power = try NumericFloat.double(arguments[1].numberValue ?? .zero, argument: 1, parameter: "power")
                    let value = NumericFloat.power(number, power)
                    return .number(try NumericFloat.result(value, of: "\(shown(number)) to the power \(shown(power))"))
                }
            ),
            Function(
                name: "signum",
                parameters: [FunctionParameter("num", .number)],
                returnType: .number,
                summary: "Returns -1, 0 or 1 for a negative, zero or positive whole number.",
                implementation: { arguments, _ throws(FunctionError) in
                    .number(try NumericArgument.integer(arguments[0], argument: 0, parameter: "num").signum())
                }
            ),
        ]
    }

    private static func unary(_ name: String, _ summary: String, _ operation: @escaping @Sendable (Number) -> Number) -> Function {
        Function(
            name: name,
            parameters: [FunctionParameter("num", .number)],
            returnType: .number,
            summary: summary,
            implementation: { arguments, _ in .number(operation(arguments[0].numberValue ?? .zero)) }
        )
    }

    private static func extremum(_ name: String, _ summary: String, _ replaces: @escaping @Sendable (Number, Number) -> Bool) -> Function {
        Function(
            name: name,
            parameters: [],
            variadic: FunctionParameter("numbers", .number),
            returnType: .number,
            summary: summary,
            implementation: { arguments, _ throws(FunctionError) in
                guard var best = arguments.first?.numberValue else { throw FunctionError("must pass at least one number.") }
                for argument in arguments.dropFirst() {
                    if let number = argument.numberValue, replaces(best, number) { best = number }
                }
                return .number(best)
            }
        )
    }

    private static func shown(_ value: Double) -> String {
        FormatVerbFloat.number(from: value)?.description ?? String(value)
    }

    private static let maximumParsedDigits = 20_000

    /// Go's `big.Int.SetString` in bases 2 to 62: an optional sign, then
    /// digits; letters are case-insensitive up to base 36, and beyond it
    /// `a`–`z` are 10–35 and `A`–`Z` 36–61.
    private static func parseInteger(_ text: Value, base: Value) throws(FunctionError) -> Value {
        guard text.type == .string || text.type == .dynamic else {
            throw FunctionError(argument: 0, "Invalid value for \"number\" parameter: first argument must be a string, not \(text.type.friendlyName).")
        }
        guard let string = text.stringValue, base.isKnown else { return .unknown(.number) }
        let radix = try NumericArgument.integer(base, argument: 1, parameter: "base")
        guard (2...62).contains(radix) else {
            throw FunctionError(argument: 1, "Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.")
        }
        // Parsing is quadratic in the length, and a number keeps only
        // `Number.precision` digits anyway.
        guard string.utf8.count <= maximumParsedDigits else {
            throw FunctionError(argument: 0, "Invalid value for \"number\" parameter: the string is longer than \(maximumParsedDigits) characters, too long to be a number.")
        }
        var bytes = string.utf8[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var magnitude = BinaryMagnitude.zero
        var valid = !bytes.isEmpty
        for byte in bytes where valid {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A")) + (radix <= 36 ? 10 : 36)
            default: digit = radix
            }
            guard digit < radix else {
                valid = false
                break
            }
            magnitude.multiplyAdd(UInt32(radix), UInt32(digit))
        }
        guard valid else {
            throw FunctionError(argument: 0, "Invalid value for \"number\" parameter: cannot parse \(string.goQuoted) as a base \(radix) integer.")
        }
        let digits = String(decoding: magnitude.digits(radix: 10), as: UTF8.self)
        guard let number = Number(parsing: (negative ? "-" : "") + digits) else {
            throw FunctionError(argument: 0, "Invalid value for \"number\" parameter: \(string.goQuoted) is too large a number.")
        }
        return .number(number)
    }
}

/// Whole-number arguments, refused as Terraform refuses them when they have
/// a fraction or do not fit 64 bits.
enum NumericArgument {
    static func integer(_ value: Value, argument: Int, parameter: String) throws(FunctionError) -> Int {
        guard let integer = value.numberValue?.intValue else {
            throw FunctionError(
                argument: argument,
                "Invalid value for \"\(parameter)\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807.")
        }
        return integer
    }
}
