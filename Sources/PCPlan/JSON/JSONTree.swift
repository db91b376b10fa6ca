import PCLang

/// A JSON document being assembled for `PlanJSON`: object members are
/// written sorted by their UTF-8 bytes whatever order they were added in,
/// so the output is the same for the same plan on every run, and values
/// are written by `Value`'s own encoder (escaping as `jsonencode` does,
/// which is also what Go's `encoding/json` writes for Terraform).
indirect enum JSONTree {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])
    /// A value with no unknown part (marks are ignored when writing).
    case value(Value)

    static let emptyObject = JSONTree.object([:])
    static let emptyArray = JSONTree.array([])

    /// Compact text, as `terraform show -json` prints it.
    var text: String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        write(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    func write(to buffer: inout [UInt8]) {
        switch self {
        case .null:
            buffer.append(contentsOf: JSONTree.nullBytes)
        case .bool(let flag):
            buffer.append(contentsOf: flag ? JSONTree.trueBytes : JSONTree.falseBytes)
        case .int(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .string(let string):
            Value.appendJSONString(string, to: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                element.write(to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let members):
            buffer.append(UInt8(ascii: "{"))
            var first = true
            for key in members.keys.sorted(by: Value.keyOrder) {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                Value.appendJSONString(key, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                members[key]!.write(to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        case .value(let value):
            // Callers pass only wholly known values; should one slip
            // through, `null` keeps the document well formed.
            let mark = buffer.count
            do {
                try value.appendJSON(to: &buffer)
            } catch {
                buffer.removeSubrange(mark...)
                buffer.append(contentsOf: JSONTree.nullBytes)
            }
        }
    }

    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
}
