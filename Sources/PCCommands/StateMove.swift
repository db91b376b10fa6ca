import PCConfig
import PCDiagnostics
import PCPlan
import PCState

/// What `pcplan state mv FROM TO` moves, decided before anything is
/// changed, with Terraform's rules:
/// - an instance moves to an instance address (a resource address without
///   key means its only instance);
/// - a whole resource moves with all its instances, keys kept, to another
///   resource address of the same type and mode;
/// - a module moves with everything in it and below it to another module
///   address.
/// Nothing moves onto an address that is already taken.
struct StateMove {
    /// One instance's move, from its recorded address to its new one.
    struct Step: Equatable {
        var from: String
        var to: ResourceInstanceAddress
    }

    let index: StateAddressIndex

    func steps(from source: TargetAddress, to destination: TargetAddress) -> Result<[Step], Diagnostic> {
        switch source {
        case .module(let module):
            return moveModule(module, source: source, destination: destination)
        case .resource(let module, let resource):
            let instances = index.entries.filter {
                $0.address?.module == module && $0.address?.resource == resource
            }
            // A resource without count is its one instance, which may go to
            // an instance address (`aws_instance.a` to `aws_instance.b[0]`).
            // To a resource address it moves as a resource, so that no
            // instance of the destination may exist, keyed or not.
            let toResource: Bool = if case .resource = destination { true } else { false }
            if !toResource, instances.count == 1, let only = instances[0].address, only.key == nil {
                return moveInstance(only, text: instances[0].text, source: source, destination: destination)
            }
            return moveResource(instances, resource: resource, source: source, destination: destination)
        case .instance(let instance):
            guard let entry = index.entries.first(where: { $0.address == instance }) else {
                return .failure(nothingMatches(source))
            }
            return moveInstance(instance, text: entry.text, source: source, destination: destination)
        }
    }

    private func moveInstance(
        _ instance: ResourceInstanceAddress, text: String, source: TargetAddress, destination: TargetAddress
    ) -> Result<[Step], Diagnostic> {
        let target: ResourceInstanceAddress
        switch destination {
        case .instance(let address): target = address
        case .resource(let module, let resource): target = ResourceInstanceAddress(module: module, resource: resource)
        case .module:
            return .failure(invalidTarget("Cannot move \(source) to \(destination): the target must also be a resource instance, such as \(instance.resource.type).new_name."))
        }
        if let problem = kindMismatch(instance.resource, target.resource, source: source, destination: destination) {
            return .failure(problem)
        }
        if index.entries.contains(where: { $0.address == target }) {
            return .failure(invalidTarget("Cannot move to \(destination): there is already a resource instance at that address in the state. Remove it first (pcplan state rm) or choose another address."))
        }
        return .success([Step(from: text, to: target)])
    }

    private func moveResource(
        _ instances: [StateAddressIndex.Entry], resource: ResourceAddress, source: TargetAddress, destination: TargetAddress
    ) -> Result<[Step], Diagnostic> {
        guard !instances.isEmpty else { return .failure(nothingMatches(source)) }
        guard case .resource(let module, let target) = destination else {
            return .failure(invalidTarget("Cannot move \(source) to \(destination): \(source) is a whole resource with \(instances.count) instance(s), so the target must also be a whole resource address, such as \(resource.type).new_name."))
        }
        if let problem = kindMismatch(resource, target, source: source, destination: destination) {
            return .failure(problem)
        }
        if index.entries.contains(where: { $0.address?.module == module && $0.address?.resource == target }) {
            return .failure(invalidTarget("Cannot move to \(destination): there is already a resource at that address in the state. Remove it first (pcplan state rm) or choose another address."))
        }
        return .success(instances.map { entry in
            Step(from: entry.text, to: ResourceInstanceAddress(module: module, resource: target, key: entry.address!.key))
        })
    }

    private func moveModule(_ module: ModuleInstance, source: TargetAddress, destination: TargetAddress) -> Result<[Step], Diagnostic> {
        guard case .module(let target) = destination else {
            return .failure(invalidTarget("Cannot move \(source) to \(destination): the target must also be a module, such as module.new_name."))
        }
        guard !target.steps.starts(with: module.steps) else {
            return .failure(invalidTarget("Cannot move \(source) to \(destination): a module cannot be moved into itself."))
        }
        var steps: [Step] = []
        for entry in index.entries {
            guard let address = entry.address, address.module.steps.starts(with: module.steps) else { continue }
            var moved = address
            moved.module = ModuleInstance(target.steps + address.module.steps.dropFirst(module.steps.count))
            steps.append(Step(from: entry.text, to: moved))
        }
        guard !steps.isEmpty else { return .failure(nothingMatches(source)) }
        let taken = Set(index.entries.compactMap(\.address))
        if let clash = steps.first(where: { taken.contains($0.to) }) {
            return .failure(invalidTarget("Cannot move \(source) to \(destination): \(clash.to) is already in the state. Remove what is in \(destination) first (pcplan state rm) or choose another module name."))
        }
        return .success(steps)
    }

    private func kindMismatch(_ from: ResourceAddress, _ to: ResourceAddress, source: TargetAddress, destination: TargetAddress) -> Diagnostic? {
        if from.mode != to.mode {
            let kind = from.mode == .managed ? "a managed resource" : "a data source"
            let other = from.mode == .managed ? "managed resource" : "data source"
            return Diagnostic(
                code: .stateMoveInvalid,
                detail: "Cannot move \(source) to \(destination): \(kind) can be moved only to another \(other) address.")
        }
        if from.type != to.type {
            return Diagnostic(
                code: .stateMoveInvalid,
                detail: "Cannot move \(source) to \(destination): resource types don't match. An object can only be given another name (and module) of its own type \(from.type).")
        }
        return nil
    }

    private func invalidTarget(_ detail: String) -> Diagnostic {
        Diagnostic(code: .stateMoveTargetInvalid, detail: detail)
    }

    private func nothingMatches(_ source: TargetAddress) -> Diagnostic {
        Diagnostic(
            code: .stateMoveSourceInvalid,
            detail: "Cannot move \(source): it does not match anything in the state. Run pcplan state list to see the addresses recorded.")
    }

    /// The record's new identity, in the state's own terms.
    static func identity(of address: ResourceInstanceAddress) -> InstanceIdentity {
        InstanceIdentity(
            address: address.description, modulePath: address.module.description,
            mode: address.resource.mode == .data ? .data : .managed, type: address.resource.type,
            name: address.resource.name, indexKey: StateValues.stateKey(address.key))
    }
}
