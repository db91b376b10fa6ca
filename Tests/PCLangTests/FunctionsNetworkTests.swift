import Testing
@testable import PCLang

// Expected results and messages were taken from Terraform 1.11.4's
// `terraform console`. Where Terraform panics (numbers that do not fit the
// address), an error is expected instead.

private func str(_ text: String) -> Value { .string(text) }
private func num(_ text: String) -> Value { .number(Number(parsing: text)!) }
private let context = FunctionContext(baseDirectory: ".")

private func call(_ name: String, _ arguments: [Value]) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    return try library.call(library.function(named: name)!, arguments: arguments, context: context)
}

struct NetworkCase: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [String]
    let expected: String
    var testDescription: String { "\(function)(\(arguments.joined(separator: ", ")))" }

    init(_ function: String, _ arguments: [String], _ expected: String) {
        self.function = function
        self.arguments = arguments
        self.expected = expected
    }

    /// The first argument is a string, the others numbers.
    var values: [Value] {
        arguments.enumerated().map { $0.offset == 0 ? str($0.element) : num($0.element) }
    }
}

private let results: [NetworkCase] = [
    .init("cidrhost", ["10.12.112.0/20", "16"], "10.12.112.16"),
    .init("cidrhost", ["10.12.112.0/20", "268"], "10.12.113.12"),
    .init("cidrhost", ["10.12.112.0/20", "-1"], "10.12.127.255"),
    .init("cidrhost", ["10.12.112.0/20", "-4096"], "10.12.112.0"),
    .init("cidrhost", ["10.12.112.0/20", "4095"], "10.12.127.255"),
    .init("cidrhost", ["fd00:fd12:3456:7890:00a2::/72", "34"], "fd00:fd12:3456:7890::22"),
    .init("cidrhost", ["fd00:fd12:3456:7890::/56", "-1"], "fd00:fd12:3456:78ff:ffff:ffff:ffff:ffff"),
    .init("cidrhost", ["::/0", "-1"], "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    .init("cidrhost", ["::/0", "340282366920938463463374607431768211455"], "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    .init("cidrhost", ["010.0.0.0/8", "1"], "10.0.0.1"),
    .init("cidrhost", ["10.0.0.1/8", "0"], "10.0.0.0"),
    .init("cidrhost", ["10.0.0.0/08", "1"], "10.0.0.1"),
    .init("cidrhost", ["::ffff:10.0.0.0/104", "5"], "0:5::ffff:a00:0"),
    .init("cidrhost", ["::ffff:1.2.3.4/120", "1"], "0:1::ffff:102:300"),
    .init("cidrhost", ["::ffff:1.2.3.4/128", "0"], "1.2.3.4"),
    .init("cidrhost", ["1.2.3.4/32", "0"], "1.2.3.4"),
    .init("cidrhost", ["1.2.3.4/32", "-1"], "1.2.3.4"),
    .init("cidrhost", ["2001:db8::/126", "3"], "2001:db8::3"),
    .init("cidrhost", ["::1:2:3:4/128", "0"], "::1:2:3:4"),
    .init("cidrhost", ["1::/64", "65536"], "1::1:0"),
    .init("cidrhost", ["::/64", "18446744073709551617"], "::1:0:0:0:1"),
    .init("cidrhost", ["::1.2.3.4/120", "1"], "::102:301"),
    .init("cidrhost", ["1:2:3:4:5:6:1.2.3.4/120", "1"], "1:2:3:4:5:6:102:301"),
    .init("cidrhost", ["FD00::/8", "10"], "fd00::a"),
    .init("cidrhost", ["2001:db8:0:0:1:0:0:1/128", "0"], "2001:db8::1:0:0:1"),
    .init("cidrhost", ["2001:0:0:1:0:0:0:1/128", "0"], "2001:0:0:1::1"),
    .init("cidrhost", ["0:0:0:0:0:ffff:0102:0304/128", "0"], "1.2.3.4"),
    .init("cidrnetmask", ["172.16.0.0/12"], "255.240.0.0"),
    .init("cidrnetmask", ["10.0.0.0/0"], "0.0.0.0"),
    .init("cidrnetmask", ["10.0.0.0/32"], "255.255.255.255"),
    .init("cidrnetmask", ["::ffff:10.0.0.0/104"], "ffff:ffff:ffff:ffff:ffff:ffff:ff00:0"),
    .init("cidrsubnet", ["172.16.0.0/12", "4", "2"], "172.18.0.0/16"),
    .init("cidrsubnet", ["10.1.2.0/24", "4", "15"], "10.1.2.240/28"),
    .init("cidrsubnet", ["10.1.2.0/24", "0", "0"], "10.1.2.0/24"),
    .init("cidrsubnet", ["10.1.2.0/24", "-1", "0"], "10.1.2.0/23"),
    .init("cidrsubnet", ["10.1.2.0/24", "4", "-1"], "0.0.0.16/28"),
    .init("cidrsubnet", ["fd00:fd12:3456:7890::/56", "16", "162"], "fd00:fd12:3456:7800:a200::/72"),
    .init("cidrsubnet", ["fd00::/8", "64", "5"], "fd00::500:0:0:0/72"),
    .init("cidrsubnet", ["fd00::/8", "120", "5"], "fd00::5/128"),
    .init("cidrsubnet", ["fd00::/8", "4", "-3"], "30::/12"),
    .init("cidrsubnet", ["::/0", "64", "18446744073709551615"], "ffff:ffff:ffff:ffff::/64"),
    .init("cidrsubnet", ["::/0", "100", "18446744073709551616"], "0:0:1000::/100"),
    .init("cidrsubnet", ["::/0", "128", "3"], "::3/128"),
    .init("cidrsubnet", ["::ffff:10.0.0.0/104", "8", "1"], "10.1.0.0/16"),
    .init("cidrsubnet", ["10.0.0.0/8", "24", "16777215"], "10.255.255.255/32"),
    .init("cidrsubnet", ["10.0.0.0/8", "-8", "0"], "10.0.0.0/0"),
    .init("cidrsubnet", ["10.0.0.0/8", "-9", "0"], "<nil>"),
]

private let subnets: [(arguments: [String], expected: [String])] = [
    (["10.1.0.0/16", "4", "4", "8", "4"], ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]),
    (["fd00:fd12:3456:7890::/56", "16", "16", "16", "32"],
     ["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"]),
    (["10.1.0.0/16"], []),
]

struct NetworkFailure: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [String]
    let argument: Int
    let message: String
    var testDescription: String { "\(function)(\(arguments.joined(separator: ", ")))" }

    init(_ function: String, _ arguments: [String], _ argument: Int, _ message: String) {
        self.function = function
        self.arguments = arguments
        self.argument = argument
        self.message = message
    }
}

private let failures: [NetworkFailure] = [
    .init("cidrhost", ["10.12.112.0/20", "-4097"], 1, "Invalid value for \"hostnum\" parameter: prefix of 20 does not accommodate a host numbered -1."),
    .init("cidrhost", ["10.12.112.0/20", "4096"], 1, "Invalid value for \"hostnum\" parameter: prefix of 20 does not accommodate a host numbered 4096."),
    .init("cidrhost", ["10.0.0.0/24", "300"], 1, "Invalid value for \"hostnum\" parameter: prefix of 24 does not accommodate a host numbered 300."),
    .init("cidrhost", ["1.2.3.4/32", "1"], 1, "Invalid value for \"hostnum\" parameter: prefix of 32 does not accommodate a host numbered 1."),
    // Terraform panics on these two.
    .init("cidrhost", ["::/0", "340282366920938463463374607431768211456"], 1,
          "Invalid value for \"hostnum\" parameter: prefix of 0 does not accommodate a host numbered 340282366920938463463374607431768211456."),
    .init("cidrhost", ["10.0.0.0/8", "18446744073709551617"], 1,
          "Invalid value for \"hostnum\" parameter: prefix of 8 does not accommodate a host numbered 18446744073709551617."),
    .init("cidrhost", ["10.0.0.0/8", "1.5"], 1, "Invalid value for \"hostnum\" parameter: value must be a whole number."),
    .init("cidrhost", ["10.0.0.0", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 10.0.0.0."),
    .init("cidrhost", ["10.0.0.0/33", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33."),
    .init("cidrhost", [" 10.0.0.0/8", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address:  10.0.0.0/8."),
    .init("cidrhost", ["1.2.3.4/-1", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 1.2.3.4/-1."),
    .init("cidrhost", ["1.2.3.256/8", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 1.2.3.256/8."),
    .init("cidrhost", ["1:2:3:4:5:6:7:8:9/64", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 1:2:3:4:5:6:7:8:9/64."),
    .init("cidrhost", ["1::2::3/64", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 1::2::3/64."),
    .init("cidrnetmask", ["fd00::/8"], 0, "Invalid value for \"prefix\" parameter: IPv6 addresses cannot have a netmask: fd00::/8."),
    .init("cidrnetmask", ["10.0.0.0/ 8"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: 10.0.0.0/ 8."),
    .init("cidrsubnet", ["10.1.2.0/24", "4", "16"], 2, "Invalid value for \"netnum\" parameter: prefix extension of 4 does not accommodate a subnet numbered 16."),
    .init("cidrsubnet", ["10.0.0.0/8", "2", "-5"], 2, "Invalid value for \"netnum\" parameter: prefix extension of 2 does not accommodate a subnet numbered -5."),
    .init("cidrsubnet", ["10.0.0.0/8", "24", "16777216"], 2, "Invalid value for \"netnum\" parameter: prefix extension of 24 does not accommodate a subnet numbered 16777216."),
    .init("cidrsubnet", ["::/0", "64", "18446744073709551616"], 2, "Invalid value for \"netnum\" parameter: prefix extension of 64 does not accommodate a subnet numbered 18446744073709551616."),
    .init("cidrsubnet", ["10.1.2.0/24", "9", "0"], 1, "Invalid value for \"newbits\" parameter: insufficient address space to extend prefix of 24 by 9."),
    .init("cidrsubnet", ["fd00::/8", "121", "5"], 1, "Invalid value for \"newbits\" parameter: insufficient address space to extend prefix of 8 by 121."),
    .init("cidrsubnet", ["10.0.0.0/8", "64", "0"], 1, "Invalid value for \"newbits\" parameter: insufficient address space to extend prefix of 8 by 64."),
    .init("cidrsubnet", ["10.0.0.0/8", "1.5", "1"], 1, "Invalid value for \"newbits\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807."),
    .init("cidrsubnet", ["10.0.0.0/8", "9223372036854775808", "0"], 1, "Invalid value for \"newbits\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807."),
    .init("cidrsubnet", ["10.0.0.0/8", "2", "1.5"], 2, "Invalid value for \"netnum\" parameter: value must be a whole number."),
    .init("cidrsubnets", ["10.1.0.0/16", "0"], 1, "Invalid value for \"newbits\" parameter: must extend prefix by at least one bit."),
    .init("cidrsubnets", ["10.0.0.0/8", "8", "-1"], 2, "Invalid value for \"newbits\" parameter: must extend prefix by at least one bit."),
    .init("cidrsubnets", ["10.1.0.0/16", "33"], 1, "Invalid value for \"newbits\" parameter: may not extend prefix by more than 32 bits."),
    .init("cidrsubnets", ["10.1.0.0/16", "17"], 1, "Invalid value for \"newbits\" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address."),
    .init("cidrsubnets", ["fd00::/120", "10"], 1, "Invalid value for \"newbits\" parameter: would extend prefix to 130 bits, which is too long for an IPv6 address."),
    .init("cidrsubnets", ["10.1.0.0/16", "1", "1", "1"], 3, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 17 bits after 10.1.128.0/17."),
    .init("cidrsubnets", ["10.1.0.0/16", "1", "2", "1"], 3, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 17 bits after 10.1.128.0/18."),
    .init("cidrsubnets", ["10.1.0.0/16", "2", "1", "2"], 3, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 18 bits after 10.1.128.0/17."),
    .init("cidrsubnets", ["0.0.0.0/0", "1", "1"], 1, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1."),
    .init("cidrsubnets", ["::/0", "32", "32"], 1, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 32 bits after ffff:ffff::/32."),
    .init("cidrsubnets", ["::ffff:10.0.0.0/104", "8", "8"], 1, "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 112 bits after <nil>."),
    .init("cidrsubnets", ["bad", "1"], 0, "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: bad."),
    .init("cidrsubnets", ["10.0.0.0/8", "8", "1.5"], 2, "Invalid value for \"newbits\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807."),
]

@Suite("IP network functions")
struct FunctionsNetworkTests {
    @Test(arguments: results)
    func result(_ example: NetworkCase) throws {
        #expect(try call(example.function, example.values) == str(example.expected))
    }

    @Test func consecutiveSubnets() throws {
        for (arguments, expected) in subnets {
            let values = arguments.enumerated().map { $0.offset == 0 ? str($0.element) : num($0.element) }
            #expect(try call("cidrsubnets", values) == .list(strings: expected), "cidrsubnets(\(arguments))")
        }
    }

    @Test(arguments: failures)
    func failure(_ example: NetworkFailure) {
        let values = example.arguments.enumerated().map { $0.offset == 0 ? str($0.element) : num($0.element) }
        #expect(throws: FunctionError(argument: example.argument, example.message)) {
            try call(example.function, values)
        }
    }

    @Test func numbersGivenAsStringsAreConverted() throws {
        #expect(try call("cidrhost", [str("10.0.0.0/8"), str("5")]) == str("10.0.0.5"))
    }

    @Test func unknownAndSensitiveArguments() throws {
        #expect(try call("cidrhost", [.unknown(.string), num("1")]) == .unknown(.string))
        #expect(try call("cidrsubnets", [str("10.0.0.0/8"), .unknown(.number)]) == .unknown(.list(.string)))
        #expect(try call("cidrnetmask", [str("10.0.0.0/8").marked()]) == str("255.0.0.0").marked())
    }

    @Test func nullPrefixIsRejected() {
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"prefix\" parameter: argument must not be null.")) {
            try call("cidrnetmask", [.null(.string)])
        }
    }
}
