import Foundation
import PCLang
import PCProvider

/// `name` / `name_prefix` for security groups, launch configurations and
/// auto-scaling groups, as Terraform has them: a given name, or a unique
/// one made from the prefix (`terraform-` when neither is set). The name is
/// chosen at create time, so a plan shows it as known after apply.
enum EC2Naming {
    static let defaultPrefix = "terraform-"
    /// A UTC timestamp to the second (14 digits) and 12 random hex digits:
    /// as long as Terraform's generated suffix.
    static let suffixLength = 26

    /// The name to create the object with.
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

    /// Refuses `name` together with `name_prefix`, and names or prefixes
    /// longer than AWS takes (`maxLength` characters for the whole name).
    static func validate(_ configuration: Value, maxLength: Int, in type: String) throws(ProviderError) {
        let name = configuration.stringAttribute("name")
        let prefix = configuration.stringAttribute("name_prefix")
        if name != nil && prefix != nil {
            throw ProviderError(
                "Conflicting arguments name and name_prefix",
                detail: "\(type) takes either name (the exact name) or name_prefix (a unique name starting with it), not both. Remove one.",
                attribute: ValuePath([.attribute("name_prefix")]))
        }
        if let name {
            if name.isEmpty {
                throw ProviderError(
                    "Empty name", detail: "\(type) name must not be empty: remove the argument to get a generated name.",
                    attribute: ValuePath([.attribute("name")]))
            }
            if name.count > maxLength {
                throw ProviderError(
                    "Name too long", detail: "\(type) name \"\(name)\" has \(name.count) characters; AWS takes at most \(maxLength).",
                    attribute: ValuePath([.attribute("name")]))
            }
        }
        if let prefix, prefix.count > maxLength - suffixLength {
            throw ProviderError(
                "Name prefix too long",
                detail: "\(type) name_prefix \"\(prefix)\" has \(prefix.count) characters; with the \(suffixLength)-character unique "
                    + "suffix the name may have at most \(maxLength), so the prefix may have at most \(maxLength - suffixLength).",
                attribute: ValuePath([.attribute("name_prefix")]))
        }
    }
}
