import COpenSSL
import Foundation

/// The message digests behind the hash functions, computed by OpenSSL, and
/// the two ways Terraform writes them out. Shared by everything in pcplan
/// that hashes (plan files, `local_file`, SigV4).
public enum Digest: Sendable {
    case md5, sha1, sha256, sha512

    private var algorithm: OpaquePointer? {
        switch self {
        case .md5: EVP_md5()
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha512: EVP_sha512()
        }
    }

    /// The digest of `bytes`.
    public func hash(_ bytes: some ContiguousBytes) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                // A zero-length buffer may have no base address; OpenSSL
                // needs a valid pointer even for no bytes.
                withUnsafeBytes(of: 0) { empty in
                    EVP_Digest(input.baseAddress ?? empty.baseAddress, input.count, out.baseAddress, &length, algorithm, nil)
                }
            }
        }
        // The digests are always available; a failure here would be a
        // broken OpenSSL installation.
        precondition(status == 1, "OpenSSL digest failed")
        return Array(output[0..<Int(length)])
    }

    public func hash(_ text: String) -> [UInt8] {
        hash(Array(text.utf8))
    }

    // MARK: Encodings

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Lower-case hexadecimal.
    public static func hex(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Standard base64 with padding (RFC 4648 §4).
    static func base64(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let group = UInt32(bytes[index]) << 16
                | (remaining > 1 ? UInt32(bytes[index + 1]) << 8 : 0)
                | (remaining > 2 ? UInt32(bytes[index + 2]) : 0)
            text.append(base64Alphabet[Int(group >> 18 & 63)])
            text.append(base64Alphabet[Int(group >> 12 & 63)])
            text.append(remaining > 1 ? base64Alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            text.append(remaining > 2 ? base64Alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Standard base64 as Go's `StdEncoding` decodes it: padding required,
    /// line breaks ignored; nil when malformed.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = base64Value(byte) else { return nil }
            values.append(value)
        }
        guard (values.count + padding) % 4 == 0, padding <= 2, padding == 0 || values.count % 4 + padding == 4 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3 / 4)
        var bits: UInt32 = 0, count = 0
        for value in values {
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 8 {
                count -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return bytes
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
