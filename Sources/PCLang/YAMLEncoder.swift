/// Writes values as YAML exactly as Terraform's `yamlencode` does.
///
/// Terraform drives libyaml's emitter (through go-cty-yaml) with block
/// style, strings double-quoted unless they hold a newline (then literal
/// `|` blocks), numbers, bools and null plain. The emitter's layout rules
/// are reproduced here: indentation by two, sequences inside mappings not
/// indented, keys longer than 128 bytes or spanning lines written as `? `
/// complex keys, double-quoted strings folded at spaces past column 80,
/// block scalar indentation and chomping indicators, and the `...`
/// document end marker after a plain top-level scalar.
struct YAMLEncoder {
    private var output: [UInt8] = []
    private var column = 0
    private var indent = -1
    private var indents: [Int] = []
    private var whitespace = true
    private var indention = true
    private var openEnded = false
    private var rootContext = false
    private var mappingContext = false
    private var simpleKeyContext = false

    private static let bestIndent = 2
    private static let bestWidth = 80
    private static let maximumSimpleKeyLength = 128

    /// The YAML document for `value`; fails on unknown values.
    static func encode(_ value: Value) throws(YAMLError) -> String {
        var encoder = YAMLEncoder()
        try encoder.emit(value, root: true, mapping: false, simpleKey: false, depth: 0)
        encoder.writeIndent()
        if encoder.openEnded {
            encoder.writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
            encoder.writeIndent()
        }
        return String(decoding: encoder.output, as: UTF8.self)
    }

    // MARK: Nodes

    private mutating func emit(_ value: Value, root: Bool, mapping: Bool, simpleKey: Bool, depth: Int) throws(YAMLError) {
        rootContext = root
        mappingContext = mapping
        simpleKeyContext = simpleKey
        if depth > YAMLLimits.maximumDepth {
            throw YAMLError("value is nested more than \(YAMLLimits.maximumDepth) levels deep")
        }
        switch value.content {
        case .unknown:
            throw YAMLError("cannot serialize unknown value as YAML")
        case .null:
            emitScalar(Array("null".utf8), literal: false, plain: true)
        case .bool(let bool):
            emitScalar(Array((bool ? "true" : "false").utf8), literal: false, plain: true)
        case .number(let number):
            emitScalar(Array(number.description.utf8), literal: false, plain: true)
        case .string(let string):
            let bytes = Array(string.utf8)
            emitScalar(bytes, literal: bytes.contains(0x0A), plain: false)
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            if elements.isEmpty {
                emitEmptyFlow(open: "[", close: "]")
                return
            }
            increaseIndent(flow: false, indentless: mappingContext && !indention)
            for element in elements {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                try emit(element, root: false, mapping: false, simpleKey: false, depth: depth + 1)
            }
            indent = indents.removeLast()
        case .map(let attributes, _), .object(let attributes):
            if attributes.isEmpty {
                emitEmptyFlow(open: "{", close: "}")
                return
            }
            increaseIndent(flow: false, indentless: false)
            for key in Value.sortedKeys(attributes) {
                writeIndent()
                let keyBytes = Array(key.utf8)
                let analysis = YAMLScalarAnalysis(keyBytes)
                if !analysis.multiline && keyBytes.count <= YAMLEncoder.maximumSimpleKeyLength {
                    try emit(.string(key), root: false, mapping: true, simpleKey: true, depth: depth + 1)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    try emit(.string(key), root: false, mapping: true, simpleKey: false, depth: depth + 1)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
                try emit(attributes[key]!, root: false, mapping: true, simpleKey: false, depth: depth + 1)
            }
            indent = indents.removeLast()
        }
    }

    /// Empty collections are the one place the emitter switches to flow
    /// style: `[]` and `{}`.
    private mutating func emitEmptyFlow(open: String, close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        indent = indents.removeLast()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private enum Style { case plain, doubleQuoted, literal }

    private mutating func emitScalar(_ value: [UInt8], literal: Bool, plain: Bool) {
        let analysis = YAMLScalarAnalysis(value)
        var style: Style = plain ? .plain : (literal ? .literal : .doubleQuoted)
        if simpleKeyContext && analysis.multiline { style = .doubleQuoted }
        if style == .plain && !analysis.blockPlainAllowed {
            // Terraform's plain scalars are numbers, bools and null, which
            // always qualify; anything else would need quoting.
            style = .doubleQuoted
        }
        if style == .literal && (!analysis.blockAllowed || simpleKeyContext) {
            style = .doubleQuoted
        }
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(value, allowBreaks: !simpleKeyContext)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: !simpleKeyContext)
        case .literal: writeLiteral(value)
        }
        indent = indents.removeLast()
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? YAMLEncoder.bestIndent : 0
        } else if !indentless {
            indent += YAMLEncoder.bestIndent
        }
    }

    // MARK: Writing

    private mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    private mutating func putBreak() {
        output.append(0x0A)
        column = 0
    }

    /// Copies the character starting at `index` and advances past it.
    private mutating func write(_ value: [UInt8], _ index: inout Int) {
        let width = YAMLScalarAnalysis.width(value[index])
        output.append(contentsOf: value[index..<min(index + width, value.count)])
        column += 1
        index += width
    }

    private mutating func writeBreak(_ value: [UInt8], _ index: inout Int) {
        if value[index] == 0x0A {
            putBreak()
            index += 1
        } else {
            write(value, &index)
            column = 0
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(0x20) }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        for byte in indicator.utf8 { put(byte) }
        whitespace = isWhitespace
        indention = indention && isIndention
        openEnded = false
    }

    private mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
        if !whitespace { put(0x20) }
        var index = 0
        while index < value.count { write(value, &index) }
        whitespace = false
        indention = false
        if rootContext { openEnded = true }
    }

    private mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        // libyaml tests for a byte order mark at the start of the value
        // rather than at each character, so a leading BOM escapes them all.
        let startsWithBOM = value.count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF
        var spaces = false
        var index = 0
        while index < value.count {
            let byte = value[index]
            if startsWithBOM || !YAMLScalarAnalysis.isPrintable(value, index) || YAMLScalarAnalysis.isBreak(value, index)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                let (scalar, width) = YAMLScalarAnalysis.decode(value, index)
                index += width
                writeEscape(scalar)
                spaces = false
            } else if byte == 0x20 {
                if allowBreaks && !spaces && column > YAMLEncoder.bestWidth && index > 0 && index < value.count - 1 {
                    writeIndent()
                    if value[index + 1] == 0x20 { put(UInt8(ascii: "\\")) }
                    index += 1
                } else {
                    write(value, &index)
                }
                spaces = true
            } else {
                write(value, &index)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeEscape(_ scalar: UInt32) {
        put(UInt8(ascii: "\\"))
        let short: Character? = switch scalar {
        case 0x00: "0"
        case 0x07: "a"
        case 0x08: "b"
        case 0x09: "t"
        case 0x0A: "n"
        case 0x0B: "v"
        case 0x0C: "f"
        case 0x0D: "r"
        case 0x1B: "e"
        case 0x22: "\""
        case 0x5C: "\\"
        case 0x85: "N"
        case 0xA0: "_"
        case 0x2028: "L"
        case 0x2029: "P"
        default: nil
        }
        if let short {
            put(short.asciiValue!)
            return
        }
        let digits: Int
        if scalar <= 0xFF {
            put(UInt8(ascii: "x"))
            digits = 2
        } else if scalar <= 0xFFFF {
            put(UInt8(ascii: "u"))
            digits = 4
        } else {
            put(UInt8(ascii: "U"))
            digits = 8
        }
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
            put(digit < 10 ? digit + UInt8(ascii: "0") : digit - 10 + UInt8(ascii: "A"))
        }
    }

    private mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var index = 0
        while index < value.count {
            if YAMLScalarAnalysis.isBreak(value, index) {
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &index)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation indicator when the text starts with a space or a
    /// line break, and the chomping indicator: `-` without a final line
    /// break, `+` with more than one, none with exactly one.
    private mutating func writeBlockScalarHints(_ value: [UInt8]) {
        if !value.isEmpty && (value[0] == 0x20 || YAMLScalarAnalysis.isBreak(value, 0)) {
            writeIndicator(String(YAMLEncoder.bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = false
        var chomp: String?
        if value.isEmpty {
            chomp = "-"
        } else {
            var last = value.count - 1
            while last > 0 && value[last] & 0xC0 == 0x80 { last -= 1 }
            if !YAMLScalarAnalysis.isBreak(value, last) {
                chomp = "-"
            } else if last == 0 {
                chomp = "+"
            } else {
                var previous = last - 1
                while previous > 0 && value[previous] & 0xC0 == 0x80 { previous -= 1 }
                if YAMLScalarAnalysis.isBreak(value, previous) { chomp = "+" }
            }
        }
        if let chomp {
            writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }
}
