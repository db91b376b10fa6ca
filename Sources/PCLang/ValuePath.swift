/// A path into a value: attribute names and indexes (numbers for lists,
/// sets and tuples; strings for maps), as recorded for sensitive
/// attributes and replace paths.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    public var steps: [PathStep]

    public init(_ steps: [PathStep] = []) {
        self.steps = steps
    }

    /// The path as Terraform writes it in messages: `.name`, `[0]`,
    /// `["key"]` (Go-quoted); empty for the value itself.
    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .attribute(let name):
                text += "." + name
            case .index(let key):
                if let string = key.stringValue {
                    text += "[" + string.goQuoted + "]"
                } else if let number = key.numberValue {
                    text += "[\(number)]"
                } else {
                    text += "[?]"
                }
            }
        }
        return text
    }
}

public enum PathStep: Sendable, Hashable {
    case attribute(String)
    case index(Value)
}
