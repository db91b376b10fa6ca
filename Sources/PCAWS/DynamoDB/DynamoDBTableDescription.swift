import PCLang

/// What `DescribeTable` says about a table: enough to tell whether it is
/// ready and whether its key fits the use pcplan makes of it.
public struct DynamoDBTableDescription: Sendable, Equatable {
    /// One element of the primary key.
    public struct KeyElement: Sendable, Equatable {
        public var attribute: String
        /// `HASH` (the partition key) or `RANGE` (the sort key).
        public var keyType: String
        /// The attribute's scalar type (`S`, `N`, `B`) from the table's
        /// attribute definitions; nil when the reply does not define it.
        public var attributeType: String?

        public init(attribute: String, keyType: String, attributeType: String?) {
            self.attribute = attribute
            self.keyType = keyType
            self.attributeType = attributeType
        }
    }

    public var name: String
    /// `CREATING`, `ACTIVE`, `UPDATING`, `DELETING`, …
    public var status: String
    /// The primary key, partition key first.
    public var keySchema: [KeyElement]
    /// `PAY_PER_REQUEST` or `PROVISIONED`; nil when the reply does not say
    /// (tables created before billing modes existed).
    public var billingMode: String?
    public var arn: String?
    /// DynamoDB's estimate, refreshed about every six hours.
    public var itemCount: Int?

    public init(
        name: String, status: String, keySchema: [KeyElement], billingMode: String? = nil, arn: String? = nil,
        itemCount: Int? = nil
    ) {
        self.name = name
        self.status = status
        self.keySchema = keySchema
        self.billingMode = billingMode
        self.arn = arn
        self.itemCount = itemCount
    }

    public var isActive: Bool { status == "ACTIVE" }

    /// The partition key.
    public var hashKey: KeyElement? { keySchema.first { $0.keyType == "HASH" } }

    /// The sort key, if the table has one.
    public var rangeKey: KeyElement? { keySchema.first { $0.keyType == "RANGE" } }

    /// Why items keyed by the String attribute `attribute` alone cannot be
    /// stored in this table, or nil when they can. Terraform's lock table
    /// must be keyed this way by `LockID`; a sort key would make every
    /// lock write fail with a validation error.
    public func keyProblem(expectedHashKey attribute: String) -> String? {
        var problems: [String] = []
        if let hash = hashKey {
            if hash.attribute != attribute {
                problems.append("its partition key is \"\(hash.attribute)\", not \"\(attribute)\"")
            } else if let type = hash.attributeType, type != "S" {
                problems.append("its partition key \"\(attribute)\" has type \(type), not S (String)")
            }
        } else {
            problems.append("it has no partition key")
        }
        if let range = rangeKey {
            problems.append("it has a sort key \"\(range.attribute)\", and must have none")
        }
        guard !problems.isEmpty else { return nil }
        return "table \"\(name)\" cannot be used: " + problems.joined(separator: " and ")
            + "; the table needs exactly one key, a String partition key named \(attribute)"
    }

    /// Reads the `Table` (DescribeTable) or `TableDescription` (CreateTable)
    /// member of a reply.
    public init(wire: Value) throws(DynamoDBAttributeValue.WireError) {
        guard let table = wire.attributes else {
            throw DynamoDBAttributeValue.WireError(path: "Table", message: "expected an object")
        }
        guard let name = table["TableName"]?.stringValue else {
            throw DynamoDBAttributeValue.WireError(path: "Table.TableName", message: "missing")
        }
        guard let status = table["TableStatus"]?.stringValue else {
            throw DynamoDBAttributeValue.WireError(path: "Table.TableStatus", message: "missing")
        }
        var types: [String: String] = [:]
        for definition in table["AttributeDefinitions"]?.elements ?? [] {
            if let attribute = definition.attributes?["AttributeName"]?.stringValue,
                let type = definition.attributes?["AttributeType"]?.stringValue
            {
                types[attribute] = type
            }
        }
        var keySchema: [KeyElement] = []
        for (index, element) in (table["KeySchema"]?.elements ?? []).enumerated() {
            guard let attribute = element.attributes?["AttributeName"]?.stringValue,
                let keyType = element.attributes?["KeyType"]?.stringValue
            else {
                throw DynamoDBAttributeValue.WireError(
                    path: "Table.KeySchema[\(index)]", message: "expected AttributeName and KeyType")
            }
            keySchema.append(KeyElement(attribute: attribute, keyType: keyType, attributeType: types[attribute]))
        }
        // Partition key first, whatever order the reply used.
        keySchema.sort { ($0.keyType == "HASH" ? 0 : 1) < ($1.keyType == "HASH" ? 0 : 1) }
        self.init(
            name: name, status: status, keySchema: keySchema,
            billingMode: table["BillingModeSummary"]?.attributes?["BillingMode"]?.stringValue,
            arn: table["TableArn"]?.stringValue,
            itemCount: table["ItemCount"]?.numberValue?.intValue)
    }
}
