import Foundation
import PCAWS
import PCLang
@testable import PCProviderAWS
import Testing

/// modules/prisma-defender-ecs through examples/prisma-defender-ecs, end
/// to end against moto with signatures checked: the Defender-only subset
/// of the guide (cluster, security group, instance role, workers, the
/// Defender's secret, task definition and DAEMON service) for a Console
/// that runs elsewhere.
@Suite(.serialized, .motoServer)
struct PrismaModuleDefenderTests {
    static let example = "examples/prisma-defender-ecs"
    static let bundle = "eyJzZWNyZXQiOiJlMmUtZGVmZW5kZXItYnVuZGxlIn0"
    static let consoleAddress = "pc-ecs-lb.us-east-1.elb.amazonaws.com"
    static let variables = """
        console_address = "\(consoleAddress)"
        console_port    = 8084
        defender_image  = "\(PrismaInputs.defenderImage)"
        install_bundle  = "\(bundle)"

        """
    /// Cluster, security group, role, policy attachment, profile, launch
    /// configuration, group, secret, secret version, execution role and its
    /// policy, task definition, service.
    static let resourceCount = 13
    static let workerGroup = "module.defenders.aws_autoscaling_group.worker"
    static let secretVersion = "module.defenders.aws_secretsmanager_secret_version.install_bundle[0]"

    @Test func theDefendersFromCreateToDestroy() throws {
        let moto = try MotoServer.forTest()
        let aws = PrismaAWS(moto)
        let workspace = try ModuleWorkspace()
        workspace.use(moto)
        let journey = try PrismaJourney(workspace, directory: Self.example, variables: Self.variables)
        let vpc = try #require(try aws.defaultVPC(), "moto has no default VPC")
        let subnets = try aws.subnets(of: vpc.id)

        // 1. Everything, within the time budget.
        _ = try journey.createEverything(expectedCount: Self.resourceCount)

        // 2. The Defender-only subset of the guide, through the AWS APIs.
        typealias Rule = PrismaAWS.Rule
        let group = try #require(try aws.securityGroup(named: "pc-security-group"), "security group pc-security-group does not exist")
        let groupID = try #require(group.string("groupId"))
        #expect(group.string("vpcId") == vpc.id)
        // Defenders only connect out: SSH in (as the guide), everything out.
        #expect(PrismaAWS.rules(group, "ipPermissions") == [Rule(proto: "tcp", from: 22, to: 22, cidrs: ["0.0.0.0/0"])])
        #expect(PrismaAWS.rules(group, "ipPermissionsEgress") == [Rule(proto: "-1", from: nil, to: nil, cidrs: ["0.0.0.0/0"])])
        try aws.expectInstanceRole()
        #expect(try aws.role("ecsServiceRole") == nil, "the Defender-only deployment needs no ECS service role")
        let clusterARN = try aws.expectCluster()
        try aws.expectWorkers(securityGroups: [groupID], subnets: subnets)
        let secretARN = try aws.expectDefender(consoleAddress: Self.consoleAddress, bundle: Self.bundle)
        #expect(try aws.taskDefinition("pc-console") == nil, "the Defender-only deployment has no Console")
        #expect(try aws.loadBalancer("pc-ecs-lb") == nil)
        #expect(try aws.fileSystem(creationToken: "pc-efs-console") == nil)
        let outputs = try journey.outputs()
        #expect((outputs["cluster_arn"] as? [String: Any])?["value"] as? String == clusterARN)
        #expect((outputs["defender_service_name"] as? [String: Any])?["value"] as? String == "pc-defender")

        // 3. Nothing more to do.
        journey.expectNoChanges("the apply")

        // 4. More workers: one in-place update of their group. When the
        // example does not expose both inputs, a wrapper beside it does.
        let example = try workspace.read(Self.example + "/main.pcl")
        var scaled: String?
        if !(example.contains("variable \"worker_desired_capacity\"") && example.contains("variable \"worker_max_size\"")) {
            let wrapper = try journey.wrapper(
                named: "prisma-defender-ecs-scaled", module: "defenders",
                lines: ["worker_desired_capacity = var.worker_desired_capacity", "worker_max_size = var.worker_max_size"],
                declarations: """
                    variable "worker_desired_capacity" {
                      type    = number
                      default = 2
                    }

                    variable "worker_max_size" {
                      type    = number
                      default = 2
                    }

                    """)
            let unchanged = journey.plan("plan (wrapper, defaults)", ["-detailed-exitcode"], in: wrapper)
            #expect(unchanged.status == 0, "the wrapper with the defaults should plan nothing\n\(unchanged)")
            scaled = wrapper
        }
        try journey.expectScalingPlansOneUpdate(in: scaled, workerGroup: Self.workerGroup)

        // 6. The install bundle is never shown.
        _ = try journey.expectBundleNeverShown(Self.bundle, secretVersion: Self.secretVersion)

        // 7. Destroy: everything gone.
        try journey.destroyEverything(expectedCount: Self.resourceCount)
        try aws.expectSharedObjectsGone(taskDefinitions: ["pc-defender:1"])
        #expect(try aws.secret(secretARN) == nil)
    }

    /// A Defender tag that is not a version, or an access token in
    /// capitals, is refused by the module's validation, with no AWS endpoint
    /// at all.
    @Test(arguments: [
        ("registry-auth.twistlock.com/tw_0123abcd/twistlock/defender:latest", "must end with a Defender version tag"),
        ("registry-auth.twistlock.com/tw_0123ABCD/twistlock/defender:defender_32_07_123", "must be lowercase"),
    ])
    func aBadDefenderImageIsRefused(image: String, message: String) throws {
        let workspace = try ModuleWorkspace()
        workspace.useNoEndpoint()
        let journey = try PrismaJourney(workspace, directory: Self.example, variables: Self.variables)
        let rule = try ValidationRule(module: "prisma-defender-ecs", containing: message)
        rule.expectReported(by: journey.plan("plan (bad image)", ["-var", "defender_image=\(image)"]))
    }
}
