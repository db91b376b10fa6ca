/// bcrypt password hashing (Provos and Mazières, 1999) as Go's
/// `golang.org/x/crypto/bcrypt` produces it for Terraform's `bcrypt`
/// function: the "$2a$" variant, the password's trailing NUL included in
/// the key, 23 of the 24 encrypted bytes encoded.
///
/// OpenSSL has Blowfish only in its legacy provider, and bcrypt needs the
/// expensive key schedule anyway, so the cipher is written out here.
enum Bcrypt {
    static let minimumCost = 4
    static let maximumCost = 31
    static let defaultCost = 10
    static let maximumPasswordLength = 72

    enum Failure: Error, Equatable {
        case costOutOfRange(Int)
        case passwordTooLong
        case invalidSalt
    }

    /// Hashes `password` with a fresh random salt. A cost below the
    /// minimum means the default, as in Go.
    static func hash(password: [UInt8], cost: Int) throws(Failure) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return try hash(password: password, cost: cost, salt: salt)
    }

    /// Hashes with a given 16-byte salt: deterministic, for known answers.
    static func hash(password: [UInt8], cost requestedCost: Int, salt: [UInt8]) throws(Failure) -> String {
        guard password.count <= maximumPasswordLength else { throw .passwordTooLong }
        let cost = requestedCost < minimumCost ? defaultCost : requestedCost
        guard cost <= maximumCost else { throw .costOutOfRange(cost) }
        guard salt.count == 16 else { throw .invalidSalt }
        var state = BlowfishState()
        let key = password + [0]
        state.expensiveSetup(key: key, salt: salt, cost: cost)
        // "OrpheanBeholderScryDoubt", as six big-endian words.
        var words: [UInt32] = [0x4F72_7068, 0x6561_6E42, 0x6568_6F6C, 0x6465_7253, 0x6372_7944, 0x6F75_6274]
        for block in stride(from: 0, to: 6, by: 2) {
            var left = words[block], right = words[block + 1]
            for _ in 0..<64 {
                state.encrypt(&left, &right)
            }
            words[block] = left
            words[block + 1] = right
        }
        var output: [UInt8] = []
        output.reserveCapacity(24)
        for word in words {
            output += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$\(costText)$" + encode(salt) + encode(Array(output[0..<23]))
    }

    /// Checks `password` against a hash this type (or any "$2a$"/"$2b$"
    /// implementation) produced.
    static func verify(password: [UInt8], hash: String) -> Bool {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, ["2a", "2b", "2y"].contains(parts[1]),
              let cost = Int(parts[2]), cost >= minimumCost, parts[3].count == 53,
              let salt = decode(parts[3].prefix(22)), salt.count == 16,
              let computed = try? self.hash(password: password, cost: cost, salt: salt)
        else { return false }
        return computed.dropFirst(7) == hash.dropFirst(7)
    }

    // MARK: bcrypt's base64

    private static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Base64 with bcrypt's alphabet and no padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            result.append(alphabet[Int(group >> 18 & 63)])
            result.append(alphabet[Int(group >> 12 & 63)])
            if remaining > 1 { result.append(alphabet[Int(group >> 6 & 63)]) }
            if remaining > 2 { result.append(alphabet[Int(group & 63)]) }
            index += 3
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func decode(_ text: Substring) -> [UInt8]? {
        var bits: UInt32 = 0, count = 0
        var result: [UInt8] = []
        for character in text.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 8 {
                count -= 8
                result.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return result
    }
}

/// The Blowfish P-array and S-boxes, modified in place by the key schedule.
private struct BlowfishState {
    /// P-array (18 words) then the four S-boxes (256 words each), in one
    /// buffer so the hot loop indexes a single array.
    var words: [UInt32]

    init() {
        words = Bcrypt.initialP + Bcrypt.initialS0 + Bcrypt.initialS1 + Bcrypt.initialS2 + Bcrypt.initialS3
    }

    /// EksBlowfishSetup: the salted key expansion, then 2^cost rounds of
    /// alternately expanding with the key and with the salt.
    mutating func expensiveSetup(key: [UInt8], salt: [UInt8], cost: Int) {
        words.withUnsafeMutableBufferPointer { state in
            BlowfishState.expand(state, key: key, salt: salt)
            for _ in 0..<(1 << cost) {
                BlowfishState.expand(state, key: key, salt: nil)
                BlowfishState.expand(state, key: salt, salt: nil)
            }
        }
    }

    mutating func encrypt(_ left: inout UInt32, _ right: inout UInt32) {
        words.withUnsafeMutableBufferPointer { state in
            BlowfishState.encrypt(state, &left, &right)
        }
    }

    /// The next 32 bits of `bytes`, read cyclically from `position`.
    private static func nextWord(_ bytes: [UInt8], _ position: inout Int) -> UInt32 {
        var word: UInt32 = 0
        for _ in 0..<4 {
            if position >= bytes.count { position = 0 }
            word = word << 8 | UInt32(bytes[position])
            position += 1
        }
        return word
    }

    private static func expand(_ state: UnsafeMutableBufferPointer<UInt32>, key: [UInt8], salt: [UInt8]?) {
        var keyPosition = 0
        for index in 0..<18 {
            state[index] ^= nextWord(key, &keyPosition)
        }
        var left: UInt32 = 0, right: UInt32 = 0
        var saltPosition = 0
        for index in stride(from: 0, to: state.count, by: 2) {
            if let salt {
                left ^= nextWord(salt, &saltPosition)
                right ^= nextWord(salt, &saltPosition)
            }
            encrypt(state, &left, &right)
            state[index] = left
            state[index + 1] = right
        }
    }

    @inline(__always)
    private static func encrypt(_ state: UnsafeMutableBufferPointer<UInt32>, _ left: inout UInt32, _ right: inout UInt32) {
        var l = left, r = right
        for round in stride(from: 0, to: 16, by: 2) {
            l ^= state[round]
            r ^= feistel(state, l)
            r ^= state[round + 1]
            l ^= feistel(state, r)
        }
        left = r ^ state[17]
        right = l ^ state[16]
    }

    @inline(__always)
    private static func feistel(_ state: UnsafeMutableBufferPointer<UInt32>, _ x: UInt32) -> UInt32 {
        let a = state[18 + Int(x >> 24)]
        let b = state[18 + 256 + Int(x >> 16 & 0xFF)]
        let c = state[18 + 512 + Int(x >> 8 & 0xFF)]
        let d = state[18 + 768 + Int(x & 0xFF)]
        return ((a &+ b) ^ c) &+ d
    }
}
