/// An IP network prefix ("10.0.0.0/16", "fd00::/56") as Terraform's `cidr*`
/// functions see it.
///
/// Terraform computes with Go's `net` package and `go-cidr`, whose
/// representation leaks into results: an IPv4 network is 4 bytes, an IPv6
/// one 16, and an IPv4-mapped IPv6 prefix ("::ffff:10.0.0.0/104") is 16
/// bytes that print as IPv4. This type keeps that representation (address
/// and mask as byte arrays, empty for Go's nil) so results match byte for
/// byte, including in the odd corners.
struct IPNetwork: Sendable {
    /// The network address, masked: 4 or 16 bytes, or empty.
    var address: [UInt8]
    /// 4 or 16 bytes, or empty when the prefix length was out of range.
    var mask: [UInt8]

    init(address: [UInt8], mask: [UInt8]) {
        self.address = address
        self.mask = mask
    }

    /// Parses CIDR notation as Terraform does: decimal IPv4 parts may have
    /// leading zeros, the prefix length must be plain digits.
    init?(cidr text: String) {
        let bytes = Array(text.utf8)
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let addressPart = bytes[..<slash], lengthPart = bytes[(slash + 1)...]
        var length = 4
        var parsed = IPNetwork.parseIPv4(addressPart)
        if parsed == nil {
            length = 16
            parsed = IPNetwork.parseIPv6(addressPart)
        }
        guard let address = parsed, let (prefix, used) = IPNetwork.decimal(lengthPart),
              used == lengthPart.count, prefix <= length * 8 else { return nil }
        let mask = IPNetwork.mask(ones: prefix, bits: length * 8)
        self.init(address: IPNetwork.masking(address, with: mask), mask: mask)
    }

    // MARK: Go's net package semantics

    /// `IPMask.Size()`: the prefix length and the mask's width in bits,
    /// (0, 0) for a mask that is not a prefix.
    var prefixLength: (ones: Int, bits: Int) {
        var ones = 0
        var seenZero = false
        for byte in mask {
            for bit in stride(from: 7, through: 0, by: -1) {
                if byte & (1 << bit) != 0 {
                    if seenZero { return (0, 0) }
                    ones += 1
                } else {
                    seenZero = true
                }
            }
        }
        return (ones, mask.count * 8)
    }

    /// `net.CIDRMask`: empty when the lengths make no mask.
    static func mask(ones: Int, bits: Int) -> [UInt8] {
        guard bits == 32 || bits == 128, ones >= 0, ones <= bits else { return [] }
        return IPNetworkInteger.allOnes(bits: ones).shiftedLeft(bits - ones).bytes(count: bits / 8)
    }

    /// `IP.Mask`: mixes of 4- and 16-byte forms are reconciled as Go does;
    /// empty when they cannot be.
    static func masking(_ address: [UInt8], with mask: [UInt8]) -> [UInt8] {
        var address = address, mask = mask
        if mask.count == 16, address.count == 4, mask[..<12].allSatisfy({ $0 == 0xFF }) {
            mask = Array(mask[12...])
        }
        if mask.count == 4, address.count == 16, address[..<12].elementsEqual(v4InV6Prefix) {
            address = Array(address[12...])
        }
        guard address.count == mask.count else { return [] }
        return zip(address, mask).map { $0 & $1 }
    }

    /// `IP.To4`: the IPv4 form of a 4-byte or IPv4-mapped 16-byte address.
    static func ipv4Form(_ address: [UInt8]) -> [UInt8]? {
        if address.count == 4 { return address }
        if address.count == 16, address[..<12].elementsEqual(v4InV6Prefix) { return Array(address[12...]) }
        return nil
    }

    static let v4InV6Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]

    /// `IPNet.Contains`.
    func contains(_ address: [UInt8]) -> Bool {
        guard let (network, mask) = networkAndMask else { return false }
        let candidate = IPNetwork.ipv4Form(address) ?? address
        guard candidate.count == network.count else { return false }
        for index in network.indices where network[index] & mask[index] != candidate[index] & mask[index] {
            return false
        }
        return true
    }

    /// `networkNumberAndMask`: address and mask brought to the same width.
    private var networkAndMask: (address: [UInt8], mask: [UInt8])? {
        let network = IPNetwork.ipv4Form(address) ?? address
        guard network.count == 4 || network.count == 16 else { return nil }
        var networkMask = mask
        switch networkMask.count {
        case 4:
            guard network.count == 4 else { return nil }
        case 16:
            if network.count == 4 { networkMask = Array(networkMask[12...]) }
        default:
            return nil
        }
        return (network, networkMask)
    }

    /// `IPNet.String()`: "10.0.0.0/8", or "<nil>" for what Go cannot show.
    var description: String {
        guard let (network, mask) = networkAndMask else { return "<nil>" }
        let shown = IPNetwork(address: [], mask: mask).prefixLength
        if shown.bits == 0 && !mask.isEmpty {
            return IPNetwork.format(network) + "/" + mask.map { IPNetwork.hexByte($0) }.joined()
        }
        return IPNetwork.format(network) + "/" + String(shown.ones)
    }

    /// `IP.String()`: dotted IPv4 for 4-byte and IPv4-mapped addresses,
    /// RFC 5952 text (the first longest run of two or more zero groups
    /// shortened to "::") for IPv6.
    static func format(_ address: [UInt8]) -> String {
        if address.isEmpty { return "<nil>" }
        if let v4 = ipv4Form(address) {
            return v4.map { String($0) }.joined(separator: ".")
        }
        guard address.count == 16 else { return "?" + address.map { hexByte($0) }.joined() }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(address[index]) << 8 | UInt16(address[index + 1]))
        }
        var zeroStart = -1, zeroEnd = -1
        var index = 0
        while index < 8 {
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index >= 2 && end - index > zeroEnd - zeroStart {
                zeroStart = index
                zeroEnd = end
            }
            index = max(end, index + 1)
        }
        var text = ""
        index = 0
        while index < 8 {
            if index == zeroStart {
                text += "::"
                index = zeroEnd
                if index >= 8 { break }
            } else if index > 0 {
                text += ":"
            }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    // MARK: Parsing, as Terraform's ipaddr package does it

    /// Leading decimal digits: the value and how many bytes were used;
    /// nil when there are none or the value is absurdly large.
    private static func decimal(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0, used = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            used += 1
            if value >= 0xFFFFFF { return nil }
        }
        return used == 0 ? nil : (value, used)
    }

    private static func hexadecimal(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0, used = 0
        for byte in bytes {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return used == 0 ? nil : (value, used)
            }
            value = value * 16 + digit
            used += 1
            if value >= 0xFFFFFF { return nil }
        }
        return used == 0 ? nil : (value, used)
    }

    /// Four decimal parts, as a 16-byte IPv4-mapped address (Go's form
    /// before masking shortens it).
    static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var rest = text
        var parts: [UInt8] = []
        for part in 0..<4 {
            if rest.isEmpty { return nil }
            if part > 0 {
                guard rest.first == UInt8(ascii: ".") else { return nil }
                rest = rest.dropFirst()
            }
            guard let (value, used) = decimal(rest), value <= 0xFF else { return nil }
            rest = rest.dropFirst(used)
            parts.append(UInt8(value))
        }
        guard rest.isEmpty else { return nil }
        return v4InV6Prefix + parts
    }

    static func parseIPv6(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var address = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        var rest = text
        if rest.count >= 2, rest.first == UInt8(ascii: ":"), rest.dropFirst().first == UInt8(ascii: ":") {
            ellipsis = 0
            rest = rest.dropFirst(2)
            if rest.isEmpty { return address }
        }
        var index = 0
        while index < 16 {
            guard let (value, used) = hexadecimal(rest), value <= 0xFFFF else { return nil }
            if used < rest.count, rest[rest.startIndex + used] == UInt8(ascii: ".") {
                guard ellipsis >= 0 || index == 12, index + 4 <= 16, let v4 = parseIPv4(rest) else { return nil }
                address.replaceSubrange(index..<(index + 4), with: v4[12...])
                rest = rest.dropFirst(rest.count)
                index += 4
                break
            }
            address[index] = UInt8(value >> 8)
            address[index + 1] = UInt8(value & 0xFF)
            index += 2
            rest = rest.dropFirst(used)
            if rest.isEmpty { break }
            guard rest.first == UInt8(ascii: ":"), rest.count > 1 else { return nil }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: ":") {
                guard ellipsis < 0 else { return nil }
                ellipsis = index
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            }
        }
        guard rest.isEmpty else { return nil }
        if index < 16 {
            guard ellipsis >= 0 else { return nil }
            let gap = 16 - index
            for position in stride(from: index - 1, through: ellipsis, by: -1) {
                address[position + gap] = address[position]
            }
            for position in ellipsis..<(ellipsis + gap) {
                address[position] = 0
            }
        } else if ellipsis >= 0 {
            return nil
        }
        return address
    }
}
