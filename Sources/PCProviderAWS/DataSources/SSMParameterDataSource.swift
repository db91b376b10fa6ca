import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_ssm_parameter`: one Systems Manager parameter, such as the
/// ECS-optimized AMI id under `/aws/service/ecs/optimized-ami/…/image_id`.
struct SSMParameterDataSource: AWSDataSourceType {
    let name = "aws_ssm_parameter"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "name": AttributeSchema(.string, .required, summary: "The parameter's name or path."),
                "with_decryption": AttributeSchema(.bool, .optional, summary: "Decrypt SecureString values (default true)."),
                "id": AttributeSchema(.string, .computed, summary: "The parameter's name."),
                "arn": AttributeSchema(.string, .computed),
                "type": AttributeSchema(.string, .computed, summary: "String, StringList or SecureString."),
                "value": AttributeSchema(.string, .computed, sensitive: true, summary: "The value; always sensitive."),
                "insecure_value": AttributeSchema(.string, .computed, summary: "The value unmarked, for String and StringList parameters; null for SecureString."),
                "version": AttributeSchema(.number, .computed),
            ],
            summary: "Reads one SSM parameter.")
    }

    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value {
        let parameterName = try configuration.requiredString("name", in: name)
        let decrypt = configuration.boolAttribute("with_decryption") ?? true
        let reply: Value
        do {
            reply = try api.json(.ssm, "GetParameter", .object(["Name": .string(parameterName), "WithDecryption": .bool(decrypt)]))
        } catch {
            if error.code == "ParameterNotFound" {
                throw ProviderError(
                    "SSM parameter \"\(parameterName)\" not found",
                    detail: "There is no SSM parameter \"\(parameterName)\" in \(api.region) (or the credentials may not read it).",
                    attribute: ValuePath([.attribute("name")]))
            }
            throw ProviderError(error, while: "reading SSM parameter \"\(parameterName)\"")
        }
        guard let parameter = reply.singleBlock("Parameter") else {
            throw ProviderError(
                "Error reading SSM parameter \"\(parameterName)\"", detail: "SSM GetParameter answered without a Parameter.")
        }
        let type = parameter.stringAttribute("Type")
        let value = SSMParameterDataSource.text(of: parameter.attributeValue("Value"))
        return .state([
            "name": .string(parameterName),
            "with_decryption": configuration.attributeValue("with_decryption") ?? .null(.bool),
            "id": .string(parameter.stringAttribute("Name") ?? parameterName),
            "arn": .optionalString(parameter.stringAttribute("ARN")),
            "type": .optionalString(type),
            "value": .optionalString(value),
            "insecure_value": type == "SecureString" ? .null(.string) : .optionalString(value),
            "version": .optionalInt(parameter.intAttribute("Version")),
        ], schema: schema)
    }

    /// The value as text. moto returns some JSON-valued public parameters
    /// as a JSON object rather than a string (moto.md §6); AWS always sends
    /// a string. Either way the user gets the JSON text.
    static func text(of value: Value?) -> String? {
        guard let value, !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        return try? value.jsonString()
    }
}
