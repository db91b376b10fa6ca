import PCAWS
import PCLang

/// The `tag { key value propagate_at_launch }` blocks of
/// `aws_autoscaling_group` and Auto Scaling's tag API, where each tag also
/// names the group it belongs to.
enum AutoScalingGroupTags {
    struct Tag: Equatable, Sendable {
        var value: String
        var propagateAtLaunch: Bool
    }

    /// The tags of a configuration or state, by key.
    static func tags(of object: Value) -> [String: Tag] {
        var tags: [String: Tag] = [:]
        for block in object.blockList("tag") {
            guard let key = block.stringAttribute("key") else { continue }
            tags[key] = Tag(value: block.stringAttribute("value") ?? "", propagateAtLaunch: block.boolAttribute("propagate_at_launch") ?? false)
        }
        return tags
    }

    /// The blocks for DescribeAutoScalingGroups' `Tags` members (AWS's own
    /// `aws:` tags left out).
    static func blocks(_ members: [XMLValue]) -> Value {
        let elementType = ValueType.object(["key": .string, "value": .string, "propagate_at_launch": .bool])
        let blocks = members.compactMap { member -> Value? in
            guard let key = member.string("Key"), !key.hasPrefix("aws:") else { return nil }
            return .object([
                "key": .string(key),
                "value": .string(member.string("Value") ?? ""),
                "propagate_at_launch": .bool(member.bool("PropagateAtLaunch") ?? false),
            ])
        }
        return .set(blocks, element: elementType)
    }

    /// What to send to go from `old` to `new`: tags to create or update, and
    /// tags to delete.
    static func changes(from old: [String: Tag], to new: [String: Tag]) -> (set: [String: Tag], remove: [String: Tag]) {
        (new.filter { old[$0.key] != $0.value }, old.filter { new[$0.key] == nil })
    }

    /// `Tags.member.N.…` parameters, in key order, each naming the group.
    static func parameters(_ tags: [String: Tag], group: String) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, key) in tags.keys.sorted().enumerated() {
            let prefix = "Tags.member.\(index + 1)"
            let tag = tags[key]!
            parameters += [
                ("\(prefix).Key", key),
                ("\(prefix).Value", tag.value),
                ("\(prefix).PropagateAtLaunch", tag.propagateAtLaunch ? "true" : "false"),
                ("\(prefix).ResourceId", group),
                ("\(prefix).ResourceType", "auto-scaling-group"),
            ]
        }
        return parameters
    }
}
