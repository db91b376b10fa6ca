/// Strings and numbers, read byte by byte: strings are sliced straight
/// from the input unless they hold escapes, numbers keep every digit.
extension ValueJSONReader {
    /// Reads a string literal; the reader is at its opening quote.
    mutating func readString() throws(ValueJSONError) -> String {
        position += 1
        let start = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return isASCII ? string : string.nfcNormalized
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scratch, as: UTF8.self).nfcNormalized
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw endOfInput() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    appendScalar(try readUnicodeEscape(), to: &scratch)
                default:
                    position -= 1
                    throw unexpected("in string escape code")
                }
            default:
                if byte < 0x20 { throw unexpected("in string literal") }
                scratch.append(byte)
                position += 1
            }
        }
        throw endOfInput()
    }

    /// Reads the digits of `\uXXXX` (the reader is after the `u`), pairing
    /// surrogates; a surrogate without its partner becomes U+FFFD, as Go
    /// decodes it.
    private mutating func readUnicodeEscape() throws(ValueJSONError) -> Unicode.Scalar {
        let first = try readHex4()
        if (0xD800..<0xDC00).contains(first), position + 1 < bytes.count,
           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            let saved = position
            position += 2
            let second = try readHex4()
            if (0xDC00..<0xE000).contains(second) {
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            position = saved
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func readHex4() throws(ValueJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw endOfInput() }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw unexpected("in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        UTF8.encode(scalar) { buffer.append($0) }
    }

    /// Reads a number literal exactly, by JSON's grammar.
    mutating func readNumber() throws(ValueJSONError) -> Number {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw endOfInput() }
        switch bytes[position] {
        case UInt8(ascii: "0"):
            position += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            skipDigits()
        default:
            throw unexpected("in numeric literal")
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw unexpected("after decimal point in numeric literal") }
            skipDigits()
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw unexpected("in exponent of numeric literal") }
            skipDigits()
        }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<position])
        // Most numbers in state and configuration are small integers:
        // build them without going through text.
        if isInteger && literal.count <= 18 {
            var value = 0
            var negative = false
            for byte in literal {
                if byte == UInt8(ascii: "-") { negative = true; continue }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return Number(negative ? -value : value)
        }
        guard let number = Number(parsing: String(decoding: literal, as: UTF8.self)) else {
            throw failure("number \(String(decoding: literal, as: UTF8.self)) cannot be represented", at: start)
        }
        return number
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
}
