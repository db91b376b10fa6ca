/// Go's float text for `%e %E %f %g %G` and for `%v` of a number
/// (`big.Float.Text`), and Go's shortest decimal of a float64, which is how
/// Terraform prints the results of `pow` and `log`.
enum FormatVerbFloat {
    /// The text of `number` in `verb` with `precision` digits (a negative
    /// precision asks for the shortest text that reads back), without the
    /// sign; `negative` says whether a minus belongs in front.
    static func text(of number: Number, verb: UInt8, precision: Int) -> (negative: Bool, text: [UInt8]) {
        var parts = FormatVerbDecimal.parts(of: number)
        var decimalExponent = parts.digits.count + parts.power
        let emulate = !parts.digits.isEmpty && Swift.abs(decimalExponent) <= FormatVerbDecimal.emulationExponentLimit
        if !emulate, parts.denominator > 1 {
            // Too far out to emulate: the quotient rounded as `Number` prints it.
            parts = FormatVerbDecimal.parts(of: number.rounded(toSignificantDigits: Number.precision))
            decimalExponent = parts.digits.count + parts.power
        }
        let digits = parts.digits
        var decimal = FormatVerbDecimal(digits: digits, exponent: decimalExponent)
        let exact = parts.denominator == 1
        let shortest = precision < 0
        var precision = precision
        if shortest {
            if emulate, !exact || digits.count > FormatVerbDecimal.safeDigits {
                let (mantissa, exponent) = FormatVerbDecimal.binaryValue(parts, precision: FormatVerbDecimal.numberPrecision)
                decimal = FormatVerbDecimal(mantissa: mantissa, binaryExponent: exponent)
                decimal.roundShortest(mantissa: mantissa, binaryExponent: exponent, precision: FormatVerbDecimal.numberPrecision)
            }
            switch verb {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): precision = decimal.digits.count - 1
            case UInt8(ascii: "f"): precision = Swift.max(decimal.digits.count - decimal.exponent, 0)
            default: precision = decimal.digits.count
            }
        } else {
            if verb == UInt8(ascii: "g") || verb == UInt8(ascii: "G"), precision == 0 { precision = 1 }
            func kept(_ value: FormatVerbDecimal) -> Int {
                switch verb {
                case UInt8(ascii: "e"), UInt8(ascii: "E"): return 1 + precision
                case UInt8(ascii: "f"): return value.exponent + precision
                default: return precision
                }
            }
            let count = kept(decimal)
            // An exact tie, or digits so many that the binary value shows.
            let tie = count >= 0 && count + 1 == digits.count && digits[count] == UInt8(ascii: "5")
            if emulate, !exact || tie || digits.count > FormatVerbDecimal.safeDigits || count > FormatVerbDecimal.safeDigits {
                let (mantissa, exponent) = FormatVerbDecimal.binaryValue(parts, precision: FormatVerbDecimal.numberPrecision)
                decimal = FormatVerbDecimal(mantissa: mantissa, binaryExponent: exponent)
            }
            decimal.round(to: kept(decimal))
        }
        let negative = parts.negative
        var output: [UInt8] = []
        switch verb {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            appendExponential(decimal, marker: verb, precision: precision, to: &output)
        case UInt8(ascii: "f"):
            appendPlain(decimal, precision: precision, to: &output)
        default:
            var switchPrecision = precision
            if switchPrecision > decimal.digits.count, decimal.digits.count >= decimal.exponent {
                switchPrecision = decimal.digits.count
            }
            if shortest { switchPrecision = 6 }
            let exponent = decimal.exponent - 1
            if exponent < -4 || exponent >= switchPrecision {
                let digits = Swift.min(precision, decimal.digits.count)
                let marker = verb == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
                appendExponential(decimal, marker: marker, precision: digits - 1, to: &output)
            } else {
                let digits = precision > decimal.exponent ? decimal.digits.count : precision
                appendPlain(decimal, precision: Swift.max(digits - decimal.exponent, 0), to: &output)
            }
        }
        return (negative, output)
    }

    private static func appendExponential(_ decimal: FormatVerbDecimal, marker: UInt8, precision: Int, to output: inout [UInt8]) {
        output.append(decimal.digits.first ?? UInt8(ascii: "0"))
        if precision > 0 {
            output.append(UInt8(ascii: "."))
            var index = 1
            let available = Swift.min(decimal.digits.count, precision + 1)
            while index < available {
                output.append(decimal.digits[index])
                index += 1
            }
            while index <= precision {
                output.append(UInt8(ascii: "0"))
                index += 1
            }
        }
        output.append(marker)
        var exponent = decimal.digits.isEmpty ? 0 : decimal.exponent - 1
        output.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        exponent = Swift.abs(exponent)
        if exponent < 10 { output.append(UInt8(ascii: "0")) }
        output += Array(String(exponent).utf8)
    }

    private static func appendPlain(_ decimal: FormatVerbDecimal, precision: Int, to output: inout [UInt8]) {
        if decimal.exponent > 0 {
            let available = Swift.min(decimal.digits.count, decimal.exponent)
            output += decimal.digits[..<available]
            if decimal.exponent > available {
                output += repeatElement(UInt8(ascii: "0"), count: decimal.exponent - available)
            }
        } else {
            output.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            output.append(UInt8(ascii: "."))
            for index in 0..<precision { output.append(decimal.digit(at: decimal.exponent + index)) }
        }
    }

    /// `value` as Terraform holds a float64 result: the shortest decimal
    /// that reads back as it at 53 bits, with Go's symmetric interval (so
    /// `pow(2, 64)` is 18446744073709550000). Nil for NaN and infinities.
    static func number(from value: Double) -> Number? {
        guard value.isFinite else { return nil }
        if value == 0 { return .zero }
        if value == value.rounded(.towardZero), Swift.abs(value) < 9_007_199_254_740_992 {
            return Number(Int(value))
        }
        let significand = value.significandBitPattern | (value.isNormal ? 1 << 52 : 0)
        let exponent = value.isNormal ? Int(value.exponentBitPattern) - 1075 : -1074
        let mantissa = BinaryMagnitude(significand)
        var decimal = FormatVerbDecimal(mantissa: mantissa, binaryExponent: exponent)
        decimal.roundShortest(mantissa: mantissa, binaryExponent: exponent, precision: 53)
        var text = value < 0 ? "-" : ""
        text += String(decoding: decimal.digits, as: UTF8.self)
        text += "e" + String(decimal.exponent - decimal.digits.count)
        return Number(parsing: text)
    }
}
