/// A decimal digit string as Go's `big.Float` formats one: the value is
/// `0.d₁d₂…dₙ × 10^exponent`, digits without trailing zeros (none at all
/// for zero).
///
/// Terraform's numbers are binary floats with 512-bit mantissas, and Go
/// formats `%e %f %g` from the exact decimal expansion of that binary value.
/// `Number` is decimal, so `format("%.2f", 1.005)` would round a true tie
/// where Terraform sees 1.00499999…; this type reproduces Go's digits: it
/// rounds the decimal to the 512-bit binary value the literal would have had
/// when the difference can show, and uses the decimal digits directly when
/// it cannot.
struct FormatVerbDecimal: Sendable, Equatable {
    /// ASCII digits, most significant first.
    var digits: [UInt8]
    /// Position of the decimal point relative to the first digit.
    var exponent: Int

    init(digits: [UInt8], exponent: Int) {
        self.digits = digits
        self.exponent = exponent
        trim()
    }

    /// The exact decimal expansion of `mantissa × 2^binaryExponent`.
    init(mantissa: BinaryMagnitude, binaryExponent: Int) {
        guard !mantissa.isZero else {
            self.init(digits: [], exponent: 0)
            return
        }
        if binaryExponent >= 0 {
            let digits = mantissa.shiftedLeft(by: binaryExponent).digits(radix: 10)
            self.init(digits: digits, exponent: digits.count)
        } else {
            // m / 2^k = m × 5^k / 10^k: exact, and digits are easy.
            let digits = mantissa.multiplied(byPowerOfFive: -binaryExponent).digits(radix: 10)
            self.init(digits: digits, exponent: digits.count + binaryExponent)
        }
    }

    private mutating func trim() {
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
    }

    /// The digit at `index`, "0" past the end.
    func digit(at index: Int) -> UInt8 {
        index >= 0 && index < digits.count ? digits[index] : UInt8(ascii: "0")
    }

    // MARK: Rounding, as Go's decimal type rounds

    /// Rounds to `count` digits, half to even (a lone 5 at the first place
    /// rounds down, as in Go).
    mutating func round(to count: Int) {
        guard count >= 0, count < digits.count else { return }
        if shouldRoundUp(at: count) { roundUp(to: count) } else { roundDown(to: count) }
    }

    private func shouldRoundUp(at count: Int) -> Bool {
        if digits[count] == UInt8(ascii: "5"), count + 1 == digits.count {
            return count > 0 && (digits[count - 1] - UInt8(ascii: "0")) & 1 != 0
        }
        return digits[count] >= UInt8(ascii: "5")
    }

    mutating func roundUp(to count: Int) {
        guard count >= 0, count < digits.count else { return }
        var position = count
        while position > 0, digits[position - 1] >= UInt8(ascii: "9") { position -= 1 }
        if position == 0 {
            digits = [UInt8(ascii: "1")]
            exponent += 1
            return
        }
        digits[position - 1] += 1
        digits.removeSubrange(position...)
    }

    mutating func roundDown(to count: Int) {
        guard count >= 0, count < digits.count else { return }
        digits.removeSubrange(count...)
        trim()
    }

    /// Go's shortest-digits search: the fewest digits that still read back
    /// as the binary value `mantissa × 2^binaryExponent` of `precision` bits
    /// (the interval is half an ulp either side, even at powers of two, as
    /// `big.Float` has it). `self` is that value's exact expansion.
    mutating func roundShortest(mantissa: BinaryMagnitude, binaryExponent: Int, precision: Int) {
        guard !digits.isEmpty else { return }
        // Normalise to exactly `precision` bits, then go to precision + 1
        // bits so the last one is half an ulp.
        let shift = precision - mantissa.bitLength
        let normal = shift >= 0 ? mantissa.shiftedLeft(by: shift) : mantissa.shiftedRight(by: -shift)
        let doubled = normal.shiftedLeft(by: 1)
        let exponent = binaryExponent - shift - 1
        let lower = FormatVerbDecimal(mantissa: doubled.decremented(), binaryExponent: exponent)
        let upper = FormatVerbDecimal(mantissa: doubled.adding(1), binaryExponent: exponent)
        let inclusive = !normal.bit(0)
        for index in digits.indices {
            let current = digits[index]
            let low = lower.digit(at: index)
            let high = upper.digit(at: index)
            let okDown = low != current || inclusive && index + 1 == lower.digits.count
            let okUp = current != high && (inclusive || current + 1 < high || index + 1 < upper.digits.count)
            switch (okDown, okUp) {
            case (true, true):
                round(to: index + 1)
                return
            case (true, false):
                roundDown(to: index + 1)
                return
            case (false, true):
                roundUp(to: index + 1)
                return
            case (false, false):
                continue
            }
        }
    }
}

// MARK: - From numbers

extension FormatVerbDecimal {
    /// Bits of a Terraform number's mantissa.
    static let numberPrecision = 512

    /// Decimals with at most this many digits cannot be told from their
    /// 512-bit binary value unless they are rounded at an exact tie.
    static let safeDigits = 140

    /// Exponents beyond this skip the binary emulation: the expansion would
    /// be enormous and no configuration prints such numbers.
    static let emulationExponentLimit = 20_000

    /// The exact value of a number: `±digits × 10^power / denominator`,
    /// digits without leading or trailing zeros (empty for zero). The
    /// denominator is 1 but for quotients without a finite decimal
    /// expansion (`1/3`), which `Number` keeps exact.
    struct Parts {
        var negative: Bool
        var digits: [UInt8]
        var power: Int
        var denominator: UInt64
    }

    static func parts(of number: Number) -> Parts {
        let general = number.general
        guard !general.numerator.isZero else { return Parts(negative: false, digits: [], power: 0, denominator: 1) }
        guard let denominator = general.denominator.uint64Value else {
            // A quotient too wide to emulate: its decimal, as it prints.
            return parts(of: number.rounded(toSignificantDigits: Number.precision))
        }
        var digits = general.numerator.asciiDigits()
        var power = general.exponent
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            power += 1
        }
        return Parts(negative: general.negative, digits: digits, power: power, denominator: denominator)
    }

    /// The correctly rounded binary value of `digits × 10^power /
    /// denominator` with `precision` bits, as Go's `big.ParseFloat` (and,
    /// for a quotient, `big.Float.Quo`) computes it.
    static func binaryValue(_ parts: Parts, precision: Int) -> (mantissa: BinaryMagnitude, exponent: Int) {
        var value = BinaryMagnitude(decimalDigits: parts.digits)
        guard !value.isZero else { return (.zero, 0) }
        // ×10^p = ×5^p ×2^p, and the power of two is only exponent.
        var exponent = parts.power
        if parts.power > 0 { value = value.multiplied(byPowerOfFive: parts.power) }
        let fives = Swift.max(0, -parts.power)
        guard fives > 0 || parts.denominator > 1 else {
            return rounded(value, sticky: false, exponent: exponent, precision: precision)
        }
        // Enough extra bits that the quotient has more than `precision`.
        let divisorBits = Int((Double(fives) * 2.321928094887362).rounded(.up)) + (parts.denominator > 1 ? 64 : 0)
        let extra = Swift.max(0, precision + 3 + divisorBits - value.bitLength)
        value = value.shiftedLeft(by: extra)
        exponent -= extra
        var sticky = false
        var left = fives
        while left > 0 {
            let step = Swift.min(left, 13)
            if value.divide(by: BinaryMagnitude.powersOfFive[step]) != 0 { sticky = true }
            left -= step
        }
        if parts.denominator > 1, value.divide(byWide: parts.denominator) != 0 { sticky = true }
        return rounded(value, sticky: sticky, exponent: exponent, precision: precision)
    }

    /// `value × 2^exponent` rounded half to even to `precision` bits;
    /// `sticky` says something non-zero lies below `value`'s last bit.
    private static func rounded(_ value: BinaryMagnitude, sticky: Bool, exponent: Int, precision: Int)
        -> (mantissa: BinaryMagnitude, exponent: Int) {
        let excess = value.bitLength - precision
        guard excess > 0 else { return (value, exponent) }
        var kept = value.shiftedRight(by: excess)
        let half = value.bit(excess - 1)
        let rest = sticky || value.hasBits(below: excess - 1)
        var dropped = excess
        if half && (rest || kept.bit(0)) {
            kept = kept.adding(1)
            if kept.bitLength > precision {
                kept = kept.shiftedRight(by: 1)
                dropped += 1
            }
        }
        return (kept, exponent + dropped)
    }
}
