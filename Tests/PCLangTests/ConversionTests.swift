import Testing
@testable import PCLang

// Expected results were taken from Terraform 1.11.4 (variables of the given
// type passed through a module, `tolist`/`tomap`/`toset`, and conditionals
// in `terraform console`).

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
private func list(_ elements: [Value], _ element: ValueType) -> Value { .list(elements, element: element) }
private func secret(_ value: Value) -> Value { value.marked() }
private func at(_ steps: PathStep...) -> ValuePath { ValuePath(steps) }
private func index(_ position: Int) -> PathStep { .index(.number(position)) }
private func key(_ name: String) -> PathStep { .index(.string(name)) }

struct ConversionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let value: Value
    let type: ValueType
    let expected: Value
    var testDescription: String { name }
}

struct ConversionFailure: Sendable, CustomTestStringConvertible {
    let name: String
    let value: Value
    let type: ValueType
    let path: ValuePath
    let message: String
    var testDescription: String { name }
}

private let successes: [ConversionCase] = [
    .init(name: "identity", value: str("a"), type: .string, expected: str("a")),
    .init(name: "to dynamic", value: tup(num(1), .true), type: .dynamic, expected: tup(num(1), .true)),
    .init(name: "number to string", value: num("1.50"), type: .string, expected: str("1.5")),
    .init(name: "large number to string", value: num("1.5e30"), type: .string, expected: str("1500000000000000000000000000000")),
    .init(name: "bool to string", value: .false, type: .string, expected: str("false")),
    .init(name: "string to number", value: str("1e3"), type: .number, expected: num(1000)),
    .init(name: "signed string to number", value: str("+1"), type: .number, expected: num(1)),
    .init(name: "string to bool", value: str("true"), type: .bool, expected: .true),
    .init(name: "string 1 to bool", value: str("1"), type: .bool, expected: .true),
    .init(name: "string 0 to bool", value: str("0"), type: .bool, expected: .false),
    .init(name: "untyped null", value: .null, type: .list(.string), expected: .null(.list(.string))),
    .init(name: "typed null", value: .null(.number), type: .string, expected: .null(.string)),
    .init(name: "null keeps what any leaves open", value: .null(.list(.string)), type: .list(.dynamic),
          expected: .null(.list(.string))),
    .init(name: "unknown", value: .unknown, type: .map(.number), expected: .unknown(.map(.number))),
    .init(name: "typed unknown", value: .unknown(.number), type: .string, expected: .unknown(.string)),
    .init(name: "tuple to list of any", value: tup(num(1), str("a")), type: .list(.dynamic),
          expected: list([str("1"), str("a")], .string)),
    .init(name: "tuple to list of string", value: tup(num(1), .true, .null), type: .list(.string),
          expected: list([str("1"), str("true"), .null(.string)], .string)),
    .init(name: "tuple with null to list of any", value: tup(.null, num(1)), type: .list(.dynamic),
          expected: list([.null(.number), num(1)], .number)),
    .init(name: "empty tuple to list", value: tup(), type: .list(.string), expected: list([], .string)),
    .init(name: "empty tuple to set of any", value: tup(), type: .set(.dynamic), expected: .set([], element: .dynamic)),
    .init(name: "tuple to set dedups", value: tup(str("b"), str("a"), str("b")), type: .set(.string),
          expected: .set([str("a"), str("b")], element: .string)),
    .init(name: "converted set elements merge", value: list([str("1"), str("01")], .string), type: .set(.number),
          expected: .set([num(1)], element: .number)),
    .init(name: "set to list in order", value: .set([str("b"), str("a")], element: .string), type: .list(.string),
          expected: list([str("a"), str("b")], .string)),
    .init(name: "list element conversion", value: list([num(1), num(2)], .number), type: .list(.string),
          expected: list([str("1"), str("2")], .string)),
    .init(name: "list to list of any", value: list([num(1)], .number), type: .list(.dynamic),
          expected: list([num(1)], .number)),
    .init(name: "tuples of different lengths", value: tup(tup(num(1)), tup(str("a"), str("b"))), type: .list(.dynamic),
          expected: list([list([str("1")], .string), list([str("a"), str("b")], .string)], .list(.string))),
    .init(name: "objects with different attributes", value: tup(obj(["x": num(1)]), obj(["y": num(2)])), type: .list(.dynamic),
          expected: list([map(["x": num(1)], .number), map(["y": num(2)], .number)], .map(.number))),
    .init(name: "objects with same attributes", value: tup(obj(["x": num(1)]), obj(["x": str("a")])), type: .list(.dynamic),
          expected: list([obj(["x": str("1")]), obj(["x": str("a")])], .object(["x": .string]))),
    .init(name: "object to map of any", value: obj(["a": num(1), "b": str("x")]), type: .map(.dynamic),
          expected: map(["a": str("1"), "b": str("x")], .string)),
    .init(name: "object of tuples to map", value: obj(["a": tup(num(1)), "b": tup(str("x"))]), type: .map(.dynamic),
          expected: map(["a": tup(str("1")), "b": tup(str("x"))], .tuple([.string]))),
    .init(name: "object with null to map of any", value: obj(["a": .null, "b": num(1)]), type: .map(.dynamic),
          expected: map(["a": .null(.number), "b": num(1)], .number)),
    .init(name: "empty object to map", value: .emptyObject, type: .map(.string), expected: map([:], .string)),
    .init(name: "map elements", value: map(["a": num(1)], .number), type: .map(.string), expected: map(["a": str("1")], .string)),
    .init(name: "object drops extra attributes", value: obj(["a": num(1), "b": num(2)]), type: .object(["a": .string]),
          expected: obj(["a": str("1")])),
    .init(name: "map to object drops extra keys", value: map(["a": num(1), "b": num(2)], .number),
          type: .object(["a": .string]), expected: obj(["a": str("1")])),
    .init(name: "tuple to tuple", value: tup(str("1"), num(2)), type: .tuple([.number, .string]),
          expected: tup(num(1), str("2"))),
    .init(name: "nested", value: obj(["a": tup(obj(["b": num(1)]))]), type: .object(["a": .list(.object(["b": .string]))]),
          expected: obj(["a": list([obj(["b": str("1")])], .object(["b": .string]))])),
    .init(name: "sensitive value keeps its mark", value: secret(num(1)), type: .string, expected: secret(str("1"))),
    .init(name: "sensitive element keeps its mark", value: tup(secret(num(1)), str("b")), type: .list(.dynamic),
          expected: list([secret(str("1")), str("b")], .string)),
    .init(name: "sensitive attribute keeps its mark", value: obj(["a": secret(num(1)), "b": str("x")]), type: .map(.dynamic),
          expected: map(["a": secret(str("1")), "b": str("x")], .string)),
    .init(name: "set takes its elements' marks", value: tup(secret(str("a")), str("b")), type: .set(.dynamic),
          expected: secret(.set([str("a"), str("b")], element: .string))),
    .init(name: "set of unknowns becomes unknown list", value: .set([str("a"), .unknown(.string)], element: .string),
          type: .list(.string), expected: .unknown(.list(.string))),
    .init(name: "list of maps of any unify", value: tup(obj(["a": num(1)]), obj(["b": str("x")])), type: .list(.map(.dynamic)),
          expected: list([map(["a": str("1")], .string), map(["b": str("x")], .string)], .map(.string))),
    .init(name: "map of lists of any unify", value: obj(["a": tup(num(1)), "b": tup(str("x"), .true)]), type: .map(.list(.dynamic)),
          expected: map(["a": list([str("1")], .string), "b": list([str("x"), str("true")], .string)], .list(.string))),
    .init(name: "set of one unknown stays a list", value: .set([.unknown(.string)], element: .string),
          type: .list(.string), expected: list([.unknown(.string)], .string)),
]

private let failures: [ConversionFailure] = [
    .init(name: "string not a number", value: str("x"), type: .number, path: at(), message: "a number is required"),
    .init(name: "string not a bool", value: str("x"), type: .bool, path: at(), message: "a bool is required"),
    .init(name: "capitalised bool", value: str("TRUE"), type: .bool, path: at(),
          message: "a bool is required; to convert from string, use lowercase \"true\""),
    .init(name: "capitalised false", value: str("False"), type: .bool, path: at(),
          message: "a bool is required; to convert from string, use lowercase \"false\""),
    .init(name: "bool to number", value: .true, type: .number, path: at(), message: "number required"),
    .init(name: "number to bool", value: num(1), type: .bool, path: at(), message: "bool required"),
    .init(name: "typed null with no conversion", value: .null(.bool), type: .number, path: at(), message: "number required"),
    .init(name: "tuple to string", value: tup(num(1)), type: .string, path: at(), message: "string required"),
    .init(name: "string to list", value: str("a"), type: .list(.string), path: at(), message: "list of string required"),
    .init(name: "object to list of any", value: obj(["a": num(1)]), type: .list(.dynamic), path: at(),
          message: "list of any single type required"),
    .init(name: "element not a number", value: tup(str("1"), str("a")), type: .list(.number), path: at(index(1)),
          message: "a number is required"),
    .init(name: "element of wrong type", value: tup(num(1), .true), type: .list(.number), path: at(),
          message: "element 1: number required"),
    .init(name: "nested element of wrong type", value: tup(tup(num(1))), type: .list(.string), path: at(),
          message: "element 0: string required"),
    .init(name: "mixed list", value: tup(num(1), .true), type: .list(.dynamic), path: at(),
          message: "all list elements must have the same type"),
    .init(name: "mixed set", value: tup(num(1), .true), type: .set(.dynamic), path: at(),
          message: "all set elements must have the same type"),
    .init(name: "mixed map", value: obj(["a": num(1), "b": .true]), type: .map(.dynamic), path: at(),
          message: "all map elements must have the same type"),
    .init(name: "map element of wrong type", value: obj(["a": num(1), "b": .true]), type: .map(.number), path: at(),
          message: "element \"b\": number required"),
    .init(name: "map element not a number", value: obj(["a": num(1), "b": str("x")]), type: .map(.number), path: at(key("b")),
          message: "a number is required"),
    .init(name: "list element type", value: list([.true], .bool), type: .list(.number), path: at(),
          message: "incorrect list element type: number required"),
    .init(name: "missing attribute", value: obj(["a": num(1)]), type: .object(["a": .string, "b": .number]), path: at(),
          message: "attribute \"b\" is required"),
    .init(name: "two missing attributes", value: .emptyObject, type: .object(["b": .number, "a": .number]), path: at(),
          message: "attributes \"a\" and \"b\" are required"),
    .init(name: "three missing attributes", value: .emptyObject, type: .object(["a": .number, "b": .number, "c": .number]),
          path: at(), message: "attributes \"a\", \"b\", and \"c\" are required"),
    .init(name: "nested missing attribute", value: obj(["a": obj(["c": num(1)])]), type: .object(["a": .object(["b": .number])]),
          path: at(), message: "attribute \"a\": attribute \"b\" is required"),
    .init(name: "nested attribute not a number", value: obj(["a": obj(["b": str("x")])]),
          type: .object(["a": .object(["b": .number])]), path: at(.attribute("a"), .attribute("b")),
          message: "a number is required"),
    .init(name: "map lacks attribute", value: map(["a": num(1), "b": num(2)], .number),
          type: .object(["a": .string, "c": .number]), path: at(), message: "map has no element for required attribute \"c\""),
    .init(name: "tuple of wrong length", value: tup(num(1)), type: .tuple([.number, .string]), path: at(), message: "tuple required"),
    .init(name: "list to tuple", value: list([str("a")], .string), type: .tuple([.string]), path: at(), message: "tuple required"),
    .init(name: "tuple element not a number", value: tup(str("a"), num(1)), type: .tuple([.number, .string]),
          path: at(index(0)), message: "a number is required"),
    .init(name: "map element type", value: map(["a": .true], .bool), type: .map(.number), path: at(),
          message: "incorrect map element type: number required"),
    .init(name: "set to list element type", value: .set([.true], element: .bool), type: .list(.number), path: at(),
          message: "incorrect list element type: number required"),
    .init(name: "attribute list element type", value: obj(["a": list([.true], .bool)]), type: .object(["a": .list(.number)]),
          path: at(), message: "attribute \"a\": incorrect list element type: number required"),
    .init(name: "element attribute", value: tup(obj(["a": .true])), type: .list(.object(["a": .number])), path: at(),
          message: "element 0: attribute \"a\": number required"),
    .init(name: "element missing attribute", value: tup(obj(["b": num(1)])), type: .list(.object(["a": .number])), path: at(),
          message: "element 0: attribute \"a\" is required"),
    .init(name: "map element missing attribute", value: obj(["x": obj(["b": num(1)])]), type: .map(.object(["a": .number])),
          path: at(), message: "element \"x\": attribute \"a\" is required"),
    .init(name: "nested elements", value: tup(tup(num(1), .true)), type: .list(.list(.number)), path: at(),
          message: "element 0: element 1: number required"),
    .init(name: "tuple to object", value: tup(num(1)), type: .object(["a": .number]), path: at(), message: "object required"),
    .init(name: "object to tuple", value: obj(["a": num(1)]), type: .tuple([.number]), path: at(), message: "tuple required"),
    .init(name: "tuple to map", value: tup(num(1)), type: .map(.string), path: at(), message: "map of string required"),
    .init(name: "set elements of different types", value: tup(tup(num(1), str("a")), tup(num(2))), type: .set(.list(.dynamic)),
          path: at(), message: "element types must all match for conversion to set"),
    .init(name: "list element not a number", value: list([str("1"), str("a")], .string), type: .list(.number),
          path: at(index(1)), message: "a number is required"),
]

@Suite("Conversion")
struct ConversionTests {
    @Test(arguments: successes)
    func converts(_ example: ConversionCase) throws {
        let result = try Conversion.convert(example.value, to: example.type)
        #expect(result == example.expected)
    }

    @Test(arguments: failures)
    func rejects(_ example: ConversionFailure) {
        #expect(throws: ConversionError(path: example.path, message: example.message)) {
            try Conversion.convert(example.value, to: example.type)
        }
    }

    @Test func resultTypeOfListOfAny() throws {
        let result = try Conversion.convert(tup(num(1), str("a")), to: .list(.dynamic))
        #expect(result.type == .list(.string))
    }

    @Test func pathIsSpelledAsTerraformDoes() {
        let error = ConversionError(path: at(.attribute("a"), index(1), key("k")), message: "a number is required")
        #expect(error.pathDescription == ".a[1][\"k\"]")
        #expect(error.descriptionWithPath == ".a[1][\"k\"]: a number is required")
        #expect(ConversionError(path: at(), message: "m").descriptionWithPath == "m")
    }

    @Test func typeLevelChecks() {
        #expect(Conversion.canConvert(from: .string, to: .number))
        #expect(!Conversion.canConvert(from: .bool, to: .number))
        #expect(Conversion.canConvert(from: .tuple([.number, .string]), to: .list(.dynamic)))
        #expect(!Conversion.canConvert(from: .tuple([.number, .bool]), to: .list(.dynamic)))
        #expect(Conversion.mismatchMessage(from: .tuple([.number, .bool]), to: .list(.number)) == "element 1: number required")
        #expect(Conversion.canConvert(str("5"), to: .number))
        #expect(!Conversion.canConvert(str("five"), to: .number))
    }

    @Test func unifyValuesConvertsEachValue() throws {
        let result = try #require(Conversion.unifyValues([num(1), str("a")]))
        #expect(result.type == .string)
        #expect(result.values == [str("1"), str("a")])
        #expect(Conversion.unifyValues([num(1), .true]) == nil)
    }
}

struct UnificationCase: Sendable, CustomTestStringConvertible {
    let types: [ValueType]
    let expected: ValueType?
    var testDescription: String { types.map(\.description).joined(separator: ", ") }
}

private let unifications: [UnificationCase] = [
    .init(types: [], expected: .dynamic),
    .init(types: [.number, .number], expected: .number),
    .init(types: [.number, .string], expected: .string),
    .init(types: [.string, .bool], expected: .string),
    .init(types: [.number, .bool], expected: nil),
    .init(types: [.dynamic, .string], expected: .string),
    .init(types: [.dynamic, .dynamic], expected: .dynamic),
    .init(types: [.object(["a": .number]), .object(["a": .string])], expected: .object(["a": .string])),
    .init(types: [.object(["a": .number]), .object(["b": .string])], expected: .map(.string)),
    .init(types: [.object(["a": .number]), .object(["a": .bool])], expected: nil),
    .init(types: [.map(.number), .object(["b": .string])], expected: .map(.string)),
    .init(types: [.tuple([.number]), .tuple([.string])], expected: .tuple([.string])),
    .init(types: [.tuple([.number]), .tuple([.string, .string])], expected: .list(.string)),
    .init(types: [.list(.number), .tuple([.string])], expected: .list(.string)),
    .init(types: [.list(.number), .set(.string)], expected: .list(.number)),
    .init(types: [.set(.number), .set(.string)], expected: .set(.string)),
    .init(types: [.list(.number), .list(.bool)], expected: nil),
    .init(types: [.tuple([.number]), .dynamic], expected: .dynamic),
    .init(types: [.object(["a": .number]), .tuple([])], expected: nil),
    .init(types: [.tuple([.object(["a": .number])]), .tuple([.object(["b": .bool])])], expected: nil),
]

@Suite("Unification")
struct UnificationTests {
    @Test(arguments: unifications)
    func unifies(_ example: UnificationCase) {
        #expect(Conversion.unify(example.types) == example.expected)
    }
}
