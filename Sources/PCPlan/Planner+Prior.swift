import PCConfig
import PCDiagnostics
import PCLang
import PCProvider
import PCState

/// A recorded object the plan starts from.
struct PriorObject {
    var record: ResourceInstanceRecord
    /// Typed by the schema, sensitive marks restored, refreshed.
    var value: Value
    /// The address before a `moved` block renamed it.
    var previousAddress: String?
    var isTainted: Bool { record.status == .tainted }
}

extension Planner {
    func schema(for record: ResourceInstanceRecord) -> ResourceSchema? {
        providers.schema(forType: record.type, dataSource: record.mode == .data)
    }

    func loadPrior() {
        guard let state else { return }
        for record in state.resources where record.deposedKey == nil {
            let schema = schema(for: record)
            guard let value = StateValues.value(of: record, type: schema?.valueType) else {
                diagnostics.append(Diagnostic(
                    code: .providerError, summary: "Unreadable object in state",
                    detail: "The recorded attributes of \(record.address) could not be read as its type's schema expects. The state is unchanged; check the provider version, or remove the object from state with pcplan state rm \(record.address) and import it again."))
                continue
            }
            prior[record.address] = PriorObject(record: record, value: value)
        }
    }

    /// Renames prior objects as `moved` blocks say, before anything is
    /// compared, so a rename plans no change.
    func applyMovedBlocks() {
        for module in root.allModules {
            for moved in module.moved {
                let prefix = ModuleInstance(module.path.map { ModuleInstanceStep(name: $0) })
                for (address, object) in prior {
                    guard case .success(let instance) = ResourceInstanceAddress.parse(address),
                          let renamed = rename(instance, from: moved.from, to: moved.to, under: prefix) else { continue }
                    let newAddress = renamed.description
                    if prior[newAddress] != nil {
                        diagnostics.append(Diagnostic(
                            .warning, code: .invalidMove, summary: "Moved object still exists",
                            detail: "This moved block would move \(address) to \(newAddress), but an object is already recorded at \(newAddress), so the move was skipped. Remove the moved block, or remove one of the objects from state.",
                            file: moved.file, subject: moved.range))
                        continue
                    }
                    var copy = object
                    copy.previousAddress = address
                    prior[address] = nil
                    prior[newAddress] = copy
                }
            }
        }
    }

    private func rename(_ instance: ResourceInstanceAddress, from: TargetAddress, to: TargetAddress, under prefix: ModuleInstance) -> ResourceInstanceAddress? {
        func inModule(_ module: ModuleInstance) -> ModuleInstance { ModuleInstance(prefix.steps + module.steps) }
        switch (from, to) {
        case (.instance(let a), .instance(let b)):
            var source = a
            source.module = inModule(a.module)
            guard instance == source else { return nil }
            var target = b
            target.module = inModule(b.module)
            return target
        case (.resource(let moduleA, let a), .resource(let moduleB, let b)):
            guard instance.module == inModule(moduleA), instance.resource == a else { return nil }
            return ResourceInstanceAddress(module: inModule(moduleB), resource: b, key: instance.key)
        case (.resource(let moduleA, let a), .instance(let b)):
            guard instance.module == inModule(moduleA), instance.resource == a, instance.key == nil else { return nil }
            var target = b
            target.module = inModule(b.module)
            return target
        case (.instance(let a), .resource(let moduleB, let b)):
            var source = a
            source.module = inModule(a.module)
            guard instance == source else { return nil }
            return ResourceInstanceAddress(module: inModule(moduleB), resource: b, key: nil)
        case (.module(let moduleA), .module(let moduleB)):
            let source = inModule(moduleA)
            guard instance.module.steps.starts(with: source.steps) else { return nil }
            let rest = instance.module.steps.dropFirst(source.steps.count)
            return ResourceInstanceAddress(module: ModuleInstance(inModule(moduleB).steps + rest), resource: instance.resource, key: instance.key)
        default:
            return nil
        }
    }

    /// Asks each provider for the current state of each managed object, and
    /// records what changed outside pcplan as drift.
    func refreshPrior() {
        for address in prior.keys.sorted() {
            let object = prior[address]!
            guard object.record.mode == .managed,
                  let provider = configuredProvider(forRecord: object.record),
                  let schema = schema(for: object.record) else { continue }
            let plain = object.value.unmarkedDeepValue
            do {
                let current = try provider.read(type: object.record.type, state: plain)
                guard let current else {
                    drift.append(driftChange(object, address: address, after: .null, action: .delete))
                    prior[address] = nil
                    continue
                }
                let marked = SensitiveMarks.apply(schema, to: current.markingSensitive(at: object.value.unmarkedDeep().sensitivePaths))
                // Drift is what someone changed that the configuration
                // manages; attributes only the provider sets may move freely.
                if !managedPart(plain, schema).hasSameContent(as: managedPart(current, schema)) {
                    drift.append(driftChange(object, address: address, after: marked, action: .update))
                }
                prior[address]!.value = marked
            } catch {
                diagnostics.append(Diagnostic(
                    code: .providerError, summary: "Failed to refresh \(address)",
                    detail: "\(error.summary)\(error.detail.isEmpty ? "" : ": \(error.detail)"). Nothing was changed. Run again, or plan with -refresh=false to use the recorded state as it is."))
            }
        }
    }

    /// The attributes and blocks a configuration can set.
    func managedPart(_ value: Value, _ schema: ResourceSchema) -> Value {
        guard let attributes = value.attributes else { return value }
        return .object(attributes.filter { name, _ in
            schema.attributes[name].map(\.isSettable) ?? (schema.blocks[name] != nil)
        })
    }

    private func driftChange(_ object: PriorObject, address: String, after: Value, action: ChangeAction) -> ResourceChange {
        let record = object.record
        return ResourceChange(
            address: address, moduleAddress: record.modulePath.isEmpty ? nil : record.modulePath,
            mode: record.mode == .data ? .data : .managed, type: record.type, name: record.name,
            index: indexValue(record.indexKey), provider: record.provider, action: action,
            before: object.value, after: after)
    }

    func indexValue(_ key: PCState.InstanceKey?) -> Value? {
        switch key {
        case .int(let index)?: .number(index)
        case .string(let key)?: .string(key)
        case nil: nil
        }
    }

    /// With `-target`, only the targets and what they depend on are
    /// evaluated.
    func selectTargets() {
        guard !options.targets.isEmpty else { return }
        var seeds: [Int] = []
        for (position, node) in graph.nodes.enumerated() {
            guard case .resource(let address) = node.kind else {
                if case .moduleCall(let name) = node.kind,
                   options.targets.contains(where: { if case .module(let module) = $0 { module.modulePath == node.module + [name] } else { false } }) {
                    seeds.append(position)
                }
                continue
            }
            let matches = options.targets.contains { target in
                switch target {
                case .module(let module): return node.module.starts(with: module.modulePath)
                case .resource(let module, let resource): return module.modulePath == node.module && resource == address
                case .instance(let instance): return instance.module.modulePath == node.module && instance.resource == address
                }
            }
            if matches { seeds.append(position) }
        }
        var selected = Set(graph.graph.transitiveDependencies(of: seeds))
        // A targeted module's contents come with it.
        for (position, node) in graph.nodes.enumerated() where options.targets.contains(where: {
            if case .module(let module) = $0 { node.module.starts(with: module.modulePath) && !module.isRoot } else { false }
        }) {
            selected.formUnion(graph.graph.transitiveDependencies(of: [position]))
        }
        targetedNodes = selected
    }
}
