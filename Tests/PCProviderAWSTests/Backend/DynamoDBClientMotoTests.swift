import Foundation
import PCAWS
import PCLang
import Testing

/// PCAWS's DynamoDB client against moto with signature checking on: tables,
/// items of every attribute type, conditional writes, and the failures the
/// state backend must tell apart.
@Suite(.serialized, .motoServer)
struct DynamoDBClientMotoTests {
    let moto: MotoServer
    let aws: AWSClient
    let dynamo: DynamoDBClient

    init() throws {
        moto = try MotoServer.forTest()
        aws = DynamoDBMoto.client(moto)
        dynamo = aws.dynamoDB
    }

    @Test func createsAndDescribesAnOnDemandLockTable() throws {
        let created = try dynamo.createTable("pcplan-locks", hashKey: "LockID", tags: ["team": "platform"])
        #expect(created.name == "pcplan-locks")
        #expect(created.keySchema == [.init(attribute: "LockID", keyType: "HASH", attributeType: "S")])

        let active = try dynamo.waitUntilActive("pcplan-locks", timeout: 30, interval: 0.2)
        #expect(active.isActive)
        #expect(active.billingMode == "PAY_PER_REQUEST")
        #expect(active.arn == "arn:aws:dynamodb:us-east-1:\(MotoServer.accountID):table/pcplan-locks")
        #expect(active.keyProblem(expectedHashKey: "LockID") == nil)
        #expect(try dynamo.describeTable("pcplan-locks") == active)
    }

    @Test func itemsOfEveryTypeRoundTripThroughTheService() throws {
        try dynamo.createTable("items", hashKey: "LockID")
        let item: DynamoDBItem = [
            "LockID": "bucket/prod.state/aws_vpc.main",
            "Serial": .number("12345678901234567890123456789012345678"),
            "Ratio": .number("-0.125"),
            "Blob": .binary([0, 1, 2, 0xFE, 0xFF]),
            "Tainted": false,
            "Gone": .null,
            "Tags": .stringSet(["b", "a"]),
            "Ports": .numberSet(["443", "80"]),
            "Keys": .binarySet([[1], [2, 3]]),
            "Attributes": .map([
                "cidr_block": "10.0.0.0/16",
                "subnets": .list([.map(["id": "subnet-1", "az": "us-east-1a"]), .list([1, "two", true])]),
            ]),
        ]
        try dynamo.putItem("items", item)
        let read = try #require(try dynamo.getItem("items", key: ["LockID": "bucket/prod.state/aws_vpc.main"]))
        #expect(read == item)
        #expect(try dynamo.getItem("items", key: ["LockID": "absent"]) == nil)

        let removed = try dynamo.deleteItem("items", key: ["LockID": "bucket/prod.state/aws_vpc.main"])
        #expect(removed == item)
        #expect(try dynamo.getItem("items", key: ["LockID": "bucket/prod.state/aws_vpc.main"]) == nil)
        #expect(try dynamo.deleteItem("items", key: ["LockID": "bucket/prod.state/aws_vpc.main"]) == nil)
    }

    @Test func conditionalWritesGuardTheSerial() throws {
        try dynamo.createTable("journal", hashKey: "LockID")
        let key: DynamoDBItem = ["LockID": "b/k-head"]
        func write(serial: Int, lineage: String) throws(DynamoDBError) {
            // "Only a newer serial of the same lineage": what the backend
            // checks on every commit.
            try dynamo.putItem(
                "journal", key.merging(["Serial": .number(serial), "Lineage": .string(lineage)]) { $1 },
                condition: .or(
                    .attributeNotExists("LockID"),
                    .and(.compare("Serial", .less, .number(serial)), .equals("Lineage", .string(lineage)))))
        }
        try write(serial: 1, lineage: "L1")
        try write(serial: 2, lineage: "L1")
        for (serial, lineage) in [(2, "L1"), (1, "L1"), (3, "L2")] {
            do {
                try write(serial: serial, lineage: lineage)
                Issue.record("serial \(serial) of \(lineage) was written over serial 2 of L1")
            } catch {
                #expect(error.isConditionFailure, "\(error)")
            }
        }
        #expect(try dynamo.getItem("journal", key: key)?["Serial"] == .number(2))

        // A delete under a condition that does not hold leaves the item.
        do {
            try dynamo.deleteItem("journal", key: key, condition: .equals("Lineage", "L2"))
            Issue.record("deleted under a false condition")
        } catch {
            guard case .conditionFailed(let table, let operation, _) = error else {
                Issue.record("expected conditionFailed, got \(error)")
                return
            }
            #expect(table == "journal" && operation == "DeleteItem")
        }
        #expect(try dynamo.deleteItem("journal", key: key, condition: .beginsWith("Lineage", "L"))?["Lineage"] == "L1")
    }

    @Test func aMissingTableIsTypedForEveryCall() throws {
        let calls: [(String, () throws(DynamoDBError) -> Void)] = [
            ("DescribeTable", { () throws(DynamoDBError) in _ = try dynamo.describeTable("missing-table") }),
            ("GetItem", { () throws(DynamoDBError) in _ = try dynamo.getItem("missing-table", key: ["LockID": "x"]) }),
            ("PutItem", { () throws(DynamoDBError) in try dynamo.putItem("missing-table", ["LockID": "x"]) }),
            ("DeleteItem", { () throws(DynamoDBError) in try dynamo.deleteItem("missing-table", key: ["LockID": "x"]) }),
        ]
        for (operation, call) in calls {
            do {
                try call()
                Issue.record("\(operation) on a missing table succeeded")
            } catch {
                guard case .tableNotFound(let table, let region, let aws) = error else {
                    Issue.record("\(operation): expected tableNotFound, got \(error)")
                    continue
                }
                #expect(table == "missing-table" && region == "us-east-1")
                #expect(aws.code == "ResourceNotFoundException" && aws.operation == operation)
                #expect(error.description.contains("table \"missing-table\" does not exist in region us-east-1"))
            }
        }
    }

    @Test func aWrongSignatureIsRefusedNotMistakenForAMissingTable() throws {
        let forged = DynamoDBMoto.client(moto, secret: "not-the-secret-key-at-all").dynamoDB
        do {
            _ = try forged.describeTable("anything")
            Issue.record("moto accepted a request signed with the wrong secret")
        } catch {
            guard case .aws(let aws) = error else {
                Issue.record("expected an AWS error, got \(error)")
                return
            }
            #expect(["InvalidSignatureException", "SignatureDoesNotMatch", "UnrecognizedClientException"].contains(aws.code), "\(aws)")
            #expect(!error.description.contains("not-the-secret-key-at-all"))
        }
    }

    @Test func aTableKeyedOtherwiseIsDetected() throws {
        try dynamo.createTable("keyed-by-id", hashKey: "id")
        let byID = try dynamo.describeTable("keyed-by-id")
        #expect(byID.keyProblem(expectedHashKey: "LockID")?.contains("its partition key is \"id\", not \"LockID\"") == true)

        // A table with a sort key, made with the raw call.
        _ = try aws.json(.dynamoDB, "CreateTable", .object([
            "TableName": .string("with-sort-key"),
            "AttributeDefinitions": .tuple([
                .object(["AttributeName": .string("LockID"), "AttributeType": .string("S")]),
                .object(["AttributeName": .string("Version"), "AttributeType": .string("N")]),
            ]),
            "KeySchema": .tuple([
                .object(["AttributeName": .string("LockID"), "KeyType": .string("HASH")]),
                .object(["AttributeName": .string("Version"), "KeyType": .string("RANGE")]),
            ]),
            "BillingMode": .string("PAY_PER_REQUEST"),
        ]))
        let sorted = try dynamo.describeTable("with-sort-key")
        #expect(sorted.hashKey?.attribute == "LockID" && sorted.rangeKey?.attribute == "Version")
        #expect(sorted.keyProblem(expectedHashKey: "LockID")?.contains("it has a sort key \"Version\"") == true)
    }

    @Test func deletedTablesAreGone() throws {
        try dynamo.createTable("short-lived", hashKey: "LockID")
        try dynamo.deleteTable("short-lived")
        do {
            _ = try dynamo.describeTable("short-lived")
            Issue.record("the deleted table is still described")
        } catch {
            guard case .tableNotFound = error else {
                Issue.record("expected tableNotFound, got \(error)")
                return
            }
        }
    }
}
