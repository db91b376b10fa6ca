extension BigDecimalMagnitude {
    /// Long division (Knuth's algorithm D, in base 10^9).
    func quotientAndRemainder(dividingBy divisor: BigDecimalMagnitude) -> (quotient: BigDecimalMagnitude, remainder: BigDecimalMagnitude) {
        precondition(!divisor.isZero, "division of a magnitude by zero")
        if Self.compare(self, divisor) < 0 { return (.zero, self) }
        if divisor.limbs.count == 1 {
            let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor.limbs[0])
            return (quotient, BigDecimalMagnitude(UInt64(remainder)))
        }
        let base = Self.base
        let n = divisor.limbs.count
        let m = limbs.count - n
        // Scaling both sides so the divisor's top limb is at least base/2
        // makes each estimated quotient limb at most two too large.
        let scale = UInt32(base / (UInt64(divisor.limbs[n - 1]) + 1))
        let v = divisor.multiplied(by: scale).limbs
        var u = multiplied(by: scale).limbs
        while u.count < limbs.count + 1 { u.append(0) }
        var quotient = [UInt32](repeating: 0, count: m + 1)
        let vTop = UInt64(v[n - 1])
        let vNext = UInt64(v[n - 2])
        var j = m
        while j >= 0 {
            let numerator = UInt64(u[j + n]) * base + UInt64(u[j + n - 1])
            var estimate = numerator / vTop
            var remainder = numerator % vTop
            while estimate >= base || estimate * vNext > remainder * base + UInt64(u[j + n - 2]) {
                estimate -= 1
                remainder += vTop
                if remainder >= base { break }
            }
            // Multiply and subtract estimate × v from u[j ... j+n].
            var carry: UInt64 = 0
            var borrow: Int64 = 0
            for i in 0..<n {
                let product = estimate * UInt64(v[i]) + carry
                carry = product / base
                var difference = Int64(u[i + j]) - Int64(product % base) - borrow
                borrow = 0
                if difference < 0 {
                    difference += Int64(base)
                    borrow = 1
                }
                u[i + j] = UInt32(difference)
            }
            var top = Int64(u[j + n]) - Int64(carry) - borrow
            if top < 0 {
                // The estimate was one too large: add v back.
                estimate -= 1
                var addCarry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(u[i + j]) + UInt64(v[i]) + addCarry
                    u[i + j] = UInt32(sum % base)
                    addCarry = sum / base
                }
                top += Int64(addCarry)
                top += Int64(base)
                top %= Int64(base)
            }
            u[j + n] = UInt32(top)
            quotient[j] = UInt32(estimate)
            j -= 1
        }
        let scaledRemainder = BigDecimalMagnitude(limbs: Array(u[0..<n]))
        let remainder = scale == 1 ? scaledRemainder : scaledRemainder.quotientAndRemainder(dividingBy: scale).quotient
        return (BigDecimalMagnitude(limbs: quotient), remainder)
    }
}
