import PCLSyntax

/// A Terraform number: an arbitrary-precision decimal.
///
/// Terraform (cty) keeps numbers as binary floats with 512-bit mantissas.
/// Decimals of up to 154 significant digits (about what 512 bits hold) give
/// the same visible results for what configurations do — `0.1 + 0.2` is
/// `0.3`, `2/3*3` is `2`, a 30-digit integer keeps every digit — and are
/// better where binary shows through (`1.1*1.1` is `1.21`, where Terraform
/// prints `1.2100…0001`).
///
/// Rules:
/// - `+`, `-`, `*` are exact, then rounded half to even to 154 significant
///   digits (Go's `big.Float` also rounds to nearest even).
/// - A quotient is exact when it terminates within that precision; when it
///   does not terminate, it stays an exact fraction while its numerator and
///   denominator each fit in the precision (see `BigDecimal`), and is
///   otherwise rounded. Such a fraction prints rounded to 154 digits:
///   `1/3` prints 154 threes, where Terraform prints 155 digits ending in
///   5 (its binary value, in the shortest decimal that reads back to it).
/// - No negative zero (Terraform prints `0*-1` as `-0`; here it is `0`), no
///   infinities (Terraform's `1/0` is `+Inf`; here `dividing(by:)` returns
///   nil and the evaluator reports it).
/// - Printing never uses an exponent, as in Terraform, up to
///   `plainNotationLimit` characters (see `description`).
///
/// Storage: the overwhelmingly common numbers (counts, ports, sizes,
/// indexes, short decimals) are an `Int64` significand and an `Int32`
/// exponent, with no allocation; everything else is a `BigDecimal`.
/// Every value has exactly one representation, so equal values are `==`
/// and hash alike however they were computed (`1.0`, `1`, `10e-1`).
public struct Number: Sendable, Hashable {
    enum Storage: Sendable, Hashable {
        /// Canonical: an integer that fits `Int64` is `(value, 0)`; any
        /// other value has a significand without trailing zeros. The
        /// significand is never `Int64.min`, so negation cannot overflow.
        case small(significand: Int64, exponent: Int32)
        indirect case big(BigDecimal)
    }

    var storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// Significant decimal digits kept by arithmetic: about what a 512-bit
    /// binary mantissa holds (512 × log10 2 ≈ 154.1).
    public static let precision = 154

    /// Exponents are held within ± this bound; a result beyond it (reached
    /// only by chaining dozens of multiplications of huge literals) is
    /// clamped rather than allowed to overflow.
    static let exponentLimit = 1 << 48

    public static let zero = Number(storage: .small(significand: 0, exponent: 0))
    public static let one = Number(storage: .small(significand: 1, exponent: 0))

    /// The exact value of `value`.
    public init(_ value: Int) {
        if value == Int.min {
            self = Number.exact(negative: true, numerator: BigDecimalMagnitude(UInt64(value.magnitude)), exponent: 0, denominator: .one)
        } else {
            storage = .small(significand: Int64(value), exponent: 0)
        }
    }

    /// The exact value of a number literal, rounded to the precision when
    /// it has more digits than that.
    public init(_ literal: NumberLiteral) {
        var significand = literal.significand
        self = significand.withUTF8 { Number.fromDigits($0, exponent: literal.exponent, negative: false) }
    }

    /// The shortest decimal that reads back as `value` (so `0.1` is one
    /// tenth, not the binary value nearest to it); nil for NaN and the
    /// infinities.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value.magnitude < 9.2e18, Double(Int64(value)) == value {
            self.init(Int(value))
            return
        }
        guard let parsed = Number(parsing: value.description) else { return nil }
        self = parsed
    }

    /// The general form, for the slow paths.
    var general: BigDecimal {
        switch storage {
        case let .small(significand, exponent):
            return BigDecimal(
                negative: significand < 0,
                numerator: BigDecimalMagnitude(significand.magnitude),
                exponent: Int(exponent),
                denominator: .one
            )
        case let .big(value):
            return value
        }
    }
}

// MARK: - Properties

extension Number {
    /// True for zero, the only value without a sign.
    public var isZero: Bool {
        if case .small(0, _) = storage { return true }
        return false
    }

    /// True below zero.
    public var isNegative: Bool {
        switch storage {
        case let .small(significand, _): return significand < 0
        case let .big(value): return value.negative
        }
    }

    /// True for whole numbers, however large.
    public var isInteger: Bool {
        switch storage {
        case let .small(_, exponent): return exponent >= 0
        case let .big(value): return value.isDecimal && value.exponent >= 0
        }
    }

    /// The value as an `Int`, when it is a whole number that fits.
    public var intValue: Int? {
        switch storage {
        case let .small(significand, exponent):
            return exponent == 0 ? Int(significand) : nil
        case let .big(value):
            // Only Int.min itself: its magnitude does not fit the small form.
            let isIntMin = value.negative && value.isDecimal && value.exponent >= 0
                && value.numerator.multipliedByPowerOfTen(value.exponent) == BigDecimalMagnitude(UInt64(Int.min.magnitude))
            return isIntMin ? Int.min : nil
        }
    }

    /// The nearest `Double` (±infinity beyond its range), for the functions
    /// Terraform computes in float64 (`pow`, `log`, …).
    public var doubleValue: Double {
        if case let .small(significand, exponent) = storage,
           significand.magnitude < 1 << 53, exponent >= -22, exponent <= 22 {
            // Both factors are exact doubles, so one operation rounds once.
            let scale = Number.exactPowersOfTen[Int(exponent.magnitude)]
            return exponent >= 0 ? Double(significand) * scale : Double(significand) / scale
        }
        let general = general
        // 40 digits are far more than a double resolves, so rounding twice
        // cannot move the result.
        let (digits, exponent) = general.roundedDecimal(precision: general.isDecimal ? Number.precision : 40)
        var text = general.negative ? "-" : ""
        text += String(decoding: digits.asciiDigits(), as: UTF8.self)
        text += "e"
        text += String(exponent)
        return Double(text) ?? (general.negative ? -.infinity : .infinity)
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// The absolute value.
    public var magnitude: Number { isNegative ? -self : self }
}

// MARK: - Building canonical values

extension Number {
    /// Canonicalises `significand × 10^exponent`.
    static func normalized(significand: Int64, exponent: Int) -> Number {
        guard significand != 0 else { return .zero }
        guard significand != Int64.min else {
            return exact(negative: true, numerator: BigDecimalMagnitude(significand.magnitude), exponent: exponent, denominator: .one)
        }
        var significand = significand
        var exponent = exponent
        if exponent > 0 {
            if exponent <= 18 {
                let (scaled, overflow) = significand.multipliedReportingOverflow(by: Int64(BigDecimalMagnitude.powersOfTen[exponent]))
                if !overflow, scaled != Int64.min { return Number(storage: .small(significand: scaled, exponent: 0)) }
            }
        } else {
            while exponent < 0, significand % 10 == 0 {
                significand /= 10
                exponent += 1
            }
            if exponent == 0 { return Number(storage: .small(significand: significand, exponent: 0)) }
        }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        guard let narrow = Int32(exactly: exponent) else {
            return exact(negative: significand < 0, numerator: BigDecimalMagnitude(significand.magnitude), exponent: exponent, denominator: .one)
        }
        return Number(storage: .small(significand: significand, exponent: narrow))
    }

    /// The canonical `Number` for `±numerator × 10^exponent / denominator`,
    /// rounded to the precision where it must be.
    static func exact(negative: Bool, numerator: BigDecimalMagnitude, exponent: Int, denominator: BigDecimalMagnitude) -> Number {
        guard !numerator.isZero else { return .zero }
        if denominator == .one { return decimal(negative: negative, digits: numerator, exponent: exponent) }
        // Past this length cancelling cannot bring the denominator within
        // the precision (products of two fractions stay below it); long
        // division still finds a quotient that terminates.
        guard denominator.digitCount <= 2 * precision + 40 else {
            let (digits, scaled) = BigDecimal.roundedQuotient(numerator, denominator, exponent: exponent, precision: precision)
            return decimal(negative: negative, digits: digits, exponent: scaled)
        }
        let common = BigDecimalMagnitude.greatestCommonDivisor(numerator, denominator)
        var top = common == .one ? numerator : numerator.quotientAndRemainder(dividingBy: common).quotient
        var bottom = common == .one ? denominator : denominator.quotientAndRemainder(dividingBy: common).quotient
        // Move the denominator's factors 2 and 5 into a power of ten.
        var twos = 0
        var fives = 0
        while true {
            let (half, remainder) = bottom.quotientAndRemainder(dividingBy: 2)
            guard remainder == 0 else { break }
            bottom = half
            twos += 1
        }
        while true {
            let (fifth, remainder) = bottom.quotientAndRemainder(dividingBy: 5)
            guard remainder == 0 else { break }
            bottom = fifth
            fives += 1
        }
        let power = Swift.max(twos, fives)
        top = top.multiplied(byPowerOf: 5, exponent: power - fives).multiplied(byPowerOf: 2, exponent: power - twos)
        var scaledExponent = exponent - power
        if bottom == .one { return decimal(negative: negative, digits: top, exponent: scaledExponent) }
        let zeros = top.trailingZeroDigits
        if zeros > 0 {
            top = top.droppingDigits(zeros).kept
            scaledExponent += zeros
        }
        if top.digitCount <= precision, bottom.digitCount <= precision {
            let value = BigDecimal(negative: negative, numerator: top, exponent: clamped(scaledExponent), denominator: bottom)
            return Number(storage: .big(value))
        }
        let (digits, rounded) = BigDecimal.roundedQuotient(top, bottom, exponent: scaledExponent, precision: precision)
        return decimal(negative: negative, digits: digits, exponent: rounded)
    }

    /// The canonical `Number` for `±digits × 10^exponent`, rounded.
    static func decimal(negative: Bool, digits: BigDecimalMagnitude, exponent: Int) -> Number {
        guard !digits.isZero else { return .zero }
        var (digits, exponent) = BigDecimal.rounded(digits, exponent: exponent, sticky: false, precision: precision)
        let zeros = digits.trailingZeroDigits
        if zeros > 0 {
            digits = digits.droppingDigits(zeros).kept
            exponent += zeros
        }
        if let small = digits.uint64Value, small <= UInt64(Int64.max), Int32(exactly: exponent) != nil {
            return normalized(significand: negative ? -Int64(small) : Int64(small), exponent: exponent)
        }
        return Number(storage: .big(BigDecimal(negative: negative, numerator: digits, exponent: clamped(exponent), denominator: .one)))
    }

    private static func clamped(_ exponent: Int) -> Int {
        Swift.min(Swift.max(exponent, -exponentLimit), exponentLimit)
    }
}

// MARK: - Comparison

extension Number: Comparable {
    public static func < (a: Number, b: Number) -> Bool {
        if case let .small(x, xExponent) = a.storage, case let .small(y, yExponent) = b.storage {
            if xExponent == yExponent { return x < y }
            return compareSmall(x, Int(xExponent), y, Int(yExponent)) < 0
        }
        return BigDecimal.compare(a.general, b.general) < 0
    }

    private static func compareSmall(_ x: Int64, _ xExponent: Int, _ y: Int64, _ yExponent: Int) -> Int {
        let xSign = x.signum()
        let ySign = y.signum()
        if xSign != ySign { return xSign < ySign ? -1 : 1 }
        if xSign == 0 { return 0 }
        // Same sign: compare magnitudes, scaling the one with the larger
        // exponent; if scaling overflows, that one is the larger.
        let (high, low, flip) = xExponent > yExponent ? (x.magnitude, y.magnitude, 1) : (y.magnitude, x.magnitude, -1)
        let distance = Swift.abs(xExponent - yExponent)
        var magnitudeOrder = flip
        if distance <= 18 {
            let (scaled, overflow) = high.multipliedReportingOverflow(by: BigDecimalMagnitude.powersOfTen[distance])
            if !overflow {
                magnitudeOrder = scaled == low ? 0 : (scaled > low ? flip : -flip)
            }
        }
        return Int(xSign) * magnitudeOrder
    }
}

extension Number: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
