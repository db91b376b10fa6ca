import Testing
import PCGraph

@Suite struct DOTTests {
    @Test func nodesThenEdgesInIndexOrder() {
        let g = graph(3, [(2, 0), (1, 0), (2, 1)])
        let names = ["aws_vpc.main", "aws_subnet.a", "aws_instance.web"]
        #expect(g.dot(name: { names[$0] }) == """
            digraph {
            \t"aws_vpc.main"
            \t"aws_subnet.a"
            \t"aws_instance.web"
            \t"aws_subnet.a" -> "aws_vpc.main"
            \t"aws_instance.web" -> "aws_vpc.main"
            \t"aws_instance.web" -> "aws_subnet.a"
            }

            """)
    }

    @Test func attributesOfGraphNodesAndEdges() {
        let g = graph(2, [(1, 0)], labels: [42])
        let text = g.dot(
            graphAttributes: [("rankdir", "RL"), ("label", "plan")],
            name: { ["var.region", "module.net"][$0] },
            nodeAttributes: { $0 == 1 ? [("shape", "box")] : [] },
            edgeAttributes: { from, to, label in [("label", "\(from)->\(to)@\(label)"), ("style", "dashed")] })
        #expect(text == """
            digraph {
            \t"rankdir" = "RL"
            \t"label" = "plan"
            \t"var.region"
            \t"module.net" ["shape"="box"]
            \t"module.net" -> "var.region" ["label"="1->0@42", "style"="dashed"]
            }

            """)
    }

    @Test(arguments: [
        (#"aws_instance.web["a"]"#, #""aws_instance.web[\"a\"]""#),
        (#"back\slash"#, #""back\\slash""#),
        (#"ends with \"#, #""ends with \\""#),
        (#"\""#, #""\\\"""#),
        ("two\nlines", #""two\nlines""#),
        ("cr\r\nlf", #""cr\r\nlf""#),
        ("tab\tand ünïcödé → ✓", "\"tab\tand ünïcödé → ✓\""),
        ("", #""""#),
    ])
    func namesAreQuotedAndEscaped(name: String, quoted: String) {
        let text = DependencyGraph(nodeCount: 1).dot(name: { _ in name })
        #expect(text == "digraph {\n\t\(quoted)\n}\n")
    }

    @Test func distinctNamesStayDistinct() {
        let names = [#"a\"#, #"a\\"#, #"a""#, #"a\""#, "a\n", #"a\n"#]
        let lines = names.map { name in
            DependencyGraph(nodeCount: 1).dot(name: { _ in name }).split(separator: "\n")[1]
        }
        #expect(Set(lines).count == names.count)
    }

    @Test func sameGraphSameText() {
        let (g, edges) = randomGraph(nodeCount: 50, edgeCount: 150, acyclic: false, seed: 9)
        var random = SplitMix64(seed: 1)
        let other = graph(50, edges.shuffled(using: &random))
        #expect(g.dot(name: { "n\($0)" }) == other.dot(name: { "n\($0)" }))
    }
}
