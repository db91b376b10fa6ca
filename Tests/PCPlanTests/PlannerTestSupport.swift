import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import PCState

/// A configuration written to a temporary directory, with a state database
/// prepared through the state API, planned in process.
final class PlannerFixture {
    let directory: String

    init(files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pcplan-planner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = directory + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var statePath: String { directory + "/pcplan.state.db" }

    /// Records objects in the state as an apply would have.
    func record(_ objects: [(address: String, type: String, attributes: String)]) throws {
        let backend = try SQLiteStateBackend(path: statePath, pcplanVersion: "test")
        var changes = ChangeSet()
        for object in objects {
            let parsed = try ResourceInstanceAddress.parse(object.address).get()
            let key = StateValues.stateKey(parsed.key)
            changes.append(.upsertInstance(ResourceInstanceRecord(
                address: object.address, modulePath: parsed.module.description,
                mode: parsed.resource.mode == .data ? .data : .managed, type: object.type, name: parsed.resource.name,
                indexKey: key, provider: "provider[\"pcplan/pcplan\"]", attributesJSON: object.attributes,
                createdAt: Date())))
        }
        try backend.commit(changes)
    }

    func plan(
        mode: Plan.Mode = .normal, refresh: Bool = false, targets: [String] = [], replace: [String] = [],
        variables: [String: String] = [:], providers: [any Provider]? = nil
    ) throws -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let (module, loadDiagnostics) = ConfigLoader(workingDirectory: directory).load(directory: ".")
        if loadDiagnostics.hasErrors { return (nil, loadDiagnostics) }
        var snapshot: StateSnapshot?
        if FileManager.default.fileExists(atPath: statePath) {
            snapshot = try SQLiteStateBackend(path: statePath, pcplanVersion: "test").snapshot()
        }
        let options = PlanOptions(
            mode: mode, refresh: refresh,
            targets: try targets.map { try TargetAddress.parse($0).get() },
            replace: try replace.map { try ResourceInstanceAddress.parse($0).get() },
            variables: variables.mapValues { .text($0, source: "<test>") },
            timestamp: "2026-11-23T00:00:00Z", pcplanVersion: "test")
        let planner = Planner(
            configuration: module, state: snapshot,
            providers: ProviderRegistry(providers ?? BuiltinProvider.all(workingDirectory: directory)), options: options)
        let (plan, diagnostics) = planner.plan()
        return (plan, loadDiagnostics + diagnostics)
    }
}

extension Plan {
    /// "address action" lines, the shape most assertions want.
    var actionLines: [String] {
        resourceChanges.map { "\($0.address) \($0.action.rawValue)" }
    }

    func change(_ address: String) -> ResourceChange? {
        resourceChanges.first { $0.address == address }
    }
}
