import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// aws_ecs_cluster, aws_ecs_task_definition and aws_ecs_service through
/// their whole lives against moto with signature checking on: create, read
/// (checked with direct ECS calls too), a no-op plan, an in-place update, a
/// replacement, import, destroy.
@Suite(.serialized, .motoServer)
struct ECSResourceTests {
    let moto: MotoServer
    let aws: ConfiguredAWSProvider
    /// Straight to moto, not through the provider: what ECS itself says.
    let ecs: AWSClient

    init() throws {
        moto = try MotoServer.forTest()
        aws = try ProviderFixture.configured(moto)
        ecs = ProviderFixture.client(moto)
    }

    static let account = MotoServer.accountID
    static let web = #"[{"name":"web","image":"nginx:1.27","memory":128,"portMappings":[{"containerPort":80}],"environment":[{"name":"MODE","value":"prod"},{"name":"COLOR","value":"blue"}]}]"#

    func describeCluster(_ name: String) throws -> Value? {
        try ecs.json(.ecs, "DescribeClusters", .object([
            "clusters": .tuple([.string(name)]), "include": .tuple([.string("SETTINGS"), .string("TAGS")]),
        ])).blockList("clusters").first
    }

    func describeTaskDefinition(_ reference: String) throws -> Value? {
        try ecs.json(.ecs, "DescribeTaskDefinition", .object(["taskDefinition": .string(reference), "include": .tuple([.string("TAGS")])]))
            .singleBlock("taskDefinition")
    }

    func describeService(_ arn: String, cluster: String) throws -> Value? {
        try ecs.json(.ecs, "DescribeServices", .object([
            "cluster": .string(cluster), "services": .tuple([.string(arn)]), "include": .tuple([.string("TAGS")]),
        ])).blockList("services").first
    }

    func tags(of arn: String) throws -> [String: String] {
        AWSTags.map(fromJSON: try ecs.json(.ecs, "ListTagsForResource", .object(["resourceArn": .string(arn)])).attributeValue("tags"))
    }

    /// How the lifecycle helper spells a replacement path.
    static func path(_ attribute: String) -> String {
        ValuePath([.attribute(attribute)]).description
    }

    static func setting(_ value: String) -> Value {
        .tuple([.object(["name": .string("containerInsights"), "value": .string(value)])])
    }

    static func settings(_ state: Value) -> [String: String] {
        ECSClusterResource.settings(of: state)
    }

    // MARK: aws_ecs_cluster

    @Test func clusterLifecycle() throws {
        let clusters = try ResourceLifecycle(aws, "aws_ecs_cluster")
        let arguments: [String: Value] = ["name": .string("pc-cluster"), "setting": Self.setting("enabled"), "tags": .object(["env": .string("test")])]
        let created = try clusters.create(arguments)
        let arn = "arn:aws:ecs:us-east-1:\(Self.account):cluster/pc-cluster"
        #expect(created.stringAttribute("arn") == arn)
        #expect(created.stringAttribute("id") == arn)
        #expect(Self.settings(created) == ["containerInsights": "enabled"])
        #expect(AWSTags.map(of: created) == ["env": "test"])

        let direct = try #require(try describeCluster("pc-cluster"))
        #expect(direct.stringAttribute("status") == "ACTIVE")
        #expect(direct.blockList("settings").first?.stringAttribute("value") == "enabled")
        #expect(AWSTags.map(fromJSON: direct.attributeValue("tags")) == ["env": "test"])

        let read = try #require(try clusters.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        #expect(try clusters.plan(arguments, prior: read).isNoop)

        // In place: a setting's value, then no setting at all (AWS's default
        // "disabled" then reads back as nothing), and the tags.
        let disabled = ["name": .string("pc-cluster"), "setting": Self.setting("disabled"), "tags": .object(["env": .string("prod"), "team": .string("core")])]
        let updated = try clusters.update(disabled, prior: read)
        #expect(Self.settings(updated) == ["containerInsights": "disabled"])
        #expect(try describeCluster("pc-cluster")?.blockList("settings").first?.stringAttribute("value") == "disabled")
        #expect(try tags(of: arn) == ["env": "prod", "team": "core"])
        let bare: [String: Value] = ["name": .string("pc-cluster")]
        let reenabled = try clusters.update(["name": .string("pc-cluster"), "setting": Self.setting("enabled")], prior: updated)
        let withoutSettings = try clusters.update(bare, prior: reenabled)
        #expect(Self.settings(withoutSettings).isEmpty)
        #expect(try describeCluster("pc-cluster")?.blockList("settings").first?.stringAttribute("value") == "disabled")
        #expect(try tags(of: arn).isEmpty)
        #expect(try clusters.plan(bare, prior: try #require(try clusters.read(withoutSettings))).isNoop)

        // Import by name and by ARN gives what a read gives.
        let current = try #require(try clusters.read(withoutSettings))
        #expect(try clusters.importState("pc-cluster").hasSameContent(as: current))
        #expect(try clusters.importState(arn).hasSameContent(as: current))
        #expect(try clusters.findCreated(bare) == .found(current))
        #expect(try clusters.findCreated(["name": .string("never-made")]) == .notFound)

        // A new name is a new cluster.
        let plan = try clusters.plan(["name": .string("pc-cluster-2")], prior: current)
        #expect(plan.action == .replace)
        #expect(plan.requiresReplace == [Self.path("name")])
        let replaced = try clusters.apply(plan)
        #expect(replaced.stringAttribute("arn") == "arn:aws:ecs:us-east-1:\(Self.account):cluster/pc-cluster-2")
        #expect(try describeCluster("pc-cluster")?.stringAttribute("status") == "INACTIVE")
        #expect(try clusters.read(current) == nil)

        try clusters.delete(replaced)
        #expect(try clusters.read(replaced) == nil)
        #expect(try describeCluster("pc-cluster-2")?.stringAttribute("status") == "INACTIVE")
        #expect(throws: ProviderError.self) { try clusters.importState("pc-cluster-2") }
    }

    @Test func clusterArgumentsAreChecked() throws {
        let clusters = try ResourceLifecycle(aws, "aws_ecs_cluster")
        let badName = #expect(throws: ProviderError.self) { try clusters.plan(["name": .string("web cluster")]) }
        #expect(badName?.attribute == ValuePath([.attribute("name")]))
        let badSetting = #expect(throws: ProviderError.self) {
            try clusters.plan(["name": .string("web"), "setting": .tuple([.object(["name": .string("insights"), "value": .string("on")])])])
        }
        #expect(badSetting?.detail.contains("containerInsights") == true)
    }

    // MARK: aws_ecs_task_definition

    func taskDefinitionArguments(_ containers: String = web, tags: [String: String] = ["app": "web"]) -> [String: Value] {
        [
            "family": .string("pc-web"),
            "container_definitions": .string(containers),
            "network_mode": .string("bridge"),
            "requires_compatibilities": .tuple([.string("EC2")]),
            "cpu": .string("256"),
            "memory": .string("512"),
            "execution_role_arn": .string("arn:aws:iam::\(Self.account):role/pc-execution"),
            "volume": .tuple([.object(["name": .string("data"), "host_path": .string("/srv/data")])]),
            "placement_constraints": .tuple([.object(["type": .string("memberOf"), "expression": .string("attribute:ecs.os-type == linux")])]),
            "tags": .object(tags.mapValues(Value.string)),
        ]
    }

    @Test func taskDefinitionLifecycle() throws {
        let definitions = try ResourceLifecycle(aws, "aws_ecs_task_definition")
        let arguments = taskDefinitionArguments()
        let created = try definitions.create(arguments)
        let arn = "arn:aws:ecs:us-east-1:\(Self.account):task-definition/pc-web:1"
        #expect(created.stringAttribute("arn") == arn)
        #expect(created.stringAttribute("arn_without_revision") == "arn:aws:ecs:us-east-1:\(Self.account):task-definition/pc-web")
        #expect(created.intAttribute("revision") == 1)
        #expect(created.stringAttribute("id") == "pc-web")
        // The configuration's text is kept: AWS's read-back is equivalent.
        #expect(created.stringAttribute("container_definitions") == Self.web)
        #expect(created.stringListAttribute("requires_compatibilities") == ["EC2"])
        #expect(created.blockList("volume").first?.stringAttribute("host_path") == "/srv/data")

        let direct = try #require(try describeTaskDefinition(arn))
        #expect(direct.stringAttribute("status") == "ACTIVE")
        let container = try #require(direct.blockList("containerDefinitions").first)
        #expect(container.stringAttribute("image") == "nginx:1.27")
        #expect(container.intAttribute("memory") == 128)
        #expect(direct.stringAttribute("networkMode") == "bridge")
        #expect(direct.stringAttribute("executionRoleArn") == "arn:aws:iam::\(Self.account):role/pc-execution")
        #expect(direct.blockList("placementConstraints").first?.stringAttribute("expression") == "attribute:ecs.os-type == linux")

        let read = try #require(try definitions.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        #expect(try definitions.plan(arguments, prior: read).isNoop)
        // The same containers written another way (key order, defaults
        // spelled out, environment reordered, a quoted number) plan nothing.
        let respelled = #"[{"environment":[{"value":"blue","name":"COLOR"},{"name":"MODE","value":"prod"}],"essential":true,"memory":"128","portMappings":[{"protocol":"tcp","containerPort":80}],"image":"nginx:1.27","name":"web","mountPoints":[]}]"#
        #expect(try definitions.plan(taskDefinitionArguments(respelled), prior: read).isNoop)
        var gigabyte = arguments
        gigabyte["memory"] = .string("0.5 GB")
        #expect(try definitions.plan(gigabyte, prior: read).isNoop)

        // Tags change in place.
        let retagged = try definitions.update(taskDefinitionArguments(tags: ["app": "web", "tier": "front"]), prior: read)
        #expect(AWSTags.map(of: retagged) == ["app": "web", "tier": "front"])
        #expect(try tags(of: arn) == ["app": "web", "tier": "front"])
        #expect(retagged.stringAttribute("arn") == arn)

        // Import by family and by ARN gives what a read gives.
        let current = try #require(try definitions.read(retagged))
        let byFamily = try definitions.importState("pc-web")
        #expect(try definitions.plan(taskDefinitionArguments(tags: ["app": "web", "tier": "front"]), prior: byFamily).isNoop)
        #expect(byFamily.stringAttribute("arn") == arn)
        #expect(ECSContainerDefinitions.areEquivalent(try #require(byFamily.stringAttribute("container_definitions")), Self.web, networkMode: "bridge"))
        #expect(try definitions.importState(arn).hasSameContent(as: byFamily))
        #expect(try definitions.findCreated(taskDefinitionArguments(tags: ["app": "web", "tier": "front"])) == .found(current))

        // A new image is a new revision; the old one is deregistered.
        let newImage = Self.web.replacingOccurrences(of: "nginx:1.27", with: "nginx:1.28")
        #expect(try definitions.findCreated(taskDefinitionArguments(newImage)) == .notFound)
        let plan = try definitions.plan(taskDefinitionArguments(newImage), prior: current)
        #expect(plan.action == .replace)
        #expect(plan.requiresReplace == [Self.path("container_definitions")])
        let replaced = try definitions.apply(plan)
        #expect(replaced.intAttribute("revision") == 2)
        #expect(replaced.stringAttribute("container_definitions") == newImage)
        #expect(try describeTaskDefinition(arn)?.stringAttribute("status") == "INACTIVE")
        #expect(try definitions.read(current) == nil)

        try definitions.delete(replaced)
        #expect(try definitions.read(replaced) == nil)
        #expect(try describeTaskDefinition("pc-web:2")?.stringAttribute("status") == "INACTIVE")
        // Deleting again is not an error.
        try definitions.delete(replaced)
    }

    @Test func aDriftedTaskDefinitionReadsBackInCanonicalForm() throws {
        let definitions = try ResourceLifecycle(aws, "aws_ecs_task_definition")
        let created = try definitions.create(["family": .string("pc-drift"), "container_definitions": .string(Self.web)])
        #expect(created.stringAttribute("network_mode") == "bridge")
        // A state whose recorded text no longer matches what AWS has: the
        // read reports AWS's document, without its defaults.
        let stale = created.updating(["container_definitions": .string(#"[{"name":"web","image":"httpd","memory":64}]"#)])
        let read = try #require(try definitions.read(stale))
        #expect(read.stringAttribute("container_definitions")
            == #"[{"environment":[{"name":"COLOR","value":"blue"},{"name":"MODE","value":"prod"}],"image":"nginx:1.27","memory":128,"name":"web","portMappings":[{"containerPort":80}]}]"#)
        let plan = try definitions.plan(["family": .string("pc-drift"), "container_definitions": .string(Self.web)], prior: read)
        #expect(plan.isNoop)
        try definitions.delete(created)
    }

    @Test func invalidContainerDefinitionsFailThePlan() throws {
        let definitions = try ResourceLifecycle(aws, "aws_ecs_task_definition")
        let error = #expect(throws: ProviderError.self) {
            try definitions.plan(["family": .string("x"), "container_definitions": .string(#"{"name":"web"}"#)])
        }
        #expect(error?.attribute == ValuePath([.attribute("container_definitions")]))
        #expect(error?.detail.contains("jsonencode") == true)
    }

    // MARK: aws_ecs_service

    /// A cluster and a task definition revision for services to use.
    func serviceDependencies() throws -> (cluster: Value, definition: Value) {
        let cluster = try ResourceLifecycle(aws, "aws_ecs_cluster").create(["name": .string("pc-cluster")])
        let definition = try ResourceLifecycle(aws, "aws_ecs_task_definition").create(
            ["family": .string("pc-web"), "container_definitions": .string(Self.web)])
        return (cluster, definition)
    }

    static func constraint(_ type: String, _ expression: String? = nil) -> Value {
        .object(["type": .string(type), "expression": expression.map(Value.string) ?? .null(.string)])
    }

    static func balancer(port: Int) -> Value {
        .tuple([.object(["elb_name": .string("pc-elb"), "container_name": .string("web"), "container_port": .number(port)])])
    }

    @Test func replicaServiceLifecycle() throws {
        let (cluster, definition) = try serviceDependencies()
        let clusterARN = try #require(cluster.stringAttribute("arn"))
        let definitionARN = try #require(definition.stringAttribute("arn"))
        let role = "arn:aws:iam::\(Self.account):role/pc-ecs-service"
        let services = try ResourceLifecycle(aws, "aws_ecs_service")
        var arguments: [String: Value] = [
            "name": .string("pc-service"),
            "cluster": .string("pc-cluster"),
            "task_definition": .string(definitionARN),
            "desired_count": .number(2),
            "launch_type": .string("EC2"),
            "iam_role": .string(role),
            "load_balancer": Self.balancer(port: 80),
            "placement_constraints": .tuple([Self.constraint("memberOf", "attribute:ecs.instance-type =~ t3.*")]),
            "deployment_minimum_healthy_percent": .number(50),
            "deployment_maximum_percent": .number(150),
            "tags": .object(["app": .string("web")]),
        ]
        let created = try services.create(arguments)
        let arn = "arn:aws:ecs:us-east-1:\(Self.account):service/pc-cluster/pc-service"
        #expect(created.stringAttribute("id") == arn)
        #expect(created.stringAttribute("arn") == arn)
        #expect(created.stringAttribute("cluster") == "pc-cluster")
        #expect(created.stringAttribute("scheduling_strategy") == "REPLICA")
        #expect(created.intAttribute("desired_count") == 2)
        #expect(created.intAttribute("deployment_maximum_percent") == 150)
        #expect(created.intAttribute("deployment_minimum_healthy_percent") == 50)
        #expect(created.blockList("placement_constraints").count == 1)
        #expect(created.boolAttribute("wait_for_steady_state") == false)

        let direct = try #require(try describeService(arn, cluster: "pc-cluster"))
        #expect(direct.stringAttribute("status") == "ACTIVE")
        #expect(direct.intAttribute("desiredCount") == 2)
        #expect(direct.stringAttribute("taskDefinition") == definitionARN)
        #expect(direct.stringAttribute("launchType") == "EC2")
        #expect(direct.blockList("loadBalancers").first?.stringAttribute("loadBalancerName") == "pc-elb")
        #expect(AWSTags.map(fromJSON: direct.attributeValue("tags")) == ["app": "web"])

        let read = try #require(try services.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        #expect(try services.plan(arguments, prior: read).isNoop)
        // The cluster named by its ARN is the same cluster.
        var byARN = arguments
        byARN["cluster"] = .string(clusterARN)
        #expect(try services.plan(byARN, prior: read).isNoop)

        // In place: count, task definition, percentages, placement, tags,
        // with a forced new deployment.
        let revision2 = try ResourceLifecycle(aws, "aws_ecs_task_definition").create(
            ["family": .string("pc-web"), "container_definitions": .string(Self.web.replacingOccurrences(of: "1.27", with: "1.28"))])
        let revision2ARN = try #require(revision2.stringAttribute("arn"))
        #expect(revision2ARN.hasSuffix("task-definition/pc-web:2"))
        let deploymentBefore = direct.blockList("deployments").first?.stringAttribute("id")
        arguments["task_definition"] = .string(revision2ARN)
        arguments["force_new_deployment"] = .true
        arguments["desired_count"] = .number(3)
        arguments["deployment_minimum_healthy_percent"] = .number(100)
        arguments["deployment_maximum_percent"] = .number(200)
        arguments["placement_constraints"] = .tuple([Self.constraint("distinctInstance")])
        arguments["tags"] = .object(["app": .string("web"), "tier": .string("front")])
        let updated = try services.update(arguments, prior: read)
        #expect(updated.intAttribute("desired_count") == 3)
        #expect(updated.blockList("placement_constraints").first?.stringAttribute("type") == "distinctInstance")
        let afterUpdate = try #require(try describeService(arn, cluster: clusterARN))
        #expect(afterUpdate.intAttribute("desiredCount") == 3)
        #expect(afterUpdate.stringAttribute("taskDefinition") == revision2ARN)
        #expect(afterUpdate.blockList("deployments").first?.stringAttribute("id") != deploymentBefore)
        #expect(afterUpdate.singleBlock("deploymentConfiguration")?.intAttribute("maximumPercent") == 200)
        #expect(afterUpdate.blockList("placementConstraints").first?.stringAttribute("type") == "distinctInstance")
        #expect(try tags(of: arn) == ["app": "web", "tier": "front"])
        let current = try #require(try services.read(updated))
        #expect(try services.plan(arguments, prior: current).isNoop)

        // Import by ARN: what a read gives (the cluster spelled as the id
        // spells it), but for force_new_deployment, a switch of the
        // configuration that AWS does not keep, and iam_role, which moto can
        // stop reporting after an UpdateService (moto.md §6).
        let imported = try services.importState(arn)
        #expect(imported.stringAttribute("cluster") == clusterARN)
        #expect(imported.attributes?["force_new_deployment"]?.isNull == true)
        let differences = ResourceLifecycle.differences(current.updating(["cluster": .string(clusterARN)]), imported)
            .filter { !$0.hasPrefix("force_new_deployment:") }
        #expect(differences.allSatisfy { $0.hasPrefix("iam_role:") }, "\(differences)")
        #expect(try services.findCreated(arguments) == .found(current))

        // A different load balancer port needs a new service.
        arguments["load_balancer"] = Self.balancer(port: 8080)
        let plan = try services.plan(arguments, prior: current)
        #expect(plan.action == .replace)
        #expect(plan.requiresReplace == [Self.path("load_balancer")])
        let replaced = try services.apply(plan)
        #expect(replaced.blockList("load_balancer").first?.intAttribute("container_port") == 8080)
        #expect(try describeService(arn, cluster: "pc-cluster")?.stringAttribute("status") == "ACTIVE")

        // Destroy scales to 0, deletes, and waits for INACTIVE.
        try services.delete(replaced)
        #expect(try services.read(replaced) == nil)
        let deleted = try #require(try describeService(arn, cluster: "pc-cluster"))
        #expect(deleted.stringAttribute("status") == "INACTIVE")
        #expect(deleted.intAttribute("desiredCount") == 0)
        try services.delete(replaced)
    }

    @Test func daemonServiceLifecycle() throws {
        let (_, definition) = try serviceDependencies()
        let definitionARN = try #require(definition.stringAttribute("arn"))
        let services = try ResourceLifecycle(aws, "aws_ecs_service")
        let arguments: [String: Value] = [
            "name": .string("pc-daemon"), "cluster": .string("pc-cluster"), "task_definition": .string(definitionARN),
            "scheduling_strategy": .string("DAEMON"),
        ]
        let created = try services.create(arguments)
        #expect(created.attributes?["desired_count"]?.isNull == true)
        #expect(created.intAttribute("deployment_maximum_percent") == 100)
        #expect(created.intAttribute("deployment_minimum_healthy_percent") == 0)
        #expect(created.stringAttribute("task_definition") == definitionARN)
        let arn = try #require(created.stringAttribute("id"))
        #expect(try describeService(arn, cluster: "pc-cluster")?.stringAttribute("schedulingStrategy") == "DAEMON")

        let read = try #require(try services.read(created))
        #expect(read.hasSameContent(as: created), "\(ResourceLifecycle.differences(created, read))")
        #expect(try services.plan(arguments, prior: read).isNoop)
        // family:revision names the same revision as its ARN.
        var byRevision = arguments
        byRevision["task_definition"] = .string("pc-web:1")
        #expect(try services.plan(byRevision, prior: read).isNoop)
        let withCount = #expect(throws: ProviderError.self) { try services.plan(arguments.merging(["desired_count": .number(1)]) { $1 }, prior: read) }
        #expect(withCount?.attribute == ValuePath([.attribute("desired_count")]))

        #expect(try services.importState("pc-cluster/pc-daemon").hasSameContent(as: read))

        // REPLICA instead of DAEMON is a new service.
        let plan = try services.plan(arguments.merging(["scheduling_strategy": .string("REPLICA")]) { $1 }, prior: read)
        #expect(plan.action == .replace)
        #expect(plan.requiresReplace == [Self.path("scheduling_strategy")])

        try services.delete(read)
        #expect(try services.read(read) == nil)
        #expect(try describeService(arn, cluster: "pc-cluster")?.stringAttribute("status") == "INACTIVE")
    }

    /// moto never starts a service's tasks (moto.md §6): a service that
    /// wants none is steady at once, one that wants a task never is, and
    /// the failed wait still hands back the service it created.
    @Test func waitingForASteadyState() throws {
        _ = try serviceDependencies()
        let services = try ResourceLifecycle(aws, "aws_ecs_service")
        let quick = ECSServiceResource(steadyTimeout: 1, pollInterval: 0.2)
        let idle = try services.create([
            "name": .string("pc-idle"), "cluster": .string("pc-cluster"), "task_definition": .string("pc-web:1"),
            "desired_count": .number(0), "wait_for_steady_state": .true,
        ])
        #expect(idle.boolAttribute("wait_for_steady_state") == true)
        #expect(try services.plan([
            "name": .string("pc-idle"), "cluster": .string("pc-cluster"), "task_definition": .string("pc-web:1"),
            "desired_count": .number(0), "wait_for_steady_state": .true,
        ], prior: idle).isNoop)

        let plan = try services.plan([
            "name": .string("pc-busy"), "cluster": .string("pc-cluster"), "task_definition": .string("pc-web:1"),
            "desired_count": .number(1), "wait_for_steady_state": .true,
        ])
        let started = Date()
        let error = #expect(throws: ProviderError.self) { try quick.create(planned: plan.planned, api: aws.api) }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(error?.detail.contains("WaitTimeout") == true, "\(error?.detail ?? "")")
        let created = try #require(error?.createdObject)
        #expect(created.stringAttribute("id") == "arn:aws:ecs:us-east-1:\(Self.account):service/pc-cluster/pc-busy")
        #expect(try describeService("pc-busy", cluster: "pc-cluster")?.stringAttribute("status") == "ACTIVE")
        try services.delete(created)
        try services.delete(idle)
    }

    @Test func aServiceInAMissingClusterReadsAsGone() throws {
        let services = try ResourceLifecycle(aws, "aws_ecs_service")
        let state = try services.configuration([
            "name": .string("ghost"), "cluster": .string("no-such-cluster"),
        ]).updating(["id": .string("arn:aws:ecs:us-east-1:\(Self.account):service/no-such-cluster/ghost")])
        #expect(try services.read(state) == nil)
        #expect(try services.findCreated(["name": .string("ghost"), "cluster": .string("no-such-cluster")]) == .notFound)
        #expect(throws: ProviderError.self) { try services.importState("no-such-cluster/ghost") }
        #expect(throws: ProviderError.self) { try services.importState("not-an-id") }
    }

    @Test func serviceArgumentsAreChecked() throws {
        let services = try ResourceLifecycle(aws, "aws_ecs_service")
        let both = #expect(throws: ProviderError.self) {
            try services.plan(["name": .string("x"), "load_balancer": .tuple([.object([
                "elb_name": .string("a"), "target_group_arn": .string("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/b/1"),
                "container_name": .string("web"), "container_port": .number(80),
            ])])])
        }
        #expect(both?.detail.contains("sets both") == true)
        let strategy = #expect(throws: ProviderError.self) { try services.plan(["name": .string("x"), "scheduling_strategy": .string("SOMETIMES")]) }
        #expect(strategy?.attribute == ValuePath([.attribute("scheduling_strategy")]))
        let count = #expect(throws: ProviderError.self) { try services.plan(["name": .string("x"), "desired_count": .number(-1)]) }
        #expect(count?.attribute == ValuePath([.attribute("desired_count")]))
        // Defaults show in the plan of a create.
        let plan = try services.plan(["name": .string("x")])
        #expect(plan.planned.intAttribute("desired_count") == 0)
        #expect(plan.planned.intAttribute("deployment_maximum_percent") == 200)
        #expect(plan.planned.intAttribute("deployment_minimum_healthy_percent") == 100)
        #expect(plan.planned.stringAttribute("scheduling_strategy") == "REPLICA")
        #expect(plan.planned.attributes?["cluster"]?.isKnown == false)
    }
}
