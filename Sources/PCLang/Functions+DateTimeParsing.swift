/// A moment written as an RFC 3339 timestamp, keeping the fields and UTC
/// offset it was written with (formatting and `timeadd` keep the offset).
///
/// Terraform parses timestamps two ways: `formatdate` and `timeadd` (from
/// go-cty) insist on strict RFC 3339, while `timecmp` uses Go's more lenient
/// `time.Parse`; both explain failures in terms of Go's parse errors. Both
/// are reproduced here, messages included.
struct Timestamp: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var nanosecond: Int
    /// Seconds east of UTC.
    var offset: Int

    /// Seconds since 1970-01-01T00:00:00Z.
    var epochSeconds: Int {
        Timestamp.daysFromCivil(year: year, month: month, day: day) * 86400
            + hour * 3600 + minute * 60 + second - offset
    }

    /// The moment `nanoseconds` later, written with the same offset.
    func adding(nanoseconds: Int64) -> Timestamp {
        let (extraSeconds, extraNanos) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        var nanos = nanosecond + Int(extraNanos)
        var seconds = epochSeconds + Int(extraSeconds) + offset
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        } else if nanos >= 1_000_000_000 {
            nanos -= 1_000_000_000
            seconds += 1
        }
        let (days, secondOfDay) = Timestamp.floorDivision(seconds, 86400)
        let (y, m, d) = Timestamp.civil(fromDays: days)
        return Timestamp(year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
                         second: secondOfDay % 60, nanosecond: nanos, offset: offset)
    }

    /// Which moment is earlier: -1, 0 or 1.
    func compare(to other: Timestamp) -> Int {
        let (a, b) = (epochSeconds, other.epochSeconds)
        if a != b { return a < b ? -1 : 1 }
        if nanosecond != other.nanosecond { return nanosecond < other.nanosecond ? -1 : 1 }
        return 0
    }

    /// Day of the week, 0 for Sunday.
    var weekday: Int {
        Timestamp.floorDivision(Timestamp.daysFromCivil(year: year, month: month, day: day) + 4, 7).1
    }

    /// RFC 3339 without fractional seconds, as Go's `time.RFC3339` layout
    /// writes it ("Z" for a zero offset; years beyond 9999 or before 0
    /// written out in full).
    var rfc3339: String {
        var text = year < 0 ? "-" + Timestamp.padded(-year, 4) : Timestamp.padded(year, 4)
        text += "-" + Timestamp.padded(month, 2) + "-" + Timestamp.padded(day, 2)
        text += "T" + Timestamp.padded(hour, 2) + ":" + Timestamp.padded(minute, 2) + ":" + Timestamp.padded(second, 2)
        return text + zone(colon: true, zeroAsZ: true)
    }

    /// The offset as "+hh:mm" or "+hhmm"; "Z" for zero when asked.
    func zone(colon: Bool, zeroAsZ: Bool) -> String {
        if offset == 0 && zeroAsZ { return "Z" }
        let minutes = abs(offset) / 60
        let sign = offset < 0 ? "-" : "+"
        return sign + Timestamp.padded(minutes / 60, 2) + (colon ? ":" : "") + Timestamp.padded(minutes % 60, 2)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: Calendar arithmetic (proleptic Gregorian)

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func floorDivision(_ a: Int, _ b: Int) -> (Int, Int) {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        return remainder < 0 ? (quotient - 1, remainder + b) : (quotient, remainder)
    }

    /// Days since 1970-01-01 (Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivision(y, 400).0
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivision(z, 146_097).0
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Timestamp {
    /// Strict RFC 3339 (go-cty's rules), with go-cty's messages.
    static func parseStrict(_ text: String) -> Result<Timestamp, TimestampError> {
        if let timestamp = strictFields(Array(text.utf8)) { return .success(timestamp) }
        var parser = TimestampParser(text)
        switch parser.parse() {
        case .failure(let error):
            return .failure(TimestampError(message: error.explained(strict: true)))
        case .success:
            return .failure(TimestampError(message: strictFailure(Array(text.utf8)).explained(strict: true)))
        }
    }

    /// Go's `time.Parse(time.RFC3339, …)`, with Terraform's messages.
    static func parseLenient(_ text: String) -> Result<Timestamp, TimestampError> {
        var parser = TimestampParser(text)
        return parser.parse().mapError { TimestampError(message: $0.explained(strict: false)) }
    }

    /// Why a string Go's parser accepted is still not strict RFC 3339.
    private static func strictFailure(_ s: [UInt8]) -> GoParseError {
        func at(_ index: Int) -> UInt8? { index >= 0 && index < s.count ? s[index] : nil }
        func num2(_ index: Int) -> Int {
            guard let a = at(index), let b = at(index + 1) else { return 0 }
            return Int(a &- 48) &* 10 &+ Int(b &- 48)
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: s[max(0, range.lowerBound)..<min(s.count, range.upperBound)], as: UTF8.self)
        }
        if at(12) == UInt8(ascii: ":") {
            return GoParseError(layoutElement: "15", valueElement: text(11..<12), message: ": hour must have two digits")
        }
        if at(19) == UInt8(ascii: ",") {
            return GoParseError(layoutElement: ".", valueElement: ",", message: ": sub-second separator must be a period")
        }
        if s.last != UInt8(ascii: "Z"), num2(s.count - 5) >= 24 || num2(s.count - 2) >= 60 {
            return GoParseError(layoutElement: "Z07:00", valueElement: text((s.count - 6)..<s.count), message: ": timezone out of range")
        }
        return GoParseError(layoutElement: "2006-01-02T15:04:05Z07:00", valueElement: String(decoding: s, as: UTF8.self), message: "")
    }

    /// go-cty's `parseRFC3339`.
    private static func strictFields(_ s: [UInt8]) -> Timestamp? {
        guard s.count >= 19 else { return nil }
        var ok = true
        func number(_ range: Range<Int>, _ minimum: Int, _ maximum: Int) -> Int {
            var value = 0
            for byte in s[range] {
                guard byte >= 48 && byte <= 57 else {
                    ok = false
                    return minimum
                }
                value = value * 10 + Int(byte - 48)
            }
            guard value >= minimum && value <= maximum else {
                ok = false
                return minimum
            }
            return value
        }
        let year = number(0..<4, 0, 9999)
        let month = number(5..<7, 1, 12)
        let day = number(8..<10, 1, daysIn(month: month, year: year))
        let hour = number(11..<13, 0, 23)
        let minute = number(14..<16, 0, 59)
        let second = number(17..<19, 0, 59)
        guard ok, s[4] == 45, s[7] == 45, s[10] == UInt8(ascii: "T"), s[13] == 58, s[16] == 58 else { return nil }
        var index = 19
        var nanosecond = 0
        if s.count - index >= 2, s[index] == UInt8(ascii: "."), (48...57).contains(s[index + 1]) {
            var end = index + 2
            while end < s.count, (48...57).contains(s[end]) { end += 1 }
            nanosecond = TimestampParser.nanoseconds(s[(index + 1)..<end])
            index = end
        }
        var offset = 0
        let rest = s[index...]
        if !(rest.count == 1 && rest.first == UInt8(ascii: "Z")) {
            guard rest.count == 6 else { return nil }
            let hours = number((index + 1)..<(index + 3), 0, 23)
            let minutes = number((index + 4)..<(index + 6), 0, 59)
            guard ok, s[index] == UInt8(ascii: "+") || s[index] == UInt8(ascii: "-"), s[index + 3] == 58 else { return nil }
            offset = (hours * 60 + minutes) * 60 * (s[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                         nanosecond: nanosecond, offset: offset)
    }
}

/// A timestamp that could not be read, with the explanation to show.
struct TimestampError: Error, Equatable {
    var message: String
}

/// A Go `time.ParseError`: which part of the layout met which remaining
/// input.
struct GoParseError: Error {
    var layoutElement: String
    var valueElement: String
    var message: String

    /// The explanation Terraform gives; `strict` adds go-cty's special
    /// cases for hours and minutes.
    func explained(strict: Bool) -> String {
        let prefix = "not a valid RFC3339 timestamp"
        if layoutElement.isEmpty && valueElement.isEmpty && !message.isEmpty {
            return prefix + message
        }
        let what: String
        switch layoutElement {
        case "2006": what = "year"
        case "01": what = "month"
        case "02": what = "day of month"
        case "15": what = "hour"
        case "04": what = "minute"
        case "05": what = "second"
        case "Z07:00": what = "UTC offset"
        case "T": return prefix + ": missing required time introducer 'T'"
        case ":", "-":
            if valueElement.isEmpty { return prefix + ": end of string where \"\(layoutElement)\" is expected" }
            return prefix + ": found \(valueElement.goQuoted) where \"\(layoutElement)\" is expected"
        default: what = "timestamp segment"
        }
        if valueElement.isEmpty { return prefix + ": end of string before \(what)" }
        if strict {
            if what == "hour" && valueElement.contains(":") { return prefix + ": hour must be between 0 and 23 inclusive" }
            if what == "hour" && valueElement.utf8.count != 2 { return prefix + ": hour must have exactly two digits" }
            if what == "minute" && valueElement.utf8.count != 2 { return prefix + ": minute must have exactly two digits" }
        }
        return prefix + ": cannot use \(valueElement.goQuoted) as \(what)"
    }
}
