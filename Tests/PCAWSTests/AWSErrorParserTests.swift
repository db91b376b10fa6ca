import PCAWS
import PCHTTP
import Testing

@Suite struct AWSErrorParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var fixture: String
        var status: Int
        var headers: [(String, String)]
        var code: String
        var message: String
        var requestID: String?
        var description: String { fixture }
    }

    /// Recorded replies (moto) and documented shapes (AWS), one per row of moto.md §5.
    static let cases: [Case] = [
        // Query: <ErrorResponse><Error><Code>, request id in the header and the body.
        Case(
            fixture: "moto-iam-error-no-such-entity.xml", status: 404,
            headers: [("Content-Type", "text/xml"), ("x-amzn-requestid", "aiVjWhkOawrszy5DBipKZHcf2VcabZ6Qu2Jh1TJLlUQvYo3KNMcv")],
            code: "NoSuchEntity", message: "Role missing-role not found",
            requestID: "aiVjWhkOawrszy5DBipKZHcf2VcabZ6Qu2Jh1TJLlUQvYo3KNMcv"),
        Case(
            fixture: "moto-elb-error-load-balancer-not-found.xml", status: 400, headers: [],
            code: "LoadBalancerNotFound", message: "The specified load balancer does not exist: nope",
            requestID: "N58KzGacqeCVmrJnPUuy3PfAaXIpgWGK07OYcDEgLBxf91M0alKh"),
        Case(
            fixture: "moto-autoscaling-error-validation.xml", status: 400, headers: [],
            code: "ValidationError",
            message: "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.",
            requestID: "cM9D2oRMLnevV7i9QL6lhrE5BVhybiaKKD3Tmes0i3RandFhi6bk"),
        Case(
            fixture: "aws-autoscaling-error-throttling.xml", status: 400, headers: [],
            code: "Throttling", message: "Rate exceeded", requestID: "3b6e4c1d-0b7a-4f4e-9d55-EXAMPLE"),
        // EC2: <Response><Errors><Error><Code>, <RequestID>.
        Case(
            fixture: "moto-ec2-error-invalid-group-not-found.xml", status: 400, headers: [],
            code: "InvalidGroup.NotFound", message: "The security group '{'sg-0123456789abcdef0'}' does not exist",
            requestID: "request-id"),
        Case(
            fixture: "aws-ec2-error-request-limit-exceeded.xml", status: 503, headers: [],
            code: "RequestLimitExceeded", message: "Request limit exceeded.", requestID: "ea966190-f9aa-478e-9ede-example"),
        // Auth failures: XML with an <Errors> level, sent as text/html, even by JSON services.
        Case(
            fixture: "moto-iam-error-signature-does-not-match.xml", status: 403,
            headers: [("Content-Type", "text/html; charset=utf-8"), ("x-amzn-requestid", "SwuggXBCGjHcDYBKRG9sqLxjBWZ0G3ZvTFnSOG5fCBnSuEPvQayE")],
            code: "SignatureDoesNotMatch",
            message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            requestID: "SwuggXBCGjHcDYBKRG9sqLxjBWZ0G3ZvTFnSOG5fCBnSuEPvQayE"),
        Case(
            fixture: "moto-ecs-error-signature-does-not-match.xml", status: 403,
            headers: [("Content-Type", "text/html; charset=utf-8")],
            code: "SignatureDoesNotMatch",
            message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            requestID: nil),
        Case(
            fixture: "moto-ec2-error-auth-failure.xml", status: 401, headers: [("Content-Type", "text/html; charset=utf-8")],
            code: "AuthFailure", message: "AWS was not able to validate the provided access credentials", requestID: nil),
        Case(
            fixture: "moto-sts-error-invalid-client-token-id.xml", status: 403, headers: [],
            code: "InvalidClientTokenId", message: "The security token included in the request is invalid.", requestID: nil),
        // JSON: header or __type.
        Case(
            fixture: "moto-ecs-error-client-exception.json", status: 400,
            headers: [("X-Amzn-Errortype", "ClientException"), ("x-amzn-requestid", "KMYwRT3Fax2Y4ZOLN7dNA9gh159kWLW0QxRDu9Foo4VEav9idulz")],
            code: "ClientException", message: "Unable to describe task definition.",
            requestID: "KMYwRT3Fax2Y4ZOLN7dNA9gh159kWLW0QxRDu9Foo4VEav9idulz"),
        Case(
            fixture: "moto-ecs-error-cluster-not-found.json", status: 400, headers: [],
            code: "ClusterNotFoundException", message: "Cluster not found.", requestID: nil),
        Case(
            fixture: "moto-ssm-error-parameter-not-found.json", status: 400, headers: [("X-Amzn-Errortype", "ParameterNotFound")],
            code: "ParameterNotFound", message: "Parameter /nope not found.", requestID: nil),
        Case(
            fixture: "aws-ecs-error-throttling.json", status: 400,
            headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/")],
            code: "ThrottlingException", message: "Rate exceeded", requestID: nil),
        Case(
            fixture: "aws-ssm-error-validation.json", status: 400, headers: [],
            code: "ValidationException",
            message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
            requestID: nil),
        // DynamoDB: __type with a namespace.
        Case(
            fixture: "aws-dynamodb-error-resource-not-found.json", status: 400, headers: [("x-amz-request-id", "DDB-REQ-1")],
            code: "ResourceNotFoundException", message: "Requested resource not found: Table: pcplan-locks not found",
            requestID: "DDB-REQ-1"),
        // Secrets Manager: 404 from moto.
        Case(
            fixture: "moto-secretsmanager-error-not-found.json", status: 404, headers: [],
            code: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret.", requestID: nil),
        // EFS: moto's __type, and real EFS's header + ErrorCode/Message.
        Case(
            fixture: "moto-efs-error-file-system-not-found.json", status: 404, headers: [],
            code: "FileSystemNotFound", message: "File system 'fs-12345678' does not exist.", requestID: nil),
        Case(
            fixture: "aws-efs-error-file-system-not-found.json", status: 404, headers: [],
            code: "FileSystemNotFound", message: "File system 'fs-01234567' does not exist.", requestID: nil),
        Case(
            fixture: "aws-efs-error-file-system-not-found.json", status: 404,
            headers: [("x-amzn-ErrorType", "FileSystemNotFound:http://internal.amazon.com/coral/com.amazonaws.elasticfilesystem/")],
            code: "FileSystemNotFound", message: "File system 'fs-01234567' does not exist.", requestID: nil),
    ]

    @Test(arguments: cases)
    func recordedErrors(_ testCase: Case) throws {
        let response = try ResponseFixtures.response(testCase.fixture, status: testCase.status, headers: testCase.headers)
        let error = AWSErrorParser.parse(response, service: "svc", operation: "Op")
        #expect(error.code == testCase.code)
        #expect(error.message == testCase.message)
        #expect(error.requestID == testCase.requestID)
        #expect(error.httpStatus == testCase.status)
        #expect(error.service == "svc" && error.operation == "Op")
    }

    @Test func htmlInternalServerErrorMeansNotImplemented() throws {
        let response = try ResponseFixtures.response(
            "moto-not-implemented.html", status: 500, headers: [("Content-Type", "text/html; charset=utf-8")])
        let error = AWSErrorParser.parse(response, service: "ecs", operation: "UpdateClusterSettings")
        #expect(error.code == "NotImplemented")
        #expect(error.message.contains("not implemented by this endpoint"))
        #expect(error.httpStatus == 500)
    }

    @Test func headerWinsOverBody() {
        let response = HTTPResponse(
            status: 400, headers: [HTTPHeader("x-amzn-ErrorType", "HeaderCode")],
            body: Array(#"{"__type":"BodyCode","message":"m"}"#.utf8))
        #expect(AWSErrorParser.parse(response, service: "s", operation: "o").code == "HeaderCode")
    }

    @Test(arguments: [
        (#"{"code":"LowerCode","message":"m"}"#, "LowerCode", "m"),
        (#"{"Code":"UpperCode","Message":"M"}"#, "UpperCode", "M"),
        (#"{"__type":"a.b#Inner:extra","message":"x"}"#, "Inner", "x"),
        (#"{"__type":"","ErrorCode":"Fallback"}"#, "Fallback", ""),
    ])
    func jsonCodeFields(body: String, code: String, message: String) {
        let error = AWSErrorParser.parse(HTTPResponse(status: 400, body: Array(body.utf8)), service: "s", operation: "o")
        #expect(error.code == code)
        #expect(error.message == message)
    }

    @Test(arguments: [
        (404, "", "HTTP404"),
        (503, "Service Unavailable", "HTTP503"),
        (502, "<html><body>Bad Gateway</body></html>", "HTTP502"),
        (400, "{not json", "HTTP400"),
        (400, "<Broken><Code>", "HTTP400"),
    ])
    func repliesWithoutACode(status: Int, body: String, code: String) {
        let error = AWSErrorParser.parse(HTTPResponse(status: status, body: Array(body.utf8)), service: "s", operation: "o")
        #expect(error.code == code)
        #expect(error.message == "the endpoint answered HTTP \(status) without an AWS error code")
    }

    @Test func descriptionNamesServiceOperationCodeMessageAndRequestID() {
        let error = AWSError(
            code: "ClientException", message: "Cluster not found.", requestID: "abc-123", httpStatus: 400,
            service: "ecs", operation: "DescribeClusters")
        #expect(error.description == "ecs DescribeClusters: ClientException: Cluster not found. (request id abc-123)")
        var bare = error
        bare.requestID = nil
        #expect(bare.description == "ecs DescribeClusters: ClientException: Cluster not found.")
    }
}
