import Foundation
import PCConfig
import PCLang
import PCPlan
import PCProvider
import PCState

/// `pcplan-bench seed-state DIR`: records in DIR's state what applying its
/// configuration with the built-in providers would record, so the no-op
/// plan can be measured before the applier exists. It plans, creates every
/// object whose planned value is fully known except for what the provider
/// computes, commits, and plans again until nothing is left to create —
/// sequential and simple, which is all a benchmark fixture needs.
enum StateSeeding {
    static func run(_ arguments: [String]) {
        let directory = arguments.first ?? "."
        do {
            let backend = try SQLiteStateBackend(path: directory + "/pcplan.state.db", pcplanVersion: "bench")
            let providers = ProviderRegistry(BuiltinProvider.all)
            var round = 0
            while true {
                round += 1
                let (module, loadDiagnostics) = ConfigLoader(workingDirectory: directory).load(directory: ".")
                guard !loadDiagnostics.hasErrors else { fail(loadDiagnostics.map(\.detail).joined(separator: "\n")) }
                let options = PlanOptions(refresh: false, timestamp: "2026-11-23T00:00:00Z", pcplanVersion: "bench")
                let (plan, diagnostics) = Planner(configuration: module, state: try backend.snapshot(), providers: providers, options: options).plan()
                guard let plan else { fail(diagnostics.map(\.detail).joined(separator: "\n")) }
                var changes = ChangeSet()
                for change in plan.resourceChanges where change.action == .create && change.configuration.isWhollyKnown {
                    guard let provider = providers.provider(named: ResourceDeclaration.impliedProvider(of: change.type)),
                          let configured = try? provider.configured(with: .null) else { continue }
                    let planned = change.after.unmarkedDeepValue
                    let created = try configured.applyChange(ApplyChangeRequest(
                        type: change.type, prior: .null, planned: planned, configuration: change.configuration.unmarkedDeepValue))
                    // Providers return unmarked values; the planned value's
                    // sensitive marks go back on, as an apply records them.
                    let columns = StateValues.columns(of: created.markingSensitive(at: change.after.unmarkedDeep().sensitivePaths))
                    let parsed = try ResourceInstanceAddress.parse(change.address).get()
                    let key = StateValues.stateKey(parsed.key)
                    changes.append(.upsertInstance(ResourceInstanceRecord(
                        address: change.address, modulePath: parsed.module.description, type: change.type, name: change.name,
                        indexKey: key, provider: change.provider, attributesJSON: columns.attributes,
                        sensitivePathsJSON: columns.sensitivePaths, dependencies: change.dependencies, createdAt: Date())))
                }
                if changes.isEmpty { break }
                try backend.commit(changes)
                print("round \(round): recorded \(changes.count) objects")
            }
        } catch {
            fail("\(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }
}
