import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import PCState
import Testing

/// Conditions the plan could not decide, decided while applying: a
/// precondition just before its change (so nothing is made), a
/// postcondition against the object the provider returned (which stays
/// recorded), an output's precondition when the outputs are evaluated.
@Suite("Preconditions and postconditions when applying")
struct ConditionApplyTests {
    struct Applied {
        var plan: Plan
        var outcomes: [String: Result<ChangeApplication.Outcome, Diagnostic>]
        var evaluator: ApplyEvaluator
        var state: StateSnapshot
    }

    /// Plans `source` (which must plan cleanly), then applies the changes
    /// in dependency order as the applier would, skipping those whose
    /// dependencies failed.
    func apply(_ fixture: PlannerFixture, variables: [String: String] = [:]) throws -> Applied {
        let (module, _) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        let backend = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test")
        let snapshot = try backend.snapshot()
        let registry = ProviderRegistry(BuiltinProvider.all(workingDirectory: fixture.directory) + [TestProvider()])
        let planner = Planner(
            configuration: module, state: snapshot, providers: registry,
            options: PlanOptions(
                refresh: false, variables: variables.mapValues { .text($0, source: "<test>") },
                timestamp: "2026-11-23T00:00:00Z", pcplanVersion: "test"))
        let (plan, diagnostics) = planner.plan()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        let evaluator = ApplyEvaluator(planner: planner)
        let application = ChangeApplication(
            providers: registry, evaluator: evaluator, state: backend,
            prior: Dictionary(uniqueKeysWithValues: snapshot.resources.map { ($0.address, $0) }))
        var outcomes: [String: Result<ChangeApplication.Outcome, Diagnostic>] = [:]
        var pending = result.resourceChanges.filter { $0.action != .noop }
        while let index = pending.firstIndex(where: { change in
            change.dependencies.allSatisfy { dependency in !pending.contains { $0.address == dependency } }
        }) {
            let change = pending.remove(at: index)
            let failedDependency = change.dependencies.contains { if case .failure? = outcomes[$0] { true } else { false } }
            if failedDependency { continue }
            outcomes[change.address] = application.apply(change)
        }
        return Applied(plan: result, outcomes: outcomes, evaluator: evaluator, state: try backend.snapshot())
    }

    private func failure(_ outcome: Result<ChangeApplication.Outcome, Diagnostic>?) -> Diagnostic? {
        if case .failure(let diagnostic)? = outcome { return diagnostic }
        return nil
    }

    @Test("a precondition unknown at plan time and false at apply stops the change before anything is made")
    func preconditionAtApply() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "alpha"
            }
            resource "pcplan_data" "b" {
              input = "beta"
              lifecycle {
                precondition {
                  condition     = pcplan_data.a.output == "gamma"
                  error_message = "a's output is ${pcplan_data.a.output}"
                }
              }
            }
            resource "pcplan_data" "c" {
              input = pcplan_data.b.id
            }
            """])
        let applied = try apply(fixture)
        let problem = try #require(failure(applied.outcomes["pcplan_data.b"]))
        #expect(problem.code == .preconditionFailed)
        #expect(problem.summary == "pcplan_data.b: Resource precondition failed")
        #expect(problem.detail == "a's output is alpha\n\nThis was checked by the condition at main.pcl:8, for pcplan_data.b.")
        #expect(problem.file.map { String($0.text(in: problem.subject!)) } == "pcplan_data.a.output == \"gamma\"")
        #expect(applied.state.resources.map(\.address) == ["pcplan_data.a"], "b was made although its precondition failed")
        #expect(applied.outcomes["pcplan_data.c"] == nil, "c ran although what it depends on failed")
    }

    @Test("a precondition that holds at apply lets the change through")
    func preconditionHoldsAtApply() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "alpha"
            }
            resource "pcplan_data" "b" {
              count = 2
              input = "beta"
              lifecycle {
                precondition {
                  condition     = pcplan_data.a.output == "alpha"
                  error_message = "a's output is ${pcplan_data.a.output}"
                }
                postcondition {
                  condition     = self.output == "beta" && self.id != ""
                  error_message = "b's output is ${self.output}"
                }
              }
            }
            """])
        let applied = try apply(fixture)
        #expect(applied.outcomes.values.allSatisfy { failure($0) == nil }, "\(applied.outcomes.values.compactMap { failure($0)?.detail })")
        #expect(applied.state.resources.map(\.address) == ["pcplan_data.a", "pcplan_data.b[0]", "pcplan_data.b[1]"])
    }

    @Test("a postcondition false after apply fails the action, and the object stays recorded")
    func postconditionAfterApply() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "c" {
              input = "c"
              lifecycle {
                postcondition {
                  condition     = self.id == "nope"
                  error_message = "c's id is ${self.id}"
                }
              }
            }
            resource "pcplan_data" "d" {
              input = pcplan_data.c.output
            }
            """])
        let applied = try apply(fixture)
        let problem = try #require(failure(applied.outcomes["pcplan_data.c"]))
        #expect(problem.code == .postconditionFailed)
        let recorded = try #require(applied.state.resources.first { $0.address == "pcplan_data.c" })
        #expect(recorded.status == .ready)
        let id = try #require(try Value.fromJSON(recorded.attributesJSON).attributes?["id"]?.stringValue)
        #expect(problem.detail.hasPrefix("c's id is \(id)\n\nThis was checked by the condition at main.pcl:5"))
        #expect(applied.outcomes["pcplan_data.d"] == nil)
    }

    @Test("every failed condition of an action is counted in its one diagnostic")
    func severalFailures() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "c" {
              input = "c"
              lifecycle {
                postcondition {
                  condition     = self.id == "one"
                  error_message = "first"
                }
                postcondition {
                  condition     = self.id == "two"
                  error_message = "second"
                }
              }
            }
            """])
        let problem = try #require(failure(try apply(fixture).outcomes["pcplan_data.c"]))
        #expect(problem.detail.hasPrefix("first\n\n"))
        #expect(problem.detail.hasSuffix("1 more condition of pcplan_data.c failed too."))
    }

    @Test("a data source read during apply is checked before and after the read")
    func dataSourceAtApply() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "region"
            }
            data "test_lookup" "r" {
              key = pcplan_data.a.output
              lifecycle {
                postcondition {
                  condition     = self.value == "value-of-zone"
                  error_message = "read ${self.value}"
                }
              }
            }
            """])
        let applied = try apply(fixture)
        #expect(applied.plan.change("data.test_lookup.r")?.action == .read)
        let problem = try #require(failure(applied.outcomes["data.test_lookup.r"]))
        #expect(problem.code == .postconditionFailed)
        #expect(problem.detail.hasPrefix("read value-of-region\n\n"))
    }

    @Test("an output precondition false after apply is reported, and the output keeps its recorded value")
    func outputPreconditionAtApply() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "v" {
              default = "a"
            }
            resource "pcplan_data" "a" {
              input = var.v
            }
            output "p" {
              value = pcplan_data.a.output
              precondition {
                condition     = pcplan_data.a.output == "a"
                error_message = "output p is ${pcplan_data.a.output}"
              }
            }
            output "q" {
              value = "q"
            }
            """])
        let first = try apply(fixture)
        let (outputs, problems) = first.evaluator.checkedRootOutputs()
        #expect(problems.isEmpty, "\(problems.map(\.detail))")
        #expect(outputs.map { "\($0.name)=\($0.value.stringValue ?? "?")" } == ["p=a", "q=q"])
        try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test").commit(ChangeSet([
            .setOutput(OutputRecord(name: "p", valueJSON: "\"a\"", sensitive: false)),
        ]))

        let second = try apply(fixture, variables: ["v": "b"])
        let (after, found) = second.evaluator.checkedRootOutputs()
        #expect(found.map(\.code) == [.outputPreconditionFailed])
        #expect(found.first?.detail.hasPrefix("output p is b\n\n") == true)
        #expect(after.map { "\($0.name)=\($0.value.stringValue ?? "?")" } == ["p=a", "q=q"], "the failed output keeps what was recorded")
    }
}
