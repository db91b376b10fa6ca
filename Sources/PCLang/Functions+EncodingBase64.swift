/// Standard Base64 (RFC 4648 §4, padded), decoding as Go's
/// `base64.StdEncoding` does: line breaks are skipped anywhere, padding is
/// required, and the error names the offset of the first bad byte.
enum Base64 {
    struct DecodingError: Error {
        /// Byte offset into the input where decoding failed.
        var offset: Int
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(alphabet[Int(chunk >> 6 & 0x3F)])
            output.append(alphabet[Int(chunk & 0x3F)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            var chunk = UInt32(bytes[index]) << 16
            if rest == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(rest == 2 ? alphabet[Int(chunk >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        let source = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count / 4 * 3)
        var position = 0
        while true {
            // One quantum of up to four symbols.
            var symbols: [UInt32] = [0, 0, 0, 0]
            var count = 0
            var finished = false
            while count < 4 {
                if position == source.count {
                    if count == 0 { return output }
                    throw DecodingError(offset: position - count)
                }
                let byte = source[position]
                position += 1
                let symbol = decodeTable[Int(byte)]
                if symbol != 0xFF {
                    symbols[count] = UInt32(symbol)
                    count += 1
                    continue
                }
                if byte == 0x0A || byte == 0x0D { continue }
                guard byte == UInt8(ascii: "="), count >= 2 else {
                    throw DecodingError(offset: position - 1)
                }
                if count == 2 {
                    skipLineBreaks(source, &position)
                    guard position < source.count else { throw DecodingError(offset: source.count) }
                    guard source[position] == UInt8(ascii: "=") else { throw DecodingError(offset: position - 1) }
                    position += 1
                }
                skipLineBreaks(source, &position)
                if position < source.count { throw DecodingError(offset: position) }
                finished = true
                break
            }
            let value = symbols[0] << 18 | symbols[1] << 12 | symbols[2] << 6 | symbols[3]
            output.append(UInt8(value >> 16 & 0xFF))
            if count >= 3 { output.append(UInt8(value >> 8 & 0xFF)) }
            if count == 4 { output.append(UInt8(value & 0xFF)) }
            if finished { return output }
        }
    }

    private static func skipLineBreaks(_ source: [UInt8], _ position: inout Int) {
        while position < source.count && (source[position] == 0x0A || source[position] == 0x0D) {
            position += 1
        }
    }
}

/// Go's `url.QueryEscape`: letters, digits and `-_.~` stay, a space becomes
/// `+`, every other byte of the UTF-8 text becomes `%XX`.
enum URLQueryEscaping {
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
