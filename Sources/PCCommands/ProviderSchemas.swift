import PCConfig
import PCPlan
import PCProvider

/// The resource schemas of the providers pcplan has, found by type name as
/// the planner finds them (the provider is the type's prefix), for showing
/// recorded objects with their blocks and sensitive attributes.
struct ProviderSchemas: Sendable {
    let registry: ProviderRegistry

    init(registry: ProviderRegistry = ProviderCatalog.schemasOnly) {
        self.registry = registry
    }

    func schema(type: String, isData: Bool) -> ResourceSchema? {
        guard let provider = registry.provider(named: ResourceDeclaration.impliedProvider(of: type)) else { return nil }
        return isData ? provider.dataSourceSchemas[type] : provider.resourceSchemas[type]
    }

    /// The same lookup in the shape the plan renderers take.
    var lookup: PlanRenderer.SchemaLookup {
        let schemas = self
        return { change in schemas.schema(type: change.type, isData: change.mode == .data) }
    }
}
