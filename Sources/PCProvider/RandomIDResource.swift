import Foundation
import PCLang

/// `random_id`: random bytes chosen once, shown in several encodings;
/// changing `keepers` or `byte_length` chooses new ones.
public struct RandomIDResource: ResourceType {
    public let name = "random_id"

    public init() {}

    public var schema: ResourceSchema {
        ResourceSchema(attributes: [
            "id": AttributeSchema(.string, .computed, summary: "The bytes in URL-safe base64 without padding."),
            "byte_length": AttributeSchema(.number, .required, forcesReplacement: true, summary: "How many random bytes; at least 1."),
            "keepers": AttributeSchema(.map(.string), .optional, forcesReplacement: true, summary: "Changing any value chooses new bytes."),
            "prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Text put before the hex and dec forms."),
            "b64_url": AttributeSchema(.string, .computed),
            "b64_std": AttributeSchema(.string, .computed),
            "hex": AttributeSchema(.string, .computed),
            "dec": AttributeSchema(.string, .computed),
        ], summary: "Random bytes chosen once.")
    }

    public func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        if let length = request.configuration.attributes?["byte_length"]?.numberValue {
            guard let count = length.intValue, length.isInteger, count >= 1, count <= 1024 else {
                throw ProviderError("Invalid byte_length", detail: "byte_length must be a whole number from 1 to 1024; it is \(length).",
                                    attribute: ValuePath([.attribute("byte_length")]))
            }
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    public func create(planned: Value) throws(ProviderError) -> Value {
        let count = planned.attributes?["byte_length"]?.numberValue?.intValue ?? 8
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return encode(bytes, planned: planned)
    }

    public func delete(prior: Value) throws(ProviderError) {}

    public func importObject(id: String) throws(ProviderError) -> Value {
        var text = id.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), !data.isEmpty else {
            throw ProviderError("Invalid import ID", detail: "A random_id is imported by its id: the bytes in URL-safe base64 without padding.")
        }
        return encode(Array(data), planned: .object(["byte_length": .number(data.count), "keepers": .null(.map(.string)), "prefix": .null(.string)]))
    }

    private func encode(_ bytes: [UInt8], planned: Value) -> Value {
        var attributes = planned.attributes ?? [:]
        let prefix = attributes["prefix"]?.stringValue ?? ""
        let standard = Data(bytes).base64EncodedString()
        let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        attributes["id"] = .string(url)
        attributes["b64_url"] = .string(prefix + url)
        attributes["b64_std"] = .string(prefix + standard)
        attributes["hex"] = .string(prefix + bytes.map { String(format: "%02x", $0) }.joined())
        attributes["dec"] = .string(prefix + Self.decimal(bytes))
        return .object(attributes)
    }

    /// The bytes as one big-endian unsigned integer in decimal.
    static func decimal(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = [0]
        for byte in bytes {
            var carry = Int(byte)
            for index in digits.indices {
                let value = Int(digits[index]) * 256 + carry
                digits[index] = UInt8(value % 10)
                carry = value / 10
            }
            while carry > 0 {
                digits.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        return String(digits.reversed().map { Character(String($0)) })
    }
}
