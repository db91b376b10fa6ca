import Foundation
import PCLang

/// `pcplan_data`: Terraform's `terraform_data`. Stores `input` and echoes
/// it as `output` after apply; a change of `triggers_replace` replaces it.
/// Useful to hang lifecycle triggers on and to test plans without a cloud.
public struct PCPlanDataResource: ResourceType {
    public let name = "pcplan_data"

    public init() {}

    public var schema: ResourceSchema {
        ResourceSchema(attributes: [
            "id": AttributeSchema(.string, .computed, summary: "A random identifier chosen at create."),
            "input": AttributeSchema(.dynamic, .optional, summary: "Any value; changing it updates the object in place."),
            "output": AttributeSchema(.dynamic, .computed, summary: "The input, as of the last apply."),
            "triggers_replace": AttributeSchema(.dynamic, .optional, forcesReplacement: true, summary: "Any value; changing it replaces the object."),
        ], summary: "Stores a value through the plan/apply cycle, like terraform_data.")
    }

    public func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        var change = SchemaPlanning.plan(request, schema: schema)
        guard var attributes = change.planned.attributes else { return change }
        let priorInput = request.prior.attributes?["input"] ?? .null
        let input = attributes["input"] ?? .null
        if request.prior.isNull || !change.requiresReplace.isEmpty || !priorInput.hasSameContent(as: input) {
            attributes["output"] = .unknown
        }
        change.planned = .object(attributes)
        return change
    }

    public func create(planned: Value) throws(ProviderError) -> Value {
        var attributes = planned.attributes ?? [:]
        attributes["id"] = .string(UUID().uuidString.lowercased())
        attributes["output"] = attributes["input"] ?? .null
        return .object(attributes)
    }

    public func update(prior: Value, planned: Value) throws(ProviderError) -> Value {
        var attributes = planned.attributes ?? [:]
        attributes["id"] = prior.attributes?["id"] ?? .string(UUID().uuidString.lowercased())
        attributes["output"] = attributes["input"] ?? .null
        return .object(attributes)
    }

    public func delete(prior: Value) throws(ProviderError) {}

    public func importObject(id: String) throws(ProviderError) -> Value {
        .object(["id": .string(id), "input": .null, "output": .null, "triggers_replace": .null])
    }
}
