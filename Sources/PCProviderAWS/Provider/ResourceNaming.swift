import Foundation
import PCLang
import PCProvider

/// `name` / `name_prefix` as Terraform has them (IAM objects, secrets,
/// security groups, launch configurations, auto-scaling groups): a given
/// name, or a unique one made from the prefix (or from `terraform-` when
/// neither is set), and the checks AWS would otherwise make only after a
/// slow round trip.
enum ResourceNaming {
    /// Length of the generated part: a UTC timestamp to the second (14
    /// digits) and 12 random hex digits, as long as Terraform's.
    static let suffixLength = 26
    static let defaultPrefix = "terraform-"

    /// The rules for one kind of name.
    struct Rules: Sendable {
        var maxLength: Int
        /// Characters besides ASCII letters and digits.
        var punctuation: Set<Character>
        /// How to describe the allowed characters in a message.
        var allowedText: String

        /// IAM user, role, instance profile and policy names: `[\w+=,.@-]`.
        static func iam(maxLength: Int) -> Rules {
            Rules(maxLength: maxLength, punctuation: ["_", "+", "=", ",", ".", "@", "-"], allowedText: "letters, digits and _+=,.@-")
        }

        /// Names AWS checks only for length (EC2 and Auto Scaling names).
        static func anyCharacters(maxLength: Int) -> Rules {
            Rules(maxLength: maxLength, punctuation: [], allowedText: "any characters")
        }

        /// Secrets Manager names: letters, digits and `/_+=.@-`.
        static let secret = Rules(
            maxLength: 512, punctuation: ["/", "_", "+", "=", ".", "@", "-"], allowedText: "letters, digits and /_+=.@-")

        func allows(_ text: String) -> Bool {
            guard allowedText != "any characters" else { return true }
            return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || punctuation.contains($0) }
        }
    }

    /// The name to create the object with: `name`, or the prefix (else
    /// `terraform-`) followed by a unique suffix.
    static func resolvedName(_ planned: Value) -> String {
        if let name = planned.stringAttribute("name") { return name }
        return (planned.stringAttribute("name_prefix") ?? defaultPrefix) + uniqueSuffix()
    }

    static func uniqueSuffix(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        let random = (0..<12).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
        return formatter.string(from: now) + random
    }

    /// Refuses `name` with `name_prefix`, names AWS would refuse, and
    /// prefixes that leave no room for the generated part.
    static func validate(_ configuration: Value, rules: Rules, in type: String) throws(ProviderError) {
        let name = configuration.stringAttribute("name")
        let prefix = configuration.stringAttribute("name_prefix")
        if name != nil && prefix != nil {
            throw ProviderError(
                "Conflicting arguments name and name_prefix",
                detail: "\(type) takes either name (the exact name) or name_prefix (a unique name starting with it), not both. Remove one of them.",
                attribute: ValuePath([.attribute("name_prefix")]))
        }
        if let name {
            try check(name, attribute: "name", limit: rules.maxLength, rules: rules, in: type)
        }
        if let prefix {
            try check(prefix, attribute: "name_prefix", limit: rules.maxLength - suffixLength, rules: rules, in: type)
        }
    }

    private static func check(_ text: String, attribute: String, limit: Int, rules: Rules, in type: String) throws(ProviderError) {
        let path = ValuePath([.attribute(attribute)])
        if text.isEmpty || text.count > limit {
            let room = attribute == "name_prefix" ? " (the generated part takes \(suffixLength) more)" : ""
            throw ProviderError(
                "Invalid \(attribute) \"\(text)\"",
                detail: "\(type)'s \(attribute) must be 1 to \(limit) characters long\(room); \"\(text)\" has \(text.count).",
                attribute: path)
        }
        if !rules.allows(text) {
            throw ProviderError(
                "Invalid \(attribute) \"\(text)\"",
                detail: "\(type)'s \(attribute) may contain only \(rules.allowedText).", attribute: path)
        }
    }

    /// A `name_prefix` change that leaves the name as it is only records
    /// the prefix, no replacement: setting a prefix the name already starts
    /// with (after an import, which cannot know the prefix), or removing
    /// the prefix (the generated name stays, as in Terraform).
    static func sparingPrefixOnlyChange(_ change: PlannedChange, prior: Value, schema: ResourceSchema) -> PlannedChange {
        let prefixPath = ValuePath([.attribute("name_prefix")])
        guard change.requiresReplace.contains(prefixPath), !prior.isNull,
              let name = prior.stringAttribute("name"), change.planned.stringAttribute("name") == name,
              let prefixValue = change.planned.attributes?["name_prefix"], prefixValue.isKnown,
              prefixValue.stringValue.map(name.hasPrefix) ?? true else { return change }
        var spared = change
        spared.requiresReplace.removeAll { $0 == prefixPath }
        if spared.requiresReplace.isEmpty, let attributes = prior.attributes {
            // No replacement after all: computed attributes keep their values
            // (SchemaPlanning made them unknown for the replacement).
            var planned = spared.planned.attributes ?? [:]
            for (key, attribute) in schema.attributes where attribute.presence == .computed {
                if let value = planned[key], !value.isWhollyKnown { planned[key] = attributes[key] ?? value }
            }
            spared.planned = .object(planned)
        }
        return spared
    }

    /// Rejects a `path` AWS would reject: it must start and end with `/`.
    static func validatePath(_ configuration: Value, in type: String) throws(ProviderError) {
        guard let path = configuration.stringAttribute("path") else { return }
        guard path.hasPrefix("/"), path.hasSuffix("/"), path.count <= 512,
              path.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\u{7F}" }) else {
            throw ProviderError(
                "Invalid path \"\(path)\"",
                detail: "\(type)'s path must start and end with a slash, like \"/\" or \"/service/ecs/\", and have at most 512 printable ASCII characters.",
                attribute: ValuePath([.attribute("path")]))
        }
    }
}
