/// Go's general `time.Parse` walking the RFC 3339 layout
/// "2006-01-02T15:04:05Z07:00": each layout element consumes input, and a
/// failure names the element and the input left, which is what
/// Terraform's messages are made from.
struct TimestampParser {
    private let input: [UInt8]
    private var position = 0

    init(_ text: String) {
        input = Array(text.utf8)
    }

    private var rest: ArraySlice<UInt8> { input[position...] }
    private var restText: String { String(decoding: rest, as: UTF8.self) }

    private func isDigit(_ offset: Int) -> Bool {
        let index = position + offset
        return index < input.count && input[index] >= 48 && input[index] <= 57
    }

    private func failure(_ layout: String, at start: Int, _ message: String = "") -> GoParseError {
        GoParseError(layoutElement: layout, valueElement: String(decoding: input[start...], as: UTF8.self), message: message)
    }

    /// Consumes a literal separator.
    private mutating func skip(_ literal: UInt8) throws(GoParseError) {
        guard position < input.count, input[position] == literal else {
            throw GoParseError(layoutElement: String(UnicodeScalar(literal)), valueElement: restText, message: "")
        }
        position += 1
    }

    /// Go's `getnum`: one or two digits (exactly two when `fixed`).
    private mutating func number(fixed: Bool) -> Int? {
        guard isDigit(0) else { return nil }
        guard isDigit(1) else {
            if fixed { return nil }
            position += 1
            return Int(input[position - 1] - 48)
        }
        position += 2
        return Int(input[position - 2] - 48) * 10 + Int(input[position - 1] - 48)
    }

    /// A two-digit field with a range; errors name `layout`.
    private mutating func field(_ layout: String, fixed: Bool, range: ClosedRange<Int>, name: String) throws(GoParseError) -> Int {
        let start = position
        guard let value = number(fixed: fixed) else { throw failure(layout, at: start) }
        guard range.contains(value) else { throw failure(layout, at: position, ": \(name) out of range") }
        return value
    }

    mutating func parse() -> Result<Timestamp, GoParseError> {
        do throws(GoParseError) {
            return .success(try parseFields())
        } catch {
            return .failure(error)
        }
    }

    private mutating func parseFields() throws(GoParseError) -> Timestamp {
        guard input.count - position >= 4, isDigit(0), input[position..<(position + 4)].allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw failure("2006", at: position)
        }
        let year = input[position..<(position + 4)].reduce(0) { $0 * 10 + Int($1 - 48) }
        position += 4
        try skip(45)
        let month = try field("01", fixed: true, range: 1...12, name: "month")
        try skip(45)
        let dayStart = position
        guard let day = number(fixed: true) else { throw failure("02", at: dayStart) }
        try skip(UInt8(ascii: "T"))
        let hour = try field("15", fixed: false, range: 0...23, name: "hour")
        try skip(58)
        let minute = try field("04", fixed: true, range: 0...59, name: "minute")
        try skip(58)
        let second = try field("05", fixed: true, range: 0...59, name: "second")
        var nanosecond = 0
        if input.count - position >= 2, input[position] == UInt8(ascii: ".") || input[position] == UInt8(ascii: ","), isDigit(1) {
            var end = position + 2
            while end < input.count, input[end] >= 48, input[end] <= 57 { end += 1 }
            nanosecond = TimestampParser.nanoseconds(input[(position + 1)..<end])
            position = end
        }
        let offset = try zone()
        if position < input.count {
            throw GoParseError(layoutElement: "", valueElement: restText, message: ": extra text: \(restText)")
        }
        guard day >= 1, day <= Timestamp.daysIn(month: month, year: year) else {
            throw GoParseError(layoutElement: "", valueElement: "", message: ": day out of range")
        }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                         nanosecond: nanosecond, offset: offset)
    }

    /// "Z" or "±hh:mm", where Go allows hours up to 24 and minutes up to 60.
    private mutating func zone() throws(GoParseError) -> Int {
        let start = position
        if position < input.count, input[position] == UInt8(ascii: "Z") {
            position += 1
            return 0
        }
        guard input.count - position >= 6, input[position + 3] == 58 else { throw failure("Z07:00", at: start) }
        let sign = input[position]
        let digits = input[(position + 1)..<(position + 3)] + input[(position + 4)..<(position + 6)]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw failure("Z07:00", at: start) }
        let values = Array(digits).map { Int($0 - 48) }
        let hours = values[0] * 10 + values[1], minutes = values[2] * 10 + values[3]
        position += 6
        var rangeError: String?
        if hours > 24 { rangeError = "time zone offset hour" }
        if minutes > 60 { rangeError = "time zone offset minute" }
        if let rangeError { throw failure("Z07:00", at: position, ": \(rangeError) out of range") }
        switch sign {
        case UInt8(ascii: "+"): return (hours * 60 + minutes) * 60
        case UInt8(ascii: "-"): return -(hours * 60 + minutes) * 60
        default: throw failure("Z07:00", at: start)
        }
    }

    /// The nanoseconds of a fraction's digits; digits past the ninth are
    /// ignored, as in Go.
    static func nanoseconds(_ digits: ArraySlice<UInt8>) -> Int {
        var value = 0
        for digit in digits.prefix(9) {
            value = value * 10 + Int(digit - 48)
        }
        for _ in min(digits.count, 9)..<9 { value *= 10 }
        return value
    }
}
