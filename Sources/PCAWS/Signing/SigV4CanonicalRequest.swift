/// Task 1 of SigV4: the canonical form of a request, which both sides hash.
/// Everything here follows AWS's "Create a canonical request" rules; the
/// known-answer tests hold it to AWS's published examples.
struct SigV4CanonicalRequest: Sendable, Equatable {
    var method: String
    var uri: String
    var query: String
    /// One `name:value\n` line per signed header, sorted by name.
    var headers: String
    /// The lower-case header names, sorted, joined with `;`.
    var signedHeaders: String
    var payloadHash: String

    /// Headers never signed. moto recomputes signatures with botocore, which
    /// leaves out `user-agent`, `expect`, `x-amzn-trace-id` and the hop-by-hop
    /// headers (botocore 1.43's `SIGNED_HEADERS_BLACKLIST`); proxies and
    /// libcurl may add or change those on the way (libcurl adds `Expect` after
    /// signing). `authorization` is where the signature goes.
    static let unsignedHeaders: Set<String> = [
        "user-agent", "expect", "x-amzn-trace-id", "authorization",
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade",
    ]

    init(method: String, url: SigV4URLParts, headers: [(name: String, value: String)], payloadHash: String, service: String) {
        self.method = method
        // S3 signs the path as sent; every other service normalises it and
        // encodes the already-encoded path a second time.
        if service == "s3" {
            uri = url.path.isEmpty ? "/" : url.path
        } else {
            uri = SigV4URIEncoding.encode(Self.normalizedPath(url.path).utf8, keepSlash: true)
        }
        query = Self.canonicalQuery(url.query)
        let (lines, names) = Self.canonicalHeaders(headers)
        self.headers = lines
        signedHeaders = names
        self.payloadHash = payloadHash
    }

    /// The text that is hashed into the string to sign.
    var text: String {
        [method, uri, query, headers, signedHeaders, payloadHash].joined(separator: "\n")
    }

    // MARK: Path

    /// Removes `.` and `..` segments and empty segments (`//`), as RFC 3986
    /// section 5.2.4 does, and keeps a trailing slash.
    static func normalizedPath(_ path: String) -> String {
        if path.isEmpty { return "/" }
        var segments: [Substring] = []
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
        for piece in pieces {
            switch piece {
            case "", ".":
                continue
            case "..":
                if !segments.isEmpty { segments.removeLast() }
            default:
                segments.append(piece)
            }
        }
        let last = pieces.last ?? ""
        let endsAsDirectory = last.isEmpty || last == "." || last == ".."
        var result = "/" + segments.joined(separator: "/")
        if endsAsDirectory && !segments.isEmpty {
            result += "/"
        }
        return result
    }

    // MARK: Query

    /// Every `name=value` pair decoded and re-encoded the RFC 3986 way, sorted
    /// by name and then by value, byte for byte. A name without `=` signs as
    /// `name=`.
    static func canonicalQuery(_ query: String) -> String {
        var pairs: [(name: String, value: String)] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let bytes = Array(piece)
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                name = bytes[..<equals]
                value = bytes[(equals + 1)...]
            } else {
                name = bytes[...]
                value = []
            }
            pairs.append((
                SigV4URIEncoding.encode(SigV4URIEncoding.decode(Array(name))),
                SigV4URIEncoding.encode(SigV4URIEncoding.decode(Array(value)))
            ))
        }
        pairs.sort { left, right in
            if left.name != right.name {
                return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
            }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    // MARK: Headers

    /// The canonical header lines and the signed-header list. Names are
    /// lower-cased; repeated headers join their values with commas in the
    /// order sent; each value is trimmed and its runs of whitespace (line
    /// folds included) become one space.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (lines: String, names: String) {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            let name = asciiLowercased(collapsedWhitespace(header.name))
            if name.isEmpty || unsignedHeaders.contains(name) { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(collapsedWhitespace(header.value))
        }
        order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var lines = ""
        for name in order {
            lines += name + ":" + (values[name] ?? []).joined(separator: ",") + "\n"
        }
        return (lines, order.joined(separator: ";"))
    }

    static func collapsedWhitespace(_ value: String) -> String {
        value.utf8
            .split(whereSeparator: isASCIIWhitespace)
            .map { String(decoding: $0, as: UTF8.self) }
            .joined(separator: " ")
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        }, as: UTF8.self)
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
