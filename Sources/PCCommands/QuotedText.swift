/// Strings written the way Terraform writes them in `console` results and
/// in state listings: Go's `strconv.Quote`, which is what Terraform uses.
/// Printable characters (any script, emoji) stay as they are; quotes,
/// backslashes and control characters are escaped, so one value is always
/// one line. `${` is not escaped: the text is a value, not a template.
enum QuotedText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += escaped(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space; no other spaces, no controls or formats.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// `\x01` below U+0080, `\u200b` in the basic plane, `\U0001f600` above.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        let (prefix, width) = value < 0x80 ? ("\\x", 2) : (value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8))
        let hex = String(value, radix: 16)
        return prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    /// Whether `name` can be written bare as an attribute name: an HCL
    /// identifier (a letter or `_`, then letters, digits, `_` and `-`).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType == .decimal || $0 == "_" || $0 == "-"
        }
    }

    /// The heredoc delimiter for `lines`: `EOT`, lengthened with `_` until
    /// no line is the delimiter itself.
    static func heredocDelimiter(for lines: [Substring]) -> String {
        var delimiter = "EOT"
        while lines.contains(where: { $0 == delimiter }) { delimiter += "_" }
        return delimiter
    }
}
