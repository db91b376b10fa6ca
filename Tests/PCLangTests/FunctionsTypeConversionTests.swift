import Testing
@testable import PCLang

// Expected results and messages were taken from Terraform 1.11.4's
// `terraform console`.

private func str(_ text: String) -> Value { .string(text) }
private func num(_ text: String) -> Value { .number(Number(parsing: text)!) }
private func tup(_ elements: Value...) -> Value { .tuple(elements) }
private func obj(_ pairs: KeyValuePairs<String, Value>) -> Value {
    .object(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }))
}
private func map(_ pairs: KeyValuePairs<String, Value>, _ element: ValueType) -> Value {
    .map(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }), element: element)
}
private func list(_ element: ValueType, _ elements: Value...) -> Value { .list(elements, element: element) }
private func secret(_ value: Value) -> Value { value.marked() }

private func call(_ name: String, _ arguments: [Value]) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    return try library.call(library.function(named: name)!, arguments: arguments, context: FunctionContext(baseDirectory: "."))
}

struct ConversionFunctionCase: Sendable, CustomTestStringConvertible {
    let function: String
    let argument: Value
    let expected: Value
    let note: String
    var testDescription: String { "\(function)(\(note))" }
    init(_ function: String, _ note: String, _ argument: Value, _ expected: Value) {
        self.function = function
        self.argument = argument
        self.expected = expected
        self.note = note
    }
}

struct ConversionFunctionFailure: Sendable, CustomTestStringConvertible {
    let function: String
    let argument: Value
    let message: String
    let note: String
    var testDescription: String { "\(function)(\(note))" }
    init(_ function: String, _ note: String, _ argument: Value, _ message: String) {
        self.function = function
        self.argument = argument
        self.message = message
        self.note = note
    }
}

private let results: [ConversionFunctionCase] = [
    .init("tobool", "\"true\"", str("true"), .true),
    .init("tobool", "\"false\"", str("false"), .false),
    .init("tobool", "\"1\"", str("1"), .true),
    .init("tobool", "true", .true, .true),
    .init("tobool", "null", .null, .null(.bool)),
    .init("tobool", "sensitive(\"true\")", secret(str("true")), secret(.true)),
    .init("tonumber", "\"1.5\"", str("1.5"), num("1.5")),
    .init("tonumber", "\"1e3\"", str("1e3"), num("1000")),
    .init("tonumber", "null", .null, .null(.number)),
    .init("tostring", "1", num("1"), str("1")),
    .init("tostring", "1.5", num("1.5"), str("1.5")),
    .init("tostring", "true", .true, str("true")),
    .init("tostring", "\"x\"", str("x"), str("x")),
    .init("tostring", "null", .null, .null(.string)),
    .init("tostring", "sensitive(1)", secret(num("1")), secret(str("1"))),
    .init("tolist", "[\"a\", \"b\"]", tup(str("a"), str("b")), list(.string, str("a"), str("b"))),
    .init("tolist", "[\"a\", 1]", tup(str("a"), num("1")), list(.string, str("a"), str("1"))),
    .init("tolist", "[\"a\", true]", tup(str("a"), .true), list(.string, str("a"), str("true"))),
    .init("tolist", "[]", tup(), list(.dynamic)),
    .init("tolist", "[null]", tup(.null), list(.dynamic, .null)),
    .init("tolist", "[null, 1]", tup(.null, num("1")), list(.number, .null(.number), num("1"))),
    .init("tolist", "[\"a\", 1, null]", tup(str("a"), num("1"), .null), list(.string, str("a"), str("1"), .null(.string))),
    .init("tolist", "[1, 1.5]", tup(num("1"), num("1.5")), list(.number, num("1"), num("1.5"))),
    .init("tolist", "toset([\"b\", \"a\"])", .set([str("b"), str("a")], element: .string), list(.string, str("a"), str("b"))),
    .init("tolist", "null", .null, .null(.list(.dynamic))),
    .init("tolist", "[[\"a\"], [\"b\", 1]]", tup(tup(str("a")), tup(str("b"), num("1"))),
          list(.list(.string), list(.string, str("a")), list(.string, str("b"), str("1")))),
    .init("tolist", "[{a=1}, {a=\"x\"}]", tup(obj(["a": num("1")]), obj(["a": str("x")])),
          list(.object(["a": .string]), obj(["a": str("1")]), obj(["a": str("x")]))),
    .init("tolist", "[{a=1}, {b=1}]", tup(obj(["a": num("1")]), obj(["b": num("1")])),
          list(.map(.number), map(["a": num("1")], .number), map(["b": num("1")], .number))),
    .init("tolist", "[sensitive(\"a\"), \"b\"]", tup(secret(str("a")), str("b")), list(.string, secret(str("a")), str("b"))),
    .init("tolist", "[1, \"a\", sensitive(2)]", tup(num("1"), str("a"), secret(num("2"))),
          list(.string, str("1"), str("a"), secret(str("2")))),
    .init("toset", "[\"b\", \"a\", \"b\"]", tup(str("b"), str("a"), str("b")), .set([str("a"), str("b")], element: .string)),
    .init("toset", "[\"a\", 1]", tup(str("a"), num("1")), .set([str("1"), str("a")], element: .string)),
    .init("toset", "[]", tup(), .set([], element: .dynamic)),
    .init("toset", "[{a=1}, {a=1}]", tup(obj(["a": num("1")]), obj(["a": num("1")])),
          .set([obj(["a": num("1")])], element: .object(["a": .number]))),
    .init("toset", "[sensitive(\"a\"), \"b\"]", tup(secret(str("a")), str("b")), secret(.set([str("a"), str("b")], element: .string))),
    .init("tomap", "{a=1, b=\"x\"}", obj(["a": num("1"), "b": str("x")]), map(["a": str("1"), "b": str("x")], .string)),
    .init("tomap", "{a=\"1\", b=2}", obj(["a": str("1"), "b": num("2")]), map(["a": str("1"), "b": str("2")], .string)),
    .init("tomap", "{}", .emptyObject, map([:], .dynamic)),
    .init("tomap", "{a=null}", obj(["a": .null]), map(["a": .null], .dynamic)),
    .init("tomap", "{a={x=1}, b={x=\"y\"}}", obj(["a": obj(["x": num("1")]), "b": obj(["x": str("y")])]),
          map(["a": obj(["x": str("1")]), "b": obj(["x": str("y")])], .object(["x": .string]))),
    .init("tomap", "{a=sensitive(1), b=2}", obj(["a": secret(num("1")), "b": num("2")]),
          map(["a": secret(num("1")), "b": num("2")], .number)),
]

private let failures: [ConversionFunctionFailure] = [
    .init("tobool", "\"x\"", str("x"), "cannot convert \"x\" to bool; only the strings \"true\" or \"false\" are allowed"),
    .init("tobool", "\"True\"", str("True"), "cannot convert \"True\" to bool; only the strings \"true\" or \"false\" are allowed"),
    .init("tobool", "1", num("1"), "cannot convert number to bool"),
    .init("tobool", "[]", tup(), "cannot convert tuple to bool"),
    .init("tobool", "sensitive(\"x\")", secret(str("x")), "cannot convert this sensitive string to bool"),
    .init("tobool", "sensitive(1)", secret(num("1")), "cannot convert number to bool"),
    .init("tonumber", "\"x\"", str("x"), "cannot convert \"x\" to number; given string must be a decimal representation of a number"),
    .init("tonumber", "\" 1\"", str(" 1"), "cannot convert \" 1\" to number; given string must be a decimal representation of a number"),
    .init("tonumber", "\"0x10\"", str("0x10"), "cannot convert \"0x10\" to number; given string must be a decimal representation of a number"),
    .init("tonumber", "\"\"", str(""), "cannot convert \"\" to number; given string must be a decimal representation of a number"),
    .init("tonumber", "true", .true, "cannot convert bool to number"),
    .init("tonumber", "sensitive(\"x\")", secret(str("x")), "cannot convert this sensitive string to number"),
    .init("tonumber", "{}", .emptyObject, "cannot convert object to number"),
    .init("tostring", "[]", tup(), "cannot convert tuple to string"),
    .init("tostring", "{a=1}", obj(["a": num("1")]), "cannot convert object to string"),
    .init("tostring", "tolist([])", list(.dynamic), "cannot convert list of dynamic to string"),
    .init("tolist", "[1, true]", tup(num("1"), .true), "cannot convert tuple to list of any single type"),
    .init("tolist", "[\"a\", []]", tup(str("a"), tup()), "cannot convert tuple to list of any single type"),
    .init("tolist", "\"x\"", str("x"), "cannot convert string to list of any single type"),
    .init("tolist", "{a=1}", obj(["a": num("1")]), "cannot convert object to list of any single type"),
    .init("tolist", "tomap({})", map([:], .dynamic), "cannot convert map of dynamic to list of any single type"),
    .init("toset", "\"x\"", str("x"), "cannot convert string to set of any single type"),
    .init("tomap", "{a=1, b=true}", obj(["a": num("1"), "b": .true]), "cannot convert object to map of any single type"),
    .init("tomap", "{a=1, b=[]}", obj(["a": num("1"), "b": tup()]), "cannot convert object to map of any single type"),
    .init("tomap", "[]", tup(), "cannot convert tuple to map of any single type"),
    .init("tomap", "\"x\"", str("x"), "cannot convert string to map of any single type"),
    .init("tomap", "tolist([])", list(.dynamic), "cannot convert list of dynamic to map of any single type"),
]

@Suite("Type conversion functions")
struct FunctionsTypeConversionTests {
    @Test(arguments: results)
    func result(_ example: ConversionFunctionCase) throws {
        #expect(try call(example.function, [example.argument]) == example.expected)
    }

    @Test(arguments: failures)
    func failure(_ example: ConversionFunctionFailure) {
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"v\" parameter: \(example.message).")) {
            try call(example.function, [example.argument])
        }
    }

    @Test func unknownValues() throws {
        #expect(try call("tostring", [.unknown(.number)]) == .unknown(.string))
        #expect(try call("tolist", [.unknown]) == .unknown(.list(.dynamic)))
        #expect(try call("tonumber", [secret(.unknown(.string))]) == secret(.unknown(.number)))
        #expect(try call("tolist", [tup(.unknown(.string), str("a"))]) == list(.string, .unknown(.string), str("a")))
        // The types decide even when the value is not known yet.
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"v\" parameter: cannot convert number to bool.")) {
            try call("tobool", [.unknown(.number)])
        }
    }

    @Test func sensitiveMarks() throws {
        #expect(try call("sensitive", [num("1")]) == secret(num("1")))
        #expect(try call("sensitive", [.null]) == secret(.null))
        #expect(try call("sensitive", [.unknown(.string)]) == secret(.unknown(.string)))
        #expect(try call("nonsensitive", [secret(num("1"))]) == num("1"))
        #expect(try call("nonsensitive", [num("1")]) == num("1"))
        #expect(try call("nonsensitive", [.null]) == .null)
        // Only the value's own mark goes; marks inside stay.
        #expect(try call("nonsensitive", [tup(secret(num("1")))]) == tup(secret(num("1"))))
        #expect(try call("issensitive", [secret(num("1"))]) == .true)
        #expect(try call("issensitive", [num("1")]) == .false)
        #expect(try call("issensitive", [tup(secret(num("1")))]) == .false)
        #expect(try call("issensitive", [.null]) == .false)
        #expect(try call("issensitive", [.unknown]) == .unknown(.bool))
        #expect(try call("issensitive", [secret(.unknown)]) == .true)
        #expect(try call("ephemeralasnull", [num("1")]) == num("1"))
        #expect(try call("ephemeralasnull", [.null]) == .null)
        #expect(try call("ephemeralasnull", [secret(tup(num("1")))]) == secret(tup(num("1"))))
    }

    @Test func expressionFunctionsBelongToTheEvaluator() throws {
        let library = FunctionLibrary.standard
        let can = try #require(library.function(named: "can"))
        #expect(can.parameters.map(\.name) == ["expression"])
        #expect(can.returnType == .bool)
        let tryFunction = try #require(library.function(named: "try"))
        #expect(tryFunction.parameters.isEmpty)
        #expect(tryFunction.variadic?.name == "expressions")
        #expect(throws: FunctionError("can/try are handled by the evaluator.")) {
            try call("can", [num("1")])
        }
        #expect(throws: FunctionError("can/try are handled by the evaluator.")) {
            try call("try", [num("1")])
        }
    }
}
