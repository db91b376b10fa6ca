import COpenSSL

/// `rsadecrypt`: PKCS #1 v1.5 decryption with a PEM-encoded RSA private key
/// (PKCS #1 "RSA PRIVATE KEY" or PKCS #8 "PRIVATE KEY"), through OpenSSL.
enum RSADecryption {
    static func decrypt(ciphertext: String, privateKey: String) throws(FunctionError) -> String {
        guard let input = Digest.decodeBase64(ciphertext) else {
            throw FunctionError(argument: 0, "Invalid value for \"ciphertext\" parameter: failed to decode input \(ciphertext.goQuoted): cipher text must be base64-encoded.")
        }
        let key = try PrivateKey(pem: privateKey)
        guard let output = key.decrypt(input) else {
            throw FunctionError(argument: 0, "Invalid value for \"ciphertext\" parameter: failed to decrypt: decryption error; the ciphertext was not produced with this key's public key, or is damaged.")
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func invalidKey(_ message: String) -> FunctionError {
        FunctionError(argument: 1, "Invalid value for \"privatekey\" parameter: \(message).")
    }

    /// The one block of a PEM document that holds a key: its type label,
    /// headers and decoded bytes.
    struct PEMBlock {
        var type: String
        var headers: [String]
        var bytes: [UInt8]

        /// The first well-formed block, as Go's `pem.Decode` finds it: the
        /// BEGIN line at the start of the text or of a line.
        init?(_ text: String) {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            var index = 0
            while index < lines.count {
                let line = lines[index]
                index += 1
                guard line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 else { continue }
                let type = String(line.dropFirst(11).dropLast(5))
                var headers: [String] = []
                var body = ""
                var closed = false
                var inHeaders = true
                var cursor = index
                while cursor < lines.count {
                    let content = lines[cursor].trimmingSpaces
                    cursor += 1
                    if content == "-----END \(type)-----" {
                        closed = true
                        break
                    }
                    if inHeaders && content.contains(":") {
                        headers.append(String(content))
                        continue
                    }
                    inHeaders = false
                    body += content
                }
                if closed, let bytes = Digest.decodeBase64(body) {
                    self.type = type
                    self.headers = headers
                    self.bytes = bytes
                    return
                }
            }
            return nil
        }
    }

    /// An OpenSSL key, freed with its owner.
    final class PrivateKey {
        private let key: OpaquePointer

        init(pem: String) throws(FunctionError) {
            guard let block = PEMBlock(pem) else { throw invalidKey("invalid private key: no PEM-encoded key found") }
            if block.headers.contains(where: { $0.hasPrefix("Proc-Type") && $0.contains("ENCRYPTED") }) {
                throw invalidKey("invalid private key: the key is protected by a passphrase; decrypt it first")
            }
            switch block.type {
            case "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY":
                break
            case "OPENSSH PRIVATE KEY":
                throw invalidKey("invalid private key: keys in the OpenSSH format are not supported; convert it to PEM, for example with ssh-keygen -p -m PEM")
            default:
                throw invalidKey("invalid private key: unsupported key type \(block.type.goQuoted)")
            }
            guard !block.bytes.isEmpty else { throw invalidKey("invalid ASN1 data in the given private key") }
            let parsed: OpaquePointer? = block.bytes.withUnsafeBufferPointer { buffer in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
            }
            guard let parsed else {
                ERR_clear_error()
                throw invalidKey("invalid ASN1 data in the given private key")
            }
            guard EVP_PKEY_get_base_id(parsed) == NID_rsaEncryption else {
                EVP_PKEY_free(parsed)
                throw invalidKey("invalid private key type: the key is not an RSA key")
            }
            key = parsed
        }

        deinit {
            EVP_PKEY_free(key)
        }

        /// The plaintext, or nil when the ciphertext does not decrypt.
        func decrypt(_ input: [UInt8]) -> [UInt8]? {
            defer { ERR_clear_error() }
            guard !input.isEmpty, let context = EVP_PKEY_CTX_new(key, nil) else { return nil }
            defer { EVP_PKEY_CTX_free(context) }
            guard EVP_PKEY_decrypt_init(context) == 1 else { return nil }
            disableImplicitRejection(context)
            var length = 0
            guard input.withUnsafeBufferPointer({ EVP_PKEY_decrypt(context, nil, &length, $0.baseAddress, $0.count) }) == 1 else {
                return nil
            }
            var output = [UInt8](repeating: 0, count: max(length, 1))
            let status = input.withUnsafeBufferPointer { inputBuffer in
                output.withUnsafeMutableBufferPointer { outputBuffer in
                    EVP_PKEY_decrypt(context, outputBuffer.baseAddress, &length, inputBuffer.baseAddress, inputBuffer.count)
                }
            }
            guard status == 1 else { return nil }
            return Array(output[0..<length])
        }

        /// OpenSSL 3.2 and later answer bad padding with random bytes
        /// rather than an error; Terraform reports an error, so ask for
        /// that. Older versions do not know the parameter and ignore it.
        private func disableImplicitRejection(_ context: OpaquePointer) {
            var off: UInt32 = 0
            "implicit-rejection".withCString { name in
                withUnsafeMutableBytes(of: &off) { value in
                    var parameters = [
                        OSSL_PARAM(key: name, data_type: UInt32(OSSL_PARAM_UNSIGNED_INTEGER), data: value.baseAddress,
                                   data_size: value.count, return_size: 0),
                        OSSL_PARAM(key: nil, data_type: 0, data: nil, data_size: 0, return_size: 0),
                    ]
                    _ = EVP_PKEY_CTX_set_params(context, &parameters)
                }
            }
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
