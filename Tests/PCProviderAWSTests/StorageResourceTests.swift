import Foundation
import PCAWS
import PCHTTP
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// aws_efs_file_system, aws_efs_mount_target and aws_elb through the
/// configured provider against moto (signature checking on): create → read
/// (checked with direct API calls too) → no-op plan → update in place →
/// replacement → import → destroy → gone.
@Suite(.serialized, .motoServer)
struct StorageResourceTests {
    let moto: MotoServer
    let aws: ConfiguredAWSProvider

    init() throws {
        moto = try MotoServer.forTest()
        aws = try ProviderFixture.configured(moto)
    }

    static let account = MotoServer.accountID

    static func replacePath(_ attribute: String) -> String { ValuePath([.attribute(attribute)]).description }

    // MARK: EFS file system

    @Test func aFileSystemLivesItsWholeLife() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_efs_file_system")
        let arguments: [String: Value] = [
            "creation_token": .string("storage-fs-1"),
            "performance_mode": .string("generalPurpose"),
            "tags": .stringMap(["Name": "shared", "team": "storage"]),
        ]
        let planned = try lifecycle.plan(arguments)
        #expect(planned.action == .create)
        #expect(planned.planned.attributes?["id"]?.isKnown == false)
        #expect(planned.planned.stringAttribute("name") == "shared")

        let created = try lifecycle.apply(planned)
        let id = try #require(created.stringAttribute("id"))
        #expect(id.hasPrefix("fs-"))
        #expect(created.stringAttribute("arn") == "arn:aws:elasticfilesystem:us-east-1:\(Self.account):file-system/\(id)")
        #expect(created.stringAttribute("dns_name") == "\(id).efs.us-east-1.amazonaws.com")
        #expect(created.stringAttribute("owner_id") == Self.account)
        #expect(created.intAttribute("number_of_mount_targets") == 0)
        #expect(created.stringAttribute("throughput_mode") == "bursting")
        #expect(created.boolAttribute("encrypted") == false)
        #expect(created.stringAttribute("name") == "shared")
        #expect(created.stringMapAttribute("tags") == ["Name": "shared", "team": "storage"])

        let direct = try #require(try describeFileSystem(id))
        #expect(direct.stringAttribute("CreationToken") == "storage-fs-1")
        #expect(direct.stringAttribute("PerformanceMode") == "generalPurpose")
        #expect(AWSTags.map(fromJSON: direct.attributeValue("Tags")) == ["Name": "shared", "team": "storage"])

        #expect(try lifecycle.plan(arguments, prior: created).isNoop)
        let reread = try #require(try lifecycle.read(created))
        #expect(reread.hasSameContent(as: created))

        // Tags change in place: one changed, one removed, one added.
        var retagged = arguments
        retagged["tags"] = .stringMap(["Name": "shared", "env": "test"])
        let updated = try lifecycle.update(retagged, prior: created)
        #expect(updated.stringAttribute("id") == id)
        #expect(updated.stringMapAttribute("tags") == ["Name": "shared", "env": "test"])
        #expect(AWSTags.map(fromJSON: try describeFileSystem(id)?.attributeValue("Tags")) == ["Name": "shared", "env": "test"])
        #expect(try lifecycle.plan(retagged, prior: updated).isNoop)

        // Throughput changes in place through UpdateFileSystem, which moto
        // lacks: the plan is an update, and applying it reaches that call.
        var provisioned = retagged
        provisioned["throughput_mode"] = .string("provisioned")
        provisioned["provisioned_throughput_in_mibps"] = .number(128)
        let throughputPlan = try lifecycle.plan(provisioned, prior: updated)
        #expect(throughputPlan.action == .update)
        let notImplemented = #expect(throws: ProviderError.self) { try lifecycle.apply(throughputPlan) }
        #expect(notImplemented?.summary == "Changing the throughput of EFS file system \(id) failed")
        #expect(notImplemented?.detail.contains("UpdateFileSystem: NotImplemented") == true, "\(notImplemented?.detail ?? "")")

        let refreshed = try #require(try lifecycle.read(updated))
        #expect(try lifecycle.importState(id).hasSameContent(as: refreshed))
        guard case .found(let adopted) = try lifecycle.findCreated(retagged) else {
            Issue.record("findCreated did not find the file system by its creation token")
            return
        }
        #expect(adopted.stringAttribute("id") == id)

        // A new performance mode is a new file system.
        var maxIO = retagged
        maxIO["performance_mode"] = .string("maxIO")
        maxIO["creation_token"] = .string("storage-fs-2")
        let replacement = try lifecycle.plan(maxIO, prior: updated)
        #expect(replacement.action == .replace)
        #expect(Set(replacement.requiresReplace) == [Self.replacePath("creation_token"), Self.replacePath("performance_mode")])
        let replaced = try lifecycle.apply(replacement)
        let newID = try #require(replaced.stringAttribute("id"))
        #expect(newID != id)
        #expect(replaced.stringAttribute("performance_mode") == "maxIO")
        #expect(try describeFileSystem(id) == nil)
        #expect(try lifecycle.read(updated) == nil)

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(try describeFileSystem(newID) == nil)
        #expect(try lifecycle.findCreated(maxIO) == .notFound)
        try lifecycle.delete(replaced)  // already gone: no error
    }

    @Test func aFileSystemWithoutATokenGetsOneAndProvisionedThroughputRoundTrips() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_efs_file_system")
        let arguments: [String: Value] = [
            "throughput_mode": .string("provisioned"),
            "provisioned_throughput_in_mibps": .number(Number(parsing: "1.5")!),
            "encrypted": .true,
        ]
        let created = try lifecycle.create(arguments)
        let token = try #require(created.stringAttribute("creation_token"))
        #expect(token.hasPrefix("pcplan-") && token.count == 40)
        #expect(created.attributeValue("provisioned_throughput_in_mibps") == .number(Number(parsing: "1.5")!))
        #expect(created.boolAttribute("encrypted") == true)
        #expect(created.stringAttribute("name") == "")
        #expect(created.attributeValue("tags") == nil)
        let id = try #require(created.stringAttribute("id"))
        let direct = try #require(try describeFileSystem(id))
        #expect(direct.stringAttribute("CreationToken") == token)
        #expect(direct.stringAttribute("ThroughputMode") == "provisioned")
        #expect(direct.attributeValue("ProvisionedThroughputInMibps") == .number(Number(parsing: "1.5")!))
        #expect(try lifecycle.plan(arguments, prior: created).isNoop)
        try lifecycle.delete(created)
        #expect(try lifecycle.read(created) == nil)
    }

    // MARK: EFS mount target

    @Test func aMountTargetLivesItsWholeLife() throws {
        let subnets = try defaultSubnets()
        let (first, second) = (subnets[0], subnets[1])
        let web = try securityGroup("storage-web"), nfs = try securityGroup("storage-nfs")
        let fileSystems = try ResourceLifecycle(aws, "aws_efs_file_system")
        let fileSystem = try fileSystems.create(["creation_token": .string("storage-mt")])
        let fsID = try #require(fileSystem.stringAttribute("id"))

        let lifecycle = try ResourceLifecycle(aws, "aws_efs_mount_target")
        let arguments: [String: Value] = [
            "file_system_id": .string(fsID), "subnet_id": .string(first.id), "security_groups": .tuple([.string(web)]),
        ]
        let created = try lifecycle.create(arguments)
        let id = try #require(created.stringAttribute("id"))
        #expect(id.hasPrefix("fsmt-"))
        #expect(created.stringAttribute("ip_address")?.hasPrefix("172.31.") == true)
        #expect(created.stringAttribute("availability_zone_name") == first.zone)
        #expect(created.stringAttribute("availability_zone_id")?.hasPrefix("use1-az") == true)
        #expect(created.stringAttribute("dns_name") == "\(fsID).efs.us-east-1.amazonaws.com")
        #expect(created.stringAttribute("mount_target_dns_name") == "\(first.zone).\(fsID).efs.us-east-1.amazonaws.com")
        #expect(created.stringAttribute("network_interface_id")?.hasPrefix("eni-") == true)
        #expect(created.stringAttribute("file_system_arn") == fileSystem.stringAttribute("arn"))
        #expect(created.stringAttribute("owner_id") == Self.account)
        #expect(created.stringListAttribute("security_groups") == [web])
        #expect(try mountTargetSecurityGroups(id) == [web])
        #expect(try lifecycle.plan(arguments, prior: created).isNoop)
        #expect(try fileSystems.read(fileSystem)?.intAttribute("number_of_mount_targets") == 1)

        // The file system cannot go while it has a mount target.
        let inUse = #expect(throws: ProviderError.self) { try fileSystems.delete(fileSystem) }
        #expect(inUse?.detail.contains("FileSystemInUse") == true)
        #expect(inUse?.detail.contains("delete them first") == true)

        var twoGroups = arguments
        twoGroups["security_groups"] = .tuple([.string(web), .string(nfs)])
        let updated = try lifecycle.update(twoGroups, prior: created)
        #expect(updated.stringAttribute("id") == id)
        #expect(Set(updated.stringListAttribute("security_groups") ?? []) == [web, nfs])
        #expect(Set(try mountTargetSecurityGroups(id)) == [web, nfs])
        #expect(try lifecycle.plan(twoGroups, prior: updated).isNoop)

        #expect(try lifecycle.importState(id).hasSameContent(as: updated))
        guard case .found(let adopted) = try lifecycle.findCreated(twoGroups) else {
            Issue.record("findCreated did not find the mount target of \(fsID) in \(first.id)")
            return
        }
        #expect(adopted.stringAttribute("id") == id)

        var moved = twoGroups
        moved["subnet_id"] = .string(second.id)
        let replacement = try lifecycle.plan(moved, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("subnet_id")])
        let replaced = try lifecycle.apply(replacement)
        let newID = try #require(replaced.stringAttribute("id"))
        #expect(newID != id)
        #expect(replaced.stringAttribute("availability_zone_name") == second.zone)
        #expect(try describeMountTarget(id) == nil)

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(try describeMountTarget(newID) == nil)
        #expect(try lifecycle.findCreated(moved) == .notFound)
        try fileSystems.delete(fileSystem)
        #expect(try describeFileSystem(fsID) == nil)
    }

    // MARK: Direct API calls

    private func describeFileSystem(_ id: String) throws -> Value? {
        do {
            let reply = try aws.api.rest(.efs, "DescribeFileSystems", method: "GET", path: "/2015-02-01/file-systems", query: [("FileSystemId", id)])
            return reply.blockList("FileSystems").first
        } catch where error.code == "FileSystemNotFound" {
            return nil
        }
    }

    private func describeMountTarget(_ id: String) throws -> Value? {
        do {
            let reply = try aws.api.rest(.efs, "DescribeMountTargets", method: "GET", path: "/2015-02-01/mount-targets", query: [("MountTargetId", id)])
            return reply.blockList("MountTargets").first
        } catch where error.code == "MountTargetNotFound" {
            return nil
        }
    }

    private func mountTargetSecurityGroups(_ id: String) throws -> [String] {
        let reply = try aws.api.rest(
            .efs, "DescribeMountTargetSecurityGroups", method: "GET", path: "/2015-02-01/mount-targets/\(id)/security-groups")
        return reply.stringListAttribute("SecurityGroups") ?? []
    }

    /// The default VPC's subnets, one per zone, in zone order.
    func defaultSubnets() throws -> [(id: String, zone: String)] {
        let reply = try aws.api.query(.ec2, "DescribeSubnets", [("Filter.1.Name", "default-for-az"), ("Filter.1.Value.1", "true")])
        let subnets = reply.list("subnetSet").compactMap { item -> (id: String, zone: String)? in
            guard let id = item.string("subnetId"), let zone = item.string("availabilityZone") else { return nil }
            return (id, zone)
        }.sorted { $0.zone < $1.zone }
        guard subnets.count >= 3 else { throw HarnessError("moto's default VPC has \(subnets.count) subnets; the tests need 3") }
        return subnets
    }

    /// A new security group in the default VPC.
    func securityGroup(_ name: String) throws -> String {
        let vpcs = try aws.api.query(.ec2, "DescribeVpcs", [("Filter.1.Name", "is-default"), ("Filter.1.Value.1", "true")])
        let vpc = try #require(vpcs.list("vpcSet").first?.string("vpcId"))
        let created = try aws.api.query(
            .ec2, "CreateSecurityGroup", [("GroupName", name), ("GroupDescription", "pcplan storage tests"), ("VpcId", vpc)])
        return try #require(created.string("groupId"))
    }
}

// MARK: - Classic load balancer

extension StorageResourceTests {
    static func listener(_ lbPort: Int, _ lbProtocol: String, _ instancePort: Int, _ instanceProtocol: String) -> Value {
        .object([
            "lb_port": .number(lbPort), "lb_protocol": .string(lbProtocol),
            "instance_port": .number(instancePort), "instance_protocol": .string(instanceProtocol),
        ])
    }

    static func healthCheck(_ target: String, interval: Int = 30, timeout: Int = 5) -> Value {
        .object([
            "target": .string(target), "interval": .number(interval), "timeout": .number(timeout),
            "healthy_threshold": .number(2), "unhealthy_threshold": .number(3),
        ])
    }

    @Test func aClassicLoadBalancerLivesItsWholeLife() throws {
        let subnets = try defaultSubnets()
        let front = try securityGroup("storage-lb-front"), back = try securityGroup("storage-lb-back")
        let lifecycle = try ResourceLifecycle(aws, "aws_elb")
        let arguments: [String: Value] = [
            "name": .string("storage-web"),
            "subnets": .tuple([.string(subnets[0].id)]),
            "security_groups": .tuple([.string(front)]),
            "listener": .tuple([Self.listener(80, "http", 8080, "http")]),
            "health_check": Self.healthCheck("HTTP:8080/health"),
            "connection_draining": .true,
            "connection_draining_timeout": .number(120),
            "tags": .stringMap(["team": "storage"]),
        ]
        let created = try lifecycle.create(arguments)
        #expect(created.stringAttribute("id") == "storage-web")
        #expect(created.stringAttribute("arn") == "arn:aws:elasticloadbalancing:us-east-1:\(Self.account):loadbalancer/storage-web")
        #expect(created.stringAttribute("dns_name") == "storage-web.us-east-1.elb.amazonaws.com")
        #expect(created.stringAttribute("zone_id") == "Z35SXDOTRQ7X7K")
        #expect(created.boolAttribute("internal") == false)
        #expect(created.boolAttribute("cross_zone_load_balancing") == true)  // Terraform's default
        #expect(created.intAttribute("idle_timeout") == 60)
        #expect(created.boolAttribute("connection_draining") == true)
        #expect(created.intAttribute("connection_draining_timeout") == 120)
        #expect(created.stringListAttribute("subnets") == [subnets[0].id])
        #expect(created.stringListAttribute("security_groups") == [front])
        #expect(created.stringMapAttribute("tags") == ["team": "storage"])
        #expect(created.blockList("listener").first?.stringAttribute("lb_protocol") == "http")  // as written
        #expect(created.singleBlock("health_check")?.stringAttribute("target") == "HTTP:8080/health")

        let direct = try #require(try describeLoadBalancer("storage-web"))
        #expect(direct.list("ListenerDescriptions").first?.string("Listener", "Protocol") == "HTTP")
        #expect(direct.string("HealthCheck", "Target") == "HTTP:8080/health")
        #expect(direct.int("HealthCheck", "Interval") == 30)
        let attributes = try loadBalancerAttributes("storage-web")
        #expect(attributes?.bool("CrossZoneLoadBalancing", "Enabled") == true)
        #expect(attributes?.int("ConnectionDraining", "Timeout") == 120)

        #expect(try lifecycle.plan(arguments, prior: created).isNoop)
        let reread = try #require(try lifecycle.read(created))
        #expect(reread.hasSameContent(as: created))

        // Everything but the name and the scheme changes in place.
        var changed = arguments
        changed["subnets"] = .tuple([.string(subnets[0].id), .string(subnets[1].id)])
        changed["security_groups"] = .tuple([.string(front), .string(back)])
        changed["listener"] = .tuple([Self.listener(80, "HTTP", 8081, "HTTP"), Self.listener(443, "tcp", 8443, "tcp")])
        changed["health_check"] = Self.healthCheck("TCP:8081", interval: 20)
        changed["cross_zone_load_balancing"] = .false
        changed["idle_timeout"] = .number(120)
        changed["connection_draining_timeout"] = .number(200)
        changed["tags"] = .stringMap(["team": "edge", "env": "test"])
        let updated = try lifecycle.update(changed, prior: created)
        #expect(Set(updated.stringListAttribute("subnets") ?? []) == [subnets[0].id, subnets[1].id])
        #expect(Set(updated.stringListAttribute("security_groups") ?? []) == [front, back])
        #expect(updated.boolAttribute("cross_zone_load_balancing") == false)
        #expect(updated.intAttribute("idle_timeout") == 120)
        #expect(updated.intAttribute("connection_draining_timeout") == 200)
        #expect(updated.stringMapAttribute("tags") == ["team": "edge", "env": "test"])
        #expect(updated.singleBlock("health_check")?.stringAttribute("target") == "TCP:8081")
        #expect(try lifecycle.plan(changed, prior: updated).isNoop)

        let after = try #require(try describeLoadBalancer("storage-web"))
        let ports = after.list("ListenerDescriptions").compactMap { entry -> [Int]? in
            guard let lb = entry.int("Listener", "LoadBalancerPort"), let instance = entry.int("Listener", "InstancePort") else { return nil }
            return [lb, instance]
        }
        #expect(Set(ports) == [[80, 8081], [443, 8443]])
        #expect(Set(after.list("Subnets").map(\.text)) == [subnets[0].id, subnets[1].id])
        #expect(after.int("HealthCheck", "Interval") == 20)
        let changedAttributes = try loadBalancerAttributes("storage-web")
        #expect(changedAttributes?.int("ConnectionSettings", "IdleTimeout") == 120)
        #expect(changedAttributes?.bool("CrossZoneLoadBalancing", "Enabled") == false)
        #expect(changedAttributes?.int("ConnectionDraining", "Timeout") == 200)
        #expect(try loadBalancerTags("storage-web") == ["team": "edge", "env": "test"])

        // Leaving every current subnet cannot be done in place.
        var elsewhere = changed
        elsewhere["subnets"] = .tuple([.string(subnets[2].id)])
        let moving = try lifecycle.plan(elsewhere, prior: updated)
        #expect(moving.action == .replace)
        #expect(moving.requiresReplace == [Self.replacePath("subnets")])

        // An import has no configuration to take spellings from: listeners come as AWS writes them.
        let capitals = Value.set(
            [Self.listener(80, "HTTP", 8081, "HTTP"), Self.listener(443, "TCP", 8443, "TCP")].map {
                Value.state($0.attributes ?? [:], schema: ELBResource.listenerSchema)
            }, element: ELBResource.listenerSchema.valueType)
        let imported = try lifecycle.importState("storage-web")
        #expect(imported.hasSameContent(as: updated.updating(["listener": capitals])),
                "\(ResourceLifecycle.differences(updated.updating(["listener": capitals]), imported))")
        #expect(try lifecycle.plan(changed, prior: imported).isNoop)
        guard case .found(let adopted) = try lifecycle.findCreated(changed) else {
            Issue.record("findCreated did not find load balancer storage-web")
            return
        }
        #expect(adopted.stringAttribute("id") == "storage-web")

        var internalOnly = changed
        internalOnly["internal"] = .true
        let replacement = try lifecycle.plan(internalOnly, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("internal")])
        let replaced = try lifecycle.apply(replacement)
        #expect(replaced.boolAttribute("internal") == true)
        #expect(try describeLoadBalancer("storage-web")?.string("Scheme") == "internal")

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(try describeLoadBalancer("storage-web") == nil)
        #expect(try lifecycle.findCreated(internalOnly) == .notFound)
    }

    @Test func aLoadBalancerNameIsGeneratedFromItsPrefix() throws {
        let subnets = try defaultSubnets()
        let lifecycle = try ResourceLifecycle(aws, "aws_elb")
        let arguments: [String: Value] = [
            "name_prefix": .string("web-"),
            "subnets": .tuple([.string(subnets[0].id)]),
            "connection_draining_timeout": .number(100),
            "listener": .tuple([Self.listener(80, "TCP", 80, "TCP")]),
        ]
        let created = try lifecycle.create(arguments)
        let name = try #require(created.stringAttribute("name"))
        #expect(name.hasPrefix("web-") && name.count == 32)
        #expect(created.stringAttribute("id") == name)
        #expect(created.stringAttribute("name_prefix") == "web-")
        #expect(try describeLoadBalancer(name) != nil)
        // moto reports no health check until one is configured; none planned, none shown.
        #expect(created.attributes?["health_check"]?.isNull == true)
        // While draining is off the timeout has no effect, and moto resets
        // it to 300: the configured value is kept, so the plan stays quiet.
        #expect(created.boolAttribute("connection_draining") == false)
        #expect(created.intAttribute("connection_draining_timeout") == 100)
        #expect(try lifecycle.plan(arguments, prior: created).isNoop)
        try lifecycle.delete(created)
        #expect(try describeLoadBalancer(name) == nil)
    }

    private func describeLoadBalancer(_ name: String) throws -> XMLValue? {
        do {
            let reply = try aws.api.query(.elb, "DescribeLoadBalancers", [("LoadBalancerNames.member.1", name)])
            return reply.list("DescribeLoadBalancersResult", "LoadBalancerDescriptions").first
        } catch where error.code == "LoadBalancerNotFound" {
            return nil
        }
    }

    private func loadBalancerAttributes(_ name: String) throws -> XMLValue? {
        try aws.api.query(.elb, "DescribeLoadBalancerAttributes", [("LoadBalancerName", name)])["DescribeLoadBalancerAttributesResult", "LoadBalancerAttributes"]
    }

    private func loadBalancerTags(_ name: String) throws -> [String: String] {
        let reply = try aws.api.query(.elb, "DescribeTags", [("LoadBalancerNames.member.1", name)])
        return AWSTags.map(fromXML: reply.list("DescribeTagsResult", "TagDescriptions").first?.list("Tags") ?? [])
    }
}

/// The plan-time checks of the storage types: no AWS call is made, so
/// these need no moto (the client points nowhere).
@Suite struct StoragePlanValidationTests {
    let aws: ConfiguredAWSProvider

    init() {
        var options = HTTPClientOptions()
        options.proxy = .none
        let api = AWSClient(
            credentials: AWSCredentials(accessKeyID: "AKIDPLANONLY", secretAccessKey: "unused", source: "the test"),
            region: "us-east-1", endpointOverrides: Dictionary(uniqueKeysWithValues: AWSService.all.map { ($0.endpointKey, "http://127.0.0.1:9") }),
            http: HTTPClient(options: options))
        var types: [String: any AWSResourceType] = [:]
        for type in AWSTypeCatalogue.storageResources { types[type.name] = type }
        aws = ConfiguredAWSProvider(api: api, resourceTypes: types, dataSourceTypes: [:])
    }

    static func listener(_ lbPort: Int, _ lbProtocol: String, _ instancePort: Int, _ instanceProtocol: String) -> Value {
        StorageResourceTests.listener(lbPort, lbProtocol, instancePort, instanceProtocol)
    }

    static func healthCheck(_ target: String, interval: Int = 30, timeout: Int = 5) -> Value {
        StorageResourceTests.healthCheck(target, interval: interval, timeout: timeout)
    }

    @Test(arguments: [
        (["throughput_mode": .string("provisioned")], "provisioned_throughput_in_mibps", "Missing provisioned_throughput_in_mibps"),
        (["throughput_mode": .string("provisioned"), "provisioned_throughput_in_mibps": .number(Number(parsing: "0.5")!)],
         "provisioned_throughput_in_mibps", "provisioned_throughput_in_mibps is too small"),
        (["provisioned_throughput_in_mibps": .number(10)], "provisioned_throughput_in_mibps",
         "provisioned_throughput_in_mibps needs throughput_mode = \"provisioned\""),
        (["throughput_mode": .string("turbo")], "throughput_mode", "Invalid throughput_mode"),
        (["performance_mode": .string("fast")], "performance_mode", "Invalid performance_mode"),
        (["kms_key_id": .string("arn:aws:kms:us-east-1:123456789012:key/1")], "kms_key_id", "kms_key_id needs encrypted = true"),
        (["creation_token": .string(String(repeating: "t", count: 65))], "creation_token", "Invalid creation_token"),
    ] as [([String: Value], String, String)])
    func fileSystemArgumentsAreCheckedAtPlan(_ arguments: [String: Value], _ attribute: String, _ summary: String) throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_efs_file_system")
        let error = #expect(throws: ProviderError.self) { try lifecycle.plan(arguments) }
        #expect(error?.summary == summary)
        #expect(error?.attribute == ValuePath([.attribute(attribute)]))
    }

    @Test func aMountTargetTakesAtMostFiveSecurityGroups() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_efs_mount_target")
        let groups = (1...6).map { Value.string("sg-\($0)") }
        let error = #expect(throws: ProviderError.self) {
            try lifecycle.plan(["file_system_id": .string("fs-1"), "subnet_id": .string("subnet-1"), "security_groups": .tuple(groups)])
        }
        #expect(error?.summary == "Too many security groups")
        #expect(error?.attribute == ValuePath([.attribute("security_groups")]))
    }

    @Test(arguments: [
        (["name": .string("bad_name")], "Invalid load balancer name", ".name"),
        (["name": .string("web"), "name_prefix": .string("w-")], "name and name_prefix conflict", ".name_prefix"),
        (["name_prefix": .string("toolong-")], "Invalid name_prefix", ".name_prefix"),
        (["listener": .tuple([listener(80, "UDP", 80, "TCP")])], "Invalid listener lb_protocol", ".listener.lb_protocol"),
        (["listener": .tuple([listener(80, "TCP", 70000, "TCP")])], "Invalid listener instance_port", ".listener.instance_port"),
        (["listener": .tuple([listener(80, "TCP", 80, "TCP"), listener(80, "HTTP", 81, "HTTP")])], "Two listeners on port 80", ".listener.lb_port"),
        (["health_check": healthCheck("HTTP:80")], "Invalid health check target", ".health_check.target"),
        (["health_check": healthCheck("TCP:80/health")], "Invalid health check target", ".health_check.target"),
        (["health_check": healthCheck("TCP:80", interval: 10, timeout: 10)], "Health check timeout too long", ".health_check.timeout"),
        (["idle_timeout": .number(0)], "Invalid idle_timeout", ".idle_timeout"),
    ] as [([String: Value], String, String)])
    func loadBalancerArgumentsAreCheckedAtPlan(_ overrides: [String: Value], _ summary: String, _ path: String) throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_elb")
        var arguments: [String: Value] = ["listener": .tuple([StorageResourceTests.listener(80, "TCP", 80, "TCP")])]
        for (name, value) in overrides { arguments[name] = value }
        let error = #expect(throws: ProviderError.self) { try lifecycle.plan(arguments) }
        #expect(error?.summary == summary)
        #expect(error?.attribute?.description == path)
    }


    @Test func aLoadBalancerPlanFillsTerraformsDefaultsAndAName() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_elb")
        let plan = try lifecycle.plan(["listener": .tuple([Self.listener(80, "TCP", 80, "TCP")])])
        #expect(plan.action == .create)
        #expect(plan.planned.boolAttribute("cross_zone_load_balancing") == true)
        #expect(plan.planned.intAttribute("idle_timeout") == 60)
        #expect(plan.planned.boolAttribute("connection_draining") == false)
        #expect(plan.planned.intAttribute("connection_draining_timeout") == 300)
        let name = try #require(plan.planned.stringAttribute("name"))
        #expect(name.hasPrefix(ELBResource.generatedPrefix) && name.count == 32)
        #expect(ELBValidation.problem(withName: name, maximum: 32, mayEndWithHyphen: false) == nil)
        #expect(plan.planned.attributes?["dns_name"]?.isKnown == false)
        #expect(plan.planned.attributes?["internal"]?.isKnown == false)
    }

    @Test func aFileSystemPlanNamesItselfAfterItsNameTag() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_efs_file_system")
        let plan = try lifecycle.plan(["tags": .stringMap(["Name": "home"])])
        #expect(plan.planned.stringAttribute("name") == "home")
        #expect(plan.planned.stringAttribute("throughput_mode") == "bursting")
        #expect(plan.planned.stringAttribute("creation_token")?.hasPrefix("pcplan-") == true)
        #expect(plan.planned.attributes?["encrypted"]?.isKnown == false)
        #expect(plan.planned.attributes?["id"]?.isKnown == false)
    }

    @Test(arguments: [
        ("HTTP:80/", nil), ("https:443/health", nil), ("TCP:22", nil), ("SSL:443", nil),
        ("HTTP:80", "an HTTP check needs a path starting with /, like HTTP:80/health"),
        ("TCP:22/x", "a TCP check takes no path"), ("UDP:53", "UDP is not one of HTTP, HTTPS, TCP, SSL"),
        ("HTTP:0/", "the port must be a number from 1 to 65535"), ("HTTP", "it has no PROTOCOL:PORT"),
    ] as [(String, String?)])
    func healthCheckTargets(_ target: String, _ problem: String?) {
        #expect(ELBWire.problem(withTarget: target) == problem)
    }
}
