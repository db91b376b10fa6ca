import PCAWS
import PCLang
import PCProvider

/// Tags on ECS objects: ECS spells them `{"key": …, "value": …}` and
/// changes them through TagResource / UntagResource on the object's ARN.
enum ECSTagging {
    /// The JSON list CreateCluster, RegisterTaskDefinition and CreateService take.
    static func list(_ tags: [String: String]) -> Value {
        AWSTags.jsonList(tags, keyName: "key", valueName: "value")
    }

    /// Applies the difference between two tag maps to `arn`.
    static func update(
        _ arn: String, from old: [String: String], to new: [String: String], api: AWSClient, doing: String
    ) throws(ProviderError) {
        let change = AWSTags.changes(from: old, to: new)
        do {
            if !change.remove.isEmpty {
                _ = try api.json(.ecs, "UntagResource", .object([
                    "resourceArn": .string(arn), "tagKeys": .tuple(change.remove.map(Value.string)),
                ]), idempotent: true)
            }
            if !change.set.isEmpty {
                var tags: [String: String] = [:]
                for (key, value) in change.set { tags[key] = value }
                _ = try api.json(.ecs, "TagResource", .object([
                    "resourceArn": .string(arn), "tags": list(tags),
                ]), idempotent: true)
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
    }
}
