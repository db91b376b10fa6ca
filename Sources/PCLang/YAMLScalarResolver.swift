/// Decides what a YAML scalar means, as Terraform's `yamldecode` does
/// (go-cty-yaml 1.1): quoted scalars are strings; plain ones may be null
/// (`~`, `null`, empty), booleans in YAML 1.1's spellings (`yes`, `on`,
/// `y`…), integers (decimal, `0o`, `0x`), floats, or timestamps (which
/// become RFC 3339 strings); explicit tags (`!!str`, `!!int`…) override.
enum YAMLScalarResolver {
    static let prefix = "tag:yaml.org,2002:"
    static let stringTag = prefix + "str"
    static let boolTag = prefix + "bool"
    static let intTag = prefix + "int"
    static let floatTag = prefix + "float"
    static let nullTag = prefix + "null"
    static let timestampTag = prefix + "timestamp"
    static let binaryTag = prefix + "binary"
    static let mapTag = prefix + "map"
    static let sequenceTag = prefix + "seq"

    struct Failure: Error {
        var message: String
    }

    private enum Known {
        case bool(Bool)
        case null
        case infinity
    }

    private static let known: [String: Known] = {
        var table: [String: Known] = [:]
        for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[word] = .bool(true) }
        for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[word] = .bool(false) }
        for word in ["", "~", "null", "Null", "NULL"] { table[word] = .null }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"] { table[word] = .infinity }
        return table
    }()

    /// What the first character says a plain scalar might be: a sign, a
    /// digit, a letter that starts a known word, or a point.
    private static func hint(_ text: String) -> UInt8 {
        guard let first = text.utf8.first else { return UInt8(ascii: "N") }
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return UInt8(ascii: "S")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt8(ascii: "D")
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return UInt8(ascii: "M")
        case UInt8(ascii: "."): return UInt8(ascii: ".")
        default: return 0
        }
    }

    static func resolve(tag: String, text: String, style: YAMLScalarStyle) throws(Failure) -> Value {
        let resolvable = [ "", stringTag, boolTag, intTag, floatTag, nullTag, timestampTag, binaryTag]
        guard resolvable.contains(tag) else {
            throw Failure(message: "unsupported tag \(tag.goQuoted)")
        }
        var tag = tag
        let hint = hint(text)
        if hint != 0 && tag != stringTag && tag != binaryTag {
            if style == .singleQuoted || style == .doubleQuoted {
                return .string(text)
            }
            if let word = known[text] {
                return try value(of: word)
            }
            if tag.isEmpty && (text == ".nan" || text == ".NaN" || text == ".NAN") {
                throw Failure(message: "floating point NaN is not supported")
            }
            switch hint {
            case UInt8(ascii: "."):
                if let number = Number(parsing: text) { return .number(number) }
            case UInt8(ascii: "D"), UInt8(ascii: "S"):
                if tag.isEmpty || tag == timestampTag, let timestamp = YAMLTimestamp.rfc3339(text) {
                    return .string(timestamp)
                }
                if isInteger(text) {
                    tag = intTag
                } else if isFloat(text) {
                    tag = floatTag
                }
            default:
                break
            }
        }
        switch tag {
        case stringTag:
            return .string(text)
        case binaryTag:
            guard (try? Base64.decode(text)) != nil else {
                throw Failure(message: "cannot parse \(text.goQuoted) as \(tag): not valid base64")
            }
            return .string(text)
        case boolTag:
            guard case .bool(let bool) = known[text] else {
                throw Failure(message: "cannot parse \(text.goQuoted) as \(tag)")
            }
            return .bool(bool)
        case intTag, floatTag:
            let plain = String(decoding: text.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
            if let number = Number(parsing: plain) { return .number(number) }
            if let number = goInteger(plain) { return .number(number) }
            throw Failure(message: "cannot parse \(text.goQuoted) as \(tag)")
        case timestampTag:
            guard let timestamp = YAMLTimestamp.rfc3339(text) else {
                throw Failure(message: "cannot parse \(text.goQuoted) as \(tag)")
            }
            return .string(timestamp)
        case nullTag:
            return .null
        default:
            return .string(text)
        }
    }

    private static func value(of word: Known) throws(Failure) -> Value {
        switch word {
        case .bool(let bool): return .bool(bool)
        case .null: return .null
        case .infinity: throw Failure(message: "floating point infinity is not supported")
        }
    }

    /// YAML 1.2's integer forms: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func isInteger(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && bytes[1] == UInt8(ascii: "o") {
            return bytes.dropFirst(2).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
        }
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && bytes[1] == UInt8(ascii: "x") {
            return bytes.dropFirst(2).allSatisfy(isHexDigit)
        }
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fractionDigits = bytes.prefix(while: isDigit).count
            if integerDigits == 0 && fractionDigits == 0 { return false }
            bytes = bytes.dropFirst(fractionDigits)
        } else if integerDigits == 0 {
            return false
        }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            if exponentDigits == 0 { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Go's `strconv.ParseInt(text, 0, 64)`, then `ParseUint`: a sign, then
    /// `0x`, `0o`, `0b` or a leading `0` (octal) choose the base.
    static func goInteger(_ text: String) -> Number? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.count >= 2 && bytes.first == UInt8(ascii: "0") {
            switch bytes[bytes.startIndex + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "b"): radix = 2; bytes = bytes.dropFirst(2)
            default: radix = 8; bytes = bytes.dropFirst(1)
            }
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        if negative {
            guard value <= UInt64(Int64.max) + 1 else { return nil }
            if value == UInt64(Int64.max) + 1 { return Number(Int.min) }
            return Number(-Int(value))
        }
        if value <= UInt64(Int.max) { return Number(Int(value)) }
        // Beyond Int64, as ParseUint reads it.
        return Number(parsing: String(value))
    }
}
