import PCAWS
import PCLang
import PCProvider

/// One grant of a security group rule: a protocol, a port range and one
/// source (or destination, for egress). AWS stores rules as such grants
/// grouped by protocol and ports; a configuration groups them into `ingress`
/// / `egress` blocks as the user likes. Comparing grants, never blocks, is
/// what lets any grouping round-trip.
struct SecurityGroupGrant: Hashable, Sendable, Comparable {
    enum Source: Hashable, Sendable, Comparable {
        case cidr(String)
        case ipv6(String)
        case group(String)
    }

    var ipProtocol: String
    var fromPort: Int
    var toPort: Int
    var source: Source

    static func < (a: SecurityGroupGrant, b: SecurityGroupGrant) -> Bool {
        (a.ipProtocol, a.fromPort, a.toPort) != (b.ipProtocol, b.fromPort, b.toPort)
            ? (a.ipProtocol, a.fromPort, a.toPort) < (b.ipProtocol, b.fromPort, b.toPort)
            : a.source < b.source
    }
}

/// The `ingress` / `egress` blocks of `aws_security_group`: their schema,
/// their normal form, and the translation between blocks, grants and the
/// EC2 API's `IpPermissions`. Descriptions travel beside the grants (an
/// empty string is no description, as AWS has it).
enum SecurityGroupRules {
    static var block: BlockSchema {
        BlockSchema(.set, ResourceSchema(
            attributes: [
                "from_port": AttributeSchema(.number, .required, summary: "First port (or ICMP type); 0 with protocol -1."),
                "to_port": AttributeSchema(.number, .required, summary: "Last port (or ICMP code); 0 with protocol -1."),
                "protocol": AttributeSchema(.string, .required, summary: "tcp, udp, icmp, icmpv6, a protocol number, or -1 (also written all) for every protocol."),
                "cidr_blocks": AttributeSchema(.list(.string), .optional, summary: "IPv4 CIDR blocks."),
                "ipv6_cidr_blocks": AttributeSchema(.list(.string), .optional, summary: "IPv6 CIDR blocks."),
                "security_groups": AttributeSchema(.set(.string), .optional, summary: "Ids of security groups allowed."),
                "self": AttributeSchema(.bool, .optional, summary: "true: the group itself is a source. Default false."),
                "description": AttributeSchema(.string, .optional, summary: "Description of the rule."),
            ],
            summary: "One rule: a protocol, a port range and its sources."))
    }

    /// Terraform's protocol spelling: lower case, `all` as `-1`, the common
    /// protocol numbers as their names.
    static func normalizedProtocol(_ text: String) -> String {
        let lower = text.lowercased()
        switch lower {
        case "-1", "all": return "-1"
        case "6": return "tcp"
        case "17": return "udp"
        case "1": return "icmp"
        case "58": return "icmpv6"
        default: return lower
        }
    }

    // MARK: Planning

    /// The blocks in the form reads produce, so an unchanged rule never
    /// shows as a change: protocol normalised, empty lists and descriptions
    /// null, `self` false when unset. Unknown parts are left alone.
    static func normalized(_ rules: Value) -> Value {
        guard rules.isKnown, let elements = rules.elements else { return rules }
        return .set(elements.map(normalizedRule), element: block.content.valueType)
    }

    static func normalizedRule(_ rule: Value) -> Value {
        guard var attributes = rule.attributes else { return rule }
        if let text = attributes["protocol"]?.stringValue { attributes["protocol"] = .string(normalizedProtocol(text)) }
        for name in ["cidr_blocks", "ipv6_cidr_blocks", "security_groups"] {
            if let value = attributes[name], value.isKnown, value.elements?.isEmpty == true {
                attributes[name] = .null(value.type)
            }
        }
        if attributes["self"]?.isNull ?? true { attributes["self"] = .false }
        if attributes["description"]?.stringValue == "" { attributes["description"] = .null(.string) }
        return .object(attributes)
    }

    /// Refuses what AWS would refuse only after the group exists.
    static func validate(_ rules: Value, blockName: String) throws(ProviderError) {
        for rule in rules.elements ?? [] {
            guard let protocolText = rule.stringAttribute("protocol") else { continue }
            let name = normalizedProtocol(protocolText)
            let known = ["-1", "tcp", "udp", "icmp", "icmpv6"].contains(name) || (Int(name).map { (0...255).contains($0) } ?? false)
            if !known {
                throw ProviderError(
                    "Invalid protocol \"\(protocolText)\"",
                    detail: "A security group \(blockName) rule's protocol must be tcp, udp, icmp, icmpv6, a protocol number (0–255), or -1 (all).",
                    attribute: ValuePath([.attribute(blockName)]))
            }
            if name == "-1", let from = rule.intAttribute("from_port"), let to = rule.intAttribute("to_port"), from != 0 || to != 0 {
                throw ProviderError(
                    "Ports must be 0 with protocol -1",
                    detail: "A security group \(blockName) rule with protocol \"\(protocolText)\" covers every port: set from_port = 0 and to_port = 0 (they are \(from) and \(to)).",
                    attribute: ValuePath([.attribute(blockName)]))
            }
            let sources = ["cidr_blocks", "ipv6_cidr_blocks", "security_groups"].contains { name in
                let value = rule.attributes?[name]
                return value.map { !$0.isKnown || ($0.elements?.isEmpty == false) } ?? false
            }
            let isSelf = rule.attributes?["self"].map { !$0.isKnown || $0.boolValue == true } ?? false
            if !sources && !isSelf {
                throw ProviderError(
                    "Security group rule without a source",
                    detail: "Each \(blockName) block needs at least one of cidr_blocks, ipv6_cidr_blocks, security_groups or self = true "
                        + "(rule \(name) \(rule.intAttribute("from_port") ?? 0)-\(rule.intAttribute("to_port") ?? 0)).",
                    attribute: ValuePath([.attribute(blockName)]))
            }
        }
    }

    // MARK: Blocks ⇄ grants

    /// Every grant the blocks ask for, with its description; `groupID` is
    /// the group's own id (for `self`).
    static func grants(of rules: Value, groupID: String) -> [SecurityGroupGrant: String] {
        var result: [SecurityGroupGrant: String] = [:]
        for rule in rules.elements ?? [] {
            for (grant, description) in grants(ofRule: rule, groupID: groupID) { result[grant] = description }
        }
        return result
    }

    static func grants(ofRule rule: Value, groupID: String) -> [SecurityGroupGrant: String] {
        let name = normalizedProtocol(rule.stringAttribute("protocol") ?? "-1")
        let from = name == "-1" ? 0 : rule.intAttribute("from_port") ?? 0
        let to = name == "-1" ? 0 : rule.intAttribute("to_port") ?? 0
        var sources: [SecurityGroupGrant.Source] = []
        sources += (rule.stringListAttribute("cidr_blocks") ?? []).map { .cidr($0) }
        sources += (rule.stringListAttribute("ipv6_cidr_blocks") ?? []).map { .ipv6($0) }
        sources += (rule.stringListAttribute("security_groups") ?? []).map { .group($0) }
        if rule.boolAttribute("self") == true { sources.append(.group(groupID)) }
        let description = rule.stringAttribute("description") ?? ""
        var result: [SecurityGroupGrant: String] = [:]
        for source in sources {
            result[SecurityGroupGrant(ipProtocol: name, fromPort: from, toPort: to, source: source)] = description
        }
        return result
    }

    /// The grants in a DescribeSecurityGroups `ipPermissions` or
    /// `ipPermissionsEgress` list. Prefix lists are not managed here and are
    /// left out.
    static func grants(fromXML permissions: [XMLValue]) -> [SecurityGroupGrant: String] {
        var result: [SecurityGroupGrant: String] = [:]
        for permission in permissions {
            let name = normalizedProtocol(permission.string("ipProtocol") ?? "-1")
            let from = name == "-1" ? 0 : permission.int("fromPort") ?? 0
            let to = name == "-1" ? 0 : permission.int("toPort") ?? 0
            func add(_ source: SecurityGroupGrant.Source?, _ entry: XMLValue) {
                guard let source else { return }
                result[SecurityGroupGrant(ipProtocol: name, fromPort: from, toPort: to, source: source)] = entry.string("description") ?? ""
            }
            for entry in permission.list("ipRanges") { add(entry.string("cidrIp").map { .cidr($0) }, entry) }
            for entry in permission.list("ipv6Ranges") { add(entry.string("cidrIpv6").map { .ipv6($0) }, entry) }
            for entry in permission.list("groups") { add(entry.string("groupId").map { .group($0) }, entry) }
        }
        return result
    }

    /// Blocks holding exactly `actual`, grouped as `prior` groups them where
    /// a prior block is wholly present (same grants, same description), the
    /// rest grouped by protocol, ports and description: so a refresh of an
    /// unchanged group gives back the configured blocks, and anything added
    /// or removed outside pcplan shows as a difference.
    static func blocks(from actual: [SecurityGroupGrant: String], like prior: Value?, groupID: String) -> Value {
        var result: [Value] = []
        var used: Set<SecurityGroupGrant> = []
        for rule in prior?.elements ?? [] where rule.isWhollyKnown {
            let wanted = grants(ofRule: rule, groupID: groupID)
            guard !wanted.isEmpty, wanted.allSatisfy({ actual[$0.key] == $0.value }) else { continue }
            result.append(normalizedRule(rule))
            used.formUnion(wanted.keys)
        }
        struct GroupKey: Hashable { var ipProtocol: String; var from: Int; var to: Int; var description: String }
        var leftovers: [GroupKey: [SecurityGroupGrant.Source]] = [:]
        for (grant, description) in actual where !used.contains(grant) {
            leftovers[GroupKey(ipProtocol: grant.ipProtocol, from: grant.fromPort, to: grant.toPort, description: description), default: []]
                .append(grant.source)
        }
        for (key, sources) in leftovers {
            var cidrs: [String] = [], ipv6: [String] = [], groups: [String] = []
            var isSelf = false
            for source in sources.sorted() {
                switch source {
                case .cidr(let block): cidrs.append(block)
                case .ipv6(let block): ipv6.append(block)
                case .group(let id): if id == groupID { isSelf = true } else { groups.append(id) }
                }
            }
            result.append(.object([
                "protocol": .string(key.ipProtocol),
                "from_port": .number(key.from),
                "to_port": .number(key.to),
                "cidr_blocks": cidrs.isEmpty ? .null(.list(.string)) : .list(strings: cidrs),
                "ipv6_cidr_blocks": ipv6.isEmpty ? .null(.list(.string)) : .list(strings: ipv6),
                "security_groups": groups.isEmpty ? .null(.set(.string)) : .stringSet(groups),
                "self": .bool(isSelf),
                "description": key.description.isEmpty ? .null(.string) : .string(key.description),
            ]))
        }
        return .set(result, element: block.content.valueType)
    }

    // MARK: Requests

    /// `IpPermissions.N…` parameters for Authorize/Revoke/UpdateDescriptions,
    /// one permission per protocol and port range. Ports are left out for
    /// protocol -1 (AWS ignores them, and a rule stored without them must
    /// still match on revoke).
    static func parameters(_ grants: [SecurityGroupGrant: String], withDescriptions: Bool) -> [(String, String)] {
        struct PortKey: Hashable, Comparable {
            var ipProtocol: String; var from: Int; var to: Int
            static func < (a: PortKey, b: PortKey) -> Bool { (a.ipProtocol, a.from, a.to) < (b.ipProtocol, b.from, b.to) }
        }
        var byPorts: [PortKey: [SecurityGroupGrant]] = [:]
        for grant in grants.keys { byPorts[PortKey(ipProtocol: grant.ipProtocol, from: grant.fromPort, to: grant.toPort), default: []].append(grant) }
        var parameters: [(String, String)] = []
        for (index, key) in byPorts.keys.sorted().enumerated() {
            let prefix = "IpPermissions.\(index + 1)"
            parameters.append(("\(prefix).IpProtocol", key.ipProtocol))
            if key.ipProtocol != "-1" {
                parameters.append(("\(prefix).FromPort", String(key.from)))
                parameters.append(("\(prefix).ToPort", String(key.to)))
            }
            var counts = (cidr: 0, ipv6: 0, group: 0)
            for grant in byPorts[key, default: []].sorted() {
                let list: String, field: String, number: Int
                switch grant.source {
                case .cidr(let block):
                    counts.cidr += 1
                    (list, field, number) = ("IpRanges", "CidrIp", counts.cidr)
                    parameters.append(("\(prefix).\(list).\(number).\(field)", block))
                case .ipv6(let block):
                    counts.ipv6 += 1
                    (list, field, number) = ("Ipv6Ranges", "CidrIpv6", counts.ipv6)
                    parameters.append(("\(prefix).\(list).\(number).\(field)", block))
                case .group(let id):
                    counts.group += 1
                    (list, field, number) = ("Groups", "GroupId", counts.group)
                    parameters.append(("\(prefix).\(list).\(number).\(field)", id))
                }
                if withDescriptions, let description = grants[grant], !description.isEmpty {
                    parameters.append(("\(prefix).\(list).\(number).Description", description))
                }
            }
        }
        return parameters
    }
}
