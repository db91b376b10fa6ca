import COpenSSL
import Testing

/// Known answers through OpenSSL's EVP and HMAC interfaces, proving the
/// module map, the link flags and the calling conventions at once.
@Suite struct OpenSSLTests {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8? = nil
        for char in hex.utf8 {
            let nibble: UInt8 = char <= 0x39 ? char - 0x30 : (char | 0x20) - 0x61 + 10
            if let h = high {
                out.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return out
    }

    static func sha256(_ message: [UInt8]) throws -> String {
        let context = try #require(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        #expect(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1)
        let updated = message.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        #expect(updated == 1)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        #expect(EVP_DigestFinal_ex(context, &digest, &length) == 1)
        return hex(digest.prefix(Int(length)))
    }

    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256KnownAnswers(message: String, expected: String) throws {
        #expect(try Self.sha256(Array(message.utf8)) == expected)
    }

    /// RFC 4231, test case 2: a short key and a short message.
    @Test func hmacSHA256RFC4231TestCase2() {
        let key = Array("Jefe".utf8)
        let message = Array("what do ya want for nothing?".utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBuffer in
            message.withUnsafeBytes { messageBuffer in
                HMAC(
                    EVP_sha256(),
                    keyBuffer.baseAddress, Int32(keyBuffer.count),
                    messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBuffer.count,
                    &digest, &length
                )
            }
        }
        #expect(result != nil)
        #expect(Self.hex(digest.prefix(Int(length)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// RFC 4231, test case 1: a 20-byte key of 0x0b.
    @Test func hmacSHA256RFC4231TestCase1() {
        let key = [UInt8](repeating: 0x0B, count: 20)
        let message = Self.bytes(hex: "4869205468657265") // "Hi There"
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &digest, &length)
        #expect(Self.hex(digest.prefix(Int(length)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func versionTextNamesOpenSSL3OrLater() {
        let text = String(cString: pc_openssl_version_text())
        #expect(text.hasPrefix("OpenSSL "))
        // 0xMNN00PP0L: major in the top nibble.
        #expect(pc_openssl_version_number() >> 28 >= 3)
    }
}
