extension Number: CustomStringConvertible {
    /// Terraform's formatting: plain decimal notation, every integer digit
    /// (`1e30` prints 31 characters), no exponent, no trailing zeros
    /// (`1e-7` is `0.0000001`). A fraction without a finite expansion prints
    /// rounded to `precision` digits.
    ///
    /// The one exception: a number whose plain form would pass
    /// `plainNotationLimit` characters prints in scientific notation
    /// (`1e+3000000`). Every literal and every `tonumber` result (exponents
    /// up to ±1,000,000) stays under it; only products of such giants reach
    /// it, where Terraform would print megabytes of zeros.
    public var description: String {
        switch storage {
        case let .small(significand, 0):
            return String(significand)
        case let .small(significand, exponent):
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
                var rest = significand.magnitude
                var start = buffer.count
                repeat {
                    start -= 1
                    buffer[start] = UInt8(rest % 10) &+ 0x30
                    rest /= 10
                } while rest != 0
                let digits = UnsafeBufferPointer(rebasing: buffer[start...])
                return Number.text(negative: significand < 0, digits: digits, exponent: Int(exponent))
            }
        case let .big(value):
            var (digits, exponent) = value.isDecimal
                ? (value.numerator, value.exponent)
                : value.roundedDecimal(precision: Number.precision)
            let zeros = digits.trailingZeroDigits
            if zeros > 0 {
                digits = digits.droppingDigits(zeros).kept
                exponent += zeros
            }
            return digits.asciiDigits().withUnsafeBufferPointer {
                Number.text(negative: value.negative, digits: $0, exponent: exponent)
            }
        }
    }

    /// The longest plain-notation text `description` produces: 2 MiB.
    public static let plainNotationLimit = 1 << 21

    /// `self` with exactly `fractionDigits` digits after the point, rounded
    /// half to even (`3.14159` with 2 is `3.14`, `2` with 2 is `2.00`), as
    /// Go prints a `big.Float` for `format("%.2f", …)`.
    public func description(fractionDigits: Int) -> String {
        let places = Swift.min(Swift.max(0, fractionDigits), Number.plainNotationLimit)
        let rounded = rounded(toFractionDigits: places)
        let plain = rounded.description
        guard places > 0, !plain.contains("e") else { return plain }
        let existing = plain.utf8.firstIndex(of: UInt8(ascii: ".")).map { plain.utf8.distance(from: $0, to: plain.utf8.endIndex) - 1 }
        let missing = places - (existing ?? 0)
        return plain + (existing == nil ? "." : "") + String(repeating: "0", count: missing)
    }

    /// Lays out `±digits × 10^exponent`; `digits` has no leading zero and,
    /// unless the exponent is 0, no trailing zero.
    static func text(negative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> String {
        let count = digits.count
        let body: Int
        if exponent >= 0 {
            body = count + exponent
        } else if count > -exponent {
            body = count + 1
        } else {
            body = 2 - exponent
        }
        let length = body + (negative ? 1 : 0)
        guard length <= plainNotationLimit else { return scientificText(negative: negative, digits: digits, exponent: exponent) }
        return String(unsafeUninitializedCapacity: length) { output in
            var position = 0
            func put(_ byte: UInt8, count: Int = 1) {
                guard count > 0 else { return }
                UnsafeMutableBufferPointer(rebasing: output[position..<(position + count)]).initialize(repeating: byte)
                position += count
            }
            func put(_ source: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: output[position...]).initialize(from: source)
                position += source.count
            }
            if negative { put(UInt8(ascii: "-")) }
            if exponent >= 0 {
                put(digits)
                put(UInt8(ascii: "0"), count: exponent)
            } else if count > -exponent {
                let split = count + exponent
                put(UnsafeBufferPointer(rebasing: digits[..<split]))
                put(UInt8(ascii: "."))
                put(UnsafeBufferPointer(rebasing: digits[split...]))
            } else {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
                put(UInt8(ascii: "0"), count: -exponent - count)
                put(digits)
            }
            return position
        }
    }

    private static func scientificText(negative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> String {
        var text = negative ? "-" : ""
        text.unicodeScalars.append(Unicode.Scalar(digits[0]))
        if digits.count > 1 {
            text += "."
            text += String(decoding: UnsafeBufferPointer(rebasing: digits[1...]), as: UTF8.self)
        }
        let scientificExponent = exponent + digits.count - 1
        text += scientificExponent < 0 ? "e-" : "e+"
        text += String(scientificExponent.magnitude)
        return text
    }
}
