import COpenSSL
import PCConfig
import PCLang

/// A SHA-256 over every configuration file of the module tree, so a saved
/// plan can tell whether the configuration changed since it was made.
public enum ConfigurationDigest {
    public static func of(_ root: Module) -> String {
        guard let context = EVP_MD_CTX_new() else { return "" }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        for module in root.allModules {
            for file in module.files.sorted(by: { $0.source.path < $1.source.path }) {
                let header = Array("\(file.source.path)\u{0}\(file.source.bytes.count)\u{0}".utf8)
                header.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
                file.source.bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return Digest.hex(digest)
    }
}
