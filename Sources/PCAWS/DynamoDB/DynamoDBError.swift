/// A failed DynamoDB call, with the two outcomes callers act on singled
/// out: a write whose condition did not hold, and a table that does not
/// exist. Everything else is the `AWSError` of the call.
public enum DynamoDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ConditionalCheckFailedException`: the item was not written or
    /// deleted because the condition was false. Not a failure of the
    /// service: the answer to "only if …".
    case conditionFailed(table: String, operation: String, AWSError)
    /// `ResourceNotFoundException`: no table of that name in the region
    /// and account of the credentials.
    case tableNotFound(table: String, region: String, AWSError)
    /// A successful reply that does not have the shape DynamoDB documents.
    case invalidReply(table: String, operation: String, reason: String)
    /// Any other failure (permissions, throttling after the retries,
    /// validation, transport).
    case aws(AWSError)

    /// The service's error behind this one, if a reply or transport failure caused it.
    public var awsError: AWSError? {
        switch self {
        case .conditionFailed(_, _, let error), .tableNotFound(_, _, let error), .aws(let error): error
        case .invalidReply: nil
        }
    }

    public var isConditionFailure: Bool {
        if case .conditionFailed = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .conditionFailed(let table, let operation, _):
            return "dynamodb \(operation) on table \"\(table)\": the condition of the write did not hold, so nothing was changed"
        case .tableNotFound(let table, let region, let error):
            return "dynamodb \(error.operation): table \"\(table)\" does not exist in region \(region) for these credentials; "
                + "create it (with a String partition key named LockID for state locks) or correct the table name and region "
                + "(\(error.code): \(error.message))"
        case .invalidReply(let table, let operation, let reason):
            return "dynamodb \(operation) on table \"\(table)\": the reply could not be read: \(reason)"
        case .aws(let error):
            return error.description
        }
    }

    /// Sorts a call's failure into the cases above.
    static func from(_ error: AWSError, table: String, region: String) -> DynamoDBError {
        switch error.code {
        case "ConditionalCheckFailedException": .conditionFailed(table: table, operation: error.operation, error)
        case "ResourceNotFoundException": .tableNotFound(table: table, region: region, error)
        default: .aws(error)
        }
    }
}
