/// go-cidr's algorithms, which Terraform's `cidr*` functions are defined by,
/// over Go's byte-array addresses.
extension IPNetwork {
    /// `insertNumIntoIP`: the address with `number << (width - prefixLength)`
    /// OR-ed in, where a negative number is combined in two's complement and
    /// the magnitude of the result kept, as Go's big integers do. Nil when
    /// the result does not fit the address (Terraform panics there).
    static func inserting(
        _ magnitude: IPNetworkInteger, negative: Bool, into address: [UInt8], prefixLength: Int
    ) -> [UInt8]? {
        let totalBits = address.count * 8
        guard !magnitude.isZero else { return address }
        let (shift, overflow) = totalBits.subtractingReportingOverflow(prefixLength)
        guard !overflow, shift >= 0, shift < 128, magnitude.bitWidth + shift <= 128 else { return nil }
        let base = IPNetworkInteger(bytes: address)
        let shifted = magnitude.shiftedLeft(shift)
        let result: IPNetworkInteger
        if negative {
            let low = shifted.subtracting(.one).0
            result = (low ^ (base & low)).adding(.one).0
        } else {
            result = base | shifted
        }
        guard result.bitWidth <= totalBits else { return nil }
        return result.bytes(count: address.count)
    }

    /// `AddressRange`: the first and last addresses of the network.
    var addressRange: (first: [UInt8], last: [UInt8]) {
        let (ones, bits) = prefixLength
        if ones == bits || address.isEmpty { return (address, address) }
        let width = address.count * 8
        let hostBits = width - ones
        let last = IPNetworkInteger.allOnes(bits: hostBits) | IPNetworkInteger(bytes: address)
        return (address, last.bytes(count: address.count))
    }

    /// `PreviousSubnet`: the subnet of `prefixLength` just below this
    /// network's first address (wrapping around below zero).
    func previousSubnet(prefixLength length: Int) -> IPNetwork {
        let start = IPNetwork.ipv4Form(address) ?? address
        let previous = IPNetworkInteger(bytes: start).subtracting(.one).0.bytes(count: start.count)
        let mask = IPNetwork.mask(ones: length, bits: start.count * 8)
        return IPNetwork(address: IPNetwork.masking(previous, with: mask), mask: mask)
    }

    /// `NextSubnet`: the subnet of `prefixLength` just after this network's
    /// last address, and whether the address space wrapped around.
    func nextSubnet(prefixLength length: Int) -> (subnet: IPNetwork, rollover: Bool) {
        let currentLast = addressRange.last
        let mask = IPNetwork.mask(ones: length, bits: currentLast.count * 8)
        let current = IPNetwork(address: IPNetwork.masking(currentLast, with: mask), mask: mask)
        let last = current.addressRange.last
        let following = IPNetworkInteger(bytes: last).adding(.one).0.bytes(count: last.count)
        let next = IPNetwork(address: IPNetwork.masking(following, with: mask), mask: mask)
        return (next, following.allSatisfy { $0 == 0 })
    }
}
