/// What libyaml's emitter learns about a scalar before choosing how to
/// write it: whether it spans lines, and which styles could carry it
/// without changing its meaning.
struct YAMLScalarAnalysis {
    private(set) var multiline = false
    private(set) var blockPlainAllowed = true
    private(set) var blockAllowed = true

    init(_ value: [UInt8]) {
        if value.isEmpty {
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var spaceBreak = false
        var previousSpace = false
        var precededByWhitespace = true

        if value.count >= 3 && ((value[0] == UInt8(ascii: "-") && value[1] == UInt8(ascii: "-") && value[2] == UInt8(ascii: "-"))
            || (value[0] == UInt8(ascii: ".") && value[1] == UInt8(ascii: ".") && value[2] == UInt8(ascii: "."))) {
            blockIndicators = true
        }
        var index = 0
        while index < value.count {
            let byte = value[index]
            let width = YAMLScalarAnalysis.width(byte)
            let followedByWhitespace = index + width >= value.count || YAMLScalarAnalysis.isBlank(value, index + width)
            if index == 0 {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                     UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                     UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                     UInt8(ascii: "`"):
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if followedByWhitespace { blockIndicators = true }
                default:
                    break
                }
            } else {
                switch byte {
                case UInt8(ascii: ":"):
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace { blockIndicators = true }
                default:
                    break
                }
            }
            if !YAMLScalarAnalysis.isPrintable(value, index) {
                specialCharacters = true
            }
            if byte == 0x20 {
                if index == 0 { leadingSpace = true }
                if index + width == value.count { trailingSpace = true }
                previousSpace = true
            } else if YAMLScalarAnalysis.isBreak(value, index) {
                lineBreaks = true
                if index == 0 { leadingBreak = true }
                if index + width == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
            } else {
                previousSpace = false
            }
            precededByWhitespace = YAMLScalarAnalysis.isBlank(value, index) || YAMLScalarAnalysis.isBreak(value, index)
            index += width
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators {
            blockPlainAllowed = false
        }
        if trailingSpace || spaceBreak || specialCharacters {
            blockAllowed = false
        }
        if spaceBreak || specialCharacters {
            blockPlainAllowed = false
        }
    }

    // MARK: Character classes (on UTF-8 bytes, as libyaml tests them)

    /// The length of the UTF-8 sequence a leading byte starts.
    static func width(_ byte: UInt8) -> Int {
        if byte & 0x80 == 0 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        if byte & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    private static func byte(_ value: [UInt8], _ index: Int) -> UInt8 {
        index < value.count ? value[index] : 0
    }

    static func isBlank(_ value: [UInt8], _ index: Int) -> Bool {
        let byte = byte(value, index)
        return byte == 0x20 || byte == 0x09
    }

    /// Line feed, carriage return, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static func isBreak(_ value: [UInt8], _ index: Int) -> Bool {
        let first = byte(value, index)
        if first == 0x0A || first == 0x0D { return true }
        if first == 0xC2 { return byte(value, index + 1) == 0x85 }
        if first == 0xE2 {
            return byte(value, index + 1) == 0x80 && (byte(value, index + 2) == 0xA8 || byte(value, index + 2) == 0xA9)
        }
        return false
    }

    /// libyaml's printable set: tab and other C0 controls, DEL, the C1
    /// controls, surrogates, U+FEFF, U+FFFE/U+FFFF and — a quirk Terraform
    /// inherits — everything beyond the Basic Multilingual Plane are not.
    static func isPrintable(_ value: [UInt8], _ index: Int) -> Bool {
        let first = byte(value, index)
        let second = byte(value, index + 1)
        let third = byte(value, index + 2)
        switch first {
        case 0x0A, 0x20...0x7E: return true
        case 0xC2: return second >= 0xA0
        case 0xC3..<0xED: return true
        case 0xED: return second < 0xA0
        case 0xEE: return true
        case 0xEF: return !(second == 0xBB && third == 0xBF) && !(second == 0xBF && (third == 0xBE || third == 0xBF))
        default: return false
        }
    }

    /// The scalar starting at `index` and its width in bytes.
    static func decode(_ value: [UInt8], _ index: Int) -> (scalar: UInt32, width: Int) {
        let first = value[index]
        let width = min(self.width(first), value.count - index)
        var scalar: UInt32
        switch width {
        case 2: scalar = UInt32(first & 0x1F)
        case 3: scalar = UInt32(first & 0x0F)
        case 4: scalar = UInt32(first & 0x07)
        default: return (UInt32(first), 1)
        }
        for offset in 1..<width {
            scalar = scalar << 6 | UInt32(value[index + offset] & 0x3F)
        }
        return (scalar, width)
    }
}

/// A YAML problem: a message in libyaml's words and, when reading, the
/// 1-based line and column where it is.
struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var line: Int?
    var column: Int?

    init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// "on line 3, column 5: did not find expected key", as Terraform words it.
    var description: String {
        if let line, let column {
            return "on line \(line), column \(column): \(message)"
        }
        return message
    }
}

enum YAMLLimits {
    /// Deeper documents are refused rather than risking the stack.
    static let maximumDepth = 512
    /// Aliases can make a small document expand enormously ("billion
    /// laughs"); past this many nodes the document is refused.
    static let maximumNodes = 10_000_000
}
