extension FunctionLibrary {
    /// IP network functions: `cidrhost`, `cidrnetmask`, `cidrsubnet`,
    /// `cidrsubnets`, for IPv4 and IPv6.
    static var networkFunctions: [Function] {
        [
            Function(
                name: "cidrhost",
                parameters: [FunctionParameter("prefix", .string), FunctionParameter("hostnum", .number)],
                returnType: .string,
                summary: "Calculates a full host IP address for a given host number within a given IP network address prefix."
            ) { arguments, _ throws(FunctionError) in
                let hostNumber = try NetworkArguments.wholeNumber(arguments[1], argument: 1, parameter: "hostnum")
                let network = try NetworkArguments.network(arguments[0], argument: 0)
                return .string(try NetworkArguments.host(network, number: hostNumber, original: arguments[1].numberValue!))
            },
            Function(
                name: "cidrnetmask",
                parameters: [FunctionParameter("prefix", .string)],
                returnType: .string,
                summary: "Converts an IPv4 address prefix given in CIDR notation into a subnet mask address."
            ) { arguments, _ throws(FunctionError) in
                let network = try NetworkArguments.network(arguments[0], argument: 0)
                guard IPNetwork.ipv4Form(network.address) != nil else {
                    throw FunctionError(argument: 0, "Invalid value for \"prefix\" parameter: IPv6 addresses cannot have a netmask: \(arguments[0].stringValue!).")
                }
                return .string(IPNetwork.format(network.mask))
            },
            Function(
                name: "cidrsubnet",
                parameters: [
                    FunctionParameter("prefix", .string), FunctionParameter("newbits", .number),
                    FunctionParameter("netnum", .number),
                ],
                returnType: .string,
                summary: "Calculates a subnet address within a given IP network address prefix."
            ) { arguments, _ throws(FunctionError) in
                let newBits = try NetworkArguments.integer(arguments[1], argument: 1, parameter: "newbits")
                let netNumber = try NetworkArguments.wholeNumber(arguments[2], argument: 2, parameter: "netnum")
                let network = try NetworkArguments.network(arguments[0], argument: 0)
                return .string(try NetworkArguments.subnet(
                    network, newBits: newBits, number: netNumber, original: arguments[2].numberValue!))
            },
            Function(
                name: "cidrsubnets",
                parameters: [FunctionParameter("prefix", .string)],
                variadic: FunctionParameter("newbits", .number),
                returnType: .list(.string),
                summary: "Calculates a sequence of consecutive IP address ranges within a particular CIDR prefix."
            ) { arguments, _ throws(FunctionError) in
                let network = try NetworkArguments.network(arguments[0], argument: 0)
                return .list(strings: try NetworkArguments.subnets(network, lengths: Array(arguments.dropFirst())))
            },
        ]
    }
}

/// Argument checks and the arithmetic behind the `cidr*` functions, with
/// Terraform's messages.
enum NetworkArguments {
    /// An integer argument as sign and magnitude; a nil magnitude means it
    /// does not fit 128 bits.
    struct WholeNumber {
        var negative: Bool
        var magnitude: IPNetworkInteger?
    }

    static func invalid(_ argument: Int, _ parameter: String, _ message: String) -> FunctionError {
        FunctionError(argument: argument, "Invalid value for \"\(parameter)\" parameter: \(message).")
    }

    static func network(_ value: Value, argument: Int) throws(FunctionError) -> IPNetwork {
        let text = value.stringValue ?? ""
        guard let network = IPNetwork(cidr: text) else {
            throw invalid(argument, "prefix", "invalid CIDR expression: invalid CIDR address: \(text)")
        }
        return network
    }

    static func wholeNumber(_ value: Value, argument: Int, parameter: String) throws(FunctionError) -> WholeNumber {
        guard let number = value.numberValue, number.isInteger else {
            throw invalid(argument, parameter, "value must be a whole number")
        }
        var digits = Substring(number.description)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        return WholeNumber(negative: negative, magnitude: IPNetworkInteger(decimal: digits))
    }

    /// A number that must fit Go's `int`, as Terraform requires of prefix
    /// lengths.
    static func integer(_ value: Value, argument: Int, parameter: String) throws(FunctionError) -> Int {
        guard let number = value.numberValue, number.isInteger, let integer = number.intValue else {
            throw invalid(argument, parameter,
                          "value must be a whole number, between -9223372036854775808 and 9223372036854775807")
        }
        return integer
    }

    /// go-cidr's `HostBig`; a negative host number counts back from the
    /// last address.
    static func host(_ network: IPNetwork, number: WholeNumber, original: Number) throws(FunctionError) -> String {
        let (parentLength, addressLength) = network.prefixLength
        let maxHost = IPNetworkInteger.allOnes(bits: addressLength - parentLength)
        func outOfRange(_ shown: Number) -> FunctionError {
            invalid(1, "hostnum", "prefix of \(parentLength) does not accommodate a host numbered \(shown.description)")
        }
        let hostNumber: IPNetworkInteger
        if number.negative {
            // Counting from the end: -1 is the last address.
            let shown = Number(parsing: maxHost.decimalDescription).map { $0 + original + Number(1) } ?? original
            guard let magnitude = number.magnitude else { throw outOfRange(shown) }
            let fromEnd = magnitude.subtracting(.one).0
            guard fromEnd <= maxHost else { throw outOfRange(shown) }
            hostNumber = maxHost.subtracting(fromEnd).0
        } else {
            guard let magnitude = number.magnitude else { throw outOfRange(original) }
            // Go converts the number to int64 for this check, so numbers
            // of 2^63 and more escape it; the insertion below still
            // catches those that do not fit.
            if Int64(bitPattern: magnitude.low) >= 0, IPNetworkInteger(magnitude.low) > maxHost {
                throw outOfRange(original)
            }
            hostNumber = magnitude
        }
        let width = IPNetwork.ipv4Form(network.address) != nil ? 32 : 128
        guard let address = IPNetwork.inserting(hostNumber, negative: false, into: network.address, prefixLength: width) else {
            throw outOfRange(original)
        }
        return IPNetwork.format(address)
    }

    /// go-cidr's `SubnetBig`.
    static func subnet(
        _ network: IPNetwork, newBits: Int, number: WholeNumber, original: Number
    ) throws(FunctionError) -> String {
        let (parentLength, addressLength) = network.prefixLength
        let newLength = parentLength &+ newBits
        guard newLength <= addressLength else {
            throw invalid(1, "newbits", "insufficient address space to extend prefix of \(parentLength) by \(newBits)")
        }
        let outOfRange = invalid(2, "netnum", "prefix extension of \(newBits) does not accommodate a subnet numbered \(original.description)")
        // Go computes the limit in uint64: extensions of 64 bits or more
        // (and negative ones) allow any 64-bit number.
        let maxNumber: UInt64 = newBits >= 0 && newBits < 64 ? (UInt64(1) << UInt64(newBits)) - 1 : .max
        guard let magnitude = number.magnitude, magnitude.low <= maxNumber else { throw outOfRange }
        guard let address = IPNetwork.inserting(
            magnitude, negative: number.negative, into: network.address, prefixLength: newLength)
        else { throw outOfRange }
        return IPNetwork(address: address, mask: IPNetwork.mask(ones: newLength, bits: addressLength)).description
    }

    /// Terraform's `cidrsubnets`: consecutive subnets, each starting after
    /// the previous one, all within the network.
    static func subnets(_ network: IPNetwork, lengths: [Value]) throws(FunctionError) -> [String] {
        guard !lengths.isEmpty else { return [] }
        let first = try integer(lengths[0], argument: 1, parameter: "newbits")
        let start = network.prefixLength.ones
        let width = network.address.count * 8
        // Go's PreviousSubnet shortens an IPv4-mapped address to 4 bytes and
        // then finds no mask: nothing after it fits.
        let mapped = width == 128 && IPNetwork.ipv4Form(network.address) != nil
        var current = network.previousSubnet(prefixLength: first &+ start)
        var results: [String] = []
        for (offset, lengthValue) in lengths.enumerated() {
            let argument = offset + 1
            let extensionBits = try integer(lengthValue, argument: argument, parameter: "newbits")
            guard extensionBits >= 1 else { throw invalid(argument, "newbits", "must extend prefix by at least one bit") }
            guard extensionBits <= 32 else { throw invalid(argument, "newbits", "may not extend prefix by more than 32 bits") }
            let length = extensionBits + start
            guard length <= width else {
                let protocolName = width == 32 ? "IPv4" : "IPv6"
                throw invalid(argument, "newbits", "would extend prefix to \(length) bits, which is too long for an \(protocolName) address")
            }
            guard !mapped else {
                throw invalid(argument, "newbits", "not enough remaining address space for a subnet with a prefix of \(length) bits after <nil>")
            }
            let (next, rollover) = current.nextSubnet(prefixLength: length)
            guard !rollover, network.contains(next.address) else {
                throw invalid(argument, "newbits", "not enough remaining address space for a subnet with a prefix of \(length) bits after \(current.description)")
            }
            current = next
            results.append(next.description)
        }
        return results
    }
}
