// Terminal rendering checked against Terraform itself.
//
// terraform-oracle-a*.txt and terraform-oracle-b*.txt are the output of
// `terraform plan` (Terraform 1.11.4, TF_CLI_CONFIG_FILE=/dev/null, with
// and without -no-color), cut after the "Refreshing state..." lines and
// before the closing rule. The configurations used `terraform_data`:
//
// a) applied first with web.input = { name = "web", tags = { env = "prod",
//    team = "core" }, ports = [80, 443], enabled = true, count = 3, script =
//    "line one\nline two\nline three\n", policy = jsonencode({...Effect =
//    "Allow"...}) }, repl/cbd (create_before_destroy) with triggers_replace
//    = "t1", gone, many (count = 2), old, secret = sensitive("s3cr3t"),
//    outputs a = "x" and b = 1; then planned with the changes rebuilt in
//    `oracleA` below (a moved block old -> new, a terraform_remote_state
//    data source reading an unknown path, output c from repl.id, sensitive
//    output s).
// b) a list element changed and one appended, a line added to a string,
//    a value newly marked sensitive, an output object changed.
// c) objects removed from the middle of a list, a JSON string changed only
//    in spacing, a string that becomes JSON, a null becoming a number, a
//    value no longer sensitive, attributes removed, empty collections
//    filled, one number changed in a long list. Rendered with
//    terraform_data's schema, whose `input` and `output` are of any type and
//    so shown as JSON values.
//
// The tests rebuild those plans as pcplan `Plan` values and compare the
// resource and output sections byte for byte, colours included. The first
// sentence differs on purpose: pcplan says "pcplan" where Terraform says
// "Terraform", which also wraps the sentence differently.

import PCLang
import PCPlan
import PCProvider
import Testing

enum OracleSamples {
    static let policyBefore = #"{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Sid":"A"}],"Version":"2012-10-17"}"#
    static let policyAfter = #"{"Statement":[{"Action":"s3:GetObject","Effect":"Deny","Sid":"A"}],"Version":"2012-10-17"}"#

    static func data(id: Value, input: Value, output: Value, triggers: Value = .null) -> Value {
        RV.obj(["id": id, "input": input, "output": output, "triggers_replace": triggers])
    }

    static var oracleA: Plan {
        let webBefore = RV.obj([
            "count": RV.n(3), "enabled": RV.b(true), "name": RV.s("web"), "policy": RV.json(policyBefore),
            "ports": RV.tuple([RV.n(80), RV.n(443)]), "script": RV.s("line one\nline two\nline three\n"),
            "tags": RV.obj(["env": RV.s("prod"), "team": RV.s("core")]),
        ])
        let webAfter = RV.obj([
            "count": RV.n(3), "enabled": RV.b(true), "name": RV.s("web"), "policy": RV.json(policyAfter),
            "ports": RV.tuple([RV.n(80), RV.n(8443)]), "script": RV.s("line one\nline 2\nline three\nline four\n"),
            "tags": RV.obj(["env": RV.s("prod"), "owner": RV.s("me"), "team": RV.s("platform")]),
        ])
        let changes: [ResourceChange] = [
            .renderTest(
                "data.terraform_remote_state.rs", .read,
                after: RV.obj([
                    "backend": RV.s("local"), "config": RV.obj(["path": RV.unknown]), "defaults": RV.null,
                    "outputs": RV.unknown, "workspace": RV.null,
                ]), mode: .data, reason: .readBecauseConfigUnknown),
            .renderTest(
                "terraform_data.cbd", .createThenDelete,
                before: data(id: RV.s("ecd9dc99-2fad-f952-77b2-a14f412d11ea"), input: RV.s("c1"), output: RV.s("c1"), triggers: RV.s("t1")),
                after: data(id: RV.unknown, input: RV.s("c1"), output: RV.unknown, triggers: RV.s("t2"))),
            .renderTest(
                "terraform_data.gone", .delete,
                before: data(id: RV.s("6f583e06-c84f-e0e1-336b-ab15ec6f643a"), input: RV.s("bye"), output: RV.s("bye")),
                reason: .deleteBecauseNoResourceConfig),
            .renderTest(
                "terraform_data.many[1]", .delete,
                before: data(id: RV.s("99f53f1f-d20c-ff22-4b91-71cf487ee859"), input: RV.n(1), output: RV.n(1)),
                reason: .deleteBecauseCountIndex, index: RV.n(1)),
            .renderTest(
                "terraform_data.new", .update,
                before: data(id: RV.s("ecbb6f8b-7a0d-86c8-6c20-1f4cc51f5900"), input: RV.s("moving"), output: RV.s("moving")),
                after: data(id: RV.s("ecbb6f8b-7a0d-86c8-6c20-1f4cc51f5900"), input: RV.s("moved"), output: RV.unknown),
                previous: "terraform_data.old"),
            .renderTest(
                "terraform_data.repl", .deleteThenCreate,
                before: data(id: RV.s("543a6bb8-c06c-58a9-ffe2-6cae8347e29b"), input: RV.s("v1"), output: RV.s("v1"), triggers: RV.s("t1")),
                after: data(id: RV.unknown, input: RV.s("v1"), output: RV.unknown, triggers: RV.s("t2"))),
            .renderTest(
                "terraform_data.secret", .update,
                before: data(id: RV.s("c8fc3532-2d79-e1a6-af9e-55dd56d3193f"), input: RV.secret(RV.s("s3cr3t")), output: RV.s("s3cr3t")),
                after: data(id: RV.s("c8fc3532-2d79-e1a6-af9e-55dd56d3193f"), input: RV.secret(RV.s("s3cr3t2")), output: RV.unknown)),
            .renderTest(
                "terraform_data.web", .update,
                before: data(id: RV.s("81a02f7a-dc95-d75c-a0f1-2c5580cd9c12"), input: webBefore, output: webBefore),
                after: data(id: RV.s("81a02f7a-dc95-d75c-a0f1-2c5580cd9c12"), input: webAfter, output: RV.unknown)),
        ]
        let outputs = [
            OutputChange(name: "a", action: .update, before: RV.s("x"), after: RV.s("y"), isSensitive: false),
            OutputChange(name: "b", action: .delete, before: RV.n(1), after: RV.null, isSensitive: false),
            OutputChange(name: "c", action: .create, before: RV.null, after: RV.unknown, isSensitive: false),
            OutputChange(name: "s", action: .create, before: RV.null, after: RV.s("z"), isSensitive: true),
        ]
        return .renderTest(changes: changes, outputs: outputs)
    }

    static var oracleC: Plan {
        func tuple(_ numbers: [Int]) -> Value { RV.tuple(numbers.map(RV.n)) }
        func item(_ name: String, _ number: Int) -> Value { RV.obj(["n": RV.s(name), "v": RV.n(number)]) }
        func input(sensitive: Bool) -> Value {
            RV.obj([
                "objs": RV.tuple([item("a", 1), item("b", 2), item("c", 3)]), "ws": RV.s(#"{"a": 1}"#),
                "tc": RV.s("plain"), "nv": RV.obj(["k": RV.null]), "sec": sensitive ? RV.secret(RV.s("x")) : RV.s("x"),
                "ml": RV.s("one\ntwo\n"), "empty_list": RV.tuple([]), "empty_obj": RV.obj([:]),
                "gone": RV.obj(["deep": tuple([1, 2])]), "nums": tuple([1, 2, 3, 4, 5, 6, 7, 8]),
            ])
        }
        let after = RV.obj([
            "objs": RV.tuple([item("a", 1), item("c", 3), item("d", 4)]), "ws": RV.s(#"{"a":1}"#),
            "tc": RV.s(#"{"now":"json"}"#), "nv": RV.obj(["k": RV.n(5)]), "sec": RV.s("x"),
            "empty_list": tuple([1]), "empty_obj": RV.obj(["a": RV.n(1)]), "nums": tuple([1, 2, 3, 4, 50, 6, 7, 8]),
        ])
        let id = RV.s("e78e5db3-1f7f-037d-fc24-65ad60a15cab")
        return .renderTest(changes: [
            .renderTest(
                "terraform_data.c", .update, before: data(id: id, input: input(sensitive: true), output: input(sensitive: false)),
                after: data(id: id, input: after, output: RV.unknown))
        ])
    }

    static let terraformDataSchema = ResourceSchema(attributes: [
        "id": AttributeSchema(.string, .computed), "input": AttributeSchema(.dynamic, .optional),
        "output": AttributeSchema(.dynamic, .computed), "triggers_replace": AttributeSchema(.dynamic, .optional),
    ])

    static var oracleB: Plan {
        let before = RV.obj([
            "list": RV.tuple(["a", "b", "c", "d", "e"].map(RV.s)), "s": RV.s("plain"), "x": RV.s("1"),
        ])
        let after = RV.obj([
            "list": RV.tuple(["a", "b", "X", "d", "e", "f"].map(RV.s)), "s": RV.s("plain\nmulti"),
            "x": RV.secret(RV.s("1")),
        ])
        let id = RV.s("4ee34764-bdf2-5f00-69d6-24ca5096d3f1")
        let objectBefore = RV.obj(["a": RV.n(1), "b": RV.tuple([RV.n(1), RV.n(2)])])
        let objectAfter = RV.obj(["a": RV.n(2), "b": RV.tuple([RV.n(1), RV.n(2)]), "c": RV.s("new")])
        return .renderTest(
            changes: [
                .renderTest(
                    "terraform_data.a", .update, before: data(id: id, input: before, output: before),
                    after: data(id: id, input: after, output: RV.unknown))
            ],
            outputs: [
                OutputChange(name: "longer_name", action: .create, before: RV.null, after: RV.null, isSensitive: false),
                OutputChange(name: "o", action: .noop, before: RV.s("2"), after: RV.s("2"), isSensitive: false),
                OutputChange(name: "obj", action: .update, before: objectBefore, after: objectAfter, isSensitive: false),
            ])
    }

    /// The text from the "will perform the following actions:" line on.
    static func actions(_ text: String) -> Substring? {
        guard let range = text.range(of: "will perform the following actions:\n") else { return nil }
        return text[range.lowerBound...]
    }

    /// The legend's symbol lines.
    static func legend(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasSuffix("with the following symbols:") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }
}

@Suite("Terminal plan rendering against Terraform")
struct RenderTests {
    @Test("same resource and output sections as terraform plan", arguments: [
        ("a", false), ("a", true), ("b", false), ("b", true), ("c", false), ("c", true),
    ])
    func matchesTerraform(sample: String, color: Bool) throws {
        let plan = switch sample {
        case "a": OracleSamples.oracleA
        case "b": OracleSamples.oracleB
        default: OracleSamples.oracleC
        }
        let name = "terraform-oracle-\(sample)\(color ? "-color" : "").txt"
        let terraform = try #require(RenderGolden.fixture(name))
        let schema = OracleSamples.terraformDataSchema
        let lookup: PlanRenderer.SchemaLookup = { _ in schema }
        let ours = PlanRenderer.terminal(plan, color: color, schemas: sample == "c" ? lookup : nil)
        let expected = try #require(OracleSamples.actions(terraform))
        let actual = try #require(OracleSamples.actions(ours))
        #expect(actual == expected, "\(RenderGolden.firstDifference(String(actual), String(expected)))")
        #expect(OracleSamples.legend(ours) == OracleSamples.legend(terraform))
    }

    @Test("Terraform's sentences say pcplan, wrapped at the terminal width")
    func sentences() {
        let text = PlanRenderer.terminal(OracleSamples.oracleB, color: false)
        #expect(
            text.hasPrefix(
                "\npcplan used the selected providers to generate the following execution plan.\nResource actions are indicated with the following symbols:\n"
            ))
        #expect(text.contains("\npcplan will perform the following actions:\n"))
        #expect(!text.contains("Terraform"))
        let narrow = PlanRenderer.terminal(OracleSamples.oracleB, color: false, width: 40)
        for line in narrow.split(separator: "\n") where line.hasPrefix("pcplan used") || line.hasPrefix("Resource") {
            #expect(line.count <= 39)
        }
    }

    @Test("golden files of the showcase plans", arguments: RenderShowcase.terminalCases)
    func golden(name: String) throws {
        let (plan, color) = try #require(RenderShowcase.terminal[name])
        try RenderGolden.check(PlanRenderer.terminal(plan, color: color), name + ".txt")
    }

    @Test("nested blocks render as blocks when the schema is known")
    func blocks() throws {
        let schema = RenderShowcase.securityGroupSchema
        let text = PlanRenderer.terminal(RenderShowcase.blocks, color: false, schemas: { _ in schema })
        try RenderGolden.check(text, "blocks.txt")
        #expect(text.contains("      - ingress {"))
        #expect(!text.contains("ingress  ="))
        let without = PlanRenderer.terminal(RenderShowcase.blocks, color: false)
        #expect(without.contains("~ ingress  = ["))
    }
}
