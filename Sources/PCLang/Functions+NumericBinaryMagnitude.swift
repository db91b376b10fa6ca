/// A non-negative integer of any size in base 2^32 limbs (least significant
/// first), for the few places the function library must reproduce what Go's
/// binary `big.Int`/`big.Float` do: `parseint` in bases up to 62, `%b %o %x`
/// of huge integers, and the exact binary values behind `%e %f %g`.
///
/// `BigDecimalMagnitude` is decimal by design; these needs are binary
/// (bit lengths, rounding to 512 bits), so they get their own small type.
struct BinaryMagnitude: Sendable, Equatable {
    /// No most-significant zero limbs; zero is empty.
    private(set) var limbs: [UInt32]

    static let zero = BinaryMagnitude(limbs: [])

    init(limbs: [UInt32]) {
        self.limbs = limbs
        while let last = self.limbs.last, last == 0 { self.limbs.removeLast() }
    }

    init(_ value: UInt64) {
        self.init(limbs: [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)])
    }

    /// `digits` are ASCII decimal digits, most significant first.
    init<Digits: Collection<UInt8>>(decimalDigits digits: Digits) {
        self = .zero
        limbs.reserveCapacity(digits.count / 9 + 1)
        var chunk: UInt32 = 0
        var chunkLength = 0
        for digit in digits {
            chunk = chunk * 10 + UInt32(digit &- 0x30)
            chunkLength += 1
            if chunkLength == 9 {
                multiplyAdd(1_000_000_000, chunk)
                chunk = 0
                chunkLength = 0
            }
        }
        if chunkLength > 0 { multiplyAdd(Self.smallPowersOfTen[chunkLength], chunk) }
    }

    private static let smallPowersOfTen: [UInt32] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    var isZero: Bool { limbs.isEmpty }

    var bitLength: Int {
        guard let last = limbs.last else { return 0 }
        return limbs.count * 32 - last.leadingZeroBitCount
    }

    func bit(_ index: Int) -> Bool {
        let limb = index >> 5
        guard index >= 0, limb < limbs.count else { return false }
        return limbs[limb] >> UInt32(index & 31) & 1 == 1
    }

    /// Whether any bit below `index` is set.
    func hasBits(below index: Int) -> Bool {
        guard index > 0 else { return false }
        let whole = Swift.min(index >> 5, limbs.count)
        for position in 0..<whole where limbs[position] != 0 { return true }
        guard whole < limbs.count, index & 31 != 0 else { return false }
        return limbs[whole] & ((1 << UInt32(index & 31)) - 1) != 0
    }

    /// `self × factor + addend`, in place.
    mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        if factor == 0 { self = BinaryMagnitude(limbs: limbs) }
    }

    /// Divides in place and returns the remainder.
    @discardableResult
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        return UInt32(remainder)
    }

    /// Divides in place by a 64-bit divisor and returns the remainder.
    @discardableResult
    mutating func divide(byWide divisor: UInt64) -> UInt64 {
        if divisor <= UInt64(UInt32.max) { return UInt64(divide(by: UInt32(divisor))) }
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            // remainder < divisor, so the quotient digit fits a limb.
            let (quotient, rest) = divisor.dividingFullWidth((high: remainder >> 32, low: remainder << 32 | UInt64(limbs[index])))
            limbs[index] = UInt32(quotient)
            remainder = rest
        }
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        return remainder
    }

    func shiftedLeft(by count: Int) -> BinaryMagnitude {
        guard count > 0, !isZero else { return self }
        let whole = count >> 5
        let part = UInt32(count & 31)
        var result = [UInt32](repeating: 0, count: whole)
        result.reserveCapacity(whole + limbs.count + 1)
        if part == 0 {
            result += limbs
        } else {
            var carry: UInt32 = 0
            for limb in limbs {
                result.append(limb << part | carry)
                carry = limb >> (32 - part)
            }
            result.append(carry)
        }
        return BinaryMagnitude(limbs: result)
    }

    func shiftedRight(by count: Int) -> BinaryMagnitude {
        guard count > 0 else { return self }
        let whole = count >> 5
        guard whole < limbs.count else { return .zero }
        let part = UInt32(count & 31)
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count - whole)
        for index in whole..<limbs.count {
            var limb = limbs[index] >> part
            if part != 0, index + 1 < limbs.count { limb |= limbs[index + 1] << (32 - part) }
            result.append(limb)
        }
        return BinaryMagnitude(limbs: result)
    }

    func adding(_ value: UInt32) -> BinaryMagnitude {
        var copy = self
        copy.multiplyAdd(1, value)
        return copy
    }

    /// `self − 1`; `self` must not be zero.
    func decremented() -> BinaryMagnitude {
        var result = limbs
        for index in result.indices {
            if result[index] != 0 {
                result[index] -= 1
                break
            }
            result[index] = UInt32.max
        }
        return BinaryMagnitude(limbs: result)
    }

    func multiplied(byPowerOfFive exponent: Int) -> BinaryMagnitude {
        var result = self
        var left = exponent
        while left > 0 {
            let step = Swift.min(left, 13)
            result.multiplyAdd(Self.powersOfFive[step], 0)
            left -= step
        }
        return result
    }

    /// 5^0 … 5^13, the powers that fit a limb.
    static let powersOfFive: [UInt32] = (0...13).map { power in
        var value: UInt32 = 1
        for _ in 0..<power { value *= 5 }
        return value
    }

    /// The digits in `radix` (2…36), lowercase, most significant first;
    /// "0" for zero.
    func digits(radix: Int) -> [UInt8] {
        guard !isZero else { return [UInt8(ascii: "0")] }
        // Peel off as many digits per division as fit a limb.
        var chunkDigits = 1
        var chunk = UInt64(radix)
        while chunk * UInt64(radix) <= UInt64(UInt32.max) {
            chunk *= UInt64(radix)
            chunkDigits += 1
        }
        var rest = self
        var reversed: [UInt8] = []
        reversed.reserveCapacity(bitLength / Swift.max(1, radix.trailingZeroBitCount) + chunkDigits)
        while !rest.isZero {
            var piece = rest.divide(by: UInt32(chunk))
            for _ in 0..<chunkDigits {
                reversed.append(Self.digitCharacters[Int(piece % UInt32(radix))])
                piece /= UInt32(radix)
                if rest.isZero, piece == 0 { break }
            }
        }
        while reversed.count > 1, reversed.last == UInt8(ascii: "0") { reversed.removeLast() }
        return reversed.reversed()
    }

    private static let digitCharacters: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
}
