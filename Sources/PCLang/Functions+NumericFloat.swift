#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The float64 side of the numeric functions: Terraform computes `pow` and
/// `log` with Go's `math` package on float64 values, so their results carry
/// float64 rounding (`pow(1.1, 2)` is 1.2100000000000002), and it turns
/// numbers into float64 with a range check.
enum NumericFloat {
    /// `number` as a float64 for `pow` and `log`; beyond float64's range
    /// Terraform refuses it with this message.
    static func double(_ number: Number, argument: Int, parameter: String) throws(FunctionError) -> Double {
        let value = number.doubleValue
        guard value.isFinite else {
            throw FunctionError(
                argument: argument,
                "Invalid value for \"\(parameter)\" parameter: value must be between -\(largestDoubleText) and \(largestDoubleText) inclusive.")
        }
        return value
    }

    /// The largest finite float64, written out as Go's `%f` writes it.
    private static let largestDoubleText: String = {
        let mantissa = BinaryMagnitude(UInt64(1) << 53 - 1)
        return String(decoding: mantissa.shiftedLeft(by: 971).digits(radix: 10), as: UTF8.self) + ".000000"
    }()

    /// A float64 result as a `Number`, or the error Terraform's would
    /// become: `Number` has no infinities and no NaN.
    static func result(_ value: Double, of call: String) throws(FunctionError) -> Number {
        if let number = FormatVerbFloat.number(from: value) { return number }
        if value.isNaN {
            throw FunctionError("\(call) is not a number (NaN), so it has no value.")
        }
        throw FunctionError("\(call) is \(value < 0 ? "-Inf" : "+Inf"); numbers must be finite.")
    }

    /// Go's `math.Pow` for finite arguments: special cases first, then
    /// repeated squaring for the integer part of the power and `exp(y·log x)`
    /// for the fraction, scaled by a separate binary exponent so that
    /// intermediate results neither overflow nor lose bits early.
    static func power(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if y == 1 { return x }
        if x == 0 {
            if y < 0 { return isOddInteger(y) ? Double(sign: x.sign, exponent: 0, significand: .infinity) : .infinity }
            return isOddInteger(y) ? x : 0
        }
        if y == 0.5 { return x.squareRoot() }
        if y == -0.5 { return 1 / x.squareRoot() }
        var integerPart = Swift.abs(y).rounded(.towardZero)
        var fraction = Swift.abs(y) - integerPart
        if fraction != 0, x < 0 { return .nan }
        if integerPart >= 9.223372036854775808e18 {
            // An even integer so large the result can only be 0, 1 or ∞.
            if x == -1 { return 1 }
            return (Swift.abs(x) < 1) == (y > 0) ? 0 : .infinity
        }
        var accumulated = 1.0
        var binaryExponent = 0
        if fraction != 0 {
            if fraction > 0.5 {
                fraction -= 1
                integerPart += 1
            }
            accumulated = exp(fraction * logarithm(x))
        }
        var base = x.significand / 2
        var baseExponent = Int(x.exponent) + 1
        if x < 0 { base = -base }
        var bits = Int64(integerPart)
        while bits != 0 {
            if baseExponent < -(1 << 12) || 1 << 12 < baseExponent {
                // Certain overflow or underflow: let the final scaling say so.
                binaryExponent += baseExponent
                break
            }
            if bits & 1 == 1 {
                accumulated *= base
                binaryExponent += baseExponent
            }
            base *= base
            baseExponent <<= 1
            if base < 0.5 {
                base += base
                baseExponent -= 1
            }
            bits >>= 1
        }
        if y < 0 {
            accumulated = 1 / accumulated
            binaryExponent = -binaryExponent
        }
        return scaled(accumulated, binaryExponent)
    }

    /// `value × 2^exponent`, saturating the exponent (`scalbn` takes an
    /// `Int32`-sized one).
    private static func scaled(_ value: Double, _ exponent: Int) -> Double {
        let clamped = Swift.max(-10_000, Swift.min(10_000, exponent))
        return scalbn(value, Int32(clamped))
    }

    private static func isOddInteger(_ value: Double) -> Bool {
        guard Swift.abs(value) < 9_007_199_254_740_992, value == value.rounded(.towardZero) else { return false }
        return Int64(value) & 1 == 1
    }

    /// Go's `math.Log` (the FreeBSD `e_log.c` method), so that results
    /// round as Terraform's do: `log(27, 3)` is 3.0000000000000004 there,
    /// where the C library's logarithm gives 3.
    static func logarithm(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        let ln2High = 6.93147180369123816490e-01
        let ln2Low = 1.90821492927058770002e-10
        let l1 = 6.666666666666735130e-01
        let l2 = 3.999999999940941908e-01
        let l3 = 2.857142874366239149e-01
        let l4 = 2.222219843214978396e-01
        let l5 = 1.818357216161805012e-01
        let l6 = 1.531383769920937332e-01
        let l7 = 1.479819860511658591e-01
        var fraction = x.significand / 2
        var exponent = Int(x.exponent) + 1
        if fraction < 0.7071067811865476 {
            fraction *= 2
            exponent -= 1
        }
        let f = fraction - 1
        let k = Double(exponent)
        let s = f / (2 + f)
        let s2 = s * s
        let s4 = s2 * s2
        let t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)))
        let t2 = s4 * (l2 + s4 * (l4 + s4 * l6))
        let r = t1 + t2
        let halfSquare = 0.5 * f * f
        return k * ln2High - ((halfSquare - (s * (halfSquare + r) + k * ln2Low)) - f)
    }
}
