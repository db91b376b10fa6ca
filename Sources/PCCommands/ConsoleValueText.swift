import PCLang

/// Values as `terraform console` prints them, so that what a module author
/// sees in pcplan reads like Terraform's and can be pasted back as an
/// expression:
///
/// ```
/// {
///   "a" = 1
///   "b" = tolist([
///     "x",
///   ])
/// }
/// ```
///
/// Tuples and objects print as literals, lists, sets and maps wrapped in
/// `tolist`, `toset` and `tomap`; every key is quoted; two spaces per
/// level; strings with a newline as heredocs. Unknown values print as
/// `(known after apply)`, sensitive ones as `(sensitive value)`, typed
/// nulls with their conversion (`tostring(null)`).
enum ConsoleValueText {
    static func render(_ value: Value) -> String {
        var text = ""
        write(value, indent: 0, into: &text)
        return text
    }

    private static func write(_ value: Value, indent: Int, into text: inout String) {
        if value.isSensitive {
            text += "(sensitive value)"
            return
        }
        switch value.content {
        case .unknown:
            text += "(known after apply)"
        case .null(let type):
            text += null(of: type)
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .number(let number):
            text += number.description
        case .string(let string):
            writeString(string, indent: indent, into: &text)
        case .list(let elements, _):
            writeSequence(elements, open: "tolist([", close: "])", indent: indent, into: &text)
        case .set(let elements, _):
            writeSequence(elements, open: "toset([", close: "])", indent: indent, into: &text)
        case .tuple(let elements):
            writeSequence(elements, open: "[", close: "]", indent: indent, into: &text)
        case .map(let entries, _):
            writeMapping(entries, open: "tomap({", close: "})", indent: indent, into: &text)
        case .object(let attributes):
            writeMapping(attributes, open: "{", close: "}", indent: indent, into: &text)
        }
    }

    private static func writeSequence(_ elements: [Value], open: String, close: String, indent: Int, into text: inout String) {
        text += open
        guard !elements.isEmpty else {
            text += close
            return
        }
        text += "\n"
        for element in elements {
            text += spaces(indent + 2)
            write(element, indent: indent + 2, into: &text)
            text += ",\n"
        }
        text += spaces(indent) + close
    }

    private static func writeMapping(_ entries: [String: Value], open: String, close: String, indent: Int, into text: inout String) {
        text += open
        guard !entries.isEmpty else {
            text += close
            return
        }
        text += "\n"
        for key in Value.sortedKeys(entries) {
            text += spaces(indent + 2)
            writeString(key, indent: indent + 2, into: &text)
            text += " = "
            write(entries[key]!, indent: indent + 2, into: &text)
            text += "\n"
        }
        text += spaces(indent) + close
    }

    /// One line quoted, or a heredoc when the text has a newline: at the
    /// top level `<<EOT` with the text as it is, nested `<<-EOT` with each
    /// line indented to the value's level.
    private static func writeString(_ string: String, indent: Int, into text: inout String) {
        guard string.contains("\n") else {
            text += string.goQuoted
            return
        }
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        let delimiter = Heredoc.delimiter(for: lines)
        if indent == 0 {
            text += "<<" + delimiter + "\n" + string + "\n" + delimiter
            return
        }
        let margin = spaces(indent)
        text += "<<-" + delimiter + "\n"
        for line in lines {
            text += margin
            text += line
            text += "\n"
        }
        text += margin + delimiter
    }

    /// Terraform shows a typed null with the conversion that makes it.
    private static func null(of type: ValueType) -> String {
        switch type {
        case .dynamic: "null"
        case .string: "tostring(null)"
        case .number: "tonumber(null)"
        case .bool: "tobool(null)"
        case .list(let element): "tolist(null) /* of \(element.friendlyName) */"
        case .set(let element): "toset(null) /* of \(element.friendlyName) */"
        case .map(let element): "tomap(null) /* of \(element.friendlyName) */"
        case .tuple, .object: "null /* \(type.friendlyName) */"
        }
    }

    private static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: count)
    }
}
