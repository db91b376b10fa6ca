/// The two ways Terraform writes a string in double quotes, kept in one
/// place so that messages, console results, state listings, plans and
/// addresses all agree with it and with each other.
///
/// - `goQuoted` is Go's `strconv.Quote` (the `%q` verb): what Terraform's
///   messages, `console` and plan renderer show.
/// - `hclQuoted` is a string literal of the language (hclwrite's rules): what
///   Terraform writes where the text must read back as the same string, as
///   instance keys in addresses. It differs from Go's in three ways: `${` and
///   `%{` are doubled so they stay literal, control characters are `\u0007`
///   rather than `\a` or `\x07`, and there is no `\a \b \f \v`.
extension String {
    /// The string as Go's `strconv.Quote` writes it: printable characters of
    /// any script stay as they are; quotes, backslashes, control characters
    /// and other non-printables (Go's `unicode.IsPrint`) are escaped, so the
    /// result is always one line.
    public var goQuoted: String {
        if let quoted = plainQuoted(escapingBraces: false) { return quoted }
        var result = "\""
        result.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar == "\"" {
                result += "\\\""
            } else {
                GoEscape.append(scalar, to: &result)
            }
        }
        return result + "\""
    }

    /// The string as a quoted literal of the language that reads back as the
    /// same string: `"`, `\`, newline, return and tab escaped, `${` and `%{`
    /// written `$${` and `%%{`, other non-printables as `\uNNNN` or
    /// `\UNNNNNNNN`.
    public var hclQuoted: String {
        if let quoted = plainQuoted(escapingBraces: true) { return quoted }
        var result = "\""
        result.reserveCapacity(utf8.count + 8)
        var scalars = unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "$", "%":
                result.unicodeScalars.append(scalar)
                if next == "{" { result.unicodeScalars.append(scalar) }
            default:
                if scalar.isGoPrintable {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x10000 {
                    GoEscape.appendHex(scalar.value, prefix: "\\u", digits: 4, to: &result)
                } else {
                    GoEscape.appendHex(scalar.value, prefix: "\\U", digits: 8, to: &result)
                }
            }
        }
        return result + "\""
    }

    /// Whether the string can be written bare as a name (an attribute name,
    /// an object key, a template variable): a letter, `_` or Unicode
    /// ID_Start character, then letters, digits, `_`, `-` and ID_Continue
    /// characters, as the lexer reads identifiers.
    public var isIdentifier: Bool {
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next(), first == "_" || first.properties.isIDStart else { return false }
        while let scalar = scalars.next() {
            guard scalar == "-" || scalar.properties.isIDContinue else { return false }
        }
        return true
    }

    /// The quoted string when no character needs escaping (the common case,
    /// plain ASCII), without walking the scalars.
    private func plainQuoted(escapingBraces: Bool) -> String? {
        for byte in utf8 {
            switch byte {
            case 0x20..<0x7F:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return nil }
                if escapingBraces && byte == UInt8(ascii: "{") { return nil }
            default:
                return nil
            }
        }
        return "\"" + self + "\""
    }
}

extension Unicode.Scalar {
    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols
    /// and the ASCII space; no other spaces, no controls or format characters.
    var isGoPrintable: Bool {
        if value < 0x7F { return value >= 0x20 }
        if value < 0xA0 { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The character as Go's `strconv.QuoteRune` writes it: `'a'`, `'\t'`,
    /// `'\x00'`, `'\u200b'`.
    var goQuotedRune: String {
        var result = "'"
        if self == "'" {
            result += "\\'"
        } else {
            GoEscape.append(self, to: &result)
        }
        return result + "'"
    }
}

/// Go's escapes for one character inside quotes (`strconv`'s
/// `appendEscapedRune`), shared by strings and single characters.
private enum GoEscape {
    /// Appends `scalar` as it stands inside Go quotes. The quote character
    /// itself (`"` in a string, `'` in a rune) is the caller's to escape:
    /// the other one is printable and stays bare.
    static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "\\": result += "\\\\"
        case "\u{07}": result += "\\a"
        case "\u{08}": result += "\\b"
        case "\u{0C}": result += "\\f"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{0B}": result += "\\v"
        default:
            let value = scalar.value
            if scalar.isGoPrintable {
                result.unicodeScalars.append(scalar)
            } else if value < 0x80 {
                appendHex(value, prefix: "\\x", digits: 2, to: &result)
            } else if value < 0x10000 {
                appendHex(value, prefix: "\\u", digits: 4, to: &result)
            } else {
                appendHex(value, prefix: "\\U", digits: 8, to: &result)
            }
        }
    }

    /// `prefix` then `value` in lowercase hexadecimal, zero-padded to `digits`.
    static func appendHex(_ value: UInt32, prefix: String, digits: Int, to result: inout String) {
        let hex = String(value, radix: 16)
        result += prefix
        if hex.count < digits { result += String(repeating: "0", count: digits - hex.count) }
        result += hex
    }
}
