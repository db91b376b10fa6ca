/// One `%…` sequence of a `format` string, and the scanner that renders a
/// whole format string as Terraform does: verbs `%v %#v %t %b %d %o %x %X
/// %e %E %f %g %G %s %q` and `%%`, flags `+ - # 0` and space, a width, a
/// precision, and an explicit argument index (`%[2]d`), in that order.
/// Offsets in messages are byte offsets into the format string, as in
/// Terraform's.
struct FormatVerb: Sendable {
    /// The sequence as written, from `%` to the verb letter.
    var raw: String = ""
    /// Byte offset of the `%`.
    var offset = 0
    /// One-based index of the argument it formats.
    var argument: Int
    var mode: UInt8 = 0
    var zero = false
    var sharp = false
    var plus = false
    var minus = false
    var space = false
    var width: Int?
    var precision: Int?

    init(argument: Int) {
        self.argument = argument
    }

    /// Widths and precisions beyond this are refused rather than padded to
    /// gigabytes.
    static let maximumWidth = 1_000_000

    /// Integers longer than this are not converted to base 2, 8 or 16.
    static let maximumBaseConversionDigits = 20_000

    /// Why a format string could not be rendered, in Terraform's words
    /// (no final period). `argument` is the position of the argument at
    /// fault in the whole call (the format string is 0), when one is.
    struct Failure: Error, Sendable {
        var argument: Int?
        var reason: String
    }

    /// Renders `format` with `arguments` (the values after the format
    /// string). Every argument must be wholly known.
    static func render(_ format: String, arguments: [Value]) throws(Failure) -> String {
        try render(Array(format.utf8), arguments: arguments)
    }

    private static func render(_ bytes: [UInt8], arguments: [Value]) throws(Failure) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16 * arguments.count)
        var index = 0
        var nextArgument = 1
        var highestArgument = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "%") {
                output.append(byte)
                index += 1
                continue
            }
            if index + 1 < count, bytes[index + 1] == UInt8(ascii: "%") {
                output.append(byte)
                index += 2
                continue
            }
            var verb = FormatVerb(argument: nextArgument)
            verb.offset = index
            index += 1
            flags: while index < count {
                switch bytes[index] {
                case UInt8(ascii: "0"): verb.zero = true
                case UInt8(ascii: "#"): verb.sharp = true
                case UInt8(ascii: "-"): verb.minus = true
                case UInt8(ascii: "+"): verb.plus = true
                case UInt8(ascii: " "): verb.space = true
                default: break flags
                }
                index += 1
            }
            if index < count, bytes[index] &- UInt8(ascii: "1") < 9 {
                verb.width = readNumber(bytes, &index)
            }
            if index < count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                verb.precision = readNumber(bytes, &index)
            }
            if index < count, bytes[index] == UInt8(ascii: "[") {
                index += 1
                guard index < count else { throw incomplete(at: count) }
                guard bytes[index] &- UInt8(ascii: "1") < 9 else { throw unrecognized(bytes, at: index) }
                verb.argument = readNumber(bytes, &index)
                guard index < count else { throw incomplete(at: count) }
                guard bytes[index] == UInt8(ascii: "]") else { throw unrecognized(bytes, at: index) }
                index += 1
            }
            guard index < count else { throw incomplete(at: count) }
            let letter = bytes[index] | 0x20
            guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") else { throw unrecognized(bytes, at: index) }
            verb.mode = bytes[index]
            index += 1
            verb.raw = String(decoding: bytes[verb.offset..<index], as: UTF8.self)
            highestArgument = Swift.max(highestArgument, verb.argument)
            try verb.append(to: &output, arguments: arguments)
            nextArgument = verb.argument + 1
        }
        if highestArgument < arguments.count {
            let message = highestArgument == 0
                ? "too many arguments; no verbs in format string"
                : "too many arguments; only \(highestArgument) used by format string"
            throw Failure(argument: highestArgument + 1, reason: message)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Reads decimal digits, saturating instead of overflowing.
    private static func readNumber(_ bytes: [UInt8], _ index: inout Int) -> Int {
        var value = 0
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            value = Swift.min(value * 10 + Int(bytes[index] &- UInt8(ascii: "0")), Int(Int32.max))
            index += 1
        }
        return value
    }

    private static func incomplete(at offset: Int) -> Failure {
        Failure(reason: "invalid format string starting at offset \(offset)")
    }

    private static func unrecognized(_ bytes: [UInt8], at offset: Int) -> Failure {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        let character = text.unicodeScalars.first.map(\.goQuotedRune) ?? "'?'"
        return Failure(reason: "unrecognized format character \(character) at offset \(offset)")
    }
}
