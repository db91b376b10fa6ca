import Foundation
import Testing
@testable import PCLang

// Expected digests, UUIDs and messages were taken from Terraform 1.11.4's
// `terraform console`; bcrypt vectors are OpenWall's published ones (also
// reproduced with libxcrypt). The RSA key below was generated for these
// tests with `openssl genrsa -traditional 1024` (and converted with
// `openssl pkcs8 -topk8 -nocrypt`); the ciphertexts with
// `openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:pkcs1`.

private func str(_ text: String) -> Value { .string(text) }

private func call(_ name: String, _ arguments: [Value], context: FunctionContext = FunctionContext(baseDirectory: ".", allowsImpureResults: true)) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    return try library.call(library.function(named: name)!, arguments: arguments, context: context)
}

private let pkcs1Key = """
-----BEGIN RSA PRIVATE KEY-----
MIICXQIBAAKBgQCytT919zu8vmy7PFUvquBYnXT9kapopWzts636hWH5TVlMPLeC
K3WoDebPs4bsL7hgtG0jxSV+sy1cr13hXWXg8XtonA2RAAmD92PCr3eg2ypr7HXf
TSU+C61/AJSPNlm92C/U8cSTahnuR1VivfxuZIYNfC6VadNKPKxHlsn7bwIDAQAB
AoGAPNUv7hMj9aMI1k+6W8iaJ/Apk+uTC55MTzob3iyrZjbrT+VXPmtW2Mcqq8dc
BWhVJi4k/Mkuc0vBBEz58y5c8DzS6fTMHakb4aN6IIUqMS0jpacduIHrhDrB7WkE
cZG5d0BxTxKyqMLEUtTXSpVwJDlXYjrXMjH4iTwFgRHDn9ECQQDhPpxgT2lVLISg
O8VZsq8PwDlelEQIoMNM+9NbyH6K6A0wd80bo4K/IaWwo3GFvRHpfVU2agMcxebF
JRNVEhGZAkEAyxv1VE9y08zvX9WKVryNXxRgffvdto7CcFESBqjCvWEhssNW19Gv
mxZUiE3FPQkq9amVfRipSKv/Coc/vYQqRwJAc0i/cs/SQqTZcMWG2cUJss8Yzd6m
/5+AtjtBz31Lvz7L2V3H3fiPZ9IJ4uGUrfW6YD4kygfyddyYo5i5T1ZDKQJBAK1B
TCR/IRRK3GaDYV5buLxCRY0yLA5t+K6WeSn1CylAkd5LgujWlVVV1wXuUTGfgGXO
IxZy0vSKwyPX+ydOdkECQQDfm5UkOhL35MuTABPkyQb2B3z9iNxKRCVX1gWu2TCE
QJpA4Z8BulSdJMulhepWxqEjW1Syzyf9xs0vYEBvsekj
-----END RSA PRIVATE KEY-----
"""

private let pkcs8Key = """
-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBALK1P3X3O7y+bLs8
VS+q4FiddP2RqmilbO2zrfqFYflNWUw8t4IrdagN5s+zhuwvuGC0bSPFJX6zLVyv
XeFdZeDxe2icDZEACYP3Y8Kvd6DbKmvsdd9NJT4LrX8AlI82Wb3YL9TxxJNqGe5H
VWK9/G5khg18LpVp00o8rEeWyftvAgMBAAECgYA81S/uEyP1owjWT7pbyJon8CmT
65MLnkxPOhveLKtmNutP5Vc+a1bYxyqrx1wFaFUmLiT8yS5zS8EETPnzLlzwPNLp
9MwdqRvho3oghSoxLSOlpx24geuEOsHtaQRxkbl3QHFPErKowsRS1NdKlXAkOVdi
OtcyMfiJPAWBEcOf0QJBAOE+nGBPaVUshKA7xVmyrw/AOV6URAigw0z701vIforo
DTB3zRujgr8hpbCjcYW9Eel9VTZqAxzF5sUlE1USEZkCQQDLG/VUT3LTzO9f1YpW
vI1fFGB9+922jsJwURIGqMK9YSGyw1bX0a+bFlSITcU9CSr1qZV9GKlIq/8Khz+9
hCpHAkBzSL9yz9JCpNlwxYbZxQmyzxjN3qb/n4C2O0HPfUu/PsvZXcfd+I9n0gni
4ZSt9bpgPiTKB/J13JijmLlPVkMpAkEArUFMJH8hFErcZoNhXlu4vEJFjTIsDm34
rpZ5KfULKUCR3kuC6NaVVVXXBe5RMZ+AZc4jFnLS9IrDI9f7J052QQJBAN+blSQ6
Evfky5MAE+TJBvYHfP2I3EpEJVfWBa7ZMIRAmkDhnwG6VJ0ky6WF6lbGoSNbVLLP
J/3GzS9gQG+x6SM=
-----END PRIVATE KEY-----
"""

private let ecKey = """
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIOwry88EDvPWYAatO92y5kfWwQ/C+f7RfJhjWlrR/D/DoAoGCCqGSM49
AwEHoUQDQgAEDxFDa9Jf3Z8tCaL5yYZB63nudvPAhgXN5Vt2zIzgZ8SgHfKTZWh2
wIP2O37IOKlrLPPuaFu/UNtzBxSqTLE5ng==
-----END EC PRIVATE KEY-----
"""

/// "Hello, pcplan!" encrypted with the key's public half.
private let ciphertext = "RZxMjaQIisjtokkNhaHOW9Sn/llIJUYjQqQU8KLk+7g1DWVNi6aHDLclG0ZFeUgqZGc+AIAus3+pHRen/4KBmMaD4+8TGi4EyTWgbnIvnFmP4JcHKIvZdbK2MKajA5QxNYjqLVAqzG8B99jGhz84pnJbdeM3FbQa0+zjtlPVjyo="
/// The empty string encrypted with the same key.
private let emptyCiphertext = "h2zqqMQAJNX/HWCZQJy+brlKTrNBeSbUM5/nzz2UZPyA+8o03te5bEGNx3qB4V32eThS4fNRnKVNXpwnYBd87K8mRfvOApU6e2wBWeGr5Bciz3j2J9xqvy/QvlR7zzoicpkN5eMxIiS8OgMph8x3todEvi0KY+nMRGdcn+CoxH0="

struct StringHashCase: Sendable, CustomTestStringConvertible {
    let function: String
    let input: String
    let expected: String
    var testDescription: String { "\(function)(\(input.debugDescription))" }
    init(_ function: String, _ input: String, _ expected: String) {
        self.function = function
        self.input = input
        self.expected = expected
    }
}

private let stringHashes: [StringHashCase] = [
    .init("md5", "hello world", "5eb63bbbe01eeed093cb22bb8f5acdc3"),
    .init("md5", "", "d41d8cd98f00b204e9800998ecf8427e"),
    .init("md5", "héllo wörld ✓", "aa0c8a307a4488bfe0cb56530da19bc3"),
    .init("sha1", "hello world", "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"),
    .init("sha1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    .init("sha256", "hello world", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"),
    .init("sha256", "héllo", "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179"),
    .init("sha512", "hello world", "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"),
    .init("sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
    .init("base64sha256", "hello world", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="),
    .init("base64sha256", "", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
    .init("base64sha512", "hello world", "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="),
    .init("base64sha512", "a", "H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1MChgxlK/CNVgJSql50IQVG82n7u86MEs/HlXsmUv6adQ=="),
    .init("uuidv5", "dns|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "url|https://www.terraform.io/", "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"),
    .init("uuidv5", "oid|1.2.3", "42d5e23b-3a02-5135-85c6-52d1102f1f00"),
    .init("uuidv5", "x500|cn=x", "a951fb6d-5aab-5a72-8e2e-9aa8df8d1f8f"),
    .init("uuidv5", "dns|", "4ebd0208-8328-5d69-8c44-ec50939c0967"),
    .init("uuidv5", "url|héllo", "102d6fae-a0b0-5a7a-b980-5e8cfb1690db"),
    .init("uuidv5", "6ba7b810-9dad-11d1-80b4-00c04fd430c8|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "6ba7b8109dad11d180b400c04fd430c8|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8|www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
    .init("uuidv5", "{6ba7b810-9dad-11d1-80b4-00c04fd430c8)|x", "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"),
]

struct CryptoFailure: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [String]
    let argument: Int
    let message: String
    var testDescription: String { "\(function) \(message)" }
    init(_ function: String, _ arguments: [String], _ argument: Int, _ message: String) {
        self.function = function
        self.arguments = arguments
        self.argument = argument
        self.message = message
    }
}

private let failures: [CryptoFailure] = [
    .init("uuidv5", ["DNS", "x"], 0, "Invalid value for \"namespace\" parameter: uuidv5() doesn't support namespace DNS (invalid UUID length: 3)."),
    .init("uuidv5", ["6ba7b810-9dad-11d1-80b4-00c04fd430cx", "x"], 0, "Invalid value for \"namespace\" parameter: uuidv5() doesn't support namespace 6ba7b810-9dad-11d1-80b4-00c04fd430cx (invalid UUID format)."),
    .init("uuidv5", ["6ba7b810x9dad-11d1-80b4-00c04fd430c8", "x"], 0, "Invalid value for \"namespace\" parameter: uuidv5() doesn't support namespace 6ba7b810x9dad-11d1-80b4-00c04fd430c8 (invalid UUID format)."),
    .init("uuidv5", ["uri:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x"], 0, "Invalid value for \"namespace\" parameter: uuidv5() doesn't support namespace uri:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8 (invalid urn prefix: \"uri:uuid:\")."),
    .init("rsadecrypt", ["abc", "x"], 0, "Invalid value for \"ciphertext\" parameter: failed to decode input \"abc\": cipher text must be base64-encoded."),
    .init("rsadecrypt", ["!!", "x"], 0, "Invalid value for \"ciphertext\" parameter: failed to decode input \"!!\": cipher text must be base64-encoded."),
    .init("rsadecrypt", ["YWJj", "x"], 1, "Invalid value for \"privatekey\" parameter: invalid private key: no PEM-encoded key found."),
    .init("rsadecrypt", ["YWJj", "-----BEGIN RSA PRIVATE KEY-----\nYWJj\n-----END RSA PRIVATE KEY-----\n"], 1, "Invalid value for \"privatekey\" parameter: invalid ASN1 data in the given private key."),
    .init("rsadecrypt", ["YWJj", "-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n"], 1, "Invalid value for \"privatekey\" parameter: invalid private key: unsupported key type \"CERTIFICATE\"."),
    .init("rsadecrypt", [ciphertext, ecKey], 1, "Invalid value for \"privatekey\" parameter: invalid private key type: the key is not an RSA key."),
    .init("rsadecrypt", ["YWJj", pkcs1Key], 0, "Invalid value for \"ciphertext\" parameter: failed to decrypt: decryption error; the ciphertext was not produced with this key's public key, or is damaged."),
    .init("rsadecrypt", ["", pkcs1Key], 0, "Invalid value for \"ciphertext\" parameter: failed to decrypt: decryption error; the ciphertext was not produced with this key's public key, or is damaged."),
    .init("rsadecrypt", [ciphertext.replacingOccurrences(of: "A", with: "B"), pkcs1Key], 0, "Invalid value for \"ciphertext\" parameter: failed to decrypt: decryption error; the ciphertext was not produced with this key's public key, or is damaged."),
]

@Suite("Hash and crypto functions")
struct FunctionsCryptoTests {
    @Test(arguments: stringHashes)
    func stringHash(_ example: StringHashCase) throws {
        let arguments = example.input.split(separator: "|", omittingEmptySubsequences: false).map { str(String($0)) }
        #expect(try call(example.function, arguments) == str(example.expected))
    }

    @Test(arguments: failures)
    func failure(_ example: CryptoFailure) {
        #expect(throws: FunctionError(argument: example.argument, example.message)) {
            try call(example.function, example.arguments.map(str))
        }
    }

    @Test func fileHashes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("hello.txt", Array("hello\n".utf8))
        try directory.write("bin.dat", [0xFF, 0xFE])
        let context = FunctionContext(baseDirectory: directory.path)
        let expected: [(String, String, String)] = [
            ("filemd5", "hello.txt", "b1946ac92492d2347c6235b4d2611184"),
            ("filesha1", "hello.txt", "f572d396fae9206628714fb2ce00f72e94f2258f"),
            ("filesha256", "hello.txt", "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"),
            ("filesha512", "hello.txt", "e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629"),
            ("filebase64sha256", "hello.txt", "WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM="),
            ("filebase64sha512", "hello.txt", "58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ=="),
            ("filemd5", "bin.dat", "f3b25701fe362ec84616a93a45ce9998"),
            ("filebase64sha256", "./bin.dat", "s9UQ7wQnXKjmmOWzy7Ds45Se+SUvDNyDnp7jR0CaIgk="),
            ("filesha1", directory.path + "/hello.txt", "f572d396fae9206628714fb2ce00f72e94f2258f"),
        ]
        for (function, path, digest) in expected {
            #expect(try call(function, [str(path)], context: context) == str(digest), "\(function)(\(path))")
        }
        #expect(try call("filemd5", [str("hello.txt").marked()], context: context) == str("b1946ac92492d2347c6235b4d2611184").marked())
        #expect(try call("filemd5", [.unknown(.string)], context: context) == .unknown(.string))
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: open \(directory.path)/nope.txt: no such file or directory.")) {
            try call("filesha1", [str("nope.txt")], context: context)
        }
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: read \(directory.path): is a directory.")) {
            try call("filesha1", [str(".")], context: context)
        }
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: open (sensitive value): no such file or directory.")) {
            try call("filesha1", [str("nope.txt").marked()], context: context)
        }
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: failed to expand ~: cannot expand user-specific home dir.")) {
            try call("filesha1", [str("~x")], context: context)
        }
    }

    @Test func rsaDecryption() throws {
        #expect(try call("rsadecrypt", [str(ciphertext), str(pkcs1Key)]) == str("Hello, pcplan!"))
        #expect(try call("rsadecrypt", [str(ciphertext), str(pkcs8Key)]) == str("Hello, pcplan!"))
        #expect(try call("rsadecrypt", [str(emptyCiphertext), str(pkcs1Key)]) == str(""))
        // Text around the PEM block and a wrapped ciphertext are accepted.
        let wrapped = String(ciphertext.prefix(64)) + "\n" + String(ciphertext.dropFirst(64))
        #expect(try call("rsadecrypt", [str(wrapped), str("key follows\n" + pkcs1Key + "\ntrailer")]) == str("Hello, pcplan!"))
        #expect(try call("rsadecrypt", [str(ciphertext), str(pkcs1Key).marked()]) == str("Hello, pcplan!").marked())
    }

    /// OpenWall's crypt_blowfish test vectors: fixed salts, cost 5.
    @Test(arguments: [
        ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
        ("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"),
        ("U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a"),
        ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
        ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
         "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"),
    ])
    func bcryptKnownAnswers(password: String, hash: String) throws {
        let salt = try #require(Bcrypt.decode(hash.dropFirst(7).prefix(22)))
        #expect(try Bcrypt.hash(password: Array(password.utf8), cost: 5, salt: salt) == hash)
        #expect(Bcrypt.verify(password: Array(password.utf8), hash: hash))
        #expect(!Bcrypt.verify(password: Array((password + "x").utf8), hash: hash))
    }

    @Test func bcryptFunction() throws {
        // Hashes Terraform produced for "hello" (cost 4) and "" (cost 4).
        #expect(Bcrypt.verify(password: Array("hello".utf8), hash: "$2a$04$LWFXEGjPaKJfAtcEn0dR8.eH1TmQ7rTxl8hp2QXhb/Ghlk.nU.siS"))
        #expect(Bcrypt.verify(password: [], hash: "$2a$04$WMBiz43KMFhgGO/cKSNRyO4lBzEq7D52nHzSZyTcHsMkWwBekxC7K"))
        let hash = try #require(try call("bcrypt", [str("secret"), .number(4)]).stringValue)
        #expect(hash.hasPrefix("$2a$04$") && hash.count == 60)
        #expect(Bcrypt.verify(password: Array("secret".utf8), hash: hash))
        let other = try #require(try call("bcrypt", [str("secret"), .number(4)]).stringValue)
        #expect(other != hash, "each hash has a fresh salt")
        // A cost below the minimum means the default, as in Go.
        #expect(try call("bcrypt", [str("x"), .number(3)]).stringValue?.hasPrefix("$2a$10$") == true)
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"cost\" parameter: error occurred generating password crypto/bcrypt: cost 32 is outside allowed range (4,31).")) {
            try call("bcrypt", [str("x"), .number(32)])
        }
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"cost\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807.")) {
            try call("bcrypt", [str("x"), .number(Number(parsing: "4.5")!)])
        }
        #expect(throws: FunctionError(argument: 2, "Invalid value for \"cost\" parameter: bcrypt() takes no more than two arguments.")) {
            try call("bcrypt", [str("x"), .number(4), .number(5)])
        }
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"str\" parameter: error occurred generating password bcrypt: password length exceeds 72 bytes.")) {
            try call("bcrypt", [str(String(repeating: "a", count: 73)), .number(4)])
        }
    }

    @Test func impureFunctionsAreUnknownWhilePlanning() throws {
        let planning = FunctionContext(baseDirectory: ".")
        #expect(try call("bcrypt", [str("x")], context: planning) == .unknown(.string))
        #expect(try call("uuid", [], context: planning) == .unknown(.string))
        #expect(try call("bcrypt", [str("x").marked()], context: planning) == Value.unknown(.string).marked())
    }

    @Test func randomUUIDs() throws {
        let first = try #require(try call("uuid", []).stringValue)
        let second = try #require(try call("uuid", []).stringValue)
        #expect(first != second)
        let pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(first.wholeMatch(of: pattern) != nil, "\(first) is a version 4 UUID")
    }

    @Test func unknownAndSensitiveArguments() throws {
        #expect(try call("sha256", [.unknown(.string)]) == .unknown(.string))
        #expect(try call("md5", [str("").marked()]) == str("d41d8cd98f00b204e9800998ecf8427e").marked())
        #expect(try call("uuidv5", [str("dns"), str("").marked()]) == str("4ebd0208-8328-5d69-8c44-ec50939c0967").marked())
    }
}

/// A directory under the system's temporary directory, removed when the
/// value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pcplan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Array(text.utf8))
    }
}
