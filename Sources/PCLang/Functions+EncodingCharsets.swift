/// A character encoding named the IANA way, as `textencodebase64` and
/// `textdecodebase64` take it: UTF-8, the UTF-16 forms, US-ASCII and the
/// single-byte code pages Terraform knows (ISO-8859-*, windows-125*,
/// KOI8-*, IBM code pages, macintosh). Names match case-insensitively.
struct TextCharset {
    enum Kind {
        case utf8
        /// Writes a big-endian byte order mark; reads either mark, big-endian
        /// without one.
        case utf16
        case utf16BigEndian
        case utf16LittleEndian
        case ascii
        case singleByte(SingleByteTable)
        /// Registered with IANA and known to Terraform, but not here (the
        /// multi-byte East Asian encodings).
        case unsupported
    }

    /// The IANA name, as messages show it ("ISO_8859-1:1987").
    let name: String
    let kind: Kind

    /// The encoding called `name`, or the error for the `encoding`
    /// argument at position `argument`.
    static func named(_ name: String, argument: Int) throws(FunctionError) -> TextCharset {
        let key = name.trimmingASCIIWhitespace.lowercased()
        guard let entry = registry[key] else {
            throw FunctionError(argument: argument, "Invalid value for \"encoding\" parameter: \"\(name)\" is not a supported IANA encoding name or alias in this version of pcplan; use for example UTF-8, UTF-16LE, ISO-8859-1 or windows-1252.")
        }
        if case .unsupported = entry.kind {
            throw FunctionError(argument: argument, "Invalid value for \"encoding\" parameter: the encoding \(entry.name) is not supported in this version of pcplan; the supported ones are UTF-8, UTF-16, US-ASCII and the single-byte code pages (ISO-8859-*, windows-125*, KOI8-R, KOI8-U, IBM437, …).")
        }
        return TextCharset(name: entry.name, kind: entry.kind)
    }

    /// The bytes of `text`, or nil when a character has no place in the
    /// encoding.
    func encode(_ text: String) -> [UInt8]? {
        switch kind {
        case .utf8:
            return Array(text.utf8)
        case .utf16:
            return [0xFE, 0xFF] + TextCharset.utf16(text, bigEndian: true)
        case .utf16BigEndian:
            return TextCharset.utf16(text, bigEndian: true)
        case .utf16LittleEndian:
            return TextCharset.utf16(text, bigEndian: false)
        case .ascii:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                guard byte < 0x80 else { return nil }
                bytes.append(byte)
            }
            return bytes
        case .singleByte(let table):
            return table.encode(text)
        case .unsupported:
            return nil
        }
    }

    /// The text of `bytes`; undecodable bytes become U+FFFD (which the
    /// caller treats as an error, as Terraform does).
    func decode(_ bytes: [UInt8]) -> String? {
        switch kind {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16:
            if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
                return TextCharset.string(utf16: bytes.dropFirst(2), bigEndian: false)
            }
            if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
                return TextCharset.string(utf16: bytes.dropFirst(2), bigEndian: true)
            }
            return TextCharset.string(utf16: bytes[...], bigEndian: true)
        case .utf16BigEndian:
            return TextCharset.string(utf16: bytes[...], bigEndian: true)
        case .utf16LittleEndian:
            return TextCharset.string(utf16: bytes[...], bigEndian: false)
        case .ascii:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
            }
            return String(scalars)
        case .singleByte(let table):
            return table.decode(bytes)
        case .unsupported:
            return nil
        }
    }

    private static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            if bigEndian {
                bytes.append(high)
                bytes.append(low)
            } else {
                bytes.append(low)
                bytes.append(high)
            }
        }
        return bytes
    }

    /// A trailing odd byte or a broken surrogate pair decodes to U+FFFD.
    private static func string(utf16 bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.endIndex { text += "\u{FFFD}" }
        return text
    }
}

/// A code page that maps each byte to one character: bytes 0x00–0x7F are
/// ASCII unless the table lists all 256.
struct SingleByteTable: Sendable {
    /// The characters of the listed bytes; U+FFFD where a byte is undefined.
    let characters: [Unicode.Scalar]
    private let firstByte: Int

    init(_ characters: String) {
        self.characters = Array(characters.unicodeScalars)
        firstByte = self.characters.count == 256 ? 0 : 128
    }

    func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let index = Int(byte) - firstByte
            scalars.append(index < 0 ? Unicode.Scalar(byte) : characters[index])
        }
        return String(scalars)
    }

    func encode(_ text: String) -> [UInt8]? {
        var reverse: [Unicode.Scalar: UInt8] = [:]
        for (index, scalar) in characters.enumerated() where scalar != "\u{FFFD}" {
            reverse[scalar] = UInt8(index + firstByte)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if firstByte == 128 && scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = reverse[scalar] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }
}

private extension String {
    var trimmingASCIIWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
