import PCAWS
import PCLang
import PCProvider

/// EC2's `Filter.N.Name` / `Filter.N.Value.M` lookups, shared by the data
/// sources that search EC2 (and by resources that need to find objects).
enum EC2Filters {
    /// The `filter { name = "vpc-id" values = ["vpc-…"] }` block, as
    /// Terraform spells it; repeatable, unordered.
    static var block: BlockSchema {
        BlockSchema(.set, ResourceSchema(
            attributes: [
                "name": AttributeSchema(.string, .required, summary: "An EC2 filter name, e.g. vpc-id, tag:Name, default-for-az."),
                "values": AttributeSchema(.set(.string), .required, summary: "Matches objects with any of these values."),
            ],
            summary: "An EC2 API filter."))
    }

    /// The filter blocks of a configuration, in their set order.
    static func filters(in configuration: Value, block name: String = "filter") -> [(name: String, values: [String])] {
        configuration.blockList(name).compactMap { filter in
            guard let name = filter.stringAttribute("name") else { return nil }
            return (name, filter.stringListAttribute("values") ?? [])
        }
    }

    /// One `tag:Key` filter per tag.
    static func tagFilters(_ tags: [String: String]) -> [(name: String, values: [String])] {
        tags.keys.sorted().map { ("tag:\($0)", [tags[$0] ?? ""]) }
    }

    /// The query parameters, numbered from 1 in the order given.
    static func parameters(_ filters: [(name: String, values: [String])]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.name))
            for (valueIndex, value) in filter.values.enumerated() {
                parameters.append(("Filter.\(index + 1).Value.\(valueIndex + 1)", value))
            }
        }
        return parameters
    }

    /// Every item of a paginated EC2 Describe call (`nextToken` followed),
    /// from the list element `listName` (`subnetSet`, `vpcSet`).
    static func describeAll(
        _ api: AWSClient, _ action: String, _ parameters: [(String, String)], listName: String
    ) throws(AWSError) -> [XMLValue] {
        var items: [XMLValue] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try api.query(.ec2, action, parameters + (token.map { [("NextToken", $0)] } ?? []))
            items += page.list(listName)
            token = page.string("nextToken").flatMap { $0.isEmpty ? nil : $0 }
            pages += 1
        } while token != nil && pages < 1000
        return items
    }

    /// Renders filters for messages: `default = true, vpc-id = [vpc-1, vpc-2]`.
    static func describe(_ filters: [(name: String, values: [String])]) -> String {
        filters.map { "\($0.name) = \($0.values.count == 1 ? $0.values[0] : "[" + $0.values.joined(separator: ", ") + "]")" }
            .joined(separator: ", ")
    }
}
