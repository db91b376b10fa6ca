import PCLang
import PCPlan
import Testing

enum MarkdownSamples {
    static let containerNames = ["web", "worker", "sidecar", "proxy", "metrics"]

    /// An ECS task definition's `container_definitions`: 5 containers with
    /// 20 environment variables each; `web` has LOG_LEVEL = `logLevel`.
    static func containerDefinitions(logLevel: String) -> String {
        var containers: [Value] = []
        for (index, name) in containerNames.enumerated() {
            var environment: [Value] = []
            for variable in 1...20 {
                let key = variable == 7 ? "LOG_LEVEL" : "VAR_\(variable < 10 ? "0" : "")\(variable)"
                let value = key == "LOG_LEVEL" ? (name == "web" ? logLevel : "info") : "\(name)-value-\(variable)"
                environment.append(RV.obj(["name": RV.s(key), "value": RV.s(value)]))
            }
            containers.append(
                RV.obj([
                    "name": RV.s(name), "image": RV.s("registry.example.com/\(name):1.4.2"), "cpu": RV.n(256),
                    "memory": RV.n(512), "essential": RV.b(index == 0),
                    "portMappings": RV.tuple([
                        RV.obj(["containerPort": RV.n(8080 + index), "hostPort": RV.n(8080 + index), "protocol": RV.s("tcp")])
                    ]),
                    "mountPoints": RV.tuple([
                        RV.obj(["containerPath": RV.s("/data"), "sourceVolume": RV.s("data"), "readOnly": RV.b(false)])
                    ]),
                    "environment": RV.tuple(environment),
                ]))
        }
        return (try? RV.tuple(containers).jsonString()) ?? ""
    }

    static func taskDefinitionPlan(before: String, after: String) -> Plan {
        .renderTest(changes: [
            .renderTest(
                "aws_ecs_task_definition.app", .update,
                before: RV.obj([
                    "id": RV.s("app"), "family": RV.s("app"), "revision": RV.n(12), "cpu": RV.s("1024"),
                    "container_definitions": RV.s(before),
                ]),
                after: RV.obj([
                    "id": RV.s("app"), "family": RV.s("app"), "revision": RV.n(12), "cpu": RV.s("1024"),
                    "container_definitions": RV.s(after),
                ]),
                json: ["container_definitions"])
        ])
    }

    /// The lines of every ```diff block in a markdown document.
    static func diffBlocks(_ markdown: String) -> [[Substring]] {
        var blocks: [[Substring]] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```diff") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!)
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// `count` resources of mixed actions, each with a diff of a few lines.
    static func bigPlan(_ count: Int) -> Plan {
        var changes: [ResourceChange] = []
        for index in 0..<count {
            let address = "pcplan_data.n[\(index)]"
            let before = RV.obj([
                "id": RV.s("id-\(index)"), "input": RV.obj(["size": RV.n(index), "label": RV.s("item \(index)")]),
                "output": RV.s("out-\(index)"),
            ])
            let after = RV.obj([
                "id": RV.s("id-\(index)"), "input": RV.obj(["size": RV.n(index + 1), "label": RV.s("item \(index)")]),
                "output": RV.unknown,
            ])
            switch index % 10 {
            case 0: changes.append(.renderTest(address, .delete, before: before, reason: .deleteBecauseCountIndex, index: RV.n(index)))
            case 1: changes.append(.renderTest(address, .deleteThenCreate, before: before, after: after, replacePaths: [.attribute("input")]))
            case 2, 3: changes.append(.renderTest(address, .update, before: before, after: after))
            default: changes.append(.renderTest(address, .create, after: after))
            }
        }
        return .renderTest(changes: changes)
    }
}

@Suite("Markdown plan rendering")
struct RenderTestsMarkdown {
    @Test("golden files", arguments: ["everything", "no-changes", "moved-only", "outputs-only", "refresh-only"])
    func golden(name: String) throws {
        let plan: Plan = switch name {
        case "everything": RenderShowcase.everything
        case "no-changes": RenderShowcase.noChanges
        case "moved-only": RenderShowcase.movedOnly
        case "refresh-only": RenderShowcase.refreshOnly
        default: RenderShowcase.outputsOnly
        }
        try RenderGolden.check(PlanRenderer.markdown(plan), name + ".md")
    }

    @Test("one environment variable of one container in 5 × 20 is one changed line")
    func containerDefinitions() throws {
        let before = MarkdownSamples.containerDefinitions(logLevel: "info")
        let after = MarkdownSamples.containerDefinitions(logLevel: "debug")
        #expect(before.utf8.count > 5_000)
        let markdown = PlanRenderer.markdown(MarkdownSamples.taskDefinitionPlan(before: before, after: after))
        let blocks = MarkdownSamples.diffBlocks(markdown)
        #expect(blocks.count == 1)
        let lines = try #require(blocks.first)
        #expect(lines.count <= 15, "\(lines.count) lines:\n\(lines.joined(separator: "\n"))")
        let changed = lines.filter { $0.hasPrefix("!") || $0.hasPrefix("+") || $0.hasPrefix("-") }
        // The resource, the attribute, and the one variable.
        #expect(changed.count == 3, "\(changed)")
        let variable = lines.filter { $0.contains("LOG_LEVEL") }
        #expect(variable.count == 1)
        #expect(variable.first?.hasPrefix("!") == true)
        #expect(variable.first?.hasSuffix(#"[web].environment[LOG_LEVEL].value = "info" -> "debug""#) == true)
        #expect(!markdown.contains("VAR_01"))
    }

    @Test("500 resources within 10,000 characters keep every address")
    func budgetKeepsAddresses() {
        let plan = MarkdownSamples.bigPlan(500)
        let full = PlanRenderer.markdown(plan, maxCharacters: 10_000_000)
        #expect(full.utf16.count > 100_000)
        let markdown = PlanRenderer.markdown(plan, maxCharacters: 10_000)
        #expect(markdown.utf16.count <= 10_000)
        #expect(!markdown.hasPrefix("> [!NOTE]"))
        for index in 0..<500 {
            #expect(markdown.contains("pcplan_data.n[\(index)]"), "missing pcplan_data.n[\(index)]")
        }
        #expect(markdown.contains("| root | 300 | 100 | 50 | 50 | 0 |"))
        #expect(markdown.contains("**Plan: 350 to add, 100 to change, 100 to destroy.**"))
        #expect(markdown.contains("> [!WARNING]"))
    }

    @Test("the largest diffs are dropped first")
    func largestFirst() throws {
        func change(_ name: String, attributes: Int) -> ResourceChange {
            var after: [String: Value] = [:]
            for index in 0..<attributes { after["attribute_\(index)"] = RV.s("value \(index)") }
            return .renderTest("pcplan_data.\(name)", .create, after: RV.obj(after))
        }
        let plan = Plan.renderTest(changes: [
            change("small", attributes: 2), change("huge", attributes: 60), change("medium", attributes: 10),
        ])
        let full = PlanRenderer.markdown(plan, maxCharacters: 1_000_000)
        let budget = full.utf16.count - 100
        let markdown = PlanRenderer.markdown(plan, maxCharacters: budget)
        #expect(markdown.utf16.count <= budget)
        #expect(markdown.contains("diff omitted to fit the size budget: 63 lines"))
        #expect(!markdown.contains("attribute_59"))
        #expect(markdown.contains("attribute_9"))
        #expect(MarkdownSamples.diffBlocks(markdown).count == 2)
        for name in ["small", "huge", "medium"] {
            #expect(markdown.contains("<code>pcplan_data.\(name)</code> (create)"))
        }
    }

    @Test("a budget smaller than the addresses is exceeded, and says so first")
    func overBudget() {
        let plan = MarkdownSamples.bigPlan(50)
        let markdown = PlanRenderer.markdown(plan, maxCharacters: 300)
        #expect(markdown.hasPrefix("> [!NOTE]\n"))
        for index in 0..<50 {
            #expect(markdown.contains("pcplan_data.n[\(index)]"))
        }
    }

    @Test("sensitive values never appear; unknown ones read (known after apply)")
    func marks() {
        let plan = RenderShowcase.everything
        for text in [PlanRenderer.markdown(plan), PlanRenderer.terminal(plan, color: false)] {
            for secret in ["hunter2", "p4ss", "s3cret", "AWSCURRENT\" ->"] {
                #expect(!text.contains(secret), "\(secret) leaked")
            }
            #expect(text.contains("(sensitive value)"))
            #expect(text.contains("(known after apply)"))
        }
    }

    @Test("addresses cannot break the markdown")
    func escaping() {
        let plan = Plan.renderTest(changes: [
            .renderTest(
                "module.m[\"a<b>`|\"].pcplan_data.x", .create, after: RV.obj(["input": RV.s("```")]),
                module: "module.m[\"a<b>`|\"]")
        ])
        let markdown = PlanRenderer.markdown(plan)
        #expect(markdown.contains("<code>module.m[&quot;a&lt;b&gt;`|&quot;].pcplan_data.x</code>"))
        #expect(markdown.contains("| ``module.m[\"a<b>`\\|\"]`` |"))
        #expect(markdown.contains("````diff"))
    }
}
