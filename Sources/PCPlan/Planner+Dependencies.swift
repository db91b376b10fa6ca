import PCConfig
import PCDiagnostics
import PCLang
import PCProvider
import PCState

extension Planner {
    /// The resource declarations a node depends on, directly or through
    /// variables, locals, outputs and module calls (but not through other
    /// resources: their own dependencies order those).
    func dependencyResourceNodes(of node: ConfigNode) -> [ConfigNode] {
        guard let start = graph.index[node] else { return [] }
        var seen: Set<Int> = [start]
        var stack = [start]
        var result: [ConfigNode] = []
        while let current = stack.popLast() {
            for dependency in graph.graph.dependencies(of: current) where !seen.contains(dependency) {
                seen.insert(dependency)
                let target = graph.nodes[dependency]
                if case .resource = target.kind {
                    result.append(target)
                } else {
                    stack.append(dependency)
                }
            }
        }
        return result.sorted()
    }

    func dependencyResourceKeys(of node: ConfigNode) -> [ResourceAddressKey] {
        dependencyResourceNodes(of: node).flatMap { target -> [ResourceAddressKey] in
            guard case .resource(let address) = target.kind else { return [] }
            return (table.instances[target.module] ?? []).map { ResourceAddressKey(module: $0, resource: address) }
        }
    }

    /// Instance addresses a resource's changes must wait for.
    func dependencyAddresses(of node: ConfigNode) -> [String] {
        dependencyResourceKeys(of: node).flatMap { instancesOf[$0] ?? [] }
    }

    func configureProvider(name: String, alias: String?, in instance: ModuleInstance, module: Module, scope: PlanScope) {
        guard let provider = providers.provider(named: name),
              let declaration = module.providers.first(where: { $0.name == name && $0.alias == alias }) else { return }
        var decoder = SchemaDecoder(evaluator: evaluator(for: module), scope: scope, file: declaration.file)
        let configuration = decoder.decode(declaration.body, schema: provider.configurationSchema, context: "the provider \"\(name)\" block", ownerRange: declaration.range)
        diagnostics += decoder.diagnostics
        do {
            configuredProviders[providerKey(name, alias, instance)] = try provider.configured(with: configuration.unmarkedDeepValue)
        } catch {
            unconfigurableProviders.insert(providerKey(name, alias, instance))
            diagnostics.append(Diagnostic(
                code: .providerError, summary: error.summary, detail: error.detail.isEmpty ? error.summary : error.detail,
                file: declaration.file, subject: declaration.range))
        }
    }

    private func providerKey(_ name: String, _ alias: String?, _ instance: ModuleInstance) -> String {
        "\(instance)|\(name)|\(alias ?? "")"
    }

    /// The configured provider a resource in `instance` uses: its own
    /// module's block, else the nearest ancestor's, else the default
    /// configuration (as Terraform passes default providers down).
    func configuredProvider(name: String, alias: String?, instance: ModuleInstance) -> (any ConfiguredProvider)? {
        var current: ModuleInstance? = instance
        while let module = current {
            let key = providerKey(name, alias, module)
            if let configured = configuredProviders[key] { return configured }
            // Its block was found wanting (and reported): no fallback to
            // the defaults, which would only add a second, confusing error.
            if unconfigurableProviders.contains(key) { return nil }
            current = module.parent
        }
        let key = providerKey(name, alias, .root)
        guard let provider = providers.provider(named: name), !unconfigurableProviders.contains(key) else { return nil }
        do {
            let configured = try provider.configured(with: .null)
            configuredProviders[key] = configured
            return configured
        } catch {
            unconfigurableProviders.insert(key)
            diagnostics.append(Diagnostic(
                code: .providerError, summary: error.summary,
                detail: "The provider \"\(name)\" (no provider block, so its settings come from the environment) could not be configured: "
                    + (error.detail.isEmpty ? error.summary : error.detail)))
            return nil
        }
    }

    func configuredProvider(forRecord record: ResourceInstanceRecord) -> (any ConfiguredProvider)? {
        let name = ResourceDeclaration.impliedProvider(of: record.type)
        var alias: String?
        if let dot = record.provider.lastIndex(of: "."), record.provider[dot...].contains("]") == false {
            alias = String(record.provider[record.provider.index(after: dot)...])
        }
        let module = (try? ResourceInstanceAddress.parse(record.address).get())?.module ?? .root
        return configuredProvider(name: name, alias: alias, instance: module)
    }

    /// Every prior object the walk did not claim is deleted: its resource
    /// left the configuration, its count shrank, its key went away, or its
    /// module did; `-destroy` deletes all.
    func planDeletes() {
        for address in prior.keys.sorted() {
            let object = prior[address]!
            let record = object.record
            if !options.targets.isEmpty {
                guard case .success(let parsed) = ResourceInstanceAddress.parse(address),
                      options.targets.contains(where: { $0.contains(parsed) }) else { continue }
            }
            if record.mode == .data { continue }
            let reason = deleteReason(for: record)
            if let declaration = declaration(for: record), declaration.lifecycle.preventDestroy {
                diagnostics.append(Diagnostic(
                    code: .preventDestroy,
                    detail: "\(address) has lifecycle.prevent_destroy set, but the plan calls for this object to be destroyed. To proceed, remove prevent_destroy first.",
                    file: declaration.file, subject: declaration.headerRange))
            }
            changes.append(ResourceChange(
                address: address, previousAddress: object.previousAddress,
                moduleAddress: record.modulePath.isEmpty ? nil : record.modulePath, mode: .managed,
                type: record.type, name: record.name, index: indexValue(record.indexKey), provider: record.provider,
                action: .delete, reason: reason, before: object.value, after: .null,
                dependencies: record.dependencies))
        }
    }

    private func declaration(for record: ResourceInstanceRecord) -> ResourceDeclaration? {
        guard case .success(let parsed) = ResourceInstanceAddress.parse(record.address),
              let module = root.descendant(parsed.module.modulePath[...]) else { return nil }
        return module.resources[parsed.resource]
    }

    private func deleteReason(for record: ResourceInstanceRecord) -> ActionReason {
        if options.mode == .destroy { return .deleteBecauseDestroyMode }
        guard case .success(let parsed) = ResourceInstanceAddress.parse(record.address) else { return .deleteBecauseNoResourceConfig }
        guard let module = root.descendant(parsed.module.modulePath[...]),
              table.instances[parsed.module.modulePath]?.contains(parsed.module) ?? false else { return .deleteBecauseNoModule }
        guard let declaration = module.resources[parsed.resource] else { return .deleteBecauseNoResourceConfig }
        switch parsed.key {
        case .index?: return declaration.count != nil ? .deleteBecauseCountIndex : .deleteBecauseWrongRepetition
        case .key?: return declaration.forEach != nil ? .deleteBecauseEachKey : .deleteBecauseWrongRepetition
        case nil: return .deleteBecauseWrongRepetition
        }
    }
}
