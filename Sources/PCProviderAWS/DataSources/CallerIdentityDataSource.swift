import PCAWS
import PCLang
import PCProvider

/// `aws_caller_identity`: who the provider's credentials belong to
/// (STS GetCallerIdentity).
struct CallerIdentityDataSource: AWSDataSourceType {
    let name = "aws_caller_identity"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The account id."),
                "account_id": AttributeSchema(.string, .computed, summary: "The AWS account id, 12 digits."),
                "arn": AttributeSchema(.string, .computed, summary: "The ARN of the user or assumed role."),
                "user_id": AttributeSchema(.string, .computed, summary: "The unique id of the calling entity."),
            ],
            summary: "The account, ARN and user id of the credentials in use.")
    }

    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value {
        let identity: AWSCallerIdentity
        do {
            identity = try api.callerIdentity()
        } catch {
            throw ProviderError(error, while: "reading the caller identity")
        }
        return .state([
            "id": .string(identity.account),
            "account_id": .string(identity.account),
            "arn": .optionalString(identity.arn),
            "user_id": .optionalString(identity.userID),
        ], schema: schema)
    }
}
