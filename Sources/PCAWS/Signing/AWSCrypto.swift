import COpenSSL
import PCLang

/// SHA-256 and HMAC-SHA256 through OpenSSL, the two primitives SigV4 is
/// built from, and the lower-case hex AWS writes digests in. The digest and
/// the hex are PCLang's `Digest`, which every hashing part of pcplan uses.
enum AWSCrypto {
    /// The SHA-256 digest of `bytes` (32 bytes).
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Digest.sha256.hash(bytes)
    }

    static func sha256(_ text: String) -> [UInt8] {
        sha256(Array(text.utf8))
    }

    /// HMAC-SHA256 of `message` under `key` (32 bytes).
    static func hmacSHA256(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                output.withUnsafeMutableBufferPointer { out in
                    withUnsafeBytes(of: 0) { empty in
                        HMAC(
                            EVP_sha256(),
                            keyBytes.baseAddress ?? empty.baseAddress, Int32(keyBytes.count),
                            (messageBytes.baseAddress ?? empty.baseAddress)?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                            out.baseAddress, &length
                        )
                    }
                }
            }
        }
        precondition(result != nil && length == 32, "OpenSSL HMAC-SHA256 failed")
        return Array(output[0..<32])
    }

    static func hmacSHA256(key: [UInt8], _ message: String) -> [UInt8] {
        hmacSHA256(key: key, Array(message.utf8))
    }

    /// Lower-case hexadecimal, as SigV4 requires for hashes and signatures.
    static func hex(_ bytes: [UInt8]) -> String {
        Digest.hex(bytes)
    }
}
