import PCConfig
import PCDiagnostics
import PCLSyntax
import PCLang
import PCProvider

extension Planner {
    /// Expands one resource declaration in one module instance and plans a
    /// change for each of its instances.
    func planResource(_ resource: ResourceDeclaration, in instance: ModuleInstance, module: Module) {
        let key = ResourceAddressKey(module: instance, resource: resource.address)
        let scope = PlanScope(table: table, module: module, instance: instance, repetition: .none, rootDirectory: rootDirectory)
        let what = "\(resource.address.mode == .data ? "data source" : "resource") \"\(resource.address)\""
        guard let provider = providers.provider(named: resource.providerName) else {
            let known = providers.providers.keys.sorted().joined(separator: ", ")
            diagnostics.append(Diagnostic(
                code: .unknownProvider,
                detail: "The \(what) needs the provider \"\(resource.providerName)\", which pcplan does not have. Available providers: \(known).",
                file: resource.file, subject: resource.headerRange))
            table.modules[instance, default: ModuleValues()].resources[resource.address] = .unknown
            return
        }
        let schemas = resource.address.mode == .data ? provider.dataSourceSchemas : provider.resourceSchemas
        guard let schema = schemas[resource.address.type] else {
            let suggestion = Suggestion.closest(to: resource.address.type, among: schemas.keys).map { " Did you mean \"\($0)\"?" } ?? ""
            diagnostics.append(Diagnostic(
                code: .unsupportedResourceType,
                detail: "The provider \"\(provider.name)\" does not support \(resource.address.mode == .data ? "data source" : "resource") type \"\(resource.address.type)\".\(suggestion)",
                file: resource.file, subject: resource.headerRange))
            table.modules[instance, default: ModuleValues()].resources[resource.address] = .unknown
            return
        }
        guard let expanded = expansion(count: resource.count, forEach: resource.forEach, file: resource.file, scope: scope, module: module, what: what) else {
            table.modules[instance, default: ModuleValues()].resources[resource.address] = .unknown
            return
        }
        let dependencies = dependencyAddresses(of: ConfigNode(module: module.path, kind: .resource(resource.address)))
        var instanceValues: [(PCConfig.InstanceKey?, Value)] = []
        for (instanceKey, repetition) in expanded {
            let address = ResourceInstanceAddress(module: instance, resource: resource.address, key: instanceKey)
            let instanceScope = PlanScope(table: table, module: module, instance: instance, repetition: repetition, rootDirectory: rootDirectory)
            guard checkPreconditions(resource, address: address, scope: instanceScope, module: module) else {
                instanceValues.append((instanceKey, .unknown(schema.valueType)))
                continue
            }
            var decoder = SchemaDecoder(evaluator: evaluator(for: module), scope: instanceScope, file: resource.file)
            let configuration = decoder.decode(resource.body, schema: schema, context: "a \(resource.address.type) block", ownerRange: resource.headerRange)
            diagnostics += decoder.diagnostics
            let value: Value
            if resource.address.mode == .data {
                value = planDataSource(resource, address: address, configuration: configuration, schema: schema, provider: provider, dependencies: dependencies, module: module)
            } else {
                value = planManaged(resource, address: address, configuration: configuration, schema: schema, provider: provider,
                                    dependencies: dependencies, scope: instanceScope, module: module)
            }
            checkPostconditions(resource, address: address, object: value, scope: instanceScope, module: module)
            instanceValues.append((instanceKey, value))
            instancesOf[key, default: []].append(address.description)
            instanceContexts[address.description] = InstanceContext(
                declaration: resource, module: module, address: address, repetition: repetition)
        }
        let combined: Value
        if resource.count != nil {
            combined = .tuple(instanceValues.map(\.1))
        } else if resource.forEach != nil {
            var byKey: [String: Value] = [:]
            for (instanceKey, value) in instanceValues {
                if case .key(let name)? = instanceKey { byKey[name] = value }
            }
            combined = .object(byKey)
        } else {
            combined = instanceValues.first?.1 ?? .unknown
        }
        table.modules[instance, default: ModuleValues()].resources[resource.address] = combined
    }

    /// Plans one managed resource instance against its prior object.
    private func planManaged(
        _ resource: ResourceDeclaration, address: ResourceInstanceAddress, configuration: Value, schema: ResourceSchema,
        provider: any Provider, dependencies: [String], scope: PlanScope, module: Module
    ) -> Value {
        let addressText = address.description
        let priorObject = prior.removeValue(forKey: addressText)
        let priorValue = priorObject?.value ?? .null(schema.valueType)
        var configuration = configuration
        if let priorObject { configuration = ignoringChanges(resource.lifecycle, configuration: configuration, prior: priorObject.value) }
        let (plainConfiguration, configurationMarks) = configuration.unmarkedDeep()
        let plainPrior = priorValue.unmarkedDeepValue
        let proposed = ProposedState.merge(configuration: plainConfiguration, prior: plainPrior, schema: schema)
        guard let configured = configuredProvider(name: resource.providerName, alias: resource.providerAlias, instance: address.module) else {
            return .unknown(schema.valueType)
        }
        var planned: PlannedChange
        do {
            planned = try configured.planChange(PlanChangeRequest(
                type: resource.address.type, prior: plainPrior, proposed: proposed, configuration: plainConfiguration))
        } catch {
            diagnostics.append(Diagnostic(
                code: .providerError, summary: error.summary,
                detail: "Planning \(addressText) failed: \(error.detail.isEmpty ? error.summary : error.detail)",
                file: resource.file, subject: resource.headerRange))
            return .unknown(schema.valueType)
        }
        var action: ChangeAction
        var reason: ActionReason?
        let isTriggered = replaceTriggered(resource, scope: scope, module: module)
        if priorObject == nil {
            action = .create
        } else if priorObject!.isTainted {
            action = .deleteThenCreate
            reason = .replaceBecauseTainted
        } else if options.replace.contains(address) {
            action = .deleteThenCreate
            reason = .replaceByRequest
        } else if isTriggered {
            action = .deleteThenCreate
            reason = .replaceByTriggers
        } else if plainPrior.hasSameContent(as: planned.planned) {
            action = .noop
        } else if !planned.requiresReplace.isEmpty {
            action = .deleteThenCreate
            reason = .replaceBecauseCannotUpdate
        } else {
            action = .update
        }
        if action == .deleteThenCreate && resource.lifecycle.createBeforeDestroy { action = .createThenDelete }
        if action.isReplace {
            // The replacement is a new object: planned as a create, so what
            // the provider computes is unknown again, whatever forced it.
            let replacePaths = planned.requiresReplace
            do {
                planned = try configured.planChange(PlanChangeRequest(
                    type: resource.address.type, prior: .null(schema.valueType),
                    proposed: ProposedState.merge(configuration: plainConfiguration, prior: .null(schema.valueType), schema: schema),
                    configuration: plainConfiguration))
                planned.requiresReplace = replacePaths
            } catch {
                diagnostics.append(Diagnostic(
                    code: .providerError, summary: error.summary,
                    detail: "Planning the replacement of \(addressText) failed: \(error.detail.isEmpty ? error.summary : error.detail)",
                    file: resource.file, subject: resource.headerRange))
                return .unknown(schema.valueType)
            }
        }
        let after = SensitiveMarks.apply(schema, to: planned.planned.markingSensitive(at: configurationMarks))
        if action.isReplace && resource.lifecycle.preventDestroy {
            diagnostics.append(Diagnostic(
                code: .preventDestroy,
                detail: "\(addressText) has lifecycle.prevent_destroy set, but the plan calls for this object to be replaced. To proceed, remove prevent_destroy or change the configuration so the replacement is not needed.",
                file: resource.file, subject: resource.headerRange))
        }
        if action != .noop {
            pendingResources.insert(ResourceAddressKey(module: address.module, resource: address.resource))
        }
        changes.append(ResourceChange(
            address: addressText, previousAddress: priorObject?.previousAddress,
            moduleAddress: address.module.isRoot ? nil : address.module.description, mode: .managed,
            type: resource.address.type, name: resource.address.name, index: keyValue(address.key),
            provider: providers.address(of: resource.providerName, alias: resource.providerAlias), action: action,
            reason: reason, before: priorObject?.value ?? .null, after: after,
            replacePaths: action.isReplace ? planned.requiresReplace : [],
            unknownReasons: unknownReasons(after, configuration: plainConfiguration, schema: schema, resource: resource, scope: scope, module: module),
            jsonAttributes: Set(schema.attributes.filter(\.value.isJSONDocument).map(\.key)),
            dependencies: dependencies, configuration: configuration))
        return after
    }

    /// Reads a data source now when its configuration is known and nothing
    /// it depends on is about to change; otherwise plans the read for apply.
    private func planDataSource(
        _ resource: ResourceDeclaration, address: ResourceInstanceAddress, configuration: Value, schema: ResourceSchema,
        provider: any Provider, dependencies: [String], module: Module
    ) -> Value {
        let addressText = address.description
        let priorObject = prior.removeValue(forKey: addressText)
        let plain = configuration.unmarkedDeepValue
        let dependsOnPending = dependencyResourceKeys(of: ConfigNode(module: module.path, kind: .resource(resource.address)))
            .contains { pendingResources.contains($0) }
        let base = ResourceChange(
            address: addressText, moduleAddress: address.module.isRoot ? nil : address.module.description, mode: .data,
            type: resource.address.type, name: resource.address.name, index: keyValue(address.key),
            provider: providers.address(of: resource.providerName, alias: resource.providerAlias), action: .read,
            before: priorObject?.value ?? .null, after: .unknown(schema.valueType), dependencies: dependencies, configuration: configuration)
        guard plain.isWhollyKnown, !dependsOnPending,
              let configured = configuredProvider(name: resource.providerName, alias: resource.providerAlias, instance: address.module) else {
            var change = base
            change.reason = plain.isWhollyKnown ? .readBecauseDependencyPending : .readBecauseConfigUnknown
            change.after = SensitiveMarks.apply(schema, to: ProposedState.unknownComputed(plain, schema: schema))
            changes.append(change)
            return change.after
        }
        do {
            let read = try configured.readDataSource(type: resource.address.type, configuration: plain)
            let value = SensitiveMarks.apply(schema, to: read.markingSensitive(at: configuration.unmarkedDeep().sensitivePaths))
            var change = base
            change.action = .noop
            change.after = value
            changes.append(change)
            return value
        } catch {
            diagnostics.append(Diagnostic(
                code: .providerError, summary: error.summary,
                detail: "Reading \(addressText) failed: \(error.detail.isEmpty ? error.summary : error.detail)",
                file: resource.file, subject: resource.headerRange))
            return .unknown(schema.valueType)
        }
    }

    func keyValue(_ key: PCConfig.InstanceKey?) -> Value? {
        switch key {
        case .index(let index)?: .number(index)
        case .key(let name)?: .string(name)
        case nil: nil
        }
    }

    /// The references in `expression` whose values are not known yet, as
    /// written (`aws_lb.main.dns_name`).
    private func pendingReferences(in expression: SyntaxExpression?, resource: ResourceDeclaration, scope: PlanScope, module: Module) -> [String] {
        guard let expression else { return [] }
        var result: [String] = []
        for reference in ReferenceCollector.references(in: expression) {
            let text = resource.file.text(in: reference.range)
            guard !result.contains(text) else { continue }
            let (value, _) = evaluator(for: module).evaluate(.scopeTraversal(reference), in: resource.file, resolver: scope)
            if !value.isWhollyKnown { result.append(text) }
        }
        return result
    }

    /// `ignore_changes`: the listed attributes keep their recorded values.
    private func ignoringChanges(_ lifecycle: Lifecycle, configuration: Value, prior: Value) -> Value {
        guard lifecycle.ignoreAllChanges || !lifecycle.ignoreChanges.isEmpty,
              var attributes = configuration.attributes, let recorded = prior.attributes else { return configuration }
        for name in lifecycle.ignoreAllChanges ? Array(attributes.keys) : lifecycle.ignoreChanges {
            if let value = recorded[name] { attributes[name] = value }
        }
        return .object(attributes)
    }

    /// Whether anything named in `replace_triggered_by` is changing.
    private func replaceTriggered(_ resource: ResourceDeclaration, scope: PlanScope, module: Module) -> Bool {
        for trigger in resource.lifecycle.replaceTriggeredBy {
            for reference in ReferenceCollector.references(in: trigger) {
                guard let name = reference.steps.first, case .attribute(let resourceName, _) = name else { continue }
                let address = ResourceAddress(mode: .managed, type: reference.root, name: resourceName)
                let key = ResourceAddressKey(module: scope.instance, resource: address)
                if pendingResources.contains(key) { return true }
            }
        }
        return false
    }

    /// Why attributes of a planned object are unknown, for reviewers: the
    /// references in the attribute's expression whose values only apply
    /// will tell, or the provider computing it.
    private func unknownReasons(
        _ after: Value, configuration: Value, schema: ResourceSchema, resource: ResourceDeclaration, scope: PlanScope, module: Module
    ) -> [String: String] {
        guard let attributes = after.attributes else { return [:] }
        var reasons: [String: String] = [:]
        for (name, value) in attributes where !value.isWhollyKnown {
            let configured = configuration.attributes?[name]
            if let configured, !configured.isNull, !configured.isWhollyKnown {
                let pending = pendingReferences(in: resource.body.attributes.first { $0.name == name }?.value, resource: resource, scope: scope, module: module)
                reasons[name] = pending.isEmpty
                    ? "depends on values known only after apply"
                    : "depends on " + pending.joined(separator: ", ") + ", known only after apply"
            } else if schema.attributes[name]?.isComputed == true {
                reasons[name] = "computed by the provider"
            }
        }
        return reasons
    }
}
