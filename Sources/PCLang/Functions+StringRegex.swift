extension FunctionLibrary {
    /// `regex`, `regexall` and `replace`, with Go's RE2 syntax.
    static var stringRegexFunctions: [Function] {
        [
            Function(
                name: "regex",
                parameters: [FunctionParameter("pattern", .string), FunctionParameter("string", .string, allowsUnknown: true)],
                returnType: .dynamic,
                summary: "Applies a regular expression to a string and returns the first match: the matched text, or its capture groups.",
                implementation: { arguments, _ throws(FunctionError) in
                    let (matcher, type) = try compiledPattern(arguments[0])
                    guard let string = arguments[1].stringValue else { return .unknown(type) }
                    let found = try matcher.matches(in: string, all: false)
                    guard let first = found.groups.first else {
                        throw FunctionError("pattern did not match any part of the given string.")
                    }
                    return matchValue(first, in: found, type: type, names: matcher.translation.groupNames)
                }
            ),
            Function(
                name: "regexall",
                parameters: [FunctionParameter("pattern", .string), FunctionParameter("string", .string, allowsUnknown: true)],
                returnType: .list(.dynamic),
                summary: "Applies a regular expression to a string and returns a list of all its matches.",
                implementation: { arguments, _ throws(FunctionError) in
                    let (matcher, type) = try compiledPattern(arguments[0])
                    guard let string = arguments[1].stringValue else { return .unknown(.list(type)) }
                    let found = try matcher.matches(in: string, all: true)
                    let names = matcher.translation.groupNames
                    return .list(found.groups.map { matchValue($0, in: found, type: type, names: names) }, element: type)
                }
            ),
            Function(
                name: "replace",
                parameters: [FunctionParameter("str", .string), FunctionParameter("substr", .string), FunctionParameter("replace", .string)],
                returnType: .string,
                summary: "Replaces every occurrence of a substring, or of a regular expression written between slashes, in a string.",
                implementation: { arguments, _ throws(FunctionError) in
                    let string = arguments[0].stringValue ?? ""
                    let search = arguments[1].stringValue ?? ""
                    let replacement = arguments[2].stringValue ?? ""
                    let bytes = search.utf8
                    guard bytes.count > 1, bytes.first == UInt8(ascii: "/"), bytes.last == UInt8(ascii: "/") else {
                        return .string(try UTF8Search.replacingAll(string, search, with: replacement))
                    }
                    let pattern = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
                    let matcher: RegexMatcher
                    do throws(RegexTranslation.SyntaxError) {
                        matcher = try RegexMatcher(pattern)
                    } catch {
                        throw FunctionError(argument: 1, "Invalid value for \"substr\" parameter: error parsing regexp: \(error.code): `\(error.expression)`.")
                    }
                    return .string(try matcher.replacingAll(in: string, with: replacement))
                }
            ),
        ]
    }

    /// The pattern compiled, and the type of one match: a string without
    /// capture groups, a tuple of strings for unnamed groups, an object of
    /// strings for named ones.
    private static func compiledPattern(_ pattern: Value) throws(FunctionError) -> (RegexMatcher, ValueType) {
        let matcher: RegexMatcher
        do throws(RegexTranslation.SyntaxError) {
            matcher = try RegexMatcher(pattern.stringValue ?? "")
        } catch {
            throw FunctionError(argument: 0, "Invalid value for \"pattern\" parameter: invalid regexp pattern: \(error.code) in \(error.expression).")
        }
        let names = matcher.translation.groupNames
        let named = names.filter { !$0.isEmpty }
        if names.isEmpty { return (matcher, .string) }
        if named.isEmpty { return (matcher, .tuple(Array(repeating: .string, count: names.count))) }
        guard named.count == names.count else {
            throw FunctionError(argument: 0, "Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.")
        }
        return (matcher, .object(Dictionary(named.map { ($0, ValueType.string) }, uniquingKeysWith: { first, _ in first })))
    }

    private static func matchValue(_ groups: [Range<Int>?], in found: RegexMatcher.Matches, type: ValueType, names: [String]) -> Value {
        func group(_ index: Int) -> Value {
            guard index < groups.count, let range = groups[index] else { return .null(.string) }
            return .string(found.text(range))
        }
        switch type {
        case .string:
            return group(0)
        case .tuple:
            return .tuple((1...names.count).map(group))
        default:
            var attributes: [String: Value] = [:]
            for (index, name) in names.enumerated() { attributes[name] = group(index + 1) }
            return .object(attributes)
        }
    }
}
