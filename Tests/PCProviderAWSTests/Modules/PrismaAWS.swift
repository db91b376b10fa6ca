import Foundation
import PCAWS
import PCLang
@testable import PCProviderAWS

/// What AWS itself (moto) says about the objects of a Prisma Cloud
/// deployment, read with direct signed calls, not through pcplan: the
/// end-to-end tests check the modules' results here. A read of an object
/// that does not exist returns nil (or an empty list), so the same calls
/// check creation and destruction.
struct PrismaAWS {
    let api: AWSClient

    init(_ moto: MotoServer) {
        api = ProviderFixture.client(moto)
    }

    // MARK: Network

    /// The default VPC's id and CIDR block.
    func defaultVPC() throws -> (id: String, cidr: String)? {
        let vpc = try api.query(.ec2, "DescribeVpcs", [("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true")]).list("vpcSet").first
        guard let id = vpc?.string("vpcId"), let cidr = vpc?.string("cidrBlock") else { return nil }
        return (id, cidr)
    }

    /// Every subnet of `vpc`: what the modules' `aws_subnets` lookup finds.
    func subnets(of vpc: String) throws -> Set<String> {
        let reply = try api.query(.ec2, "DescribeSubnets", [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc)])
        return Set(reply.list("subnetSet").compactMap { $0.string("subnetId") })
    }

    func securityGroup(named name: String) throws -> XMLValue? {
        try api.query(.ec2, "DescribeSecurityGroups", [("Filter.1.Name", "group-name"), ("Filter.1.Value.1", name)])
            .list("securityGroupInfo").first
    }

    /// A security group rule as the tests compare them.
    struct Rule: Hashable, CustomStringConvertible {
        var proto: String
        var from: Int?
        var to: Int?
        var cidrs: [String]

        var description: String { "\(proto) \(from.map(String.init) ?? "*")-\(to.map(String.init) ?? "*") from \(cidrs)" }
    }

    static func rules(_ group: XMLValue, _ list: String) -> Set<Rule> {
        Set(group.list(list).map { permission in
            Rule(
                proto: permission.string("ipProtocol") ?? "?", from: permission.int("fromPort"), to: permission.int("toPort"),
                cidrs: permission.list("ipRanges").compactMap { $0.string("cidrIp") }.sorted())
        })
    }

    // MARK: IAM

    func role(_ name: String) throws -> XMLValue? {
        do {
            return try api.query(.iam, "GetRole", [("RoleName", name)])["GetRoleResult", "Role"]
        } catch {
            guard error.code == "NoSuchEntity" else { throw error }
            return nil
        }
    }

    /// The service principals a role's trust policy names.
    static func trustedServices(_ role: XMLValue) -> [String] {
        guard let encoded = role.string("AssumeRolePolicyDocument") else { return [] }
        let text = encoded.removingPercentEncoding ?? encoded
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let statements = document["Statement"] as? [[String: Any]]
        else { return [] }
        return statements.flatMap { statement -> [String] in
            let service = (statement["Principal"] as? [String: Any])?["Service"]
            return (service as? String).map { [$0] } ?? (service as? [String]) ?? []
        }
    }

    func attachedPolicies(of role: String) throws -> [String] {
        try api.query(.iam, "ListAttachedRolePolicies", [("RoleName", role)])
            .list("ListAttachedRolePoliciesResult", "AttachedPolicies").compactMap { $0.string("PolicyArn") }
    }

    func inlinePolicies(of role: String) throws -> [String] {
        try api.query(.iam, "ListRolePolicies", [("RoleName", role)])
            .list("ListRolePoliciesResult", "PolicyNames").map(\.text)
    }

    /// The instance profile's role names; nil when there is no such profile.
    func instanceProfileRoles(_ name: String) throws -> [String]? {
        let reply: XMLValue
        do {
            reply = try api.query(.iam, "GetInstanceProfile", [("InstanceProfileName", name)])
        } catch {
            guard error.code == "NoSuchEntity" else { throw error }
            return nil
        }
        return reply.list("GetInstanceProfileResult", "InstanceProfile", "Roles").compactMap { $0.string("RoleName") }
    }

    // MARK: EFS

    func fileSystem(creationToken: String) throws -> Value? {
        try api.rest(.efs, "DescribeFileSystems", method: "GET", path: "/2015-02-01/file-systems", query: [("CreationToken", creationToken)])
            .blockList("FileSystems").first
    }

    func mountTargets(of fileSystem: String) throws -> [Value] {
        do {
            return try api.rest(
                .efs, "DescribeMountTargets", method: "GET", path: "/2015-02-01/mount-targets", query: [("FileSystemId", fileSystem)]
            ).blockList("MountTargets")
        } catch {
            guard error.code == "FileSystemNotFound" else { throw error }
            return []
        }
    }

    func mountTarget(_ id: String) throws -> Value? {
        do {
            return try api.rest(.efs, "DescribeMountTargets", method: "GET", path: "/2015-02-01/mount-targets", query: [("MountTargetId", id)])
                .blockList("MountTargets").first
        } catch {
            guard error.code == "MountTargetNotFound" else { throw error }
            return nil
        }
    }

    func mountTargetSecurityGroups(_ id: String) throws -> [String] {
        try api.rest(.efs, "DescribeMountTargetSecurityGroups", method: "GET", path: "/2015-02-01/mount-targets/\(id)/security-groups")
            .stringListAttribute("SecurityGroups") ?? []
    }

    // MARK: Load balancer

    func loadBalancer(_ name: String) throws -> XMLValue? {
        try api.query(.elb, "DescribeLoadBalancers").list("DescribeLoadBalancersResult", "LoadBalancerDescriptions")
            .first { $0.string("LoadBalancerName") == name }
    }

    // MARK: Auto Scaling

    /// Launch configurations whose names start with `prefix`.
    func launchConfigurations(prefix: String) throws -> [XMLValue] {
        try api.query(.autoScaling, "DescribeLaunchConfigurations").list("DescribeLaunchConfigurationsResult", "LaunchConfigurations")
            .filter { $0.string("LaunchConfigurationName")?.hasPrefix(prefix) == true }
    }

    func autoScalingGroup(_ name: String) throws -> XMLValue? {
        try api.query(.autoScaling, "DescribeAutoScalingGroups", [("AutoScalingGroupNames.member.1", name)])
            .list("DescribeAutoScalingGroupsResult", "AutoScalingGroups").first
    }

    /// A launch configuration's user data, decoded.
    static func userData(_ configuration: XMLValue) -> String {
        guard let encoded = configuration.string("UserData"), let data = Data(base64Encoded: encoded) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: ECS

    func cluster(_ name: String) throws -> Value? {
        try api.json(.ecs, "DescribeClusters", .object(["clusters": .tuple([.string(name)])])).blockList("clusters").first
    }

    func service(_ name: String, cluster: String) throws -> Value? {
        do {
            return try api.json(.ecs, "DescribeServices", .object(["cluster": .string(cluster), "services": .tuple([.string(name)])]))
                .blockList("services").first
        } catch {
            guard error.code == "ClusterNotFoundException" else { throw error }
            return nil
        }
    }

    func taskDefinition(_ reference: String) throws -> Value? {
        do {
            return try api.json(.ecs, "DescribeTaskDefinition", .object(["taskDefinition": .string(reference)])).singleBlock("taskDefinition")
        } catch {
            guard error.code == "ClientException" else { throw error }
            return nil
        }
    }

    /// A container's environment as a dictionary (the last entry of a name wins).
    static func environment(_ container: Value) -> [String: String] {
        var result: [String: String] = [:]
        for entry in container.blockList("environment") {
            if let name = entry.stringAttribute("name") { result[name] = entry.stringAttribute("value") ?? "" }
        }
        return result
    }

    // MARK: Secrets Manager

    func secret(_ id: String) throws -> Value? {
        do {
            return try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(id)]))
        } catch {
            guard error.code == "ResourceNotFoundException" else { throw error }
            return nil
        }
    }

    func secretString(_ id: String) throws -> String? {
        try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(id)])).stringAttribute("SecretString")
    }
}
