extension HTTPRequest {
    /// Rejects what would let one header or the method spill into the next line on the wire.
    func validate() throws(HTTPError) {
        func invalid(_ problem: String) -> HTTPError {
            HTTPError(
                kind: .invalidRequest,
                message: "cannot send the request to \(hostForMessages): \(problem)",
                requestMayHaveBeenSent: false
            )
        }
        guard Self.isToken(method) else { throw invalid("the method \"\(method)\" is not an HTTP token") }
        if method == "HEAD" && !body.isEmpty { throw invalid("a HEAD request cannot carry a body") }
        for header in headers {
            guard Self.isToken(header.name) else {
                throw invalid("the header name \"\(header.name)\" is not an HTTP token")
            }
            if header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
                throw invalid("the value of header \(header.name) contains a line break or NUL")
            }
        }
    }

    /// The URL's host and port, for messages: no user info, path or query (which may hold secrets).
    var hostForMessages: String {
        var rest = Substring(url)
        if let separator = rest.firstRange(of: "://") { rest = rest[separator.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return rest.isEmpty ? "(no host in the URL)" : String(rest)
    }

    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
