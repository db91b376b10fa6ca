/// `csvdecode`: RFC 4180 text with a header row, read as Go's
/// `encoding/csv` reads it (which Terraform uses): `\r\n` line ends become
/// `\n`, empty lines are skipped, quoted fields may span lines and double
/// their quotes, every record must have as many fields as the header.
struct CSVDecoder {
    struct Failure: Error {
        var message: String
    }

    private let bytes: [UInt8]
    private var position = 0
    /// Lines read so far, counting skipped empty ones, as Go numbers them.
    private var lineNumber = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// A list of objects whose attributes are the header's column names,
    /// all strings.
    static func decode(_ text: String) throws(Failure) -> Value {
        var reader = CSVDecoder(text)
        guard let header = try reader.readRecord() else {
            throw Failure(message: "missing header line")
        }
        var attributeTypes: [String: ValueType] = [:]
        for name in header {
            if attributeTypes[name] != nil {
                throw Failure(message: "duplicate column name \(name.goQuoted)")
            }
            attributeTypes[name] = .string
        }
        var rows: [Value] = []
        while let (fields, startLine) = try reader.readRecordWithLine() {
            guard fields.count == header.count else {
                throw Failure(message: "CSV parse error on line \(startLine): wrong number of fields")
            }
            var attributes: [String: Value] = [:]
            attributes.reserveCapacity(fields.count)
            for (name, field) in zip(header, fields) {
                attributes[name] = .string(field)
            }
            rows.append(.object(attributes))
        }
        return .list(rows, element: .object(attributeTypes))
    }

    private mutating func readRecord() throws(Failure) -> [String]? {
        try readRecordWithLine()?.fields
    }

    /// The next line, with `\r\n` turned into `\n` and a `\r` just before
    /// the end of the input dropped; nil at the end.
    private mutating func readLine() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count && bytes[position] != 0x0A { position += 1 }
        lineNumber += 1
        if position < bytes.count {
            position += 1
            let end = position
            if end - start >= 2 && bytes[end - 2] == 0x0D {
                // Keep the "\n", drop the "\r" before it.
                return (bytes[start..<(end - 2)] + [0x0A])[...]
            }
            return bytes[start..<end]
        }
        var end = position
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    private static func contentLength(_ line: ArraySlice<UInt8>) -> Int {
        line.last == 0x0A ? line.count - 1 : line.count
    }

    private func failure(_ line: Int, _ message: String) -> Failure {
        Failure(message: "CSV parse error on line \(line): \(message)")
    }

    /// The fields of the next record and the line it starts on; nil at the
    /// end of the input.
    private mutating func readRecordWithLine() throws(Failure) -> (fields: [String], startLine: Int)? {
        var line: ArraySlice<UInt8>
        repeat {
            guard let next = readLine() else { return nil }
            line = next
        } while line.count == 1 && line.first == 0x0A
        if line.isEmpty { return nil }
        let startLine = lineNumber
        var fields: [String] = []
        var currentLine = lineNumber
        fieldLoop: while true {
            if line.first != UInt8(ascii: "\"") {
                let content = line.prefix(CSVDecoder.contentLength(line))
                let comma = content.firstIndex(of: UInt8(ascii: ","))
                let field = comma.map { content[content.startIndex..<$0] } ?? content
                if field.contains(UInt8(ascii: "\"")) {
                    throw failure(lineNumber, "bare \" in non-quoted-field")
                }
                fields.append(String(decoding: field, as: UTF8.self).nfcNormalized)
                if let comma {
                    line = line[(comma + 1)...]
                    continue fieldLoop
                }
                break fieldLoop
            }
            // A quoted field, possibly spanning lines.
            line = line.dropFirst()
            var field: [UInt8] = []
            while true {
                if let quote = line.firstIndex(of: UInt8(ascii: "\"")) {
                    field.append(contentsOf: line[line.startIndex..<quote])
                    line = line[(quote + 1)...]
                    if line.first == UInt8(ascii: "\"") {
                        field.append(UInt8(ascii: "\""))
                        line = line.dropFirst()
                    } else if line.first == UInt8(ascii: ",") {
                        line = line.dropFirst()
                        fields.append(String(decoding: field, as: UTF8.self).nfcNormalized)
                        continue fieldLoop
                    } else if CSVDecoder.contentLength(line) == 0 {
                        fields.append(String(decoding: field, as: UTF8.self).nfcNormalized)
                        break fieldLoop
                    } else {
                        throw failure(lineNumber, "extraneous or missing \" in quoted-field")
                    }
                } else if !line.isEmpty {
                    field.append(contentsOf: line)
                    guard let next = readLine() else {
                        throw failure(currentLine, "extraneous or missing \" in quoted-field")
                    }
                    line = next
                    currentLine = lineNumber
                } else {
                    throw failure(currentLine, "extraneous or missing \" in quoted-field")
                }
            }
        }
        return (fields, startLine)
    }
}
