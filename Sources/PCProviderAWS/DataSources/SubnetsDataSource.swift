import PCAWS
import PCLang
import PCProvider

/// `aws_subnets`: the ids of every subnet matching EC2 filters
/// (`filter { name = "vpc-id" values = [data.aws_vpc.default.id] }`) and
/// tags, sorted so that the order never changes between runs. No match is
/// an empty list, not an error, as in Terraform.
struct SubnetsDataSource: AWSDataSourceType {
    let name = "aws_subnets"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The region (the search has no id of its own)."),
                "ids": AttributeSchema(.list(.string), .computed, summary: "The matching subnet ids, sorted."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags the subnets must have."),
            ],
            blocks: ["filter": EC2Filters.block],
            summary: "Finds the ids of the subnets that match filters.")
    }

    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value {
        let filters = EC2Filters.tagFilters(AWSTags.map(of: configuration)) + EC2Filters.filters(in: configuration)
        let subnets: [XMLValue]
        do {
            subnets = try EC2Filters.describeAll(api, "DescribeSubnets", EC2Filters.parameters(filters), listName: "subnetSet")
        } catch {
            throw ProviderError(error, while: "looking up subnets" + (filters.isEmpty ? "" : " (\(EC2Filters.describe(filters)))"))
        }
        let ids = subnets.compactMap { $0.string("subnetId") }.sorted()
        return .state([
            "id": .string(api.region),
            "ids": .list(strings: ids),
            "tags": configuration.attributeValue("tags") ?? .null(.map(.string)),
            "filter": configuration.attributeValue("filter") ?? .null,
        ], schema: schema)
    }
}
