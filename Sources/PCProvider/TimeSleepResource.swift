import Foundation
import PCLang

/// `time_sleep`: waits `create_duration` after creating and
/// `destroy_duration` before destroying — for APIs that need a moment
/// before what was just made is usable.
public struct TimeSleepResource: ResourceType {
    public let name = "time_sleep"

    public init() {}

    public var schema: ResourceSchema {
        ResourceSchema(attributes: [
            "id": AttributeSchema(.string, .computed),
            "create_duration": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "How long to wait after create, like 30s or 1m30s."),
            "destroy_duration": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "How long to wait before destroy."),
            "triggers": AttributeSchema(.map(.string), .optional, forcesReplacement: true, summary: "Changing any value replaces the object (and waits again)."),
        ], summary: "Waits for a duration during create or destroy.")
    }

    public func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        for name in ["create_duration", "destroy_duration"] {
            if let text = request.configuration.attributes?[name]?.stringValue, GoDuration.seconds(parsing: text) == nil {
                throw ProviderError("Invalid duration", detail: "\(name) = \"\(text)\" is not a duration: write a number with a unit, like 30s, 5m or 1h30m.",
                                    attribute: ValuePath([.attribute(name)]))
            }
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    public func create(planned: Value) throws(ProviderError) -> Value {
        sleep(planned.attributes?["create_duration"])
        var attributes = planned.attributes ?? [:]
        attributes["id"] = .string(ISO8601DateFormatter().string(from: Date()))
        return .object(attributes)
    }

    public func delete(prior: Value) throws(ProviderError) {
        sleep(prior.attributes?["destroy_duration"])
    }

    private func sleep(_ duration: Value?) {
        guard let text = duration?.stringValue, let seconds = GoDuration.seconds(parsing: text), seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
