import Testing
@testable import PCLang

/// The encoding functions called the way the evaluator calls them, through
/// `FunctionLibrary.standard`, so conversions, unknowns and sensitive marks
/// are exercised too. Expected results were printed by Terraform 1.11.
struct FunctionsEncodingTests {
    private let library = FunctionLibrary.standard
    private let context = FunctionContext(baseDirectory: ".")

    private func call(_ name: String, _ arguments: Value...) throws(FunctionError) -> Value {
        try library.call(library.function(named: name)!, arguments: arguments, context: context)
    }

    private func failure(_ name: String, _ arguments: Value...) -> FunctionError? {
        do {
            _ = try library.call(library.function(named: name)!, arguments: arguments, context: context)
            return nil
        } catch {
            return error
        }
    }

    private static func string(_ text: String) -> Value { .string(text) }

    // MARK: Base64 and URLs

    /// (function, argument, Terraform's result).
    static let stringResults: [(String, String, String)] = [
        ("base64encode", "Hello, World!", "SGVsbG8sIFdvcmxkIQ=="),
        ("base64encode", "é😀", "w6nwn5iA"),
        ("base64encode", "", ""),
        ("base64decode", "SGVsbG8sIFdvcmxkIQ==", "Hello, World!"),
        ("base64decode", "aGVs\nbG8=", "hello"),
        ("base64decode", "aGVsbG9=", "hello"),
        ("base64decode", "YQ==\n", "a"),
        ("base64decode", "", ""),
        ("base64decode", "ZcyB", "\u{E9}"),
        ("base64gzip", "hello", "H4sIAAAAAAAA/8pIzcnJBwAAAP//AQAA//+GphA2BQAAAA=="),
        ("base64gzip", "", "H4sIAAAAAAAA/wAAAP//AQAA//8AAAAAAAAAAA=="),
        ("base64gzip", String(repeating: "a", count: 56), "H4sIAAAAAAAA/0okEwAAAAD//wEAAP//Nw15eTgAAAA="),
        ("base64gzip", "The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.",
         "H4sIAAAAAAAA/wrJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUyBFMQAAAP//AQAA//+nCumaWQAAAA=="),
        ("base64gzip", String(repeating: "abcabcabc", count: 1000), "H4sIAAAAAAAA/+zCAQkAAAwCsKy//TvYQwa7DwAAAAAAAAAAzCsAAAD//wEAAP//Ja6m4igjAAA="),
        ("urlencode", "a b&c=d/é~_.-*+!", "a+b%26c%3Dd%2F%C3%A9~_.-%2A%2B%21"),
        ("urlencode", "~!@#$%^&*()_+{}|:<>?`-=[];,./ \u{E9}\n",
         "~%21%40%23%24%25%5E%26%2A%28%29_%2B%7B%7D%7C%3A%3C%3E%3F%60-%3D%5B%5D%3B%2C.%2F+%C3%A9%0A"),
        ("urlencode", "", ""),
    ]

    @Test(arguments: stringResults)
    func returnsTerraformsString(function: String, argument: String, expected: String) throws {
        #expect(try call(function, .string(argument)) == .string(expected))
    }

    @Test func base64gzipMatchesTerraformOnLargeInput() throws {
        // 70,000 bytes: several blocks and a window slide in Go's encoder.
        let result = try call("base64gzip", .string(String(repeating: "x", count: 70_000)))
        #expect(result == .string("H4sIAAAAAAAA/+zAMQEAAADCoNrGt8ROGAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACQOwAAAP//AQAA//8oSGHFcBEBAA=="))
        let mixed = (0..<5_000).map { "line \($0) \($0 * 7919 % 10007)" }.joined(separator: "\n")
        let compressed = try call("base64gzip", .string(mixed)).stringValue!
        #expect(compressed.count < mixed.utf8.count / 2)
    }

    @Test func convertsArgumentsToString() throws {
        #expect(try call("base64encode", .number(5)) == .string("NQ=="))
    }

    static let base64Failures: [(String, String)] = [
        ("aGVsbG8", #"failed to decode base64 data "aGVsbG8"."#),
        ("aGVsbG8=x", #"failed to decode base64 data "aGVsbG8=x"."#),
        ("a GVs", #"failed to decode base64 data "a GVs"."#),
        ("YQ", #"failed to decode base64 data "YQ"."#),
        ("/w==", "the result of decoding the provided string is not valid UTF-8."),
    ]

    @Test(arguments: base64Failures)
    func base64decodeRejectsBadInput(argument: String, message: String) {
        let error = failure("base64decode", .string(argument))
        #expect(error == FunctionError(message))
    }

    @Test func base64decodeKeepsSecretsOutOfMessages() throws {
        let error = failure("base64decode", Value.string("not base64!").marked())
        #expect(error == FunctionError("failed to decode base64 data (sensitive value)."))
        let decoded = try call("base64decode", Value.string("aGk=").marked())
        #expect(decoded == Value.string("hi").marked())
        let unknown = try call("base64decode", Value.unknown(.string).marked())
        #expect(unknown == Value.unknown(.string).marked())
    }

    // MARK: Character encodings

    static let textEncodings: [(String, String, String)] = [
        ("héllo", "UTF-16LE", "aADpAGwAbABvAA=="),
        ("héllo", "utf-16", "/v8AaADpAGwAbABv"),
        ("héllo", "ISO-8859-1", "aOlsbG8="),
        ("h€", "windows-1252", "aIA="),
        ("hé", "windows-1250", "aOk="),
        ("hé", "ISO-8859-15", "aOk="),
        ("h😀", "UTF-16BE", "AGjYPd4A"),
        ("h", "csUTF16LE", "aAA="),
        ("h", "IBM037", "iA=="),
        ("h", "l1", "aA=="),
        ("h", " iso_8859-1 ", "aA=="),
        ("Привет", "KOI8-R", "8NLJ18XU"),
        ("hello", "US-ASCII", "aGVsbG8="),
    ]

    @Test(arguments: textEncodings)
    func textencodebase64EncodesAsTerraform(text: String, encoding: String, expected: String) throws {
        #expect(try call("textencodebase64", .string(text), .string(encoding)) == .string(expected))
        // And back again.
        #expect(try call("textdecodebase64", .string(expected), .string(encoding)) == .string(text))
    }

    static let textDecodings: [(String, String, String)] = [
        ("aADpAGwAbABvAA==", "UTF-16LE", "héllo"),
        ("/v8AaADp", "UTF-16", "hé"),
        ("//5oAOkA", "UTF-16", "hé"),
        ("aADpAA==", "UTF-16", "栀\u{E900}"),
        ("/v8AaA==", "UTF-16BE", "\u{FEFF}h"),
        ("aGVsbG8=", "us-ascii", "hello"),
        ("3Q==", "windows-1258", "\u{1AF}"),
    ]

    @Test(arguments: textDecodings)
    func textdecodebase64DecodesAsTerraform(source: String, encoding: String, expected: String) throws {
        #expect(try call("textdecodebase64", .string(source), .string(encoding)) == .string(expected))
    }

    static let textFailures: [(String, String, String, Int, String)] = [
        ("textencodebase64", "h€", "latin1", 0,
         #"Invalid value for "string" parameter: the given string contains characters that cannot be represented in ISO_8859-1:1987."#),
        ("textencodebase64", "hé", "US-ASCII", 0,
         #"Invalid value for "string" parameter: the given string contains characters that cannot be represented in US-ASCII."#),
        ("textencodebase64", "h", "foo", 1,
         #"Invalid value for "encoding" parameter: "foo" is not a supported IANA encoding name or alias in this version of pcplan; use for example UTF-8, UTF-16LE, ISO-8859-1 or windows-1252."#),
        ("textdecodebase64", "aADpAGwAbABvAA=", "UTF-16LE", 0,
         #"Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 15."#),
        ("textdecodebase64", "YQ", "UTF-8", 0,
         #"Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 0."#),
        ("textdecodebase64", "Y Q==", "UTF-8", 0,
         #"Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 1."#),
        ("textdecodebase64", "YQ==x", "UTF-8", 0,
         #"Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 4."#),
        ("textdecodebase64", "gQ==", "windows-1252", 0,
         #"Invalid value for "source" parameter: the given string contains symbols that are not defined for windows-1252."#),
        ("textdecodebase64", "/w==", "UTF-8", 0,
         #"Invalid value for "source" parameter: the given string contains symbols that are not defined for UTF-8."#),
        ("textdecodebase64", "aA==", "UTF-16", 0,
         #"Invalid value for "source" parameter: the given string contains symbols that are not defined for UTF-16."#),
        ("textdecodebase64", "6Q==", "us-ascii", 0,
         #"Invalid value for "source" parameter: the given string contains symbols that are not defined for US-ASCII."#),
    ]

    @Test(arguments: textFailures)
    func textFunctionsNameTheArgumentAtFault(function: String, first: String, encoding: String, argument: Int, message: String) {
        let error = failure(function, .string(first), .string(encoding))
        #expect(error == FunctionError(argument: argument, message))
    }

    @Test func unsupportedEastAsianEncodingsSaySo() {
        let error = failure("textencodebase64", .string("h"), .string("Shift_JIS"))
        #expect(error?.argument == 1)
        #expect(error?.message.contains("Shift_JIS is not supported in this version of pcplan") == true)
    }

    // MARK: CSV

    static let csv: [(String, String?, String?)] = [
        ("a,b\n1,2\n3,4", #"[{"a":"1","b":"2"},{"a":"3","b":"4"}]"#, nil),
        ("a,b\n1,2,3", nil, "CSV parse error on line 2: wrong number of fields."),
        ("a,b\n1", nil, "CSV parse error on line 2: wrong number of fields."),
        ("", nil, "missing header line."),
        ("a,b", "[]", nil),
        ("a,b\n\n1,2\n", #"[{"a":"1","b":"2"}]"#, nil),
        ("a,b\r\n\"x,\"\"y\",z\r\n", #"[{"a":"x,\"y","b":"z"}]"#, nil),
        ("a,b\n\"x\ny\",z", #"[{"a":"x\ny","b":"z"}]"#, nil),
        ("a,b\nx\"y,z", nil, #"CSV parse error on line 2: bare " in non-quoted-field."#),
        ("a,b\n\"x\"y,z", nil, #"CSV parse error on line 2: extraneous or missing " in quoted-field."#),
        ("a,a\n1,2", nil, #"duplicate column name "a"."#),
        (" a , b \n 1 , 2 ", #"[{" a ":" 1 "," b ":" 2 "}]"#, nil),
        ("a,b\r\n1,\"2\r\n3\"", #"[{"a":"1","b":"2\n3"}]"#, nil),
        ("a,b\n1,2\n3,\"4", nil, #"CSV parse error on line 3: extraneous or missing " in quoted-field."#),
        ("\n\na\n1", #"[{"a":"1"}]"#, nil),
        ("a,b\n1,2\n\n\n3,4,5", nil, "CSV parse error on line 5: wrong number of fields."),
        ("x\n\"a\nb\nc", nil, #"CSV parse error on line 4: extraneous or missing " in quoted-field."#),
        ("a\n\"\"\"\"\n", #"[{"a":"\""}]"#, nil),
    ]

    @Test(arguments: csv)
    func csvdecodeReadsAsTerraform(text: String, expectedJSON: String?, message: String?) throws {
        if let expectedJSON {
            #expect(try call("csvdecode", .string(text)).jsonString() == expectedJSON)
        } else {
            #expect(failure("csvdecode", .string(text)) == FunctionError(message!))
        }
    }

    @Test func csvdecodeReturnsAListOfObjectsOfStrings() throws {
        let result = try call("csvdecode", .string("name,size\nweb,\"1,5\"\n"))
        let row = ValueType.object(["name": .string, "size": .string])
        #expect(result == .list([.object(["name": .string("web"), "size": .string("1,5")])], element: row))
        #expect(try call("csvdecode", .string("a,b\n")) == .list([], element: .object(["a": .string, "b": .string])))
    }

    // MARK: JSON

    @Test func jsonencodeWritesEveryKind() throws {
        let value = Value.object([
            "a": .list([.string("x")], element: .string),
            "b": .set([.string("b"), .string("a")], element: .string),
            "c": .map(["k": .number(1)], element: .number),
        ])
        #expect(try call("jsonencode", value) == .string(#"{"a":["x"],"b":["a","b"],"c":{"k":1}}"#))
        #expect(try call("jsonencode", .null) == .string("null"))
    }

    @Test func jsondecodeReadsAndReportsPositions() throws {
        #expect(try call("jsondecode", .string(#"{"a":[1,"x"]}"#)) == .object(["a": .tuple([.number(1), .string("x")])]))
        let error = failure("jsondecode", .string("[1,\n2,\n x]"))
        #expect(error == FunctionError("on line 3, column 2: invalid character 'x' looking for beginning of value."))
    }

    // MARK: YAML

    @Test func yamlFunctionsWorkThroughTheLibrary() throws {
        #expect(try call("yamldecode", .string("a: [1, x]")) == .object(["a": .tuple([.number(1), .string("x")])]))
        #expect(try call("yamlencode", .object(["a": .string("x\ny")])) == .string("\"a\": |-\n  x\n  y\n"))
        #expect(try call("yamlencode", .null) == .string("null\n...\n"))
        let error = failure("yamldecode", .string("a: 1\n  b: 2"))
        #expect(error == FunctionError("on line 2, column 4: mapping values are not allowed in this context."))
    }

    // MARK: Unknown and sensitive values

    @Test func unknownArgumentsGiveUnknownResults() throws {
        #expect(try call("jsonencode", .object(["a": .unknown(.string)])) == .unknown(.string))
        #expect(try call("yamlencode", .tuple([.unknown(.number)])) == .unknown(.string))
        #expect(try call("jsondecode", .unknown(.string)) == .unknown(.dynamic))
        #expect(try call("yamldecode", .unknown(.string)) == .unknown(.dynamic))
        #expect(try call("csvdecode", .unknown(.string)) == .unknown(.dynamic))
        #expect(try call("base64encode", .unknown(.string)) == .unknown(.string))
        #expect(try call("textencodebase64", .string("x"), .unknown(.string)) == .unknown(.string))
    }

    @Test func sensitiveArgumentsGiveSensitiveResults() throws {
        let secret = Value.object(["password": Value.string("hunter2").marked()])
        #expect(try call("jsonencode", secret) == Value.string(#"{"password":"hunter2"}"#).marked())
        #expect(try call("yamlencode", secret) == Value.string("\"password\": \"hunter2\"\n").marked())
        #expect(try call("base64encode", Value.string("hi").marked()) == Value.string("aGk=").marked())
        #expect(try call("urlencode", Value.string("a b").marked()) == Value.string("a+b").marked())
    }

    @Test func nullIsRefusedWhereTerraformRefusesIt() {
        let error = failure("base64encode", .null(.string))
        #expect(error?.argument == 0)
        #expect(error?.message == #"Invalid value for "str" parameter: argument must not be null."#)
    }

    @Test func everyEncodingFunctionIsRegisteredWithTerraformsParameters() {
        let expected: [String: [String]] = [
            "base64decode": ["str"], "base64encode": ["str"], "base64gzip": ["str"], "csvdecode": ["str"],
            "jsondecode": ["str"], "jsonencode": ["val"], "textdecodebase64": ["source", "encoding"],
            "textencodebase64": ["string", "encoding"], "urlencode": ["str"], "yamldecode": ["src"], "yamlencode": ["value"],
        ]
        for (name, parameters) in expected {
            #expect(library.function(named: name)?.parameters.map(\.name) == parameters, "\(name)")
        }
        #expect(library.function(named: "jsonencode")?.parameters.first?.allowsNull == true)
        #expect(library.function(named: "yamlencode")?.parameters.first?.allowsNull == true)
    }
}
