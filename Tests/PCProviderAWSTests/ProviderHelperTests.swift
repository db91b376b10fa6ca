import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// The helpers resource types share: attribute reading, state building,
/// tags, filters, error wording. No server needed.
@Suite struct ProviderHelperTests {
    static let schema = ResourceSchema(
        attributes: [
            "id": AttributeSchema(.string, .computed),
            "name": AttributeSchema(.string, .required),
            "count": AttributeSchema(.number, .optional),
            "enabled": AttributeSchema(.bool, .optional),
            "subnets": AttributeSchema(.set(.string), .optional),
            "tags": AttributeSchema(.map(.string), .optional),
        ],
        blocks: [
            "listener": BlockSchema(.list, ResourceSchema(attributes: [
                "port": AttributeSchema(.number, .required), "protocol": AttributeSchema(.string, .optional),
            ])),
            "health_check": BlockSchema(.single, ResourceSchema(attributes: ["target": AttributeSchema(.string, .required)])),
        ])

    @Test func readersTreatAbsentNullAndUnknownAsUnset() {
        let value = Value.object([
            "name": .string("web"), "count": .number(3), "enabled": .true, "subnets": .stringSet(["b", "a"]),
            "tags": .stringMap(["Name": "web"]), "id": .unknown(.string), "ratio": .number(Number(exactly: 0.5)!),
            "nothing": .null(.string),
        ])
        #expect(value.stringAttribute("name") == "web")
        #expect(value.intAttribute("count") == 3)
        #expect(value.doubleAttribute("ratio") == 0.5)
        #expect(value.intAttribute("ratio") == nil)
        #expect(value.boolAttribute("enabled") == true)
        #expect(value.stringListAttribute("subnets") == ["a", "b"])
        #expect(value.stringMapAttribute("tags") == ["Name": "web"])
        #expect(value.stringAttribute("id") == nil)
        #expect(value.stringAttribute("nothing") == nil)
        #expect(value.stringAttribute("absent") == nil)
        #expect(Value.null.stringAttribute("name") == nil)
        #expect(throws: ProviderError.self) { try value.requiredString("id", in: "aws_test") }
    }

    @Test func stateFillsEveryAttributeAndBlock() throws {
        let state = Value.state([
            "name": .string("web"), "stray": .string("dropped"),
            "listener": .tuple([.object(["port": .number(80)])]),
        ], schema: Self.schema)
        let attributes = try #require(state.attributes)
        #expect(Set(attributes.keys) == ["id", "name", "count", "enabled", "subnets", "tags", "listener", "health_check"])
        #expect(attributes["count"] == .null(.number))
        #expect(attributes["subnets"] == .null(.set(.string)))
        #expect(attributes["health_check"]?.isNull == true)
        let listener = try #require(state.blockList("listener").first)
        #expect(listener.intAttribute("port") == 80)
        #expect(listener.attributes?["protocol"] == .null(.string))
        #expect(state.updating(["id": .string("x")]).stringAttribute("id") == "x")
        #expect(Value.optionalInt(nil) == .null(.number))
        #expect(Value.optionalDouble(.infinity) == .null(.number))
    }

    @Test func tagsConvertBetweenMapsAndEveryListShape() throws {
        let xml = try XMLValue.parse("""
            <r><tagSet><item><key>Name</key><value>web</value></item><item><key>aws:cloudformation:stack-name</key><value>s</value></item></tagSet>
            <Tags><member><Key>team</Key><Value>core</Value></member></Tags></r>
            """)
        #expect(AWSTags.map(fromXML: xml.list("tagSet")) == ["Name": "web"])
        #expect(AWSTags.map(fromXML: xml.list("Tags")) == ["team": "core"])

        let json = Value.tuple([.object(["key": .string("a"), "value": .string("1")]), .object(["Key": .string("b"), "Value": .string("2")])])
        #expect(AWSTags.map(fromJSON: json) == ["a": "1", "b": "2"])
        #expect(AWSTags.map(fromJSON: nil) == [:])
        #expect(try AWSTags.jsonList(["b": "2", "a": "1"], keyName: "key", valueName: "value").jsonString()
            == #"[{"key":"a","value":"1"},{"key":"b","value":"2"}]"#)

        #expect(AWSTags.queryParameters(["b": "2", "a": "1"]).map { "\($0.0)=\($0.1)" }
            == ["Tags.member.1.Key=a", "Tags.member.1.Value=1", "Tags.member.2.Key=b", "Tags.member.2.Value=2"])
        #expect(AWSTags.ec2TagSpecification(resourceType: "vpc", ["Name": "x"]).map { "\($0.0)=\($0.1)" }
            == ["TagSpecification.1.ResourceType=vpc", "TagSpecification.1.Tag.1.Key=Name", "TagSpecification.1.Tag.1.Value=x"])
        #expect(AWSTags.ec2TagSpecification(resourceType: "vpc", [:]).isEmpty)

        let changes = AWSTags.changes(from: ["keep": "1", "change": "old", "drop": "x"], to: ["keep": "1", "change": "new", "add": "y"])
        #expect(changes.set.map { "\($0.key)=\($0.value)" } == ["add=y", "change=new"])
        #expect(changes.remove == ["drop"])
    }

    @Test func ec2FiltersAreNumberedInOrder() {
        let parameters = EC2Filters.parameters([("vpc-id", ["vpc-1"]), ("tag:Name", ["a", "b"])])
        #expect(parameters.map { "\($0.0)=\($0.1)" } == [
            "Filter.1.Name=vpc-id", "Filter.1.Value.1=vpc-1", "Filter.2.Name=tag:Name", "Filter.2.Value.1=a", "Filter.2.Value.2=b",
        ])
        #expect(EC2Filters.describe([("vpc-id", ["vpc-1"]), ("state", ["a", "b"])]) == "vpc-id = vpc-1, state = [a, b]")
    }

    @Test func awsErrorsBecomeDiagnosticsWithRemedies() {
        let denied = ProviderError(
            AWSError(code: "AccessDenied", message: "User is not authorized", requestID: "r-1", httpStatus: 403, service: "iam", operation: "CreateRole"),
            while: "creating IAM role \"app\"")
        #expect(denied.summary == "Creating IAM role \"app\" failed")
        #expect(denied.detail.hasPrefix("iam CreateRole: AccessDenied: User is not authorized (request id r-1)."))
        #expect(denied.detail.contains("not allowed to call iam:CreateRole"))

        let created = Value.object(["id": .string("fs-1")])
        let tainted = ProviderError(
            AWSError(code: "WaitTimeout", message: "not reached", service: "", operation: "waiting for fs-1"),
            while: "waiting for EFS file system \"fs-1\"", createdObject: created)
        #expect(tainted.createdObject == created)
        #expect(tainted.detail.contains("run plan again"))

        let plain = ProviderError(AWSError(code: "ClientException", message: "nope", service: "ecs", operation: "CreateCluster"), while: "creating it")
        #expect(plain.detail == "ecs CreateCluster: ClientException: nope.")
    }

    @Test func arnsFollowThePartition() {
        #expect(AWSARN.make(service: "ec2", region: "us-east-1", account: "1", resource: "vpc/v") == "arn:aws:ec2:us-east-1:1:vpc/v")
        #expect(AWSARN.make(service: "ec2", region: "cn-north-1", account: "1", resource: "vpc/v") == "arn:aws-cn:ec2:cn-north-1:1:vpc/v")
        #expect(AWSARN.make(service: "iam", region: "", account: "1", resource: "role/r") == "arn:aws:iam::1:role/r")
    }

    @Test func theConfigurationSchemaHasTheDocumentedArguments() {
        let schema = AWSProvider(environment: AWSEnvironment(variables: [:], homeDirectory: "/nonexistent")).configurationSchema
        #expect(Set(schema.attributes.keys) == [
            "region", "access_key", "secret_key", "token", "profile", "shared_credentials_files", "shared_config_files",
            "max_retries", "skip_credentials_validation",
        ])
        #expect(schema.attributes["secret_key"]?.isSensitive == true)
        #expect(schema.attributes["token"]?.isSensitive == true)
        #expect(Set(schema.blocks["endpoints"]?.content.attributes.keys.map { $0 } ?? []) == [
            "autoscaling", "ec2", "ecs", "efs", "elb", "iam", "secretsmanager", "ssm", "sts",
        ])
    }

    @Test func settingsDecodeFromTheBlock() throws {
        let block = Value.state([
            "region": .string("eu-west-1"), "profile": .string("dev"), "max_retries": .number(7),
            "shared_config_files": .list(strings: ["~/a", "~/b"]), "skip_credentials_validation": .true,
            "endpoints": .object(["ecs": .string("http://127.0.0.1:1"), "sts": .null(.string)]),
        ], schema: AWSProviderSettings.schema)
        let decoded = try AWSProviderSettings.decode(block)
        #expect(decoded.settings.region == "eu-west-1")
        #expect(decoded.settings.profile == "dev")
        #expect(decoded.settings.maxRetries == 7)
        #expect(decoded.settings.sharedConfigFiles == ["~/a", "~/b"])
        #expect(decoded.settings.endpoints == ["ecs": "http://127.0.0.1:1"])
        #expect(decoded.skipCredentialsValidation)
        #expect(try AWSProviderSettings.decode(.null).settings == AWSSettings())
    }
}
