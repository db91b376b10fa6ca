import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import Testing

@Suite("Planner against provider schemas")
struct PlannerSchemaTests {
    static let providers: [any Provider] = BuiltinProvider.all + [TestProvider()]

    @Test("dynamic blocks expand, data sources are read while planning, sensitive attributes are marked")
    func dynamicDataAndSensitive() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "ports" {
              type    = list(number)
              default = [80, 443]
            }
            data "test_lookup" "k" {
              key = "db"
            }
            resource "test_group" "g" {
              name     = data.test_lookup.k.value
              password = "hunter2"
              dynamic "rule" {
                for_each = var.ports
                iterator = p
                content {
                  port = p.value
                  cidr = "10.0.${p.key}.0/24"
                }
              }
              rule {
                port = 22
              }
            }
            """])
        let (plan, diagnostics) = try fixture.plan(providers: Self.providers)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        #expect(result.actionLines == ["data.test_lookup.k no-op", "test_group.g create"])
        let after = try #require(result.change("test_group.g")?.after.attributes)
        #expect(after["name"] == .string("value-of-db"))
        #expect(after["password"]?.isSensitive == true)
        let rules = try #require(after["rule"]?.elements)
        #expect(rules.count == 3)
        #expect(rules[0].attributes?["port"] == .number(80))
        #expect(rules[1].attributes?["cidr"] == .string("10.0.1.0/24"))
        #expect(rules[2].attributes?["port"] == .number(22))
        #expect(after["id"]?.isKnown == false)
        #expect(result.change("test_group.g")?.unknownReasons["id"] == "computed by the provider")
    }

    @Test("a data source that depends on a pending change is read during apply")
    func deferredRead() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "k"
            }
            data "test_lookup" "k" {
              key = pcplan_data.a.output
            }
            """])
        let result = try #require(try fixture.plan(providers: Self.providers).plan)
        let read = try #require(result.change("data.test_lookup.k"))
        #expect(read.action == .read)
        #expect(read.reason == .readBecauseConfigUnknown)
    }

    @Test("wrong types, missing arguments and unknown block types point at the source")
    func schemaErrors() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "test_group" "g" {
              tags = "not a map"
              rule {
                cidr = "x"
              }
              rules {
              }
            }
            """])
        let (plan, diagnostics) = try fixture.plan(providers: Self.providers)
        #expect(plan == nil)
        let lines = diagnostics.compactMap { diagnostic in
            diagnostic.location.map { "\($0.file.position(at: $0.range.start).line) \(diagnostic.summary)" }
        }
        #expect(lines.contains("1 Missing required argument"))
        #expect(lines.contains("2 Incorrect attribute value type"))
        #expect(lines.contains("3 Missing required argument"))
        #expect(lines.contains("6 Unsupported block type"))
        #expect(diagnostics.contains { $0.detail.contains("Did you mean \"rule\"?") })
    }

    @Test("create_before_destroy, prevent_destroy and ignore_changes")
    func lifecycle() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "test_group" "cbd" {
              name = "new"
              lifecycle {
                create_before_destroy = true
              }
            }
            resource "test_group" "kept" {
              name = "new"
              lifecycle {
                prevent_destroy = true
              }
            }
            resource "test_group" "ignored" {
              name = "same"
              tags = { env = "changed" }
              lifecycle {
                ignore_changes = [tags]
              }
            }
            """])
        let recorded = #"{"id":"1","name":"old","password":null,"tags":null,"policy":null,"rule":[]}"#
        try fixture.record([
            ("test_group.cbd", "test_group", recorded),
            ("test_group.kept", "test_group", recorded),
            ("test_group.ignored", "test_group", #"{"id":"1","name":"same","password":null,"tags":{"env":"prod"},"policy":null,"rule":[]}"#),
        ])
        let (plan, diagnostics) = try fixture.plan(providers: Self.providers)
        #expect(plan == nil)
        #expect(diagnostics.contains { $0.code == .preventDestroy && $0.detail.contains("test_group.kept") })
        let fixed = try PlannerFixture(files: ["main.pcl": """
            resource "test_group" "cbd" {
              name = "new"
              lifecycle {
                create_before_destroy = true
              }
            }
            resource "test_group" "ignored" {
              name = "same"
              tags = { env = "changed" }
              lifecycle {
                ignore_changes = [tags]
              }
            }
            """])
        try fixed.record([
            ("test_group.cbd", "test_group", recorded),
            ("test_group.ignored", "test_group", #"{"id":"1","name":"same","password":null,"tags":{"env":"prod"},"policy":null,"rule":[]}"#),
        ])
        let result = try #require(try fixed.plan(providers: Self.providers).plan)
        #expect(result.actionLines == ["test_group.cbd create-delete", "test_group.ignored no-op"])
        #expect(result.change("test_group.cbd")?.replacePaths == [ValuePath([.attribute("name")])])
    }
}
