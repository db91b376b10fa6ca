import PCLang
import PCPlan
import Testing

@Suite("Structural diff of JSON documents")
struct RenderTestsStructuralDiff {
    /// Each case: before, after, and the expected lines (`+`/`-`/`~` then
    /// the entry's description).
    static let cases: [(String, String, String, [String])] = [
        (
            "containers and variables by name",
            #"[{"name":"web","environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"db","cpu":1}]"#,
            #"[{"name":"db","cpu":2},{"name":"web","environment":[{"name":"B","value":"2"},{"name":"A","value":"9"}]}]"#,
            [
                "~ (document) = (order changed)", "~ [db].cpu = 1 -> 2", "~ [web].environment = (order changed)",
                #"~ [web].environment[A].value = "1" -> "9""#,
            ]
        ),
        (
            "port mappings by containerPort, mounts by containerPath",
            #"{"portMappings":[{"containerPort":80,"hostPort":80},{"containerPort":443}],"mountPoints":[{"containerPath":"/a","readOnly":false}]}"#,
            #"{"portMappings":[{"containerPort":80,"hostPort":8080}],"mountPoints":[{"containerPath":"/a","readOnly":true},{"containerPath":"/b"}]}"#,
            [
                #"~ mountPoints[containerPath="/a"].readOnly = false -> true"#,
                #"+ mountPoints[containerPath="/b"] = {"containerPath":"/b"}"#,
                "~ portMappings[containerPort=80].hostPort = 80 -> 8080",
                #"- portMappings[containerPort=443] = {"containerPort":443}"#,
            ]
        ),
        (
            "IAM statements by Sid, actions by common subsequence",
            #"{"Statement":[{"Sid":"Read","Action":["s3:GetObject","s3:ListBucket"]},{"Sid":"Old","Effect":"Allow"}]}"#,
            #"{"Statement":[{"Sid":"Read","Action":["s3:GetObject","s3:GetObjectVersion","s3:ListBucket"]}]}"#,
            [
                #"+ Statement[Sid="Read"].Action[1] = "s3:GetObjectVersion""#,
                #"- Statement[Sid="Old"] = {"Effect":"Allow","Sid":"Old"}"#,
            ]
        ),
        (
            "positions when elements lack a shared key",
            #"[{"a":1},{"name":"x"}]"#, #"[{"a":2},{"name":"x"}]"#, ["~ [0].a = 1 -> 2"]
        ),
        (
            "duplicate names fall back to positions",
            #"[{"name":"x","v":1},{"name":"x","v":2}]"#, #"[{"name":"x","v":1},{"name":"x","v":3}]"#,
            ["~ [1].v = 2 -> 3"]
        ),
        (
            "kind changes and odd keys",
            #"{"Action":"s3:Get","aws:Source Arn":1,"n":null}"#, #"{"Action":["s3:Get"],"aws:Source Arn":2,"n":null}"#,
            [#"~ Action = "s3:Get" -> ["s3:Get"]"#, #"~ "aws:Source Arn" = 1 -> 2"#]
        ),
        ("identical documents", #"{"a":[1,2]}"#, #"{ "a" : [1, 2] }"#, []),
        ("whole documents", #"[1]"#, #"{"a":1}"#, [#"~ (document) = [1] -> {"a":1}"#]),
        (
            "names that look like positions are quoted",
            #"[{"name":"1","v":1},{"name":"my app","v":1}]"#, #"[{"name":"1","v":2},{"name":"my app","v":2}]"#,
            [#"~ ["1"].v = 1 -> 2"#, #"~ ["my app"].v = 1 -> 2"#]
        ),
    ]

    @Test("entries", arguments: cases.indices)
    func entries(index: Int) throws {
        let (_, before, after, expected) = Self.cases[index]
        let diff = try #require(StructuralDiff(json: before, after))
        let lines = diff.entries.map { entry -> String in
            let symbol = switch entry.change {
            case .added: "+"
            case .removed: "-"
            case .changed, .reordered: "~"
            }
            return symbol + " " + entry.description
        }
        #expect(lines == expected, "case \(Self.cases[index].0)")
    }

    @Test("text that is not JSON gives no diff")
    func notJSON() {
        #expect(StructuralDiff(json: "{", "{}") == nil)
        #expect(StructuralDiff(json: "[]", "nope") == nil)
    }

    @Test("natural keys, in order of preference")
    func naturalKeys() throws {
        let named = try Value.fromJSON(#"[{"name":"a","containerPort":1},{"name":"b","containerPort":1}]"#)
        #expect(StructuralDiff.naturalKey(named.elements!, []) == "name")
        let ports = try Value.fromJSON(#"[{"name":"a","containerPort":1},{"containerPort":2}]"#)
        #expect(StructuralDiff.naturalKey(ports.elements!, []) == "containerPort")
        let none = try Value.fromJSON(#"[{"name":"a"},"b"]"#)
        #expect(StructuralDiff.naturalKey(none.elements!, []) == nil)
        #expect(StructuralDiff.naturalKey([], []) == nil)
    }

    @Test("keyed pairs follow the new order with removed elements in place")
    func pairs() throws {
        let before = try Value.fromJSON(#"[{"name":"a"},{"name":"b"},{"name":"c"}]"#).elements!
        let after = try Value.fromJSON(#"[{"name":"c"},{"name":"a"},{"name":"d"}]"#).elements!
        let pairs = try #require(StructuralDiff.pairElements(before, after))
        #expect(pairs.map { "\($0.0.map(String.init) ?? "-")\($0.1.map(String.init) ?? "-")" } == ["1-", "20", "01", "-2"])
    }

    @Test("a deep document is compared without exhausting the stack")
    func deep() throws {
        let depth = 500
        let before = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let after = String(repeating: "[", count: depth) + "2" + String(repeating: "]", count: depth)
        let diff = try #require(StructuralDiff(json: before, after))
        #expect(diff.entries.count == 1)
        #expect(diff.entries.first?.path.count == 200)
        // Renderers show such a document as a plain string.
        let plan = MarkdownSamples.taskDefinitionPlan(before: before, after: after)
        #expect(PlanRenderer.terminal(plan, color: false).contains("[[[1]]]"))
        #expect(PlanRenderer.markdown(plan).contains("[[[2]]]"))
    }

    @Test("the terminal matches JSON document elements by key too")
    func terminalKeyed() throws {
        let before = #"[{"name":"web","image":"web:1","cpu":1},{"name":"db","image":"db:1"}]"#
        let after = #"[{"name":"db","image":"db:1"},{"name":"web","image":"web:2","cpu":1}]"#
        let keyed = PlanRenderer.terminal(MarkdownSamples.taskDefinitionPlan(before: before, after: after), color: false)
        try RenderGolden.check(keyed, "json-document-keyed.txt")
        #expect(keyed.contains(#"~ image = "web:1" -> "web:2""#))
        // Without the jsonAttributes declaration, Terraform's positional
        // matching applies.
        var plan = MarkdownSamples.taskDefinitionPlan(before: before, after: after)
        plan.resourceChanges[0].jsonAttributes = []
        let positional = PlanRenderer.terminal(plan, color: false)
        #expect(positional.contains(#"~ name  = "web" -> "db""#))
    }
}
