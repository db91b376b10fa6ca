/// Values as JSON text: the codec behind `jsonencode`/`jsondecode`, the
/// state file's attributes and the JSON plan.
///
/// Writing follows Terraform's `jsonencode` byte for byte: object keys in
/// byte order, no spaces, `<`, `>`, `&`, U+2028 and U+2029 escaped as Go's
/// encoder does, numbers in plain decimal. Sensitive marks are ignored (the
/// caller decides what may be written); an unknown value anywhere is an
/// error, since JSON has no way to say "known after apply".
extension Value {
    /// The value as compact JSON, as `jsonencode` writes it.
    public func jsonString() throws(ValueJSONError) -> String {
        var bytes: [UInt8] = []
        try appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value as JSON indented by two spaces per level, for documents
    /// people read (`state pull`).
    public func prettyJSONString() throws(ValueJSONError) -> String {
        var bytes: [UInt8] = []
        try appendJSON(to: &bytes, pretty: true)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's JSON to `buffer`, so documents made of many
    /// values are written without intermediate strings.
    public func appendJSON(to buffer: inout [UInt8], pretty: Bool = false) throws(ValueJSONError) {
        var writer = ValueJSONWriter(output: buffer, pretty: pretty)
        buffer = []
        defer { buffer = writer.output }
        try writer.write(self, depth: 0)
    }

    /// Appends `string` as a JSON string literal, escaped as `jsonencode`
    /// escapes it; for callers assembling documents around values.
    public static func appendJSONString(_ string: String, to buffer: inout [UInt8]) {
        var writer = ValueJSONWriter(output: buffer, pretty: false)
        buffer = []
        writer.writeString(string)
        buffer = writer.output
    }
}

/// Why a value could not be written as JSON, or JSON text could not be
/// read: a message in Go's words (which Terraform users know), where in the
/// input (byte offset, 1-based line and column) or where in the value.
public struct ValueJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset of the problem in the input text; nil when writing.
    public var offset: Int?
    public var line: Int?
    public var column: Int?
    /// Where in the value being written or read into a type the problem is.
    public var path: ValuePath

    public init(_ message: String, offset: Int? = nil, line: Int? = nil, column: Int? = nil, path: ValuePath = ValuePath()) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
    }

    /// The message with where it is: "on line 1, column 4: invalid
    /// character ']' looking for beginning of value", "at .tags["x"]: value
    /// is not known until the plan is applied".
    public var description: String {
        var text = ""
        if let line, let column {
            text += "on line \(line), column \(column): "
        }
        if !path.steps.isEmpty {
            text += "at " + path.description + ": "
        }
        return text + message
    }

    func prefixed(by step: PathStep) -> ValueJSONError {
        var copy = self
        copy.path.steps.insert(step, at: 0)
        return copy
    }
}

/// Deep nesting is refused rather than risking the stack: writing and
/// reading share the limit, so whatever is written can be read back.
enum ValueJSONLimits {
    static let maximumDepth = 512
}

struct ValueJSONWriter {
    var output: [UInt8]
    let pretty: Bool

    mutating func write(_ value: Value, depth: Int) throws(ValueJSONError) {
        switch value.content {
        case .null:
            output.append(contentsOf: ValueJSONWriter.nullBytes)
        case .unknown:
            throw ValueJSONError("value is not known until the plan is applied")
        case .bool(let bool):
            output.append(contentsOf: bool ? ValueJSONWriter.trueBytes : ValueJSONWriter.falseBytes)
        case .number(let number):
            output.append(contentsOf: number.description.utf8)
        case .string(let string):
            writeString(string)
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            try writeArray(elements, depth: depth + 1)
        case .map(let attributes, _):
            try writeObject(attributes, asMap: true, depth: depth + 1)
        case .object(let attributes):
            try writeObject(attributes, asMap: false, depth: depth + 1)
        }
    }

    private mutating func checkDepth(_ depth: Int) throws(ValueJSONError) {
        if depth > ValueJSONLimits.maximumDepth {
            throw ValueJSONError("value is nested more than \(ValueJSONLimits.maximumDepth) levels deep")
        }
    }

    private mutating func writeArray(_ elements: [Value], depth: Int) throws(ValueJSONError) {
        try checkDepth(depth)
        output.append(UInt8(ascii: "["))
        if elements.isEmpty {
            output.append(UInt8(ascii: "]"))
            return
        }
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if pretty { newline(depth) }
            do {
                try write(element, depth: depth)
            } catch {
                throw error.prefixed(by: .index(.number(index)))
            }
        }
        if pretty { newline(depth - 1) }
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ attributes: [String: Value], asMap: Bool, depth: Int) throws(ValueJSONError) {
        try checkDepth(depth)
        output.append(UInt8(ascii: "{"))
        if attributes.isEmpty {
            output.append(UInt8(ascii: "}"))
            return
        }
        var first = true
        for key in Value.sortedKeys(attributes) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            if pretty { newline(depth) }
            writeString(key)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            do {
                try write(attributes[key]!, depth: depth)
            } catch {
                throw error.prefixed(by: asMap ? .index(.string(key)) : .attribute(key))
            }
        }
        if pretty { newline(depth - 1) }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ depth: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Escapes as Go's `encoding/json` does with HTML escaping on (what
    /// Terraform's `jsonencode` produces): short escapes for the common
    /// control characters, `\u00XX` for the rest, and `<`, `>`, `&`,
    /// U+2028, U+2029 as `\u` escapes so the text is safe inside HTML and
    /// JavaScript.
    mutating func writeString(_ string: String) {
        var string = string
        output.append(UInt8(ascii: "\""))
        string.withUTF8 { bytes in
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E
                    && byte != 0x26 && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                    guard index + 2 < count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    output.append(contentsOf: bytes[index + 2] == 0xA8 ? ValueJSONWriter.lineSeparator : ValueJSONWriter.paragraphSeparator)
                    index += 3
                    runStart = index
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(byte)
                index += 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: output.append(UInt8(ascii: "\""))
        case 0x5C: output.append(UInt8(ascii: "\\"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                       ValueJSONWriter.hexDigits[Int(byte >> 4)], ValueJSONWriter.hexDigits[Int(byte & 0xF)]])
        }
    }

    static let nullBytes: [UInt8] = Array("null".utf8)
    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let lineSeparator: [UInt8] = Array("\\u2028".utf8)
    static let paragraphSeparator: [UInt8] = Array("\\u2029".utf8)
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
