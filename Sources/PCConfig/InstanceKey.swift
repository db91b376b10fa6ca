/// The key of one instance of a repeated resource or module: `count.index`
/// or `each.key`.
public enum InstanceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    case index(Int)
    case key(String)

    /// `[0]` or `["a"]`, as in addresses.
    public var description: String {
        switch self {
        case .index(let index): "[\(index)]"
        case .key(let key): "[\(AddressText.quoted(key))]"
        }
    }

    public static func < (a: InstanceKey, b: InstanceKey) -> Bool {
        switch (a, b) {
        case (.index(let x), .index(let y)): x < y
        case (.key(let x), .key(let y)): x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.index, .key): true
        case (.key, .index): false
        }
    }
}

/// Quoting for keys inside addresses, as Terraform writes them.
enum AddressText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
