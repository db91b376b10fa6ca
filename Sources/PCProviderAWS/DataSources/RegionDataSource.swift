import PCAWS
import PCLang
import PCProvider

/// `aws_region`: the provider's region (or the one named), with its
/// description and EC2 endpoint. Answered from the region table below; no
/// API call is needed.
struct RegionDataSource: AWSDataSourceType {
    let name = "aws_region"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The region name."),
                "name": AttributeSchema(.string, .optionalComputed, summary: "The region; the provider's region when unset."),
                "description": AttributeSchema(.string, .computed, summary: "AWS's name for it, e.g. US East (N. Virginia); null for regions pcplan does not know."),
                "endpoint": AttributeSchema(.string, .computed, summary: "The region's EC2 endpoint host, e.g. ec2.us-east-1.amazonaws.com."),
            ],
            summary: "The provider's region, or a named one.")
    }

    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value {
        let region = configuration.stringAttribute("name") ?? api.region
        guard RegionDataSource.descriptions[region] != nil || RegionDataSource.looksLikeRegion(region) else {
            throw ProviderError(
                "Invalid AWS region \"\(region)\"",
                detail: "\"\(region)\" is not an AWS region name. Region names look like us-east-1 or eu-west-1.",
                attribute: ValuePath([.attribute("name")]))
        }
        var host = AWSService.ec2.defaultEndpoint(region: region)
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        return .state([
            "id": .string(region),
            "name": .string(region),
            "description": .optionalString(RegionDataSource.descriptions[region]),
            "endpoint": .string(host),
        ], schema: schema)
    }

    /// `xx-name-N` or `xx-name-name-N`: the shape of every region name.
    static func looksLikeRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase && $0.isLetter } }
    }

    /// Region descriptions from botocore's `endpoints.json` (1.43).
    static let descriptions: [String: String] = [
        "af-south-1": "Africa (Cape Town)",
        "ap-east-1": "Asia Pacific (Hong Kong)",
        "ap-east-2": "Asia Pacific (Taipei)",
        "ap-northeast-1": "Asia Pacific (Tokyo)",
        "ap-northeast-2": "Asia Pacific (Seoul)",
        "ap-northeast-3": "Asia Pacific (Osaka)",
        "ap-south-1": "Asia Pacific (Mumbai)",
        "ap-south-2": "Asia Pacific (Hyderabad)",
        "ap-southeast-1": "Asia Pacific (Singapore)",
        "ap-southeast-2": "Asia Pacific (Sydney)",
        "ap-southeast-3": "Asia Pacific (Jakarta)",
        "ap-southeast-4": "Asia Pacific (Melbourne)",
        "ap-southeast-5": "Asia Pacific (Malaysia)",
        "ap-southeast-6": "Asia Pacific (New Zealand)",
        "ap-southeast-7": "Asia Pacific (Thailand)",
        "ca-central-1": "Canada (Central)",
        "ca-west-1": "Canada West (Calgary)",
        "eu-central-1": "Europe (Frankfurt)",
        "eu-central-2": "Europe (Zurich)",
        "eu-north-1": "Europe (Stockholm)",
        "eu-south-1": "Europe (Milan)",
        "eu-south-2": "Europe (Spain)",
        "eu-west-1": "Europe (Ireland)",
        "eu-west-2": "Europe (London)",
        "eu-west-3": "Europe (Paris)",
        "il-central-1": "Israel (Tel Aviv)",
        "me-central-1": "Middle East (UAE)",
        "me-south-1": "Middle East (Bahrain)",
        "mx-central-1": "Mexico (Central)",
        "sa-east-1": "South America (Sao Paulo)",
        "us-east-1": "US East (N. Virginia)",
        "us-east-2": "US East (Ohio)",
        "us-west-1": "US West (N. California)",
        "us-west-2": "US West (Oregon)",
        "cn-north-1": "China (Beijing)",
        "cn-northwest-1": "China (Ningxia)",
        "us-gov-east-1": "AWS GovCloud (US-East)",
        "us-gov-west-1": "AWS GovCloud (US-West)",
    ]
}
