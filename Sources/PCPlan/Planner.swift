import PCConfig
import PCDiagnostics
import PCGraph
import PCLSyntax
import PCLang
import PCProvider
import PCState

/// Turns a configuration and the recorded state into a `Plan`.
///
/// The walk follows the configuration graph in dependency order; each
/// declaration is evaluated once per instance of its module, so `count` and
/// `for_each` on modules and resources expand as the walk reaches them.
public final class Planner {
    let root: Module
    let state: StateSnapshot?
    let providers: ProviderRegistry
    let options: PlanOptions
    let rootDirectory: String

    var diagnostics: [Diagnostic] = []
    let table = ValueTable()
    var changes: [ResourceChange] = []
    var drift: [ResourceChange] = []
    var outputChanges: [OutputChange] = []
    /// Prior objects by address, after `moved` blocks are applied and
    /// refresh has run; entries are removed as the walk claims them.
    var prior: [String: PriorObject] = [:]
    /// Resource instances with a pending create/update/replace, so data
    /// sources depending on them wait for apply.
    var pendingResources: Set<ResourceAddressKey> = []
    /// Instance addresses of each resource declaration, for dependencies.
    var instancesOf: [ResourceAddressKey: [String]] = [:]
    /// Where each planned instance came from, so apply can evaluate its
    /// configuration again once what it depends on exists.
    var instanceContexts: [String: InstanceContext] = [:]
    /// Objects a dead run created and the provider found again, by address:
    /// apply records them before anything else.
    public internal(set) var adoptedObjects: [String: ResourceInstanceRecord] = [:]
    var configuredProviders: [String: any ConfiguredProvider] = [:]
    /// Default configurations that failed, reported once.
    var unconfigurableProviders: Set<String> = []
    var targetedNodes: Set<Int>?
    /// Outputs whose preconditions failed the last time they were
    /// evaluated: apply keeps their recorded values instead.
    var outputsFailingConditions: [ModuleInstance: Set<String>] = [:]
    var graph: ConfigGraph!

    public init(configuration: Module, state: StateSnapshot?, providers: ProviderRegistry, options: PlanOptions) {
        self.root = configuration
        self.state = state
        self.providers = providers
        self.options = options
        self.rootDirectory = configuration.directory
        table.workspace = options.workspace
    }

    /// Makes the plan. A plan is returned only when there are no errors.
    public func plan() -> (plan: Plan?, diagnostics: [Diagnostic]) {
        graph = ConfigGraph.build(root, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        loadPrior()
        warnAboutPendingIntents()
        applyMovedBlocks()
        if options.mode != .destroy && options.refresh { refreshPrior() }
        selectTargets()
        if options.mode == .normal || options.mode == .refreshOnly {
            for position in graph.order {
                guard targetedNodes?.contains(position) ?? true else { continue }
                evaluate(graph.nodes[position])
            }
        }
        if options.mode == .refreshOnly {
            changes = changes.filter { $0.mode == .data }.map { change in
                var copy = change
                copy.action = .noop
                return copy
            }
            prior = [:]
        }
        planDeletes()
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        changes.sort { $0.address.utf8.lexicographicallyPrecedes($1.address.utf8) }
        drift.sort { $0.address.utf8.lexicographicallyPrecedes($1.address.utf8) }
        let plan = Plan(
            mode: options.mode, pcplanVersion: options.pcplanVersion, stateLineage: state?.lineage,
            stateSerial: state?.serial ?? 0, configurationDigest: ConfigurationDigest.of(root),
            timestamp: options.timestamp, variables: table.modules[.root]?.variables ?? [:],
            resourceChanges: changes, resourceDrift: drift, outputChanges: outputChanges.sorted { $0.name < $1.name },
            targets: options.targets.map(\.description))
        return (plan, diagnostics)
    }

    /// An intent left in the state means a run stopped between asking a
    /// provider to create something and recording it. The provider looks
    /// for the object: one that exists is adopted (planned from as if it
    /// were recorded, and recorded by the next apply); one that does not
    /// is simply created again; when the provider cannot tell, a warning
    /// says what to check.
    func warnAboutPendingIntents() {
        for intent in state?.pendingIntents ?? [] where prior[intent.address] == nil {
            let providerName = ResourceDeclaration.impliedProvider(of: intent.type)
            let schema = providers.schema(forType: intent.type, dataSource: false)
            let request = (schema.flatMap { try? Value.fromJSON(intent.requestJSON, as: $0.valueType) })
                ?? (try? Value.fromJSON(intent.requestJSON)) ?? .null
            var lookup = CreatedObjectLookup.cannotTell
            if let provider = providers.provider(named: providerName), let configured = try? provider.configured(with: .null) {
                lookup = (try? configured.findCreated(type: intent.type, request: request)) ?? .cannotTell
            }
            switch lookup {
            case .found(let value):
                let address = try? ResourceInstanceAddress.parse(intent.address).get()
                let key = StateValues.stateKey(address?.key)
                let columns = StateValues.columns(of: value)
                let record = ResourceInstanceRecord(
                    address: intent.address, modulePath: address?.module.description ?? "", type: intent.type,
                    name: address?.resource.name ?? intent.address, indexKey: key, provider: intent.provider,
                    attributesJSON: columns.attributes, createdAt: intent.createdAt)
                prior[intent.address] = PriorObject(record: record, value: value)
                adoptedObjects[intent.address] = record
                diagnostics.append(Diagnostic(
                    .warning, code: .providerError, summary: "Adopted \(intent.address)",
                    detail: "A run (\(intent.runID)) created \(intent.address) and stopped before recording it. The object was found and is planned from as it is; the next apply records it."))
            case .notFound:
                continue
            case .cannotTell:
                diagnostics.append(Diagnostic(
                    .warning, code: .providerError, summary: "\(intent.address) may exist unrecorded",
                    detail: "A run (\(intent.runID)) asked the provider to \(intent.action.rawValue) \(intent.address) and stopped before recording the result. If the object was created, this plan would create a second one: check for it, and adopt it with pcplan import \(intent.address) ID if it exists. The request was: \(intent.requestJSON)"))
            }
        }
    }

    /// Evaluates one declaration in every instance of its module.
    func evaluate(_ node: ConfigNode) {
        guard let module = root.descendant(node.module[...]) else { return }
        for instance in table.instances[node.module] ?? [] {
            let scope = PlanScope(
                table: table, module: module, instance: instance,
                repetition: .none, rootDirectory: rootDirectory)
            switch node.kind {
            case .variable(let name):
                evaluateVariable(module.variables[name]!, in: instance, module: module)
            case .local(let name):
                let local = module.locals[name]!
                let value = evaluateExpression(local.value, file: local.file, scope: scope, module: module)
                table.modules[instance, default: ModuleValues()].locals[name] = value
            case .output(let name):
                evaluateOutput(module.outputs[name]!, in: instance, scope: scope, module: module)
            case .moduleCall(let name):
                expandModuleCall(module.moduleCalls[name]!, in: instance, scope: scope, module: module)
            case .resource(let address):
                planResource(module.resources[address]!, in: instance, module: module)
            case .provider(let name, let alias):
                configureProvider(name: name, alias: alias, in: instance, module: module, scope: scope)
            }
        }
    }

    func evaluator(for module: Module) -> Evaluator {
        Evaluator(context: FunctionContext(baseDirectory: module.resolvedDirectory, allowsImpureResults: false, planTimestamp: options.timestamp))
    }

    func evaluateExpression(_ expression: SyntaxExpression, file: SourceFile, scope: PlanScope, module: Module) -> Value {
        let (value, found) = evaluator(for: module).evaluate(expression, in: file, resolver: scope)
        diagnostics += found
        return value
    }

    func evaluateOutput(_ output: OutputDeclaration, in instance: ModuleInstance, scope: PlanScope, module: Module) {
        guard checkPreconditions(output, in: instance, scope: scope, module: module) else {
            table.modules[instance, default: ModuleValues()].outputs[output.name] = .unknown
            outputsFailingConditions[instance, default: []].insert(output.name)
            return
        }
        outputsFailingConditions[instance]?.remove(output.name)
        var value = evaluateExpression(output.value, file: output.file, scope: scope, module: module)
        if output.isSensitive { value = value.marked() }
        if instance.isRoot && !output.isSensitive && value.containsSensitive {
            diagnostics.append(Diagnostic(
                code: .outputSensitive,
                detail: "The value of output \"\(output.name)\" includes sensitive values, so it would be shown in the clear. Add sensitive = true to the output block to confirm it may be shown only as (sensitive value).",
                file: output.file, subject: output.value.range))
        }
        table.modules[instance, default: ModuleValues()].outputs[output.name] = value
        guard instance.isRoot else { return }
        let before = priorOutput(output.name)
        let action: ChangeAction
        if before.isNull && !value.isNull { action = .create }
        else if before.hasSameContent(as: value) { action = .noop }
        else { action = value.isNull ? .delete : .update }
        outputChanges.append(OutputChange(name: output.name, action: action, before: before, after: value, isSensitive: output.isSensitive))
    }

    func priorOutput(_ name: String) -> Value {
        guard let record = state?.output(name), let value = try? Value.fromJSON(record.valueJSON) else { return .null }
        return record.sensitive ? value.marked() : value
    }
}

/// A resource instance's declaration and the place it was expanded in.
struct InstanceContext {
    var declaration: ResourceDeclaration
    var module: Module
    var address: ResourceInstanceAddress
    var repetition: Repetition
}

/// A resource as a dictionary key across modules: module path and address.
struct ResourceAddressKey: Hashable {
    var module: ModuleInstance
    var resource: ResourceAddress
}
