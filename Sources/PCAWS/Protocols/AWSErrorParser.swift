import PCHTTP
import PCLang

/// Turns an error reply of any protocol into an `AWSError`.
///
/// The rule (moto.md §5): the `x-amzn-ErrorType` header cut at `:`; else
/// JSON `__type` cut after `#`; else JSON `code`/`Code`/`ErrorCode`; else
/// the first XML `<Code>`. The body is read by its first byte, never by
/// `Content-Type`: moto sends XML auth errors and JSON successes as
/// `text/html`.
public enum AWSErrorParser {
    public static func parse(_ response: HTTPResponse, service: String, operation: String) -> AWSError {
        var code: String?
        var message: String?
        var requestID = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")

        if let header = response.header("x-amzn-ErrorType"), !header.isEmpty {
            code = cleanCode(header)
        }
        switch firstSignificantByte(response.body) {
        case UInt8(ascii: "{"):
            if let object = (try? Value.fromJSON(response.body))?.attributes {
                if code == nil, let type = object["__type"]?.stringValue, !type.isEmpty { code = cleanCode(type) }
                if code == nil {
                    code = ["code", "Code", "ErrorCode"].lazy.compactMap { object[$0]?.stringValue }.first { !$0.isEmpty }
                }
                message = ["message", "Message", "errorMessage"].lazy.compactMap { object[$0]?.stringValue }.first
            }
        case UInt8(ascii: "<"):
            if isHTMLPage(response.body) {
                if code == nil, response.status == 500 {
                    return AWSError(
                        code: "NotImplemented",
                        message: "the endpoint answered HTTP 500 with an HTML page instead of an AWS error: "
                            + "the operation is not implemented by this endpoint (a local endpoint such as moto does this "
                            + "for operations it lacks)",
                        requestID: requestID, httpStatus: response.status, service: service, operation: operation)
                }
            } else if let root = try? XMLValue.parse(response.body) {
                if code == nil, let text = root.firstDescendant(named: "Code")?.text, !text.isEmpty { code = text }
                message = root.firstDescendant(named: "Message")?.text ?? root.firstDescendant(named: "message")?.text
                if requestID == nil {
                    requestID = (root.firstDescendant(named: "RequestId") ?? root.firstDescendant(named: "RequestID"))?.text
                }
            }
        default:
            break
        }

        let finalCode = code ?? "HTTP\(response.status)"
        let finalMessage = message.map(trimmed) ?? (code == nil
            ? "the endpoint answered HTTP \(response.status) without an AWS error code"
            : "")
        return AWSError(
            code: finalCode, message: finalMessage, requestID: requestID.map(trimmed), httpStatus: response.status,
            service: service, operation: operation)
    }

    /// `ValidationException:http://internal…` → `ValidationException`;
    /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` → `ResourceNotFoundException`.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return trimmed(String(code))
    }

    /// A web page rather than an AWS error document: werkzeug's "Internal
    /// Server Error", a proxy's or load balancer's error page.
    static func isHTMLPage(_ body: [UInt8]) -> Bool {
        guard let start = body.firstIndex(where: { !isSpace($0) }) else { return false }
        let head = String(decoding: body[start..<min(body.count, start + 64)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    static func firstSignificantByte(_ body: [UInt8]) -> UInt8? {
        var index = 0
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < body.count {
            if !isSpace(body[index]) { return body[index] }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
