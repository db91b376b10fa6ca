import PCAWS
import PCLang

/// Tags move between a configuration's `tags = { Name = "web" }` map and
/// the list shapes each AWS API uses. Keys starting with `aws:` are AWS's
/// own (CloudFormation, Auto Scaling): users cannot set or remove them, so
/// reads drop them and they never show in a plan.
enum AWSTags {
    /// Tags from an XML list: EC2's `tagSet` items (`key`/`value`) or Query
    /// `Tags` members (`Key`/`Value`); pass the list's entries.
    static func map(fromXML entries: [XMLValue]) -> [String: String] {
        var tags: [String: String] = [:]
        for entry in entries {
            guard let key = entry.string("Key") ?? entry.string("key") else { continue }
            tags[key] = entry.string("Value") ?? entry.string("value") ?? ""
        }
        return withoutSystemTags(tags)
    }

    /// Tags from a JSON list of `{"Key": …, "Value": …}` (SSM, Secrets
    /// Manager, EFS) or `{"key": …, "value": …}` (ECS) objects; null or
    /// absent gives no tags.
    static func map(fromJSON list: Value?) -> [String: String] {
        var tags: [String: String] = [:]
        for entry in list?.elements ?? [] {
            guard let key = entry.stringAttribute("Key") ?? entry.stringAttribute("key") else { continue }
            tags[key] = entry.stringAttribute("Value") ?? entry.stringAttribute("value") ?? ""
        }
        return withoutSystemTags(tags)
    }

    /// A JSON list of tag objects, sorted by key, with the API's field
    /// names (`"Key"`/`"Value"`, or `"key"`/`"value"` for ECS).
    static func jsonList(_ tags: [String: String], keyName: String = "Key", valueName: String = "Value") -> Value {
        let elements = tags.keys.sorted().map { key -> Value in
            .object([keyName: .string(key), valueName: .string(tags[key] ?? "")])
        }
        return .tuple(elements)
    }

    /// Query parameters for a tag list, numbered from 1 in key order:
    /// `Tags.member.1.Key`, `Tags.member.1.Value`, … (`prefix` "Tags.member").
    /// Auto Scaling tags need more fields per tag: use `extra`.
    static func queryParameters(
        _ tags: [String: String], prefix: String = "Tags.member", keyName: String = "Key", valueName: String = "Value",
        extra: (String) -> [(String, String)] = { _ in [] }
    ) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, key) in tags.keys.sorted().enumerated() {
            let item = "\(prefix).\(index + 1)"
            parameters.append(("\(item).\(keyName)", key))
            parameters.append(("\(item).\(valueName)", tags[key] ?? ""))
            for (name, value) in extra(key) { parameters.append(("\(item).\(name)", value)) }
        }
        return parameters
    }

    /// EC2's `TagSpecification.1.ResourceType=…&TagSpecification.1.Tag.1.Key=…`
    /// for tagging on create; empty when there are no tags (EC2 refuses an
    /// empty specification).
    static func ec2TagSpecification(resourceType: String, _ tags: [String: String]) -> [(String, String)] {
        guard !tags.isEmpty else { return [] }
        return [("TagSpecification.1.ResourceType", resourceType)]
            + queryParameters(tags, prefix: "TagSpecification.1.Tag")
    }

    /// What to send to go from `old` to `new`: tags to set (new or changed
    /// values) and keys to remove, both sorted by key.
    static func changes(from old: [String: String], to new: [String: String]) -> (set: [(key: String, value: String)], remove: [String]) {
        let set = new.keys.sorted().compactMap { key -> (key: String, value: String)? in
            old[key] == new[key] ? nil : (key, new[key] ?? "")
        }
        let remove = old.keys.filter { new[$0] == nil }.sorted()
        return (set, remove)
    }

    /// The tags as a configuration value: a map of strings.
    static func value(_ tags: [String: String]) -> Value {
        .stringMap(tags)
    }

    /// The tags a configuration or state sets (`tags` by default); none when null.
    static func map(of object: Value, attribute: String = "tags") -> [String: String] {
        object.stringMapAttribute(attribute) ?? [:]
    }

    static func withoutSystemTags(_ tags: [String: String]) -> [String: String] {
        tags.filter { !$0.key.hasPrefix("aws:") }
    }
}
