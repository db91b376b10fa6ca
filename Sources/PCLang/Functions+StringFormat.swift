extension FunctionLibrary {
    /// `format` and `formatlist`.
    static var stringFormatFunctions: [Function] {
        [
            Function(
                name: "format",
                parameters: [FunctionParameter("format", .string)],
                variadic: FunctionParameter("args", .dynamic, allowsNull: true),
                returnType: .string,
                summary: "Produces a string by formatting values according to a specification string, like C's printf.",
                implementation: { arguments, _ throws(FunctionError) in
                    let values = Array(arguments.dropFirst())
                    // Terraform cannot type a bare `null`, so its result waits.
                    if values.contains(where: isUntypedNull) { return .unknown(.string) }
                    do throws(FormatVerb.Failure) {
                        return .string(try FormatVerb.render(arguments[0].stringValue ?? "", arguments: values))
                    } catch {
                        guard let argument = error.argument else { throw FunctionError(error.reason + ".") }
                        throw FunctionError(argument: argument, "Invalid value for \"args\" parameter: \(error.reason).")
                    }
                }
            ),
            Function(
                name: "formatlist",
                parameters: [FunctionParameter("format", .string)],
                variadic: FunctionParameter("args", .dynamic, allowsNull: true, allowsUnknown: true),
                returnType: .list(.string),
                summary: "Formats each element of the given lists (and every other argument with it) like format, producing a list of strings.",
                implementation: { arguments, _ throws(FunctionError) in
                    try formatList(arguments[0].stringValue ?? "", Array(arguments.dropFirst()))
                }
            ),
        ]
    }

    private static func isUntypedNull(_ value: Value) -> Bool {
        if case .null(.dynamic) = value.content { return true }
        return false
    }

    /// Lists, sets and tuples are iterated in step (they must have one
    /// length); every other argument is repeated for each step.
    private static func formatList(_ format: String, _ values: [Value]) throws(FunctionError) -> Value {
        var length = -1
        var lengthSource = 0
        var sequences: [[Value]?] = []
        sequences.reserveCapacity(values.count)
        var waitsForUnknown = false
        for (offset, value) in values.enumerated() {
            let position = offset + 1
            var count: Int?
            var elements: [Value]?
            switch value.content {
            case .list(let items, _), .set(let items, _), .tuple(let items):
                count = items.count
                elements = items
            case .unknown(.tuple(let types)):
                count = types.count
                waitsForUnknown = true
            case .unknown(.list), .unknown(.set), .unknown(.dynamic), .null(.dynamic):
                waitsForUnknown = true
            default:
                break
            }
            if let count {
                if length == -1 {
                    length = count
                    lengthSource = position
                } else if count != length {
                    throw FunctionError(
                        argument: position,
                        "Invalid value for \"args\" parameter: argument \(position) has length \(count), which is inconsistent with argument \(lengthSource) of length \(length).")
                }
            }
            sequences.append(elements)
        }
        if waitsForUnknown { return .unknown(.list(.string)) }
        if length == 0 { return .list([], element: .string) }
        let steps = Swift.max(length, 1)
        var results: [Value] = []
        results.reserveCapacity(steps)
        var stepValues = values
        for step in 0..<steps {
            var known = true
            for index in values.indices {
                if let sequence = sequences[index] { stepValues[index] = sequence[step] }
                if !stepValues[index].isWhollyKnown { known = false }
            }
            guard known else {
                results.append(.unknown(.string))
                continue
            }
            do throws(FormatVerb.Failure) {
                results.append(.string(try FormatVerb.render(format, arguments: stepValues)))
            } catch {
                throw FunctionError("error on format iteration \(step): \(error.reason).")
            }
        }
        return .list(results, element: .string)
    }
}
