/// YAML timestamps as Terraform's `yamldecode` reads them: the forms Go's
/// `time.Parse` accepts for `2006-1-2T15:4:5.999999999Z07:00` (also with a
/// lowercase `t`), `2006-1-2 15:4:5.999999999` and `2006-1-2`, written
/// back in RFC 3339 without fractional seconds ("2001-12-14T21:59:43Z").
enum YAMLTimestamp {
    static func rfc3339(_ text: String) -> String? {
        var reader = Reader(bytes: Array(text.utf8))
        // Every form starts with a four-digit year and a dash.
        guard reader.bytes.count >= 5, reader.bytes[0..<4].allSatisfy(Reader.isDigit), reader.bytes[4] == UInt8(ascii: "-") else {
            return nil
        }
        let year = reader.fixedNumber(4)!
        reader.position = 5
        guard let month = reader.shortNumber(), (1...12).contains(month),
              reader.take(UInt8(ascii: "-")),
              let day = reader.shortNumber(), day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        var hour = 0, minute = 0, second = 0
        var offset: Int? = nil
        if !reader.atEnd {
            let separator = reader.bytes[reader.position]
            let hasZone: Bool
            if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
                reader.position += 1
                hasZone = true
            } else if separator == UInt8(ascii: " ") {
                while !reader.atEnd && reader.bytes[reader.position] == UInt8(ascii: " ") { reader.position += 1 }
                hasZone = false
            } else {
                return nil
            }
            guard let h = reader.shortNumber(), h < 24, reader.take(UInt8(ascii: ":")),
                  let m = reader.shortNumber(), m < 60, reader.take(UInt8(ascii: ":")),
                  let s = reader.shortNumber(), s < 60 else {
                return nil
            }
            (hour, minute, second) = (h, m, s)
            if reader.remaining >= 2, reader.bytes[reader.position] == UInt8(ascii: ".") || reader.bytes[reader.position] == UInt8(ascii: ","),
               Reader.isDigit(reader.bytes[reader.position + 1]) {
                reader.position += 1
                while !reader.atEnd && Reader.isDigit(reader.bytes[reader.position]) { reader.position += 1 }
            }
            if hasZone {
                guard !reader.atEnd else { return nil }
                if reader.take(UInt8(ascii: "Z")) {
                    offset = 0
                } else {
                    let sign = reader.bytes[reader.position]
                    guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
                    reader.position += 1
                    guard let zoneHour = reader.fixedNumber(2), reader.take(UInt8(ascii: ":")), let zoneMinute = reader.fixedNumber(2),
                          zoneHour <= 24, zoneMinute <= 60 else {
                        return nil
                    }
                    offset = (zoneHour * 60 + zoneMinute) * (sign == UInt8(ascii: "-") ? -1 : 1)
                }
            }
        }
        guard reader.atEnd else { return nil }
        var result = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        result += "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if let offset, offset != 0 {
            result += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        } else {
            result += "Z"
        }
        return result
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position >= bytes.count }
        var remaining: Int { bytes.count - position }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func take(_ byte: UInt8) -> Bool {
            guard !atEnd, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// One or two digits, as Go reads `1`, `2`, `15`, `4` and `5`.
        mutating func shortNumber() -> Int? {
            guard !atEnd, Reader.isDigit(bytes[position]) else { return nil }
            var value = Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            if !atEnd && Reader.isDigit(bytes[position]) {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            return value
        }

        mutating func fixedNumber(_ digits: Int) -> Int? {
            guard remaining >= digits, bytes[position..<(position + digits)].allSatisfy(Reader.isDigit) else { return nil }
            var value = 0
            for byte in bytes[position..<(position + digits)] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            position += digits
            return value
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
