import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCProvider
import PCState

/// Evaluates configurations again while a plan is applied.
///
/// A plan leaves values unknown that depend on objects not created yet
/// (`aws_lb.main.dns_name`). When an action's dependencies have been
/// applied, its configuration is evaluated once more against their real
/// values: the locals, module inputs and module outputs it depends on
/// first, then its own body. The applier calls `configuration(for:)` just
/// before an action and `record(_:for:)` after it, from many threads.
///
/// Thread-safe: every use of `planner` (its value table and diagnostics)
/// happens while holding `lock`. Provider calls happen outside, so the lock
/// is held only for evaluation, which takes microseconds.
public final class ApplyEvaluator: @unchecked Sendable {
    private let planner: Planner
    private let lock = NSLock()

    /// `planner` must have made its plan (`plan()`), whose values are the
    /// starting point.
    /// Each node's place in the planner's evaluation order.
    private let orderPosition: [Int]

    public init(planner: Planner) {
        self.planner = planner
        var positions = [Int](repeating: 0, count: planner.graph?.nodes.count ?? 0)
        for (place, node) in (planner.graph?.order ?? []).enumerated() { positions[node] = place }
        self.orderPosition = positions
    }

    /// The configuration of a planned instance, evaluated against what has
    /// been applied so far; nil with diagnostics when it cannot be.
    public func configuration(for address: String) -> (value: Value?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        guard let context = planner.instanceContexts[address], let graph = planner.graph else {
            return (nil, [Diagnostic(
                code: .providerError, summary: "Not in the plan",
                detail: "\(address) was not planned, so it cannot be applied. Run pcplan plan again.")])
        }
        let before = planner.diagnostics.count
        reevaluateInputs(of: ConfigNode(module: context.module.path, kind: .resource(context.declaration.address)), in: graph)
        let scope = PlanScope(
            table: planner.table, module: context.module, instance: context.address.module,
            repetition: context.repetition, rootDirectory: planner.rootDirectory)
        guard let schema = schema(of: context.declaration) else {
            return (nil, Array(planner.diagnostics[before...]))
        }
        var decoder = SchemaDecoder(evaluator: planner.evaluator(for: context.module), scope: scope, file: context.declaration.file)
        let value = decoder.decode(
            context.declaration.body, schema: schema, context: "a \(context.declaration.address.type) block",
            ownerRange: context.declaration.headerRange)
        let found = Array(planner.diagnostics[before...]) + decoder.diagnostics
        planner.diagnostics.removeSubrange(before...)
        return (found.hasErrors ? nil : value, found)
    }

    /// The provider an instance's changes go through, configured by the
    /// `provider` block the plan used (the nearest module's, or the
    /// defaults); for an object no longer configured, the one its record
    /// names.
    public func provider(for address: String, record: ResourceInstanceRecord?) -> (any ConfiguredProvider)? {
        lock.lock()
        defer { lock.unlock() }
        if let context = planner.instanceContexts[address] {
            return planner.configuredProvider(
                name: context.declaration.providerName, alias: context.declaration.providerAlias, instance: context.address.module)
        }
        return record.flatMap { planner.configuredProvider(forRecord: $0) }
    }

    /// Makes an applied object what references to its instance see from
    /// now on (null for a deleted one).
    public func record(_ value: Value, for address: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let context = planner.instanceContexts[address] else { return }
        let instance = context.address.module
        let resource = context.declaration.address
        let current = planner.table.modules[instance]?.resources[resource] ?? .unknown
        let updated: Value
        switch context.address.key {
        case .index(let index)?:
            var elements = current.elements ?? []
            if elements.indices.contains(index) { elements[index] = value }
            updated = .tuple(elements)
        case .key(let key)?:
            var attributes = current.attributes ?? [:]
            attributes[key] = value
            updated = .object(attributes)
        case nil:
            updated = value
        }
        // In place: a copy of the module's values would copy every
        // resource's entry, once per applied instance.
        planner.table.modules[instance, default: ModuleValues()].resources[resource] = updated
    }

    /// The root module's outputs, evaluated against everything applied:
    /// what `pcplan apply` records and prints at the end.
    public func rootOutputs() -> [(name: String, value: Value, isSensitive: Bool)] {
        checkedRootOutputs().outputs
    }

    /// The root module's outputs and the problems evaluating them found,
    /// such as a failed precondition. An output whose precondition failed
    /// keeps its recorded value, as Terraform keeps it; one never recorded
    /// is left out.
    public func checkedRootOutputs() -> (outputs: [(name: String, value: Value, isSensitive: Bool)], diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        guard let graph = planner.graph else { return ([], []) }
        let before = planner.diagnostics.count
        for position in graph.order {
            let node = graph.nodes[position]
            switch node.kind {
            case .variable, .local, .output: planner.evaluate(node)
            default: continue
            }
        }
        // Warnings other than failed conditions were shown with the plan.
        let found = planner.diagnostics[before...].filter { $0.isError || $0.code == .outputPreconditionFailed }
        planner.diagnostics.removeSubrange(before...)
        let values = planner.table.modules[.root]?.outputs ?? [:]
        let failed = planner.outputsFailingConditions[.root] ?? []
        let outputs = planner.root.outputs.keys.sorted().compactMap { name -> (name: String, value: Value, isSensitive: Bool)? in
            let isSensitive = planner.root.outputs[name]!.isSensitive
            guard failed.contains(name) else { return (name, values[name] ?? .null, isSensitive) }
            let recorded = planner.priorOutput(name)
            return recorded.isNull ? nil : (name, recorded, isSensitive)
        }
        return (outputs, found)
    }

    /// The preconditions of a planned instance, checked just before its
    /// change against what has been applied so far: those the plan could
    /// not decide are decided here, before the provider is asked anything.
    public func preconditionProblems(for address: String) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        guard let context = planner.instanceContexts[address], !context.declaration.lifecycle.preconditions.isEmpty else { return [] }
        return planner.applyTimeConditionProblems(context, object: nil)
    }

    /// The postconditions of an applied instance, checked against the
    /// object the provider returned (`self`).
    public func postconditionProblems(for address: String, object: Value) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        guard let context = planner.instanceContexts[address], !context.declaration.lifecycle.postconditions.isEmpty else { return [] }
        return planner.applyTimeConditionProblems(context, object: object)
    }

    /// Evaluates again the variables, locals and module outputs `node`
    /// depends on, in dependency order, so they see applied values. Module
    /// expansion and provider configuration were settled by the plan.
    private func reevaluateInputs(of node: ConfigNode, in graph: ConfigGraph) {
        guard let start = graph.index[node] else { return }
        let needed = graph.graph.transitiveDependencies(of: [start])
            .filter { $0 != start }
            .sorted { orderPosition[$0] < orderPosition[$1] }
        for position in needed {
            let candidate = graph.nodes[position]
            switch candidate.kind {
            case .variable, .local:
                planner.evaluate(candidate)
            case .output where !candidate.module.isEmpty:
                planner.evaluate(candidate)
            default:
                continue
            }
        }
    }

    private func schema(of declaration: ResourceDeclaration) -> ResourceSchema? {
        planner.providers.schema(forType: declaration.address.type, dataSource: declaration.address.mode == .data)
    }
}
