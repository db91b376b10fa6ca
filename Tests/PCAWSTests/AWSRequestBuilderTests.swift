import PCAWS
import PCHTTP
import PCLang
import Testing

@Suite struct AWSRequestBuilderTests {
    static let endpoint = "http://127.0.0.1:5000"

    @Test func ec2Query() {
        let request = AWSRequestBuilder.query(
            .ec2, endpoint: Self.endpoint, action: "DescribeVpcs",
            parameters: [("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true")])
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:5000/")
        #expect(request.headers == [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        #expect(String(decoding: request.body, as: UTF8.self)
            == "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=isDefault&Filter.1.Value.1=true")
    }

    @Test func queryUsesTheServiceVersion() {
        let request = AWSRequestBuilder.query(
            .elb, endpoint: Self.endpoint, action: "ConfigureHealthCheck",
            parameters: [("LoadBalancerName", "pc-ecs-lb"), ("HealthCheck.Target", "HTTPS:8083/api/v1/_ping")])
        #expect(String(decoding: request.body, as: UTF8.self) == "Action=ConfigureHealthCheck&Version=2012-06-01"
            + "&LoadBalancerName=pc-ecs-lb&HealthCheck.Target=HTTPS%3A8083%2Fapi%2Fv1%2F_ping")
    }

    @Test func json11() throws {
        let body = Value.object(["clusterName": .string("pc-ecs-cluster")])
        let request = try AWSRequestBuilder.json(.ecs, endpoint: "https://ecs.us-east-1.amazonaws.com", operation: "CreateCluster", body: body)
        #expect(request.method == "POST")
        #expect(request.url == "https://ecs.us-east-1.amazonaws.com/")
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateCluster"),
        ])
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"clusterName":"pc-ecs-cluster"}"#)
    }

    @Test func jsonEmptyBodyIsAnEmptyObject() throws {
        let request = try AWSRequestBuilder.json(.ssm, endpoint: Self.endpoint, operation: "DescribeParameters", body: .object([:]))
        #expect(String(decoding: request.body, as: UTF8.self) == "{}")
        #expect(request.headers.last == HTTPHeader("X-Amz-Target", "AmazonSSM.DescribeParameters"))
    }

    @Test func jsonWithAnUnknownValueIsAnError() {
        #expect {
            _ = try AWSRequestBuilder.json(.ecs, endpoint: Self.endpoint, operation: "CreateCluster", body: .object(["x": .unknown]))
        } throws: { error in
            (error as? AWSError)?.code == "InvalidRequest"
        }
    }

    @Test func restWithBody() throws {
        let body = Value.object(["CreationToken": .string("pc-efs-console"), "PerformanceMode": .string("generalPurpose")])
        let request = try AWSRequestBuilder.rest(
            .efs, endpoint: Self.endpoint, operation: "CreateFileSystem", method: "POST", path: "/2015-02-01/file-systems",
            query: [], body: body)
        #expect(request.url == "http://127.0.0.1:5000/2015-02-01/file-systems")
        #expect(request.headers == [HTTPHeader("Content-Type", "application/json")])
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"CreationToken":"pc-efs-console","PerformanceMode":"generalPurpose"}"#)
    }

    @Test func restWithoutBodyCarriesNoContentType() throws {
        let request = try AWSRequestBuilder.rest(
            .efs, endpoint: Self.endpoint, operation: "DescribeMountTargets", method: "GET", path: "/2015-02-01/mount-targets",
            query: [("FileSystemId", "fs-0123"), ("MaxItems", "10")], body: nil)
        #expect(request.method == "GET")
        #expect(request.url == "http://127.0.0.1:5000/2015-02-01/mount-targets?FileSystemId=fs-0123&MaxItems=10")
        #expect(request.headers.isEmpty)
        #expect(request.body.isEmpty)
    }

    @Test func responsesDecode() throws {
        let cluster = try AWSResponseDecoder.json(
            try ResponseFixtures.response("moto-ecs-create-cluster.json", status: 200), service: "ecs", operation: "CreateCluster")
        #expect(cluster.attributes?["cluster"]?.attributes?["status"]?.stringValue == "ACTIVE")
        let secret = try AWSResponseDecoder.json(
            try ResponseFixtures.response("moto-secretsmanager-create-secret.json", status: 200,
                                          headers: [("Content-Type", "text/html; charset=utf-8")]),
            service: "secretsmanager", operation: "CreateSecret")
        #expect(secret.attributes?["Name"]?.stringValue == "pcplan/prisma/install-bundle")
        let fileSystem = try AWSResponseDecoder.json(
            try ResponseFixtures.response("moto-efs-create-file-system.json", status: 201), service: "efs", operation: "CreateFileSystem")
        #expect(fileSystem.attributes?["FileSystemId"]?.stringValue == "fs-f71ffe01")
        #expect(fileSystem.attributes?["ProvisionedThroughputInMibps"]?.numberValue == Number(1))
        let empty = try AWSResponseDecoder.json(HTTPResponse(status: 204), service: "efs", operation: "DeleteFileSystem")
        #expect(empty == .object([:]))
    }

    @Test func unreadableSuccessRepliesAreInvalidResponse() {
        #expect {
            _ = try AWSResponseDecoder.xml(HTTPResponse(status: 200, body: Array("<a>".utf8)), service: "iam", operation: "GetRole")
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "InvalidResponse" && error.message.contains("not valid XML") && error.httpStatus == 200
        }
        #expect {
            _ = try AWSResponseDecoder.json(HTTPResponse(status: 200, body: Array("{\"SecretString\":".utf8)), service: "s", operation: "o")
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "InvalidResponse" && !error.message.contains("SecretString")
        }
    }
}
