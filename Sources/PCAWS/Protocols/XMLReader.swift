/// A small, strict XML reader for AWS replies.
///
/// It handles what AWS and moto send: an XML declaration, elements,
/// attributes, character data with the five named entities and numeric
/// references, CDATA sections, comments and processing instructions.
/// Document type declarations are refused, which also rules out entity
/// expansion tricks. The reader never recurses, and nesting deeper than
/// `maximumDepth` is an error, so hostile input cannot exhaust the stack
/// (here or later, when the tree is compared or freed).
struct XMLReader {
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// An element whose end tag has not been read yet.
    private struct OpenElement {
        var qualifiedName: ArraySlice<UInt8>
        var element: XMLValue
        var text: [UInt8] = []
    }

    mutating func readDocument() throws(XMLParseError) -> XMLValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var stack: [OpenElement] = []
        var root: XMLValue?
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                if stack.isEmpty {
                    if bytes[start..<position].contains(where: { !XMLReader.isSpace($0) }) {
                        throw error(root == nil ? "text before the root element" : "text after the root element", at: start)
                    }
                } else {
                    try decode(start..<position, into: &stack[stack.count - 1].text)
                }
                continue
            }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            switch next {
            case UInt8(ascii: "?"):
                try skip(past: "?>", what: "processing instruction")
            case UInt8(ascii: "!"):
                if matches("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if matches("<![CDATA[") {
                    guard !stack.isEmpty else { throw error("CDATA section outside the root element", at: position) }
                    let start = position + 9
                    guard let end = find("]]>", from: start) else { throw error("CDATA section is not closed", at: position) }
                    stack[stack.count - 1].text.append(contentsOf: bytes[start..<end])
                    position = end + 3
                } else if matches("<!DOCTYPE") {
                    throw error("document type declarations are not supported in AWS replies", at: position)
                } else {
                    throw error("unexpected '<!'", at: position)
                }
            case UInt8(ascii: "/"):
                let start = position
                position += 2
                let name = try readName()
                skipSpaces()
                try expect(">")
                guard let open = stack.popLast() else {
                    throw error("end tag </\(string(name))> without a start tag", at: start)
                }
                guard open.qualifiedName == name else {
                    throw error("end tag </\(string(name))> does not match <\(string(open.qualifiedName))>", at: start)
                }
                var element = open.element
                element.text = String(decoding: open.text, as: UTF8.self)
                if stack.isEmpty {
                    root = element
                } else {
                    stack[stack.count - 1].element.children.append(element)
                }
            default:
                let start = position
                if stack.isEmpty && root != nil { throw error("a second root element", at: start) }
                if stack.count >= XMLReader.maximumDepth {
                    throw error("elements are nested more than \(XMLReader.maximumDepth) levels deep", at: start)
                }
                position += 1
                let name = try readName()
                let attributes = try readAttributes()
                let element = XMLValue(name: XMLReader.localName(name), attributes: attributes)
                if matches("/>") {
                    position += 2
                    if stack.isEmpty {
                        root = element
                    } else {
                        stack[stack.count - 1].element.children.append(element)
                    }
                } else {
                    try expect(">")
                    stack.append(OpenElement(qualifiedName: name, element: element))
                }
            }
        }
        if let open = stack.last {
            throw error("element <\(string(open.qualifiedName))> is not closed before the end of the reply", at: bytes.count)
        }
        guard let root else { throw error("the reply has no root element", at: bytes.count) }
        return root
    }

    // MARK: Pieces

    private mutating func readAttributes() throws(XMLParseError) -> [String: String] {
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpaces()
            guard position < bytes.count else { throw error("tag is not closed", at: position) }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { return attributes }
            guard hadSpace else { throw error("expected a space before the attribute", at: position) }
            let nameStart = position
            let name = try readName()
            skipSpaces()
            try expect("=")
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw error("attribute value must be quoted", at: position)
            }
            let quote = bytes[position]
            let valueStart = position + 1
            var end = valueStart
            while end < bytes.count && bytes[end] != quote {
                if bytes[end] == UInt8(ascii: "<") { throw error("'<' inside an attribute value", at: end) }
                end += 1
            }
            guard end < bytes.count else { throw error("attribute value is not closed", at: position) }
            var value: [UInt8] = []
            try decode(valueStart..<end, into: &value)
            position = end + 1
            let qualified = string(name)
            if qualified == "xmlns" || qualified.hasPrefix("xmlns:") { continue }
            let local = XMLReader.localName(name)
            if attributes[local] != nil { throw error("attribute \"\(qualified)\" appears twice", at: nameStart) }
            attributes[local] = String(decoding: value, as: UTF8.self)
        }
    }

    private mutating func readName() throws(XMLParseError) -> ArraySlice<UInt8> {
        let start = position
        guard position < bytes.count, XMLReader.isNameStart(bytes[position]) else {
            throw error("expected a name", at: position)
        }
        while position < bytes.count && XMLReader.isNameByte(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Appends the character data in `range` with entity and character
    /// references replaced.
    private func decode(_ range: Range<Int>, into output: inout [UInt8]) throws(XMLParseError) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            let limit = min(range.upperBound, index + 12)
            guard let semicolon = bytes[index..<limit].firstIndex(of: UInt8(ascii: ";")) else {
                throw error("'&' that does not start an entity (write &amp;)", at: index)
            }
            let entity = bytes[(index + 1)..<semicolon]
            switch string(entity) {
            case "amp": output.append(UInt8(ascii: "&"))
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            case let reference where reference.hasPrefix("#"):
                let digits = reference.dropFirst()
                let scalarValue: UInt32?
                if digits.hasPrefix("x") || digits.hasPrefix("X") {
                    scalarValue = digits.count > 1 ? UInt32(digits.dropFirst(), radix: 16) : nil
                } else {
                    scalarValue = digits.isEmpty ? nil : UInt32(digits, radix: 10)
                }
                guard let scalarValue, scalarValue != 0, let scalar = Unicode.Scalar(scalarValue) else {
                    throw error("invalid character reference &\(reference);", at: index)
                }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            case let name:
                throw error("unknown entity &\(name);", at: index)
            }
            index = semicolon + 1
        }
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count && XMLReader.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(XMLParseError) {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else {
            throw error("expected '\(character)'", at: position)
        }
        position += 1
    }

    private mutating func skip(past terminator: String, what: String) throws(XMLParseError) {
        guard let end = find(terminator, from: position + 2) else { throw error("\(what) is not closed", at: position) }
        position = end + terminator.utf8.count
    }

    private func matches(_ literal: String) -> Bool {
        var index = position
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        let needle = Array(literal.utf8)
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func string(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice, as: UTF8.self)
    }

    private func error(_ message: String, at offset: Int) -> XMLParseError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return XMLParseError(message, offset: offset, line: line, column: offset - lineStart + 1)
    }

    // MARK: Byte classes

    private static func localName(_ name: ArraySlice<UInt8>) -> String {
        if let colon = name.lastIndex(of: UInt8(ascii: ":")) {
            return String(decoding: name[(colon + 1)...], as: UTF8.self)
        }
        return String(decoding: name, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
