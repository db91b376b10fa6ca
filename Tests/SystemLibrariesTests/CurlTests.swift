import CCurl
import Testing

/// Proves the libcurl module map and link flags work: the library answers
/// with its version and says which TLS backend it was built with.
@Suite struct CurlTests {
    @Test func versionInfoReportsCurl7OrLaterWithOpenSSL() throws {
        // CURLVERSION_NOW is a macro Swift cannot import; any age whose
        // struct has ssl_version is enough, and the library answers with the
        // newest layout it knows.
        let info = try #require(curl_version_info(CURLVERSION_FOURTH))
        let data = info.pointee

        // version_num is 0xXXYYZZ: major, minor, patch.
        let major = (data.version_num >> 16) & 0xFF
        #expect(major >= 7)
        let version = String(cString: try #require(data.version))
        #expect(version.hasPrefix("\(major)."))

        #expect(data.features & CURL_VERSION_SSL != 0, "libcurl was built without TLS support")
        let ssl = String(cString: try #require(data.ssl_version))
        #expect(ssl.hasPrefix("OpenSSL/"), "TLS backend is \(ssl), expected OpenSSL")
    }
}
