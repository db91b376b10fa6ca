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
    func applyAll(
        _ fixture: PlannerFixture, extraProviders: [any Provider] = []
    ) throws -> (Plan, [String: Result<ChangeApplication.Outcome, Diagnostic>]) {
        let (module, _) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        let backend = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test")
        let snapshot = try backend.snapshot()
        let registry = ProviderRegistry(BuiltinProvider.all(workingDirectory: fixture.directory) + extraProviders)
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

    @Test("an object created but failing a later step is recorded as tainted, and the next plan replaces it")
    func taintedAfterLaterStepFails() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "test_flaky" "a" {
              name = "alpha"
              fail = true
            }
            resource "pcplan_data" "after" {
              input = test_flaky.a.id
            }
            """])
        let (_, outcomes) = try applyAll(fixture, extraProviders: [TestProvider()])
        guard case .failure(let error) = try #require(outcomes["test_flaky.a"]) else {
            Issue.record("the failing create succeeded")
            return
        }
        #expect(error.summary.contains("test_flaky.a: Timed out waiting"))
        #expect(error.detail.contains("recorded as tainted"))
        let snapshot = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test").snapshot()
        let record = try #require(snapshot.resources.first { $0.address == "test_flaky.a" })
        #expect(record.status == .tainted)
        #expect(record.attributesJSON.contains("flaky-alpha"))
        #expect(snapshot.pendingIntents.isEmpty)
        let (plan, diagnostics) = try fixture.plan(providers: BuiltinProvider.all(workingDirectory: fixture.directory) + [TestProvider()])
        #expect(!diagnostics.hasErrors)
        let change = try #require(plan?.resourceChanges.first { $0.address == "test_flaky.a" })
        #expect(change.action.isReplace)
        #expect(change.reason == .replaceBecauseTainted)
    }

    @Test("a create the provider refused leaves no intent behind when the provider finds nothing was made")
    func refusedCreateClearsItsIntent() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "test_flaky" "a" {
              name   = "alpha"
              refuse = true
            }
            """])
        let (_, outcomes) = try applyAll(fixture, extraProviders: [TestProvider()])
        guard case .failure(let error) = try #require(outcomes["test_flaky.a"]) else {
            Issue.record("the refused create succeeded")
            return
        }
        #expect(error.summary.contains("Refused"))
        let snapshot = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test").snapshot()
        #expect(snapshot.resources.isEmpty)
        #expect(snapshot.pendingIntents.isEmpty)
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

    @Test("intents left by a run that died: found objects are adopted, missing ones created again, doubtful ones warned about")
    func leftoverIntents() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "alpha"
            }
            resource "local_file" "made" {
              filename = "${path.module}/made.txt"
              content  = "made"
            }
            resource "local_file" "other" {
              filename = "${path.module}/other.txt"
              content  = "wanted"
            }
            """])
        try "made".write(toFile: fixture.directory + "/made.txt", atomically: true, encoding: .utf8)
        try "someone else's".write(toFile: fixture.directory + "/other.txt", atomically: true, encoding: .utf8)
        let backend = try SQLiteStateBackend(path: fixture.statePath, pcplanVersion: "test")
        for (address, type, request) in [
            ("pcplan_data.a", "pcplan_data", #"{"input":"alpha"}"#),
            ("local_file.made", "local_file", #"{"filename":"./made.txt","content":"made"}"#),
            ("local_file.other", "local_file", #"{"filename":"./other.txt","content":"wanted"}"#),
        ] {
            try backend.recordIntent(ApplyIntent(
                address: address, action: .create, provider: "provider[\"pcplan/x\"]", type: type,
                requestJSON: request, runID: "run-1"))
        }
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan?.actionLines == ["local_file.made no-op", "local_file.other create", "pcplan_data.a create"])
        #expect(diagnostics.contains { $0.summary == "Adopted local_file.made" })
        let doubtful = try #require(diagnostics.first { $0.summary == "local_file.other may exist unrecorded" })
        #expect(doubtful.detail.contains("pcplan import local_file.other"))
        #expect(!diagnostics.contains { $0.summary.contains("pcplan_data.a") })
    }
}
