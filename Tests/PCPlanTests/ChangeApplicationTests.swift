import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import PCState
import Testing

@Suite("Applying planned changes one at a time")
struct ChangeApplicationTests {
    /// Plans, then applies every change in dependency order through
    /// `ChangeApplication`, as the applier's workers will.
    func applyAll(_ fixture: PlannerFixture) throws -> (Plan, [String: Result<ChangeApplication.Outcome, Diagnostic>]) {
        let (module, _) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        let backend = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test")
        let snapshot = try backend.snapshot()
        let registry = ProviderRegistry(BuiltinProvider.all(workingDirectory: fixture.directory))
        let planner = Planner(
            configuration: module, state: snapshot, providers: registry,
            options: PlanOptions(refresh: false, timestamp: "2026-11-23T00:00:00Z", pcplanVersion: "test"))
        let (plan, diagnostics) = planner.plan()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        let application = ChangeApplication(
            providers: registry, evaluator: ApplyEvaluator(planner: planner), state: backend,
            prior: Dictionary(uniqueKeysWithValues: snapshot.resources.map { ($0.address, $0) }))
        var outcomes: [String: Result<ChangeApplication.Outcome, Diagnostic>] = [:]
        var done: Set<String> = []
        let deletes = result.resourceChanges.filter { $0.action == .delete }
        for change in deletes {
            outcomes[change.address] = application.apply(change)
            done.insert(change.address)
        }
        while done.count < result.resourceChanges.count {
            let ready = result.resourceChanges.filter { !done.contains($0.address) && $0.dependencies.allSatisfy(done.contains) }
            #expect(!ready.isEmpty)
            if ready.isEmpty { break }
            for change in ready {
                outcomes[change.address] = application.apply(change)
                done.insert(change.address)
            }
        }
        return (result, outcomes)
    }

    @Test("an apply records every object, and planning again proposes nothing")
    func converges() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "secret" {
              default   = "hunter2"
              sensitive = true
            }
            resource "pcplan_data" "a" {
              input = "alpha"
            }
            resource "pcplan_data" "b" {
              for_each = { x = 1, y = 2 }
              input    = "${pcplan_data.a.output}-${each.key}"
            }
            resource "pcplan_data" "s" {
              input = var.secret
            }
            resource "local_file" "f" {
              filename = "${path.module}/out/b.txt"
              content  = pcplan_data.b["y"].output
            }
            """])
        let (_, outcomes) = try applyAll(fixture)
        for (address, outcome) in outcomes {
            if case .failure(let error) = outcome { Issue.record("\(address): \(error.summary) \(error.detail)") }
        }
        let written = try String(contentsOfFile: fixture.directory + "/out/b.txt", encoding: .utf8)
        #expect(written == "alpha-y")
        let snapshot = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test").snapshot()
        #expect(snapshot.resources.map(\.address) == ["local_file.f", "pcplan_data.a", "pcplan_data.b[\"x\"]", "pcplan_data.b[\"y\"]", "pcplan_data.s"])
        #expect(snapshot.resources.first { $0.address == "pcplan_data.s" }?.sensitivePathsJSON.contains("input") == true)
        #expect(snapshot.resources.allSatisfy { $0.lastApplyDuration != nil })
        #expect(snapshot.pendingIntents.isEmpty)
        let again = try #require(try fixture.plan(refresh: true).plan)
        #expect(again.resourceChanges.allSatisfy { $0.action == .noop }, "\(again.actionLines)")
    }

    @Test("a removed resource is deleted and leaves the state")
    func deletes() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "local_file" "f" {
              filename = "${path.module}/gone.txt"
              content  = "x"
            }
            """])
        _ = try applyAll(fixture)
        #expect(FileManager.default.fileExists(atPath: fixture.directory + "/gone.txt"))
        try "".write(toFile: fixture.directory + "/main.pcl", atomically: true, encoding: .utf8)
        let (plan, outcomes) = try applyAll(fixture)
        #expect(plan.actionLines == ["local_file.f delete"])
        #expect(outcomes.values.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(!FileManager.default.fileExists(atPath: fixture.directory + "/gone.txt"))
        #expect(try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test").snapshot().resources.isEmpty)
    }

    @Test("an intent left by a run that died is a warning on the next plan")
    func leftoverIntent() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "alpha"
            }
            """])
        let backend = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test")
        try backend.recordIntent(ApplyIntent(
            address: "pcplan_data.a", action: .create, provider: "provider[\"pcplan/pcplan\"]", type: "pcplan_data",
            requestJSON: #"{"input":"alpha"}"#, runID: "run-1"))
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan?.actionLines == ["pcplan_data.a create"])
        let warning = try #require(diagnostics.first { $0.summary == "pcplan_data.a may exist unrecorded" })
        #expect(warning.severity == .warning)
        #expect(warning.detail.contains("pcplan import pcplan_data.a"))
    }
}
