import Foundation
import Testing

/// Inputs of the end-to-end runs: placeholder images (nothing pulls them on
/// moto) and install bundles unique enough to search every output for.
enum PrismaInputs {
    static let consoleImage = "registry-auth.twistlock.com/tw_0123abcd/twistlock/console:console_32_07_123"
    static let newConsoleImage = "registry-auth.twistlock.com/tw_0123abcd/twistlock/console:console_32_07_130"
    static let defenderImage = "registry-auth.twistlock.com/tw_0123abcd/twistlock/defender:defender_32_07_123"
}

/// The steps both Prisma Cloud modules go through in their end-to-end
/// tests, run with pcplan in process against moto: create everything,
/// plan again (nothing to do), plan a change, destroy. Every run's output
/// is kept, so the test can show it when something differs and search it
/// for the install bundle afterwards.
final class PrismaJourney {
    let workspace: ModuleWorkspace
    /// The example's directory inside the workspace.
    let directory: String
    /// The variable file every plan, apply and destroy reads.
    let variableFile: String
    /// What each run printed (and the files it wrote), by what it was.
    private(set) var transcripts: [(label: String, text: String)] = []

    /// The apply time budget of the issue (at -parallelism 10).
    static let applyBudget = 10.0

    init(_ workspace: ModuleWorkspace, directory: String, variables: String) throws {
        self.workspace = workspace
        self.directory = directory
        variableFile = workspace.path("e2e-\(UUID().uuidString.prefix(8)).pclvars")
        try Data(variables.utf8).write(to: URL(fileURLWithPath: variableFile))
    }

    /// Runs pcplan in the example's directory (or `directory`) and keeps its output.
    @discardableResult
    func run(_ label: String, _ arguments: [String], in directory: String? = nil) -> ModuleRun {
        let result = workspace.pcplan(arguments, in: directory ?? self.directory)
        transcripts.append((label, result.text))
        return result
    }

    /// Keeps a file pcplan wrote (a Markdown plan) with the transcripts.
    func keep(_ label: String, _ text: String) {
        transcripts.append((label, text))
    }

    var state: [String] { ["-state", workspace.state] }

    func plan(_ label: String, _ extra: [String] = [], in directory: String? = nil) -> ModuleRun {
        run(label, ["plan", "-no-color"] + state + ["-var-file=\(variableFile)"] + extra, in: directory)
    }

    /// `show -json PLANFILE`, read as the plan's changes.
    func changes(in planFile: String, _ label: String) throws -> JSONPlanChanges {
        let shown = run("show -json \(label)", ["show", "-json"] + state + [planFile])
        try #require(shown.status == 0, "show -json of the \(label) plan failed\n\(shown)")
        return try JSONPlanChanges(json: shown.output)
    }

    // MARK: The steps

    /// `plan -out` then `apply PLANFILE -parallelism=10` of the whole
    /// topology; returns the apply's wall time in seconds.
    func createEverything(expectedCount: Int) throws -> Double {
        let planFile = workspace.path("create.plan")
        let planned = plan("plan (create)", ["-out", planFile])
        try #require(planned.status == 0, "the first plan failed\n\(planned)")
        #expect(planned.output.contains("Plan: \(expectedCount) to add, 0 to change, 0 to destroy."), "\(planned)")
        let shown = try changes(in: planFile, "create")
        #expect(shown.changes.count == expectedCount && shown.changes.allSatisfy { $0.actions == ["create"] }, "\(shown.changes)")

        let applied = run("apply", ["apply", "-no-color", "-parallelism=10"] + state + [planFile])
        try #require(applied.status == 0, "apply failed\n\(applied)")
        #expect(applied.output.contains("Apply complete! Resources: \(expectedCount) added, 0 changed, 0 destroyed."), "\(applied)")
        print("[e2e] \(directory): apply of \(expectedCount) resources at -parallelism 10 took \(String(format: "%.3f", applied.seconds)) s")
        #expect(applied.seconds < Self.applyBudget, "the apply took \(applied.seconds) s, over the budget of \(Self.applyBudget) s\n\(applied)")
        return applied.seconds
    }

    /// A plan with `-detailed-exitcode` that must find nothing to do.
    func expectNoChanges(_ label: String, _ extra: [String] = []) {
        let planned = plan("plan (\(label))", ["-detailed-exitcode"] + extra)
        #expect(planned.status == 0, "after \(label) a plan should find nothing to do (exit 0), it exited \(planned.status)\n\(planned)")
        #expect(planned.output.contains("No changes."), "\(planned)")
    }

    /// The root outputs as JSON (`output -json`).
    func outputs() throws -> [String: Any] {
        let shown = run("output -json", ["output", "-json"] + state)
        try #require(shown.status == 0, "\(shown)")
        let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        return try #require(object, "output -json printed no JSON object\n\(shown)")
    }

    /// A copy of the example's main.pcl, in a sibling directory, with
    /// `lines` added at the top of the module block and `declarations` at
    /// the end: the same deployment with more of the module's inputs exposed.
    func wrapper(named name: String, module: String, lines: [String], declarations: String) throws -> String {
        let original = try workspace.read(directory + "/main.pcl")
        let opening = "module \"\(module)\" {\n"
        let range = try #require(original.range(of: opening), "\(directory)/main.pcl has no `\(opening)` any more; update the test's wrapper")
        let inserted = lines.map { "  \($0)\n" }.joined()
        let text = original.replacingCharacters(in: range, with: opening + inserted) + "\n" + declarations
        let wrapperDirectory = (directory as NSString).deletingLastPathComponent + "/" + name
        try workspace.write(wrapperDirectory + "/main.pcl", text)
        return wrapperDirectory
    }

    /// Raising the workers' desired capacity (and the maximum, which the
    /// modules' validation requires to hold it) plans exactly one in-place
    /// update: the worker auto-scaling group.
    func expectScalingPlansOneUpdate(in wrapper: String? = nil, workerGroup: String) throws {
        let planFile = workspace.path("scale.plan")
        let planned = plan(
            "plan (scale workers)", ["-out", planFile, "-var", "worker_desired_capacity=3", "-var", "worker_max_size=3"], in: wrapper)
        try #require(planned.status == 0, "the plan raising worker_desired_capacity failed\n\(planned)")
        let shown = try changes(in: planFile, "scale workers")
        #expect(shown.changes == [ResourceChangeJSON(address: workerGroup, actions: ["update"])], "\(planned)")
        #expect(shown.after(workerGroup, "desired_capacity") as? Int == 3, "\(planned)")
        #expect(shown.after(workerGroup, "max_size") as? Int == 3, "\(planned)")
        #expect(shown.after(workerGroup, "min_size") as? Int == 1, "\(planned)")
        #expect(planned.output.contains("Plan: 0 to add, 1 to change, 0 to destroy."), "\(planned)")
    }

    /// The install bundle is never printed: not by plan, apply, show,
    /// output, state show, nor in the Markdown plan. Returns whether the
    /// raw state (`state pull`, like Terraform's) holds it, for the record.
    func expectBundleNeverShown(_ bundle: String, secretVersion: String) throws -> Bool {
        let shown = run("state show (secret version)", ["state", "show"] + state + [secretVersion])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.output.contains("secret_string") && shown.output.contains("(sensitive value)"), "\(shown)")
        run("show (state)", ["show", "-no-color"] + state)
        run("show -json (state)", ["show", "-json"] + state)
        run("output", ["output", "-no-color"] + state)
        run("output -json", ["output", "-json"] + state)
        for (label, text) in transcripts {
            #expect(!text.contains(bundle), "the install bundle appears in the output of \(label):\n\(text)")
        }
        let pulled = workspace.pcplan(["state", "pull"] + state, in: directory)
        #expect(pulled.status == 0, "\(pulled)")
        let inRawState = pulled.output.contains(bundle)
        print("[e2e] \(directory): the install bundle is in `state pull` (the raw state): \(inRawState); in any other output: \(transcripts.contains { $0.text.contains(bundle) })")
        return inRawState
    }

    /// `destroy -auto-approve` removes everything and leaves an empty state.
    func destroyEverything(expectedCount: Int) throws {
        let destroyed = run("destroy", ["destroy", "-no-color", "-auto-approve"] + state + ["-var-file=\(variableFile)"])
        try #require(destroyed.status == 0, "destroy failed\n\(destroyed)")
        #expect(destroyed.output.contains("\(expectedCount) destroyed."), "\(destroyed)")
        let listed = run("state list", ["state", "list"] + state)
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "the state still lists objects after destroy:\n\(listed)")
    }
}
