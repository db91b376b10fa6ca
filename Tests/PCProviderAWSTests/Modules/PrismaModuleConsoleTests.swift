import Foundation
import PCAWS
import PCLang
@testable import PCProviderAWS
import Testing

/// modules/prisma-cloud-ecs through examples/prisma-cloud-ecs, end to end
/// against moto with signatures checked: create the whole Console-and-
/// Defenders topology, check it through the AWS APIs against the guide
/// (prisma-ecs.md), plan again, plan a scale-up, change the Console image,
/// check the install bundle is never shown, destroy.
@Suite(.serialized, .motoServer)
struct PrismaModuleConsoleTests {
    static let example = "examples/prisma-cloud-ecs"
    static let bundle = "eyJzZWNyZXQiOiJlMmUtY29uc29sZS1idW5kbGUifQ"
    /// moto refuses an EC2 task definition without a hard memory limit.
    static let variables = """
        console_image        = "\(PrismaInputs.consoleImage)"
        defender_image       = "\(PrismaInputs.defenderImage)"
        install_bundle       = "\(bundle)"
        console_memory_limit = 4096

        """
    /// What the topology has besides one mount target per subnet.
    static let resourcesBesidesMountTargets = 21
    static let workerGroup = "module.prisma.module.defenders[0].aws_autoscaling_group.worker"
    static let secretVersion = "module.prisma.module.defenders[0].aws_secretsmanager_secret_version.install_bundle[0]"

    @Test func theConsoleAndDefendersFromCreateToDestroy() throws {
        let moto = try MotoServer.forTest()
        let aws = PrismaAWS(moto)
        let workspace = try ModuleWorkspace()
        workspace.use(moto)
        let journey = try PrismaJourney(workspace, directory: Self.example, variables: Self.variables)

        let vpc = try #require(try aws.defaultVPC(), "moto has no default VPC")
        let subnets = try aws.subnets(of: vpc.id)
        let count = Self.resourcesBesidesMountTargets + subnets.count

        // 1. The whole topology, within the time budget.
        _ = try journey.createEverything(expectedCount: count)

        // 2. Every object, as the guide has it.
        let objects = try expectConsoleTopology(aws, vpc: vpc, subnets: subnets)
        let outputs = try journey.outputs()
        #expect((outputs["load_balancer_dns_name"] as? [String: Any])?["value"] as? String == objects.dnsName)
        #expect((outputs["console_url"] as? [String: Any])?["value"] as? String == "https://\(objects.dnsName):8083")

        // 3. Nothing more to do.
        journey.expectNoChanges("the apply")

        // 4. More workers: one in-place update of their group. Past the
        // guide's maximum of 2 the maximum must be raised too.
        try journey.expectScalingPlansOneUpdate(workerGroup: Self.workerGroup)
        let refused = journey.plan("plan (3 workers, max 2)", ["-var", "worker_desired_capacity=3"])
        #expect(refused.status == 1 && refused.error.contains("worker_desired_capacity must lie between worker_min_size and worker_max_size"), "\(refused)")

        // 5. A new Console version: a new task definition and a service update.
        try expectImageChange(journey, aws)

        // 6. The install bundle is never shown.
        _ = try journey.expectBundleNeverShown(Self.bundle, secretVersion: Self.secretVersion)

        // 7. Destroy: everything gone.
        try journey.destroyEverything(expectedCount: count)
        try aws.expectSharedObjectsGone(taskDefinitions: ["pc-console:1", "pc-console:2", "pc-defender:1"])
        #expect(try aws.loadBalancer("pc-ecs-lb") == nil, "load balancer pc-ecs-lb is still there")
        #expect(try aws.fileSystem(creationToken: "pc-efs-console") == nil, "file system pc-efs-console is still there")
        for id in objects.mountTargets {
            #expect(try aws.mountTarget(id) == nil, "mount target \(id) is still there")
        }
    }

    /// A Console tag that is not a version, or an access token in capitals,
    /// is refused by the module's validation, with no AWS endpoint at all.
    @Test(arguments: [
        ("registry-auth.twistlock.com/tw_0123abcd/twistlock/console:latest", "must end with a Console version tag"),
        ("registry-auth.twistlock.com/tw_0123ABCD/twistlock/console:console_32_07_123", "must be lowercase"),
    ])
    func aBadConsoleImageIsRefused(image: String, message: String) throws {
        let workspace = try ModuleWorkspace()
        workspace.useNoEndpoint()
        let journey = try PrismaJourney(workspace, directory: Self.example, variables: Self.variables)
        let rule = try ValidationRule(module: "prisma-cloud-ecs", containing: message)
        rule.expectReported(by: journey.plan("plan (bad image)", ["-var", "console_image=\(image)"]))
    }

    // MARK: The Console's objects

    struct ConsoleObjects {
        var dnsName: String
        var mountTargets: [String]
    }

    /// Checks every object of the Console deployment through the AWS APIs.
    func expectConsoleTopology(_ aws: PrismaAWS, vpc: (id: String, cidr: String), subnets: Set<String>) throws -> ConsoleObjects {
        typealias Rule = PrismaAWS.Rule
        let group = try #require(try aws.securityGroup(named: "pc-security-group"), "security group pc-security-group does not exist")
        let groupID = try #require(group.string("groupId"))
        #expect(group.string("vpcId") == vpc.id)
        #expect(group.string("groupDescription") == "Prisma Cloud ports")
        // The guide opens NFS to 0.0.0.0/0; the module narrows it to the VPC.
        #expect(PrismaAWS.rules(group, "ipPermissions") == [
            Rule(proto: "tcp", from: 8083, to: 8084, cidrs: ["0.0.0.0/0"]),
            Rule(proto: "tcp", from: 2049, to: 2049, cidrs: [vpc.cidr]),
            Rule(proto: "tcp", from: 22, to: 22, cidrs: ["0.0.0.0/0"]),
        ])
        #expect(PrismaAWS.rules(group, "ipPermissionsEgress") == [Rule(proto: "-1", from: nil, to: nil, cidrs: ["0.0.0.0/0"])])

        try aws.expectInstanceRole()
        let serviceRole = try #require(try aws.role("ecsServiceRole"), "IAM role ecsServiceRole does not exist")
        #expect(PrismaAWS.trustedServices(serviceRole) == ["ecs.amazonaws.com"])
        #expect(try aws.attachedPolicies(of: "ecsServiceRole") == ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"])

        // EFS: the guide's file system, a mount target in every subnet.
        let fileSystem = try #require(try aws.fileSystem(creationToken: "pc-efs-console"), "file system pc-efs-console does not exist")
        let fileSystemID = try #require(fileSystem.stringAttribute("FileSystemId"))
        #expect(fileSystem.stringAttribute("PerformanceMode") == "generalPurpose")
        #expect(fileSystem.stringAttribute("ThroughputMode") == "provisioned")
        #expect(fileSystem.doubleAttribute("ProvisionedThroughputInMibps") == 1.0)
        #expect(fileSystem.stringAttribute("Name") == "pc-efs-console")
        #expect(fileSystem.stringAttribute("LifeCycleState") == "available")
        let mountTargets = try aws.mountTargets(of: fileSystemID)
        #expect(Set(mountTargets.compactMap { $0.stringAttribute("SubnetId") }) == subnets)
        #expect(mountTargets.count == subnets.count)
        let mountTargetIDs = mountTargets.compactMap { $0.stringAttribute("MountTargetId") }
        for id in mountTargetIDs {
            #expect(try aws.mountTargetSecurityGroups(id) == [groupID], "security groups of mount target \(id)")
        }

        // The load balancer: TCP 8083 and 8084, the Console's ping path.
        let balancer = try #require(try aws.loadBalancer("pc-ecs-lb"), "load balancer pc-ecs-lb does not exist")
        let dnsName = try #require(balancer.string("DNSName"))
        let listeners = Set(balancer.list("ListenerDescriptions").compactMap { description -> String? in
            guard let listener = description.child("Listener") else { return nil }
            return [listener.string("Protocol"), listener.string("LoadBalancerPort"), listener.string("InstanceProtocol"), listener.string("InstancePort")]
                .map { ($0 ?? "?").uppercased() }.joined(separator: " ")
        })
        #expect(listeners == ["TCP 8083 TCP 8083", "TCP 8084 TCP 8084"])
        #expect(balancer.string("HealthCheck", "Target") == "HTTPS:8083/api/v1/_ping")
        #expect(balancer.int("HealthCheck", "Interval") == 30)
        #expect(balancer.int("HealthCheck", "Timeout") == 5)
        #expect(balancer.int("HealthCheck", "HealthyThreshold") == 10)
        #expect(balancer.int("HealthCheck", "UnhealthyThreshold") == 2)
        #expect(balancer.list("SecurityGroups").map(\.text) == [groupID])
        #expect(Set(balancer.list("Subnets").map(\.text)) == subnets)

        let clusterARN = try aws.expectCluster()

        // The infra node: one, marked purpose=infra, EFS mounted first.
        let infraData = try aws.expectNodes(
            launchPrefix: "pc-infra-node-", instanceType: "t2.xlarge", group: "pc-infra-autoscaling", sizes: (1, 1, 1),
            securityGroups: [groupID], subnets: subnets, nameTag: "pc-infra-node")
        let fileSystemDNS = "\(fileSystemID).efs.us-east-1.amazonaws.com"
        for expected in [
            "yum install -y nfs-utils", "\(fileSystemDNS):/ /twistlock_console nfs4", "mount /twistlock_console",
            "mkdir -p /twistlock_console/var/lib/twistlock /twistlock_console/var/lib/twistlock-backup /twistlock_console/var/lib/twistlock-config",
            #"ECS_INSTANCE_ATTRIBUTES={"purpose": "infra"}"#,
        ] {
            #expect(infraData.contains(expected), "the infra user data should contain \(expected):\n\(infraData)")
        }
        try aws.expectWorkers(securityGroups: [groupID], subnets: subnets)

        try expectConsoleTask(aws, dnsName: dnsName, revision: 1, image: PrismaInputs.consoleImage)
        let service = try #require(try aws.service("pc-console", cluster: PrismaAWS.cluster), "service pc-console does not exist")
        #expect(service.stringAttribute("clusterArn") == clusterARN)
        #expect(service.intAttribute("desiredCount") == 1)
        #expect(service.stringAttribute("launchType") == "EC2")
        #expect(service.stringAttribute("taskDefinition")?.hasSuffix(":task-definition/pc-console:1") == true)
        #expect(service.stringAttribute("roleArn") == "arn:aws:iam::\(PrismaAWS.account):role/ecsServiceRole")
        let balancers = service.blockList("loadBalancers").map {
            [$0.stringAttribute("loadBalancerName"), $0.stringAttribute("containerName"), $0.intAttribute("containerPort").map(String.init)]
        }
        #expect(balancers == [["pc-ecs-lb", "twistlock-console", "8083"]])

        try aws.expectDefender(consoleAddress: dnsName, bundle: Self.bundle)
        return ConsoleObjects(dnsName: dnsName, mountTargets: mountTargetIDs)
    }

    /// The Console task definition of the guide's template (§2.8).
    func expectConsoleTask(_ aws: PrismaAWS, dnsName: String, revision: Int, image: String) throws {
        let definition = try #require(try aws.taskDefinition("pc-console:\(revision)"), "task definition pc-console:\(revision) does not exist")
        #expect(definition.stringAttribute("status") == "ACTIVE")
        #expect(definition.stringAttribute("networkMode") == "bridge")
        #expect(definition.stringListAttribute("requiresCompatibilities") == ["EC2"])
        let constraints = definition.blockList("placementConstraints").map { [$0.stringAttribute("type"), $0.stringAttribute("expression")] }
        #expect(constraints == [["memberOf", "attribute:purpose == infra"]])
        let containers = definition.blockList("containerDefinitions")
        #expect(containers.count == 1)
        let container = try #require(containers.first)
        #expect(container.stringAttribute("name") == "twistlock-console")
        #expect(container.stringAttribute("image") == image)
        #expect(container.intAttribute("memoryReservation") == 3000)
        #expect(container.boolAttribute("essential") == true)
        #expect(container.boolAttribute("readonlyRootFilesystem") == true)
        #expect(container.boolAttribute("privileged") != true)
        #expect(container.stringListAttribute("entryPoint") == [""])
        #expect(container.stringListAttribute("command") == ["/app/server"])
        let ports = Set(container.blockList("portMappings").map {
            "\($0.intAttribute("containerPort") ?? 0)->\($0.intAttribute("hostPort") ?? 0)/\($0.stringAttribute("protocol") ?? "?")"
        })
        #expect(ports == ["8083->8083/tcp", "8084->8084/tcp"])
        #expect(PrismaAWS.environment(container) == [
            "SERVICE": "twistlock", "CONSOLE_CN": "", "CONSOLE_SAN": "DNS:\(dnsName)", "HIGH_AVAILABILITY_ENABLED": "false",
            "KUBERNETES_ENABLED": "", "KERBEROS_ENABLED": "false", "CONFIG_PATH": "/twistlock_console/var/lib/twistlock-config",
            "LOG_PROD": "true", "DATA_RECOVERY_ENABLED": "true", "COMMUNICATION_PORT": "8084", "MANAGEMENT_PORT_HTTPS": "8083",
            "MANAGEMENT_PORT_HTTP": "", "FILESYSTEM_SCAN_ENABLED": "true", "PROCESS_SCAN_ENABLED": "true", "SCAP_ENABLED": "",
        ])
        var volumes: [String: String] = [:]
        for volume in definition.blockList("volumes") {
            volumes[volume.stringAttribute("name") ?? "?"] = volume.singleBlock("host")?.stringAttribute("sourcePath")
        }
        #expect(volumes == [
            "syslog-socket": "/dev/log", "twistlock-console": "/twistlock_console/var/lib/twistlock",
            "twistlock-config-volume": "/twistlock_console/var/lib/twistlock-config",
            "twistlock-backup-volume": "/twistlock_console/var/lib/twistlock-backup",
        ])
        var mounts: [String: String] = [:]
        for mount in container.blockList("mountPoints") {
            #expect(mount.boolAttribute("readOnly") != true)
            mounts[mount.stringAttribute("sourceVolume") ?? "?"] = mount.stringAttribute("containerPath")
        }
        #expect(mounts == [
            "syslog-socket": "/dev/log", "twistlock-console": "/var/lib/twistlock/",
            "twistlock-config-volume": "/var/lib/twistlock/scripts/", "twistlock-backup-volume": "/var/lib/twistlock-backup",
        ])
    }

    // MARK: A new Console version

    /// The image tag change plans exactly the task definition's replacement
    /// and the service's update, in a short Markdown plan; applied, the
    /// service runs revision 2 and the next plan is a no-op.
    func expectImageChange(_ journey: PrismaJourney, _ aws: PrismaAWS) throws {
        let planFile = journey.workspace.path("image.plan")
        let markdownFile = journey.workspace.path("image.md")
        let newImage = ["-var", "console_image=\(PrismaInputs.newConsoleImage)"]
        let planned = journey.plan("plan (new image)", newImage + ["-out", planFile, "-markdown-out", markdownFile])
        try #require(planned.status == 0, "the plan of the new Console image failed\n\(planned)")
        let changes = try journey.changes(in: planFile, "new image")
        #expect(changes.changes == [
            ResourceChangeJSON(address: "module.prisma.aws_ecs_service.console", actions: ["update"]),
            ResourceChangeJSON(address: "module.prisma.aws_ecs_task_definition.console", actions: ["create", "delete"]),
        ], "\(planned)")

        let markdown = try String(contentsOfFile: markdownFile, encoding: .utf8)
        journey.keep("the Markdown plan of the new image", markdown)
        print("[e2e] the Markdown plan of the Console image change is \(markdown.utf8.count) bytes")
        #expect(markdown.utf8.count <= 4096, "the Markdown plan is \(markdown.utf8.count) bytes, over 4 KB:\n\(markdown)")
        let imageLines = markdown.split(separator: "\n").filter { $0.contains("console_32_07") }
        #expect((1...6).contains(imageLines.count), "the image change should take a handful of lines, it takes \(imageLines.count):\n\(markdown)")
        #expect(imageLines.contains { $0.contains("console_32_07_123") } && imageLines.contains { $0.contains("console_32_07_130") }, "\(markdown)")

        let applied = journey.run("apply (new image)", ["apply", "-no-color", "-parallelism=10"] + journey.state + [planFile])
        try #require(applied.status == 0, "applying the new Console image failed\n\(applied)")
        journey.expectNoChanges("the new image", newImage)

        let service = try #require(try aws.service("pc-console", cluster: PrismaAWS.cluster))
        #expect(service.stringAttribute("taskDefinition") == "arn:aws:ecs:us-east-1:\(PrismaAWS.account):task-definition/pc-console:2")
        let dnsName = try #require(try aws.loadBalancer("pc-ecs-lb")?.string("DNSName"))
        try expectConsoleTask(aws, dnsName: dnsName, revision: 2, image: PrismaInputs.newConsoleImage)
        #expect(try aws.taskDefinition("pc-console:1")?.stringAttribute("status") == "INACTIVE", "the old revision should be deregistered")
    }
}
