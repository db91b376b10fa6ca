import PCDiagnostics
import PCLSyntax
import PCLang
import Testing

/// Resolves `var.NAME` from a table, as the planner's scope does.
struct TableResolver: ReferenceResolver {
    var variables: [String: Value]

    func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution {
        if reference.root == "var", case .attribute(let name, _)? = reference.steps.first, let value = variables[name] {
            return .value(value, consumedSteps: 1)
        }
        return .failure(Diagnostic(code: .undeclaredReference, detail: "no \(reference.root)", file: file, subject: reference.range))
    }
}

@Suite("Evaluator")
struct EvaluatorTests {
    static let resolver = TableResolver(variables: [
        "name": .string("web"),
        "port": .number(8080),
        "secret": Value.string("hunter2").marked(),
        "later": .unknown(.string),
        "list": .list(strings: ["a", "b", "c"]),
        "servers": .tuple([.object(["name": .string("a"), "ip": .string("10.0.0.1")]), .object(["name": .string("b"), "ip": .string("10.0.0.2")])]),
        "map": .map(["x": .number(1), "y": .number(2)], element: .number),
    ])

    static func evaluate(_ text: String) -> (Value, [Diagnostic]) {
        let file = SourceFile(path: "test.pcl", text: text)
        let (expression, parseDiagnostics) = Parser.parseExpression(file)
        #expect(parseDiagnostics.isEmpty, "parse: \(parseDiagnostics.map(\.detail))")
        let evaluator = Evaluator(context: FunctionContext(baseDirectory: "."))
        return evaluator.evaluate(expression, in: file, resolver: resolver)
    }

    static let cases: [(String, Value)] = [
        ("1 + 2 * 3", .number(7)),
        ("10 / 4", .number(Number(exactly: 2.5)!)),
        ("7 % 3", .number(1)),
        ("-var.port", .number(-8080)),
        ("\"${var.name}:${var.port}\"", .string("web:8080")),
        ("var.port > 80 && var.name == \"web\"", .true),
        ("!(1 == 1) || 2 != 2", .false),
        ("true ? 1 : \"a\"", .string("1")),
        ("[for s in var.list : upper(s) if s != \"b\"]", .tuple([.string("A"), .string("C")])),
        ("{for k, v in var.map : v => k}", .object(["1": .string("x"), "2": .string("y")])),
        ("{for s in [\"a\", \"b\", \"a\"] : s => s...}", .object(["a": .tuple([.string("a"), .string("a")]), "b": .tuple([.string("b")])])),
        ("var.servers[*].ip", .tuple([.string("10.0.0.1"), .string("10.0.0.2")])),
        ("var.servers.*.name", .tuple([.string("a"), .string("b")])),
        ("var.list[1]", .string("b")),
        ("var.map[\"y\"]", .number(2)),
        ("null[*]", .emptyTuple),
        ("\"%{ for s in var.list }${s}-%{ endfor }\"", .string("a-b-c-")),
        ("\"%{ if var.port == 8080 }alt%{ else }std%{ endif }\"", .string("alt")),
        ("can(var.map[\"z\"])", .false),
        ("try(var.map[\"z\"], \"fallback\")", .string("fallback")),
        ("length(var.list)", .number(3)),
        ("max(var.list...)", .unknown),
        ("{ a = 1, \"b\" = 2, (var.name) = 3 }", .object(["a": .number(1), "b": .number(2), "web": .number(3)])),
    ]

    @Test("expressions evaluate as in Terraform", arguments: cases.indices)
    func evaluates(index: Int) {
        let (text, expected) = Self.cases[index]
        let (value, diagnostics) = Self.evaluate(text)
        if expected == .unknown {
            // `max` of strings is an argument error: checked below.
            #expect(diagnostics.hasErrors, "\(text)")
            return
        }
        #expect(diagnostics.isEmpty, "\(text): \(diagnostics.map(\.detail))")
        #expect(value == expected, "\(text)")
    }

    @Test("unknown values propagate and stay typed")
    func unknowns() {
        #expect(Self.evaluate("\"x-${var.later}\"").0 == .unknown(.string))
        #expect(Self.evaluate("var.later == \"a\"").0 == .unknown(.bool))
        #expect(Self.evaluate("upper(var.later)").0 == .unknown(.string))
        #expect(Self.evaluate("length([var.later, 1])").0 == .number(2))
        #expect(Self.evaluate("false && var.later == \"a\"").0 == .false)
    }

    @Test("sensitive marks propagate through operators, templates and functions")
    func sensitive() {
        #expect(Self.evaluate("\"pw=${var.secret}\"").0.isSensitive)
        #expect(Self.evaluate("upper(var.secret)").0.isSensitive)
        #expect(Self.evaluate("var.secret == \"x\"").0.isSensitive)
        #expect(Self.evaluate("nonsensitive(var.secret)").0 == .string("hunter2"))
        let tuple = Self.evaluate("[var.name, var.secret]").0
        #expect(tuple.elements?[1].isSensitive == true && tuple.elements?[0].isSensitive == false)
    }

    @Test("errors point at the offending part")
    func errors() {
        func error(_ text: String) -> (String, String)? {
            let (_, diagnostics) = Self.evaluate(text)
            guard let first = diagnostics.first, let subject = first.subject else { return nil }
            return (first.summary, String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(subject.start))..<text.utf8.index(text.utf8.startIndex, offsetBy: Int(subject.end))])!)
        }
        #expect(error("1 + \"a\"")?.0 == "Invalid operand")
        #expect(error("1 + \"a\"")?.1 == "\"a\"")
        #expect(error("var.map.z")?.0 == "Unsupported attribute")
        #expect(error("var.list[7]")?.0 == "Invalid index")
        #expect(error("upper(1, 2)")?.0 == "Invalid function argument")
        #expect(error("uper(\"a\")").map { $0.0 } == "Call to unknown function")
        #expect(Self.evaluate("uper(\"a\")").1.first?.detail.contains("Did you mean \"upper\"?") == true)
        #expect(error("5 / 0")?.0 == "Division by zero")
        #expect(error("\"${null}x\"")?.0 == "Invalid template interpolation value")
        #expect(error("{for s in var.list : \"k\" => s}")?.0 == "Duplicate object key")
        #expect(error("true ? [1] : {a = 1}")?.0 == "Inconsistent conditional result types")
    }

    @Test("templatestring renders a referenced template with its own variables")
    func templateString() {
        let resolver = TableResolver(variables: ["tpl": .string("Hello, ${name}!%{ for n in nums }${n}%{ endfor }")])
        let file = SourceFile(path: "t.pcl", text: "templatestring(var.tpl, { name = \"pcplan\", nums = [1, 2] })")
        let (expression, _) = Parser.parseExpression(file)
        let (value, diagnostics) = Evaluator(context: FunctionContext(baseDirectory: ".")).evaluate(expression, in: file, resolver: resolver)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.detail))")
        #expect(value == .string("Hello, pcplan!12"))
    }
}
