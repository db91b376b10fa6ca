import Foundation
import PCHTTP
import PCLang

/// Removes secrets from what the debug log shows: signatures, session
/// tokens, and body fields named like secrets (`SecretString`,
/// `SecretAccessKey`, `Password`, …) in form, JSON and XML bodies alike.
///
/// A body it cannot read is not shown at all: a log that might leak a
/// secret is worse than one that says "not shown".
public enum AWSRedactor {
    public static let mask = "<redacted>"

    /// Longest body shown, after redaction.
    static let bodyLimit = 16 * 1024

    /// Whether a parameter, JSON key, XML element or name/value pair with
    /// this name holds a secret. Case, `_` and `-` are ignored, so
    /// `secret_key`, `SecretKey` and `SECRET-KEY` all match.
    public static func isSecretName(_ name: String) -> Bool {
        let normalized = String(name.lowercased().filter { $0 != "_" && $0 != "-" })
        if secretNames.contains(normalized) { return true }
        return normalized.hasSuffix("password") || normalized.hasSuffix("secretaccesskey")
            || normalized.hasSuffix("sessiontoken") || normalized.hasSuffix("secretstring")
    }

    private static let secretNames: Set<String> = [
        "secretstring", "secretbinary", "secretaccesskey", "sessiontoken", "secretkey", "password", "privatekey",
        "securitytoken", "xamzsecuritytoken", "installbundle", "token",
    ]

    /// A header's value as the log may show it.
    public static func headerValue(name: String, value: String) -> String {
        switch name.lowercased() {
        case "authorization":
            // Keep the credential scope and signed headers, which explain
            // signature mismatches; drop the signature itself.
            guard let range = value.range(of: "Signature=") else { return mask }
            return String(value[..<range.upperBound]) + mask
        case "x-amz-security-token", "proxy-authorization", "cookie", "set-cookie":
            return mask
        default:
            return value
        }
    }

    /// A body as the log may show it.
    public static func body(_ bytes: [UInt8], contentType: String?) -> String {
        guard let first = AWSErrorParser.firstSignificantByte(bytes) else { return "" }
        let text: String
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            guard let redacted = json(bytes) else { return "<\(bytes.count) bytes of unreadable JSON, not shown>" }
            text = redacted
        } else if first == UInt8(ascii: "<") {
            text = xml(String(decoding: bytes, as: UTF8.self))
        } else if contentType?.lowercased().contains("x-www-form-urlencoded") ?? false {
            text = form(String(decoding: bytes, as: UTF8.self))
        } else {
            return "<\(bytes.count) bytes, not shown>"
        }
        guard text.utf8.count > bodyLimit else { return text }
        let kept = String(decoding: Array(text.utf8.prefix(bodyLimit)), as: UTF8.self)
        return kept + "… (\(text.utf8.count - bodyLimit) more bytes)"
    }

    /// `Name=value&…` with secret-named parameters masked. List entries
    /// count by their last component (`Parameters.member.1.SecretString`).
    public static func form(_ body: String) -> String {
        body.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = String(pair[..<equals])
            let decodedName = (name.removingPercentEncoding ?? name)
            let lastComponent = decodedName.split(separator: ".").last.map(String.init) ?? decodedName
            return isSecretName(lastComponent) ? name + "=" + mask : String(pair)
        }.joined(separator: "&")
    }

    /// The JSON document with secrets masked, compact; nil when it is not JSON.
    public static func json(_ bytes: [UInt8]) -> String? {
        guard let value = try? Value.fromJSON(bytes), let text = try? redacted(value).jsonString() else { return nil }
        // jsonencode escapes '<' and '>'; show the mask as people grep for it.
        return text.replacingOccurrences(of: "\\u003credacted\\u003e", with: mask)
    }

    /// Masks, at any depth: values under secret-named keys; the `value` of
    /// `{name, value}` pairs with a secret-looking name (container
    /// environment variables); the `Value` of a `SecureString` parameter.
    static func redacted(_ value: Value) -> Value {
        if let elements = value.elements {
            return .tuple(elements.map(redacted))
        }
        guard var attributes = value.attributes else { return value }
        for (key, element) in attributes {
            attributes[key] = isSecretName(key) ? .string(mask) : redacted(element)
        }
        for nameKey in ["name", "Name"] {
            if let name = attributes[nameKey]?.stringValue, isSecretName(name) {
                for valueKey in ["value", "Value"] where attributes[valueKey] != nil { attributes[valueKey] = .string(mask) }
            }
        }
        if attributes["Type"]?.stringValue == "SecureString", attributes["Value"] != nil {
            attributes["Value"] = .string(mask)
        }
        return .object(attributes)
    }

    /// Masks the text of every element whose local name is secret-like
    /// (`<SecretAccessKey>…</SecretAccessKey>`). Works on text, so a
    /// truncated or malformed document is still redacted.
    public static func xml(_ document: String) -> String {
        let bytes = Array(document.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            output.append(byte)
            index += 1
            guard byte == UInt8(ascii: "<"), index < bytes.count, bytes[index] != UInt8(ascii: "/") else { continue }
            // Read the tag through its '>' and decide from its local name.
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            let tag = bytes[index..<close]
            output.append(contentsOf: bytes[index...close])
            index = close + 1
            if tag.last == UInt8(ascii: "/") { continue }
            let qualified = tag.prefix { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
            let name = qualified.split(separator: UInt8(ascii: ":")).last.map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard isSecretName(name) else { continue }
            let end = endOfText(bytes, from: index)
            if end > index { output.append(contentsOf: mask.utf8) }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where an element's character data ends: the next tag, with CDATA
    /// sections counted as text.
    private static func endOfText(_ bytes: [UInt8], from start: Int) -> Int {
        let cdataOpen = Array("<![CDATA[".utf8)
        let cdataClose = Array("]]>".utf8)
        var index = start
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            guard bytes[index...].starts(with: cdataOpen) else { return index }
            index += cdataOpen.count
            while index < bytes.count && !bytes[index...].starts(with: cdataClose) { index += 1 }
            index = min(bytes.count, index + cdataClose.count)
        }
        return bytes.count
    }
}
