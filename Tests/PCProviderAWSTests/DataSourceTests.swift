import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// The data sources, read through the configured provider against moto
/// (signature checking on), as the planner reads them.
@Suite(.serialized, .motoServer)
struct DataSourceTests {
    let moto: MotoServer
    let aws: ConfiguredAWSProvider

    init() throws {
        moto = try MotoServer.forTest()
        aws = try ProviderFixture.configured(moto)
    }

    /// What the planner passes: every argument present, null where unset.
    func read(_ type: String, _ arguments: [String: Value] = [:]) throws(ProviderError) -> Value {
        let schema = aws.dataSourceTypes[type]?.schema ?? ResourceSchema(attributes: [:])
        return try aws.readDataSource(type: type, configuration: .state(arguments, schema: schema))
    }

    static func filter(_ name: String, _ values: [String]) -> Value {
        .object(["name": .string(name), "values": .set(values.map(Value.string), element: .string)])
    }

    static func filters(_ entries: Value...) -> Value {
        .set(entries, element: EC2Filters.block.content.valueType)
    }

    /// Every returned object has exactly the schema's attributes, all known.
    func expectComplete(_ value: Value, _ type: String) {
        let schema = aws.dataSourceTypes[type]!.schema
        #expect(Set(value.attributes?.keys.map { $0 } ?? []) == Set(schema.attributes.keys).union(schema.blocks.keys))
        #expect(value.isWhollyKnown)
    }

    @Test func callerIdentity() throws {
        let identity = try read("aws_caller_identity")
        #expect(identity.stringAttribute("account_id") == "123456789012")
        #expect(identity.stringAttribute("id") == "123456789012")
        #expect(identity.stringAttribute("arn") == "arn:aws:iam::123456789012:user/pcplan")
        #expect(identity.stringAttribute("user_id")?.isEmpty == false)
        expectComplete(identity, "aws_caller_identity")
    }

    @Test(arguments: [
        (nil, "us-east-1", "US East (N. Virginia)", "ec2.us-east-1.amazonaws.com"),
        ("eu-west-1", "eu-west-1", "Europe (Ireland)", "ec2.eu-west-1.amazonaws.com"),
        ("cn-north-1", "cn-north-1", "China (Beijing)", "ec2.cn-north-1.amazonaws.com.cn"),
    ] as [(String?, String, String, String)])
    func region(_ asked: String?, _ name: String, _ description: String, _ endpoint: String) throws {
        let region = try read("aws_region", asked.map { ["name": .string($0)] } ?? [:])
        #expect(region.stringAttribute("name") == name)
        #expect(region.stringAttribute("id") == name)
        #expect(region.stringAttribute("description") == description)
        #expect(region.stringAttribute("endpoint") == endpoint)
        expectComplete(region, "aws_region")
    }

    @Test func anInvalidRegionNameIsRefused() throws {
        let error = #expect(throws: ProviderError.self) { try read("aws_region", ["name": .string("Mars")]) }
        #expect(error?.summary == "Invalid AWS region \"Mars\"")
        #expect(RegionDataSource.looksLikeRegion("ap-southeast-7"))
        #expect(RegionDataSource.looksLikeRegion("us-gov-west-1"))
        #expect(!RegionDataSource.looksLikeRegion("us-east"))
        #expect(!RegionDataSource.looksLikeRegion("US-EAST-1"))
    }

    @Test func theDefaultVPC() throws {
        let vpc = try read("aws_vpc", ["default": .true])
        let id = try #require(vpc.stringAttribute("id"))
        #expect(id.hasPrefix("vpc-"))
        #expect(vpc.stringAttribute("cidr_block") == "172.31.0.0/16")
        #expect(vpc.boolAttribute("default") == true)
        #expect(vpc.stringAttribute("state") == "available")
        #expect(vpc.stringAttribute("arn") == "arn:aws:ec2:us-east-1:123456789012:vpc/\(id)")
        #expect(vpc.stringMapAttribute("tags") == [:])
        expectComplete(vpc, "aws_vpc")

        let byID = try read("aws_vpc", ["id": .string(id)])
        #expect(byID.stringAttribute("id") == id)
        #expect(byID.boolAttribute("default") == true)
    }

    @Test func aVPCByFilterAndTags() throws {
        let created = try aws.api.query(.ec2, "CreateVpc", [("CidrBlock", "10.20.0.0/16")]
            + AWSTags.ec2TagSpecification(resourceType: "vpc", ["Name": "probe", "team": "platform"]))
        let id = try #require(created.string("vpc", "vpcId"))

        let byTag = try read("aws_vpc", ["tags": .stringMap(["Name": "probe"])])
        #expect(byTag.stringAttribute("id") == id)
        #expect(byTag.stringMapAttribute("tags") == ["Name": "probe", "team": "platform"])
        #expect(byTag.boolAttribute("default") == false)

        let byFilter = try read("aws_vpc", ["filter": Self.filters(Self.filter("cidr", ["10.20.0.0/16"]))])
        #expect(byFilter.stringAttribute("id") == id)

        let several = #expect(throws: ProviderError.self) { try read("aws_vpc") }
        #expect(several?.summary == "Multiple VPCs matched")
        #expect(several?.detail.contains(id) == true)
    }

    @Test func aMissingVPCIsAClearError() throws {
        let none = #expect(throws: ProviderError.self) { try read("aws_vpc", ["tags": .stringMap(["Name": "nothing-here"])]) }
        #expect(none?.summary == "No matching VPC found")
        #expect(none?.detail.contains("tag:Name = nothing-here") == true, "\(none?.detail ?? "")")

        let badID = #expect(throws: ProviderError.self) { try read("aws_vpc", ["id": .string("vpc-0123456789abcdef0")]) }
        #expect(badID?.summary == "No matching VPC found")
    }

    @Test func subnetsOfTheDefaultVPC() throws {
        let vpc = try #require(try read("aws_vpc", ["default": .true]).stringAttribute("id"))
        let subnets = try read("aws_subnets", ["filter": Self.filters(Self.filter("vpc-id", [vpc]))])
        let ids = try #require(subnets.stringListAttribute("ids"))
        #expect(ids.count == 6)  // one default subnet per us-east-1 zone
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.hasPrefix("subnet-") })
        #expect(subnets.stringAttribute("id") == "us-east-1")
        expectComplete(subnets, "aws_subnets")

        let oneZone = try read("aws_subnets", ["filter": Self.filters(
            Self.filter("vpc-id", [vpc]), Self.filter("availability-zone", ["us-east-1a", "us-east-1b"]))])
        #expect(oneZone.stringListAttribute("ids")?.count == 2)
        #expect(Set(oneZone.stringListAttribute("ids") ?? []).isSubset(of: Set(ids)))

        let none = try read("aws_subnets", ["filter": Self.filters(Self.filter("vpc-id", ["vpc-00000000"]))])
        #expect(none.stringListAttribute("ids") == [])
    }

    @Test func theECSOptimizedAMIParameter() throws {
        let name = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"
        let parameter = try read("aws_ssm_parameter", ["name": .string(name)])
        let value = try #require(parameter.stringAttribute("value"))
        #expect(value.hasPrefix("ami-"))
        #expect(parameter.stringAttribute("insecure_value") == value)
        #expect(parameter.stringAttribute("type") == "String")
        #expect(parameter.stringAttribute("id") == name)
        #expect(parameter.intAttribute("version") != nil)
        #expect(parameter.stringAttribute("arn")?.hasPrefix("arn:aws:ssm:us-east-1:") == true)
        expectComplete(parameter, "aws_ssm_parameter")
        #expect(aws.dataSourceTypes["aws_ssm_parameter"]?.schema.attributes["value"]?.isSensitive == true)
    }

    @Test func aSecureStringIsDecryptedButNeverInsecure() throws {
        _ = try aws.api.json(.ssm, "PutParameter", .object([
            "Name": .string("/pcplan/test/secret"), "Value": .string("s3cr3t"), "Type": .string("SecureString"),
        ]))
        let decrypted = try read("aws_ssm_parameter", ["name": .string("/pcplan/test/secret")])
        #expect(decrypted.stringAttribute("value") == "s3cr3t")
        #expect(decrypted.stringAttribute("type") == "SecureString")
        #expect(decrypted.attributeValue("insecure_value") == nil)
        #expect(decrypted.intAttribute("version") == 1)

        let encrypted = try read("aws_ssm_parameter", ["name": .string("/pcplan/test/secret"), "with_decryption": .false])
        #expect(encrypted.stringAttribute("value") != "s3cr3t")
        #expect(encrypted.boolAttribute("with_decryption") == false)
    }

    @Test func aMissingParameterIsAClearError() throws {
        let error = #expect(throws: ProviderError.self) { try read("aws_ssm_parameter", ["name": .string("/pcplan/none")]) }
        #expect(error?.summary == "SSM parameter \"/pcplan/none\" not found")
        #expect(error?.attribute == ValuePath([.attribute("name")]))
    }

    @Test func aJSONObjectValueBecomesItsJSONText() throws {
        #expect(SSMParameterDataSource.text(of: .object(["image_id": .string("ami-1")])) == #"{"image_id":"ami-1"}"#)
        #expect(SSMParameterDataSource.text(of: .string("plain")) == "plain")
        #expect(SSMParameterDataSource.text(of: .null) == nil)
    }
}
