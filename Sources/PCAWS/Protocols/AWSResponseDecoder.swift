import PCHTTP
import PCLang

/// Reads the body of a successful reply in its protocol's format.
///
/// A reply that cannot be read is an `InvalidResponse` error naming the
/// operation; its body is never quoted, since replies can hold secrets.
public enum AWSResponseDecoder {
    /// Query and EC2: the root element (`<DescribeVpcsResponse>`).
    public static func xml(_ response: HTTPResponse, service: String, operation: String) throws(AWSError) -> XMLValue {
        do {
            return try XMLValue.parse(response.body)
        } catch {
            throw AWSError(
                code: "InvalidResponse",
                message: "the reply (HTTP \(response.status), \(response.body.count) bytes) is not valid XML: \(error.description)",
                requestID: requestID(response), httpStatus: response.status, service: service, operation: operation)
        }
    }

    /// JSON and REST-JSON: the decoded object; an empty body (EFS deletes
    /// answer 204) is an empty object.
    public static func json(_ response: HTTPResponse, service: String, operation: String) throws(AWSError) -> Value {
        guard AWSErrorParser.firstSignificantByte(response.body) != nil else { return .object([:]) }
        do {
            return try Value.fromJSON(response.body)
        } catch {
            throw AWSError(
                code: "InvalidResponse",
                message: "the reply (HTTP \(response.status), \(response.body.count) bytes) is not valid JSON: \(error.description)",
                requestID: requestID(response), httpStatus: response.status, service: service, operation: operation)
        }
    }

    static func requestID(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }
}
