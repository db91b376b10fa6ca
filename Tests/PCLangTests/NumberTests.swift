@testable import PCLang
import PCLSyntax
import Testing

/// Expected outputs come from `terraform console` (Terraform 1.11.4) unless
/// a comment says the result deliberately differs.
struct NumberTests {
    /// A number from literal syntax, with an optional leading minus.
    private static func literal(_ text: String) -> Number {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        guard let parsed = NumberLiteral(parsing: Array(body.utf8)) else {
            Issue.record("not a literal: \(text)")
            return .zero
        }
        return negative ? -Number(parsed) : Number(parsed)
    }

    private static func evaluate(_ left: String, _ operation: String, _ right: String) -> Number? {
        let a = literal(left)
        let b = literal(right)
        switch operation {
        case "+": return a + b
        case "-": return a - b
        case "*": return a * b
        case "/": return a.dividing(by: b)
        case "%": return a.remainder(dividingBy: b)
        default:
            Issue.record("unknown operation \(operation)")
            return nil
        }
    }

    private static let thirds = "0." + String(repeating: "3", count: 154)
    private static let sevenths = "0." + String(repeating: "142857", count: 25) + "1429"

    // MARK: Formatting

    @Test(arguments: [
        ("0", "0"), ("1", "1"), ("-2", "-2"), ("8080", "8080"),
        ("1e30", "1" + String(repeating: "0", count: 30)),
        ("1e-7", "0.0000001"), ("-1e-7", "-0.0000001"),
        ("1e-100", "0." + String(repeating: "0", count: 99) + "1"),
        ("123.456e2", "12345.6"), ("0.000123", "0.000123"), ("1.50", "1.5"), ("100.0", "100"),
        ("9223372036854775807", "9223372036854775807"),
        ("9223372036854775808", "9223372036854775808"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0.1234567890123456789012345", "0.1234567890123456789012345"),
        ("-12345678901234567890.5", "-12345678901234567890.5"),
        ("25e18", "25000000000000000000"),
    ])
    func printsLikeTerraform(source: String, expected: String) {
        #expect(Self.literal(source).description == expected)
    }

    @Test func negativeZeroIsZero() {
        // Terraform prints `-0` for `0*-1`; a Number has no negative zero.
        let product = Number(0) * Number(-1)
        #expect(product.description == "0")
        #expect(!product.isNegative)
        #expect(-Number.zero == Number.zero)
        #expect(Number(parsing: "-0")?.description == "0")
        #expect(Number(exactly: -0.0)?.description == "0")
    }

    @Test func hugeExponentsPrintInFullUpToTheLimit() {
        let big = Self.literal("1e1000000")
        let text = big.description
        #expect(text.utf8.count == 1_000_001)
        #expect(text.hasPrefix("10000") && text.hasSuffix("00000"))
        #expect(Self.literal("-1e-1000000").description.utf8.count == 1_000_003)
        #expect((big * big).description.utf8.count == 2_000_001)
        // Past the limit, scientific notation instead of megabytes of zeros.
        #expect((big * big * big).description == "1e+3000000")
        #expect((big * big * big * Number(-15)).description == "-1.5e+3000001")
        let tiny = Self.literal("1e-1000000")
        #expect((tiny * tiny * tiny).description == "1e-3000000")
    }

    @Test(arguments: [
        ("3.14159", 2, "3.14"), ("2", 2, "2.00"), ("2.5", 0, "2"), ("3.5", 0, "4"),
        ("0.25", 1, "0.2"), ("-1.005", 2, "-1.00"), ("0.0001", 2, "0.00"), ("1e20", 1, "100000000000000000000.0"),
        ("123.456", -1, "123"),
    ])
    func formatsFixedFractionDigits(source: String, digits: Int, expected: String) {
        #expect(Self.literal(source).description(fractionDigits: digits) == expected)
    }

    @Test func roundingArgumentsOfAnySizeAreSafe() throws {
        let third = try #require(Number(1).dividing(by: 3))
        #expect(third.description(fractionDigits: 5) == "0.33333")
        #expect(third.rounded(toFractionDigits: 2) == Self.literal("0.33"))
        #expect(Self.literal("1234.5").rounded(toFractionDigits: -2) == 1200)
        #expect(Self.literal("2.5").rounded(toFractionDigits: Int.max) == Self.literal("2.5"))
        #expect(Self.literal("2.5").rounded(toFractionDigits: Int.min) == 0)
        #expect(third.rounded(toFractionDigits: Int.max).description == Self.thirds)
        #expect(third.rounded(toSignificantDigits: Int.max).description == Self.thirds)
        #expect(third.rounded(toSignificantDigits: 0).description == "0.3")
        #expect(Number(7).description(fractionDigits: -3) == "7")
    }

    // MARK: Arithmetic

    @Test(arguments: [
        ("0.1", "+", "0.2", "0.3"),
        ("18446744073709551617", "+", "1", "18446744073709551618"),
        ("9223372036854775807", "+", "1", "9223372036854775808"),
        ("-9223372036854775808", "-", "1", "-9223372036854775809"),
        ("123456789012345678901234567890", "*", "10", "1234567890123456789012345678900"),
        ("10", "/", "4", "2.5"),
        ("1e-7", "+", "0", "0.0000001"),
        ("0.1", "*", "3", "0.3"),
        ("1e1000", "/", "1e999", "10"),
        ("2", "/", "3", "0." + String(repeating: "6", count: 153) + "7"),
        ("1", "/", "3", thirds),
        ("1", "/", "7", sevenths),
        ("100", "/", "7", "14." + String(repeating: "285714", count: 25) + "29"),
        ("2", "/", "3", "0." + String(repeating: "6", count: 153) + "7"),
        ("-7", "%", "3", "-1"), ("7", "%", "-3", "1"), ("-7", "%", "-3", "-1"),
        ("3", "%", "2.5", "0.5"), ("-7.5", "%", "2", "-1.5"), ("7.5", "%", "-2", "1.5"),
        ("1e20", "%", "7", "2"), ("0.3", "%", "0.1", "0"), ("1e300", "%", "7", "0"),
        ("5", "%", "0", "5"), ("-5", "%", "0", "-5"), ("0", "%", "0", "0"),
        ("5", "%", "1e-300", "0"),
        ("12345678901234567890", "%", "1000", "890"),
        ("1", "-", "1", "0"), ("0.5", "+", "0.5", "1"), ("1e30", "-", "1e30", "0"),
        ("1e30", "+", "1", "1000000000000000000000000000001"),
        ("99999999999999999999", "+", "1", "100000000000000000000"),
        ("1e-30", "*", "1e30", "1"),
        ("6", "/", "0.2", "30"), ("1", "/", "1024", "0.0009765625"),
        ("-1", "/", "8", "-0.125"),
    ])
    func arithmeticMatchesTerraform(left: String, operation: String, right: String, expected: String) {
        #expect(Self.evaluate(left, operation, right)?.description == expected)
    }

    /// Terraform's binary floats show through here; exact decimals do not.
    @Test(arguments: [
        ("1.1", "*", "1.1", "1.21"),          // Terraform: 1.2100…0001
        ("1e-7", "*", "1e-7", "0.00000000000001"),  // Terraform: 0.000…0100…0001
    ])
    func arithmeticBetterThanBinary(left: String, operation: String, right: String, expected: String) {
        #expect(Self.evaluate(left, operation, right)?.description == expected)
    }

    @Test(arguments: [
        ("1", "3"), ("2", "3"), ("4", "3"), ("10", "3"), ("5", "3"), ("7", "3"), ("1", "7"),
        ("1", "49"), ("1", "98"), ("1", "6"), ("1", "9"), ("1", "11"), ("123456789", "987654321"),
        ("1e200", "3"), ("0.1", "0.3"), ("7", "123456789012345678901234567890123456789"),
        ("9", "987654321098765432109876543210987654321"), ("1", "3.000000000000000000000000000000000000001"),
        ("59.5191", "73737373737373737373737373737373737373737373"),
    ])
    func quotientTimesDivisorIsTheDividend(dividend: String, divisor: String) throws {
        let a = Self.literal(dividend)
        let b = Self.literal(divisor)
        let quotient = try #require(a.dividing(by: b))
        #expect(quotient * b == a)
        #expect((quotient * b).description == a.description)
        #expect((quotient * b).floor() == a.floor())
        #expect(quotient * b - a == .zero)
    }

    @Test func thirdsAddUpToOne() throws {
        let third = try #require(Number(1).dividing(by: 3))
        let twoThirds = try #require(Number(2).dividing(by: 3))
        #expect(third + third + third == 1)
        #expect(twoThirds + third == 1)
        #expect(third * 1 == third)
        #expect(third + 0 == third)
        #expect(third * 3 - 1 == 0)
        #expect(third.description == Self.thirds)
        #expect((-third).description == "-" + Self.thirds)
        #expect(!third.isInteger)
        #expect(third.intValue == nil)
    }

    @Test func divisionByZeroIsNil() {
        #expect(Number(1).dividing(by: .zero) == nil)
        #expect(Number.zero.dividing(by: .zero) == nil)
        #expect(Self.literal("1e400").dividing(by: Self.literal("0.0")) == nil)
    }

    // MARK: Precision

    @Test func roundsToPrecisionHalfToEven() {
        let tenTo154 = "1" + String(repeating: "0", count: 154)
        // 155 significant digits: the last one is rounded away.
        #expect(Self.literal("1" + String(repeating: "0", count: 153) + "5").description == tenTo154)
        #expect(Self.literal("1" + String(repeating: "0", count: 152) + "15").description == "1" + String(repeating: "0", count: 152) + "20")
        #expect(Self.literal("1" + String(repeating: "0", count: 152) + "16").description == "1" + String(repeating: "0", count: 152) + "20")
        #expect(Self.literal("1" + String(repeating: "0", count: 152) + "14").description == "1" + String(repeating: "0", count: 152) + "10")
        // 154 digits are exact, as in Terraform (1e153+1).
        let exact = "1" + String(repeating: "0", count: 152) + "1"
        #expect((Self.literal("1e153") + 1).description == exact)
        // Terraform's 512 bits still hold 1e154+1 exactly; 154 digits do not.
        #expect((Self.literal("1e154") + 1).description == tenTo154)
        #expect((Self.literal("1e155") + 1) == Self.literal("1e155"))
        #expect((Self.literal("2e154") + 1) == Self.literal("2e154"))
        // Rounding up can carry into a new digit.
        #expect(Self.literal(String(repeating: "9", count: 160)).description == "1" + String(repeating: "0", count: 160))
        // Operands too far apart do not change the larger one.
        #expect(Self.literal("1e1000000") + 1 == Self.literal("1e1000000"))
        #expect(Self.literal("1e1000000") - Self.literal("1e-1000000") == Self.literal("1e1000000"))
        #expect(Number(1) - Self.literal("1e-1000000") == 1)
        let digits = (1...200).map { String($0 % 10) }.joined()
        // Digits 154 and 155 are 4 and 5, and non-zero digits follow.
        #expect(Self.literal(digits).description == digits.prefix(153) + "5" + String(repeating: "0", count: 46))
        #expect(Self.literal(digits).rounded(toSignificantDigits: 3).description == "123" + String(repeating: "0", count: 197))
        #expect(Self.literal("0.0125").rounded(toSignificantDigits: 2).description == "0.012")
        #expect(Self.literal("0.0135").rounded(toSignificantDigits: 2).description == "0.014")
    }

    // MARK: Equality, hashing, comparison

    @Test func equalValuesAreEqualAndHashAlike() throws {
        let ones: [Number] = [
            1, Self.literal("1.0"), Self.literal("10e-1"), Self.literal("0.1e1"),
            try #require(Number(parsing: "1.000")), try #require(Number(exactly: 1.0)),
            Self.literal("0.5") + Self.literal("0.5"), try #require(Number(10).dividing(by: 10)),
            Self.literal("1e-200") * Self.literal("1e200"), try #require(Number(1).dividing(by: 3)) * 3,
        ]
        for one in ones {
            #expect(one == Number.one)
            #expect(one.hashValue == Number.one.hashValue)
        }
        #expect(Set(ones).count == 1)

        let bigs: [Number] = [
            Self.literal("1e30"), Self.literal("1000000000000000000000000000000"),
            Self.literal("10e29"), Self.literal("1e15") * Self.literal("1e15"),
            try #require(Self.literal("1e31").dividing(by: 10)),
            Self.literal("999999999999999999999999999999") + 1,
        ]
        #expect(Set(bigs).count == 1)
        #expect(Set([Number(Int.max) + 1, Self.literal("9223372036854775808"), -(Number(Int.min))]).count == 1)
        #expect(Set([Self.literal("0"), Self.literal("0.000"), Number(5) - 5, -Number.zero, Number(0) * Number(-3)]).count == 1)
    }

    @Test(arguments: [
        ("1", "2"), ("-2", "1"), ("2.5", "3"), ("-3", "-2.5"), ("0", "1e-1000000"),
        ("-1e-1000000", "0"), ("9223372036854775807", "9223372036854775808"),
        ("-9223372036854775809", "-9223372036854775808"), ("1e399", "1e400"), ("-1e400", "1"),
        ("999999999999999999999999999999", "1e30"), ("1e30", "1000000000000000000000000000001"),
        ("0.3333333333333333", "0.33333333333333334"), ("1e18", "1e19"), ("123e20", "124e20"),
        ("1e-20", "1e-19"), ("-5e30", "-4e30"), ("0.1", "0.10000000000000000000001"),
    ])
    func ordersAcrossRepresentations(smaller: String, larger: String) {
        let a = Self.literal(smaller)
        let b = Self.literal(larger)
        #expect(a < b)
        #expect(!(b < a))
        #expect(a != b)
        #expect(b > a)
    }

    @Test func fractionsCompareExactly() throws {
        let third = try #require(Number(1).dividing(by: 3))
        #expect(Self.literal(Self.thirds) < third)
        #expect(third < Self.literal(String(Self.thirds.dropLast()) + "4"))
        #expect(try #require(Number(1).dividing(by: 7)) < third)
        #expect(-third < .zero)
        #expect(try #require(Number(2).dividing(by: 3)) == third + third)
    }

    // MARK: Conversions

    @Test(arguments: [
        ("1e3", "1000"), ("+1", "1"), ("-2", "-2"), (".5", "0.5"), ("5.", "5"), ("0.5", "0.5"),
        ("1E3", "1000"), ("-0", "0"), ("00012", "12"), ("1e+3", "1000"), ("1p3", "8"),
        ("1.5p1", "3"), ("1.5P-1", "0.75"), ("+.5", "0.5"), ("-.5e1", "-5"), ("0.000", "0"),
        ("+0", "0"), ("1.5e-3", "0.0015"), ("1e-07", "0.0000001"), ("3p-2", "0.75"),
        ("123456789012345678901234567890.5", "123456789012345678901234567890.5"),
    ])
    func parsesLikeTonumber(text: String, expected: String) {
        #expect(Number(parsing: text)?.description == expected)
    }

    @Test(arguments: [
        "0x10", " 1", "1 ", "NaN", "1_000", "", "0b11", "infinity", "1e", ".", "1e99999999999",
        "1e-99999999999", "--1", "1.2.3", "٣", "1e+", "+", "-", "e5", "1e5.5", "1,5",
        // Terraform reads these as infinities, which Number does not have.
        "Inf", "-Inf", "+inf",
    ])
    func rejectsWhatTonumberRejects(text: String) {
        #expect(Number(parsing: text) == nil)
    }

    @Test(arguments: [
        (0.1, "0.1"), (1e-7, "0.0000001"), (1e20, "100000000000000000000"), (-2.5, "-2.5"),
        (1.4142135623730951, "1.4142135623730951"), (123456789.0, "123456789"),
        (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
        (1.7976931348623157e308, "17976931348623157" + String(repeating: "0", count: 292)),
    ])
    func convertsDoublesToTheirShortestDecimal(value: Double, expected: String) {
        #expect(Number(exactly: value)?.description == expected)
    }

    @Test func rejectsNonFiniteDoubles() {
        #expect(Number(exactly: .nan) == nil)
        #expect(Number(exactly: .infinity) == nil)
        #expect(Number(exactly: -.infinity) == nil)
    }

    @Test func convertsToDouble() throws {
        #expect(Self.literal("0.1").doubleValue == 0.1)
        #expect(Self.literal("8080").doubleValue == 8080)
        #expect(Self.literal("-2.5").doubleValue == -2.5)
        #expect(Self.literal("1e30").doubleValue == 1e30)
        #expect(Self.literal("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
        #expect(Self.literal("1e400").doubleValue == .infinity)
        #expect((-Self.literal("1e400")).doubleValue == -.infinity)
        #expect(Self.literal("1e-400").doubleValue == 0)
        #expect(try #require(Number(1).dividing(by: 3)).doubleValue == 1.0 / 3.0)
        #expect(Self.literal("9007199254740993").doubleValue == 9007199254740992)
    }

    @Test func convertsToInt() {
        #expect(Number(5).intValue == 5)
        #expect(Self.literal("1e18").intValue == 1_000_000_000_000_000_000)
        #expect(Self.literal("1e19").intValue == nil)
        #expect(Self.literal("2.5").intValue == nil)
        #expect(Self.literal("2.0").intValue == 2)
        #expect(Number(Int.max).intValue == Int.max)
        #expect(Number(Int.min).intValue == Int.min)
        #expect(Number(parsing: "-9223372036854775808")?.intValue == Int.min)
        #expect((Number(Int.max) + 1).intValue == nil)
        #expect(Number(Int.min).description == "-9223372036854775808")
        #expect((-Number(Int.min)).description == "9223372036854775808")
    }

    // MARK: Rounding to integers

    @Test(arguments: [
        ("2.5", "2", "3", "2", "2"), ("-2.5", "-3", "-2", "-2", "-2"), ("3.5", "3", "4", "3", "4"),
        ("7", "7", "7", "7", "7"), ("-1e-300", "-1", "0", "0", "0"), ("1e-300", "0", "1", "0", "0"),
        ("0.92", "0", "1", "0", "1"), ("0.9223372036854775807", "0", "1", "0", "1"),
        ("-0.5000000000000000001", "-1", "0", "0", "-1"),
        ("12345678901234567890.5", "12345678901234567890", "12345678901234567891", "12345678901234567890", "12345678901234567890"),
        ("-12345678901234567891.5", "-12345678901234567892", "-12345678901234567891", "-12345678901234567891", "-12345678901234567892"),
        ("1e30", "1" + String(repeating: "0", count: 30), "1" + String(repeating: "0", count: 30), "1" + String(repeating: "0", count: 30), "1" + String(repeating: "0", count: 30)),
    ])
    func roundsToIntegers(source: String, floor: String, ceil: String, truncated: String, rounded: String) {
        let value = Self.literal(source)
        #expect(value.floor().description == floor)
        #expect(value.ceil().description == ceil)
        #expect(value.truncated().description == truncated)
        #expect(value.rounded().description == rounded)
    }

    @Test func roundsFractionsToIntegers() throws {
        let sevenThirds = try #require(Number(7).dividing(by: 3))
        #expect(sevenThirds.floor() == 2)
        #expect(sevenThirds.ceil() == 3)
        #expect((-sevenThirds).floor() == -3)
        #expect((-sevenThirds).ceil() == -2)
        #expect(try #require(Number(5).dividing(by: 3)).rounded() == 2)
        #expect(try #require(Number(1).dividing(by: 3)).floor() == 0)
        let huge = try #require(Self.literal("1e300").dividing(by: 3))
        #expect(huge.floor().isInteger)
        #expect(huge.floor().description.hasPrefix("333333"))
    }

    @Test func magnitudeAndSign() {
        #expect(Number(-3).magnitude == 3)
        #expect(Self.literal("-1e400").magnitude == Self.literal("1e400"))
        #expect(Number(-3).isNegative && !Number(3).isNegative && !Number.zero.isNegative)
        #expect(Number.zero.isZero && !Self.literal("1e-1000000").isZero)
        #expect(Self.literal("1e400").isInteger && !Self.literal("1.5").isInteger)
    }

    // MARK: Properties over random operands

    /// SplitMix64: deterministic, so a failure reproduces.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        /// Mostly small significands (the fast path), some long ones.
        mutating func number() -> Number {
            let length = below(4) == 0 ? 1 + below(45) : 1 + below(6)
            var digits = ""
            for _ in 0..<length { digits += String(below(10)) }
            let exponent = below(41) - 20
            let sign = below(2) == 0 ? "-" : ""
            return Number(parsing: sign + digits + "e" + String(exponent)) ?? .zero
        }
    }

    @Test func magnitudeDivisionReconstructsTheDividend() {
        var random = Generator(state: 1)
        for _ in 0..<400 {
            let dividend = BigDecimalMagnitude(limbs: (0..<(1 + random.below(12))).map { _ in UInt32(random.below(1_000_000_000)) })
            var divisorLimbs = (0..<(1 + random.below(6))).map { _ in UInt32(random.below(1_000_000_000)) }
            // Top limbs just above and below half the base stress the estimate.
            if random.below(3) == 0 { divisorLimbs[divisorLimbs.count - 1] = UInt32(499_999_999 + random.below(3)) }
            let divisor = BigDecimalMagnitude(limbs: divisorLimbs)
            guard !divisor.isZero else { continue }
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
            #expect(quotient * divisor + remainder == dividend)
            #expect(BigDecimalMagnitude.compare(remainder, divisor) < 0)
        }
    }

    @Test func fastPathsAgreeWithTheGeneralForm() throws {
        var random = Generator(state: 2)
        for _ in 0..<3000 {
            let a = random.number()
            let b = random.number()
            #expect(a + b == BigDecimal.sum(a, b, subtracting: false), "\(a) + \(b)")
            #expect(a - b == BigDecimal.sum(a, b, subtracting: true), "\(a) - \(b)")
            #expect(a * b == BigDecimal.product(a.general, b.general), "\(a) * \(b)")
            #expect((a < b) == (BigDecimal.compare(a.general, b.general) < 0), "\(a) < \(b)")
            if !b.isZero {
                let quotient = try #require(a.dividing(by: b))
                #expect(quotient == BigDecimal.quotient(a.general, b.general), "\(a) / \(b)")
            }
        }
    }

    @Test func arithmeticIdentitiesHold() throws {
        var random = Generator(state: 3)
        for _ in 0..<2000 {
            let a = random.number()
            let b = random.number()
            // Operands of at most 45 digits within 10^±20: every sum and
            // product here is exact.
            #expect(a + b - b == a, "\(a) + \(b) - \(b)")
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect(Number(parsing: a.description) == a, "round trip of \(a)")
            #expect((a < b) == (b - a > .zero), "\(a) < \(b)")
            #expect((a == b) == (a.hashValue == b.hashValue) || a != b)
            guard !b.isZero else { continue }
            let quotient = try #require(a.dividing(by: b))
            #expect(quotient * b == a, "\(a) / \(b) * \(b)")
            let remainder = try #require(a.remainder(dividingBy: b))
            #expect(remainder.magnitude < b.magnitude, "\(a) % \(b)")
            #expect(remainder.isZero || remainder.isNegative == a.isNegative, "\(a) % \(b)")
            #expect(try #require((a - remainder).dividing(by: b)).isInteger, "\(a) % \(b)")
        }
    }

    @Test func extremeOperandsNeitherCrashNorHang() throws {
        let third = try #require(Number(1).dividing(by: 3))
        let longDigits = Self.literal(String(repeating: "7", count: 154))
        let values: [Number] = [
            .zero, 1, -1, 7, Self.literal("0.5"), Number(Int.max), Number(Int.min), Number(Int.max) + 1,
            Self.literal("1e1000000"), -Self.literal("1e1000000"), Self.literal("1e-1000000"),
            Self.literal("123456789e999990"), third, -third, third * Self.literal("1e1000000"),
            third * Self.literal("1e-1000000"), longDigits, try #require(Number(1).dividing(by: longDigits)),
            try #require(Number(parsing: "1p1000000")), try #require(Number(parsing: "1p-1000000")),
        ]
        for a in values {
            #expect(Number(parsing: String(a.description.prefix(200))) != nil)
            // Beyond the precision the exact integer would be rounded, so
            // floor and ceil can land on either side.
            if a.magnitude < Self.literal("1e150") {
                #expect(a.floor() <= a && a <= a.ceil(), "\(a.description.prefix(40))")
            }
            #expect(a.floor().isInteger && a.ceil().isInteger && a.truncated().isInteger)
            for b in values {
                #expect(a + b == b + a)
                #expect(a * b == b * a)
                #expect(a - b == -(b - a))
                #expect((a < b) == (b > a))
                #expect((a < b) != (a == b) || !(a < b))
                if b.isZero {
                    #expect(a.dividing(by: b) == nil)
                    #expect(a.remainder(dividingBy: b) == a)
                } else {
                    let quotient = try #require(a.dividing(by: b))
                    #expect(quotient.isZero == a.isZero)
                    #expect(try #require(a.remainder(dividingBy: b)).magnitude <= a.magnitude)
                }
            }
        }
        #expect(Number(parsing: "1p1000000")?.description.utf8.count == 301_030)
        #expect(try #require(Number(parsing: "1p10")) == 1024)
        #expect(try #require(Number(parsing: "1p-10")).description == "0.0009765625")
    }
}
