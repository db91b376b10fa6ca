/// `formatdate`'s format strings: runs of one letter are mnemonics (their
/// length picks the variant), text in single quotes is literal (`''` is a
/// quote), anything else is copied.
enum DateFormat {
    struct Invalid: Error {
        var message: String
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ format: String, _ time: Timestamp) throws(Invalid) -> String {
        var output = ""
        for token in tokens(Array(format.utf8)) {
            try append(token, time, to: &output)
        }
        return output
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
    }

    /// Splits the format as go-cty's scanner does.
    static func tokens(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let quote = UInt8(ascii: "'")
        var tokens: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            var end = start + 1
            if bytes[start] == quote {
                if end < bytes.count && bytes[end] == quote {
                    end += 1
                } else {
                    // Up to the closing quote, skipping doubled ones; to the
                    // end when unclosed.
                    end = bytes.count
                    var index = start + 1
                    while index < bytes.count {
                        if bytes[index] == quote {
                            if index + 1 == bytes.count { break }
                            if bytes[index + 1] == quote {
                                index += 2
                                continue
                            }
                            end = index + 1
                            break
                        }
                        index += 1
                    }
                }
            } else if isLetter(bytes[start]) {
                while end < bytes.count && bytes[end] == bytes[start] { end += 1 }
            } else {
                while end < bytes.count && bytes[end] != quote && !isLetter(bytes[end]) { end += 1 }
            }
            tokens.append(bytes[start..<end])
            start = end
        }
        return tokens
    }

    private static func append(_ token: ArraySlice<UInt8>, _ time: Timestamp, to output: inout String) throws(Invalid) {
        let quote = UInt8(ascii: "'")
        let first = token.first!
        if first == quote {
            guard token.count > 1, token.last == quote else { throw Invalid(message: "unterminated literal '") }
            if token.count == 2 {
                output += "'"
                return
            }
            let raw = Array(token.dropFirst().dropLast())
            var literal: [UInt8] = []
            var index = 0
            while index < raw.count {
                literal.append(raw[index])
                if raw[index] == quote { index += 1 }
                index += 1
            }
            output += String(decoding: literal, as: UTF8.self)
            return
        }
        guard isLetter(first) else {
            output += String(decoding: token, as: UTF8.self)
            return
        }
        let verb = String(decoding: token, as: UTF8.self)
        func invalid(_ detail: String) -> Invalid {
            Invalid(message: "invalid date format verb \"\(verb)\"" + (detail.isEmpty ? "" : ": " + detail))
        }
        let length = token.count
        switch first {
        case UInt8(ascii: "Y"):
            switch length {
            case 2: output += Timestamp.padded(time.year % 100, 2)
            case 4: output += Timestamp.padded(time.year, 4)
            default: throw invalid("year must either be \"YY\" or \"YYYY\"")
            }
        case UInt8(ascii: "M"):
            switch length {
            case 1: output += String(time.month)
            case 2: output += Timestamp.padded(time.month, 2)
            case 3: output += String(months[time.month - 1].prefix(3))
            case 4: output += months[time.month - 1]
            default: throw invalid("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"")
            }
        case UInt8(ascii: "D"):
            try number(time.day, length, to: &output, orThrow: invalid("day of month must either be \"D\" or \"DD\""))
        case UInt8(ascii: "E"):
            switch length {
            case 3: output += String(weekdays[time.weekday].prefix(3))
            case 4: output += weekdays[time.weekday]
            default: throw invalid("day of week must either be \"EEE\" or \"EEEE\"")
            }
        case UInt8(ascii: "h"):
            try number(time.hour, length, to: &output, orThrow: invalid("24-hour must either be \"h\" or \"hh\""))
        case UInt8(ascii: "H"):
            let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
            try number(hour, length, to: &output, orThrow: invalid("12-hour must either be \"H\" or \"HH\""))
        case UInt8(ascii: "A"), UInt8(ascii: "a"):
            let letter = String(UnicodeScalar(first))
            guard length == 2 else { throw invalid("must be \"\(letter)\(letter)\"") }
            let marker = time.hour < 12 ? "AM" : "PM"
            output += first == UInt8(ascii: "A") ? marker : marker.lowercased()
        case UInt8(ascii: "m"):
            try number(time.minute, length, to: &output, orThrow: invalid("minute must either be \"m\" or \"mm\""))
        case UInt8(ascii: "s"):
            try number(time.second, length, to: &output, orThrow: invalid("second must either be \"s\" or \"ss\""))
        case UInt8(ascii: "Z"):
            switch length {
            case 1: output += time.zone(colon: true, zeroAsZ: true)
            case 3: output += time.offset == 0 ? "UTC" : time.zone(colon: false, zeroAsZ: false)
            case 4: output += time.zone(colon: false, zeroAsZ: false)
            case 5: output += time.zone(colon: true, zeroAsZ: false)
            default: throw invalid("timezone must be Z, ZZZZ, or ZZZZZ")
            }
        default:
            throw invalid("")
        }
    }

    /// A number as one or two digits ("5" or "05") by the verb's length.
    private static func number(_ value: Int, _ length: Int, to output: inout String, orThrow error: Invalid) throws(Invalid) {
        switch length {
        case 1: output += String(value)
        case 2: output += Timestamp.padded(value, 2)
        default: throw error
        }
    }
}
