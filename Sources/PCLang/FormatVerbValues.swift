/// How each verb turns its argument into text, as Terraform's `format`
/// does: `%v` as is (strings plain, numbers in Go's shortest `%g`, anything
/// else and `%#v` as JSON), `%t` as a bool, `%b %d %o %x %X` as an integer
/// the way Go prints a `big.Int`, `%e %E %f %g %G` the way Go prints a
/// `big.Float`, `%s %q` as a string. Strings are measured and padded in
/// characters (grapheme clusters); numbers in bytes, as Go pads them.
extension FormatVerb {
    func append(to output: inout [UInt8], arguments: [Value]) throws(Failure) {
        guard argument <= arguments.count else {
            throw Failure(reason: "not enough arguments for \(quotedRaw) at \(offset): need index \(argument) but have \(arguments.count) total")
        }
        if (width ?? 0) > Self.maximumWidth || (precision ?? 0) > Self.maximumWidth {
            throw Failure(argument: argument, reason: "the width and precision of \(quotedRaw) at \(offset) must be at most \(Self.maximumWidth)")
        }
        let value = arguments[argument - 1]
        if mode != UInt8(ascii: "v"), value.isNull {
            throw unsupported("null value cannot be formatted")
        }
        switch mode {
        case UInt8(ascii: "v"):
            try appendAsIs(value, to: &output)
        case UInt8(ascii: "t"):
            let converted = try converted(value, to: .bool)
            output += converted.boolValue == true ? Array("true".utf8) : Array("false".utf8)
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "x"), UInt8(ascii: "X"):
            guard let number = try converted(value, to: .number).numberValue else { return }
            guard number.isInteger else { throw unsupported("an integer is required") }
            try appendInteger(number, to: &output)
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "G"):
            guard let number = try converted(value, to: .number).numberValue else { return }
            appendFloat(number, to: &output)
        case UInt8(ascii: "s"), UInt8(ascii: "q"):
            guard var string = try converted(value, to: .string).stringValue else { return }
            if let precision, precision > 0, string.count > precision {
                string = String(string.prefix(precision))
            }
            if mode == UInt8(ascii: "q") {
                var quoted: [UInt8] = []
                Value.appendJSONString(string, to: &quoted)
                string = String(decoding: quoted, as: UTF8.self)
            }
            appendPadded(string, to: &output)
        default:
            throw Failure(reason: "unsupported format verb \(Unicode.Scalar(mode).goQuotedRune) in \(quotedRaw) at offset \(offset)")
        }
    }

    /// The raw sequence as Go's `%q` prints it (it is all printable ASCII).
    private var quotedRaw: String { "\"" + raw + "\"" }

    private func unsupported(_ reason: String) -> Failure {
        Failure(argument: argument, reason: "unsupported value for \(quotedRaw) at \(offset): \(reason)")
    }

    private func converted(_ value: Value, to type: ValueType) throws(Failure) -> Value {
        do {
            return try Conversion.convert(value, to: type)
        } catch {
            throw unsupported(error.message)
        }
    }

    private func appendAsIs(_ value: Value, to output: inout [UInt8]) throws(Failure) {
        if !sharp {
            switch value.content {
            case .string(let string):
                appendPadded(string, to: &output)
                return
            case .number(let number):
                let (negative, text) = FormatVerbFloat.text(of: number, verb: UInt8(ascii: "g"), precision: -1)
                appendPadded((negative ? "-" : "") + String(decoding: text, as: UTF8.self), to: &output)
                return
            default:
                break
            }
        }
        do {
            appendPadded(try value.jsonString(), to: &output)
        } catch {
            throw unsupported(error.description)
        }
    }

    /// Terraform's own padding for `%v`, `%s` and `%q`: in characters,
    /// with zeros when the flag says so, on the right for `-`.
    private func appendPadded(_ text: String, to output: inout [UInt8]) {
        guard let width, width > 0 else {
            output += text.utf8
            return
        }
        let length = text.count
        guard length < width else {
            output += text.utf8
            return
        }
        let pad = repeatElement(zero ? UInt8(ascii: "0") : UInt8(ascii: " "), count: width - length)
        if minus {
            output += text.utf8
            output += pad
        } else {
            output += pad
            output += text.utf8
        }
    }

    /// Go's `big.Int` formatting: sign, `#` prefix, precision as a minimum
    /// digit count, then the width.
    private func appendInteger(_ number: Number, to output: inout [UInt8]) throws(Failure) {
        let parts = FormatVerbDecimal.parts(of: number)
        let (negative, digits, power) = (parts.negative, parts.digits, parts.power)
        // Changing base is quadratic in the digits; a literal can have a
        // million of them.
        if mode != UInt8(ascii: "d"), digits.count + power > Self.maximumBaseConversionDigits {
            throw unsupported("the integer has more than \(Self.maximumBaseConversionDigits) digits, too many to convert to another base")
        }
        var body: [UInt8]
        if digits.isEmpty {
            body = [UInt8(ascii: "0")]
        } else {
            let decimal = digits + repeatElement(UInt8(ascii: "0"), count: power)
            switch mode {
            case UInt8(ascii: "d"): body = decimal
            case UInt8(ascii: "b"): body = BinaryMagnitude(decimalDigits: decimal).digits(radix: 2)
            case UInt8(ascii: "o"): body = BinaryMagnitude(decimalDigits: decimal).digits(radix: 8)
            default: body = BinaryMagnitude(decimalDigits: decimal).digits(radix: 16)
            }
        }
        if mode == UInt8(ascii: "X") {
            body = body.map { $0 >= UInt8(ascii: "a") ? $0 - 32 : $0 }
        }
        let sign = negative ? "-" : plus ? "+" : space ? " " : ""
        var prefix = ""
        if sharp {
            switch mode {
            case UInt8(ascii: "b"): prefix = "0b"
            case UInt8(ascii: "o"): prefix = "0"
            case UInt8(ascii: "x"): prefix = "0x"
            case UInt8(ascii: "X"): prefix = "0X"
            default: break
            }
        }
        var zeros = 0
        if let precision {
            if body.count < precision {
                zeros = precision - body.count
            } else if precision == 0, body == [UInt8(ascii: "0")] {
                return
            }
        }
        var left = 0
        var right = 0
        let length = sign.utf8.count + prefix.utf8.count + zeros + body.count
        if let width, length < width {
            if minus {
                right = width - length
            } else if zero, precision == nil {
                zeros = width - length
            } else {
                left = width - length
            }
        }
        output += repeatElement(UInt8(ascii: " "), count: left)
        output += sign.utf8
        output += prefix.utf8
        output += repeatElement(UInt8(ascii: "0"), count: zeros)
        output += body
        output += repeatElement(UInt8(ascii: " "), count: right)
    }

    /// Go's `big.Float` formatting: sign, then the width with zeros after
    /// the sign or spaces on either side.
    private func appendFloat(_ number: Number, to output: inout [UInt8]) {
        let isShortest = mode == UInt8(ascii: "g") || mode == UInt8(ascii: "G")
        let (negative, text) = FormatVerbFloat.text(of: number, verb: mode, precision: precision ?? (isShortest ? -1 : 6))
        let sign = negative ? "-" : plus ? "+" : space ? " " : ""
        let padding = Swift.max(0, (width ?? 0) - sign.utf8.count - text.count)
        // Go's big.Float pads with zeros even when `-` is given too.
        if zero {
            output += sign.utf8
            output += repeatElement(UInt8(ascii: "0"), count: padding)
            output += text
        } else if minus {
            output += sign.utf8
            output += text
            output += repeatElement(UInt8(ascii: " "), count: padding)
        } else {
            output += repeatElement(UInt8(ascii: " "), count: padding)
            output += sign.utf8
            output += text
        }
    }
}
