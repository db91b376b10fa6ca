import PCHTTP

/// Receives one entry per request sent and one per reply (or transport
/// failure), already redacted. `PCPLAN_LOG=debug` routes these to the log.
public typealias AWSDebugLog = @Sendable (String) -> Void

/// The text of debug log entries: method, URL, headers and body of each
/// exchange, with secrets masked by `AWSRedactor`.
public enum AWSDebugLogEntry {
    /// "AWS request: ecs CreateCluster (attempt 1 of 5)" then the request line, headers and body.
    /// An `opaqueBody` (an S3 object) is shown by size and SHA-256 only.
    public static func request(
        _ request: HTTPRequest, service: String, operation: String, attempt: Int, maxAttempts: Int, opaqueBody: Bool = false
    ) -> String {
        var lines = ["AWS request: \(service) \(operation) (attempt \(attempt) of \(maxAttempts))", "\(request.method) \(request.url)"]
        lines += request.headers.map { "\($0.name): \(AWSRedactor.headerValue(name: $0.name, value: $0.value))" }
        return finish(lines, body: request.body, contentType: header("Content-Type", in: request.headers), opaque: opaqueBody)
    }

    /// "AWS response: ecs CreateCluster (attempt 1 of 5): HTTP 200 after 0.042 s" then headers and body.
    public static func response(
        _ response: HTTPResponse, service: String, operation: String, attempt: Int, maxAttempts: Int, seconds: Double,
        opaqueBody: Bool = false
    ) -> String {
        var lines = [
            "AWS response: \(service) \(operation) (attempt \(attempt) of \(maxAttempts)): "
                + "HTTP \(response.status) after \(formatted(seconds)) s"
        ]
        lines += response.headers.map { "\($0.name): \(AWSRedactor.headerValue(name: $0.name, value: $0.value))" }
        return finish(lines, body: response.body, contentType: response.header("Content-Type"), opaque: opaqueBody)
    }

    /// "AWS response: ecs CreateCluster (attempt 1 of 5): no reply after 10.002 s: <transport message>"
    public static func failure(
        _ failure: HTTPError, service: String, operation: String, attempt: Int, maxAttempts: Int, seconds: Double
    ) -> String {
        "AWS response: \(service) \(operation) (attempt \(attempt) of \(maxAttempts)): "
            + "no reply after \(formatted(seconds)) s: \(failure.message)"
    }

    /// "AWS retry: ecs CreateCluster: ThrottlingException; attempt 2 of 5 in 0.317 s"
    public static func retry(_ error: AWSError, attempt: Int, maxAttempts: Int, delay: Double) -> String {
        "AWS retry: \(error.service) \(error.operation): \(error.code); attempt \(attempt) of \(maxAttempts) in \(formatted(delay)) s"
    }

    private static func finish(_ lines: [String], body: [UInt8], contentType: String?, opaque: Bool = false) -> String {
        let shown = opaque
            ? (body.isEmpty ? "" : "<\(body.count) bytes, sha256 \(AWSCrypto.hex(AWSCrypto.sha256(body))), not shown>")
            : AWSRedactor.body(body, contentType: contentType)
        return shown.isEmpty ? lines.joined(separator: "\n") : (lines + ["", shown]).joined(separator: "\n")
    }

    private static func header(_ name: String, in headers: [HTTPHeader]) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    private static func formatted(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
