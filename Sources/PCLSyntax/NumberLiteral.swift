/// The exact value of a decimal number literal: `significand × 10^exponent`.
///
/// The parser never converts to `Double`, so `0.1` stays exactly one tenth
/// and an 80-digit integer keeps every digit; the evaluator chooses its own
/// arbitrary-precision representation from this.
///
/// Normalised: `significand` has no leading or trailing zeros (zero is
/// `"0"` with exponent 0), so equal values compare equal.
public struct NumberLiteral: Sendable, Hashable, CustomStringConvertible {
    /// Decimal digits, ASCII.
    public let significand: String
    public let exponent: Int

    /// Exponents beyond this are rejected as invalid literals rather than
    /// risk overflow later; no configuration needs them.
    public static let maximumExponentMagnitude = 1_000_000

    public init(significand: String, exponent: Int) {
        let digits = Array(significand.utf8)
        self = NumberLiteral.normalized(digits[...], exponent: exponent)
    }

    /// The magnitude of `value`: literals are never negative.
    public init(_ value: Int) {
        let digits = Array(String(value.magnitude).utf8)
        self = NumberLiteral.normalized(digits[...], exponent: 0)
    }

    private init(normalizedSignificand: String, exponent: Int) {
        self.significand = normalizedSignificand
        self.exponent = exponent
    }

    /// Reads `digits ("." digits)? ([eE] [+-]? digits)?`; nil for anything
    /// else, including an exponent too large to be useful.
    public init?<Bytes: Collection>(parsing text: Bytes) where Bytes.Element == UInt8 {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var index = text.startIndex
        var integerDigits = 0
        while index != text.endIndex, text[index] &- 0x30 < 10 {
            digits.append(text[index])
            integerDigits += 1
            index = text.index(after: index)
        }
        guard integerDigits > 0 else { return nil }
        var fractionDigits = 0
        if index != text.endIndex, text[index] == UInt8(ascii: ".") {
            index = text.index(after: index)
            while index != text.endIndex, text[index] &- 0x30 < 10 {
                digits.append(text[index])
                fractionDigits += 1
                index = text.index(after: index)
            }
            guard fractionDigits > 0 else { return nil }
        }
        var exponent = 0
        if index != text.endIndex, text[index] | 0x20 == UInt8(ascii: "e") {
            index = text.index(after: index)
            var negative = false
            if index != text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
                negative = text[index] == UInt8(ascii: "-")
                index = text.index(after: index)
            }
            var exponentDigits = 0
            while index != text.endIndex, text[index] &- 0x30 < 10 {
                if exponent <= NumberLiteral.maximumExponentMagnitude {
                    exponent = exponent * 10 + Int(text[index] &- 0x30)
                }
                exponentDigits += 1
                index = text.index(after: index)
            }
            guard exponentDigits > 0, exponent <= NumberLiteral.maximumExponentMagnitude else { return nil }
            if negative { exponent = -exponent }
        }
        guard index == text.endIndex else { return nil }
        self = NumberLiteral.normalized(digits[...], exponent: exponent - fractionDigits)
    }

    private static func normalized(_ digits: ArraySlice<UInt8>, exponent: Int) -> NumberLiteral {
        var slice = digits
        while let first = slice.first, first == UInt8(ascii: "0") { slice = slice.dropFirst() }
        guard !slice.isEmpty else { return NumberLiteral(normalizedSignificand: "0", exponent: 0) }
        var exponent = exponent
        while let last = slice.last, last == UInt8(ascii: "0") {
            slice = slice.dropLast()
            exponent += 1
        }
        return NumberLiteral(normalizedSignificand: String(decoding: slice, as: UTF8.self), exponent: exponent)
    }

    public var isZero: Bool { significand == "0" }

    /// True for whole numbers (an integral value, however written).
    public var isWholeNumber: Bool { exponent >= 0 }

    /// The value as an `Int`, when it is a whole number that fits.
    public var intValue: Int? {
        guard exponent >= 0, significand.utf8.count + exponent <= 18 else { return nil }
        var value = 0
        for digit in significand.utf8 { value = value * 10 + Int(digit - 0x30) }
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Plain decimal notation when it stays short, otherwise scientific
    /// (`1.5e+100`); always exact.
    public var description: String {
        let count = significand.utf8.count
        if exponent >= 0 {
            if exponent <= 20 { return significand + String(repeating: "0", count: exponent) }
        } else if -exponent < count {
            let split = significand.index(significand.startIndex, offsetBy: count + exponent)
            return significand[..<split] + "." + significand[split...]
        } else if -exponent - count <= 20 {
            return "0." + String(repeating: "0", count: -exponent - count) + significand
        }
        let scientificExponent = exponent + count - 1
        let head = significand.prefix(1)
        let tail = significand.dropFirst()
        let sign = scientificExponent < 0 ? "-" : "+"
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + sign + String(scientificExponent.magnitude)
    }
}
