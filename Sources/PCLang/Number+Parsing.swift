import PCLSyntax

extension Number {
    /// Terraform's conversion of a string to a number (`tonumber`, and
    /// strings where a number is expected), following Go's
    /// `big.ParseFloat` in base 10: an optional sign, digits with an
    /// optional point (`5.`, `.5`), and an optional exponent, `e` for a power
    /// of ten or `p` for a power of two (`1p3` is 8). No spaces, no
    /// underscores, no `0x` prefix.
    ///
    /// Returns nil for anything else. Also nil where Terraform differs:
    /// `Inf` and `-Inf` (Terraform reads them as infinities, which `Number`
    /// does not have), and exponents beyond ±1,000,000, the limit number
    /// literals have (Terraform reads `1e2000000`).
    public init?(parsing text: String) {
        var text = text
        guard let value = text.withUTF8({ Number.parse($0) }) else { return nil }
        self = value
    }

    /// Exponents beyond this are refused, as they are in literals.
    static let parsingExponentLimit = NumberLiteral.maximumExponentMagnitude

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let mantissaStart = index
        var sawDigit = false
        var sawPoint = false
        var fractionDigits = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        let mantissaEnd = index
        var decimalExponent = 0
        var binaryExponent = 0
        if index < bytes.count {
            let marker = bytes[index] | 0x20
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "p") else { return nil }
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if exponent <= parsingExponentLimit { exponent = exponent * 10 + Int(bytes[index] &- 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0, index == bytes.count, exponent <= parsingExponentLimit else { return nil }
            if exponentNegative { exponent = -exponent }
            if marker == UInt8(ascii: "e") { decimalExponent = exponent } else { binaryExponent = exponent }
        }
        let mantissa = UnsafeBufferPointer(rebasing: bytes[mantissaStart..<mantissaEnd])
        var value: Number
        if sawPoint {
            var digits: [UInt8] = []
            digits.reserveCapacity(mantissa.count)
            for byte in mantissa where byte != UInt8(ascii: ".") { digits.append(byte) }
            value = digits.withUnsafeBufferPointer {
                fromDigits($0, exponent: decimalExponent - fractionDigits, negative: negative)
            }
        } else {
            value = fromDigits(mantissa, exponent: decimalExponent, negative: negative)
        }
        if binaryExponent != 0 { value = value.scaled(byPowerOfTwo: binaryExponent) }
        return value
    }

    /// `±digits × 10^exponent` from ASCII decimal digits (leading and
    /// trailing zeros allowed), rounded to the precision.
    static func fromDigits(_ digits: UnsafeBufferPointer<UInt8>, exponent: Int, negative: Bool) -> Number {
        var start = 0
        var end = digits.count
        while start < end, digits[start] == UInt8(ascii: "0") { start += 1 }
        var exponent = exponent
        while end > start, digits[end - 1] == UInt8(ascii: "0") {
            end -= 1
            exponent += 1
        }
        guard start < end else { return .zero }
        if end - start <= 18 {
            var significand: Int64 = 0
            for index in start..<end { significand = significand * 10 + Int64(digits[index] &- 0x30) }
            return normalized(significand: negative ? -significand : significand, exponent: exponent)
        }
        let magnitude = BigDecimalMagnitude(asciiDigits: UnsafeBufferPointer(rebasing: digits[start..<end]))
        return decimal(negative: negative, digits: magnitude, exponent: exponent)
    }

    /// `self × 2^power`, for `p` exponents. Exact while 2^|power| (or
    /// 5^|power| for negative powers) fits in the precision; beyond that
    /// each squaring rounds, which can move the last digit.
    func scaled(byPowerOfTwo power: Int) -> Number {
        var result = self
        var factor = Number(power > 0 ? 2 : 5)
        var remaining = power.magnitude
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * factor }
            remaining >>= 1
            if remaining > 0 { factor = factor * factor }
        }
        // 2^-k = 5^k × 10^-k
        return power > 0 ? result : result.scaled(byPowerOfTen: power)
    }

    /// `self × 10^power`, exact.
    func scaled(byPowerOfTen power: Int) -> Number {
        switch storage {
        case let .small(significand, exponent):
            return Number.normalized(significand: significand, exponent: Int(exponent) + power)
        case let .big(value):
            if value.isDecimal {
                return Number.decimal(negative: value.negative, digits: value.numerator, exponent: value.exponent + power)
            }
            var shifted = value
            shifted.exponent = Swift.min(Swift.max(value.exponent + power, -Number.exponentLimit), Number.exponentLimit)
            return Number(storage: .big(shifted))
        }
    }
}
