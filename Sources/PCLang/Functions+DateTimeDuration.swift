/// Go's `time.ParseDuration`, which `timeadd` is defined by: a sign, then
/// numbers with units ("1h30m", "-1.5h", "300ms", "2us"), as nanoseconds.
enum GoDuration {
    struct Invalid: Error, Equatable {
        var message: String
    }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    private static let limit: UInt64 = 1 << 63

    static func parse(_ text: String) throws(Invalid) -> Int64 {
        let original = text
        var s = Array(text.utf8)[...]
        var negative = false
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return 0 }
        let invalid = Invalid(message: "time: invalid duration \(quote(original))")
        if s.isEmpty { throw invalid }
        var total: UInt64 = 0
        while !s.isEmpty {
            guard s.first == UInt8(ascii: ".") || isDigit(s.first!) else { throw invalid }
            let before = s.count
            var whole: UInt64 = 0
            while let digit = s.first, isDigit(digit) {
                guard whole <= limit / 10 else { throw invalid }
                whole = whole * 10 + UInt64(digit - 48)
                guard whole <= limit else { throw invalid }
                s = s.dropFirst()
            }
            let hadWhole = before != s.count
            var fraction: UInt64 = 0
            var scale = 1.0
            var hadFraction = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                var overflow = false
                while let digit = s.first, isDigit(digit) {
                    s = s.dropFirst()
                    hadFraction = true
                    if overflow { continue }
                    if fraction > (limit - 1) / 10 {
                        overflow = true
                        continue
                    }
                    let next = fraction * 10 + UInt64(digit - 48)
                    if next > limit {
                        overflow = true
                        continue
                    }
                    fraction = next
                    scale *= 10
                }
            }
            guard hadWhole || hadFraction else { throw invalid }
            var unitLength = 0
            for byte in s {
                if byte == UInt8(ascii: ".") || isDigit(byte) { break }
                unitLength += 1
            }
            guard unitLength > 0 else { throw Invalid(message: "time: missing unit in duration \(quote(original))") }
            let unitName = String(decoding: s.prefix(unitLength), as: UTF8.self)
            s = s.dropFirst(unitLength)
            guard let unit = units[unitName] else {
                throw Invalid(message: "time: unknown unit \(quote(unitName)) in duration \(quote(original))")
            }
            guard whole <= limit / unit else { throw invalid }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= limit else { throw invalid }
            }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow, sum <= limit else { throw invalid }
            total = sum
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        guard total <= limit - 1 else { throw invalid }
        return Int64(total)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Go's `time.quote`: bytes outside printable ASCII as `\xNN`.
    static func quote(_ text: String) -> String {
        var result = "\""
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 {
                let digits = Array("0123456789abcdef")
                result += "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
            } else {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { result += "\\" }
                result.append(Character(UnicodeScalar(byte)))
            }
        }
        return result + "\""
    }
}
