/// The general form of a `Number`: `±numerator × 10^exponent / denominator`.
///
/// The denominator is 1 for every decimal. It is greater than 1 only for an
/// exact quotient that has no finite decimal expansion, such as `1/3`: keeping
/// those exact is what makes `1/3*3` give `1`, `4/3*3` give `4` and
/// `7/y*y` give `7` for any `y`, as Terraform's 512-bit binary floats almost
/// always do. A quotient rounded to 154 decimal digits often could not:
/// `0.333…3 × 3` is `0.999…9`, which fits in 154 digits, so nothing would
/// round it back (one rounding in decimal can be off by up to ten times the
/// last place's relative weight, in binary only twice). A fraction stays
/// exact while its numerator and denominator each have at most 154 digits;
/// past that it rounds to a decimal like everything else.
///
/// In canonical form (how a `Number` stores it): the numerator has no
/// trailing zero digits, the denominator is coprime to 10 and to the
/// numerator, and the value does not fit `Number`'s small form. Decimals
/// share the storage of `BigDecimalMagnitude.one` as their denominator, so
/// it costs them no allocation. Operands built from a small `Number` need
/// not be canonical; every result goes through `Number.exact(…)`, which
/// makes it so.
struct BigDecimal: Sendable, Hashable {
    var negative: Bool
    var numerator: BigDecimalMagnitude
    var exponent: Int
    var denominator: BigDecimalMagnitude

    var isDecimal: Bool { denominator == .one }

    var isZero: Bool { numerator.isZero }

    /// An estimate `A` of the decimal order of magnitude: `10^(A-1) ≤ |x| < 10^(A+1)`.
    var magnitudeEstimate: Int {
        numerator.digitCount - denominator.digitCount + exponent
    }

    var negated: BigDecimal {
        var copy = self
        copy.negative.toggle()
        return copy
    }
}

extension BigDecimal {
    /// Operands further apart than this many orders of magnitude cannot
    /// change each other's rounded sum, so the larger is the result.
    static let negligibleDistance = Number.precision + 6

    static func sum(_ a: Number, _ b: Number, subtracting: Bool) -> Number {
        let x = a.general
        let y = subtracting ? b.general.negated : b.general
        if y.isZero { return a }
        if x.isZero { return subtracting ? -b : b }
        if y.magnitudeEstimate < x.magnitudeEstimate - negligibleDistance { return a }
        if x.magnitudeEstimate < y.magnitudeEstimate - negligibleDistance { return subtracting ? -b : b }
        let exponent = Swift.min(x.exponent, y.exponent)
        let left = x.numerator.multipliedByPowerOfTen(x.exponent - exponent) * y.denominator
        let right = y.numerator.multipliedByPowerOfTen(y.exponent - exponent) * x.denominator
        let denominator = x.denominator * y.denominator
        if x.negative == y.negative {
            return Number.exact(negative: x.negative, numerator: left + right, exponent: exponent, denominator: denominator)
        }
        let order = BigDecimalMagnitude.compare(left, right)
        if order == 0 { return .zero }
        let difference = order > 0 ? left - right : right - left
        let negative = order > 0 ? x.negative : y.negative
        return Number.exact(negative: negative, numerator: difference, exponent: exponent, denominator: denominator)
    }

    static func product(_ x: BigDecimal, _ y: BigDecimal) -> Number {
        Number.exact(
            negative: x.negative != y.negative,
            numerator: x.numerator * y.numerator,
            exponent: x.exponent + y.exponent,
            denominator: x.denominator * y.denominator
        )
    }

    /// `x / y`; `y` must not be zero.
    static func quotient(_ x: BigDecimal, _ y: BigDecimal) -> Number {
        Number.exact(
            negative: x.negative != y.negative,
            numerator: x.numerator * y.denominator,
            exponent: x.exponent - y.exponent,
            denominator: x.denominator * y.numerator
        )
    }

    /// -1, 0 or 1 as `x` is less than, equal to or greater than `y`.
    static func compare(_ x: BigDecimal, _ y: BigDecimal) -> Int {
        let xSign = x.isZero ? 0 : (x.negative ? -1 : 1)
        let ySign = y.isZero ? 0 : (y.negative ? -1 : 1)
        if xSign != ySign { return xSign < ySign ? -1 : 1 }
        if xSign == 0 { return 0 }
        return xSign * compareMagnitudes(x, y)
    }

    private static func compareMagnitudes(_ x: BigDecimal, _ y: BigDecimal) -> Int {
        let xEstimate = x.magnitudeEstimate
        let yEstimate = y.magnitudeEstimate
        if xEstimate >= yEstimate + 2 { return 1 }
        if yEstimate >= xEstimate + 2 { return -1 }
        // Close in size, so aligning the exponents costs few digits.
        let exponent = Swift.min(x.exponent, y.exponent)
        let left = x.numerator.multipliedByPowerOfTen(x.exponent - exponent) * y.denominator
        let right = y.numerator.multipliedByPowerOfTen(y.exponent - exponent) * x.denominator
        return BigDecimalMagnitude.compare(left, right)
    }

    /// What the digits dropped by rounding to an integer were worth.
    enum Tail {
        case zero, belowHalf, half, aboveHalf
    }

    /// The magnitude truncated to an integer (`integer × 10^exponent`, the
    /// exponent never negative) and what was cut off.
    func integerPart() -> (integer: BigDecimalMagnitude, exponent: Int, tail: Tail) {
        if isDecimal {
            if exponent >= 0 { return (numerator, exponent, .zero) }
            let dropped = -exponent
            if dropped > numerator.digitCount { return (.zero, 0, numerator.isZero ? .zero : .belowHalf) }
            let (kept, first, rest) = numerator.droppingDigits(dropped)
            return (kept, 0, Self.tail(firstDropped: first, restNonZero: rest))
        }
        let estimate = magnitudeEstimate
        if estimate >= Number.precision + 2 {
            // Past the precision the exact integer part would be rounded
            // anyway; rounding first avoids building it digit by digit.
            let (digits, exponent) = roundedDecimal(precision: Number.precision)
            return BigDecimal(negative: negative, numerator: digits, exponent: exponent, denominator: .one).integerPart()
        }
        if estimate <= -2 { return (.zero, 0, .belowHalf) }
        let divisor = denominator
        let (quotient, remainder) = exponent >= 0
            ? numerator.multipliedByPowerOfTen(exponent).quotientAndRemainder(dividingBy: divisor)
            : numerator.quotientAndRemainder(dividingBy: divisor.multipliedByPowerOfTen(-exponent))
        let scaledDivisor = exponent >= 0 ? divisor : divisor.multipliedByPowerOfTen(-exponent)
        let twice = remainder + remainder
        let order = BigDecimalMagnitude.compare(twice, scaledDivisor)
        let tail: Tail = remainder.isZero ? .zero : (order < 0 ? .belowHalf : (order == 0 ? .half : .aboveHalf))
        return (quotient, 0, tail)
    }

    static func tail(firstDropped: UInt32, restNonZero: Bool) -> Tail {
        if firstDropped > 5 || (firstDropped == 5 && restNonZero) { return .aboveHalf }
        if firstDropped == 5 { return .half }
        return firstDropped == 0 && !restNonZero ? .zero : .belowHalf
    }

    /// The magnitude as a decimal of at most `precision` significant digits
    /// (rounded half to even): `digits × 10^exponent`.
    func roundedDecimal(precision: Int) -> (digits: BigDecimalMagnitude, exponent: Int) {
        if isDecimal {
            return Self.rounded(numerator, exponent: exponent, sticky: false, precision: precision)
        }
        return Self.roundedQuotient(numerator, denominator, exponent: exponent, precision: precision)
    }

    /// `numerator / denominator × 10^exponent`, rounded to `precision` digits.
    static func roundedQuotient(
        _ numerator: BigDecimalMagnitude, _ denominator: BigDecimalMagnitude, exponent: Int, precision: Int
    ) -> (digits: BigDecimalMagnitude, exponent: Int) {
        // Enough extra digits that the quotient has at least precision + 1
        // of them, so the first dropped digit is a real one.
        let scale = Swift.max(0, precision + 1 - (numerator.digitCount - denominator.digitCount))
        let (quotient, remainder) = numerator.multipliedByPowerOfTen(scale).quotientAndRemainder(dividingBy: denominator)
        return rounded(quotient, exponent: exponent - scale, sticky: !remainder.isZero, precision: precision)
    }

    /// Rounds half to even to `precision` digits; `sticky` says something
    /// non-zero lies below the last digit of `digits`.
    static func rounded(
        _ digits: BigDecimalMagnitude, exponent: Int, sticky: Bool, precision: Int
    ) -> (digits: BigDecimalMagnitude, exponent: Int) {
        let excess = digits.digitCount - precision
        guard excess > 0 else { return (digits, exponent) }
        let (kept, first, rest) = digits.droppingDigits(excess)
        let roundsUp: Bool
        switch tail(firstDropped: first, restNonZero: rest || sticky) {
        case .aboveHalf: roundsUp = true
        case .half: roundsUp = kept.isOdd
        case .zero, .belowHalf: roundsUp = false
        }
        return (roundsUp ? kept + .one : kept, exponent + excess)
    }
}
