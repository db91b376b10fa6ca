extension FunctionLibrary {
    /// Hash and crypto functions: digests of strings and files, bcrypt,
    /// RSA decryption and UUIDs.
    static var cryptoFunctions: [Function] {
        var functions: [Function] = [
            stringHash("md5", .md5, encoding: Digest.hex, "Computes the MD5 hash of a string, in hexadecimal."),
            stringHash("sha1", .sha1, encoding: Digest.hex, "Computes the SHA1 hash of a string, in hexadecimal."),
            stringHash("sha256", .sha256, encoding: Digest.hex, "Computes the SHA256 hash of a string, in hexadecimal."),
            stringHash("sha512", .sha512, encoding: Digest.hex, "Computes the SHA512 hash of a string, in hexadecimal."),
            stringHash("base64sha256", .sha256, encoding: Digest.base64, "Computes the SHA256 hash of a string, encoded with base64."),
            stringHash("base64sha512", .sha512, encoding: Digest.base64, "Computes the SHA512 hash of a string, encoded with base64."),
            fileHash("filemd5", .md5, encoding: Digest.hex, "Computes the MD5 hash of a file's contents, in hexadecimal."),
            fileHash("filesha1", .sha1, encoding: Digest.hex, "Computes the SHA1 hash of a file's contents, in hexadecimal."),
            fileHash("filesha256", .sha256, encoding: Digest.hex, "Computes the SHA256 hash of a file's contents, in hexadecimal."),
            fileHash("filesha512", .sha512, encoding: Digest.hex, "Computes the SHA512 hash of a file's contents, in hexadecimal."),
            fileHash("filebase64sha256", .sha256, encoding: Digest.base64, "Computes the SHA256 hash of a file's contents, encoded with base64."),
            fileHash("filebase64sha512", .sha512, encoding: Digest.base64, "Computes the SHA512 hash of a file's contents, encoded with base64."),
        ]
        functions += [
            Function(
                name: "bcrypt",
                parameters: [FunctionParameter("str", .string)],
                variadic: FunctionParameter("cost", .number),
                returnType: .string, isImpure: true,
                summary: "Computes a hash of a string with the Blowfish-based bcrypt algorithm (cost 10 unless given)."
            ) { arguments, _ throws(FunctionError) in
                try bcrypt(arguments)
            },
            Function(
                name: "rsadecrypt",
                parameters: [FunctionParameter("ciphertext", .string), FunctionParameter("privatekey", .string)],
                returnType: .string,
                summary: "Decrypts a base64-encoded RSA ciphertext (PKCS #1 v1.5 padding) with a PEM private key."
            ) { arguments, _ throws(FunctionError) in
                .string(try RSADecryption.decrypt(ciphertext: arguments[0].stringValue!, privateKey: arguments[1].stringValue!))
            },
            Function(
                name: "uuid", parameters: [], returnType: .string, isImpure: true,
                summary: "Generates a random (version 4) UUID."
            ) { _, _ in
                var generator = SystemRandomNumberGenerator()
                var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes[6] = bytes[6] & 0x0F | 0x40
                bytes[8] = bytes[8] & 0x3F | 0x80
                return .string(UUIDText.format(bytes))
            },
            Function(
                name: "uuidv5",
                parameters: [FunctionParameter("namespace", .string), FunctionParameter("name", .string)],
                returnType: .string,
                summary: "Generates the name-based (version 5, SHA-1) UUID of a name within a namespace."
            ) { arguments, _ throws(FunctionError) in
                let namespaceText = arguments[0].stringValue!
                let namespace: [UInt8]
                do throws(UUIDText.Invalid) {
                    namespace = try UUIDText.namespace(namespaceText)
                } catch {
                    throw FunctionError(argument: 0, "Invalid value for \"namespace\" parameter: uuidv5() doesn't support namespace \(namespaceText) (\(error.reason)).")
                }
                var bytes = Array(Digest.sha1.hash(namespace + Array(arguments[1].stringValue!.utf8)).prefix(16))
                bytes[6] = bytes[6] & 0x0F | 0x50
                bytes[8] = bytes[8] & 0x3F | 0x80
                return .string(UUIDText.format(bytes))
            },
        ]
        return functions
    }

    private static func stringHash(
        _ name: String, _ digest: Digest, encoding: @escaping @Sendable ([UInt8]) -> String, _ summary: String
    ) -> Function {
        Function(name: name, parameters: [FunctionParameter("str", .string)], returnType: .string, summary: summary) { arguments, _ in
            .string(encoding(digest.hash(arguments[0].stringValue!)))
        }
    }

    private static func fileHash(
        _ name: String, _ digest: Digest, encoding: @escaping @Sendable ([UInt8]) -> String, _ summary: String
    ) -> Function {
        Function(
            name: name, parameters: [FileArgument.parameter], returnType: .string, handlesMarks: true, summary: summary
        ) { arguments, context throws(FunctionError) in
            try FileArgument.withPath(arguments[0], returning: .string) { file throws(FunctionError) in
                .string(encoding(digest.hash(try file.bytesForHashing(context))))
            }
        }
    }

    private static func bcrypt(_ arguments: [Value]) throws(FunctionError) -> Value {
        var cost = Bcrypt.defaultCost
        if arguments.count > 1 {
            guard let number = arguments[1].numberValue, number.isInteger, let integer = number.intValue else {
                throw FunctionError(argument: 1, "Invalid value for \"cost\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807.")
            }
            cost = integer
        }
        if arguments.count > 2 {
            throw FunctionError(argument: 2, "Invalid value for \"cost\" parameter: bcrypt() takes no more than two arguments.")
        }
        do throws(Bcrypt.Failure) {
            return .string(try Bcrypt.hash(password: Array(arguments[0].stringValue!.utf8), cost: cost))
        } catch {
            switch error {
            case .costOutOfRange(let cost):
                throw FunctionError(argument: 1, "Invalid value for \"cost\" parameter: error occurred generating password crypto/bcrypt: cost \(cost) is outside allowed range (\(Bcrypt.minimumCost),\(Bcrypt.maximumCost)).")
            case .passwordTooLong, .invalidSalt:
                throw FunctionError(argument: 0, "Invalid value for \"str\" parameter: error occurred generating password bcrypt: password length exceeds \(Bcrypt.maximumPasswordLength) bytes.")
            }
        }
    }
}

/// UUIDs as text: formatting, and reading the namespaces `uuidv5` accepts.
enum UUIDText {
    struct Invalid: Error {
        let reason: String
    }

    /// The usual 8-4-4-4-12 lower-case form.
    static func format(_ bytes: [UInt8]) -> String {
        let hex = Array(Digest.hex(bytes))
        var text = ""
        for (index, character) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append("-") }
            text.append(character)
        }
        return text
    }

    /// The 16 bytes of a namespace: a well-known name ("dns", "url",
    /// "oid", "x500") or a UUID in any of the forms Go's uuid.Parse
    /// reads (plain, braced, "urn:uuid:" prefixed, or 32 bare digits).
    static func namespace(_ text: String) throws(Invalid) -> [UInt8] {
        let wellKnown: [String: UInt8] = ["dns": 0x10, "url": 0x11, "oid": 0x12, "x500": 0x14]
        if let second = wellKnown[text] {
            // The RFC 4122 namespaces differ only in their first byte.
            return [0x6B, 0xA7, 0xB8, second, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]
        }
        var bytes = Array(text.utf8)
        switch bytes.count {
        case 36:
            break
        case 45:
            let prefix = String(decoding: bytes[0..<9], as: UTF8.self)
            guard prefix.lowercased() == "urn:uuid:" else { throw Invalid(reason: "invalid urn prefix: \(prefix.goQuoted)") }
            bytes.removeFirst(9)
        case 38:
            bytes.removeFirst()
        case 32:
            var result: [UInt8] = []
            for index in stride(from: 0, to: 32, by: 2) {
                guard let byte = hexByte(bytes[index], bytes[index + 1]) else { throw Invalid(reason: "invalid UUID format") }
                result.append(byte)
            }
            return result
        default:
            throw Invalid(reason: "invalid UUID length: \(bytes.count)")
        }
        let dash = UInt8(ascii: "-")
        guard bytes[8] == dash, bytes[13] == dash, bytes[18] == dash, bytes[23] == dash else {
            throw Invalid(reason: "invalid UUID format")
        }
        var result: [UInt8] = []
        for offset in [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34] {
            guard let byte = hexByte(bytes[offset], bytes[offset + 1]) else { throw Invalid(reason: "invalid UUID format") }
            result.append(byte)
        }
        return result
    }

    private static func hexByte(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let h = hexValue(high), let l = hexValue(low) else { return nil }
        return h << 4 | l
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
