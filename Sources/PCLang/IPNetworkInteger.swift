/// An unsigned 128-bit integer: an IPv6 address, a host or subnet number.
///
/// Swift's own `UInt128` needs macOS 15; this small type is enough for the
/// handful of operations the `cidr*` functions do.
struct IPNetworkInteger: Equatable, Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    static let zero = IPNetworkInteger(high: 0, low: 0)
    static let one = IPNetworkInteger(high: 0, low: 1)
    static let max = IPNetworkInteger(high: .max, low: .max)

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt64) {
        self.init(high: 0, low: value)
    }

    /// The big-endian number the bytes spell (at most 16 of them).
    init(bytes: [UInt8]) {
        var result = IPNetworkInteger.zero
        for byte in bytes {
            result = result.shiftedLeft(8) | IPNetworkInteger(UInt64(byte))
        }
        self = result
    }

    /// Parses a decimal string of digits; nil when it is not one or does
    /// not fit in 128 bits.
    init?(decimal: Substring) {
        guard !decimal.isEmpty else { return nil }
        var result = IPNetworkInteger.zero
        for character in decimal.utf8 {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return nil }
            guard let next = result.multipliedBy10(adding: UInt64(character - UInt8(ascii: "0"))) else { return nil }
            result = next
        }
        self = result
    }

    var isZero: Bool { high == 0 && low == 0 }

    /// The number of significant bits.
    var bitWidth: Int {
        high != 0 ? 128 - high.leadingZeroBitCount : 64 - low.leadingZeroBitCount
    }

    /// `2^bits - 1`: the largest number of `bits` bits.
    static func allOnes(bits: Int) -> IPNetworkInteger {
        if bits <= 0 { return .zero }
        if bits >= 128 { return .max }
        if bits >= 64 { return IPNetworkInteger(high: bits == 64 ? 0 : UInt64.max >> (128 - bits), low: .max) }
        return IPNetworkInteger(high: 0, low: UInt64.max >> (64 - bits))
    }

    /// The lowest `count` bytes, big-endian (4 for IPv4, 16 for IPv6).
    func bytes(count: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var value = self
        for index in stride(from: count - 1, through: 0, by: -1) {
            result[index] = UInt8(truncatingIfNeeded: value.low)
            value = value.shiftedRight(8)
        }
        return result
    }

    /// Shifted left, dropping bits beyond 128 (callers check `bitWidth`).
    func shiftedLeft(_ count: Int) -> IPNetworkInteger {
        if count <= 0 { return self }
        if count >= 128 { return .zero }
        if count >= 64 { return IPNetworkInteger(high: low << (count - 64), low: 0) }
        return IPNetworkInteger(high: (high << count) | (low >> (64 - count)), low: low << count)
    }

    func shiftedRight(_ count: Int) -> IPNetworkInteger {
        if count <= 0 { return self }
        if count >= 128 { return .zero }
        if count >= 64 { return IPNetworkInteger(high: 0, low: high >> (count - 64)) }
        return IPNetworkInteger(high: high >> count, low: (low >> count) | (high << (64 - count)))
    }

    static func | (a: IPNetworkInteger, b: IPNetworkInteger) -> IPNetworkInteger {
        IPNetworkInteger(high: a.high | b.high, low: a.low | b.low)
    }

    static func & (a: IPNetworkInteger, b: IPNetworkInteger) -> IPNetworkInteger {
        IPNetworkInteger(high: a.high & b.high, low: a.low & b.low)
    }

    static func ^ (a: IPNetworkInteger, b: IPNetworkInteger) -> IPNetworkInteger {
        IPNetworkInteger(high: a.high ^ b.high, low: a.low ^ b.low)
    }

    /// Sum modulo 2^128, and whether it wrapped.
    func adding(_ other: IPNetworkInteger) -> (IPNetworkInteger, overflow: Bool) {
        let (low, carry) = self.low.addingReportingOverflow(other.low)
        let (high1, overflow1) = self.high.addingReportingOverflow(other.high)
        let (high2, overflow2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return (IPNetworkInteger(high: high2, low: low), overflow1 || overflow2)
    }

    /// Difference modulo 2^128, and whether it wrapped below zero.
    func subtracting(_ other: IPNetworkInteger) -> (IPNetworkInteger, overflow: Bool) {
        let (low, borrow) = self.low.subtractingReportingOverflow(other.low)
        let (high1, overflow1) = self.high.subtractingReportingOverflow(other.high)
        let (high2, overflow2) = high1.subtractingReportingOverflow(borrow ? 1 : 0)
        return (IPNetworkInteger(high: high2, low: low), overflow1 || overflow2)
    }

    private func multipliedBy10(adding digit: UInt64) -> IPNetworkInteger? {
        let (lowProductHigh, lowProductLow) = low.multipliedFullWidth(by: 10)
        let (highProductHigh, highProductLow) = high.multipliedFullWidth(by: 10)
        guard highProductHigh == 0 else { return nil }
        let (high, overflow) = highProductLow.addingReportingOverflow(lowProductHigh)
        guard !overflow else { return nil }
        let (sum, wrapped) = IPNetworkInteger(high: high, low: lowProductLow).adding(IPNetworkInteger(digit))
        return wrapped ? nil : sum
    }

    /// The quotient by a small divisor and the remainder.
    private func dividedBy(_ divisor: UInt64) -> (IPNetworkInteger, remainder: UInt64) {
        let highQuotient = high / divisor
        let highRemainder = high % divisor
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (IPNetworkInteger(high: highQuotient, low: lowQuotient), remainder)
    }

    var decimalDescription: String {
        if isZero { return "0" }
        var digits: [UInt8] = []
        var value = self
        while !value.isZero {
            let (quotient, remainder) = value.dividedBy(10)
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
            value = quotient
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    static func < (a: IPNetworkInteger, b: IPNetworkInteger) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }
}
