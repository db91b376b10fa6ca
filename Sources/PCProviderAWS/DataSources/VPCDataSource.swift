import PCAWS
import PCLang
import PCProvider

/// `aws_vpc`: one VPC found by id, `default = true`, CIDR block, state,
/// tags or EC2 filters. Zero or several matches are an error, as in
/// Terraform.
struct VPCDataSource: AWSDataSourceType {
    let name = "aws_vpc"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .optionalComputed, summary: "The VPC id to look up."),
                "default": AttributeSchema(.bool, .optionalComputed, summary: "true: the region's default VPC."),
                "cidr_block": AttributeSchema(.string, .optionalComputed, summary: "The primary IPv4 CIDR block."),
                "state": AttributeSchema(.string, .optionalComputed, summary: "pending or available."),
                "tags": AttributeSchema(.map(.string), .optionalComputed, summary: "Tags the VPC must have; then all its tags."),
                "arn": AttributeSchema(.string, .computed),
                "owner_id": AttributeSchema(.string, .computed, summary: "The account that owns the VPC."),
                "instance_tenancy": AttributeSchema(.string, .computed),
                "dhcp_options_id": AttributeSchema(.string, .computed),
            ],
            blocks: ["filter": EC2Filters.block],
            summary: "Looks up one VPC.")
    }

    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value {
        var parameters: [(String, String)] = []
        if let id = configuration.stringAttribute("id") { parameters.append(("VpcId.1", id)) }
        var filters: [(name: String, values: [String])] = []
        if let isDefault = configuration.boolAttribute("default") { filters.append(("isDefault", [isDefault ? "true" : "false"])) }
        if let cidr = configuration.stringAttribute("cidr_block") { filters.append(("cidr", [cidr])) }
        if let state = configuration.stringAttribute("state") { filters.append(("state", [state])) }
        filters += EC2Filters.tagFilters(AWSTags.map(of: configuration))
        filters += EC2Filters.filters(in: configuration)
        parameters += EC2Filters.parameters(filters)

        let searched = ([configuration.stringAttribute("id").map { "id = \($0)" }].compactMap { $0 } + [EC2Filters.describe(filters)])
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let vpcs: [XMLValue]
        do {
            vpcs = try EC2Filters.describeAll(api, "DescribeVpcs", parameters, listName: "vpcSet")
        } catch {
            if error.code == "InvalidVpcID.NotFound" {
                throw ProviderError("No matching VPC found", detail: "No VPC in \(api.region) matches \(searched).")
            }
            throw ProviderError(error, while: "looking up a VPC")
        }
        guard let vpc = vpcs.first else {
            throw ProviderError(
                "No matching VPC found",
                detail: "No VPC in \(api.region) matches \(searched.isEmpty ? "the search (there are no VPCs)" : searched).")
        }
        guard vpcs.count == 1 else {
            let ids = vpcs.compactMap { $0.string("vpcId") }.sorted().joined(separator: ", ")
            throw ProviderError(
                "Multiple VPCs matched",
                detail: "\(vpcs.count) VPCs in \(api.region) match \(searched.isEmpty ? "an empty search" : searched): \(ids). "
                    + "Add arguments or filters so that exactly one matches.")
        }
        let id = vpc.string("vpcId") ?? ""
        let owner = vpc.string("ownerId") ?? ""
        return .state([
            "id": .string(id),
            "default": .optionalBool(vpc.bool("isDefault")),
            "cidr_block": .optionalString(vpc.string("cidrBlock")),
            "state": .optionalString(vpc.string("state")),
            "tags": AWSTags.value(AWSTags.map(fromXML: vpc.list("tagSet"))),
            "arn": .string(AWSARN.make(service: "ec2", region: api.region, account: owner, resource: "vpc/\(id)")),
            "owner_id": .optionalString(vpc.string("ownerId")),
            "instance_tenancy": .optionalString(vpc.string("instanceTenancy")),
            "dhcp_options_id": .optionalString(vpc.string("dhcpOptionsId")),
            "filter": configuration.attributeValue("filter") ?? .null,
        ], schema: schema)
    }
}
