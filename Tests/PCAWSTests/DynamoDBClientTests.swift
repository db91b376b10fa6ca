import Foundation
import PCHTTP
import PCLang
import Testing

@testable import PCAWS

/// The DynamoDB client's requests and its reading of replies and errors,
/// against a scripted transport; moto runs the same calls in
/// PCProviderAWSTests/Backend.
@Suite struct DynamoDBClientTests {
    /// Records requests and answers them in turn.
    /// @unchecked Sendable: every field is touched under `lock`.
    final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var replies: [HTTPResponse]
        private var recorded: [HTTPRequest] = []

        init(_ replies: [HTTPResponse]) { self.replies = replies }

        var requests: [HTTPRequest] { lock.withLock { recorded } }

        func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
            lock.withLock {
                recorded.append(request)
                return replies.isEmpty ? HTTPResponse(status: 599) : replies.removeFirst()
            }
        }

        func body(_ index: Int) throws -> Value {
            try Value.fromJSON(requests[index].body)
        }
    }

    static func reply(_ json: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "application/x-amz-json-1.0"), HTTPHeader("x-amzn-RequestId", "req-1")],
            body: Array(json.utf8))
    }

    static func error(_ type: String, _ message: String) -> HTTPResponse {
        reply(#"{"__type":"com.amazonaws.dynamodb.v20120810#\#(type)","message":"\#(message)"}"#, status: 400)
    }

    static func client(_ script: Script) -> DynamoDBClient {
        AWSClient(
            credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", source: "the test"),
            region: "eu-west-1", endpointOverrides: ["dynamodb": "http://127.0.0.1:5000"], environment: [:],
            retry: RetryPolicy(maxAttempts: 1), log: nil, now: { Date(timeIntervalSince1970: 1_700_000_000) },
            transport: script.send
        ).dynamoDB
    }

    static func header(_ name: String, _ request: HTTPRequest) -> String? {
        request.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    @Test func putItemSpeaksJSON10WithTheConditionAndItsPlaceholders() throws {
        let script = Script([Self.reply("{}")])
        try Self.client(script).putItem(
            "locks", ["LockID": "b/k", "Info": "{}"], condition: .attributeNotExists("LockID"))

        let request = try #require(script.requests.first)
        #expect(request.method == "POST" && request.url == "http://127.0.0.1:5000/")
        #expect(Self.header("Content-Type", request) == "application/x-amz-json-1.0")
        #expect(Self.header("X-Amz-Target", request) == "DynamoDB_20120810.PutItem")
        #expect(Self.header("Authorization", request)?.contains("/eu-west-1/dynamodb/aws4_request") == true)
        #expect(String(decoding: request.body, as: UTF8.self)
            == ##"{"ConditionExpression":"attribute_not_exists(#n0)","ExpressionAttributeNames":{"#n0":"LockID"},"##
            + #""Item":{"Info":{"S":"{}"},"LockID":{"S":"b/k"}},"TableName":"locks"}"#)
    }

    @Test func getItemReadsTheItemOrNothing() throws {
        let script = Script([
            Self.reply(#"{"Item":{"LockID":{"S":"b/k"},"Serial":{"N":"3"},"Data":{"B":"AQI="}}}"#),
            Self.reply("{}"),
        ])
        let client = Self.client(script)
        #expect(try client.getItem("locks", key: ["LockID": "b/k"]) == ["LockID": "b/k", "Serial": 3, "Data": .binary([1, 2])])
        #expect(try client.getItem("locks", key: ["LockID": "gone"], consistentRead: false) == nil)
        #expect(try script.body(0).jsonString() == #"{"ConsistentRead":true,"Key":{"LockID":{"S":"b/k"}},"TableName":"locks"}"#)
        #expect(try script.body(1).attributes?["ConsistentRead"] == .false)
        #expect(Self.header("X-Amz-Target", script.requests[1]) == "DynamoDB_20120810.GetItem")
    }

    @Test func deleteItemReturnsWhatItRemoved() throws {
        let script = Script([Self.reply(#"{"Attributes":{"LockID":{"S":"b/k"}}}"#), Self.reply("{}")])
        let client = Self.client(script)
        #expect(try client.deleteItem("locks", key: ["LockID": "b/k"], condition: .equals("Info", "x")) == ["LockID": "b/k"])
        #expect(try client.deleteItem("locks", key: ["LockID": "b/k"]) == nil)
        let first = try script.body(0)
        #expect(first.attributes?["ReturnValues"] == .string("ALL_OLD"))
        #expect(first.attributes?["ConditionExpression"] == .string("#n0 = :v0"))
        #expect(try script.body(1).attributes?["ConditionExpression"] == nil)
    }

    @Test func conditionalCheckFailureIsTyped() throws {
        let script = Script([Self.error("ConditionalCheckFailedException", "The conditional request failed")])
        do {
            try Self.client(script).putItem("locks", ["LockID": "b/k"], condition: .attributeNotExists("LockID"))
            Issue.record("no error")
        } catch {
            guard case .conditionFailed(let table, let operation, let aws) = error else {
                Issue.record("expected conditionFailed, got \(error)")
                return
            }
            #expect(table == "locks" && operation == "PutItem" && aws.requestID == "req-1")
            #expect(error.isConditionFailure)
        }
    }

    @Test func missingTableIsTypedAndExplained() throws {
        let script = Script([Self.error("ResourceNotFoundException", "Requested resource not found")])
        do {
            _ = try Self.client(script).getItem("nope", key: ["LockID": "b/k"])
            Issue.record("no error")
        } catch {
            guard case .tableNotFound(let table, let region, _) = error else {
                Issue.record("expected tableNotFound, got \(error)")
                return
            }
            #expect(table == "nope" && region == "eu-west-1")
            #expect(error.description.contains("table \"nope\" does not exist in region eu-west-1"))
            #expect(error.description.contains("LockID"))
        }
    }

    @Test func otherFailuresStayAWSErrors() throws {
        let script = Script([Self.error("ValidationException", "One or more parameter values were invalid")])
        do {
            try Self.client(script).putItem("locks", ["Other": "x"])
            Issue.record("no error")
        } catch {
            #expect(error == .aws(error.awsError!))
            #expect(error.awsError?.code == "ValidationException")
        }
    }

    @Test func unreadableItemIsAnInvalidReplyThatDoesNotQuoteIt() throws {
        let script = Script([Self.reply(#"{"Item":{"Token":{"Q":"hunter2"}}}"#)])
        do {
            _ = try Self.client(script).getItem("locks", key: ["LockID": "b/k"])
            Issue.record("no error")
        } catch {
            guard case .invalidReply(_, let operation, let reason) = error else {
                Issue.record("expected invalidReply, got \(error)")
                return
            }
            #expect(operation == "GetItem" && reason.contains("Item.Token"))
            #expect(!error.description.contains("hunter2"))
        }
    }

    // MARK: Tables

    static let lockTable = #"""
        {"Table":{"TableName":"locks","TableStatus":"ACTIVE","TableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/locks",
         "ItemCount":2,"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},
         "AttributeDefinitions":[{"AttributeName":"LockID","AttributeType":"S"}],
         "KeySchema":[{"AttributeName":"LockID","KeyType":"HASH"}]}}
        """#

    @Test func describeTableReadsStatusAndKeySchema() throws {
        let table = try Self.client(Script([Self.reply(Self.lockTable)])).describeTable("locks")
        #expect(table == DynamoDBTableDescription(
            name: "locks", status: "ACTIVE",
            keySchema: [.init(attribute: "LockID", keyType: "HASH", attributeType: "S")],
            billingMode: "PAY_PER_REQUEST", arn: "arn:aws:dynamodb:eu-west-1:123456789012:table/locks", itemCount: 2))
        #expect(table.isActive)
        #expect(table.keyProblem(expectedHashKey: "LockID") == nil)
    }

    struct SchemaCase: Sendable, CustomStringConvertible {
        var attributes: String
        var keys: String
        var problem: String?
        var description: String { keys }
    }

    static let schemaCases: [SchemaCase] = [
        SchemaCase(
            attributes: #"[{"AttributeName":"LockID","AttributeType":"S"}]"#,
            keys: #"[{"AttributeName":"LockID","KeyType":"HASH"}]"#, problem: nil),
        SchemaCase(
            attributes: #"[{"AttributeName":"id","AttributeType":"S"}]"#,
            keys: #"[{"AttributeName":"id","KeyType":"HASH"}]"#,
            problem: #"table "locks" cannot be used: its partition key is "id", not "LockID"; the table needs exactly one key, a String partition key named LockID"#),
        SchemaCase(
            attributes: #"[{"AttributeName":"LockID","AttributeType":"N"}]"#,
            keys: #"[{"AttributeName":"LockID","KeyType":"HASH"}]"#,
            problem: #"table "locks" cannot be used: its partition key "LockID" has type N, not S (String); the table needs exactly one key, a String partition key named LockID"#),
        SchemaCase(
            attributes: #"[{"AttributeName":"LockID","AttributeType":"S"},{"AttributeName":"Version","AttributeType":"N"}]"#,
            keys: #"[{"AttributeName":"Version","KeyType":"RANGE"},{"AttributeName":"LockID","KeyType":"HASH"}]"#,
            problem: #"table "locks" cannot be used: it has a sort key "Version", and must have none; the table needs exactly one key, a String partition key named LockID"#),
    ]

    @Test(arguments: schemaCases) func keySchemaProblemsAreNamed(_ testCase: SchemaCase) throws {
        let json = #"{"TableName":"locks","TableStatus":"ACTIVE","AttributeDefinitions":\#(testCase.attributes),"KeySchema":\#(testCase.keys)}"#
        let table = try DynamoDBTableDescription(wire: try Value.fromJSON(json))
        #expect(table.hashKey != nil)
        #expect(table.keyProblem(expectedHashKey: "LockID") == testCase.problem)
    }

    @Test func createTableAsksForAnOnDemandTableKeyedByOneString() throws {
        let created = Self.lockTable.replacingOccurrences(of: "\"Table\"", with: "\"TableDescription\"")
            .replacingOccurrences(of: "ACTIVE", with: "CREATING")
        let script = Script([Self.reply(created), Self.reply(Self.lockTable)])
        let client = Self.client(script)
        let table = try client.createTable("locks", hashKey: "LockID", tags: ["team": "platform"])
        #expect(table.status == "CREATING" && !table.isActive)
        #expect(try script.body(0).jsonString()
            == #"{"AttributeDefinitions":[{"AttributeName":"LockID","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST","#
            + #""KeySchema":[{"AttributeName":"LockID","KeyType":"HASH"}],"TableName":"locks","Tags":[{"Key":"team","Value":"platform"}]}"#)
        #expect(try client.waitUntilActive("locks", timeout: 5, interval: 0.01).isActive)
        #expect(script.requests.count == 2)
    }

    @Test func waitingForAMissingTableEndsWithTheTypedError() throws {
        let script = Script([Self.error("ResourceNotFoundException", "Requested resource not found")])
        do {
            try Self.client(script).waitUntilActive("locks", timeout: 5, interval: 0.01)
            Issue.record("no error")
        } catch {
            guard case .tableNotFound = error else {
                Issue.record("expected tableNotFound, got \(error)")
                return
            }
        }
    }

    @Test func describeReplyWithoutATableIsInvalid() throws {
        do {
            _ = try Self.client(Script([Self.reply("{}")])).describeTable("locks")
            Issue.record("no error")
        } catch {
            guard case .invalidReply(let table, let operation, _) = error else {
                Issue.record("expected invalidReply, got \(error)")
                return
            }
            #expect(table == "locks" && operation == "DescribeTable")
        }
    }
}
