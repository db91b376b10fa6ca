/// Arithmetic. Each operator tries the `Int64` fast path first (no
/// allocation) and falls back to `BigDecimal` when a significand would
/// overflow or an operand is already big.
extension Number {
    /// The exact sum, rounded to the precision.
    public static func + (a: Number, b: Number) -> Number {
        if case let .small(x, xExponent) = a.storage, case let .small(y, yExponent) = b.storage,
           let sum = smallSum(x, Int(xExponent), y, Int(yExponent)) {
            return sum
        }
        return BigDecimal.sum(a, b, subtracting: false)
    }

    /// The exact difference, rounded to the precision.
    public static func - (a: Number, b: Number) -> Number {
        if case let .small(x, xExponent) = a.storage, case let .small(y, yExponent) = b.storage,
           let sum = smallSum(x, Int(xExponent), -y, Int(yExponent)) {
            return sum
        }
        return BigDecimal.sum(a, b, subtracting: true)
    }

    private static func smallSum(_ x: Int64, _ xExponent: Int, _ y: Int64, _ yExponent: Int) -> Number? {
        var (x, y) = (x, y)
        let exponent = Swift.min(xExponent, yExponent)
        if xExponent != yExponent {
            let distance = Swift.abs(xExponent - yExponent)
            guard distance <= 18 else { return nil }
            let scale = Int64(BigDecimalMagnitude.powersOfTen[distance])
            let (scaled, overflow) = xExponent > yExponent ? x.multipliedReportingOverflow(by: scale) : y.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            if xExponent > yExponent { x = scaled } else { y = scaled }
        }
        let (sum, overflow) = x.addingReportingOverflow(y)
        guard !overflow, sum != Int64.min else { return nil }
        // Integers that fit are canonical as they are.
        if exponent == 0 { return Number(storage: .small(significand: sum, exponent: 0)) }
        return normalized(significand: sum, exponent: exponent)
    }

    /// The exact product, rounded to the precision.
    public static func * (a: Number, b: Number) -> Number {
        if case let .small(x, xExponent) = a.storage, case let .small(y, yExponent) = b.storage {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow, product != Int64.min {
                if xExponent == 0, yExponent == 0 { return Number(storage: .small(significand: product, exponent: 0)) }
                return normalized(significand: product, exponent: Int(xExponent) + Int(yExponent))
            }
        }
        return BigDecimal.product(a.general, b.general)
    }

    /// The negation (of zero, zero).
    public static prefix func - (a: Number) -> Number {
        switch a.storage {
        case let .small(significand, exponent):
            return Number(storage: .small(significand: -significand, exponent: exponent))
        case let .big(value):
            // Still canonical: the small form excludes Int64.min, so it is
            // symmetric and a magnitude too big for it stays too big.
            return Number(storage: .big(value.negated))
        }
    }

    /// `self / other`: exact when the quotient terminates, an exact fraction
    /// while numerator and denominator fit in the precision, rounded to the
    /// precision otherwise.
    /// Nil when `other` is zero (Terraform gives ±infinity, which `Number`
    /// does not have; the evaluator reports it).
    public func dividing(by other: Number) -> Number? {
        guard !other.isZero else { return nil }
        if case let .small(x, xExponent) = storage, case let .small(y, yExponent) = other.storage {
            let exponent = Int(xExponent) - Int(yExponent)
            if x % y == 0 { return Number.normalized(significand: x / y, exponent: exponent) }
            if let quotient = Number.smallTerminatingQuotient(x, y, exponent: exponent) { return quotient }
        }
        return BigDecimal.quotient(general, other.general)
    }

    /// `x / y × 10^exponent` when it has a finite decimal expansion that
    /// fits `Int64`: after cancelling, `y` is 2^a·5^b, so the quotient is
    /// `x·5^a·2^b / 10^max(a, b)`.
    private static func smallTerminatingQuotient(_ x: Int64, _ y: Int64, exponent: Int) -> Number? {
        var (u, v) = (x.magnitude, y.magnitude)
        while v != 0 { (u, v) = (v, u % v) }
        var numerator = x.magnitude / u
        var denominator = y.magnitude / u
        var twos = 0
        var fives = 0
        while denominator % 2 == 0 {
            denominator /= 2
            twos += 1
        }
        while denominator % 5 == 0 {
            denominator /= 5
            fives += 1
        }
        guard denominator == 1 else { return nil }
        let power = Swift.max(twos, fives)
        for _ in 0..<(power - twos) {
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 2)
            guard !overflow else { return nil }
            numerator = scaled
        }
        for _ in 0..<(power - fives) {
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 5)
            guard !overflow else { return nil }
            numerator = scaled
        }
        guard numerator <= UInt64(Int64.max) else { return nil }
        let signed = (x < 0) != (y < 0) ? -Int64(numerator) : Int64(numerator)
        return normalized(significand: signed, exponent: exponent - power)
    }

    /// Terraform's `%`: `a - trunc(a / b) × b`, so the result has the sign
    /// of the dividend (`-7 % 3` is -1, `7 % -3` is 1) and works for
    /// fractions (`3 % 2.5` is 0.5). Like Terraform, a zero divisor gives
    /// the dividend back (`5 % 0` is 5), so this never returns nil today;
    /// the optional leaves room for the evaluator to be stricter.
    public func remainder(dividingBy other: Number) -> Number? {
        guard !other.isZero else { return self }
        if case let .small(x, xExponent) = storage, case let .small(y, yExponent) = other.storage {
            if xExponent == yExponent { return Number.normalized(significand: x % y, exponent: Int(xExponent)) }
            let distance = Swift.abs(Int(xExponent) - Int(yExponent))
            if distance <= 18 {
                let scale = Int64(BigDecimalMagnitude.powersOfTen[distance])
                let exponent = Swift.min(Int(xExponent), Int(yExponent))
                let (scaled, overflow) = xExponent > yExponent ? x.multipliedReportingOverflow(by: scale) : y.multipliedReportingOverflow(by: scale)
                if !overflow, scaled != Int64.min {
                    let remainder = xExponent > yExponent ? scaled % y : x % scaled
                    return Number.normalized(significand: remainder, exponent: exponent)
                }
            }
        }
        // For quotients beyond the precision this rounds as Terraform's
        // big.Float version does (`1e300 % 7` is 0 there and here).
        guard let quotient = dividing(by: other) else { return self }
        return self - quotient.truncated() * other
    }
}

// MARK: - Rounding to integers

extension Number {
    /// The largest integer not greater than `self`.
    public func floor() -> Number {
        roundedToInteger { negative, tail, _ in negative && tail != .zero }
    }

    /// The smallest integer not less than `self`.
    public func ceil() -> Number {
        roundedToInteger { negative, tail, _ in !negative && tail != .zero }
    }

    /// The integer part, rounding toward zero.
    public func truncated() -> Number {
        roundedToInteger { _, _, _ in false }
    }

    /// The nearest integer, ties to even.
    public func rounded() -> Number {
        roundedToInteger { _, tail, odd in tail == .aboveHalf || (tail == .half && odd) }
    }

    /// Rounded half to even to `digits` places after the point (negative
    /// `digits` round to tens, hundreds, …).
    public func rounded(toFractionDigits digits: Int) -> Number {
        // No value has digits beyond the exponent limit, so a larger count
        // changes nothing and is clamped before it can overflow.
        let digits = Swift.min(Swift.max(digits, -Number.exponentLimit), Number.exponentLimit)
        return scaled(byPowerOfTen: digits).rounded().scaled(byPowerOfTen: -digits)
    }

    /// Rounded half to even to `digits` significant digits (at least 1).
    public func rounded(toSignificantDigits digits: Int) -> Number {
        guard !isZero else { return self }
        let general = general
        // Nothing holds more digits than the precision, so more are no-ops.
        let (rounded, exponent) = general.roundedDecimal(precision: Swift.min(Swift.max(1, digits), Number.precision))
        return Number.decimal(negative: general.negative, digits: rounded, exponent: exponent)
    }

    /// `decide(negative, tail, integerIsOdd)` says whether to move the
    /// truncated magnitude up by one.
    private func roundedToInteger(_ decide: (Bool, BigDecimal.Tail, Bool) -> Bool) -> Number {
        if case let .small(significand, exponent) = storage {
            if exponent >= 0 { return self }
            let places = -Int(exponent)
            var integer: Int64 = 0
            var tail = BigDecimal.Tail.belowHalf
            if places == 19 {
                // |significand| < 10^19: the value is below 1 but may pass ½.
                let half: UInt64 = 5_000_000_000_000_000_000
                let dropped = significand.magnitude
                tail = dropped == half ? .half : (dropped > half ? .aboveHalf : .belowHalf)
            } else if places <= 18 {
                let scale = Int64(BigDecimalMagnitude.powersOfTen[places])
                integer = significand / scale
                let dropped = (significand % scale).magnitude
                let half = UInt64(scale / 2)
                tail = dropped == half ? .half : (dropped > half ? .aboveHalf : .belowHalf)
            }
            guard decide(significand < 0, tail, integer & 1 != 0) else {
                return Number(storage: .small(significand: integer, exponent: 0))
            }
            return Number(storage: .small(significand: significand < 0 ? integer - 1 : integer + 1, exponent: 0))
        }
        let general = general
        let (integer, exponent, tail) = general.integerPart()
        let moved = tail != .zero && decide(general.negative, tail, integer.isOdd) ? integer + .one : integer
        return Number.decimal(negative: general.negative, digits: moved, exponent: exponent)
    }
}
