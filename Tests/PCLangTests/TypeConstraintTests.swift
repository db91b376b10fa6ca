import PCDiagnostics
import PCLSyntax
import Testing
@testable import PCLang

// Diagnostics and results were taken from Terraform 1.11.4: `terraform
// validate -json` on `variable "v" { type = … }`, and variables of these
// types given values through a module call.

private func str(_ text: String) -> Value { .string(text) }
private func num(_ value: Int) -> Value { .number(value) }
private func num(_ text: String) -> Value { .number(Number(parsing: text)!) }
private func tup(_ elements: Value...) -> Value { .tuple(elements) }
private func obj(_ pairs: KeyValuePairs<String, Value>) -> Value {
    .object(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }))
}
private func map(_ pairs: KeyValuePairs<String, Value>, _ element: ValueType) -> Value {
    .map(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }), element: element)
}

/// Parses `text` as a lone expression, then as a type constraint.
private func parse(_ text: String) -> (TypeConstraint?, [Diagnostic], SourceFile) {
    let file = SourceFile(path: "variables.pcl", text: text)
    let (expression, syntaxDiagnostics) = Parser.parseExpression(file)
    precondition(!syntaxDiagnostics.hasErrors, "test input must parse: \(text)")
    let (constraint, diagnostics) = TypeConstraint.parse(expression, in: file)
    return (constraint, diagnostics, file)
}

/// The byte range of the `occurrence`-th appearance of `piece` in `text`.
private func range(of piece: String, in text: String, occurrence: Int = 0) -> SourceRange {
    let bytes = Array(text.utf8), needle = Array(piece.utf8)
    var found = 0
    for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
        if found == occurrence { return SourceRange(start, start + needle.count) }
        found += 1
    }
    preconditionFailure("\(piece) not in \(text)")
}

private func constraint(_ text: String) throws -> TypeConstraint {
    let (constraint, diagnostics, _) = parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.detail))")
    return try #require(constraint)
}

struct GoodConstraint: Sendable, CustomTestStringConvertible {
    let text: String
    let type: ValueType
    /// How `description` prints it, when not exactly as written.
    var printed: String?
    var testDescription: String { text }
}

private let goodConstraints: [GoodConstraint] = [
    .init(text: "string", type: .string),
    .init(text: "number", type: .number),
    .init(text: "bool", type: .bool),
    .init(text: "any", type: .dynamic),
    .init(text: "list", type: .list(.dynamic), printed: "list(any)"),
    .init(text: "map", type: .map(.dynamic), printed: "map(any)"),
    .init(text: "list(string)", type: .list(.string)),
    .init(text: "set(number)", type: .set(.number)),
    .init(text: "map(list(any))", type: .map(.list(.dynamic))),
    .init(text: "tuple([string, number])", type: .tuple([.string, .number])),
    .init(text: "tuple([])", type: .emptyTuple),
    .init(text: "object({})", type: .emptyObject),
    .init(text: "object({ name = string, port = optional(number, 80) })", type: .object(["name": .string, "port": .number]),
          printed: "object({name=string, port=optional(number, 80)})"),
    .init(text: "list(object({a=string, b=optional(number, 5)}))", type: .list(.object(["a": .string, "b": .number]))),
    .init(text: "object({tags=optional(map(string)), z=bool})", type: .object(["tags": .map(.string), "z": .bool])),
    .init(text: "object({a=optional(number, -1)})", type: .object(["a": .number])),
    .init(text: "object({a=optional(string, 1.50)})", type: .object(["a": .string]), printed: "object({a=optional(string, \"1.5\")})"),
    .init(text: "object({a=optional(list(number), [1, -2.5])})", type: .object(["a": .list(.number)])),
    .init(text: "object({a=optional(set(number), [3, 1, 3])})", type: .object(["a": .set(.number)]),
          printed: "object({a=optional(set(number), [1, 3])})"),
    .init(text: "object({a=optional(string, \"a${\"b\"}\")})", type: .object(["a": .string]),
          printed: "object({a=optional(string, \"ab\")})"),
    .init(text: "object({a=optional(object({b=number}), {b=1, c=2})})", type: .object(["a": .object(["b": .number])]),
          printed: "object({a=optional(object({b=number}), {b = 1})})"),
    .init(text: "object({a=optional(string, null)})", type: .object(["a": .string])),
    .init(text: "list(string...)", type: .list(.string), printed: "list(string)"),
]

struct BadConstraint: Sendable, CustomTestStringConvertible {
    let text: String
    let code: DiagnosticCode
    let detail: String
    let subject: String
    var occurrence = 0
    var testDescription: String { text }
}

private let typeSummary = DiagnosticCode.invalidTypeSpecification
private let notATypeDetail = "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string)."

private let badConstraints: [BadConstraint] = [
    .init(text: "strin", code: typeSummary, detail: "The keyword \"strin\" is not a valid type specification.", subject: "strin"),
    .init(text: "list(strin)", code: typeSummary, detail: "The keyword \"strin\" is not a valid type specification.", subject: "strin"),
    .init(text: "set", code: typeSummary, detail: "The set type constructor requires one argument specifying the element type.", subject: "set"),
    .init(text: "list(list)", code: typeSummary, detail: "The list type constructor requires one argument specifying the element type.",
          subject: "list", occurrence: 1),
    .init(text: "object", code: typeSummary,
          detail: "The object type constructor requires one argument specifying the attribute types and values as a map.", subject: "object"),
    .init(text: "tuple", code: typeSummary,
          detail: "The tuple type constructor requires one argument specifying the element types as a list.", subject: "tuple"),
    .init(text: "list()", code: typeSummary, detail: "The list type constructor requires one argument specifying the element type.", subject: "()"),
    .init(text: "list(string, number)", code: typeSummary,
          detail: "The list type constructor requires one argument specifying the element type.", subject: "number"),
    .init(text: "map(string, number, bool)", code: typeSummary,
          detail: "The map type constructor requires one argument specifying the element type.", subject: "number, bool"),
    .init(text: "string()", code: typeSummary, detail: "Primitive type keyword \"string\" does not expect arguments.", subject: "()"),
    .init(text: "any(1)", code: typeSummary, detail: "Type constraint keyword \"any\" does not expect arguments.", subject: "(1)"),
    .init(text: "optional(string)", code: typeSummary,
          detail: "Keyword \"optional\" is valid only as a modifier for object type attributes.", subject: "optional"),
    .init(text: "map(optional(string))", code: typeSummary,
          detail: "Keyword \"optional\" is valid only as a modifier for object type attributes.", subject: "optional"),
    .init(text: "object({a=optional(string, 1, 2)})", code: typeSummary,
          detail: "Optional attribute modifier expects at most two arguments: the attribute type, and a default value.",
          subject: "(string, 1, 2)"),
    .init(text: "object({a=optional()})", code: typeSummary,
          detail: "Optional attribute modifier requires the attribute type as its argument.", subject: "()"),
    .init(text: "object({a=optional(number, \"x\")})", code: .invalidOptionalDefault,
          detail: "This default value is not compatible with the attribute's type constraint: a number is required.", subject: "\"x\""),
    .init(text: "object({a=optional(list(number), [1, \"x\"])})", code: .invalidOptionalDefault,
          detail: "This default value is not compatible with the attribute's type constraint: a number is required.",
          subject: "[1, \"x\"]"),
    .init(text: "object({a=optional(object({b=number}), {c=1})})", code: .invalidOptionalDefault,
          detail: "This default value is not compatible with the attribute's type constraint: attribute \"b\" is required.",
          subject: "{c=1}"),
    .init(text: "object({\"a\"=string})", code: typeSummary, detail: "Object constructor map keys must be attribute names.", subject: "\"a\""),
    .init(text: "object({(x)=string})", code: typeSummary, detail: "Object constructor map keys must be attribute names.", subject: "(x)"),
    .init(text: "object({a=string, a=number})", code: typeSummary, detail: "Object constructor map keys must be unique.",
          subject: "a", occurrence: 1),
    .init(text: "object([string])", code: typeSummary,
          detail: "Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.",
          subject: "[string]"),
    .init(text: "tuple({a=string})", code: typeSummary, detail: "Tuple type constructor requires a list of element types.",
          subject: "{a=string}"),
    .init(text: "foo(string)", code: typeSummary, detail: "Keyword \"foo\" is not a valid type constructor.", subject: "foo(string)"),
    .init(text: "var.x", code: typeSummary, detail: notATypeDetail, subject: "var.x"),
    .init(text: "(string)", code: typeSummary, detail: notATypeDetail, subject: "(string)"),
    .init(text: "list(\"string\")", code: typeSummary, detail: notATypeDetail, subject: "\"string\""),
    .init(text: "\"string\"", code: .quotedTypeConstraint,
          detail: "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around \"string\".",
          subject: "\"string\""),
    .init(text: "\"map\"", code: .quotedTypeConstraint,
          detail: "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around \"map\" and write map(string) instead to explicitly indicate that the map elements are strings.",
          subject: "\"map\""),
    .init(text: "\"foo\"", code: .invalidLegacyTypeHint,
          detail: "To provide a full type expression, remove the surrounding quotes and give the type expression directly.",
          subject: "\"foo\""),
    .init(text: "object({a=optional(number, var.x)})", code: .defaultValueReference, detail: "Variables may not be used here.",
          subject: "var"),
    .init(text: "object({a=optional(number, abs(1))})", code: .defaultValueFunctionCall, detail: "Functions may not be called here.",
          subject: "abs(1)"),
]

@Suite("Type constraints")
struct TypeConstraintTests {
    @Test(arguments: goodConstraints)
    func parses(_ example: GoodConstraint) throws {
        let parsed = try constraint(example.text)
        #expect(parsed.type == example.type)
        let printed = example.printed ?? example.text
        #expect(parsed.description == printed)
        // What is printed reads back as the same constraint.
        #expect(try constraint(parsed.description) == parsed)
    }

    @Test(arguments: badConstraints)
    func reports(_ example: BadConstraint) throws {
        let (parsed, diagnostics, _) = parse(example.text)
        #expect(parsed == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == example.code)
        #expect(diagnostic.summary == example.code.summary)
        #expect(diagnostic.detail == example.detail)
        #expect(diagnostic.subject == range(of: example.subject, in: example.text, occurrence: example.occurrence))
        #expect(diagnostic.isError)
    }

    @Test func reportsEveryBadAttribute() {
        let text = "object({a=strin, b=optional(strin, 1)})"
        let (parsed, diagnostics, _) = parse(text)
        #expect(parsed == nil)
        #expect(diagnostics.map(\.subject) == [range(of: "strin", in: text), range(of: "strin", in: text, occurrence: 1)])
    }

    @Test func readsDefaults() throws {
        let parsed = try constraint("object({a=optional(number, -1), b=optional(string), c=string, d=optional(list(string), [1])})")
        guard case .object(let attributes) = parsed.kind else {
            Issue.record("not an object: \(parsed)")
            return
        }
        #expect(attributes.map(\.name) == ["a", "b", "c", "d"])
        #expect(attributes.map(\.isOptional) == [true, true, false, true])
        #expect(attributes[0].defaultValue == num(-1))
        #expect(attributes[1].defaultValue == nil)
        #expect(attributes[3].defaultValue == .list([str("1")], element: .string))
        #expect(parsed.hasOptionalAttributes)
        #expect(try !constraint("list(object({a=string}))").hasOptionalAttributes)
    }

    @Test func exactTypeConstraint() {
        let type = ValueType.object(["b": .list(.number), "a": .dynamic])
        let exact = TypeConstraint(exactly: type)
        #expect(exact.type == type)
        #expect(exact.description == "object({a=any, b=list(number)})")
    }
}

struct ConstraintConversion: Sendable, CustomTestStringConvertible {
    let constraint: String
    let value: Value
    let expected: Value
    var testDescription: String { constraint }
}

private let itemType = ValueType.object(["a": .string, "b": .number])

private let constraintConversions: [ConstraintConversion] = [
    .init(constraint: "list(object({a=string, b=optional(number, 5)}))",
          value: tup(obj(["a": str("x")]), obj(["a": str("y"), "b": .null]), obj(["a": str("z"), "b": str("7")])),
          expected: .list([obj(["a": str("x"), "b": num(5)]), obj(["a": str("y"), "b": num(5)]), obj(["a": str("z"), "b": num(7)])],
                          element: itemType)),
    .init(constraint: "object({a=optional(object({b=optional(number, 5)})), c=optional(object({b=optional(number, 5)}), {})})",
          value: .emptyObject,
          expected: obj(["a": .null(.object(["b": .number])), "c": obj(["b": num(5)])])),
    .init(constraint: "map(object({a=optional(string, \"d\")}))",
          value: obj(["x": .emptyObject, "y": obj(["a": str("q")])]),
          expected: map(["x": obj(["a": str("d")]), "y": obj(["a": str("q")])], .object(["a": .string]))),
    .init(constraint: "object({a=optional(list(string), [\"q\"])})", value: .emptyObject,
          expected: obj(["a": .list([str("q")], element: .string)])),
    .init(constraint: "object({a=optional(list(string), [1])})", value: obj(["a": .null]),
          expected: obj(["a": .list([str("1")], element: .string)])),
    .init(constraint: "object({a=optional(number)})", value: map(["a": str("1"), "b": str("2")], .string),
          expected: obj(["a": num(1)])),
    .init(constraint: "object({a=optional(number)})", value: map(["b": str("2")], .string),
          expected: obj(["a": .null(.number)])),
    .init(constraint: "object({a=optional(bool), b=string})", value: map(["b": num(1)], .number),
          expected: obj(["a": .null(.bool), "b": str("1")])),
    .init(constraint: "set(object({a=string, b=optional(number, 5)}))",
          value: tup(obj(["a": str("x")]), obj(["a": str("x"), "b": num(5)])),
          expected: .set([obj(["a": str("x"), "b": num(5)])], element: itemType)),
    .init(constraint: "tuple([object({a=optional(number, 1)}), string])", value: tup(.emptyObject, str("s")),
          expected: tup(obj(["a": num(1)]), str("s"))),
    .init(constraint: "object({a=optional(string, \"x\")})", value: .null, expected: .null(.object(["a": .string]))),
    .init(constraint: "object({a=optional(string, \"x\")})", value: .unknown, expected: .unknown(.object(["a": .string]))),
    .init(constraint: "list(object({a=string, b=optional(number, 5)}))",
          value: tup(obj(["a": str("x")]).marked()),
          expected: .list([obj(["a": str("x"), "b": num(5)]).marked()], element: itemType)),
    .init(constraint: "object({a=optional(number, 5), b=string})", value: map(["b": str("q")], .string),
          expected: obj(["a": num(5), "b": str("q")])),
    .init(constraint: "any", value: tup(num(1), .true), expected: tup(num(1), .true)),
    .init(constraint: "list(any)", value: tup(num(1), str("a")), expected: .list([str("1"), str("a")], element: .string)),
    .init(constraint: "number", value: str("12"), expected: num(12)),
]

struct ConstraintFailure: Sendable, CustomTestStringConvertible {
    let constraint: String
    let value: Value
    let message: String
    var path = ValuePath()
    var testDescription: String { constraint }
}

private let constraintFailures: [ConstraintFailure] = [
    .init(constraint: "object({a=string, b=number})", value: obj(["a": num(1)]), message: "attribute \"b\" is required"),
    .init(constraint: "object({a=optional(bool)})", value: map(["a": num(1)], .number),
          message: "map element type is incompatible with attribute \"a\": bool required"),
    .init(constraint: "object({a=string, c=number})", value: map(["a": num(1), "b": num(2)], .number),
          message: "map has no element for required attribute \"c\""),
    .init(constraint: "list(object({a=string, b=optional(number, 5)}))", value: tup(obj(["a": str("x"), "b": str("five")])),
          message: "a number is required", path: ValuePath([.index(.number(0)), .attribute("b")])),
    .init(constraint: "list(object({a=optional(number, 1)}))", value: tup(.emptyObject, obj(["a": str("x")])),
          message: "a number is required", path: ValuePath([.index(.number(1)), .attribute("a")])),
    .init(constraint: "list(any)", value: tup(num(1), .true), message: "all list elements must have the same type"),
    .init(constraint: "map(any)", value: obj(["a": num(1), "b": .true]), message: "all map elements must have the same type"),
    .init(constraint: "object({a=object({b=optional(number)})})", value: obj(["a": obj(["b": .true])]),
          message: "attribute \"a\": attribute \"b\": number required"),
]

@Suite("Type constraint conversion")
struct TypeConstraintConversionTests {
    @Test(arguments: constraintConversions)
    func converts(_ example: ConstraintConversion) throws {
        let parsed = try constraint(example.constraint)
        #expect(try parsed.convert(example.value) == example.expected)
    }

    @Test(arguments: constraintFailures)
    func rejects(_ example: ConstraintFailure) throws {
        let parsed = try constraint(example.constraint)
        #expect(throws: ConversionError(path: example.path, message: example.message)) {
            try parsed.convert(example.value)
        }
    }

    @Test func defaultsAloneLeaveTheTypeToConversion() throws {
        let parsed = try constraint("object({a=optional(number, 5), b=string})")
        #expect(parsed.applyingDefaults(to: obj(["b": num(1)])) == obj(["a": num(5), "b": num(1)]))
        #expect(parsed.applyingDefaults(to: .null) == .null)
    }
}
