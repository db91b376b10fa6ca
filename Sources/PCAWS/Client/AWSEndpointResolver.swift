import Foundation

/// Picks each service's endpoint as the AWS SDKs and Terraform do.
///
/// Precedence: the provider's `endpoints { <key> = "…" }`, then
/// `AWS_ENDPOINT_URL_<SERVICE_ID>`, then `AWS_ENDPOINT_URL`, then AWS's own
/// endpoint for the region. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` turns
/// the two variables off, as in the SDKs; the provider block still counts,
/// since it is part of the configuration being applied.
public enum AWSEndpointResolver {
    public static func resolve(
        _ service: AWSService, region: String, overrides: [String: String], environment: [String: String]
    ) throws(AWSError) -> AWSEndpoint {
        let signingRegion = service.signingRegion(for: region)
        if let url = trimmed(overrides[service.endpointKey]) {
            let source = "the provider's endpoints block (\(service.endpointKey))"
            return AWSEndpoint(url: try validated(url, source: source, service: service), source: source, signingRegion: signingRegion)
        }
        let ignoreVariables = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        if !ignoreVariables {
            for variable in [service.endpointEnvironmentVariable, "AWS_ENDPOINT_URL"] {
                if let url = trimmed(environment[variable]) {
                    return AWSEndpoint(
                        url: try validated(url, source: variable, service: service), source: variable,
                        signingRegion: signingRegion)
                }
            }
        }
        return AWSEndpoint(
            url: service.defaultEndpoint(region: region), source: "AWS's endpoint for \(region)", signingRegion: signingRegion)
    }

    private static func trimmed(_ value: String?) -> String? {
        guard let value else { return nil }
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The URL without trailing slashes, or an error saying what is wrong
    /// with it and where it was set.
    static func validated(_ raw: String, source: String, service: AWSService) throws(AWSError) -> String {
        func invalid(_ why: String) -> AWSError {
            AWSError(
                code: "InvalidEndpoint",
                message: "the endpoint \"\(raw)\" from \(source) \(why); write it as http://host[:port] or https://host[:port]",
                service: service.endpointKey, operation: "ResolveEndpoint")
        }
        let lowered = raw.lowercased()
        let schemeLength: Int
        if lowered.hasPrefix("https://") {
            schemeLength = 8
        } else if lowered.hasPrefix("http://") {
            schemeLength = 7
        } else {
            throw invalid("does not start with http:// or https://")
        }
        if raw.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }) {
            throw invalid("contains spaces, a query or a fragment")
        }
        let authority = raw.dropFirst(schemeLength).prefix { $0 != "/" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var port: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { throw invalid("has an unclosed IPv6 address") }
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() } else if !after.isEmpty { throw invalid("has an invalid host") }
        } else {
            let parts = hostAndPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first?.isEmpty ?? true { throw invalid("has no host name") }
            if parts.count == 2 { port = parts[1] }
        }
        if let port {
            guard let number = Int(port), (1...65535).contains(number) else { throw invalid("has an invalid port") }
        }
        var url = Substring(raw)
        while url.hasSuffix("/") { url.removeLast() }
        return String(url)
    }
}
