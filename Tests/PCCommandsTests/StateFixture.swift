import Foundation
import PCState

/// States prepared through the state API, for the commands that read and
/// change them.
enum StateFixture {
    static let provider = #"provider["pcplan/pcplan"]"#

    /// A `pcplan_data` instance: the parts of the address are given so the
    /// record is what the planner would write.
    static func data(
        _ address: String, module: String = "", name: String, key: PCState.InstanceKey? = nil,
        attributes: String = #"{"id":"x","input":null,"output":null,"triggers_replace":null}"#,
        sensitivePaths: String = "[]", type: String = "pcplan_data", mode: PCState.ResourceMode = .managed
    ) -> ResourceInstanceRecord {
        ResourceInstanceRecord(
            address: address, modulePath: module, mode: mode, type: type, name: name, indexKey: key,
            provider: provider, attributesJSON: attributes, sensitivePathsJSON: sensitivePaths,
            createdAt: Date(timeIntervalSince1970: 1_763_900_000))
    }

    /// Writes a state with `records` and `outputs` at `path` in `sandbox`.
    @discardableResult
    static func write(
        _ sandbox: Sandbox, path: String = "pcplan.state.db", records: [ResourceInstanceRecord],
        outputs: [OutputRecord] = []
    ) throws -> SQLiteStateBackend {
        let backend = try SQLiteStateBackend(path: sandbox.path(path), pcplanVersion: "0.1.0")
        var changes = ChangeSet(records.map { StateChange.upsertInstance($0) })
        for output in outputs { changes.append(.setOutput(output)) }
        try backend.commit(changes)
        return backend
    }

    /// The addresses recorded at `path`, in the state's order.
    static func addresses(_ sandbox: Sandbox, path: String = "pcplan.state.db") throws -> [String] {
        let backend = try SQLiteStateBackend(path: sandbox.path(path), pcplanVersion: "0.1.0", create: false)
        return try backend.snapshot().resources.map(\.address)
    }

    /// Three instances of two resources in the root and one in a module,
    /// written out of order: `[10]` must sort after `[2]`.
    @discardableResult
    static func sample(_ sandbox: Sandbox) throws -> SQLiteStateBackend {
        try write(sandbox, records: [
            data("pcplan_data.web[10]", name: "web", key: .int(10)),
            data("module.app.pcplan_data.db", module: "module.app", name: "db"),
            data("pcplan_data.web[2]", name: "web", key: .int(2)),
            data("pcplan_data.single", name: "single",
                 attributes: #"{"id":"s1","input":{"name":"x","ports":[80,443]},"output":null,"triggers_replace":null}"#),
            data("module.app.module.inner.pcplan_data.deep", module: "module.app.module.inner", name: "deep"),
        ])
    }
}

extension String {
    /// Diagnostic text with its wrapping undone, so a test can look for a
    /// sentence wherever the renderer broke the line.
    var unwrapped: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
