/// One step of a module instance path: `module.app["a"]`.
public struct ModuleInstanceStep: Sendable, Hashable, Comparable {
    public var name: String
    public var key: InstanceKey?

    public init(name: String, key: InstanceKey? = nil) {
        self.name = name
        self.key = key
    }

    public static func < (a: ModuleInstanceStep, b: ModuleInstanceStep) -> Bool {
        if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
        switch (a.key, b.key) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }
}

/// A module instance: the root is the empty path.
public struct ModuleInstance: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var steps: [ModuleInstanceStep]

    public init(_ steps: [ModuleInstanceStep] = []) {
        self.steps = steps
    }

    public static let root = ModuleInstance()
    public var isRoot: Bool { steps.isEmpty }

    /// The static module path, without instance keys: `["app", "db"]`.
    public var modulePath: [String] { steps.map(\.name) }

    public func child(_ name: String, key: InstanceKey?) -> ModuleInstance {
        ModuleInstance(steps + [ModuleInstanceStep(name: name, key: key)])
    }

    public var parent: ModuleInstance? {
        steps.isEmpty ? nil : ModuleInstance(Array(steps.dropLast()))
    }

    /// `module.app["a"].module.db`, or "" for the root.
    public var description: String {
        steps.map { "module.\($0.name)\($0.key?.description ?? "")" }.joined(separator: ".")
    }

    public static func < (a: ModuleInstance, b: ModuleInstance) -> Bool {
        a.steps.lexicographicallyPrecedes(b.steps)
    }
}

/// `managed` resources (`resource` blocks) or `data` sources.
public enum ResourceMode: String, Sendable, Hashable {
    case managed
    case data
}

/// A resource in a module, without instance key: `aws_lb.main`,
/// `data.aws_ami.ecs`.
public struct ResourceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var mode: ResourceMode
    public var type: String
    public var name: String

    public init(mode: ResourceMode, type: String, name: String) {
        self.mode = mode
        self.type = type
        self.name = name
    }

    public var description: String {
        mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
    }

    public static func < (a: ResourceAddress, b: ResourceAddress) -> Bool {
        if a.mode != b.mode { return a.mode == .managed }
        if a.type != b.type { return a.type.utf8.lexicographicallyPrecedes(b.type.utf8) }
        return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }
}

/// One resource instance anywhere in the module tree:
/// `module.app["a"].aws_ecs_service.this[0]`.
public struct ResourceInstanceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var module: ModuleInstance
    public var resource: ResourceAddress
    public var key: InstanceKey?

    public init(module: ModuleInstance = .root, resource: ResourceAddress, key: InstanceKey? = nil) {
        self.module = module
        self.resource = resource
        self.key = key
    }

    public var description: String {
        let local = "\(resource)\(key?.description ?? "")"
        return module.isRoot ? local : "\(module).\(local)"
    }

    /// The resource address without the instance key, in its module:
    /// `module.app["a"].aws_ecs_service.this`.
    public var resourceDescription: String {
        module.isRoot ? resource.description : "\(module).\(resource)"
    }

    public static func < (a: ResourceInstanceAddress, b: ResourceInstanceAddress) -> Bool {
        if a.module != b.module { return a.module < b.module }
        if a.resource != b.resource { return a.resource < b.resource }
        switch (a.key, b.key) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }
}
