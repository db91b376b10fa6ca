import PCDiagnostics

/// Decodes the literal text of templates.
///
/// Quoted templates support the backslash escapes and the doubled template
/// introducers `$${` and `%%{`; heredocs support only the doubled
/// introducers. Text without any of `\ $ %` (nearly all of it) is turned
/// into a `String` directly.
enum StringEscapes {
    /// A malformed escape: where it is and what to tell the user.
    struct Problem {
        var range: SourceRange
        var detail: String
    }

    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
        quoted: Bool, problems: inout [Problem]
    ) -> String {
        let backslash = UInt8(ascii: "\\"), dollar = UInt8(ascii: "$"), percent = UInt8(ascii: "%")
        var needsWork = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if (byte == backslash && quoted) || byte == dollar || byte == percent {
                needsWork = true
                break
            }
            index += 1
        }
        if !needsWork {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < end {
            let byte = bytes[index]
            if (byte == dollar || byte == percent), index + 2 < end,
               bytes[index + 1] == byte, bytes[index + 2] == UInt8(ascii: "{") {
                out.append(byte)
                out.append(UInt8(ascii: "{"))
                index += 3
                continue
            }
            guard byte == backslash, quoted else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < end else {
                problems.append(Problem(
                    range: SourceRange(index, index + 1),
                    detail: "A backslash must be followed by a character that selects the escape, such as \\n or \\t. To write a backslash itself, double it: \\\\."))
                out.append(byte)
                index += 1
                continue
            }
            let selector = bytes[index + 1]
            switch selector {
            case UInt8(ascii: "n"): out.append(0x0A); index += 2
            case UInt8(ascii: "r"): out.append(0x0D); index += 2
            case UInt8(ascii: "t"): out.append(0x09); index += 2
            case UInt8(ascii: "\""): out.append(selector); index += 2
            case backslash: out.append(selector); index += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let wanted = selector == UInt8(ascii: "u") ? 4 : 8
                var digits = 0
                var scalar: UInt32 = 0
                while digits < wanted, index + 2 + digits < end,
                      let value = hexValue(bytes[index + 2 + digits]) {
                    scalar = scalar << 4 | UInt32(value)
                    digits += 1
                }
                let sequenceEnd = index + 2 + digits
                let range = SourceRange(index, sequenceEnd)
                if digits < wanted {
                    let example = wanted == 4 ? "\\u00e9" : "\\U0001F600"
                    problems.append(Problem(
                        range: range,
                        detail: "The \\\(Character(Unicode.Scalar(selector))) escape must be followed by exactly \(wanted) hexadecimal digits, as in \(example)."))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<sequenceEnd]))
                } else if let unicode = Unicode.Scalar(scalar) {
                    out.append(contentsOf: String(Character(unicode)).utf8)
                } else {
                    let hex = String(scalar, radix: 16, uppercase: true)
                    problems.append(Problem(
                        range: range,
                        detail: "U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not a Unicode scalar value, so it cannot be encoded in UTF-8. Surrogates (U+D800 to U+DFFF) and values above U+10FFFF are not allowed."))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<sequenceEnd]))
                }
                index = sequenceEnd
            default:
                // Keep the selector's whole UTF-8 sequence in the range and
                // in the output, so the message shows a whole character.
                var length = 1
                if selector >= 0xC0 { length = selector >= 0xF0 ? 4 : selector >= 0xE0 ? 3 : 2 }
                let sequenceEnd = min(end, index + 1 + length)
                let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<sequenceEnd]), as: UTF8.self)
                problems.append(Problem(
                    range: SourceRange(index, sequenceEnd),
                    detail: "\"\\\(shown)\" is not a valid escape sequence. The escapes are \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; to write a backslash itself, double it: \\\\."))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<sequenceEnd]))
                index = sequenceEnd
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
