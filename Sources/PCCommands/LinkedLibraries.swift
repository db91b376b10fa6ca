import CCurl
import COpenSSL
import CSQLite

/// The versions of the C libraries this binary runs with, asked of the
/// libraries themselves (not their headers), so `pcplan version` tells what
/// is really loaded.
struct LinkedLibraries: Equatable {
    var curl: String
    var curlTLS: String
    var openSSL: String
    var sqlite: String

    static func current() -> LinkedLibraries {
        // CURLVERSION_NOW is a macro Swift cannot see; the fourth layout
        // already has every field read here.
        var curl = "unknown", curlTLS = "none"
        if let info = curl_version_info(CURLVERSION_FOURTH) {
            if let version = info.pointee.version { curl = String(cString: version) }
            if let tls = info.pointee.ssl_version { curlTLS = String(cString: tls) }
        }
        // "OpenSSL 3.0.19 27 Jan 2026": keep the version number.
        let openSSLText = String(cString: pc_openssl_version_text())
        let words = openSSLText.split(separator: " ")
        let openSSL = words.count >= 2 && words[0] == "OpenSSL" ? String(words[1]) : openSSLText
        return LinkedLibraries(
            curl: curl, curlTLS: curlTLS, openSSL: openSSL, sqlite: String(cString: sqlite3_libversion()))
    }
}
