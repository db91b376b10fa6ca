import PCDiagnostics
import PCLang
import PCPlan
import Testing

@Suite("Planner")
struct PlannerTests {
    static let data = #"{"id":"id-1","input":"one","output":"one","triggers_replace":null}"#

    @Test("an empty state plans a create per instance, count and for_each expanded")
    func createsEverything() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "env" {
              default = "prod"
            }
            resource "pcplan_data" "base" {
              input = "base-${var.env}"
            }
            resource "pcplan_data" "each" {
              for_each = { b = 2, a = 1 }
              input    = "${each.key}=${each.value}"
            }
            resource "pcplan_data" "counted" {
              count = 2
              input = count.index * 10
            }
            output "name" {
              value = pcplan_data.base.input
            }
            """])
        let (plan, diagnostics) = try fixture.plan(variables: ["env": "dev"])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        #expect(result.actionLines == [
            "pcplan_data.base create",
            "pcplan_data.counted[0] create",
            "pcplan_data.counted[1] create",
            "pcplan_data.each[\"a\"] create",
            "pcplan_data.each[\"b\"] create",
        ])
        #expect(result.change("pcplan_data.base")?.after.attributes?["input"] == .string("base-dev"))
        #expect(result.change("pcplan_data.each[\"b\"]")?.after.attributes?["input"] == .string("b=2"))
        #expect(result.change("pcplan_data.counted[1]")?.after.attributes?["input"] == .number(10))
        #expect(result.change("pcplan_data.base")?.after.attributes?["id"]?.isKnown == false)
        #expect(result.outputChanges.first?.after == .string("base-dev"))
        #expect(result.summary.add == 5)
    }

    @Test("an unchanged object is a no-op, a changed input an update, changed triggers a replacement")
    func comparesWithState() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "same" {
              input = "one"
            }
            resource "pcplan_data" "changed" {
              input = "two"
            }
            resource "pcplan_data" "replaced" {
              input            = "one"
              triggers_replace = "v2"
            }
            """])
        try fixture.record([
            ("pcplan_data.same", "pcplan_data", Self.data),
            ("pcplan_data.changed", "pcplan_data", Self.data),
            ("pcplan_data.replaced", "pcplan_data", Self.data),
            ("pcplan_data.gone", "pcplan_data", Self.data),
        ])
        let result = try #require(try fixture.plan().plan)
        #expect(result.actionLines == [
            "pcplan_data.changed update",
            "pcplan_data.gone delete",
            "pcplan_data.replaced delete-create",
            "pcplan_data.same no-op",
        ])
        let replaced = try #require(result.change("pcplan_data.replaced"))
        #expect(replaced.replacePaths == [ValuePath([.attribute("triggers_replace")])])
        #expect(replaced.reason == .replaceBecauseCannotUpdate)
        #expect(result.change("pcplan_data.gone")?.reason == .deleteBecauseNoResourceConfig)
        #expect(result.change("pcplan_data.changed")?.after.attributes?["id"] == .string("id-1"))
        #expect(result.summary == {
            var summary = PlanSummary(Plan(pcplanVersion: "", stateLineage: nil, stateSerial: 0, configurationDigest: "", timestamp: ""))
            summary.add = 1
            summary.change = 1
            summary.destroy = 2
            return summary
        }())
    }

    @Test("a smaller count deletes the instances beyond it, with the reason")
    func countShrinks() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "n" {
              count = 1
              input = "one"
            }
            """])
        try fixture.record([
            ("pcplan_data.n[0]", "pcplan_data", Self.data),
            ("pcplan_data.n[1]", "pcplan_data", Self.data),
        ])
        let result = try #require(try fixture.plan().plan)
        #expect(result.actionLines == ["pcplan_data.n[0] no-op", "pcplan_data.n[1] delete"])
        #expect(result.change("pcplan_data.n[1]")?.reason == .deleteBecauseCountIndex)
    }

    @Test("a moved block renames the recorded object, so nothing changes")
    func movedBlock() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "new" {
              input = "one"
            }
            moved {
              from = pcplan_data.old
              to   = pcplan_data.new
            }
            """])
        try fixture.record([("pcplan_data.old", "pcplan_data", Self.data)])
        let result = try #require(try fixture.plan().plan)
        #expect(result.actionLines == ["pcplan_data.new no-op"])
        #expect(result.change("pcplan_data.new")?.previousAddress == "pcplan_data.old")
    }

    @Test("-replace, -target and -destroy")
    func planModes() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "one"
            }
            resource "pcplan_data" "b" {
              input = pcplan_data.a.output
            }
            resource "pcplan_data" "c" {
              input = "c"
            }
            """])
        try fixture.record([("pcplan_data.a", "pcplan_data", Self.data)])
        let replaced = try #require(try fixture.plan(replace: ["pcplan_data.a"]).plan)
        #expect(replaced.change("pcplan_data.a")?.action == .deleteThenCreate)
        #expect(replaced.change("pcplan_data.a")?.reason == .replaceByRequest)
        let targeted = try #require(try fixture.plan(targets: ["pcplan_data.b"]).plan)
        #expect(targeted.actionLines == ["pcplan_data.a no-op", "pcplan_data.b create"])
        #expect(targeted.change("pcplan_data.b")?.dependencies == ["pcplan_data.a"])
        #expect(replaced.change("pcplan_data.b")?.unknownReasons["input"] == "depends on pcplan_data.a.output, known only after apply")
        let markdown = PlanRenderer.markdown(replaced)
        #expect(markdown.contains("- `input` depends on pcplan_data.a.output, known only after apply"))
        let destroy = try #require(try fixture.plan(mode: .destroy).plan)
        #expect(destroy.actionLines == ["pcplan_data.a delete"])
        #expect(destroy.change("pcplan_data.a")?.reason == .deleteBecauseDestroyMode)
    }

    @Test("modules with for_each expand, with inputs and outputs")
    func modules() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                module "svc" {
                  source   = "./modules/svc"
                  for_each = { web = 80, api = 8080 }
                  name     = each.key
                  port     = each.value
                }
                output "ports" {
                  value = { for k, m in module.svc : k => m.port }
                }
                """,
            "modules/svc/main.pcl": """
                variable "name" {
                  type = string
                }
                variable "port" {
                  type = number
                }
                resource "pcplan_data" "this" {
                  input = "${var.name}:${var.port}"
                }
                output "port" {
                  value = var.port
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        #expect(result.actionLines == [
            "module.svc[\"api\"].pcplan_data.this create",
            "module.svc[\"web\"].pcplan_data.this create",
        ])
        #expect(result.change("module.svc[\"web\"].pcplan_data.this")?.after.attributes?["input"] == .string("web:80"))
        #expect(result.change("module.svc[\"api\"].pcplan_data.this")?.moduleAddress == "module.svc[\"api\"]")
        #expect(result.outputChanges.first?.after == .object(["api": .number(8080), "web": .number(80)]))
    }

    @Test("a cycle is reported as the chain of references with each one's place")
    func cycle() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            locals {
              a = local.b
              b = "${local.a}-x"
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let cycle = try #require(diagnostics.first { $0.code == .dependencyCycle })
        #expect(cycle.summary == "Cycle: local.a → local.b → local.a")
        #expect(cycle.detail.contains("local.a refers to local.b at main.pcl:2,7"))
        #expect(cycle.detail.contains("local.b refers to local.a at main.pcl:3,10"))
    }

    @Test("undeclared references suggest the closest name, unknown counts explain the way out")
    func referenceErrors() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "environment" {
              default = "x"
            }
            resource "pcplan_data" "x" {
              input = var.enviroment
            }
            resource "pcplan_data" "y" {
              count = pcplan_data.x.output
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let undeclared = try #require(diagnostics.first { $0.code == .undeclaredReference })
        #expect(undeclared.detail.contains("Did you mean \"environment\"?"))
        #expect(undeclared.location.map { $0.file.position(at: $0.range.start).line } == 5)
    }

    @Test("count depending on an unknown value is an error with the way out")
    func unknownCount() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "x" {
              input = "a"
            }
            resource "pcplan_data" "y" {
              count = pcplan_data.x.output
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let count = try #require(diagnostics.first { $0.code == .invalidCountArgument })
        #expect(count.detail.contains("-target"))
    }

    @Test("a missing required variable and an unsupported argument are diagnostics")
    func missingAndUnsupported() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "region" {}
            resource "pcplan_data" "x" {
              inptu = var.region
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        #expect(diagnostics.contains { $0.code == .missingVariableValue && $0.detail.contains("PCPLAN_VAR_region") })
        #expect(diagnostics.contains { $0.code == .unsupportedArgument && $0.detail.contains("Did you mean \"input\"?") })
    }

    @Test("a module argument that is not one of its variables is an error with a suggestion")
    func undeclaredModuleInput() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                module "m" {
                  source = "./child"
                  nmae   = "x"
                }
                """,
            "child/main.pcl": """
                variable "name" {
                  default = "d"
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let error = try #require(diagnostics.first { $0.code == .unsupportedArgument })
        #expect(error.detail.contains("has no input variable named \"nmae\""))
        #expect(error.detail.contains("Did you mean \"name\"?"))
        #expect(error.location.map { $0.file.position(at: $0.range.start).line } == 3)
    }

    @Test("resources in a module wait for the module's depends_on")
    func moduleDependsOn() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                resource "pcplan_data" "first" {
                  input = "x"
                }
                module "m" {
                  source     = "./child"
                  depends_on = [pcplan_data.first]
                }
                """,
            "child/main.pcl": """
                resource "pcplan_data" "inner" {
                  input = "y"
                }
                """,
        ])
        let result = try #require(try fixture.plan().plan)
        #expect(result.change("module.m.pcplan_data.inner")?.dependencies == ["pcplan_data.first"])
    }

    @Test("an object recorded under an older schema is read: extra attributes dropped, new ones null")
    func schemaEvolution() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "one"
            }
            """])
        try fixture.record([("pcplan_data.a", "pcplan_data", #"{"id":"id-1","input":"one","output":"one","retired":true}"#)])
        let (plan, diagnostics) = try fixture.plan()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        #expect(plan?.actionLines == ["pcplan_data.a no-op"])
    }
}
