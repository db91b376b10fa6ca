import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// aws_security_group, aws_launch_configuration and aws_autoscaling_group
/// through the configured provider against moto (signature checking on):
/// create → read (and the API's own view) → no-op plan → update in place →
/// replacement → import → destroy → gone.
@Suite(.serialized, .motoServer)
struct EC2ResourceTests {
    let moto: MotoServer
    let aws: ConfiguredAWSProvider

    init() throws {
        moto = try MotoServer.forTest()
        aws = try ProviderFixture.configured(moto)
    }

    var api: AWSClient { aws.api }

    // MARK: Fixtures

    /// A rule block as a user writes it (unset arguments left out).
    static func rule(
        _ ipProtocol: String, _ from: Int, _ to: Int, cidrs: [String]? = nil, ipv6: [String]? = nil, groups: [String]? = nil,
        isSelf: Bool? = nil, description: String? = nil
    ) -> Value {
        var attributes: [String: Value] = ["protocol": .string(ipProtocol), "from_port": .number(from), "to_port": .number(to)]
        if let cidrs { attributes["cidr_blocks"] = .list(strings: cidrs) }
        if let ipv6 { attributes["ipv6_cidr_blocks"] = .list(strings: ipv6) }
        if let groups { attributes["security_groups"] = .stringSet(groups) }
        if let isSelf { attributes["self"] = .bool(isSelf) }
        if let description { attributes["description"] = .string(description) }
        return .object(attributes)
    }

    /// The rules as a state holds them after a read.
    func expectedRules(_ rules: [Value], _ lifecycle: ResourceLifecycle) throws -> Value {
        let completed = try lifecycle.configuration(["ingress": .tuple(rules)])
        return SecurityGroupRules.normalized(completed.attributes?["ingress"] ?? .null)
    }

    func describeGroup(_ id: String) throws -> XMLValue? {
        do {
            return try api.query(.ec2, "DescribeSecurityGroups", [("GroupId.1", id)]).list("securityGroupInfo").first
        } catch where error.code == "InvalidGroup.NotFound" {
            return nil
        }
    }

    func defaultVPC() throws -> String {
        let vpcs = try api.query(.ec2, "DescribeVpcs", [("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true")]).list("vpcSet")
        return try #require(vpcs.first?.string("vpcId"))
    }

    /// Default subnets by availability zone.
    func defaultSubnets() throws -> [String: String] {
        let subnets = try api.query(.ec2, "DescribeSubnets", [("Filter.1.Name", "default-for-az"), ("Filter.1.Value.1", "true")])
            .list("subnetSet")
        var byZone: [String: String] = [:]
        for subnet in subnets {
            if let zone = subnet.string("availabilityZone"), let id = subnet.string("subnetId") { byZone[zone] = id }
        }
        return byZone
    }

    /// The ECS-optimized AMI moto serves (it exists in DescribeImages).
    func imageID() throws -> String {
        let reply = try api.json(.ssm, "GetParameter", .object([
            "Name": .string("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"),
        ]))
        return try #require(reply.singleBlock("Parameter")?.stringAttribute("Value"))
    }

    func describeLaunchConfiguration(_ name: String) throws -> XMLValue? {
        try api.query(.autoScaling, "DescribeLaunchConfigurations", [("LaunchConfigurationNames.member.1", name)])
            .list("DescribeLaunchConfigurationsResult", "LaunchConfigurations").first
    }

    func describeAutoScalingGroup(_ name: String) throws -> XMLValue? {
        try api.query(.autoScaling, "DescribeAutoScalingGroups", [("AutoScalingGroupNames.member.1", name)])
            .list("DescribeAutoScalingGroupsResult", "AutoScalingGroups").first
    }

    func createClassicLoadBalancer(_ name: String, zone: String) throws {
        _ = try api.query(.elb, "CreateLoadBalancer", [
            ("LoadBalancerName", name),
            ("Listeners.member.1.Protocol", "HTTP"), ("Listeners.member.1.LoadBalancerPort", "80"), ("Listeners.member.1.InstancePort", "80"),
            ("AvailabilityZones.member.1", zone),
        ])
    }

    /// The object read back, or a failure saying it is gone.
    func refreshed(_ lifecycle: ResourceLifecycle, _ state: Value) throws -> Value {
        guard let read = try lifecycle.read(state) else { throw HarnessError("\(lifecycle.type) \(state.stringAttribute("id") ?? "?") is gone") }
        return read
    }

    /// What a plan would change, for failure messages.
    func differences(_ plan: ResourceLifecycle.Plan) -> String {
        ResourceLifecycle.differences(plan.prior, plan.planned).joined(separator: "\n")
    }

    // MARK: aws_security_group

    @Test func securityGroupLifecycle() throws {
        let sg = try ResourceLifecycle(aws, "aws_security_group")
        let vpc = try defaultVPC()
        let ingress = [
            Self.rule("tcp", 80, 80, cidrs: ["10.0.0.0/8", "192.168.0.0/16"], description: "http"),
            Self.rule("TCP", 443, 443, cidrs: ["0.0.0.0/0"], ipv6: ["::/0"]),
        ]
        var config: [String: Value] = [
            "name": .string("web"), "description": .string("web servers"), "ingress": .tuple(ingress),
            "tags": .stringMap(["Name": "web"]),
        ]

        // Create: the id and AWS's egress are known only after apply.
        let createPlan = try sg.plan(config)
        #expect(createPlan.action == .create)
        #expect(createPlan.planned.attributes?["id"]?.isKnown == false)
        #expect(createPlan.planned.attributes?["egress"]?.isKnown == false)
        #expect(createPlan.planned.attributes?["vpc_id"]?.isKnown == false)
        let created = try sg.apply(createPlan)
        let id = try #require(created.stringAttribute("id"))
        #expect(id.hasPrefix("sg-"))
        #expect(created.stringAttribute("arn") == "arn:aws:ec2:us-east-1:123456789012:security-group/\(id)")
        #expect(created.stringAttribute("owner_id") == MotoServer.accountID)
        #expect(created.stringAttribute("vpc_id") == vpc)
        #expect(created.stringAttribute("name") == "web")
        #expect(created.boolAttribute("revoke_rules_on_delete") == false)
        #expect(created.attributes?["ingress"] == (try expectedRules(ingress, sg)))
        // No egress blocks: AWS's allow-all rule is kept.
        #expect(created.attributes?["egress"] == (try expectedRules([Self.rule("-1", 0, 0, cidrs: ["0.0.0.0/0"])], sg)))

        // The API's own view.
        let described = try #require(try describeGroup(id))
        #expect(described.string("groupDescription") == "web servers")
        let grants = SecurityGroupRules.grants(fromXML: described.list("ipPermissions"))
        #expect(grants.count == 4)
        #expect(grants[SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .cidr("10.0.0.0/8"))] == "http")
        #expect(grants[SecurityGroupGrant(ipProtocol: "tcp", fromPort: 443, toPort: 443, source: .ipv6("::/0"))] == "")
        #expect(AWSTags.map(fromXML: described.list("tagSet")) == ["Name": "web"])

        // Read gives the same; planning again changes nothing.
        let read = try #require(try sg.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        let again = try sg.plan(config, prior: read)
        #expect(again.isNoop, "\(differences(again))")

        // In place: rules revoked, added and re-described, egress taken over, tags changed.
        let newIngress = [
            Self.rule("tcp", 80, 80, cidrs: ["10.0.0.0/8", "192.168.0.0/16"], description: "web"),
            Self.rule("tcp", 8080, 8080, isSelf: true),
        ]
        let egress = [Self.rule("tcp", 443, 443, cidrs: ["0.0.0.0/0"], description: "https out")]
        config["ingress"] = .tuple(newIngress)
        config["egress"] = .tuple(egress)
        config["tags"] = .stringMap(["Name": "web", "team": "platform"])
        let updatePlan = try sg.plan(config, prior: read)
        #expect(updatePlan.action == .update, "\(updatePlan.requiresReplace)")
        #expect(updatePlan.requiresReplace.isEmpty)
        let updated = try sg.apply(updatePlan)
        #expect(updated.stringAttribute("id") == id)
        #expect(updated.attributes?["ingress"] == (try expectedRules(newIngress, sg)))
        #expect(updated.attributes?["egress"] == (try expectedRules(egress, sg)))
        let afterUpdate = try #require(try describeGroup(id))
        let ingressNow = SecurityGroupRules.grants(fromXML: afterUpdate.list("ipPermissions"))
        #expect(Set(ingressNow.keys) == [
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .cidr("10.0.0.0/8")),
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .cidr("192.168.0.0/16")),
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 8080, toPort: 8080, source: .group(id)),
        ])
        #expect(ingressNow[SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .cidr("10.0.0.0/8"))] == "web")
        #expect(Set(SecurityGroupRules.grants(fromXML: afterUpdate.list("ipPermissionsEgress")).keys) == [
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 443, toPort: 443, source: .cidr("0.0.0.0/0")),
        ])
        #expect(AWSTags.map(fromXML: afterUpdate.list("tagSet")) == ["Name": "web", "team": "platform"])
        let refreshed = try #require(try sg.read(updated))
        #expect(try sg.plan(config, prior: refreshed).isNoop)

        // Import by id gives what read gives.
        let imported = try sg.importState(id)
        #expect(imported.hasSameContent(as: refreshed), "\(ResourceLifecycle.differences(refreshed, imported))")

        // The description cannot change in place.
        config["description"] = .string("web tier")
        let replacePlan = try sg.plan(config, prior: refreshed)
        #expect(replacePlan.action == .replace)
        #expect(replacePlan.requiresReplace == [".description"])
        let replaced = try sg.apply(replacePlan)
        let newID = try #require(replaced.stringAttribute("id"))
        #expect(newID != id)
        #expect(try describeGroup(id) == nil)
        #expect(try describeGroup(newID)?.string("groupDescription") == "web tier")
        #expect(replaced.attributes?["egress"] == (try expectedRules(egress, sg)))

        // Destroy.
        try sg.delete(replaced)
        #expect(try sg.read(replaced) == nil)
        #expect(try describeGroup(newID) == nil)
        try sg.delete(replaced)  // already gone: not an error
    }

    @Test func securityGroupKeepsEgressWhenItHasNoBlocksAndNormalisesProtocols() throws {
        let sg = try ResourceLifecycle(aws, "aws_security_group")
        var config: [String: Value] = [
            "name_prefix": .string("app-"),
            "ingress": .tuple([Self.rule("ALL", 0, 0, cidrs: ["10.1.0.0/16"]), Self.rule("6", 22, 22, cidrs: [], groups: [], description: "")]),
        ]
        // "6" with no sources is refused before anything is created.
        let refused = #expect(throws: ProviderError.self) { try sg.plan(config) }
        #expect(refused?.summary == "Security group rule without a source")

        config["ingress"] = .tuple([Self.rule("ALL", 0, 0, cidrs: ["10.1.0.0/16"]), Self.rule("6", 22, 22, cidrs: ["10.2.0.0/16"], description: "")])
        let plan = try sg.plan(config)
        #expect(plan.planned.attributes?["name"]?.isKnown == false)
        let ingress = plan.planned.attributes?["ingress"]?.elements ?? []
        #expect(Set(ingress.compactMap { $0.stringAttribute("protocol") }) == ["-1", "tcp"])
        #expect(ingress.allSatisfy { $0.attributes?["description"]?.isNull == true })
        #expect(ingress.allSatisfy { $0.boolAttribute("self") == false })

        let created = try sg.apply(plan)
        #expect(created.stringAttribute("name")?.hasPrefix("app-") == true)
        #expect(created.stringAttribute("name")?.count == "app-".count + ResourceNaming.suffixLength)
        #expect(try sg.plan(config, prior: try refreshed(sg, created)).isNoop)

        // The created group is found by its name after a crash.
        let named = config.merging(["name": .string(created.stringAttribute("name")!)]) { $1 }.filter { $0.key != "name_prefix" }
        guard case .found(let found) = try sg.findCreated(named) else {
            Issue.record("findCreated did not find the group")
            return
        }
        #expect(found.stringAttribute("id") == created.stringAttribute("id"))
        #expect(try sg.findCreated(["name": .string("nobody")]) == .notFound)

        // Egress taken over, then dropped from the configuration: kept as it is, as Terraform does.
        config["egress"] = .tuple([Self.rule("udp", 53, 53, cidrs: ["10.0.0.2/32"])])
        let withEgress = try sg.update(config, prior: created)
        config["egress"] = nil
        let plan2 = try sg.plan(config, prior: withEgress)
        #expect(plan2.isNoop, "\(differences(plan2))")
        try sg.delete(withEgress)
    }

    @Test func securityGroupSeesRulesChangedOutsidePcplan() throws {
        let sg = try ResourceLifecycle(aws, "aws_security_group")
        let bastion = try #require(try api.query(.ec2, "CreateSecurityGroup", [("GroupName", "bastion"), ("GroupDescription", "bastion")])
            .string("groupId"))
        let config: [String: Value] = [
            "name": .string("drift"), "ingress": .tuple([Self.rule("tcp", 22, 22, cidrs: ["10.0.0.0/8"], groups: [bastion])]),
        ]
        let created = try sg.create(config)
        #expect(created.stringAttribute("description") == SecurityGroupResource.defaultDescription)
        let id = try #require(created.stringAttribute("id"))
        _ = try api.query(.ec2, "AuthorizeSecurityGroupIngress", [
            ("GroupId", id), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "3306"),
            ("IpPermissions.1.ToPort", "3306"), ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"),
        ])
        let drifted = try #require(try sg.read(created))
        #expect(drifted.blockList("ingress").count == 2)
        let plan = try sg.plan(config, prior: drifted)
        #expect(plan.action == .update)
        let fixed = try sg.apply(plan)
        #expect(fixed.blockList("ingress").count == 1)
        let grants = SecurityGroupRules.grants(fromXML: try #require(try describeGroup(id)).list("ipPermissions"))
        #expect(Set(grants.keys) == [
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 22, toPort: 22, source: .cidr("10.0.0.0/8")),
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 22, toPort: 22, source: .group(bastion)),
        ])

        // revoke_rules_on_delete changes in place without touching AWS.
        let revoking = try sg.update(config.merging(["revoke_rules_on_delete": .true]) { $1 }, prior: fixed)
        #expect(revoking.boolAttribute("revoke_rules_on_delete") == true)
        try sg.delete(revoking)
        #expect(try describeGroup(id) == nil)
    }

    /// A group made but whose rules failed is handed back as created, so the
    /// applier records it (tainted) instead of losing it.
    @Test func aSecurityGroupWhoseRulesFailIsReportedAsCreated() throws {
        let sg = try ResourceLifecycle(aws, "aws_security_group")
        let config: [String: Value] = [
            "name": .string("half"), "ingress": .tuple([Self.rule("tcp", 5432, 5432, groups: ["sg-0000000000000dead"])]),
        ]
        let error = #expect(throws: ProviderError.self) { try sg.create(config) }
        #expect(error?.summary.hasPrefix("Setting up the rules of security group sg-") == true, "\(error?.summary ?? "")")
        let createdObject = try #require(error?.createdObject)
        let id = try #require(createdObject.stringAttribute("id"))
        #expect(createdObject.stringAttribute("name") == "half")
        #expect(createdObject.isWhollyKnown)
        #expect(try describeGroup(id) != nil)
        try sg.delete(createdObject)
        #expect(try describeGroup(id) == nil)

        let asg = try ResourceLifecycle(aws, "aws_autoscaling_group")
        let missing = #expect(throws: ProviderError.self) {
            try asg.create(["name": .string("orphan"), "launch_configuration": .string("no-such-lc"), "min_size": .number(0),
                            "max_size": .number(1), "availability_zones": .list(strings: ["us-east-1a"])])
        }
        #expect(missing?.summary == "Creating auto-scaling group \"orphan\" failed", "\(missing?.summary ?? "")")
        #expect(missing?.createdObject == nil)
        #expect(try describeAutoScalingGroup("orphan") == nil)
    }

    /// Arguments AWS would refuse only after the group exists are refused
    /// when planning, with the attribute at fault.
    @Test func securityGroupArgumentsAreCheckedWhenPlanning() throws {
        let sg = try ResourceLifecycle(aws, "aws_security_group")
        let cases: [([String: Value], String, String)] = [
            (["name": .string("a"), "name_prefix": .string("b")], "Conflicting arguments name and name_prefix", ".name_prefix"),
            (["name_prefix": .string(String(repeating: "p", count: 240))], "Invalid name_prefix", ".name_prefix"),
            (["ingress": .tuple([Self.rule("-1", 80, 80, cidrs: ["10.0.0.0/8"])])], "Ports must be 0 with protocol -1", ".ingress"),
            (["ingress": .tuple([Self.rule("gre", 0, 0, cidrs: ["10.0.0.0/8"])])], "Invalid protocol \"gre\"", ".ingress"),
            (["egress": .tuple([Self.rule("tcp", 1, 2)])], "Security group rule without a source", ".egress"),
            (["description": .string("")], "Empty security group description", ".description"),
        ]
        for (config, summary, attribute) in cases {
            let error = #expect(throws: ProviderError.self) { try sg.plan(config) }
            #expect(error?.summary.hasPrefix(summary) == true, "\(error?.summary ?? "")")
            #expect(error?.attribute?.description == attribute, "\(summary)")
        }
    }

    // MARK: aws_launch_configuration

    @Test func launchConfigurationLifecycle() throws {
        let lc = try ResourceLifecycle(aws, "aws_launch_configuration")
        let image = try imageID()
        let group = try api.query(.ec2, "CreateSecurityGroup", [("GroupName", "instances"), ("GroupDescription", "instances")])
        let groupID = try #require(group.string("groupId"))
        let userData = "#!/bin/bash\necho ECS_CLUSTER=prisma >> /etc/ecs/ecs.config\n"
        var config: [String: Value] = [
            "name": .string("web-lc"), "image_id": .string(image), "instance_type": .string("t3.micro"),
            "security_groups": .list(strings: [groupID]), "user_data": .string(userData), "associate_public_ip_address": .true,
            "iam_instance_profile": .string("ecs-instance"),
            "root_block_device": .tuple([.object(["volume_size": .number(30), "volume_type": .string("gp3")])]),
        ]
        let created = try lc.create(config)
        #expect(created.stringAttribute("id") == "web-lc")
        #expect(created.stringAttribute("arn")?.hasPrefix("arn:aws:autoscaling:us-east-1:123456789012:launchConfiguration:") == true)
        #expect(created.stringAttribute("user_data") == userData)
        #expect(created.stringListAttribute("security_groups") == [groupID])
        let root = try #require(created.blockList("root_block_device").first)
        #expect(root.intAttribute("volume_size") == 30)
        #expect(root.boolAttribute("delete_on_termination") == true)

        // The API holds the user data base64-encoded and the root device of the image.
        let described = try #require(try describeLaunchConfiguration("web-lc"))
        #expect(described.string("UserData") == Data(userData.utf8).base64EncodedString())
        #expect(described.string("InstanceType") == "t3.micro")
        #expect(described.string("IamInstanceProfile") == "ecs-instance")
        let rootDevice = try api.query(.ec2, "DescribeImages", [("ImageId.1", image)]).list("imagesSet").first?.string("rootDeviceName")
        #expect(described.list("BlockDeviceMappings").first?.string("DeviceName") == rootDevice)

        let read = try #require(try lc.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        let again = try lc.plan(config, prior: read)
        #expect(again.isNoop, "\(differences(again))")
        #expect(try lc.importState("web-lc").hasSameContent(as: read))

        // Nothing changes in place: every argument replaces.
        for (argument, value) in [
            ("instance_type", Value.string("t3.small")), ("user_data", .string("#!/bin/bash\n")),
            ("root_block_device", .tuple([.object(["volume_size": .number(40)])])), ("associate_public_ip_address", .false),
        ] {
            var changed = config
            changed[argument] = value
            let plan = try lc.plan(changed, prior: read)
            #expect(plan.action == .replace, "\(argument)")
            #expect(plan.requiresReplace == [".\(argument)"])
        }
        config["instance_type"] = .string("t3.small")
        let replaced = try lc.replace(config, prior: read)
        #expect(try describeLaunchConfiguration("web-lc")?.string("InstanceType") == "t3.small")
        #expect(try lc.plan(config, prior: try refreshed(lc, replaced)).isNoop)

        try lc.delete(replaced)
        #expect(try lc.read(replaced) == nil)
        #expect(try describeLaunchConfiguration("web-lc") == nil)
    }

    @Test func launchConfigurationWithAGeneratedName() throws {
        let lc = try ResourceLifecycle(aws, "aws_launch_configuration")
        let config: [String: Value] = ["name_prefix": .string("web-"), "image_id": .string(try imageID()), "instance_type": .string("t3.micro")]
        let plan = try lc.plan(config)
        #expect(plan.planned.attributes?["name"]?.isKnown == false)
        let created = try lc.apply(plan)
        let name = try #require(created.stringAttribute("name"))
        #expect(name.hasPrefix("web-") && name.count == 4 + ResourceNaming.suffixLength)
        #expect(created.attributes?["user_data"]?.isNull == true)
        #expect(created.attributes?["associate_public_ip_address"]?.isNull == true)
        #expect(created.blockList("root_block_device").isEmpty)
        #expect(try lc.plan(config, prior: try refreshed(lc, created)).isNoop)
        try lc.delete(created)
        #expect(try describeLaunchConfiguration(name) == nil)
    }

    // MARK: aws_autoscaling_group

    @Test func autoScalingGroupLifecycle() throws {
        let asg = try ResourceLifecycle(aws, "aws_autoscaling_group")
        let lc = try ResourceLifecycle(aws, "aws_launch_configuration")
        let image = try imageID()
        let first = try lc.create(["name": .string("lc-1"), "image_id": .string(image), "instance_type": .string("t3.micro")])
        let second = try lc.create(["name": .string("lc-2"), "image_id": .string(image), "instance_type": .string("t3.small")])
        let subnets = try defaultSubnets()
        try createClassicLoadBalancer("front", zone: "us-east-1a")
        try createClassicLoadBalancer("back", zone: "us-east-1a")

        var config: [String: Value] = [
            "name": .string("web-asg"), "launch_configuration": .string("lc-1"), "min_size": .number(1), "max_size": .number(3),
            "vpc_zone_identifier": .list(strings: [try #require(subnets["us-east-1a"]), try #require(subnets["us-east-1b"])]),
            "load_balancers": .list(strings: ["front"]), "health_check_type": .string("EC2"), "wait_for_capacity_timeout": .string("1m"),
            "tag": .tuple([
                .object(["key": .string("Name"), "value": .string("web"), "propagate_at_launch": .true]),
                .object(["key": .string("team"), "value": .string("platform"), "propagate_at_launch": .false]),
            ]),
        ]
        let createPlan = try asg.plan(config)
        #expect(createPlan.planned.attributes?["desired_capacity"]?.isKnown == false)
        #expect(createPlan.planned.intAttribute("health_check_grace_period") == 300)
        let created = try asg.apply(createPlan)
        #expect(created.stringAttribute("id") == "web-asg")
        #expect(created.stringAttribute("arn")?.contains("autoScalingGroupName/web-asg") == true)
        #expect(created.intAttribute("desired_capacity") == 1)
        #expect(Set(created.stringListAttribute("availability_zones") ?? []) == ["us-east-1a", "us-east-1b"])
        #expect(created.stringListAttribute("load_balancers") == ["front"])
        #expect(created.boolAttribute("force_delete") == false)
        #expect(created.blockList("tag").count == 2)

        // The API's own view: one healthy instance, in the load balancer.
        let described = try #require(try describeAutoScalingGroup("web-asg"))
        #expect(described.list("Instances").count == 1)
        #expect(described.list("Instances").first?.string("LifecycleState") == "InService")
        #expect(described.list("LoadBalancerNames").map(\.text) == ["front"])
        #expect(described.list("Tags").count == 2)

        let read = try #require(try asg.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        let again = try asg.plan(config, prior: read)
        #expect(again.isNoop, "\(differences(again))")

        // In place: sizes, launch configuration, load balancers, health check, tags.
        config["launch_configuration"] = .string("lc-2")
        config["max_size"] = .number(4)
        config["desired_capacity"] = .number(2)
        config["load_balancers"] = .list(strings: ["back"])
        config["health_check_grace_period"] = .number(60)
        config["tag"] = .tuple([
            .object(["key": .string("Name"), "value": .string("web-2"), "propagate_at_launch": .true]),
            .object(["key": .string("env"), "value": .string("prod"), "propagate_at_launch": .true]),
        ])
        let updatePlan = try asg.plan(config, prior: read)
        #expect(updatePlan.action == .update, "\(updatePlan.requiresReplace)")
        let updated = try asg.apply(updatePlan)
        #expect(updated.intAttribute("desired_capacity") == 2)
        #expect(updated.stringAttribute("launch_configuration") == "lc-2")
        #expect(updated.stringListAttribute("load_balancers") == ["back"])
        let afterUpdate = try #require(try describeAutoScalingGroup("web-asg"))
        #expect(afterUpdate.int("MaxSize") == 4)
        #expect(afterUpdate.int("HealthCheckGracePeriod") == 60)
        #expect(afterUpdate.list("Instances").count == 2)
        #expect(afterUpdate.list("LoadBalancerNames").map(\.text) == ["back"])
        let tags = Dictionary(uniqueKeysWithValues: afterUpdate.list("Tags").map { ($0.string("Key") ?? "", $0.string("Value") ?? "") })
        #expect(tags == ["Name": "web-2", "env": "prod"])
        let refreshed = try #require(try asg.read(updated))
        #expect(try asg.plan(config, prior: refreshed).isNoop)

        // Leaving desired_capacity out keeps AWS's, moved within the new sizes.
        var unpinned = config
        unpinned["desired_capacity"] = nil
        unpinned["min_size"] = .number(3)
        let resize = try asg.plan(unpinned, prior: refreshed)
        #expect(resize.action == .update)
        #expect(resize.planned.intAttribute("desired_capacity") == 3)

        // Import knows nothing of pcplan's own arguments: they take their defaults.
        let imported = try asg.importState("web-asg")
        let expected = refreshed.updating(["wait_for_capacity_timeout": .string(AutoScalingGroupResource.defaultCapacityTimeout)])
        #expect(imported.hasSameContent(as: expected), "\(ResourceLifecycle.differences(expected, imported))")

        // A new name is a new group.
        config["name"] = .string("web-asg-2")
        let replacePlan = try asg.plan(config, prior: refreshed)
        #expect(replacePlan.action == .replace)
        #expect(replacePlan.requiresReplace == [".name"])
        let replaced = try asg.apply(replacePlan)
        #expect(try describeAutoScalingGroup("web-asg") == nil)
        #expect(try describeAutoScalingGroup("web-asg-2")?.list("Instances").count == 2)

        try asg.delete(replaced)
        #expect(try asg.read(replaced) == nil)
        #expect(try describeAutoScalingGroup("web-asg-2") == nil)
        try lc.delete(first)
        try lc.delete(second)
    }

    @Test func autoScalingGroupForceDeleteAndZonesWithoutSubnets() throws {
        let asg = try ResourceLifecycle(aws, "aws_autoscaling_group")
        let lc = try ResourceLifecycle(aws, "aws_launch_configuration")
        _ = try lc.create(["name": .string("lc"), "image_id": .string(try imageID()), "instance_type": .string("t3.micro")])
        let config: [String: Value] = [
            "name_prefix": .string("batch-"), "launch_configuration": .string("lc"), "min_size": .number(0), "max_size": .number(2),
            "desired_capacity": .number(1), "availability_zones": .list(strings: ["us-east-1c"]), "force_delete": .true,
            "wait_for_capacity_timeout": .string("0"),
        ]
        let created = try asg.create(config)
        let name = try #require(created.stringAttribute("name"))
        #expect(name.hasPrefix("batch-"))
        #expect(created.stringListAttribute("availability_zones") == ["us-east-1c"])
        #expect(created.stringListAttribute("load_balancers") == [])
        #expect(try asg.plan(config, prior: try refreshed(asg, created)).isNoop)
        guard case .found = try asg.findCreated(config.merging(["name": .string(name)]) { $1 }.filter { $0.key != "name_prefix" }) else {
            Issue.record("findCreated did not find \(name)")
            return
        }
        try asg.delete(created)
        #expect(try describeAutoScalingGroup(name) == nil)
    }

    @Test func autoScalingGroupArgumentsAreCheckedWhenPlanning() throws {
        let asg = try ResourceLifecycle(aws, "aws_autoscaling_group")
        let cases: [([String: Value], String)] = [
            (["min_size": .number(3), "max_size": .number(1)], "Invalid group sizes"),
            (["min_size": .number(1), "max_size": .number(2), "desired_capacity": .number(5)], "Invalid desired_capacity"),
            (["min_size": .number(1), "max_size": .number(2), "wait_for_capacity_timeout": .string("ten minutes")], "Invalid wait_for_capacity_timeout"),
            (["min_size": .number(1), "max_size": .number(1), "name": .string(String(repeating: "n", count: 256))], "Invalid name"),
        ]
        for (config, summary) in cases {
            let error = #expect(throws: ProviderError.self) { try asg.plan(config.merging(["launch_configuration": .string("lc")]) { $1 }) }
            #expect(error?.summary.hasPrefix(summary) == true, "\(error?.summary ?? "")")
        }
        let missing = #expect(throws: ProviderError.self) { try asg.plan(["min_size": .number(1), "max_size": .number(1)]) }
        #expect(missing?.summary == "Missing launch_configuration")
        #expect(missing?.attribute == ValuePath([.attribute("launch_configuration")]))
    }
}

/// Rules grouped back from AWS's grants, without a server.
@Suite struct SecurityGroupRulesTests {
    static let cidrGrant = SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .cidr("10.0.0.0/8"))

    @Test(arguments: [
        ("all", "-1"), ("-1", "-1"), ("TCP", "tcp"), ("6", "tcp"), ("17", "udp"), ("1", "icmp"), ("58", "icmpv6"), ("50", "50"),
    ])
    func protocolsAreNormalised(_ written: String, _ normal: String) {
        #expect(SecurityGroupRules.normalizedProtocol(written) == normal)
    }

    @Test func configuredGroupingIsKeptAndTheRestGrouped() throws {
        let prior = Value.set([
            EC2ResourceTests.rule("tcp", 80, 80, cidrs: ["10.0.0.0/8"], isSelf: true, description: "web"),
        ].map(SecurityGroupRules.normalizedRule), element: SecurityGroupRules.block.content.valueType)
        let actual: [SecurityGroupGrant: String] = [
            Self.cidrGrant: "web",
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .group("sg-own")): "web",
            SecurityGroupGrant(ipProtocol: "udp", fromPort: 53, toPort: 53, source: .cidr("10.0.0.2/32")): "",
            SecurityGroupGrant(ipProtocol: "udp", fromPort: 53, toPort: 53, source: .group("sg-other")): "",
        ]
        let blocks = SecurityGroupRules.blocks(from: actual, like: prior, groupID: "sg-own").elements ?? []
        #expect(blocks.count == 2)
        let udp = try #require(blocks.first { $0.stringAttribute("protocol") == "udp" })
        #expect(udp.stringListAttribute("cidr_blocks") == ["10.0.0.2/32"])
        #expect(udp.stringListAttribute("security_groups") == ["sg-other"])
        #expect(udp.boolAttribute("self") == false)
        #expect(udp.attributes?["description"]?.isNull == true)
        #expect(blocks.contains(prior.elements![0]))

        // A prior block only partly present is regrouped, so the change shows.
        let partial = SecurityGroupRules.blocks(from: [Self.cidrGrant: "web"], like: prior, groupID: "sg-own").elements ?? []
        #expect(partial.count == 1)
        #expect(partial.first?.boolAttribute("self") == false)
        #expect(partial.first?.stringListAttribute("cidr_blocks") == ["10.0.0.0/8"])
    }

    @Test func permissionsAreGroupedByProtocolAndPorts() {
        let parameters = SecurityGroupRules.parameters([
            Self.cidrGrant: "web",
            SecurityGroupGrant(ipProtocol: "tcp", fromPort: 80, toPort: 80, source: .ipv6("::/0")): "",
            SecurityGroupGrant(ipProtocol: "-1", fromPort: 0, toPort: 0, source: .group("sg-1")): "all",
        ], withDescriptions: true)
        #expect(parameters.map { "\($0.0)=\($0.1)" } == [
            "IpPermissions.1.IpProtocol=-1",
            "IpPermissions.1.Groups.1.GroupId=sg-1", "IpPermissions.1.Groups.1.Description=all",
            "IpPermissions.2.IpProtocol=tcp", "IpPermissions.2.FromPort=80", "IpPermissions.2.ToPort=80",
            "IpPermissions.2.IpRanges.1.CidrIp=10.0.0.0/8", "IpPermissions.2.IpRanges.1.Description=web",
            "IpPermissions.2.Ipv6Ranges.1.CidrIpv6=::/0",
        ])
    }

    @Test(arguments: [("10m", 600.0), ("90s", 90.0), ("1h30m", 5400.0), ("0", 0.0), ("1.5m", 90.0)] as [(String, Double)])
    func capacityTimeouts(_ text: String, _ seconds: Double) {
        #expect(AutoScalingGroupResource.seconds(parsing: text) == seconds)
    }

    @Test func badCapacityTimeouts() {
        for text in ["", "10", "ten", "5d", "m"] {
            #expect(AutoScalingGroupResource.seconds(parsing: text) == nil, "\(text)")
        }
    }
}
