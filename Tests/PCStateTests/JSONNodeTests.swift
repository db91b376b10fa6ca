import Testing
@testable import PCState

/// The small JSON reader and writer behind `state pull` and the list columns.
@Suite struct JSONNodeTests {
    @Test(arguments: [
        (#"{"b":1,"a":[true,false,null],"c":{}}"#, "{\n  \"a\": [\n    true,\n    false,\n    null\n  ],\n  \"b\": 1,\n  \"c\": {}\n}"),
        (#"[]"#, "[]"),
        (#"  -0.5e+10 "#, "-0.5e+10"),
        (#""\u00e9\ud83d\ude00\n\/""#, "\"é😀\\n/\""),
        (#"{"x":[{"y":"z"}]}"#, "{\n  \"x\": [\n    {\n      \"y\": \"z\"\n    }\n  ]\n}"),
        (#""\u0001""#, #""\u0001""#),
    ])
    func prettyPrints(input: String, expected: String) throws {
        #expect(try JSONNode.parse(input).prettyText() == expected)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"a\u{1}\"", "[1] 2", "{'a':1}", "\"\\x\"", "1e",
    ])
    func rejectsInvalidJSON(input: String) {
        #expect(throws: JSONNode.SyntaxError.self) { try JSONNode.parse(input) }
    }

    @Test func refusesDeepNestingInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONNode.SyntaxError.self) { try JSONNode.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONNode.parse(fine)) != nil)
    }

    @Test func stringListsRoundTrip() {
        let strings = [#"module.app["a"].x.y[0]"#, "tab\there", "", "ünï\\"]
        let text = JSONNode.encodeStrings(strings)
        #expect(JSONNode.decodeStrings(text) == strings)
        #expect(JSONNode.decodeStrings("[]") == [])
        #expect(JSONNode.decodeStrings(#"["a",1]"#) == nil)
        #expect(JSONNode.decodeStrings("{}") == nil)
    }

    @Test func instanceKeysRoundTrip() {
        for key: InstanceKey? in [nil, .int(0), .int(-7), .string(""), .string(#"a"b"#), .string("12")] {
            #expect(InstanceKey.parse(json: InstanceKey.json(key)) == .some(key))
        }
        #expect(InstanceKey.parse(json: "[1]") == nil)
    }
}
