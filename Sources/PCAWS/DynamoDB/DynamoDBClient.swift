import PCLang

/// The DynamoDB calls the state backend needs: single items written,
/// read and deleted under conditions, and the table's description.
///
/// A thin, typed layer over `AWSClient.json(.dynamoDB, …)`: requests are
/// signed, retried and logged by the client as every other call. Every
/// write may carry a `DynamoDBCondition`, checked atomically with the
/// write; when it does not hold the call throws
/// `DynamoDBError.conditionFailed` and nothing changes.
public struct DynamoDBClient: Sendable {
    public let aws: AWSClient

    public init(_ aws: AWSClient) {
        self.aws = aws
    }

    // MARK: Items

    /// Writes `item` whole, replacing any item with the same key, if
    /// `condition` holds for the item stored now (an absent item has no
    /// attributes, so `attributeNotExists` holds for it).
    public func putItem(
        _ table: String, _ item: DynamoDBItem, condition: DynamoDBCondition? = nil
    ) throws(DynamoDBError) {
        var body: [String: Value] = [
            "TableName": .string(table),
            "Item": DynamoDBAttributeValue.wireItem(item),
        ]
        condition?.rendered.add(to: &body)
        _ = try call("PutItem", table: table, body)
    }

    /// The item with this key, or nil. `consistentRead` (the default) sees
    /// every write that succeeded before the call; an eventually consistent
    /// read may not, and costs half.
    public func getItem(
        _ table: String, key: DynamoDBItem, consistentRead: Bool = true
    ) throws(DynamoDBError) -> DynamoDBItem? {
        let reply = try call(
            "GetItem", table: table,
            [
                "TableName": .string(table),
                "Key": DynamoDBAttributeValue.wireItem(key),
                "ConsistentRead": .bool(consistentRead),
            ])
        guard let item = reply.attributes?["Item"], !item.isNull else { return nil }
        return try decode(item, member: "Item", operation: "GetItem", table: table)
    }

    /// Deletes the item with this key if `condition` holds, and returns
    /// what was deleted (nil when there was no such item: deleting nothing
    /// is not an error in DynamoDB).
    @discardableResult
    public func deleteItem(
        _ table: String, key: DynamoDBItem, condition: DynamoDBCondition? = nil
    ) throws(DynamoDBError) -> DynamoDBItem? {
        var body: [String: Value] = [
            "TableName": .string(table),
            "Key": DynamoDBAttributeValue.wireItem(key),
            "ReturnValues": .string("ALL_OLD"),
        ]
        condition?.rendered.add(to: &body)
        let reply = try call("DeleteItem", table: table, body)
        guard let attributes = reply.attributes?["Attributes"], !attributes.isNull else { return nil }
        return try decode(attributes, member: "Attributes", operation: "DeleteItem", table: table)
    }

    // MARK: Tables

    /// The table's status and key schema; `DynamoDBError.tableNotFound`
    /// when there is no such table.
    public func describeTable(_ table: String) throws(DynamoDBError) -> DynamoDBTableDescription {
        let reply = try call("DescribeTable", table: table, ["TableName": .string(table)])
        return try description(reply.attributes?["Table"] ?? .null, operation: "DescribeTable", table: table)
    }

    /// Creates an on-demand (`PAY_PER_REQUEST`) table keyed by the String
    /// attribute `hashKey` alone, as Terraform's lock table is. AWS answers
    /// while the table is still `CREATING`; `waitUntilActive` waits for it.
    @discardableResult
    public func createTable(
        _ table: String, hashKey: String, tags: [String: String] = [:]
    ) throws(DynamoDBError) -> DynamoDBTableDescription {
        var body: [String: Value] = [
            "TableName": .string(table),
            "AttributeDefinitions": .tuple([
                .object(["AttributeName": .string(hashKey), "AttributeType": .string("S")])
            ]),
            "KeySchema": .tuple([.object(["AttributeName": .string(hashKey), "KeyType": .string("HASH")])]),
            "BillingMode": .string("PAY_PER_REQUEST"),
        ]
        if !tags.isEmpty {
            body["Tags"] = .tuple(tags.keys.sorted().map { key in
                .object(["Key": .string(key), "Value": .string(tags[key] ?? "")])
            })
        }
        let reply = try call("CreateTable", table: table, body)
        return try description(reply.attributes?["TableDescription"] ?? .null, operation: "CreateTable", table: table)
    }

    /// Deletes the table and every item in it.
    public func deleteTable(_ table: String) throws(DynamoDBError) {
        _ = try call("DeleteTable", table: table, ["TableName": .string(table)])
    }

    /// Describes the table until it is `ACTIVE` and returns that
    /// description; `WaitTimeout` after `timeout` seconds.
    @discardableResult
    public func waitUntilActive(
        _ table: String, timeout: Double = 300, interval: Double = 2
    ) throws(DynamoDBError) -> DynamoDBTableDescription {
        // AWSWaiter speaks AWSError; keep the typed failure of a check aside
        // so it comes back out as the same DynamoDBError.
        var failure: DynamoDBError?
        do throws(AWSError) {
            return try AWSWaiter.wait(for: "DynamoDB table \"\(table)\" to be ACTIVE", timeout: timeout, interval: interval) {
                () throws(AWSError) -> DynamoDBTableDescription? in
                do throws(DynamoDBError) {
                    let description = try describeTable(table)
                    return description.isActive ? description : nil
                } catch {
                    failure = error
                    throw error.awsError ?? AWSError(
                        code: "InvalidResponse", message: error.description, service: "dynamodb", operation: "DescribeTable")
                }
            }
        } catch {
            throw failure ?? .aws(error)
        }
    }

    // MARK: The exchange

    private func call(_ operation: String, table: String, _ body: [String: Value]) throws(DynamoDBError) -> Value {
        do {
            return try aws.json(.dynamoDB, operation, .object(body))
        } catch {
            throw DynamoDBError.from(error, table: table, region: aws.region)
        }
    }

    private func decode(
        _ wire: Value, member: String, operation: String, table: String
    ) throws(DynamoDBError) -> DynamoDBItem {
        do {
            return try DynamoDBAttributeValue.item(wire: wire, path: member)
        } catch {
            throw .invalidReply(table: table, operation: operation, reason: error.description)
        }
    }

    private func description(
        _ wire: Value, operation: String, table: String
    ) throws(DynamoDBError) -> DynamoDBTableDescription {
        do {
            return try DynamoDBTableDescription(wire: wire)
        } catch {
            throw .invalidReply(table: table, operation: operation, reason: error.description)
        }
    }
}

extension AWSClient {
    /// DynamoDB calls through this client.
    public var dynamoDB: DynamoDBClient { DynamoDBClient(self) }
}
