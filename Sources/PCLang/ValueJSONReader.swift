extension Value {
    /// Reads JSON text as `jsondecode` does: objects become objects, arrays
    /// tuples, numbers exact decimals, `null` a null of dynamic type.
    /// Duplicate keys keep the last value, as Go's decoder does.
    public static func fromJSON(_ text: String) throws(ValueJSONError) -> Value {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ValueJSONError) -> Value in
                var reader = ValueJSONReader(bytes: bytes)
                return try reader.readDocument(as: nil)
            }
        }
        return try result.get()
    }

    /// Reads JSON bytes (invalid UTF-8 inside strings becomes U+FFFD).
    public static func fromJSON(_ bytes: [UInt8]) throws(ValueJSONError) -> Value {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ValueJSONError) -> Value in
                var reader = ValueJSONReader(bytes: buffer)
                return try reader.readDocument(as: nil)
            }
        }
        return try result.get()
    }

    /// Reads JSON text into `type`, as a state file's attributes are read
    /// with their schema: objects fill the object type's attributes
    /// (missing ones become null, unknown ones are an error), arrays become
    /// lists, sets or tuples, and strings, numbers and bools convert among
    /// each other where Terraform's conversions allow. `dynamic` parts are
    /// read as `fromJSON(_:)` reads them.
    public static func fromJSON(_ text: String, as type: ValueType) throws(ValueJSONError) -> Value {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ValueJSONError) -> Value in
                var reader = ValueJSONReader(bytes: bytes)
                return try reader.readDocument(as: type)
            }
        }
        return try result.get()
    }

    /// Reads JSON bytes into `type`; see `fromJSON(_:as:)`.
    public static func fromJSON(_ bytes: [UInt8], as type: ValueType) throws(ValueJSONError) -> Value {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ValueJSONError) -> Value in
                var reader = ValueJSONReader(bytes: buffer)
                return try reader.readDocument(as: type)
            }
        }
        return try result.get()
    }
}

/// A byte-level JSON reader: numbers keep every digit (Foundation's parser
/// would round them through `Double`), and strings are sliced straight out
/// of the input unless they hold escapes.
struct ValueJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func readDocument(as type: ValueType?) throws(ValueJSONError) -> Value {
        skipWhitespace()
        let value: Value
        if let type {
            value = try readTyped(type, depth: 0)
        } else {
            value = try readImplied(depth: 0)
        }
        skipWhitespace()
        if position < bytes.count {
            throw failure("extraneous data after JSON object", at: position)
        }
        return value
    }

    // MARK: Implied types

    mutating func readImplied(depth: Int) throws(ValueJSONError) -> Value {
        guard position < bytes.count else { throw endOfInput() }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try enter(depth)
            // Collecting the members first sizes the dictionary once.
            var members: [(String, Value)] = []
            try readObject { (reader, key) throws(ValueJSONError) in
                members.append((key, try reader.readImplied(depth: depth + 1)))
            }
            return .object(ValueJSONReader.dictionary(members))
        case UInt8(ascii: "["):
            try enter(depth)
            var elements: [Value] = []
            try readArray { (reader) throws(ValueJSONError) in
                elements.append(try reader.readImplied(depth: depth + 1))
            }
            return .tuple(elements)
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .false
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber())
        default:
            throw unexpected("looking for beginning of value")
        }
    }

    // MARK: Given types

    mutating func readTyped(_ type: ValueType, depth: Int) throws(ValueJSONError) -> Value {
        guard position < bytes.count else { throw endOfInput() }
        let start = position
        let byte = bytes[position]
        if byte == UInt8(ascii: "n") {
            try readLiteral("null")
            return .null(type)
        }
        switch type {
        case .dynamic:
            return try readImplied(depth: depth)
        case .string:
            switch byte {
            case UInt8(ascii: "\""): return .string(try readString())
            case UInt8(ascii: "t"): try readLiteral("true"); return .string("true")
            case UInt8(ascii: "f"): try readLiteral("false"); return .string("false")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .string(try readNumber().description)
            default: throw mismatch(type, at: start)
            }
        case .number:
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try readNumber())
            case UInt8(ascii: "\""):
                let text = try readString()
                guard let number = Number(parsing: text) else {
                    throw failure("a number is required, but found the string \"\(text)\"", at: start)
                }
                return .number(number)
            default:
                throw mismatch(type, at: start)
            }
        case .bool:
            switch byte {
            case UInt8(ascii: "t"): try readLiteral("true"); return .true
            case UInt8(ascii: "f"): try readLiteral("false"); return .false
            case UInt8(ascii: "\""):
                switch try readString() {
                case "true": return .true
                case "false": return .false
                default: throw mismatch(type, at: start)
                }
            default:
                throw mismatch(type, at: start)
            }
        case .list(let element), .set(let element):
            guard byte == UInt8(ascii: "[") else { throw mismatch(type, at: start) }
            try enter(depth)
            var elements: [Value] = []
            try readArray { (reader) throws(ValueJSONError) in
                let index = elements.count
                do throws(ValueJSONError) {
                    elements.append(try reader.readTyped(element, depth: depth + 1))
                } catch {
                    throw error.prefixed(by: .index(.number(index)))
                }
            }
            if case .set = type { return .set(elements, element: element) }
            return .list(elements, element: element)
        case .tuple(let types):
            guard byte == UInt8(ascii: "[") else { throw mismatch(type, at: start) }
            try enter(depth)
            var elements: [Value] = []
            try readArray { (reader) throws(ValueJSONError) in
                let index = elements.count
                guard index < types.count else {
                    throw reader.failure("a tuple of \(types.count) elements is required", at: start)
                }
                do throws(ValueJSONError) {
                    elements.append(try reader.readTyped(types[index], depth: depth + 1))
                } catch {
                    throw error.prefixed(by: .index(.number(index)))
                }
            }
            guard elements.count == types.count else {
                throw failure("a tuple of \(types.count) elements is required", at: start)
            }
            return .tuple(elements)
        case .map(let element):
            guard byte == UInt8(ascii: "{") else { throw mismatch(type, at: start) }
            try enter(depth)
            var elements: [String: Value] = [:]
            try readObject { (reader, key) throws(ValueJSONError) in
                do throws(ValueJSONError) {
                    elements[key] = try reader.readTyped(element, depth: depth + 1)
                } catch {
                    throw error.prefixed(by: .index(.string(key)))
                }
            }
            return .map(elements, element: element)
        case .object(let attributeTypes):
            guard byte == UInt8(ascii: "{") else { throw mismatch(type, at: start) }
            try enter(depth)
            var attributes: [String: Value] = [:]
            attributes.reserveCapacity(attributeTypes.count)
            try readObject { (reader, key) throws(ValueJSONError) in
                guard let attributeType = attributeTypes[key] else {
                    throw reader.failure("unsupported attribute \"\(key)\"", at: start)
                }
                do throws(ValueJSONError) {
                    attributes[key] = try reader.readTyped(attributeType, depth: depth + 1)
                } catch {
                    throw error.prefixed(by: .attribute(key))
                }
            }
            if attributes.count < attributeTypes.count {
                for (name, attributeType) in attributeTypes where attributes[name] == nil {
                    attributes[name] = .null(attributeType)
                }
            }
            return .object(attributes)
        }
    }

    // MARK: Structure

    /// Later members win over earlier ones with the same key, as in Go.
    static func dictionary(_ members: [(String, Value)]) -> [String: Value] {
        var attributes = [String: Value](minimumCapacity: members.count)
        for (key, value) in members {
            attributes[key] = value
        }
        return attributes
    }

    private func enter(_ depth: Int) throws(ValueJSONError) {
        if depth >= ValueJSONLimits.maximumDepth {
            throw failure("JSON is nested more than \(ValueJSONLimits.maximumDepth) levels deep", at: position)
        }
    }

    /// Reads `{ "key": value, … }`, calling `member` with the reader placed
    /// at each value.
    private mutating func readObject(
        _ member: (inout ValueJSONReader, String) throws(ValueJSONError) -> Void
    ) throws(ValueJSONError) {
        if openIsEmpty(closedBy: UInt8(ascii: "}")) { return }
        repeat {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw unexpected("looking for beginning of object key string")
            }
            let key = try readString()
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: ":") else { throw unexpected("after object key") }
            position += 1
            skipWhitespace()
            try member(&self, key)
        } while try moreItems(closedBy: UInt8(ascii: "}"), "after object key:value pair")
    }

    private mutating func readArray(
        _ element: (inout ValueJSONReader) throws(ValueJSONError) -> Void
    ) throws(ValueJSONError) {
        if openIsEmpty(closedBy: UInt8(ascii: "]")) { return }
        repeat {
            try element(&self)
        } while try moreItems(closedBy: UInt8(ascii: "]"), "after array element")
    }

    /// Steps past the opening bracket; true, past the closing one too, when
    /// the object or array is empty.
    private mutating func openIsEmpty(closedBy closing: UInt8) -> Bool {
        position += 1
        skipWhitespace()
        guard position < bytes.count && bytes[position] == closing else { return false }
        position += 1
        return true
    }

    /// After an item: true past a `,` (another item follows), false past
    /// `closing`; anything else is an error `context` describes.
    private mutating func moreItems(closedBy closing: UInt8, _ context: String) throws(ValueJSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return true
        case closing:
            position += 1
            return false
        default:
            throw unexpected(context)
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(ValueJSONError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard position < bytes.count else { throw endOfInput() }
            let expected = start[offset]
            guard bytes[position] == expected else {
                throw unexpected("in literal \(literal) (expecting '\(Character(Unicode.Scalar(expected)))')")
            }
            position += 1
        }
    }

    // MARK: Errors

    /// Where `offset` is, as a 1-based line and a column counted in
    /// characters; computed only when something went wrong.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    func failure(_ message: String, at offset: Int) -> ValueJSONError {
        let (line, column) = location(of: offset)
        return ValueJSONError(message, offset: offset, line: line, column: column)
    }

    func endOfInput() -> ValueJSONError {
        failure("unexpected end of JSON input", at: bytes.count)
    }

    func unexpected(_ context: String) -> ValueJSONError {
        failure("invalid character \(ValueJSONReader.quote(at: position, in: bytes)) \(context)", at: position)
    }

    private func mismatch(_ type: ValueType, at offset: Int) -> ValueJSONError {
        failure("\(type.friendlyName) required", at: offset)
    }

    /// The character at `offset` as Go quotes it in messages: `'x'`,
    /// `'\n'`, `'\x01'`.
    static func quote(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0..<0x20, 0x7F: return "'\\x" + String(byte, radix: 16).leftPadded(to: 2) + "'"
        default:
            var iterator = bytes[offset...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.value >= 0xA0 {
                return "'\(Character(scalar))'"
            }
            return "'\\x" + String(byte, radix: 16) + "'"
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
