/// A non-negative integer of any size, in base 10^9 limbs (least significant
/// first), for the slow path of `Number`.
///
/// Base 10^9 rather than binary because everything a `Number` does beyond
/// plain arithmetic is decimal: counting and dropping digits to round to a
/// precision, scaling by powers of ten, and printing. A limb product fits in
/// `UInt64` with room for carries, which keeps multiplication and division
/// simple.
struct BigDecimalMagnitude: Sendable, Hashable {
    static let base: UInt64 = 1_000_000_000
    static let digitsPerLimb = 9

    /// No most-significant zero limbs; zero is the empty array, so equal
    /// values have equal limbs.
    private(set) var limbs: [UInt32]

    static let zero = BigDecimalMagnitude(limbs: [])
    static let one = BigDecimalMagnitude(1)

    init(limbs: [UInt32]) {
        self.limbs = limbs
        trimZeroLimbs()
    }

    init(_ value: UInt64) {
        var rest = value
        var limbs: [UInt32] = []
        limbs.reserveCapacity(3)
        while rest != 0 {
            limbs.append(UInt32(rest % Self.base))
            rest /= Self.base
        }
        self.limbs = limbs
    }

    /// `digits` are ASCII decimal digits, most significant first.
    init(asciiDigits digits: UnsafeBufferPointer<UInt8>) {
        var limbs: [UInt32] = []
        limbs.reserveCapacity(digits.count / Self.digitsPerLimb + 1)
        var end = digits.count
        while end > 0 {
            let start = Swift.max(0, end - Self.digitsPerLimb)
            var limb: UInt32 = 0
            for index in start..<end { limb = limb * 10 + UInt32(digits[index] &- 0x30) }
            limbs.append(limb)
            end = start
        }
        self.init(limbs: limbs)
    }

    private mutating func trimZeroLimbs() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }
    var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }

    var uint64Value: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return UInt64(limbs[0])
        case 2: return UInt64(limbs[1]) * Self.base + UInt64(limbs[0])
        case 3:
            let (high, overflow) = UInt64(limbs[2]).multipliedReportingOverflow(by: Self.base * Self.base)
            guard !overflow else { return nil }
            let (sum, carry) = high.addingReportingOverflow(UInt64(limbs[1]) * Self.base + UInt64(limbs[0]))
            return carry ? nil : sum
        default: return nil
        }
    }

    var digitCount: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * Self.digitsPerLimb + Self.digitCount(of: UInt64(top))
    }

    static func digitCount(of value: UInt64) -> Int {
        var count = 1
        while count < powersOfTen.count, value >= powersOfTen[count] { count += 1 }
        return count
    }

    /// 10^0 … 10^19, every power of ten a `UInt64` holds.
    static let powersOfTen: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...19 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// How many zero digits end the number (0 for zero).
    var trailingZeroDigits: Int {
        guard !isZero else { return 0 }
        var count = 0
        var index = 0
        while limbs[index] == 0 {
            count += Self.digitsPerLimb
            index += 1
        }
        var limb = limbs[index]
        while limb % 10 == 0 {
            limb /= 10
            count += 1
        }
        return count
    }

    static func compare(_ a: BigDecimalMagnitude, _ b: BigDecimalMagnitude) -> Int {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count ? -1 : 1 }
        var index = a.limbs.count - 1
        while index >= 0 {
            if a.limbs[index] != b.limbs[index] { return a.limbs[index] < b.limbs[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    static func + (a: BigDecimalMagnitude, b: BigDecimalMagnitude) -> BigDecimalMagnitude {
        let (long, short) = a.limbs.count >= b.limbs.count ? (a.limbs, b.limbs) : (b.limbs, a.limbs)
        var result: [UInt32] = []
        result.reserveCapacity(long.count + 1)
        var carry: UInt32 = 0
        for index in 0..<long.count {
            var sum = long[index] + carry + (index < short.count ? short[index] : 0)
            carry = 0
            if sum >= UInt32(base) {
                sum -= UInt32(base)
                carry = 1
            }
            result.append(sum)
        }
        if carry != 0 { result.append(carry) }
        return BigDecimalMagnitude(limbs: result)
    }

    /// `a - b`; `a` must not be less than `b`.
    static func - (a: BigDecimalMagnitude, b: BigDecimalMagnitude) -> BigDecimalMagnitude {
        precondition(compare(a, b) >= 0, "magnitude subtraction would be negative")
        var result = a.limbs
        var borrow: UInt32 = 0
        for index in 0..<result.count {
            let subtrahend = (index < b.limbs.count ? b.limbs[index] : 0) + borrow
            if result[index] >= subtrahend {
                result[index] -= subtrahend
                borrow = 0
            } else {
                result[index] = result[index] + UInt32(base) - subtrahend
                borrow = 1
            }
            if borrow == 0, index >= b.limbs.count { break }
        }
        return BigDecimalMagnitude(limbs: result)
    }

    static func * (a: BigDecimalMagnitude, b: BigDecimalMagnitude) -> BigDecimalMagnitude {
        guard !a.isZero, !b.isZero else { return .zero }
        if b.limbs.count == 1 { return a.multiplied(by: b.limbs[0]) }
        if a.limbs.count == 1 { return b.multiplied(by: a.limbs[0]) }
        var result = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            let left = UInt64(a.limbs[i])
            guard left != 0 else { continue }
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                let total = UInt64(result[i + j]) + left * UInt64(b.limbs[j]) + carry
                result[i + j] = UInt32(total % base)
                carry = total / base
            }
            var position = i + b.limbs.count
            while carry != 0 {
                let total = UInt64(result[position]) + carry
                result[position] = UInt32(total % base)
                carry = total / base
                position += 1
            }
        }
        return BigDecimalMagnitude(limbs: result)
    }

    /// `self × factor` for a factor below the limb base.
    func multiplied(by factor: UInt32) -> BigDecimalMagnitude {
        guard factor != 0, !isZero else { return .zero }
        if factor == 1 { return self }
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            let total = UInt64(limb) * UInt64(factor) + carry
            result.append(UInt32(total % Self.base))
            carry = total / Self.base
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return BigDecimalMagnitude(limbs: result)
    }

    func multipliedByPowerOfTen(_ count: Int) -> BigDecimalMagnitude {
        guard count > 0, !isZero else { return self }
        let wholeLimbs = count / Self.digitsPerLimb
        var shifted = self
        if wholeLimbs > 0 {
            shifted.limbs.insert(contentsOf: repeatElement(0, count: wholeLimbs), at: 0)
        }
        return shifted.multiplied(by: UInt32(Self.powersOfTen[count % Self.digitsPerLimb]))
    }

    /// `self × base^exponent` for a small base (2 or 5 when making a
    /// denominator a power of ten), a limb-sized factor at a time.
    func multiplied(byPowerOf factorBase: UInt32, exponent: Int) -> BigDecimalMagnitude {
        var chunk: UInt32 = 1
        var chunkExponent = 0
        while UInt64(chunk) * UInt64(factorBase) < Self.base {
            chunk *= factorBase
            chunkExponent += 1
        }
        var result = self
        var remaining = exponent
        while remaining >= chunkExponent {
            result = result.multiplied(by: chunk)
            remaining -= chunkExponent
        }
        var tail: UInt32 = 1
        for _ in 0..<remaining { tail *= factorBase }
        return result.multiplied(by: tail)
    }

    /// Drops the `count` least significant digits and reports what they
    /// were worth, for rounding: the first dropped digit, and whether any
    /// later dropped digit is non-zero.
    func droppingDigits(_ count: Int) -> (kept: BigDecimalMagnitude, firstDropped: UInt32, restNonZero: Bool) {
        guard count > 0 else { return (self, 0, false) }
        let digits = digitCount
        if count > digits { return (.zero, 0, !isZero) }
        let wholeLimbs = count / Self.digitsPerLimb
        let partial = count % Self.digitsPerLimb
        var kept = BigDecimalMagnitude(limbs: Array(limbs[wholeLimbs...]))
        var first: UInt32
        var rest = limbs[..<wholeLimbs].contains { $0 != 0 }
        if partial == 0 {
            let lastDropped = limbs[wholeLimbs - 1]
            first = lastDropped / 100_000_000
            rest = limbs[..<(wholeLimbs - 1)].contains { $0 != 0 } || lastDropped % 100_000_000 != 0
        } else {
            let divisor = UInt32(Self.powersOfTen[partial])
            let (quotient, remainder) = kept.quotientAndRemainder(dividingBy: divisor)
            kept = quotient
            let lower = UInt32(Self.powersOfTen[partial - 1])
            first = remainder / lower
            rest = rest || remainder % lower != 0
        }
        return (kept, first, rest)
    }

    /// Division by a divisor below the limb base.
    func quotientAndRemainder(dividingBy divisor: UInt32) -> (quotient: BigDecimalMagnitude, remainder: UInt32) {
        precondition(divisor != 0, "division of a magnitude by zero")
        var quotient = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        var index = limbs.count - 1
        while index >= 0 {
            let current = remainder * Self.base + UInt64(limbs[index])
            quotient[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
            index -= 1
        }
        return (BigDecimalMagnitude(limbs: quotient), UInt32(remainder))
    }

    func asciiDigits() -> [UInt8] {
        guard let top = limbs.last else { return [UInt8(ascii: "0")] }
        var digits: [UInt8] = []
        digits.reserveCapacity(digitCount)
        let topDigits = Self.digitCount(of: UInt64(top))
        Self.appendDigits(of: top, count: topDigits, to: &digits)
        var index = limbs.count - 2
        while index >= 0 {
            Self.appendDigits(of: limbs[index], count: Self.digitsPerLimb, to: &digits)
            index -= 1
        }
        return digits
    }

    private static func appendDigits(of limb: UInt32, count: Int, to digits: inout [UInt8]) {
        var divisor = UInt32(powersOfTen[count - 1])
        var rest = limb
        for _ in 0..<count {
            digits.append(UInt8(rest / divisor) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }

    static func greatestCommonDivisor(_ a: BigDecimalMagnitude, _ b: BigDecimalMagnitude) -> BigDecimalMagnitude {
        var (x, y) = (a, b)
        while !y.isZero {
            if let small = x.uint64Value, let smallY = y.uint64Value {
                var (u, v) = (small, smallY)
                while v != 0 { (u, v) = (v, u % v) }
                return BigDecimalMagnitude(u)
            }
            (x, y) = (y, x.quotientAndRemainder(dividingBy: y).remainder)
        }
        return x
    }
}
