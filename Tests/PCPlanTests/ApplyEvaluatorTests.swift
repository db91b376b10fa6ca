import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import Testing

@Suite("Evaluating again during apply")
struct ApplyEvaluatorTests {
    /// Applies a plan's creates one by one in dependency order through the
    /// built-in providers, evaluating each configuration again first: what
    /// the applier will do, without threads.
    @Test("values unknown at plan time are known when their dependencies have been applied")
    func sequentialApply() throws {
        let fixture = try PlannerFixture(files: [
            "main.pcl": """
                resource "pcplan_data" "a" {
                  input = "alpha"
                }
                locals {
                  derived = "${pcplan_data.a.output}-local"
                }
                resource "pcplan_data" "b" {
                  count = 2
                  input = "${local.derived}-${count.index}"
                }
                module "m" {
                  source = "./m"
                  value  = pcplan_data.b[1].output
                }
                resource "pcplan_data" "c" {
                  input = module.m.echo
                }
                """,
            "m/main.pcl": """
                variable "value" {}
                output "echo" {
                  value = upper(var.value)
                }
                """,
        ])
        let (module, _) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        let registry = ProviderRegistry(BuiltinProvider.all)
        let planner = Planner(
            configuration: module, state: nil, providers: registry,
            options: PlanOptions(refresh: false, timestamp: "2026-11-23T00:00:00Z", pcplanVersion: "test"))
        let (plan, diagnostics) = planner.plan()
        #expect(!diagnostics.hasErrors)
        let result = try #require(plan)
        #expect(result.change("pcplan_data.c")?.after.attributes?["input"]?.isKnown == false)

        let evaluator = ApplyEvaluator(planner: planner)
        let provider = try registry.provider(named: "pcplan")!.configured(with: .null)
        var applied: Set<String> = []
        var results: [String: Value] = [:]
        while applied.count < result.resourceChanges.count {
            let ready = result.resourceChanges.filter { change in
                !applied.contains(change.address) && change.dependencies.allSatisfy(applied.contains)
            }
            #expect(!ready.isEmpty)
            for change in ready {
                let (configuration, problems) = evaluator.configuration(for: change.address)
                #expect(!problems.hasErrors, "\(problems.map(\.detail))")
                let config = try #require(configuration)
                #expect(config.isWhollyKnown, "\(change.address)")
                let planned = try provider.planChange(PlanChangeRequest(type: change.type, prior: .null, proposed: config, configuration: config))
                let created = try provider.applyChange(ApplyChangeRequest(type: change.type, prior: .null, planned: planned.planned, configuration: config))
                evaluator.record(created, for: change.address)
                results[change.address] = created
                applied.insert(change.address)
            }
        }
        #expect(results["pcplan_data.b[1]"]?.attributes?["output"] == .string("alpha-local-1"))
        #expect(results["pcplan_data.c"]?.attributes?["output"] == .string("ALPHA-LOCAL-1"))
    }
}
