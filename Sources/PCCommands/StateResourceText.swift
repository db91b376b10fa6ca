import PCLang
import PCProvider

/// Objects recorded in state, as `terraform state show` and `terraform
/// show` print them:
///
/// ```
/// # aws_instance.web:
/// resource "aws_instance" "web" {
///     ami  = "ami-123"
///     tags = {
///         "Name" = "web"
///     }
/// }
/// ```
///
/// Attributes in name order with their `=` aligned, null ones left out;
/// nested blocks after them; sensitive values as `(sensitive value)`;
/// strings holding a JSON object or array as `jsonencode(…)`; multi-line
/// strings as heredocs. Four spaces per level.
enum StateResourceText {
    static let indentWidth = 4

    static func render(
        address: String, isData: Bool, type: String, name: String, value: Value, schema: ResourceSchema?
    ) -> String {
        var text = "# \(address):\n"
        text += isData ? "data " : "resource "
        text += type.goQuoted + " " + name.goQuoted + " {\n"
        writeBody(value, schema: schema, indent: indentWidth, into: &text)
        text += "}\n"
        return text
    }

    /// One value on its own, as an output is shown: `name = value`.
    static func assignment(_ name: String, _ value: Value) -> String {
        var text = name + " = "
        writeValue(value, indent: 0, into: &text)
        return text + "\n"
    }

    /// The attributes and nested blocks of a resource or block body.
    private static func writeBody(_ value: Value, schema: ResourceSchema?, indent: Int, into text: inout String) {
        guard !value.isSensitive, let attributes = value.attributes else { return }
        let blocks = schema?.blocks ?? [:]
        var shown: [(String, Value)] = []
        for name in Value.sortedKeys(attributes) where blocks[name] == nil {
            let attribute = attributes[name]!
            // As Terraform does, an unset attribute is not worth a line.
            if attribute.isNull && !attribute.isSensitive { continue }
            shown.append((name.isIdentifier ? name : name.goQuoted, attribute))
        }
        writeAligned(shown, indent: indent, into: &text)
        for name in blocks.keys.sorted(by: Value.keyOrder) {
            guard let block = attributes[name], !block.isNull, let content = blocks[name]?.content else { continue }
            if block.isSensitive {
                text += "\n" + spaces(indent) + name + " {\n"
                text += spaces(indent + indentWidth) + "# (sensitive value)\n" + spaces(indent) + "}\n"
                continue
            }
            for item in block.elements ?? [block] where !item.isNull {
                text += "\n" + spaces(indent) + name + " {\n"
                writeBody(item, schema: content, indent: indent + indentWidth, into: &text)
                text += spaces(indent) + "}\n"
            }
        }
    }

    private static func writeAligned(_ entries: [(String, Value)], indent: Int, into text: inout String) {
        let width = entries.reduce(0) { max($0, $1.0.count) }
        for (key, value) in entries {
            text += spaces(indent)
            text += key
            text += String(repeating: " ", count: width - key.count)
            text += " = "
            writeValue(value, indent: indent, into: &text)
            text += "\n"
        }
    }

    /// A value starting where the cursor is, on a line indented by
    /// `indent`; its inner lines go one level deeper.
    static func writeValue(_ value: Value, indent: Int, into text: inout String) {
        if value.isSensitive {
            text += "(sensitive value)"
            return
        }
        let inner = indent + indentWidth
        switch value.content {
        case .null:
            text += "null"
        case .unknown:
            text += "(known after apply)"
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .number(let number):
            text += number.description
        case .string(let string):
            writeString(string, indent: indent, into: &text)
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            if elements.isEmpty {
                text += "[]"
                return
            }
            text += "[\n"
            for element in elements {
                text += spaces(inner)
                writeValue(element, indent: inner, into: &text)
                text += ",\n"
            }
            text += spaces(indent) + "]"
        case .map(let entries, _):
            writeObject(entries, quoteAll: true, indent: indent, into: &text)
        case .object(let attributes):
            writeObject(attributes, quoteAll: false, indent: indent, into: &text)
        }
    }

    /// Map keys are always quoted; object attributes only when they are
    /// not identifiers.
    private static func writeObject(_ entries: [String: Value], quoteAll: Bool, indent: Int, into text: inout String) {
        if entries.isEmpty {
            text += "{}"
            return
        }
        text += "{\n"
        let keyed = Value.sortedKeys(entries).map { key in
            (quoteAll || !key.isIdentifier ? key.goQuoted : key, entries[key]!)
        }
        writeAligned(keyed, indent: indent + indentWidth, into: &text)
        text += spaces(indent) + "}"
    }

    private static func writeString(_ string: String, indent: Int, into text: inout String) {
        if let document = jsonDocument(string) {
            text += "jsonencode(\n" + spaces(indent + indentWidth)
            writeValue(document, indent: indent + indentWidth, into: &text)
            text += "\n" + spaces(indent) + ")"
            return
        }
        guard string.contains("\n") else {
            text += string.goQuoted
            return
        }
        // The final newline of a text file is the heredoc's own.
        let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let delimiter = Heredoc.delimiter(for: lines)
        text += "<<-" + delimiter + "\n"
        for line in lines {
            if !line.isEmpty { text += spaces(indent + indentWidth) + line }
            text += "\n"
        }
        text += spaces(indent) + delimiter
    }

    /// The decoded document when `string` is a JSON object or array, which
    /// is then easier to read laid out than as one escaped line.
    private static func jsonDocument(_ string: String) -> Value? {
        guard let first = string.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return nil }
        return try? Value.fromJSON(string)
    }

    private static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: count)
    }
}
