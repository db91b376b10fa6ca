import Foundation
import PCAWS
import PCLang
@testable import PCProviderAWS
import Testing

/// Checks, through the AWS APIs, of what both deployments share: the
/// container instances' role, the cluster, the worker nodes and the
/// Defender (prisma-ecs.md §2.1, 2.2, 2.9), and that all of it is gone
/// after a destroy.
extension PrismaAWS {
    static let account = MotoServer.accountID
    static let cluster = "pc-ecs-cluster"
    static let instanceRole = "ecsInstanceRole"
    static let ec2RolePolicy = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    static let bundleSecret = "pc-defender-install-bundle"

    /// The ECS-optimized AMI the modules read from SSM by default.
    func ecsOptimizedAMI() throws -> String? {
        try api.json(.ssm, "GetParameter", .object([
            "Name": .string("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"),
        ])).singleBlock("Parameter")?.stringAttribute("Value")
    }

    /// ecsInstanceRole trusted by EC2 with the ECS policy for EC2 attached,
    /// and the instance profile of the same name holding it.
    func expectInstanceRole() throws {
        let role = try #require(try role(Self.instanceRole), "IAM role \(Self.instanceRole) does not exist")
        #expect(Self.trustedServices(role) == ["ec2.amazonaws.com"])
        #expect(try attachedPolicies(of: Self.instanceRole) == [Self.ec2RolePolicy])
        #expect(try instanceProfileRoles(Self.instanceRole) == [Self.instanceRole])
    }

    /// The cluster exists and is active; returns its ARN.
    @discardableResult
    func expectCluster() throws -> String {
        let cluster = try #require(try cluster(Self.cluster), "ECS cluster \(Self.cluster) does not exist")
        #expect(cluster.stringAttribute("status") == "ACTIVE")
        let arn = "arn:aws:ecs:us-east-1:\(Self.account):cluster/\(Self.cluster)"
        #expect(cluster.stringAttribute("clusterArn") == arn)
        return arn
    }

    /// A launch configuration `<prefix>…` of `instanceType`, and its
    /// auto-scaling group of `sizes` (desired, min, max) using it. Returns
    /// the launch configuration's user data.
    func expectNodes(
        launchPrefix: String, instanceType: String, group: String, sizes: (desired: Int, min: Int, max: Int),
        securityGroups: [String], subnets: Set<String>, nameTag: String
    ) throws -> String {
        let configurations = try launchConfigurations(prefix: launchPrefix)
        #expect(configurations.count == 1, "launch configurations named \(launchPrefix)…: \(configurations.compactMap { $0.string("LaunchConfigurationName") })")
        let configuration = try #require(configurations.first, "no launch configuration named \(launchPrefix)…")
        let name = configuration.string("LaunchConfigurationName")
        #expect(configuration.string("InstanceType") == instanceType)
        #expect(configuration.string("IamInstanceProfile") == Self.instanceRole)
        #expect(configuration.list("SecurityGroups").map(\.text).sorted() == securityGroups.sorted())
        #expect(configuration.string("ImageId") == (try ecsOptimizedAMI()), "the nodes should run the ECS-optimized AMI from SSM")

        let scaling = try #require(try autoScalingGroup(group), "auto-scaling group \(group) does not exist")
        #expect(scaling.string("LaunchConfigurationName") == name)
        #expect(scaling.int("DesiredCapacity") == sizes.desired, "\(group) desired capacity")
        #expect(scaling.int("MinSize") == sizes.min, "\(group) minimum size")
        #expect(scaling.int("MaxSize") == sizes.max, "\(group) maximum size")
        let zones = Set((scaling.string("VPCZoneIdentifier") ?? "").split(separator: ",").map(String.init))
        #expect(zones == subnets, "\(group) should launch into every subnet of the VPC")
        let nameTags = scaling.list("Tags").filter { $0.string("Key") == "Name" }
        #expect(nameTags.map { $0.string("Value") } == [nameTag])
        #expect(nameTags.first?.bool("PropagateAtLaunch") == true)

        let userData = Self.userData(configuration)
        #expect(userData.hasPrefix("#!/bin/bash\n"), "user data of \(name ?? launchPrefix):\n\(userData)")
        #expect(userData.contains("ECS_CLUSTER=\(Self.cluster)"), "user data of \(name ?? launchPrefix):\n\(userData)")
        return userData
    }

    /// The worker nodes of the guide: t2.medium, 2 / 1 / 2.
    func expectWorkers(securityGroups: [String], subnets: Set<String>) throws {
        let userData = try expectNodes(
            launchPrefix: "pc-worker-node-", instanceType: "t2.medium", group: "pc-worker-autoscaling", sizes: (2, 1, 2),
            securityGroups: securityGroups, subnets: subnets, nameTag: "pc-worker-node")
        #expect(userData.contains("echo ECS_CLUSTER=\(Self.cluster) >> /etc/ecs/ecs.config"), "worker user data:\n\(userData)")
        #expect(!userData.contains("purpose"), "only the infra node is marked purpose=infra:\n\(userData)")
    }

    /// The install bundle's secret, the Defender task definition that reads
    /// it through `secrets` (never in its environment), its execution role,
    /// and the DAEMON service. Returns the secret's ARN.
    @discardableResult
    func expectDefender(consoleAddress: String, bundle: String) throws -> String {
        let secret = try #require(try secret(Self.bundleSecret), "secret \(Self.bundleSecret) does not exist")
        let secretARN = try #require(secret.stringAttribute("ARN"))
        #expect(try secretString(secretARN) == bundle, "the secret should hold the install bundle")

        let definition = try #require(try taskDefinition("pc-defender"), "task definition pc-defender does not exist")
        #expect(definition.intAttribute("revision") == 1)
        #expect(definition.stringAttribute("networkMode") == "host")
        #expect(definition.stringAttribute("pidMode") == "host")
        #expect(definition.stringListAttribute("requiresCompatibilities") == ["EC2"])
        #expect(definition.stringAttribute("memory") == "512")
        #expect(definition.stringAttribute("cpu") == "256")
        let executionRole = "arn:aws:iam::\(Self.account):role/pc-defender-execution"
        #expect(definition.stringAttribute("executionRoleArn") == executionRole)
        let role = try #require(try role("pc-defender-execution"), "the Defender's execution role does not exist")
        #expect(Self.trustedServices(role) == ["ecs-tasks.amazonaws.com"])
        #expect(try inlinePolicies(of: "pc-defender-execution") == ["read-install-bundle"])

        let containers = definition.blockList("containerDefinitions")
        #expect(containers.count == 1)
        let container = try #require(containers.first)
        #expect(container.stringAttribute("name") == "twistlock_defender")
        #expect(container.stringAttribute("image") == PrismaInputs.defenderImage)
        #expect(container.intAttribute("memory") == 512)
        #expect(container.boolAttribute("privileged") == true)
        #expect(container.boolAttribute("readonlyRootFilesystem") == true)
        #expect(container.boolAttribute("essential") == true)
        let secrets = container.blockList("secrets").map { [$0.stringAttribute("name"), $0.stringAttribute("valueFrom")] }
        #expect(secrets == [["INSTALL_BUNDLE", secretARN]], "INSTALL_BUNDLE should come from the secret")
        let environment = Self.environment(container)
        #expect(environment["INSTALL_BUNDLE"] == nil, "INSTALL_BUNDLE must not be in the plain environment")
        #expect(environment == [
            "DEFENDER_CLUSTER": Self.cluster,
            "DEFENDER_LISTENER_TYPE": "none",
            "DEFENDER_TYPE": "ecs",
            "DOCKER_CLIENT_ADDRESS": "/var/run/docker.sock",
            "HOST_CUSTOM_COMPLIANCE_ENABLED": "false",
            "LOG_PROD": "true",
            "WS_ADDRESS": "wss://\(consoleAddress):8084",
        ])
        var volumes: [String: String] = [:]
        for volume in definition.blockList("volumes") {
            volumes[volume.stringAttribute("name") ?? "?"] = volume.singleBlock("host")?.stringAttribute("sourcePath")
        }
        var mounts: [String: String] = [:]
        for mount in container.blockList("mountPoints") {
            let path = (mount.stringAttribute("containerPath") ?? "?") + (mount.boolAttribute("readOnly") == true ? " (read-only)" : "")
            mounts[volumes[mount.stringAttribute("sourceVolume") ?? "?"] ?? "?"] = path
        }
        #expect(mounts == [
            "/var/lib/twistlock": "/var/lib/twistlock", "/var/run": "/var/run", "/etc/passwd": "/etc/passwd (read-only)",
            "/run": "/run", "/dev/log": "/dev/log",
        ], "host path → container path of the Defender's volumes")

        let service = try #require(try service("pc-defender", cluster: Self.cluster), "service pc-defender does not exist")
        #expect(service.stringAttribute("status") == "ACTIVE")
        #expect(service.stringAttribute("schedulingStrategy") == "DAEMON")
        #expect(service.stringAttribute("launchType") == "EC2")
        #expect(service.stringAttribute("taskDefinition") == definition.stringAttribute("taskDefinitionArn"))
        #expect(service.blockList("loadBalancers").isEmpty)
        return secretARN
    }

    // MARK: Gone

    /// Everything both deployments create is gone: services, task
    /// definitions (INACTIVE), groups and launch configurations, the
    /// cluster (INACTIVE or missing), roles, profile, security group, secret.
    func expectSharedObjectsGone(taskDefinitions: [String]) throws {
        for name in ["pc-defender", "pc-console"] {
            let service = try service(name, cluster: Self.cluster)
            #expect(service == nil || service?.stringAttribute("status") == "INACTIVE", "service \(name) is still there: \(String(describing: service))")
        }
        for reference in taskDefinitions {
            let definition = try taskDefinition(reference)
            #expect(definition == nil || definition?.stringAttribute("status") == "INACTIVE", "task definition \(reference) is still active")
        }
        for group in ["pc-worker-autoscaling", "pc-infra-autoscaling"] {
            #expect(try autoScalingGroup(group) == nil, "auto-scaling group \(group) is still there")
        }
        #expect(try launchConfigurations(prefix: "pc-").isEmpty, "launch configurations are left")
        let cluster = try cluster(Self.cluster)
        #expect(cluster == nil || cluster?.stringAttribute("status") == "INACTIVE", "cluster \(Self.cluster) is still active")
        for role in [Self.instanceRole, "ecsServiceRole", "pc-defender-execution"] {
            #expect(try self.role(role) == nil, "IAM role \(role) is still there")
        }
        #expect(try instanceProfileRoles(Self.instanceRole) == nil, "instance profile \(Self.instanceRole) is still there")
        #expect(try securityGroup(named: "pc-security-group") == nil, "security group pc-security-group is still there")
        #expect(try secret(Self.bundleSecret) == nil, "secret \(Self.bundleSecret) is still there")
    }
}
