extension FunctionLibrary {
    /// String functions. Comparisons and searches work on the UTF-8 bytes,
    /// as Go's `strings` package does (`startswith("é", "e")` is false
    /// whichever way `é` is written); `substr`, `strrev` and the widths of
    /// `format` count characters (grapheme clusters), as Terraform does.
    static var stringFunctions: [Function] {
        simpleStringFunctions + trimmingFunctions + stringFormatFunctions + stringRegexFunctions
    }

    private static func stringFunction(
        _ name: String, _ summary: String, _ transform: @escaping @Sendable (String) -> String
    ) -> Function {
        Function(
            name: name,
            parameters: [FunctionParameter("str", .string)],
            returnType: .string,
            summary: summary,
            implementation: { arguments, _ in .string(transform(arguments[0].stringValue ?? "")) }
        )
    }

    private static func predicate(
        _ name: String, _ second: String, _ summary: String, _ test: @escaping @Sendable ([UInt8], [UInt8]) -> Bool
    ) -> Function {
        Function(
            name: name,
            parameters: [FunctionParameter("str", .string), FunctionParameter(second, .string)],
            returnType: .bool,
            summary: summary,
            implementation: { arguments, _ in
                .bool(test(Array((arguments[0].stringValue ?? "").utf8), Array((arguments[1].stringValue ?? "").utf8)))
            }
        )
    }

    private static var simpleStringFunctions: [Function] {
        [
            stringFunction("chomp", "Removes newline characters at the end of a string.") { string in
                var bytes = string.utf8[...]
                while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
                return bytes.count == string.utf8.count ? string : String(decoding: bytes, as: UTF8.self)
            },
            predicate("endswith", "suffix", "Tells whether a string ends with the given suffix.") { string, suffix in
                string.count >= suffix.count && string[(string.count - suffix.count)...].elementsEqual(suffix)
            },
            predicate("startswith", "prefix", "Tells whether a string starts with the given prefix.") { string, prefix in
                string.starts(with: prefix)
            },
            predicate("strcontains", "substr", "Tells whether a string contains the given substring.") { string, part in
                UTF8Search.firstOffset(of: part, in: string, from: 0) != nil
            },
            Function(
                name: "indent",
                parameters: [FunctionParameter("spaces", .number), FunctionParameter("str", .string)],
                returnType: .string,
                summary: "Adds the given number of spaces after each newline character in a string.",
                implementation: { arguments, _ throws(FunctionError) in
                    let spaces = try NumericArgument.integer(arguments[0], argument: 0, parameter: "spaces")
                    guard spaces >= 0 else {
                        throw FunctionError(argument: 0, "Invalid value for \"spaces\" parameter: the number of spaces must not be negative.")
                    }
                    let string = arguments[1].stringValue ?? ""
                    let newlines = string.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    guard newlines > 0, spaces > 0 else { return .string(string) }
                    guard spaces <= UTF8Search.maximumResultBytes / newlines else {
                        throw FunctionError(argument: 0, "Invalid value for \"spaces\" parameter: indenting by \(spaces) spaces would make a string larger than \(UTF8Search.maximumResultBytes) bytes.")
                    }
                    var output: [UInt8] = []
                    output.reserveCapacity(string.utf8.count + newlines * spaces)
                    for byte in string.utf8 {
                        output.append(byte)
                        if byte == UInt8(ascii: "\n") { output += repeatElement(UInt8(ascii: " "), count: spaces) }
                    }
                    return .string(String(decoding: output, as: UTF8.self))
                }
            ),
            Function(
                name: "join",
                parameters: [FunctionParameter("separator", .string)],
                variadic: FunctionParameter("lists", .list(.string)),
                returnType: .string,
                summary: "Joins the elements of one or more lists of strings with a separator.",
                implementation: { arguments, _ throws(FunctionError) in try join(arguments) }
            ),
            stringFunction("lower", "Converts all letters in a string to lowercase.", StringCaseMapping.lower),
            Function(
                name: "split",
                parameters: [FunctionParameter("separator", .string), FunctionParameter("str", .string)],
                returnType: .list(.string),
                summary: "Splits a string at every occurrence of a separator, producing a list of strings.",
                implementation: { arguments, _ in
                    let pieces = UTF8Search.split(arguments[1].stringValue ?? "", separator: arguments[0].stringValue ?? "")
                    return .list(strings: pieces)
                }
            ),
            stringFunction("strrev", "Reverses the characters of a string.") { String($0.reversed()) },
            Function(
                name: "substr",
                parameters: [FunctionParameter("str", .string), FunctionParameter("offset", .number), FunctionParameter("length", .number)],
                returnType: .string,
                summary: "Extracts a substring by offset and length, counted in characters.",
                implementation: { arguments, _ throws(FunctionError) in
                    let offset = try NumericArgument.integer(arguments[1], argument: 1, parameter: "offset")
                    let length = try NumericArgument.integer(arguments[2], argument: 2, parameter: "length")
                    return .string(substring(arguments[0].stringValue ?? "", offset: offset, length: length))
                }
            ),
            stringFunction("title", "Converts the first letter of each word in a string to uppercase.", StringCaseMapping.title),
            stringFunction("upper", "Converts all letters in a string to uppercase.", StringCaseMapping.upper),
        ]
    }

    private static var trimmingFunctions: [Function] {
        [
            Function(
                name: "trim",
                parameters: [FunctionParameter("str", .string), FunctionParameter("cutset", .string)],
                returnType: .string,
                summary: "Removes the given characters from the start and end of a string.",
                implementation: { arguments, _ in
                    let cutset = Set((arguments[1].stringValue ?? "").unicodeScalars)
                    return .string(StringCaseMapping.trimming(arguments[0].stringValue ?? "") { cutset.contains($0) })
                }
            ),
            Function(
                name: "trimprefix",
                parameters: [FunctionParameter("str", .string), FunctionParameter("prefix", .string)],
                returnType: .string,
                summary: "Removes the given prefix from the start of a string, if it is there.",
                implementation: { arguments, _ in
                    let string = arguments[0].stringValue ?? ""
                    let prefix = arguments[1].stringValue ?? ""
                    guard !prefix.isEmpty, string.utf8.starts(with: prefix.utf8) else { return .string(string) }
                    return .string(String(decoding: string.utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
                }
            ),
            Function(
                name: "trimsuffix",
                parameters: [FunctionParameter("str", .string), FunctionParameter("suffix", .string)],
                returnType: .string,
                summary: "Removes the given suffix from the end of a string, if it is there.",
                implementation: { arguments, _ in
                    let string = arguments[0].stringValue ?? ""
                    let suffix = arguments[1].stringValue ?? ""
                    let count = suffix.utf8.count
                    guard count > 0, string.utf8.count >= count, string.utf8.suffix(count).elementsEqual(suffix.utf8) else {
                        return .string(string)
                    }
                    return .string(String(decoding: string.utf8.dropLast(count), as: UTF8.self))
                }
            ),
            stringFunction("trimspace", "Removes white space from the start and end of a string.", StringCaseMapping.trimmingSpace),
        ]
    }

    private static func join(_ arguments: [Value]) throws(FunctionError) -> Value {
        let separator = arguments[0].stringValue ?? ""
        let lists = arguments.dropFirst()
        guard !lists.isEmpty else { throw FunctionError("at least one list is required.") }
        var pieces: [String] = []
        for (offset, list) in lists.enumerated() {
            for (index, element) in (list.elements ?? []).enumerated() {
                guard let string = element.stringValue else {
                    let which = lists.count > 1 ? "element \(index) of list \(offset + 1)" : "element \(index)"
                    throw FunctionError(argument: offset + 1, "Invalid value for \"lists\" parameter: \(which) is null; cannot concatenate null values.")
                }
                pieces.append(string)
            }
        }
        return .string(pieces.joined(separator: separator))
    }

    /// Terraform's `substr`, quirks included: a negative offset counts from
    /// the end, a negative length takes the rest, and a zero length after a
    /// negative offset also takes the rest.
    private static func substring(_ string: String, offset: Int, length: Int) -> String {
        var offset = offset
        if offset < 0 {
            offset += string.count
        } else if length == 0 {
            return ""
        }
        var start = string.startIndex
        if offset > 0 {
            guard let moved = string.index(start, offsetBy: offset, limitedBy: string.endIndex) else { return "" }
            start = moved
        }
        guard length > 0 else { return String(string[start...]) }
        let end = string.index(start, offsetBy: length, limitedBy: string.endIndex) ?? string.endIndex
        return String(string[start..<end])
    }
}
