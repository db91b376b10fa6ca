import Foundation
import PCLang
import PCProvider

/// IAM policy documents (trust policies, inline policies) compared by what
/// they mean rather than how they are spelled.
///
/// AWS hands documents back percent-encoded and re-serialised: keys in
/// another order, whitespace gone, a lone action sometimes a one-element
/// list, an account id in a principal rewritten as its root ARN. A user's
/// unchanged document must still plan as a no-op, so plans and reads keep
/// the text the user wrote whenever AWS's copy means the same.
enum IAMPolicyDocument {
    /// The document as text: AWS percent-encodes documents in IAM replies
    /// (`%7B%22Version%22…`). Text that is not percent-encoded (a `%` that
    /// starts no escape) is returned as it is.
    static func decoded(fromAWS text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Whether two documents mean the same policy. Either failing to parse
    /// as JSON makes them equal only when their text is.
    static func areEquivalent(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let first = canonical(a), let second = canonical(b) else { return false }
        return first == second
    }

    /// What to record after reading AWS's copy: the recorded text when it
    /// means the same (so the user's formatting survives refreshes),
    /// otherwise AWS's document.
    static func reconciled(aws: String, recorded: String?) -> String {
        let document = decoded(fromAWS: aws)
        if let recorded, areEquivalent(document, recorded) { return recorded }
        return document
    }

    /// A canonical JSON text of the document's meaning; nil when the text
    /// is not a JSON object.
    static func canonical(_ text: String) -> String? {
        guard let value = try? Value.fromJSON(text), value.attributes != nil else { return nil }
        return try? normalised(value, key: nil).jsonString()
    }

    /// Normalises the spellings IAM treats alike: a one-element list is its
    /// element, lists are unordered and free of duplicates, numbers and
    /// bools are the strings IAM compares them as, and an account root ARN
    /// in a principal is the bare account id.
    private static func normalised(_ value: Value, key: String?) -> Value {
        switch value.content {
        case .object(let attributes), .map(let attributes, _):
            var result: [String: Value] = [:]
            for (name, element) in attributes { result[name] = normalised(element, key: name) }
            return .object(result)
        case .tuple(let elements), .list(let elements, _), .set(let elements, _):
            let normalisedElements = elements.map { normalised($0, key: key) }
            var seen: Set<String> = []
            var unique: [(String, Value)] = []
            for element in normalisedElements {
                let text = (try? element.jsonString()) ?? ""
                if seen.insert(text).inserted { unique.append((text, element)) }
            }
            unique.sort { $0.0 < $1.0 }
            if unique.count == 1 { return unique[0].1 }
            return .tuple(unique.map(\.1))
        case .number(let number):
            return .string(number.description)
        case .bool(let flag):
            return .string(flag ? "true" : "false")
        case .string(let text) where key == "AWS":
            return .string(accountID(inRootARN: text) ?? text)
        default:
            return value
        }
    }

    /// `123456789012` for `arn:aws:iam::123456789012:root` (any partition).
    private static func accountID(inRootARN text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty, parts[5] == "root",
              parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else { return nil }
        return String(parts[4])
    }

    // MARK: Planning

    /// Refuses a configured document that is not a JSON object, naming the
    /// attribute, before anything reaches AWS.
    static func validate(_ configuration: Value, attribute: String, in type: String) throws(ProviderError) {
        guard let text = configuration.stringAttribute(attribute) else { return }
        guard let value = try? Value.fromJSON(text), value.attributes != nil else {
            throw ProviderError(
                "Invalid JSON in \(attribute)",
                detail: "\(type)'s \(attribute) must be a JSON policy document (an object such as "
                    + "{\"Version\": \"2012-10-17\", \"Statement\": [...]}). Build it with jsonencode(...) to be sure it is valid JSON.",
                attribute: ValuePath([.attribute(attribute)]))
        }
    }

    /// `planned` with each document attribute put back to the prior text
    /// when the new one means the same, so reformatting plans as a no-op.
    static func keepingEquivalent(_ planned: Value, prior: Value, attributes names: [String]) -> Value {
        guard !prior.isNull, var attributes = planned.attributes else { return planned }
        for name in names {
            guard let new = planned.stringAttribute(name), let old = prior.stringAttribute(name) else { continue }
            if new != old && areEquivalent(new, old) { attributes[name] = .string(old) }
        }
        return .object(attributes)
    }
}
