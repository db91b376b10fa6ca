import Foundation

/// Checks endpoint URLs when the configuration is resolved, so that a typo in
/// `endpoints { … }` or `AWS_ENDPOINT_URL…` is reported before any resource
/// is touched, naming the setting it came from.
enum AWSEndpointOverrides {
    /// The provider block's `endpoints`, validated and without trailing
    /// slashes; empty values are dropped, as Terraform ignores them.
    static func validated(_ endpoints: [String: String]) throws(AWSConfigurationError) -> [String: String] {
        var result: [String: String] = [:]
        var problems: [String] = []
        for key in endpoints.keys.sorted() {
            let raw = endpoints[key] ?? ""
            if raw.allSatisfy(\.isWhitespace) { continue }
            switch check(raw) {
            case .success(let url): result[key] = url
            case .failure(let why): problems.append("endpoints.\(key) = \(shown(raw)): \(why)")
            }
        }
        if !problems.isEmpty { throw error(problems) }
        return result
    }

    /// `AWS_ENDPOINT_URL` and every `AWS_ENDPOINT_URL_<SERVICE>` that is set,
    /// unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` turns them off.
    static func checkEnvironment(_ environment: AWSEnvironment) throws(AWSConfigurationError) {
        if environment.value("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() == "true" { return }
        var problems: [String] = []
        let names = environment.variables.keys.filter { $0 == "AWS_ENDPOINT_URL" || $0.hasPrefix("AWS_ENDPOINT_URL_") }
        for name in names.sorted() {
            guard let raw = environment.value(name) else { continue }
            if case .failure(let why) = check(raw) {
                problems.append("\(name)=\(shown(raw)): \(why)")
            }
        }
        if !problems.isEmpty { throw error(problems) }
    }

    enum Check: Equatable {
        case success(String)
        case failure(String)
    }

    /// An absolute http or https URL naming a host, with an optional port
    /// and path but no query or fragment.
    static func check(_ raw: String) -> Check {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else if text.contains("://") {
            return .failure("the scheme must be http or https")
        } else {
            return .failure("it must start with http:// or https://")
        }
        if text.contains(where: { $0.isWhitespace }) { return .failure("it contains spaces") }
        if text.contains("?") || text.contains("#") { return .failure("it must not have a query or fragment") }
        let authority = rest.prefix { $0 != "/" }
        if authority.contains("@") { return .failure("it must not contain a user name or password") }
        var host = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return .failure("the IPv6 address has no closing ]") }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                port = after.dropFirst()
            } else if !after.isEmpty {
                return .failure("unexpected text after the IPv6 address")
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        if host.isEmpty || host == "[]" { return .failure("it has no host name") }
        if let port {
            guard let number = Int(port), (1...65_535).contains(number) else {
                return .failure("the port must be a number from 1 to 65535")
            }
        }
        var url = Substring(text)
        while url.hasSuffix("/") { url.removeLast() }
        return .success(String(url))
    }

    /// The value quoted, unless it may hold a password (`user:secret@host`).
    private static func shown(_ raw: String) -> String {
        raw.contains("@") ? "(value not shown: it contains @)" : "\"\(raw)\""
    }

    private static func error(_ problems: [String]) -> AWSConfigurationError {
        AWSConfigurationError(
            summary: problems.count == 1 ? "Invalid AWS endpoint URL" : "Invalid AWS endpoint URLs",
            detail: problems.joined(separator: "\n")
                + "\nWrite endpoints as http://host[:port] or https://host[:port], e.g. http://127.0.0.1:5000.")
    }
}
