import PCAWS
import PCLang
import PCProvider

/// `aws_efs_mount_target`: a file system's network endpoint in one subnet
/// (one per availability zone). Only its security groups change in place
/// (ModifyMountTargetSecurityGroups); file system, subnet and address are
/// fixed at creation.
struct EFSMountTargetResource: AWSResourceType {
    let name = "aws_efs_mount_target"

    /// AWS allows at most five security groups on a mount target.
    static let maximumSecurityGroups = 5

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The mount target id (fsmt-…)."),
                "file_system_id": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The file system to expose."),
                "subnet_id": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The subnet to put the mount target in."),
                "ip_address": AttributeSchema(
                    .string, .optionalComputed, forcesReplacement: true,
                    summary: "An IPv4 address in the subnet; AWS picks one when unset."),
                "security_groups": AttributeSchema(
                    .set(.string), .optionalComputed,
                    summary: "Up to 5 security group ids of the subnet's VPC; the VPC's default group when unset."),
                "dns_name": AttributeSchema(.string, .computed, summary: "The file system's DNS name: <fs-id>.efs.<region>.amazonaws.com."),
                "mount_target_dns_name": AttributeSchema(
                    .string, .computed, summary: "The zone's DNS name: <zone>.<fs-id>.efs.<region>.amazonaws.com."),
                "network_interface_id": AttributeSchema(.string, .computed, summary: "The network interface EFS created for the mount target."),
                "availability_zone_name": AttributeSchema(.string, .computed, summary: "The availability zone of the subnet."),
                "availability_zone_id": AttributeSchema(.string, .computed, summary: "The zone's account-independent id (use1-az1)."),
                "file_system_arn": AttributeSchema(.string, .computed, summary: "The file system's ARN."),
                "owner_id": AttributeSchema(.string, .computed, summary: "The AWS account that owns the mount target."),
            ],
            summary: "A mount target of an EFS file system in one subnet.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        if let groups = StorageStateSupport.knownStrings(request.configuration, "security_groups"), groups.count > Self.maximumSecurityGroups {
            throw StorageStateSupport.invalid(
                "Too many security groups", "A mount target takes at most \(Self.maximumSecurityGroups) security groups; \(groups.count) are given.",
                attribute: "security_groups")
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let fileSystem = try planned.requiredString("file_system_id", in: name)
        let subnet = try planned.requiredString("subnet_id", in: name)
        var body: [String: Value] = ["FileSystemId": .string(fileSystem), "SubnetId": .string(subnet)]
        if let address = planned.stringAttribute("ip_address") { body["IpAddress"] = .string(address) }
        if let groups = planned.stringListAttribute("security_groups"), planned.attributes?["security_groups"]?.isWhollyKnown ?? false {
            body["SecurityGroups"] = .tuple(groups.map(Value.string))
        }
        let doing = "creating EFS mount target for \(fileSystem) in subnet \(subnet)"
        let reply: Value
        do {
            reply = try api.rest(.efs, "CreateMountTarget", method: "POST", path: EFSAPI.mountTargets, body: .object(body))
        } catch {
            var failure = ProviderError(error, while: doing)
            if error.code == "MountTargetConflict" {
                failure.detail += "\nA file system has one mount target per availability zone and all in one VPC: "
                    + "this subnet's zone has one already, or the subnet is in another VPC."
            }
            throw failure
        }
        guard let id = reply.stringAttribute("MountTargetId") else {
            throw ProviderError(
                "Creating an EFS mount target gave no id",
                detail: "CreateMountTarget for \(fileSystem) in subnet \(subnet) succeeded but its reply has no MountTargetId; "
                    + "find it with DescribeMountTargets and import it.")
        }
        let soFar = StorageStateSupport.knownState(planned, ["id": .string(id)], schema: schema)
        do {
            let available = try EFSAPI.waitForMountTarget(id, api: api)
            let groups = try securityGroups(id, api: api)
            return state(from: available, securityGroups: groups, region: api.region)
        } catch {
            throw ProviderError(error, while: "waiting for EFS mount target \(id) to become available", createdObject: soFar)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let id = try state.requiredString("id", in: name)
        do {
            guard let found = try EFSAPI.mountTarget(id, api: api) else { return nil }
            return self.state(from: found, securityGroups: try securityGroups(id, api: api), region: api.region)
        } catch where error.code == "MountTargetNotFound" {
            return nil
        } catch {
            throw ProviderError(error, while: "reading EFS mount target \(id)")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let id = try prior.requiredString("id", in: name)
        let before = prior.attributes?["security_groups"] ?? .null
        let after = planned.attributes?["security_groups"] ?? .null
        if !before.hasSameContent(as: after), after.isWhollyKnown, let groups = after.elements?.compactMap(\.stringValue) {
            do {
                _ = try api.rest(
                    .efs, "ModifyMountTargetSecurityGroups", method: "PUT", path: EFSAPI.mountTargetPath(id) + "/security-groups",
                    body: .object(["SecurityGroups": .tuple(groups.map(Value.string))]))
            } catch {
                throw ProviderError(error, while: "changing the security groups of EFS mount target \(id)")
            }
        }
        guard let found = try read(state: planned, api: api) else {
            throw ProviderError(
                "EFS mount target \(id) disappeared",
                detail: "The mount target was deleted outside pcplan while it was being updated. Run plan again to create it anew.")
        }
        return found
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let id = try prior.requiredString("id", in: name)
        do {
            _ = try api.rest(.efs, "DeleteMountTarget", method: "DELETE", path: EFSAPI.mountTargetPath(id))
        } catch where error.code == "MountTargetNotFound" {
            return
        } catch {
            throw ProviderError(error, while: "deleting EFS mount target \(id)")
        }
        do {
            try EFSAPI.waitForMountTargetGone(id, api: api)
        } catch {
            throw ProviderError(error, while: "waiting for EFS mount target \(id) to be deleted")
        }
    }

    /// A file system has at most one mount target per subnet (one per zone,
    /// in fact), so the pair names it.
    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let fileSystem = request.stringAttribute("file_system_id"), let subnet = request.stringAttribute("subnet_id") else {
            return .cannotTell
        }
        do {
            guard let found = try EFSAPI.mountTargets(ofFileSystem: fileSystem, api: api)
                .first(where: { $0.stringAttribute("SubnetId") == subnet }),
                let id = found.stringAttribute("MountTargetId") else { return .notFound }
            return .found(state(from: found, securityGroups: try securityGroups(id, api: api), region: api.region))
        } catch {
            throw ProviderError(error, while: "looking for an EFS mount target of \(fileSystem) in subnet \(subnet)")
        }
    }

    // MARK: Reading

    /// DescribeMountTargets does not carry the groups; this call does.
    private func securityGroups(_ id: String, api: AWSClient) throws(AWSError) -> [String] {
        let reply = try api.rest(
            .efs, "DescribeMountTargetSecurityGroups", method: "GET", path: EFSAPI.mountTargetPath(id) + "/security-groups")
        return reply.stringListAttribute("SecurityGroups") ?? []
    }

    private func state(from description: Value, securityGroups: [String], region: String) -> Value {
        let fileSystem = description.stringAttribute("FileSystemId") ?? ""
        let zone = description.stringAttribute("AvailabilityZoneName")
        let owner = description.stringAttribute("OwnerId") ?? ""
        return .state([
            "id": .string(description.stringAttribute("MountTargetId") ?? ""),
            "file_system_id": .string(fileSystem),
            "subnet_id": .optionalString(description.stringAttribute("SubnetId")),
            "ip_address": .optionalString(description.stringAttribute("IpAddress")),
            "security_groups": .stringSet(securityGroups),
            "dns_name": .string(EFSAPI.dnsName(fileSystem: fileSystem, region: region)),
            "mount_target_dns_name": .optionalString(zone.map { EFSAPI.dnsName(fileSystem: fileSystem, zone: $0, region: region) }),
            "network_interface_id": .optionalString(description.stringAttribute("NetworkInterfaceId")),
            "availability_zone_name": .optionalString(zone),
            "availability_zone_id": .optionalString(description.stringAttribute("AvailabilityZoneId")),
            "file_system_arn": .string(EFSAPI.fileSystemARN(fileSystem, region: region, account: owner)),
            "owner_id": .string(owner),
        ], schema: schema)
    }
}
