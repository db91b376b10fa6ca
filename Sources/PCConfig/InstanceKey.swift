import PCLang

/// The key of one instance of a repeated resource or module: `count.index`
/// or `each.key`.
public enum InstanceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    case index(Int)
    case key(String)

    /// `[0]` or `["a"]`, as in addresses: the key is a string literal of
    /// the language, so the address reads back as the same key.
    public var description: String {
        switch self {
        case .index(let index): "[\(index)]"
        case .key(let key): "[\(key.hclQuoted)]"
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
