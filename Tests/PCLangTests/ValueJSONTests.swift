import Testing
@testable import PCLang

/// The JSON codec: exact output as Terraform's `jsonencode` writes it,
/// exact numbers, typed reading for state attributes, errors with their
/// position, and no stack overflow on deep input.
struct ValueJSONTests {
    // MARK: Writing

    /// Inputs read by jsondecode and written back by jsonencode, with the
    /// text Terraform 1.11 prints for the same (`-0` is left out: Number
    /// has no negative zero).
    static let roundTrips: [(String, String)] = [
        ("{\"a\":1,\"b\":[1,2.5,\"x\",null,true,false,{}],\"c\":{}}", "{\"a\":1,\"b\":[1,2.5,\"x\",null,true,false,{}],\"c\":{}}"),
        ("[]", "[]"),
        ("{}", "{}"),
        ("\"\\u00e9\\ud83d\\ude00\"", "\"é😀\""),
        ("\"\\ud800x\"", "\"�x\""),
        ("\"\\ud800\\u0041\"", "\"�A\""),
        ("\"\\udc00\"", "\"�\""),
        ("1e400", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("0.1", "0.1"),
        ("1E+2", "100"),
        ("1e-2", "0.01"),
        ("12345678901234567890123", "12345678901234567890123"),
        ("-12345678901234567890", "-12345678901234567890"),
        ("123456789012345678", "123456789012345678"),
        ("1234567890123456789", "1234567890123456789"),
        ("  {\"a\" : [ 1 , 2 ] }  ", "{\"a\":[1,2]}"),
        ("{\"a\":1,\"a\":2}", "{\"a\":2}"),
        (" null ", "null"),
        ("[null, {}, []]", "[null,{},[]]"),
        ("\"\\/\"", "\"/\""),
        ("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\""),
    ]

    @Test(arguments: roundTrips)
    func readsAndWritesAsTerraform(input: String, expected: String) throws {
        let value = try Value.fromJSON(input)
        #expect(try value.jsonString() == expected)
    }

    @Test func escapesAsGoDoes() throws {
        let value = Value.object([
            "b": .number(1),
            "a": .string("<x>&\u{2028}\u{2029}\u{1}\u{7F}é\"\\\u{8}\u{C}\n\r\t"),
        ])
        #expect(try value.jsonString() == #"{"a":"\u003cx\u003e\u0026\u2028\u2029\u0001\#u{7F}é\"\\\b\f\n\r\t","b":1}"#)
    }

    @Test func writesEveryKind() throws {
        let value = Value.object([
            "list": .list([.number(1), .number(2)], element: .number),
            "set": .set([.string("b"), .string("a")], element: .string),
            "map": .map(["z": .true, "y": .false], element: .bool),
            "tuple": .tuple([.null(.string), .number(Number(parsing: "0.000001")!)]),
            "empty": .object([:]),
            "big": .number(Number(parsing: "1e30")!),
        ])
        #expect(try value.jsonString() == #"{"big":1000000000000000000000000000000,"empty":{},"list":[1,2],"map":{"y":false,"z":true},"set":["a","b"],"tuple":[null,0.000001]}"#)
    }

    @Test func ignoresSensitiveMarks() throws {
        let value = Value.object(["secret": Value.string("x").marked()]).marked()
        #expect(try value.jsonString() == #"{"secret":"x"}"#)
    }

    @Test func prettyIndentsByTwoSpaces() throws {
        let value = Value.object([
            "a": .tuple([.number(1), .object([:]), .tuple([])]),
            "b": .object(["c": .string("d")]),
        ])
        let expected = """
        {
          "a": [
            1,
            {},
            []
          ],
          "b": {
            "c": "d"
          }
        }
        """
        #expect(try value.prettyJSONString() == expected)
    }

    @Test func appendsToAnExistingBuffer() throws {
        var buffer = Array("prefix:".utf8)
        try Value.tuple([.true]).appendJSON(to: &buffer)
        Value.appendJSONString("<\"", to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:[true]"\u003c\"""#)
    }

    @Test func unknownValuesCannotBeWritten() {
        let value = Value.object(["tags": .map(["x": .unknown(.string)], element: .string)])
        #expect(throws: ValueJSONError.self) { try value.jsonString() }
        do {
            _ = try value.jsonString()
        } catch {
            #expect(error.path == ValuePath([.attribute("tags"), .index(.string("x"))]))
            #expect(error.description == #"at .tags["x"]: value is not known until the plan is applied"#)
        }
    }

    // MARK: Reading

    @Test func infersTypesAsJsondecode() throws {
        let value = try Value.fromJSON(#"{"a":[1,"x",true,null,{}],"b":{"c":[]}}"#)
        let expected = Value.object([
            "a": .tuple([.number(1), .string("x"), .true, .null, .object([:])]),
            "b": .object(["c": .tuple([])]),
        ])
        #expect(value == expected)
    }

    @Test func keepsEveryDigit() throws {
        let text = "123456789012345678901234567890.123456789012345678901234567891"
        let value = try Value.fromJSON(text)
        #expect(value == .number(Number(parsing: text)!))
        #expect(try value.jsonString() == text)
    }

    @Test func readsBytes() throws {
        let value = try Value.fromJSON(Array(#"["\u00e9", "ü"]"#.utf8))
        #expect(value == .tuple([.string("é"), .string("ü")]))
    }

    @Test func normalizesStringsLikeTerraform() throws {
        // "e" followed by a combining acute accent becomes one "é".
        #expect(try Value.fromJSON(#""e\u0301""#) == .string("\u{E9}"))
    }

    static let malformed: [(String, String)] = [
        ("{", "on line 1, column 2: unexpected end of JSON input"),
        ("", "on line 1, column 1: unexpected end of JSON input"),
        ("[1,]", "on line 1, column 4: invalid character ']' looking for beginning of value"),
        ("[1,\n2,\n x]", "on line 3, column 2: invalid character 'x' looking for beginning of value"),
        ("tru", "on line 1, column 4: unexpected end of JSON input"),
        ("trux", "on line 1, column 4: invalid character 'x' in literal true (expecting 'e')"),
        ("1 2", "on line 1, column 3: extraneous data after JSON object"),
        ("01", "on line 1, column 2: extraneous data after JSON object"),
        (#""\x""#, "on line 1, column 3: invalid character 'x' in string escape code"),
        (#"{"a" 1}"#, "on line 1, column 6: invalid character '1' after object key"),
        (#"{"a":1 "b":2}"#, #"on line 1, column 8: invalid character '"' after object key:value pair"#),
        ("{1:2}", "on line 1, column 2: invalid character '1' looking for beginning of object key string"),
        ("[1 2]", "on line 1, column 4: invalid character '2' after array element"),
        ("\"a\nb\"", #"on line 1, column 3: invalid character '\n' in string literal"#),
        (#""\u12""#, #"on line 1, column 6: invalid character '"' in \u hexadecimal character escape"#),
        ("1.", "on line 1, column 3: unexpected end of JSON input"),
        ("1.x", "on line 1, column 3: invalid character 'x' after decimal point in numeric literal"),
        ("1ex", "on line 1, column 3: invalid character 'x' in exponent of numeric literal"),
        ("-x", "on line 1, column 2: invalid character 'x' in numeric literal"),
        ("+1", "on line 1, column 1: invalid character '+' looking for beginning of value"),
        ("é", "on line 1, column 1: invalid character 'é' looking for beginning of value"),
        ("1e2000000", "on line 1, column 1: number 1e2000000 cannot be represented"),
    ]

    @Test(arguments: malformed)
    func reportsWhereJSONIsMalformed(input: String, expected: String) {
        #expect(throws: ValueJSONError.self) { try Value.fromJSON(input) }
        do {
            _ = try Value.fromJSON(input)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func errorCarriesByteOffset() {
        do {
            _ = try Value.fromJSON("[\"é\", x]")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 7)
            #expect(error.line == 1)
            #expect(error.column == 7)
        }
    }

    // MARK: Reading into a type

    @Test func readsIntoAnObjectType() throws {
        let type = ValueType.object([
            "name": .string, "count": .number, "enabled": .bool,
            "tags": .map(.string), "ports": .list(.number), "zones": .set(.string),
            "pair": .tuple([.string, .number]), "missing": .list(.string), "any": .dynamic,
        ])
        let text = #"{"name":"web","count":"3","enabled":"true","tags":{"a":"b"},"ports":[80,443],"#
            + #""zones":["b","a","b"],"pair":["x",1],"any":{"k":[1]}}"#
        let value = try Value.fromJSON(text, as: type)
        let expected = Value.object([
            "name": .string("web"), "count": .number(3), "enabled": .true,
            "tags": .map(["a": .string("b")], element: .string),
            "ports": .list([.number(80), .number(443)], element: .number),
            "zones": .set([.string("a"), .string("b")], element: .string),
            "pair": .tuple([.string("x"), .number(1)]),
            "missing": .null(.list(.string)),
            "any": .object(["k": .tuple([.number(1)])]),
        ])
        #expect(value == expected)
    }

    @Test func readsNullIntoTheGivenType() throws {
        #expect(try Value.fromJSON("null", as: .map(.number)) == .null(.map(.number)))
        #expect(try Value.fromJSON("[null]", as: .list(.string)) == .list([.null(.string)], element: .string))
    }

    @Test func convertsScalarsAsStateNeeds() throws {
        #expect(try Value.fromJSON("12.50", as: .string) == .string("12.5"))
        #expect(try Value.fromJSON("true", as: .string) == .string("true"))
        #expect(try Value.fromJSON(#""false""#, as: .bool) == .false)
    }

    static let typeMismatches: [(String, ValueType, String)] = [
        (#"{"a":1,"b":2}"#, .object(["a": .number]), #"on line 1, column 1: unsupported attribute "b""#),
        (#"{"a":"x"}"#, .object(["a": .number]), #"on line 1, column 6: at .a: a number is required, but found the string "x""#),
        ("[1,[2]]", .list(.number), "on line 1, column 4: at [1]: number required"),
        ("[1]", .tuple([.number, .number]), "on line 1, column 1: a tuple of 2 elements is required"),
        ("[1,2,3]", .tuple([.number, .number]), "on line 1, column 1: a tuple of 2 elements is required"),
        (#"{"k":[[1]]}"#, .map(.list(.string)), #"on line 1, column 7: at ["k"][0]: string required"#),
        ("{}", .list(.string), "on line 1, column 1: list of string required"),
        (#""yes""#, .bool, "on line 1, column 1: bool required"),
    ]

    @Test(arguments: typeMismatches)
    func reportsTypeMismatches(input: String, type: ValueType, expected: String) {
        do {
            _ = try Value.fromJSON(input, as: type)
            Issue.record("expected an error for \(input)")
        } catch {
            #expect(error.description == expected)
        }
    }

    // MARK: Limits

    @Test func refusesDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try Value.fromJSON(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "JSON is nested more than 512 levels deep")
        }
        let typed = String(repeating: #"{"a":"#, count: 10_000)
        #expect(throws: ValueJSONError.self) { try Value.fromJSON(typed, as: .dynamic) }
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = ValueJSONLimits.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try Value.fromJSON(text)
        #expect(try value.jsonString() == text)
        let deeper = Value.tuple([value])
        #expect(throws: ValueJSONError.self) { try deeper.jsonString() }
    }

    // MARK: Round trips

    @Test func randomValuesSurviveARoundTrip() throws {
        var generator = EncodingTestRandom(seed: 42)
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let text = try value.jsonString()
            #expect(try Value.fromJSON(text) == value, "\(text)")
            #expect(try Value.fromJSON(value.prettyJSONString()) == value)
        }
    }

    static func randomValue(depth: Int, using generator: inout EncodingTestRandom) -> Value {
        let pick = depth > 3 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(Int.random(in: -1_000_000...1_000_000, using: &generator))
        case 3:
            let digits = (0..<Int.random(in: 1...40, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            return .number(Number(parsing: "0." + digits + "e" + String(Int.random(in: -20...20, using: &generator)))!)
        case 4:
            let alphabet = Array("ab<>&\"\\\n\t\u{1}é😀\u{2028} ")
            return .string(String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        case 5:
            return .tuple((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var attributes: [String: Value] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                attributes["k\(index)\(["", "é", "<"].randomElement(using: &generator)!)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(attributes)
        }
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat.
struct EncodingTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
