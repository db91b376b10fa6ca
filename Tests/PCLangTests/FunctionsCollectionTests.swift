import Testing
@testable import PCLang

// Expected results come from Terraform 1.11.4's console, one expression per
// call, with `type(...)` for the result types. Unknown values were made with
// a `terraform_data` resource under `terraform console -plan`. A literal
// `[…]` there is a tuple and `{…}` an object; `tolist`, `toset` and
// `tomap` give the collections, as the builders below do.

private func str(_ text: String) -> Value { .string(text) }
private func num(_ value: Int) -> Value { .number(value) }
private func num(_ text: String) -> Value { .number(Number(parsing: text)!) }
private func tup(_ elements: Value...) -> Value { .tuple(elements) }
private func strings(_ texts: String...) -> Value { .list(strings: texts) }
private func list(_ element: ValueType, _ elements: Value...) -> Value { .list(elements, element: element) }
private func set(_ element: ValueType, _ elements: Value...) -> Value { .set(elements, element: element) }
private func obj(_ pairs: KeyValuePairs<String, Value>) -> Value {
    .object(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }))
}
private func map(_ element: ValueType, _ pairs: KeyValuePairs<String, Value>) -> Value {
    .map(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }), element: element)
}
private func secret(_ value: Value) -> Value { value.marked() }
private func unknown(_ type: ValueType) -> Value { .unknown(type) }
private let nothing = Value.null

private func call(_ name: String, _ arguments: [Value]) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    guard let function = library.function(named: name) else { throw FunctionError("no function \(name)") }
    return try library.call(function, arguments: arguments, context: FunctionContext(baseDirectory: "/"))
}

struct CollectionCase: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [Value]
    let expected: Value
    let note: String

    init(_ function: String, _ arguments: [Value], _ expected: Value, _ note: String = "") {
        self.function = function
        self.arguments = arguments
        self.expected = expected
        self.note = note
    }

    var testDescription: String { "\(function) \(note)" }
}

struct CollectionFailure: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [Value]
    let argument: Int?
    let message: String

    init(_ function: String, _ arguments: [Value], _ argument: Int?, _ message: String) {
        self.function = function
        self.arguments = arguments
        self.argument = argument
        self.message = message
    }

    var testDescription: String { "\(function): \(message)" }
}

/// Known arguments, known results; `Value` equality also compares the
/// result's kind (list, tuple, set, map, object) and element type.
private let results: [CollectionCase] = [
    .init("alltrue", [tup()], .true, "empty"),
    .init("alltrue", [tup(.true, .true)], .true),
    .init("alltrue", [tup(.true, .false)], .false),
    .init("alltrue", [tup(str("true"), .true)], .true, "converted"),
    .init("alltrue", [tup(nothing, .true)], .false, "null"),
    .init("anytrue", [tup()], .false, "empty"),
    .init("anytrue", [tup(.false, .true)], .true),
    .init("anytrue", [tup(nothing, .false)], .false),
    .init("anytrue", [tup(str("false"), str("true"))], .true),
    .init("anytrue", [set(.bool, .true)], .true, "set"),

    .init("chunklist", [tup(str("a"), str("b"), str("c"), str("d"), str("e")), num(2)],
          list(.list(.string), strings("a", "b"), strings("c", "d"), strings("e"))),
    .init("chunklist", [tup(), num(2)], list(.list(.dynamic)), "empty"),
    .init("chunklist", [tup(str("a")), num(0)], list(.list(.string), strings("a")), "size 0"),
    .init("chunklist", [tup(str("a"), num(1), .true), num(2)],
          list(.list(.string), strings("a", "1"), strings("true")), "unified"),
    .init("chunklist", [set(.string, str("b"), str("a")), num(1)],
          list(.list(.string), strings("a"), strings("b")), "set"),

    .init("coalesce", [str("a"), str("b")], str("a")),
    .init("coalesce", [str(""), str("b")], str("b")),
    .init("coalesce", [nothing, str(""), str("c")], str("c")),
    .init("coalesce", [num(1), str("a")], str("1"), "unified to string"),
    .init("coalesce", [str(""), num(1)], str("1")),
    .init("coalesce", [nothing, num(2)], num(2)),
    .init("coalesce", [nothing, num(0)], num(0)),
    .init("coalesce", [.false, .true], .false),
    .init("coalesce", [tup(), tup(str("a"))], list(.string), "empty list is not skipped"),
    .init("coalesce", [tup(str("a")), tup(num(1))], tup(str("a"))),
    .init("coalesce", [obj([:]), obj(["a": num(1)])], map(.number, [:])),

    .init("coalescelist", [tup(), tup(str("a"))], tup(str("a"))),
    .init("coalescelist", [tup(str("a")), tup(str("b"))], tup(str("a"))),
    .init("coalescelist", [.null(.list(.dynamic)), tup(str("a"))], tup(str("a")), "typed null"),
    .init("coalescelist", [strings(), strings("b")], strings("b"), "lists"),

    .init("compact", [tup(str("a"), str(""), nothing, str("b"))], strings("a", "b")),
    .init("compact", [tup()], list(.string)),
    .init("compact", [tup(num(1), str(""))], strings("1")),
    .init("compact", [tup(str(""), str(""))], list(.string)),

    .init("concat", [tup(str("a")), tup(str("b"))], tup(str("a"), str("b")), "tuples"),
    .init("concat", [strings("a"), strings("b")], strings("a", "b"), "lists"),
    .init("concat", [strings("a"), list(.number, num(1))], strings("a", "1"), "lists unified"),
    .init("concat", [strings("a"), tup(str("b"))], tup(str("a"), str("b")), "list and tuple"),
    .init("concat", [tup(str("a")), tup(num(1))], tup(str("a"), num(1))),
    .init("concat", [strings("a"), list(.tuple([.number]), tup(num(1)))], tup(str("a"), tup(num(1))),
          "lists without a common type"),
    .init("concat", [tup()], tup()),
    .init("concat", [list(.dynamic), list(.dynamic)], list(.dynamic)),

    .init("contains", [tup(str("a"), str("b")), str("b")], .true),
    .init("contains", [tup(str("a"), str("b")), str("c")], .false),
    .init("contains", [tup(num(1), num(2)), str("1")], .false, "no conversion"),
    .init("contains", [tup(str("1"), num(2)), num(1)], .false),
    .init("contains", [tup(), str("a")], .false),
    .init("contains", [set(.string, str("a")), str("a")], .true, "set"),
    .init("contains", [tup(tup(str("a"))), tup(str("a"))], .true, "nested"),
    .init("contains", [tup(obj(["a": num(1)])), obj(["a": num(1)])], .true, "object"),
    .init("contains", [tup(num(1), str("a")), num(1)], .true),

    .init("distinct", [tup(str("a"), str("b"), str("a"), str("c"), str("b"))], strings("a", "b", "c")),
    .init("distinct", [tup()], list(.dynamic)),
    .init("distinct", [tup(num(1), str("1"))], strings("1"), "converted first"),
    .init("distinct", [set(.string, str("a"))], strings("a")),
    .init("distinct", [tup(tup(num(1)), tup(num(1)), tup(num(2)))],
          list(.tuple([.number]), tup(num(1)), tup(num(2)))),
    .init("distinct", [tup(nothing, nothing, str("a"))], list(.string, .null(.string), str("a"))),

    .init("element", [tup(str("a"), str("b"), str("c")), num(1)], str("b")),
    .init("element", [tup(str("a"), str("b"), str("c")), num(5)], str("c"), "wraps"),
    .init("element", [tup(str("a"), str("b"), str("c")), str("1")], str("b"), "index converted"),
    .init("element", [tup(str("a"), num(1)), num(3)], num(1), "tuple"),
    .init("element", [strings("a", "b"), num(2)], str("a"), "list"),

    .init("flatten", [tup(tup(str("a"), str("b")), tup(), tup(str("c")))], tup(str("a"), str("b"), str("c"))),
    .init("flatten", [tup(tup(tup(str("a"))), str("b"), tup(tup(tup(str("c")))))], tup(str("a"), str("b"), str("c"))),
    .init("flatten", [tup()], tup()),
    .init("flatten", [set(.string, str("a"))], tup(str("a"))),
    .init("flatten", [tup(set(.string, str("b"), str("a")), tup(str("c")))], tup(str("a"), str("b"), str("c"))),
    .init("flatten", [tup(num(1), tup(str("a")))], tup(num(1), str("a"))),
    .init("flatten", [tup(obj(["a": num(1)]), tup(obj(["b": num(2)])))], tup(obj(["a": num(1)]), obj(["b": num(2)]))),
    .init("flatten", [tup(nothing, tup(str("a")))], tup(nothing, str("a")), "null kept"),
    .init("flatten", [list(.list(.string), strings("a"), strings("b"))], tup(str("a"), str("b")), "lists"),

    .init("index", [tup(str("a"), str("b"), str("c")), str("b")], num(1)),
    .init("index", [tup(str("a"), str("b"), str("b")), str("b")], num(1), "first"),
    .init("index", [tup(str("1"), num(2)), num(2)], num(1)),
    .init("index", [tup(nothing, str("a")), str("a")], num(1)),
    .init("index", [tup(tup(str("a"))), tup(str("a"))], num(0)),
    .init("index", [tup(num(1), str("a")), str("a")], num(1), "tuple of mixed types"),

    .init("keys", [obj(["a": num(1), "b": num(2)])], tup(str("a"), str("b"))),
    .init("keys", [obj(["b": num(1), "a": str("x")])], tup(str("a"), str("b"))),
    .init("keys", [map(.number, ["b": num(1), "a": num(2)])], strings("a", "b"), "map"),
    .init("keys", [obj([:])], tup()),
    .init("keys", [map(.dynamic, [:])], list(.string), "empty map"),
    .init("keys", [obj(["b": num(1), "B": num(2), "a": num(3), "ä": num(4), "Z": num(5)])],
          tup(str("B"), str("Z"), str("a"), str("b"), str("ä")), "byte order"),

    .init("length", [str("héllo")], num(5)),
    .init("length", [str("👍🏽x")], num(2), "grapheme clusters"),
    .init("length", [str("e\u{301}")], num(1), "combining mark"),
    .init("length", [tup(num(1), num(2))], num(2)),
    .init("length", [set(.string, str("a"), str("b"), str("a"))], num(2)),
    .init("length", [obj(["a": num(1), "b": num(2)])], num(2)),
    .init("length", [map(.number, ["a": num(1)])], num(1)),
    .init("length", [set(.dynamic)], num(0)),

    .init("lookup", [obj(["a": str("x"), "b": str("y")]), str("a")], str("x")),
    .init("lookup", [obj(["a": str("x"), "b": str("y")]), str("c"), str("z")], str("z")),
    .init("lookup", [obj(["a": str("x"), "b": num(1)]), str("b")], num(1)),
    .init("lookup", [obj(["a": str("x"), "b": num(1)]), str("c"), .true], .true),
    .init("lookup", [map(.string, ["a": str("x")]), str("c"), num(1)], str("1"), "default converted"),
    .init("lookup", [obj(["a": str("x")]), num(1), str("q")], str("q"), "key converted"),
    .init("lookup", [obj(["1": str("x")]), num(1)], str("x")),
    .init("lookup", [obj(["a": str("x")]), str("b"), nothing], nothing),
    .init("lookup", [map(.string, ["a": str("x")]), str("b"), nothing], .null(.string)),
    .init("lookup", [obj(["a": obj(["b": num(1)])]), str("a")], obj(["b": num(1)])),
    .init("lookup", [map(.list(.string), ["a": strings("x"), "b": strings("y", "z")]), str("b")], strings("y", "z")),
    .init("lookup", [obj(["a": str("x")]), str("a"), tup(num(1))], str("x")),

    .init("matchkeys", [tup(str("i-123"), str("i-abc"), str("i-def")),
                        tup(str("us-west"), str("us-east"), str("us-east")), tup(str("us-east"))],
          strings("i-abc", "i-def")),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), str("y")), tup()], list(.string)),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), str("y")), tup(str("z"))], list(.string)),
    .init("matchkeys", [tup(num(1), num(2)), tup(str("x"), str("y")), tup(str("y"))], list(.number, num(2))),
    .init("matchkeys", [tup(str("a"), str("b")), tup(num(1), num(2)), tup(str("1"))], strings("a"), "unified keys"),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), str("y")), tup(str("y"), str("x"))], strings("a", "b")),
    .init("matchkeys", [tup(), tup(), tup(str("y"))], list(.dynamic)),
    .init("matchkeys", [tup(str("a"), str("b")), set(.string, str("x"), str("y")), tup(str("y"))], strings("b")),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), nothing), tup(nothing)], strings("b"), "nulls match"),

    .init("merge", [obj(["a": num(1)]), obj(["b": str("x")])], obj(["a": num(1), "b": str("x")])),
    .init("merge", [obj(["a": num(1), "b": num(2)]), obj(["b": str("x")])], obj(["a": num(1), "b": str("x")]), "later wins"),
    .init("merge", [map(.number, ["a": num(1)]), map(.number, ["b": num(2)])], map(.number, ["a": num(1), "b": num(2)])),
    .init("merge", [map(.number, ["a": num(1)]), map(.string, ["b": str("x")])], obj(["a": num(1), "b": str("x")]),
          "maps of different types"),
    .init("merge", [map(.number, ["a": num(1)]), obj(["b": str("x")])], obj(["a": num(1), "b": str("x")])),
    .init("merge", [], obj([:]), "no arguments"),
    .init("merge", [nothing, obj(["a": num(1)])], obj(["a": num(1)]), "null skipped"),
    .init("merge", [obj(["a": num(1)]), nothing], obj(["a": num(1)])),
    .init("merge", [nothing], obj([:])),
    .init("merge", [nothing, map(.number, ["a": num(1)])], obj(["a": num(1)]), "untyped null makes an object"),
    .init("merge", [obj(["a": num(1)]), map(.string, ["a": str("x")])], obj(["a": str("x")])),
    .init("merge", [map(.dynamic, [:]), map(.dynamic, [:])], map(.dynamic, [:])),

    .init("one", [tup()], nothing),
    .init("one", [tup(str("a"))], str("a")),
    .init("one", [list(.string)], .null(.string)),
    .init("one", [set(.string, str("a"))], str("a")),
    .init("one", [set(.string)], .null(.string)),
    .init("one", [tup(nothing)], nothing),
    .init("one", [tup(tup())], tup()),

    .init("range", [num(3)], list(.number, num(0), num(1), num(2))),
    .init("range", [num(0)], list(.number)),
    .init("range", [num(-3)], list(.number, num(0), num(-1), num(-2))),
    .init("range", [num(1), num(4)], list(.number, num(1), num(2), num(3))),
    .init("range", [num(4), num(1)], list(.number, num(4), num(3), num(2))),
    .init("range", [num(1), num(1)], list(.number)),
    .init("range", [num(0), num(10), num(3)], list(.number, num(0), num(3), num(6), num(9))),
    .init("range", [num(10), num(0), num(-3)], list(.number, num(10), num(7), num(4), num(1))),
    .init("range", [num(0), num(1), num("0.25")], list(.number, num(0), num("0.25"), num("0.5"), num("0.75"))),
    .init("range", [num("0.5")], list(.number, num(0))),
    .init("range", [num("-0.5")], list(.number, num(0))),
    .init("range", [num("1.5"), num(3)], list(.number, num("1.5"), num("2.5"))),
    .init("range", [str("3")], list(.number, num(0), num(1), num(2)), "converted"),
    .init("range", [num(0), num(0), num(0)], list(.number), "zero step, nothing to do"),
    .init("range", [num(0), num("0.3"), num("0.1")], list(.number, num(0), num("0.1"), num("0.2"))),

    .init("reverse", [tup(str("a"), str("b"), str("c"))], tup(str("c"), str("b"), str("a"))),
    .init("reverse", [tup(str("a"), num(1))], tup(num(1), str("a"))),
    .init("reverse", [strings("a", "b")], strings("b", "a")),
    .init("reverse", [set(.string, str("b"), str("a"))], strings("b", "a"), "set becomes a list"),
    .init("reverse", [tup()], tup()),
    .init("reverse", [list(.dynamic)], list(.dynamic)),

    .init("setintersection", [tup(str("a"), str("b")), tup(str("b"), str("c"))], set(.string, str("b"))),
    .init("setintersection", [tup(str("a"), str("b")), tup(str("b"), str("c")), tup(str("b"))], set(.string, str("b"))),
    .init("setintersection", [tup(str("a")), tup(num(1))], set(.string), "unified"),
    .init("setintersection", [tup(num(1), str("1")), tup(str("1"))], set(.string, str("1"))),
    .init("setintersection", [tup(str("a"))], set(.string, str("a"))),
    .init("setintersection", [tup(), tup(str("a"))], set(.string), "empty of any type ignored"),
    .init("setintersection", [tup(), tup()], set(.dynamic)),
    .init("setintersection", [tup(tup(str("a"))), tup(tup(str("a")))], set(.tuple([.string]), tup(str("a")))),
    .init("setunion", [tup(str("a"), str("b")), tup(str("b"), str("c"))], set(.string, str("a"), str("b"), str("c"))),
    .init("setunion", [tup(str("b")), tup(str("a")), tup(str("c"), str("a"))], set(.string, str("a"), str("b"), str("c"))),
    .init("setunion", [tup(num(1), num(2)), tup(str("a"))], set(.string, str("1"), str("2"), str("a"))),
    .init("setunion", [tup(), tup()], set(.dynamic)),
    .init("setunion", [set(.dynamic), tup(str("a"))], set(.string, str("a"))),
    .init("setunion", [tup(str("a")), tup(nothing)], set(.string, str("a"), .null(.string))),
    .init("setunion", [tup(obj(["a": num(1)])), tup(obj(["a": num(1)]), obj(["a": num(2)]))],
          set(.object(["a": .number]), obj(["a": num(1)]), obj(["a": num(2)]))),
    .init("setunion", [tup(obj(["a": num(1)])), tup(obj(["b": num(1)]))],
          set(.map(.number), map(.number, ["a": num(1)]), map(.number, ["b": num(1)])), "objects unify to maps"),
    .init("setsubtract", [tup(str("a"), str("b"), str("c")), tup(str("a"), str("c"))], set(.string, str("b"))),
    .init("setsubtract", [tup(str("a")), tup(str("a"))], set(.string)),
    .init("setsubtract", [tup(num(1), num(2)), tup(str("2"))], set(.string, str("1"))),
    .init("setsubtract", [tup(str("a")), tup()], set(.string, str("a"))),

    .init("setproduct", [tup(str("a"), str("b")), tup(num(1), num(2))],
          list(.tuple([.string, .number]), tup(str("a"), num(1)), tup(str("a"), num(2)),
               tup(str("b"), num(1)), tup(str("b"), num(2)))),
    .init("setproduct", [set(.string, str("b"), str("a")), tup(num(1), num(2))],
          set(.tuple([.string, .number]), tup(str("a"), num(1)), tup(str("a"), num(2)),
              tup(str("b"), num(1)), tup(str("b"), num(2))), "a set makes a set"),
    .init("setproduct", [tup(str("a")), tup()], list(.tuple([.string, .dynamic]))),
    .init("setproduct", [set(.string, str("a")), tup()], set(.tuple([.string, .dynamic]))),
    .init("setproduct", [tup(str("a"), num(1)), tup(str("x"))],
          list(.tuple([.string, .string]), tup(str("a"), str("x")), tup(str("1"), str("x"))), "unified"),
    .init("setproduct", [tup(str("a"), str("a")), tup(str("x"))],
          list(.tuple([.string, .string]), tup(str("a"), str("x")), tup(str("a"), str("x"))), "lists keep repeats"),
    .init("setproduct", [set(.string, str("a")), set(.string, str("x"), str("y")), tup(str("1"))],
          set(.tuple([.string, .string, .string]), tup(str("a"), str("x"), str("1")), tup(str("a"), str("y"), str("1")))),
    .init("setproduct", [tup(), tup()], list(.tuple([.dynamic, .dynamic]))),

    .init("slice", [tup(str("a"), str("b"), str("c"), str("d")), num(1), num(3)], tup(str("b"), str("c"))),
    .init("slice", [strings("a", "b", "c", "d"), num(1), num(3)], strings("b", "c")),
    .init("slice", [tup(str("a"), str("b")), num(0), num(0)], tup()),
    .init("slice", [strings("a", "b"), num(0), num(0)], list(.string)),
    .init("slice", [tup(str("a"), str("b")), num(2), num(2)], tup()),
    .init("slice", [list(.dynamic), num(0), num(0)], list(.dynamic)),

    .init("sort", [tup(str("b"), str("a"), str("c"))], strings("a", "b", "c")),
    .init("sort", [tup(num(10), num(9), num(1))], strings("1", "10", "9"), "numbers as strings"),
    .init("sort", [tup()], list(.string)),
    .init("sort", [tup(str("B"), str("a"), str("A"), str("b"), str("ä"), str("_"))], strings("A", "B", "_", "a", "b", "ä")),
    .init("sort", [set(.string, str("b"), str("a"))], strings("a", "b")),
    .init("sort", [tup(.true, .false)], strings("false", "true")),

    .init("sum", [tup(num(1), num(2), num(3))], num(6)),
    .init("sum", [tup(num("1.5"), num("2.25"))], num("3.75")),
    .init("sum", [tup(str("1"), num(2))], num(3)),
    .init("sum", [set(.number, num(1), num(2), num(1))], num(3)),
    .init("sum", [tup(num(1), str("2"), num("3.5"))], num("6.5")),

    .init("transpose", [obj(["a": tup(str("1"), str("2")), "b": tup(str("2"), str("3"))])],
          map(.list(.string), ["1": strings("a"), "2": strings("a", "b"), "3": strings("b")])),
    .init("transpose", [obj([:])], map(.list(.string), [:])),
    .init("transpose", [obj(["a": tup()])], map(.list(.string), [:])),
    .init("transpose", [obj(["b": tup(str("x")), "a": tup(str("x"))])], map(.list(.string), ["x": strings("a", "b")])),
    .init("transpose", [obj(["a": tup(num(1), .true)])], map(.list(.string), ["1": strings("a"), "true": strings("a")])),
    .init("transpose", [obj(["a": tup(str("x"), str("x"))])], map(.list(.string), ["x": strings("a", "a")])),

    .init("values", [obj(["a": num(1), "b": str("x")])], tup(num(1), str("x"))),
    .init("values", [obj(["b": num(1), "a": str("x")])], tup(str("x"), num(1))),
    .init("values", [map(.number, ["b": num(1), "a": num(2)])], list(.number, num(2), num(1))),
    .init("values", [obj([:])], tup()),
    .init("values", [map(.dynamic, [:])], list(.dynamic)),
    .init("values", [obj(["a": tup(num(1)), "b": str("x")])], tup(tup(num(1)), str("x"))),

    .init("zipmap", [tup(str("a"), str("b")), tup(num(1), num(2))], obj(["a": num(1), "b": num(2)])),
    .init("zipmap", [tup(str("a"), str("b")), list(.number, num(1), num(2))], map(.number, ["a": num(1), "b": num(2)])),
    .init("zipmap", [tup(str("a"), str("a")), tup(num(1), num(2))], obj(["a": num(2)]), "later wins"),
    .init("zipmap", [tup(str("a"), str("a")), tup(num(1), str("x"))], obj(["a": str("x")])),
    .init("zipmap", [tup(), tup()], obj([:])),
    .init("zipmap", [tup(), list(.dynamic)], map(.dynamic, [:])),
    .init("zipmap", [tup(num(1), num(2)), tup(str("a"), str("b"))], obj(["1": str("a"), "2": str("b")])),
]

@Test(arguments: results)
func collectionFunctionResult(_ test: CollectionCase) throws {
    let result = try call(test.function, test.arguments)
    #expect(result == test.expected)
    #expect(result.type == test.expected.type)
}

private let whole = "value must be a whole number, between -9223372036854775808 and 9223372036854775807"

/// Errors, with the argument they point at. Where Terraform reports a
/// failed call about one argument, the error points at that argument with
/// Terraform's words.
private let failures: [CollectionFailure] = [
    .init("alltrue", [nothing], 0, "Invalid value for \"list\" parameter: argument must not be null."),
    .init("alltrue", [.true], 0, "Invalid value for \"list\" parameter: list of bool required."),
    .init("anytrue", [obj(["a": .true])], 0, "Invalid value for \"list\" parameter: list of bool required."),

    .init("chunklist", [tup(str("a"), str("b")), num(-1)], 1, "Invalid value for \"size\" parameter: the size argument must be positive."),
    .init("chunklist", [tup(str("a"), str("b")), num("1.5")], 1, "Invalid value for \"size\" parameter: invalid size: \(whole)."),
    .init("chunklist", [tup(str("a")), nothing], 1, "Invalid value for \"size\" parameter: argument must not be null."),

    .init("coalesce", [nothing, nothing], nil, "no non-null, non-empty-string arguments."),
    .init("coalesce", [str(""), str("")], nil, "no non-null, non-empty-string arguments."),
    .init("coalesce", [], nil, "all arguments must have the same type."),
    .init("coalesce", [num(1), tup(num(1))], nil, "all arguments must have the same type."),

    .init("coalescelist", [nothing, tup(num(1))], 0, "Invalid value for \"vals\" parameter: coalescelist arguments must be lists or tuples."),
    .init("coalescelist", [tup(), str("a")], 1, "Invalid value for \"vals\" parameter: coalescelist arguments must be lists or tuples."),
    .init("coalescelist", [set(.string, str("a"))], 0, "Invalid value for \"vals\" parameter: coalescelist arguments must be lists or tuples."),
    .init("coalescelist", [tup(), tup()], nil, "no non-null arguments."),
    .init("coalescelist", [], nil, "at least one argument is required."),

    .init("concat", [], nil, "at least one argument is required."),
    .init("concat", [str("a")], 0, "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string."),
    .init("concat", [tup(str("a")), str("b")], 1, "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string."),
    .init("concat", [tup(str("a")), nothing], 1, "Invalid value for \"seqs\" parameter: argument must not be null."),
    .init("concat", [tup(str("a")), obj(["a": num(1)])], 1, "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got object."),
    .init("concat", [set(.string, str("a")), tup(str("b"))], 0, "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got set of string."),

    .init("contains", [obj(["a": str("a")]), str("a")], 0, "Invalid value for \"list\" parameter: argument must be list, tuple, or set."),
    .init("contains", [str("a"), str("a")], 0, "Invalid value for \"list\" parameter: argument must be list, tuple, or set."),
    .init("contains", [tup(str("a")), nothing], 1, "Invalid value for \"value\" parameter: argument must not be null."),
    .init("contains", [nothing, str("a")], 0, "Invalid value for \"list\" parameter: argument must not be null."),

    .init("element", [tup(str("a"), str("b"), str("c")), num(-1)], 1, "Invalid value for \"index\" parameter: the index must not be negative."),
    .init("element", [tup(str("a"), str("b"), str("c")), num("1.5")], 1, "Invalid value for \"index\" parameter: invalid index: \(whole)."),
    .init("element", [tup(), num(0)], 0, "Invalid value for \"list\" parameter: cannot use element function with an empty list."),
    .init("element", [list(.dynamic), num(0)], 0, "Invalid value for \"list\" parameter: cannot use element function with an empty list."),
    .init("element", [set(.string, str("a")), num(0)], 0, "Invalid value for \"list\" parameter: cannot read elements from set of string."),
    .init("element", [obj(["a": num(1)]), num(0)], 0, "Invalid value for \"list\" parameter: cannot read elements from object."),
    .init("element", [str("abc"), num(0)], 0, "Invalid value for \"list\" parameter: cannot read elements from string."),
    .init("element", [tup(str("a")), nothing], 1, "Invalid value for \"index\" parameter: argument must not be null."),

    .init("flatten", [str("a")], 0, "Invalid value for \"list\" parameter: can only flatten lists, sets and tuples."),
    .init("flatten", [obj(["a": num(1)])], 0, "Invalid value for \"list\" parameter: can only flatten lists, sets and tuples."),

    .init("index", [tup(str("a"), str("b")), str("z")], 1, "Invalid value for \"value\" parameter: item not found."),
    .init("index", [tup(num(1), num(2)), str("2")], 1, "Invalid value for \"value\" parameter: item not found."),
    .init("index", [tup(), str("a")], 0, "Invalid value for \"list\" parameter: cannot search an empty list."),
    .init("index", [set(.string, str("a")), str("a")], 0, "Invalid value for \"list\" parameter: argument must be a list or tuple."),
    .init("index", [tup(str("a")), nothing], 1, "Invalid value for \"value\" parameter: argument must not be null."),

    .init("keys", [tup(str("a"))], 0, "Invalid value for \"inputMap\" parameter: must have map or object type."),
    .init("keys", [str("a")], 0, "Invalid value for \"inputMap\" parameter: must have map or object type."),
    .init("keys", [nothing], 0, "Invalid value for \"inputMap\" parameter: argument must not be null."),
    .init("keys", [obj([:]), obj([:])], 1, "Function \"keys\" expects only 1 argument."),

    .init("length", [num(1)], 0, "Invalid value for \"value\" parameter: argument must be a string, a collection type, or a structural type."),
    .init("length", [.true], 0, "Invalid value for \"value\" parameter: argument must be a string, a collection type, or a structural type."),
    .init("length", [nothing], 0, "Invalid value for \"value\" parameter: argument must not be null."),

    .init("lookup", [obj(["a": str("x"), "b": str("y")]), str("c")], 0, "Invalid value for \"inputMap\" parameter: the given object has no attribute \"c\"."),
    .init("lookup", [obj([:]), str("a")], 0, "Invalid value for \"inputMap\" parameter: the given object has no attribute \"a\"."),
    .init("lookup", [map(.string, ["a": str("x")]), str("c"), tup(num(1))], 2, "Invalid value for \"default\" parameter: the default value must have the same type as the map elements."),
    .init("lookup", [map(.string, ["a": str("x")]), str("c")], 1, "Invalid value for \"key\" parameter: lookup failed to find key \"c\"."),
    .init("lookup", [map(.string, ["a": str("x")]), str("a"), str("q"), str("r")], 3, "lookup() takes two or three arguments, got 4."),
    .init("lookup", [tup(str("a")), str("0")], 0, "Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument."),
    .init("lookup", [str("a"), str("a")], 0, "Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument."),
    .init("lookup", [nothing, str("a")], 0, "Invalid value for \"inputMap\" parameter: argument must not be null."),
    .init("lookup", [obj(["a": str("x")]), nothing], 1, "Invalid value for \"key\" parameter: argument must not be null."),
    .init("lookup", [map(.string, ["a": str("x")]), secret(str("secret"))], 1, "Invalid value for \"key\" parameter: lookup failed to find key (sensitive value)."),
    .init("lookup", [obj(["a": str("x")]), secret(str("secret"))], 0, "Invalid value for \"inputMap\" parameter: the given object has no attribute (sensitive value)."),

    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x")), tup(str("x"))], nil, "length of keys and values should be equal."),
    .init("matchkeys", [tup(str("a"), str("b")), tup(num(1), num(2)), tup(tup(num(1)))], 2, "Invalid value for \"searchset\" parameter: keys and searchset must be of the same type."),

    .init("merge", [obj(["a": num(1)]), tup(num(1))], 1, "Invalid value for \"maps\" parameter: arguments must be maps or objects, got \"tuple\"."),
    .init("merge", [obj(["a": num(1)]), str("x")], 1, "Invalid value for \"maps\" parameter: arguments must be maps or objects, got \"string\"."),
    .init("merge", [nothing, tup(num(1))], 1, "Invalid value for \"maps\" parameter: arguments must be maps or objects, got \"tuple\"."),
    .init("merge", [tup(str("a"))], 0, "Invalid value for \"maps\" parameter: arguments must be maps or objects, got \"tuple\"."),

    .init("one", [tup(str("a"), str("b"))], 0, "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements."),
    .init("one", [str("a")], 0, "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements."),
    .init("one", [obj(["a": num(1)])], 0, "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements."),
    .init("one", [tup(unknown(.string), str("a"))], 0, "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements."),
    .init("one", [nothing], 0, "Invalid value for \"list\" parameter: argument must not be null."),

    .init("range", [num(1), num(0), num("0.5")], 1, "Invalid value for \"params\" parameter: end must be greater than start when step is positive."),
    .init("range", [num(0), num(1), num("-0.5")], 1, "Invalid value for \"params\" parameter: end must be less than start when step is negative."),
    .init("range", [num(2), num(0), num(0)], 1, "Invalid value for \"params\" parameter: end must be greater than start when step is positive."),
    .init("range", [num(0), num(1), num(0)], 2, "Invalid value for \"params\" parameter: step must not be zero."),
    .init("range", [], nil, "must have one, two, or three arguments."),
    .init("range", [num(1), num(2), num(3), num(4)], nil, "must have one, two, or three arguments."),
    .init("range", [num(1025)], nil, "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step."),
    .init("range", [nothing], 0, "Invalid value for \"params\" parameter: argument must not be null."),

    .init("reverse", [str("abc")], 0, "Invalid value for \"list\" parameter: can only reverse list or tuple values, not string."),
    .init("reverse", [obj(["a": num(1)])], 0, "Invalid value for \"list\" parameter: can only reverse list or tuple values, not object."),

    .init("setintersection", [tup(str("a")), tup(tup(num(1)))], nil, "given sets must all have compatible element types."),
    .init("setunion", [tup(str("a")), tup(obj([:]))], nil, "given sets must all have compatible element types."),

    .init("setproduct", [tup(str("a"))], nil, "at least two arguments are required."),
    .init("setproduct", [], nil, "at least two arguments are required."),
    .init("setproduct", [tup(str("a"), tup(num(1))), tup(str("x"))], 0, "Invalid value for \"sets\" parameter: all elements must be of the same type."),
    .init("setproduct", [str("a"), tup(str("x"))], 0, "Invalid value for \"sets\" parameter: a set or a list is required."),
    .init("setproduct", [tup(str("x")), obj(["a": num(1)])], 1, "Invalid value for \"sets\" parameter: a set or a list is required."),
    .init("setproduct", [tup(str("a")), nothing], 1, "Invalid value for \"sets\" parameter: argument must not be null."),

    .init("slice", [tup(str("a"), str("b")), num(3), num(3)], 1, "Invalid value for \"start_index\" parameter: start index must not be greater than the length of the list."),
    .init("slice", [tup(str("a"), str("b")), num(0), num(3)], 2, "Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list."),
    .init("slice", [tup(str("a"), str("b")), num(-1), num(1)], 1, "Invalid value for \"start_index\" parameter: start index must not be less than zero."),
    .init("slice", [tup(str("a"), str("b")), num(0), num(-1)], 2, "Invalid value for \"end_index\" parameter: end index must not be less than zero."),
    .init("slice", [tup(str("a"), str("b")), num(2), num(1)], 1, "Invalid value for \"start_index\" parameter: start index must not be greater than end index."),
    .init("slice", [tup(str("a"), str("b")), num("0.5"), num(1)], 1, "Invalid value for \"start_index\" parameter: invalid start index: \(whole)."),
    .init("slice", [tup(str("a"), str("b")), num(0), num("1.5")], 2, "Invalid value for \"end_index\" parameter: invalid end index: \(whole)."),
    .init("slice", [set(.string, str("a")), num(0), num(1)], 0, "Invalid value for \"list\" parameter: cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important."),
    .init("slice", [str("ab"), num(0), num(1)], 0, "Invalid value for \"list\" parameter: must be a list or tuple value."),
    .init("slice", [tup(str("a"), str("b")), unknown(.number), num(5)], 2, "Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list."),

    .init("sort", [tup(str("a"), nothing)], 0, "Invalid value for \"list\" parameter: given list element 1 is null; a null string cannot be sorted."),
    .init("sort", [tup(tup(num(1)))], 0, "Invalid value for \"list\" parameter: element 0: string required."),

    .init("sum", [tup()], 0, "Invalid value for \"list\" parameter: cannot sum an empty list."),
    .init("sum", [list(.number)], 0, "Invalid value for \"list\" parameter: cannot sum an empty list."),
    .init("sum", [tup(str("a"))], 0, "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values."),
    .init("sum", [tup(num(1), nothing)], 0, "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values."),
    .init("sum", [tup(.true)], 0, "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values."),
    .init("sum", [str("a")], 0, "Invalid value for \"list\" parameter: cannot sum noniterable."),
    .init("sum", [num(1)], 0, "Invalid value for \"list\" parameter: cannot sum noniterable."),
    .init("sum", [obj(["a": num(1)])], 0, "Invalid value for \"list\" parameter: argument must be list, set, or tuple. Received object."),

    .init("sum", [map(.number, ["a": num(1)])], 0, "Invalid value for \"list\" parameter: argument must be list, set, or tuple. Received map of number."),
    .init("length", [unknown(.number)], 0, "Invalid value for \"value\" parameter: argument must be a string, a collection type, or a structural type."),
    .init("one", [unknownString], 0, "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements."),
    .init("reverse", [unknownString], 0, "Invalid value for \"list\" parameter: can only reverse list or tuple values, not string."),
    .init("keys", [unknownString], 0, "Invalid value for \"inputMap\" parameter: must have map or object type."),
    .init("concat", [unknownString], 0, "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string."),
    .init("transpose", [obj(["a": nothing])], 0, "Invalid value for \"values\" parameter: input must not contain null list."),
    .init("transpose", [obj(["a": tup(nothing)])], 0, "Invalid value for \"values\" parameter: input list must not contain null string."),

    .init("values", [tup(str("a"))], 0, "Invalid value for \"mapping\" parameter: values() requires a map as the first argument."),
    .init("values", [str("a")], 0, "Invalid value for \"mapping\" parameter: values() requires a map as the first argument."),

    .init("zipmap", [tup(str("a"), str("b")), tup(num(1))], nil, "number of keys (2) does not match number of values (1)."),
    .init("zipmap", [tup(str("a")), list(.number, num(1), num(2))], nil, "number of keys (1) does not match number of values (2)."),
    .init("zipmap", [tup(str("a")), str("x")], 1, "Invalid value for \"values\" parameter: values argument must be a list or tuple value."),
    .init("zipmap", [tup(str("a")), set(.string, str("x"))], 1, "Invalid value for \"values\" parameter: values argument must be a list or tuple value."),
    .init("zipmap", [tup(nothing), tup(str("x"))], 0, "Invalid value for \"keys\" parameter: keys list has null value at index 0."),
    .init("zipmap", [tup(nothing), strings("x")], 0, "Invalid value for \"keys\" parameter: keys list has null value at index 0."),
]

@Test(arguments: failures)
func collectionFunctionFailure(_ test: CollectionFailure) {
    #expect(throws: FunctionError(argument: test.argument, test.message)) {
        try call(test.function, test.arguments)
    }
}

private let unknownString = unknown(.string)
private let unknownStrings = unknown(.list(.string))

/// Unknown arguments: the result is unknown only where the unknown value
/// decides it, and an unknown result has the type Terraform gives it.
private let unknowns: [CollectionCase] = [
    .init("alltrue", [tup(unknown(.bool), .false)], unknown(.bool), "unknown first"),
    .init("alltrue", [tup(.false, unknown(.bool))], .false, "false first"),
    .init("alltrue", [tup(.true, unknown(.bool))], unknown(.bool)),
    .init("alltrue", [unknown(.list(.bool))], unknown(.bool)),
    .init("anytrue", [tup(unknown(.bool), .true)], .true),
    .init("anytrue", [tup(.true, unknown(.bool))], .true),
    .init("anytrue", [tup(unknown(.bool), .false)], unknown(.bool)),

    .init("chunklist", [tup(str("a"), unknownString, str("c")), num(2)],
          list(.list(.string), list(.string, str("a"), unknownString), strings("c"))),
    .init("chunklist", [unknownStrings, num(2)], unknown(.list(.list(.string)))),
    .init("chunklist", [tup(str("a"), str("b")), unknown(.number)], unknown(.list(.list(.string)))),

    .init("coalesce", [unknownString, str("a")], unknownString),
    .init("coalesce", [str("a"), unknownString], str("a")),
    .init("coalesce", [nothing, unknownString], unknownString),

    .init("coalescelist", [unknownStrings, tup(str("a"))], unknown(.dynamic)),
    .init("coalescelist", [tup(str("x")), unknownStrings], tup(str("x"))),
    .init("coalescelist", [tup(), unknownStrings], unknown(.dynamic)),
    .init("coalescelist", [tup(unknownString), tup(str("a"))], tup(unknownString)),

    .init("compact", [tup(str("a"), unknownString)], unknownStrings),

    .init("concat", [unknownStrings, tup(str("a"))], unknown(.dynamic), "tuple length unknown"),
    .init("concat", [unknownStrings, strings("a")], unknownStrings),
    .init("concat", [tup(str("a"), unknownString), tup(str("b"))], tup(str("a"), unknownString, str("b"))),

    .init("contains", [tup(unknownString, str("a")), str("a")], .true),
    .init("contains", [tup(unknownString, str("a")), str("b")], unknown(.bool)),
    .init("contains", [tup(str("a"), str("b")), unknownString], unknown(.bool)),
    .init("contains", [unknownStrings, str("a")], unknown(.bool)),
    .init("contains", [tup(), unknownString], unknown(.bool)),
    .init("contains", [tup(unknownString, num(1)), str("b")], unknown(.bool)),
    .init("contains", [tup(unknown(.number)), str("b")], .false, "an unknown of another type never matches"),

    .init("distinct", [tup(str("a"), unknownString)], unknownStrings),

    .init("element", [unknownStrings, num(0)], unknownString),
    .init("element", [tup(str("a"), unknownString), num(0)], str("a")),
    .init("element", [tup(str("a"), unknownString), num(1)], unknownString),
    .init("element", [tup(str("a"), str("b")), unknown(.number)], unknown(.dynamic)),
    .init("element", [strings("a", "b"), unknown(.number)], unknownString),
    .init("element", [unknown(.tuple([.string, .number])), num(1)], unknown(.number)),

    .init("flatten", [tup(unknownString, tup(str("a")))], tup(unknownString, str("a"))),
    .init("flatten", [tup(unknownStrings, tup(str("a")))], unknown(.dynamic)),
    .init("flatten", [unknownStrings], unknown(.dynamic)),
    .init("flatten", [tup(tup(unknownString, tup(str("a"))))], tup(unknownString, str("a"))),
    .init("flatten", [tup(unknown(.dynamic), str("a"))], unknown(.dynamic), "may be a list"),

    .init("index", [tup(unknownString, str("b")), str("b")], unknown(.number)),
    .init("index", [tup(str("b"), unknownString), str("b")], num(0)),
    .init("index", [tup(str("a"), unknownString), str("b")], unknown(.number)),
    .init("index", [unknownStrings, str("a")], unknown(.number)),
    .init("index", [tup(str("a")), unknownString], unknown(.number)),

    .init("keys", [obj(["a": unknownString])], tup(str("a"))),
    .init("keys", [unknown(.map(.string))], unknownStrings),
    .init("keys", [unknown(.object(["b": .string, "a": .number]))], tup(str("a"), str("b")), "names from the type"),

    .init("length", [tup(str("a"), unknownString)], num(2)),
    .init("length", [list(.string, unknownString, unknownString)], num(2)),
    .init("length", [unknownStrings], unknown(.number)),
    .init("length", [unknown(.set(.string))], unknown(.number)),
    .init("length", [set(.string, str("a"), unknownString)], unknown(.number), "set elements may merge"),
    .init("length", [unknownString], unknown(.number)),
    .init("length", [unknown(.dynamic)], unknown(.number)),
    .init("length", [unknown(.tuple([.string, .string]))], num(2)),

    .init("lookup", [obj(["a": unknownString, "b": str("y")]), str("b")], str("y")),
    .init("lookup", [obj(["a": unknownString, "b": str("y")]), str("a")], unknownString),
    .init("lookup", [unknown(.map(.string)), str("a")], unknownString),
    .init("lookup", [unknown(.map(.string)), str("a"), str("d")], unknownString),
    .init("lookup", [obj(["a": str("x")]), unknownString], unknown(.dynamic)),
    .init("lookup", [map(.string, ["a": str("x")]), unknownString, str("d")], unknownString),
    .init("lookup", [obj(["a": str("x")]), str("b"), unknownString], unknownString),

    .init("matchkeys", [tup(str("a"), unknownString), tup(str("x"), str("y")), tup(str("y"))], unknownStrings),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), unknownString), tup(str("y"))], unknownStrings),
    .init("matchkeys", [tup(str("a"), str("b")), tup(str("x"), str("y")), tup(unknownString)], unknownStrings),
    .init("matchkeys", [unknownStrings, tup(str("x"), str("y")), tup(str("y"))], unknownStrings),

    .init("merge", [obj(["a": num(1)]), unknown(.map(.string))], unknown(.dynamic)),
    .init("merge", [map(.string, ["a": str("1")]), unknown(.map(.string))], unknown(.map(.string))),
    .init("merge", [obj(["a": unknownString]), obj(["b": num(1)])], obj(["a": unknownString, "b": num(1)])),
    .init("merge", [obj(["a": num(1)]), unknown(.object(["b": .string]))], unknown(.object(["a": .number, "b": .string]))),

    .init("one", [unknownStrings], unknownString),
    .init("one", [tup(unknownString)], unknownString),
    .init("one", [set(.string, unknownString)], unknownString),
    .init("one", [set(.string, unknownString, str("a"))], unknownString),

    .init("range", [unknown(.number)], unknown(.list(.number))),

    .init("reverse", [unknownStrings], unknownStrings),
    .init("reverse", [tup(str("a"), unknownString)], tup(unknownString, str("a"))),

    .init("setintersection", [tup(str("a"), unknownString), tup(str("a"))], unknown(.set(.string))),
    .init("setintersection", [tup(unknownString), tup()], unknown(.set(.string))),
    .init("setunion", [tup(str("a"), unknownString), tup(str("b"))], set(.string, str("a"), str("b"), unknownString)),
    .init("setunion", [unknownStrings, tup(str("b"))], unknown(.set(.string))),
    .init("setsubtract", [tup(str("a"), unknownString), tup(str("b"))], unknown(.set(.string))),
    .init("setsubtract", [tup(str("a"), str("b")), tup(unknownString)], unknown(.set(.string))),

    .init("setproduct", [unknownStrings, tup(str("x"))], unknown(.list(.tuple([.string, .string])))),
    .init("setproduct", [tup(str("a"), unknownString), tup(str("x"))],
          list(.tuple([.string, .string]), tup(str("a"), str("x")), tup(unknownString, str("x")))),
    .init("setproduct", [set(.string, unknownString), tup(str("x"))], unknown(.set(.tuple([.string, .string])))),

    .init("slice", [unknownStrings, num(0), num(1)], unknownStrings),
    .init("slice", [tup(str("a"), unknownString), num(0), num(1)], tup(str("a"))),
    .init("slice", [tup(str("a"), str("b")), unknown(.number), num(1)], unknown(.dynamic)),

    .init("sort", [tup(str("a"), unknownString)], list(.string, unknownString, unknownString), "length kept"),
    .init("sort", [unknownStrings], unknownStrings),

    .init("sum", [tup(num(1), unknown(.number))], unknown(.number)),
    .init("sum", [unknownStrings], unknown(.number)),
    .init("sum", [unknownString], unknown(.number), "checked once known"),
    .init("flatten", [unknownString], unknown(.dynamic), "checked once known"),
    .init("coalescelist", [unknownString], unknown(.dynamic)),
    .init("contains", [tup(str("a")), tup(str("b"), unknownString)], .false, "types differ"),
    .init("contains", [tup(tup(str("a"), unknownString)), tup(str("b"), str("c"))], .false, "a known element differs"),
    .init("alltrue", [tup(unknown(.bool), nothing)], unknown(.bool)),
    .init("anytrue", [tup(nothing, unknown(.bool))], unknown(.bool)),
    .init("slice", [strings("a", "b", "c"), num(1), unknown(.number)], unknownStrings),

    .init("transpose", [obj(["a": tup(unknownString)])], unknown(.map(.list(.string)))),

    .init("values", [obj(["a": unknownString, "b": num(1)])], tup(unknownString, num(1))),
    .init("values", [unknown(.map(.string))], unknownStrings),

    .init("zipmap", [unknownStrings, tup(str("x"))], unknown(.dynamic)),
    .init("zipmap", [unknownStrings, strings("x")], unknown(.map(.string))),
    .init("zipmap", [tup(str("a"), unknownString), tup(str("x"), str("y"))], unknown(.dynamic)),
    .init("zipmap", [tup(str("a"), str("b")), tup(str("x"), unknownString)], obj(["a": str("x"), "b": unknownString])),
    .init("zipmap", [tup(str("a")), unknownStrings], unknown(.map(.string))),
]

@Test(arguments: unknowns)
func collectionFunctionWithUnknowns(_ test: CollectionCase) throws {
    let result = try call(test.function, test.arguments)
    #expect(result == test.expected)
}

/// Sensitive arguments. Where Terraform keeps each element's own mark the
/// result does too; elsewhere the whole result is marked.
private let marks: [CollectionCase] = [
    .init("length", [tup(secret(str("a")))], num(1), "elements' marks stay behind"),
    .init("length", [secret(str("secret"))], secret(num(6))),
    .init("length", [obj(["a": secret(str("x"))])], num(1)),
    .init("length", [secret(unknownStrings)], secret(unknown(.number))),
    .init("keys", [obj(["a": secret(str("x"))])], tup(str("a"))),
    .init("keys", [secret(obj(["a": num(1)]))], secret(tup(str("a")))),
    .init("values", [obj(["a": secret(str("x")), "b": num(1)])], tup(secret(str("x")), num(1))),
    .init("values", [secret(map(.string, ["a": str("x")]))], secret(strings("x"))),
    .init("element", [tup(str("a"), secret(str("x"))), num(0)], str("a")),
    .init("element", [tup(str("a"), secret(str("x"))), num(1)], secret(str("x"))),
    .init("element", [secret(strings("a")), num(0)], secret(str("a"))),
    .init("element", [strings("a", "b"), secret(num(1))], secret(str("b"))),
    .init("slice", [tup(str("a"), secret(str("x"))), num(0), num(1)], tup(str("a"))),
    .init("reverse", [tup(secret(str("x")), str("a"))], tup(str("a"), secret(str("x")))),
    .init("concat", [tup(str("a")), tup(secret(str("x")))], tup(str("a"), secret(str("x")))),
    .init("concat", [secret(tup(str("a"))), tup(str("b"))], secret(tup(str("a"), str("b")))),
    .init("concat", [strings("a"), list(.number, secret(num(1)))], list(.string, str("a"), secret(str("1")))),
    .init("flatten", [tup(tup(str("a"), secret(str("x"))))], tup(str("a"), secret(str("x")))),
    .init("flatten", [tup(secret(tup(str("a"))), tup(str("b")))], secret(tup(str("a"), str("b")))),
    .init("chunklist", [tup(str("a"), secret(str("x"))), num(1)],
          list(.list(.string), strings("a"), list(.string, secret(str("x"))))),
    .init("lookup", [obj(["a": secret(str("x")), "b": str("y")]), str("b")], str("y")),
    .init("lookup", [obj(["a": secret(str("x")), "b": str("y")]), str("a")], secret(str("x"))),
    .init("lookup", [obj(["a": str("x")]), secret(str("secret")), str("d")], secret(str("d"))),
    .init("lookup", [obj(["a": str("x")]), str("b"), secret(str("s"))], secret(str("s"))),
    .init("merge", [obj(["a": secret(str("x"))]), obj(["b": num(1)])], obj(["a": secret(str("x")), "b": num(1)])),
    .init("merge", [map(.string, ["a": secret(str("x"))]), map(.string, ["b": str("y")])],
          map(.string, ["a": secret(str("x")), "b": str("y")])),
    .init("merge", [secret(obj(["a": num(1)])), obj(["b": num(2)])], secret(obj(["a": num(1), "b": num(2)]))),
    .init("zipmap", [tup(str("a"), str("b")), tup(str("x"), secret(str("y")))], obj(["a": str("x"), "b": secret(str("y"))])),
    .init("zipmap", [tup(str("a"), secret(str("s"))), tup(str("x"), str("y"))], secret(obj(["a": str("x"), "s": str("y")]))),
    .init("coalesce", [secret(str("x")), str("a")], secret(str("x"))),
    .init("coalesce", [str(""), secret(str("x"))], secret(str("x"))),
    .init("contains", [tup(secret(str("secret"))), str("secret")], secret(.true)),
    .init("sum", [tup(secret(num(1)), num(2))], secret(num(3))),
    .init("one", [tup(secret(str("x")))], secret(str("x"))),
    .init("setunion", [tup(secret(str("s"))), tup(str("a"))], secret(set(.string, str("a"), str("s")))),
    .init("setproduct", [tup(str("a"), secret(str("s"))), tup(str("x"))],
          secret(list(.tuple([.string, .string]), tup(str("a"), str("x")), tup(str("s"), str("x"))))),
    .init("sort", [tup(secret(str("b")), str("a"))], secret(strings("a", "b"))),
    .init("chunklist", [secret(tup(str("a"))), num(1)], secret(list(.list(.string), strings("a")))),
    .init("merge", [obj(["a": num(1)]), secret(obj(["b": num(2)]))], secret(obj(["a": num(1), "b": num(2)]))),
    .init("index", [tup(str("a"), secret(str("b"))), str("b")], secret(num(1))),
    .init("distinct", [tup(str("a"), secret(str("a")))], secret(strings("a"))),
]

@Test(arguments: marks)
func collectionFunctionWithSecrets(_ test: CollectionCase) throws {
    let result = try call(test.function, test.arguments)
    #expect(result == test.expected)
}

/// Every collection function of Terraform 1.11, with its parameters'
/// names as `terraform metadata functions -json` lists them.
@Test func collectionFunctionSignatures() {
    let expected: [String: [String]] = [
        "alltrue": ["list"], "anytrue": ["list"], "chunklist": ["list", "size"], "coalesce": ["...vals"],
        "coalescelist": ["...vals"], "compact": ["list"], "concat": ["...seqs"], "contains": ["list", "value"],
        "distinct": ["list"], "element": ["list", "index"], "flatten": ["list"], "index": ["list", "value"],
        "keys": ["inputMap"], "length": ["value"], "lookup": ["inputMap", "key", "...default"],
        "matchkeys": ["values", "keys", "searchset"], "merge": ["...maps"], "one": ["list"],
        "range": ["...params"], "reverse": ["list"], "setintersection": ["first_set", "...other_sets"],
        "setproduct": ["...sets"], "setsubtract": ["a", "b"], "setunion": ["first_set", "...other_sets"],
        "slice": ["list", "start_index", "end_index"], "sort": ["list"], "sum": ["list"], "transpose": ["values"],
        "values": ["mapping"], "zipmap": ["keys", "values"],
    ]
    let functions = FunctionLibrary.collectionFunctions
    #expect(functions.count == expected.count)
    for function in functions {
        let names = function.parameters.map(\.name) + (function.variadic.map { ["..." + $0.name] } ?? [])
        #expect(expected[function.name] == names, "\(function.name)")
    }
}

@Test func rangeStopsAtItsLimit() throws {
    let result = try call("range", [num(1024)])
    #expect(result.count == 1024)
    #expect(result.elements?.last == num(1023))
}

@Test func setproductRefusesHugeProducts() {
    let big = Value.list((0..<400).map { num($0) }, element: .number)
    #expect(throws: FunctionError("the product would have more than 100000 elements; reduce the sizes of the given sets.")) {
        try call("setproduct", [big, big])
    }
}

@Test func largeCollections() throws {
    let count = 20_000
    let many = Value.list((0..<count).map { str("item-\($0 % 5_000)") }, element: .string)
    #expect(try call("distinct", [many]).count == 5_000)
    #expect(try call("length", [many]) == num(count))
    let found = try call("matchkeys", [many, many, Value.list((0..<100).map { str("item-\($0)") }, element: .string)])
    #expect(found.count == 400)
    #expect(try call("setunion", [many, many]).count == 5_000)
}
