import PCConfig
import PCState

/// The resource instance addresses recorded in a state, parsed once and in
/// Terraform's order, and how the addresses typed on a command line select
/// them.
struct StateAddressIndex {
    struct Entry {
        /// The address as recorded.
        var text: String
        /// Nil only for a record whose address does not parse, which a hand
        /// edit could leave; such entries are still listed.
        var address: ResourceInstanceAddress?
    }

    /// Each address once (deposed objects share their instance's address):
    /// root module first, then modules in order, resources by type and
    /// name, instance keys numerically or by bytes.
    let entries: [Entry]

    init(_ snapshot: StateSnapshot) {
        var seen = Set<String>()
        var parsed: [Entry] = []
        var unparsed: [Entry] = []
        // A record carries its address in parts; only the module path needs
        // parsing, and a state has few distinct ones. Parsing ten thousand
        // whole addresses instead took a noticeable part of a second.
        var modules: [String: ModuleInstance?] = ["": .root]
        for record in snapshot.resources where seen.insert(record.address).inserted {
            let module: ModuleInstance?
            if let known = modules[record.modulePath] {
                module = known
            } else {
                if case .success(.module(let found)) = TargetAddress.parse(record.modulePath) { module = found } else { module = nil }
                modules[record.modulePath] = module
            }
            guard let module else {
                unparsed.append(Entry(text: record.address, address: nil))
                continue
            }
            let key: PCConfig.InstanceKey? = switch record.indexKey {
            case .int(let index)?: .index(index)
            case .string(let name)?: .key(name)
            case nil: nil
            }
            let resource = ResourceAddress(mode: record.mode == .data ? .data : .managed, type: record.type, name: record.name)
            parsed.append(Entry(text: record.address, address: ResourceInstanceAddress(module: module, resource: resource, key: key)))
        }
        parsed.sort { $0.address! < $1.address! }
        unparsed.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        entries = parsed + unparsed
    }

    /// The entries `target` selects: itself, the instances of a resource,
    /// or everything in a module and the modules below it.
    func matching(_ target: TargetAddress) -> [Entry] {
        entries.filter { entry in entry.address.map { Self.selects(target, $0) } ?? false }
    }

    /// Whether `target` selects `address`. A module step written without a
    /// key (`module.app`) stands for every instance of that module call, so
    /// `state list module.app` shows `module.app[0]` and `module.app[1]`
    /// alike; a key written selects that instance only.
    static func selects(_ target: TargetAddress, _ address: ResourceInstanceAddress) -> Bool {
        switch target {
        case .module(let module):
            return moduleSelects(module, address.module, wholeSubtree: true)
        case .resource(let module, let resource):
            return address.resource == resource && moduleSelects(module, address.module, wholeSubtree: false)
        case .instance(let instance):
            return address == instance
        }
    }

    private static func moduleSelects(_ pattern: ModuleInstance, _ module: ModuleInstance, wholeSubtree: Bool) -> Bool {
        guard wholeSubtree ? module.steps.count >= pattern.steps.count : module.steps.count == pattern.steps.count else {
            return false
        }
        for (wanted, step) in zip(pattern.steps, module.steps) {
            guard wanted.name == step.name, wanted.key == nil || wanted.key == step.key else { return false }
        }
        return true
    }
}
