/// Text helpers shared by the renderers.
enum RenderText {
    /// A string literal as Go's `%q` writes it, which is how Terraform
    /// shows strings: printable characters as they are, the rest escaped.
    static func quoted(_ string: String) -> String {
        var result = "\""
        result.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{0B}": result += "\\v"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        result += "\""
        return result
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.value < 0x20 || scalar.value == 0x7F { return false }
        if scalar.isASCII { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Whether `name` is an HCL identifier, printed bare as an attribute
    /// name; anything else is quoted.
    static func isIdentifier(_ name: String) -> Bool {
        let utf8 = name.utf8
        if let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) {
            func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            guard letter(first) || first == UInt8(ascii: "_") else { return false }
            return utf8.dropFirst().allSatisfy {
                letter($0) || digit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
        }
        guard let first = name.unicodeScalars.first else { return false }
        guard first.properties.isIDStart || first == "_" else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { $0.properties.isIDContinue || $0 == "-" }
    }

    /// An attribute name as Terraform prints it: bare when it is an
    /// identifier, quoted otherwise.
    static func attributeName(_ name: String) -> String {
        isIdentifier(name) ? name : quoted(name)
    }

    static func indent(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: " ", count: 4 * level)
    }

    private static let indents = (0..<24).map { String(repeating: " ", count: 4 * $0) }

    /// The width of `name` as Go's `%-*s` counts it: in code points.
    static func width(_ name: String) -> Int {
        name.utf8.count == name.unicodeScalars.count ? name.utf8.count : name.unicodeScalars.count
    }

    /// `name` padded with spaces to `width` code points, as Go's `%-*s`.
    /// (Terraform measures the widest name in bytes but pads in code points,
    /// so non-ASCII names align as they do there.)
    static func padded(_ name: String, to width: Int) -> String {
        let count = self.width(name)
        return count >= width ? name : name + String(repeating: " ", count: width - count)
    }

    /// Greedy word wrap at `width - 1` columns, as Terraform wraps its
    /// sentences; lines that start with a space are left alone.
    static func wordWrap(_ text: String, width: Int) -> String {
        guard width > 1 else { return text }
        let limit = width - 1
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.count <= limit {
                output.append(String(line))
                continue
            }
            var current = ""
            var currentCount = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let wordCount = word.count
                if currentCount > 0 && currentCount + 1 + wordCount > limit {
                    output.append(current)
                    current = String(word)
                    currentCount = wordCount
                } else if currentCount == 0 && current.isEmpty {
                    current = String(word)
                    currentCount = wordCount
                } else {
                    current += " " + word
                    currentCount += 1 + wordCount
                }
            }
            output.append(current)
        }
        return output.joined(separator: "\n")
    }
}
