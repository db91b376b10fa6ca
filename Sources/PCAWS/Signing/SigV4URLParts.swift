/// An absolute URL cut into the parts SigV4 needs, without decoding or
/// re-encoding anything: the signer must see the bytes that go on the wire.
/// Foundation's URL is not used because it rejects or rewrites some of the
/// paths AWS's test suite signs (a literal space, raw UTF-8).
struct SigV4URLParts: Sendable, Equatable {
    /// Lower-cased, without `://`; empty for a URL with no scheme.
    var scheme: String
    /// `host[:port]` without any `user@` part.
    var authority: String
    /// The path exactly as written; empty when the URL has none.
    var path: String
    /// What follows `?` up to any `#`; empty when there is none.
    var query: String

    init(_ url: String) {
        var rest = Substring(url)
        if let fragment = rest.firstIndex(of: "#") {
            rest = rest[..<fragment]
        }
        if let separator = rest.range(of: "://") {
            scheme = String(rest[..<separator.lowerBound]).lowercased()
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            var hostPart = rest[..<authorityEnd]
            if let at = hostPart.lastIndex(of: "@") {
                hostPart = hostPart[hostPart.index(after: at)...]
            }
            authority = String(hostPart)
            rest = rest[authorityEnd...]
        } else {
            scheme = ""
            authority = ""
        }
        if let questionMark = rest.firstIndex(of: "?") {
            path = String(rest[..<questionMark])
            query = String(rest[rest.index(after: questionMark)...])
        } else {
            path = String(rest)
            query = ""
        }
    }

    /// The value of a `Host` header for this URL: the authority, without the
    /// port when it is the scheme's default, as HTTP clients send it.
    var hostHeader: String {
        let defaultPort: String? = switch scheme {
        case "http": ":80"
        case "https": ":443"
        default: nil
        }
        if let defaultPort, authority.hasSuffix(defaultPort) {
            return String(authority.dropLast(defaultPort.count))
        }
        return authority
    }
}
