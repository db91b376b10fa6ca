import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import Testing

/// How a child module's values are wired to its caller, as Terraform wires
/// them: each input depends on its own argument only, `depends_on` naming a
/// module waits for everything in it, validation rules see the variables
/// they name, and a conditional only reports the branch it takes.
@Suite struct ModuleWiringTests {
    private func providers(_ fixture: PlannerFixture) -> [any Provider] {
        BuiltinProvider.all(workingDirectory: fixture.directory) + [TestProvider()]
    }

    @Test("a data source in a module reads at plan time when the input it uses is known, whatever the other inputs name")
    func inputsDependOnTheirOwnArgument() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                resource "pcplan_data" "pending" {
                  input = "made during apply"
                }
                module "child" {
                  source  = "./child"
                  key     = "region"
                  pending = pcplan_data.pending.input
                }
                output "looked_up" {
                  value = module.child.value
                }
                """,
            "child/main.pcl": """
                variable "key" {}
                variable "pending" {}
                data "test_lookup" "this" {
                  key = var.key
                }
                output "value" {
                  value = data.test_lookup.this.value
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan(providers: providers(fixture))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        let read = try #require(result.change("module.child.data.test_lookup.this"))
        #expect(read.action == .noop, "the data source was deferred: \(read.reason.map { "\($0)" } ?? "")")
        #expect(read.after.attributes?["value"]?.stringValue == "value-of-region")
    }

    @Test("a data source in a module waits when the input it uses names a resource with changes pending")
    func inputNamingAPendingResourceDefers() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                resource "pcplan_data" "pending" {
                  input = "known"
                }
                module "child" {
                  source = "./child"
                  key    = pcplan_data.pending.input
                }
                """,
            "child/main.pcl": """
                variable "key" {}
                data "test_lookup" "this" {
                  key = var.key
                }
                """,
        ])
        let result = try #require(try fixture.plan(providers: providers(fixture)).plan)
        #expect(result.change("module.child.data.test_lookup.this")?.action == .read)
    }

    @Test("depends_on naming a module waits for every resource in it, nested modules included")
    func dependsOnAModuleWaitsForItsResources() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                module "db" {
                  source = "./db"
                }
                resource "pcplan_data" "after" {
                  input      = "x"
                  depends_on = [module.db]
                }
                """,
            "db/main.pcl": """
                resource "pcplan_data" "table" {
                  input = "t"
                }
                module "index" {
                  source = "./index"
                }
                """,
            "db/index/main.pcl": """
                resource "pcplan_data" "entry" {
                  input = "e"
                }
                """,
        ])
        let result = try #require(try fixture.plan().plan)
        let after = try #require(result.change("pcplan_data.after"))
        #expect(Set(after.dependencies) == ["module.db.pcplan_data.table", "module.db.module.index.pcplan_data.entry"])
    }

    @Test("a validation rule sees the other variables it names, whatever their order",
          arguments: [("a_first", "z_last"), ("z_first", "a_last")])
    func crossVariableValidation(checked: String, other: String) throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                variable "\(other)" {
                  type    = number
                  default = 5
                }
                variable "\(checked)" {
                  type    = number
                  default = 9
                  validation {
                    condition     = var.\(checked) <= var.\(other)
                    error_message = "\(checked) must not exceed \(other)."
                  }
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let error = try #require(diagnostics.first { $0.code == .invalidVariableValue })
        #expect(error.detail.hasPrefix("\(checked) must not exceed \(other)."))
    }

    @Test("a conditional reports errors of the branch it takes only")
    func conditionalBranchErrors() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                variable "enabled" {
                  type    = bool
                  default = false
                }
                variable "text" {
                  type    = string
                  default = null
                }
                resource "pcplan_data" "maybe" {
                  count = var.enabled ? 1 : 0
                  input = "x"
                }
                output "id" {
                  value = var.enabled ? pcplan_data.maybe[0].input : "none"
                }
                output "trimmed" {
                  value = var.text == null ? "" : trimspace(var.text)
                }
                output "taken" {
                  value = var.enabled ? "fine" : pcplan_data.maybe[0].input
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        let errors = diagnostics.filter(\.isError)
        #expect(errors.count == 1, "\(errors.map(\.detail))")
        let line = errors.first?.location.map { $0.file.position(at: $0.range.start).line }
        #expect(line == 20, "the error belongs to output \"taken\"")
    }

    @Test("a provider that cannot be configured is the one error, not the counts its unread data sources leave unknown")
    func unconfigurableProviderIsTheOnlyError() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                provider "broken" {}
                data "broken_lookup" "zones" {
                  key = "zones"
                }
                resource "pcplan_data" "per_zone" {
                  count = length(data.broken_lookup.zones.value)
                  input = count.index
                }
                resource "pcplan_data" "by_zone" {
                  for_each = toset([data.broken_lookup.zones.value])
                  input    = each.key
                }
                """,
        ])
        let (plan, diagnostics) = try fixture.plan(
            providers: BuiltinProvider.all(workingDirectory: fixture.directory) + [UnconfigurableProvider()])
        #expect(plan == nil)
        let errors = diagnostics.filter(\.isError)
        #expect(errors.map(\.code) == [.providerError], "\(errors.map(\.detail))")
    }
}

/// A provider whose every configuration is refused, as the AWS provider
/// refuses one without credentials.
private struct UnconfigurableProvider: Provider {
    let name = "broken"
    let source = "pcplan/broken"
    var resourceSchemas: [String: ResourceSchema] { [:] }
    var dataSourceSchemas: [String: ResourceSchema] { ["broken_lookup": TestProvider.lookup] }
    var configurationSchema: ResourceSchema { ResourceSchema(attributes: [:]) }

    func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider {
        throw ProviderError("No credentials found")
    }
}
