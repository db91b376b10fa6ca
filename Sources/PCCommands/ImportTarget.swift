import Foundation
import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import PCState

/// Where `pcplan import` puts an object: the resource declared for the
/// address, and the provider and schema that read it.
struct ImportTarget {
    let declaration: ResourceDeclaration
    let provider: any Provider
    let schema: ResourceSchema
    let providerAddress: String

    /// The declaration for `instance`, checked as Terraform checks it: the
    /// modules on the way and the resource are declared, and every key
    /// matches how its block repeats (`[0]` with count, `["a"]` with
    /// for_each, none otherwise).
    static func find(_ instance: ResourceInstanceAddress, in root: Module, registry: ProviderRegistry) -> Result<ImportTarget, Diagnostic> {
        guard instance.resource.mode == .managed else {
            return .failure(Diagnostic(
                code: .invalidAddress, summary: "Cannot import a data source",
                detail: "\(instance) is a data source, which pcplan reads on every plan; only managed resources can be imported."))
        }
        var module = root
        for step in instance.module.steps {
            guard let call = module.moduleCalls[step.name], let child = module.children[step.name] else {
                return .failure(notDeclared(instance, in: module))
            }
            if let problem = keyProblem(step.key, count: call.count != nil, forEach: call.forEach != nil, what: "module.\(step.name)", instance: instance) {
                return .failure(problem)
            }
            module = child
        }
        guard let declaration = module.resources[instance.resource] else {
            return .failure(notDeclared(instance, in: module))
        }
        if let problem = keyProblem(instance.key, count: declaration.count != nil, forEach: declaration.forEach != nil,
                                    what: instance.resource.description, instance: instance) {
            return .failure(problem)
        }
        guard let provider = registry.provider(named: declaration.providerName) else {
            let known = registry.providers.keys.sorted().joined(separator: ", ")
            return .failure(Diagnostic(
                code: .unknownProvider,
                detail: "\(instance) needs the provider \"\(declaration.providerName)\", which pcplan does not have. Available providers: \(known).",
                file: declaration.file, subject: declaration.headerRange))
        }
        guard let schema = provider.resourceSchemas[instance.resource.type] else {
            return .failure(Diagnostic(
                code: .unsupportedResourceType,
                detail: "The provider \"\(provider.name)\" does not support resource type \"\(instance.resource.type)\".",
                file: declaration.file, subject: declaration.headerRange))
        }
        return .success(ImportTarget(
            declaration: declaration, provider: provider, schema: schema,
            providerAddress: registry.address(of: declaration.providerName, alias: declaration.providerAlias)))
    }

    /// The object the provider finds for `id`, read back as refresh would
    /// read it.
    func fetch(id: String, through configured: any ConfiguredProvider) -> Result<Value, Diagnostic> {
        let type = declaration.address.type
        do throws(ProviderError) {
            let imported = try configured.importResource(type: type, id: id)
            guard let current = try configured.read(type: type, state: imported) else {
                return .failure(Diagnostic(
                    code: .importFailed, summary: "Cannot import non-existent remote object",
                    detail: "The provider found no \(type) with ID \(id.goQuoted). Check the ID; it is the one the provider uses for the object."))
            }
            return .success(current)
        } catch {
            let detail = error.detail.isEmpty ? "The provider could not import \(type) \(id.goQuoted)." : error.detail
            return .failure(Diagnostic(code: .importFailed, summary: error.summary, detail: detail))
        }
    }

    /// The state record of the imported object, sensitive attributes
    /// marked as the schema says.
    func record(for instance: ResourceInstanceAddress, value: Value) -> ResourceInstanceRecord {
        let (attributes, sensitivePaths) = StateValues.columns(of: SensitiveMarks.apply(schema, to: value))
        let identity = StateMove.identity(of: instance)
        return ResourceInstanceRecord(
            address: identity.address, modulePath: identity.modulePath, mode: identity.mode, type: identity.type,
            name: identity.name, indexKey: identity.indexKey, provider: providerAddress, attributesJSON: attributes,
            sensitivePathsJSON: sensitivePaths, schemaVersion: schema.version, createdAt: Date())
    }

    private static func notDeclared(_ instance: ResourceInstanceAddress, in module: Module) -> Diagnostic {
        let type = instance.resource.type.goQuoted, name = instance.resource.name.goQuoted
        return Diagnostic(
            code: .importTargetNotDeclared,
            detail: """
                The resource address \(instance.resourceDescription) does not exist in the configuration. \
                Before importing this resource, declare it in the \(module.displayName), for example:

                resource \(type) \(name) {
                  # (resource arguments)
                }
                """)
    }

    private static func keyProblem(
        _ key: PCConfig.InstanceKey?, count: Bool, forEach: Bool, what: String, instance: ResourceInstanceAddress
    ) -> Diagnostic? {
        let fits: Bool
        let expected: String
        switch key {
        case nil:
            fits = !count && !forEach
            expected = count ? "\(what) uses count, so the address needs an index such as \(what)[0]"
                : "\(what) uses for_each, so the address needs a key such as \(what)[\"name\"]"
        case .index?:
            fits = count
            expected = forEach ? "\(what) uses for_each, so its key is a string such as \(what)[\"name\"]"
                : "\(what) uses neither count nor for_each, so its address has no index"
        case .key?:
            fits = forEach
            expected = count ? "\(what) uses count, so its key is a number such as \(what)[0]"
                : "\(what) uses neither count nor for_each, so its address has no key"
        }
        guard !fits else { return nil }
        return Diagnostic(
            code: .importTargetNotDeclared,
            detail: "The configuration has no instance \(instance): \(expected). Every instance imported must be one the configuration declares.")
    }
}
