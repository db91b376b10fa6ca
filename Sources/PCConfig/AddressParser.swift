import PCDiagnostics
import PCLSyntax

/// What `-target`, `-replace`, `state show` and `moved` blocks name: a
/// module instance, a whole resource, or one resource instance.
public enum TargetAddress: Sendable, Hashable, CustomStringConvertible {
    case module(ModuleInstance)
    case resource(ModuleInstance, ResourceAddress)
    case instance(ResourceInstanceAddress)

    public var description: String {
        switch self {
        case .module(let module): module.description
        case .resource(let module, let resource): module.isRoot ? resource.description : "\(module).\(resource)"
        case .instance(let instance): instance.description
        }
    }

    /// Whether `address` is this target or inside it.
    public func contains(_ address: ResourceInstanceAddress) -> Bool {
        switch self {
        case .module(let module):
            return address.module.steps.starts(with: module.steps)
        case .resource(let module, let resource):
            return address.module == module && address.resource == resource
        case .instance(let instance):
            return address == instance
        }
    }

    /// Reads an address written as Terraform writes them; the error says
    /// what is wrong with it.
    public static func parse(_ text: String) -> Result<TargetAddress, AddressError> {
        let file = SourceFile(path: "<address>", text: text)
        let (expression, diagnostics) = Parser.parseExpression(file)
        guard !diagnostics.hasErrors, case .scopeTraversal(let traversal) = expression else {
            return .failure(AddressError("\"\(text)\" is not a valid address: write it like aws_instance.web, aws_instance.web[0] or module.app[\"a\"].aws_instance.web."))
        }
        var names: [(String?, LiteralValue?)] = [(traversal.root, nil)]
        for step in traversal.steps {
            switch step {
            case .attribute(let name, _): names.append((name, nil))
            case .index(let key, _): names.append((nil, key))
            case .invalid: return .failure(AddressError("\"\(text)\" is not a valid address."))
            }
        }
        return interpret(names[...], text: text)
    }

    private static func interpret(_ parts: ArraySlice<(String?, LiteralValue?)>, text: String) -> Result<TargetAddress, AddressError> {
        var rest = parts
        var module = ModuleInstance.root
        while let first = rest.first, first.0 == "module" {
            rest = rest.dropFirst()
            guard let name = rest.first?.0 else {
                return .failure(AddressError("In \"\(text)\": \"module\" must be followed by a module name, as in module.app."))
            }
            rest = rest.dropFirst()
            var key: InstanceKey?
            if let literal = rest.first?.1 {
                guard let parsed = instanceKey(literal) else {
                    return .failure(AddressError("In \"\(text)\": a module instance key must be a whole number or a string."))
                }
                key = parsed
                rest = rest.dropFirst()
            }
            module = module.child(name, key: key)
        }
        if rest.isEmpty { return .success(.module(module)) }
        var mode = ResourceMode.managed
        if rest.first?.0 == "data" {
            mode = .data
            rest = rest.dropFirst()
        }
        guard rest.count >= 2, let type = rest.first?.0, let name = rest.dropFirst().first?.0 else {
            return .failure(AddressError("In \"\(text)\": a resource address needs a type and a name, as in aws_instance.web."))
        }
        rest = rest.dropFirst(2)
        let resource = ResourceAddress(mode: mode, type: type, name: name)
        guard let keyPart = rest.first else { return .success(.resource(module, resource)) }
        guard rest.count == 1, let literal = keyPart.1, let key = instanceKey(literal) else {
            return .failure(AddressError("In \"\(text)\": only an instance key such as [0] or [\"a\"] may follow the resource name."))
        }
        return .success(.instance(ResourceInstanceAddress(module: module, resource: resource, key: key)))
    }

    private static func instanceKey(_ literal: LiteralValue) -> InstanceKey? {
        switch literal {
        case .string(let string):
            return .key(string)
        case .number(let number):
            guard number.exponent >= 0, number.significand.count + number.exponent < 18,
                  let base = Int(number.significand) else { return nil }
            var value = base
            for _ in 0..<number.exponent { value *= 10 }
            return .index(value)
        default:
            return nil
        }
    }
}

public struct AddressError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension ResourceInstanceAddress {
    /// Reads one resource instance address (a resource without a key is
    /// its only instance).
    public static func parse(_ text: String) -> Result<ResourceInstanceAddress, AddressError> {
        switch TargetAddress.parse(text) {
        case .success(.instance(let instance)): .success(instance)
        case .success(.resource(let module, let resource)): .success(ResourceInstanceAddress(module: module, resource: resource))
        case .success(.module): .failure(AddressError("\"\(text)\" names a module, but a resource instance is needed here."))
        case .failure(let error): .failure(error)
        }
    }
}
