import PCHTTP
import PCLang

/// Builds the unsigned HTTP request for one operation in each protocol.
///
/// `endpoint` is an origin with an optional path prefix and no trailing
/// slash (`https://ecs.us-east-1.amazonaws.com`, `http://127.0.0.1:5000`).
/// Signing adds `Host`, `X-Amz-Date`, the token and `Authorization` later,
/// so the headers here are exactly the ones the protocol needs.
public enum AWSRequestBuilder {
    public static let formContentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// Query and EC2: `POST /` with `Action`, `Version`, then `parameters`
    /// in order, form-encoded as moto and AWS both accept (moto.md §4).
    public static func query(
        _ service: AWSService, endpoint: String, action: String, parameters: [(String, String)]
    ) -> HTTPRequest {
        let body = AWSFormEncoding.encode([("Action", action), ("Version", service.apiVersion)] + parameters)
        return HTTPRequest(
            method: "POST", url: endpoint + "/",
            headers: [HTTPHeader("Content-Type", formContentType)],
            body: Array(body.utf8))
    }

    /// JSON 1.x: `POST /` naming the operation in `X-Amz-Target`.
    public static func json(
        _ service: AWSService, endpoint: String, operation: String, body: Value
    ) throws(AWSError) -> HTTPRequest {
        let bytes = try encode(body, service: service, operation: operation)
        return HTTPRequest(
            method: "POST", url: endpoint + "/",
            headers: [
                HTTPHeader("Content-Type", service.jsonContentType),
                HTTPHeader("X-Amz-Target", service.targetPrefix + "." + operation),
            ],
            body: bytes)
    }

    /// REST-JSON: `method` on `path` (already percent-encoded, starting
    /// with `/`) with `query` RFC 3986-encoded in order. A request without a
    /// body carries no `Content-Type`; it must be signed with its payload
    /// hash (moto.md §4), which the client asks the signer for.
    public static func rest(
        _ service: AWSService, endpoint: String, operation: String, method: String, path: String,
        query: [(String, String)], body: Value?
    ) throws(AWSError) -> HTTPRequest {
        var url = endpoint + (path.hasPrefix("/") ? path : "/" + path)
        if !query.isEmpty { url += "?" + AWSFormEncoding.queryString(query) }
        guard let body else { return HTTPRequest(method: method, url: url) }
        return HTTPRequest(
            method: method, url: url,
            headers: [HTTPHeader("Content-Type", "application/json")],
            body: try encode(body, service: service, operation: operation))
    }

    private static func encode(_ body: Value, service: AWSService, operation: String) throws(AWSError) -> [UInt8] {
        do {
            var bytes: [UInt8] = []
            try body.appendJSON(to: &bytes)
            return bytes
        } catch {
            throw AWSError(
                code: "InvalidRequest",
                message: "the request could not be written as JSON (\(error.description)); this is a bug in the provider",
                service: service.endpointKey, operation: operation)
        }
    }
}
