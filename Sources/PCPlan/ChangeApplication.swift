import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCProvider
import PCState

/// Carries out one planned change: evaluates the instance's configuration
/// again, asks the provider to plan and apply it, and records the result in
/// the state before returning — so a dependent never starts before what it
/// depends on is durable.
///
/// Thread-safe: the evaluator and the state backend are; everything else
/// here is immutable.
public struct ChangeApplication: Sendable {
    public let providers: ProviderRegistry
    public let evaluator: ApplyEvaluator
    public let state: any StateBackend
    /// The recorded objects the plan started from, by address.
    public let prior: [String: ResourceInstanceRecord]
    /// Marks this run's intents, so a later run can tell whose they are.
    public let runID: String

    public init(
        providers: ProviderRegistry, evaluator: ApplyEvaluator, state: any StateBackend, prior: [String: ResourceInstanceRecord],
        runID: String = UUID().uuidString.lowercased()
    ) {
        self.providers = providers
        self.evaluator = evaluator
        self.state = state
        self.prior = prior
        self.runID = runID
    }

    /// What happened, for the progress view.
    public struct Outcome: Sendable {
        /// `id` of the new object, when it has one.
        public var id: String?
        public var duration: Double
    }

    /// Applies `change`; on failure the error is a diagnostic naming its
    /// address, and nothing recorded before is lost.
    public func apply(_ change: ResourceChange) -> Result<Outcome, Diagnostic> {
        let started = Date()
        func failure(_ summary: String, _ detail: String) -> Result<Outcome, Diagnostic> {
            .failure(Diagnostic(code: .providerError, summary: "\(change.address): \(summary)", detail: detail))
        }
        let recorded = prior[change.address]
        guard let configured = evaluator.provider(for: change.address, record: recorded) else {
            return failure("Provider unavailable", "No configured provider \"\(ResourceDeclaration.impliedProvider(of: change.type))\" is available for \(change.address).")
        }
        let priorValue = recorded.flatMap { StateValues.value(of: $0, type: schema(of: change)?.valueType) }?.unmarkedDeepValue ?? .null
        do {
            switch change.action {
            case .noop:
                return .success(Outcome(id: priorValue.attributes?["id"]?.stringValue, duration: 0))
            case .delete:
                _ = try configured.applyChange(ApplyChangeRequest(type: change.type, prior: priorValue, planned: .null, configuration: .null))
                try state.commit([.deleteInstance(address: change.address)])
                evaluator.record(.null, for: change.address)
                return .success(Outcome(id: nil, duration: Date().timeIntervalSince(started)))
            case .read:
                let (configuration, diagnostics) = evaluator.configuration(for: change.address)
                guard let configuration else { return .failure(diagnostics.first { $0.isError }!) }
                if let failed = conditionFailure(change, evaluator.preconditionProblems(for: change.address)) { return .failure(failed) }
                let value = try configured.readDataSource(type: change.type, configuration: configuration.unmarkedDeepValue)
                let recorded = try record(change, value: value, marks: configuration, started: started)
                if let failed = conditionFailure(change, evaluator.postconditionProblems(for: change.address, object: recorded)) { return .failure(failed) }
                return .success(Outcome(id: value.attributes?["id"]?.stringValue, duration: Date().timeIntervalSince(started)))
            case .create, .update, .deleteThenCreate, .createThenDelete:
                let (configuration, diagnostics) = evaluator.configuration(for: change.address)
                guard let configuration else { return .failure(diagnostics.first { $0.isError }!) }
                if let failed = conditionFailure(change, evaluator.preconditionProblems(for: change.address)) { return .failure(failed) }
                let plain = configuration.unmarkedDeepValue
                let replacing = change.action.isReplace
                if change.action == .deleteThenCreate {
                    _ = try configured.applyChange(ApplyChangeRequest(type: change.type, prior: priorValue, planned: .null, configuration: .null))
                    try state.commit([.deleteInstance(address: change.address)])
                }
                let base: Value = replacing ? .null : priorValue
                let schema = schema(of: change)
                let proposed = schema.map { ProposedState.merge(configuration: plain, prior: base, schema: $0) } ?? plain
                let planned = try configured.planChange(PlanChangeRequest(type: change.type, prior: base, proposed: proposed, configuration: plain))
                // Before anything is created, say so durably: if pcplan dies
                // between the provider's answer and the state commit, the
                // next run knows an object may exist that state does not.
                let intent = base.isNull ? try recordIntent(change, request: planned.planned) : nil
                let outcome: Result<Value, ProviderError>
                do {
                    outcome = .success(try configured.applyChange(ApplyChangeRequest(
                        type: change.type, prior: base, planned: planned.planned, configuration: plain)))
                } catch {
                    outcome = .failure(error)
                }
                if case .failure(let error) = outcome {
                    if let created = error.createdObject {
                        // It exists but is not right: keep it, tainted, so the
                        // next plan replaces it rather than forgetting it.
                        try record(change, value: created, marks: configuration, started: started, status: .tainted, clearing: intent.map { [$0] } ?? [])
                    } else if let intent {
                        try settle(intent, of: change, request: planned.planned, through: configured, marks: configuration, started: started)
                    }
                }
                let value = try outcome.get()
                let recorded = try record(change, value: value, marks: configuration, started: started, clearing: intent.map { [$0] } ?? [])
                if change.action == .createThenDelete {
                    // The new object is recorded; the old one goes last.
                    _ = try configured.applyChange(ApplyChangeRequest(type: change.type, prior: priorValue, planned: .null, configuration: .null))
                }
                // Checked once the change is complete and recorded: a failed
                // postcondition stops what depends on the object, but the
                // object itself stays in the state, nothing is lost.
                if let failed = conditionFailure(change, evaluator.postconditionProblems(for: change.address, object: recorded)) { return .failure(failed) }
                return .success(Outcome(id: value.attributes?["id"]?.stringValue, duration: Date().timeIntervalSince(started)))
            }
        } catch let error as ProviderError {
            let detail = error.detail.isEmpty ? error.summary : error.detail
            return failure(error.summary, error.createdObject == nil ? detail : detail + "\n\nThe object was created and is recorded as tainted: the next plan replaces it.")
        } catch {
            return failure("Could not record the result in the state", "\(error)")
        }
    }

    /// After a failed create: whether anything was made decides what the
    /// intent becomes. Nothing found clears it (the failure was clean);
    /// an object found is recorded, tainted; when the provider cannot tell
    /// (or cannot look right now) the intent stays for the next plan.
    private func settle(
        _ intent: IntentKey, of change: ResourceChange, request: Value, through configured: any ConfiguredProvider,
        marks configuration: Value, started: Date
    ) throws {
        switch try? configured.findCreated(type: change.type, request: request) {
        case .notFound?:
            try state.commit(ChangeSet(), clearingIntents: [intent])
        case .found(let object)?:
            try record(change, value: object, marks: configuration, started: started, status: .tainted, clearing: [intent])
        case .cannotTell?, nil:
            break
        }
    }

    private func schema(of change: ResourceChange) -> ResourceSchema? {
        providers.schema(forType: change.type, dataSource: change.mode == .data)
    }

    private func recordIntent(_ change: ResourceChange, request: Value) throws -> IntentKey {
        let known = StateValues.columns(of: request).attributes
        let intent = ApplyIntent(
            address: change.address, action: change.action.isReplace ? .replace : .create, provider: change.provider,
            type: change.type, requestJSON: known, pcplanVersion: "", runID: runID)
        try state.recordIntent(intent)
        return intent.key
    }

    /// The first error among a change's condition problems, as the
    /// action's failure; later ones are counted in it, since an action
    /// fails with one diagnostic.
    private func conditionFailure(_ change: ResourceChange, _ problems: [Diagnostic]) -> Diagnostic? {
        let errors = problems.filter(\.isError)
        guard var first = errors.first else { return nil }
        first.summary = "\(change.address): \(first.summary)"
        if errors.count > 1 {
            first.detail += "\n\n\(errors.count - 1) more condition\(errors.count == 2 ? "" : "s") of \(change.address) failed too."
        }
        return first
    }

    /// Records the new object with the marks the configuration and schema
    /// give it (clearing the intents that announced it, in the same
    /// transaction), then lets dependents see it. Returns the object as
    /// recorded, marks included.
    @discardableResult
    private func record(
        _ change: ResourceChange, value: Value, marks configuration: Value, started: Date, status: InstanceStatus = .ready,
        clearing intents: [IntentKey] = []
    ) throws -> Value {
        var marked = value.markingSensitive(at: configuration.unmarkedDeep().sensitivePaths)
        if let schema = schema(of: change) { marked = SensitiveMarks.apply(schema, to: marked) }
        let columns = StateValues.columns(of: marked)
        let key = StateValues.stateKey((try? ResourceInstanceAddress.parse(change.address).get())?.key)
        let now = Date()
        try state.commit(ChangeSet([.upsertInstance(ResourceInstanceRecord(
            address: change.address, modulePath: change.moduleAddress ?? "",
            mode: change.mode == .data ? .data : .managed, type: change.type, name: change.name, indexKey: key,
            provider: change.provider, attributesJSON: columns.attributes, sensitivePathsJSON: columns.sensitivePaths,
            dependencies: change.dependencies, schemaVersion: 0, status: status,
            createdAt: prior[change.address]?.createdAt ?? now, updatedAt: now,
            lastApplyDuration: now.timeIntervalSince(started)))]), clearingIntents: intents)
        evaluator.record(marked, for: change.address)
        return marked
    }
}
