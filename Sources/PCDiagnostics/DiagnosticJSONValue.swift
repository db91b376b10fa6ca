/// A JSON document with object keys in the order they were written.
///
/// Machine-readable output must be byte-for-byte stable, and Foundation's
/// `JSONSerialization` does not promise key order on Linux, so pcplan writes
/// its JSON itself. The layout matches Go's `json.MarshalIndent` with a
/// two-space indent, which is what Terraform prints, so tools and people
/// comparing the two see the same shape.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The document, indented by two spaces per level, with a final newline.
    public func rendered() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, depth: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The document on one line, without a final newline.
    public func renderedCompact() -> String {
        var out: [UInt8] = []
        write(to: &out, depth: nil)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], depth: Int?) {
        switch self {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value):
            out.append(contentsOf: String(value).utf8)
        case .string(let value):
            JSONValue.writeString(value, to: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, depth.map { $0 + 1 })
                element.write(to: &out, depth: depth.map { $0 + 1 })
            }
            JSONValue.newline(&out, depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, depth.map { $0 + 1 })
                JSONValue.writeString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                if depth != nil { out.append(UInt8(ascii: " ")) }
                member.1.write(to: &out, depth: depth.map { $0 + 1 })
            }
            JSONValue.newline(&out, depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ depth: Int?) {
        guard let depth else { return }
        out.append(0x0A)
        for _ in 0..<depth { out.append(contentsOf: [0x20, 0x20]) }
    }

    /// Escapes like Go's encoder: the short forms for common controls,
    /// `\u00XX` for other controls, and `<`, `>`, `&`, U+2028 and U+2029
    /// as `\u` escapes so the text is safe to embed in HTML and JavaScript.
    static func writeString(_ value: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                let v = scalar.value
                out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
                out.append(hex[Int(v >> 12 & 0xF)])
                out.append(hex[Int(v >> 8 & 0xF)])
                out.append(hex[Int(v >> 4 & 0xF)])
                out.append(hex[Int(v & 0xF)])
            default:
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
