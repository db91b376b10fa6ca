import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_autoscaling_group` launching from a launch configuration.
///
/// Everything but the name changes in place: sizes, subnets, health checks
/// and the launch configuration through UpdateAutoScalingGroup, classic
/// load balancers through Attach/DetachLoadBalancers, tags through
/// CreateOrUpdateTags/DeleteTags. Create and size changes wait (up to
/// `wait_for_capacity_timeout`) for the group's instances to be healthy and
/// in service; delete drains the group to zero first unless `force_delete`.
struct AutoScalingGroupResource: AWSResourceType {
    let name = "aws_autoscaling_group"
    static let defaultGracePeriod = 300
    static let defaultCapacityTimeout = "10m"
    /// How long delete waits for instances to drain and the group to go.
    static let deleteTimeout: Double = 600

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The group's name."),
                "arn": AttributeSchema(.string, .computed, summary: "The group's ARN."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The group name; generated when neither name nor name_prefix is set."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Creates a unique name starting with this prefix."),
                "launch_configuration": AttributeSchema(.string, .optional, summary: "Name of the launch configuration instances are launched from (required: launch templates are not supported)."),
                "min_size": AttributeSchema(.number, .required, summary: "Fewest instances."),
                "max_size": AttributeSchema(.number, .required, summary: "Most instances."),
                "desired_capacity": AttributeSchema(.number, .optionalComputed, summary: "Instances to run; AWS keeps it within min_size and max_size."),
                "vpc_zone_identifier": AttributeSchema(.set(.string), .optionalComputed, summary: "Subnet ids to launch into."),
                "availability_zones": AttributeSchema(.set(.string), .optionalComputed, summary: "Availability zones (of the default VPC when no subnets are given)."),
                "load_balancers": AttributeSchema(.set(.string), .optionalComputed, summary: "Classic load balancer names; an empty set detaches all."),
                "health_check_type": AttributeSchema(.string, .optionalComputed, summary: "EC2 or ELB."),
                "health_check_grace_period": AttributeSchema(.number, .optional, summary: "Seconds after launch before health checks count. Default 300."),
                "force_delete": AttributeSchema(.bool, .optional, summary: "Delete without draining instances first. Default false."),
                "wait_for_capacity_timeout": AttributeSchema(.string, .optional, summary: "How long to wait for healthy instances, like 10m (the default); 0 does not wait."),
            ],
            blocks: [
                "tag": BlockSchema(.set, ResourceSchema(
                    attributes: [
                        "key": AttributeSchema(.string, .required, summary: "Tag key."),
                        "value": AttributeSchema(.string, .required, summary: "Tag value."),
                        "propagate_at_launch": AttributeSchema(.bool, .required, summary: "Copy the tag to launched instances."),
                    ],
                    summary: "One tag of the group.")),
            ],
            summary: "An auto-scaling group of EC2 instances from a launch configuration.")
    }

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        let configuration = request.configuration
        try ResourceNaming.validate(configuration, rules: .anyCharacters(maxLength: 255), in: name)
        if configuration.attributes?["launch_configuration"]?.isNull ?? true {
            throw ProviderError(
                "Missing launch_configuration",
                detail: "\(name) needs launch_configuration: the name of the launch configuration its instances start from "
                    + "(pcplan does not support launch templates or mixed instance policies yet).",
                attribute: ValuePath([.attribute("launch_configuration")]))
        }
        try validateSizes(configuration)
        if let text = configuration.stringAttribute("wait_for_capacity_timeout"), Self.seconds(parsing: text) == nil {
            throw ProviderError(
                "Invalid wait_for_capacity_timeout",
                detail: "\"\(text)\" is not a duration: write a number with a unit, like 10m, 90s or 1h, or 0 not to wait.",
                attribute: ValuePath([.attribute("wait_for_capacity_timeout")]))
        }
        guard var proposed = request.proposed.attributes else { return SchemaPlanning.plan(request, schema: schema) }
        if proposed["health_check_grace_period"]?.isNull ?? true { proposed["health_check_grace_period"] = .number(Self.defaultGracePeriod) }
        if proposed["force_delete"]?.isNull ?? true { proposed["force_delete"] = .false }
        if proposed["wait_for_capacity_timeout"]?.isNull ?? true { proposed["wait_for_capacity_timeout"] = .string(Self.defaultCapacityTimeout) }
        if let prior = request.prior.attributes, !request.prior.isNull {
            // What AWS derives from a changed argument is not the prior value any more.
            let subnetsChanged = !(prior["vpc_zone_identifier"] ?? .null).hasSameContent(as: proposed["vpc_zone_identifier"] ?? .null)
            if subnetsChanged, configuration.attributes?["availability_zones"]?.isNull ?? true {
                proposed["availability_zones"] = .unknown(.set(.string))
            }
            if configuration.attributes?["desired_capacity"]?.isNull ?? true,
               let desired = prior["desired_capacity"]?.numberValue?.intValue,
               let low = proposed["min_size"]?.numberValue?.intValue, let high = proposed["max_size"]?.numberValue?.intValue {
                proposed["desired_capacity"] = .number(min(max(desired, low), high))
            }
        }
        return SchemaPlanning.plan(
            PlanChangeRequest(type: request.type, prior: request.prior, proposed: .object(proposed), configuration: configuration),
            schema: schema)
    }

    private func validateSizes(_ configuration: Value) throws(ProviderError) {
        guard let low = configuration.intAttribute("min_size"), let high = configuration.intAttribute("max_size") else { return }
        if low < 0 || low > high {
            throw ProviderError(
                "Invalid group sizes", detail: "min_size (\(low)) must be 0 or more and at most max_size (\(high)).",
                attribute: ValuePath([.attribute("min_size")]))
        }
        if let desired = configuration.intAttribute("desired_capacity"), desired < low || desired > high {
            throw ProviderError(
                "Invalid desired_capacity",
                detail: "desired_capacity (\(desired)) must lie between min_size (\(low)) and max_size (\(high)).",
                attribute: ValuePath([.attribute("desired_capacity")]))
        }
    }

    // MARK: Create

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let groupName = ResourceNaming.resolvedName(planned)
        var parameters: [(String, String)] = [
            ("AutoScalingGroupName", groupName),
            ("LaunchConfigurationName", try planned.requiredString("launch_configuration", in: name)),
            ("MinSize", String(planned.intAttribute("min_size") ?? 0)),
            ("MaxSize", String(planned.intAttribute("max_size") ?? 0)),
        ]
        if let desired = planned.intAttribute("desired_capacity") { parameters.append(("DesiredCapacity", String(desired))) }
        if let subnets = planned.stringListAttribute("vpc_zone_identifier"), !subnets.isEmpty {
            parameters.append(("VPCZoneIdentifier", subnets.joined(separator: ",")))
        }
        for (index, zone) in (planned.stringListAttribute("availability_zones") ?? []).enumerated() {
            parameters.append(("AvailabilityZones.member.\(index + 1)", zone))
        }
        for (index, balancer) in (planned.stringListAttribute("load_balancers") ?? []).enumerated() {
            parameters.append(("LoadBalancerNames.member.\(index + 1)", balancer))
        }
        if let type = planned.stringAttribute("health_check_type") { parameters.append(("HealthCheckType", type)) }
        if let grace = planned.intAttribute("health_check_grace_period") { parameters.append(("HealthCheckGracePeriod", String(grace))) }
        parameters += AutoScalingGroupTags.parameters(AutoScalingGroupTags.tags(of: planned), group: groupName)
        do throws(AWSError) {
            _ = try api.query(.autoScaling, "CreateAutoScalingGroup", parameters, idempotent: false)
        } catch {
            throw ProviderError(error, while: "creating auto-scaling group \"\(groupName)\"")
        }
        let seed = planned.updating(["id": .string(groupName), "name": .string(groupName)])
        var state = Value.state((seed.attributes ?? [:]).filter { $0.value.isWhollyKnown }, schema: schema)
        do throws(AWSError) {
            let group = try AWSWaiter.wait(for: "auto-scaling group \(groupName) to exist", timeout: 120, interval: 2) {
                () throws(AWSError) in try describe(groupName, api: api)
            }
            state = self.state(from: group, like: seed)
            let ready = try waitForCapacity(groupName, planned: planned, api: api)
            return self.state(from: ready ?? group, like: seed)
        } catch {
            throw ProviderError(error, while: "waiting for auto-scaling group \"\(groupName)\"", createdObject: state)
        }
    }

    // MARK: Read

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let id = try state.requiredString("id", in: name)
        do throws(AWSError) {
            guard let group = try describe(id, api: api) else { return nil }
            return self.state(from: group, like: state)
        } catch {
            throw ProviderError(error, while: "reading auto-scaling group \"\(id)\"")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let groupName = request.stringAttribute("name") else { return .cannotTell }
        do throws(AWSError) {
            guard let group = try describe(groupName, api: api) else { return .notFound }
            return .found(state(from: group, like: request.updating(["id": .string(groupName)])))
        } catch {
            throw ProviderError(error, while: "looking for auto-scaling group \"\(groupName)\"")
        }
    }

    // MARK: Update

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let id = try prior.requiredString("id", in: name)
        do throws(AWSError) {
            var changes: [(String, String)] = []
            func changed(_ name: String) -> Value? {
                guard let after = planned.attributeValue(name), after.isWhollyKnown else { return nil }
                return (prior.attributes?[name] ?? .null).hasSameContent(as: after) ? nil : after
            }
            if let value = changed("launch_configuration")?.stringValue { changes.append(("LaunchConfigurationName", value)) }
            if let value = changed("min_size")?.numberValue?.intValue { changes.append(("MinSize", String(value))) }
            if let value = changed("max_size")?.numberValue?.intValue { changes.append(("MaxSize", String(value))) }
            if let value = changed("desired_capacity")?.numberValue?.intValue { changes.append(("DesiredCapacity", String(value))) }
            if let value = changed("health_check_type")?.stringValue { changes.append(("HealthCheckType", value)) }
            if let value = changed("health_check_grace_period")?.numberValue?.intValue { changes.append(("HealthCheckGracePeriod", String(value))) }
            if let value = changed("vpc_zone_identifier")?.elements {
                changes.append(("VPCZoneIdentifier", value.compactMap(\.stringValue).joined(separator: ",")))
            }
            if let value = changed("availability_zones")?.elements {
                for (index, zone) in value.compactMap(\.stringValue).enumerated() { changes.append(("AvailabilityZones.member.\(index + 1)", zone)) }
            }
            if !changes.isEmpty {
                _ = try api.query(.autoScaling, "UpdateAutoScalingGroup", [("AutoScalingGroupName", id)] + changes, idempotent: true)
            }
            if let balancers = changed("load_balancers") {
                let before = Set(prior.stringListAttribute("load_balancers") ?? [])
                let after = Set(balancers.elements?.compactMap(\.stringValue) ?? [])
                try changeLoadBalancers("DetachLoadBalancers", before.subtracting(after), group: id, api: api)
                try changeLoadBalancers("AttachLoadBalancers", after.subtracting(before), group: id, api: api)
            }
            let (set, remove) = AutoScalingGroupTags.changes(from: AutoScalingGroupTags.tags(of: prior), to: AutoScalingGroupTags.tags(of: planned))
            if !remove.isEmpty {
                _ = try api.query(.autoScaling, "DeleteTags", AutoScalingGroupTags.parameters(remove, group: id), idempotent: true)
            }
            if !set.isEmpty {
                _ = try api.query(.autoScaling, "CreateOrUpdateTags", AutoScalingGroupTags.parameters(set, group: id), idempotent: true)
            }
            var ready: XMLValue?
            if changed("min_size") != nil || changed("desired_capacity") != nil {
                ready = try waitForCapacity(id, planned: planned, api: api)
            }
            if ready == nil { ready = try describe(id, api: api) }
            guard let group = ready else {
                throw AWSError(code: "ValidationError", message: "auto-scaling group \(id) disappeared during the update", service: "autoscaling", operation: "DescribeAutoScalingGroups")
            }
            return state(from: group, like: planned)
        } catch {
            throw ProviderError(error, while: "updating auto-scaling group \"\(id)\"")
        }
    }

    private func changeLoadBalancers(_ action: String, _ names: Set<String>, group: String, api: AWSClient) throws(AWSError) {
        // The API takes at most 10 names per call.
        let sorted = names.sorted()
        for start in stride(from: 0, to: sorted.count, by: 10) {
            var parameters: [(String, String)] = [("AutoScalingGroupName", group)]
            for (index, balancer) in sorted[start..<min(start + 10, sorted.count)].enumerated() {
                parameters.append(("LoadBalancerNames.member.\(index + 1)", balancer))
            }
            _ = try api.query(.autoScaling, action, parameters, idempotent: true)
        }
    }

    // MARK: Delete

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let id = try prior.requiredString("id", in: name)
        let force = prior.boolAttribute("force_delete") ?? false
        do throws(AWSError) {
            guard try describe(id, api: api) != nil else { return }
            if !force {
                // Drain first, as AWS refuses to delete a group with instances.
                _ = try api.query(.autoScaling, "UpdateAutoScalingGroup", [
                    ("AutoScalingGroupName", id), ("MinSize", "0"), ("MaxSize", "0"), ("DesiredCapacity", "0"),
                ], idempotent: true)
                _ = try AWSWaiter.wait(for: "auto-scaling group \(id) to drain its instances", timeout: Self.deleteTimeout, interval: 10) {
                    () throws(AWSError) -> Bool? in
                    guard let group = try describe(id, api: api) else { return true }
                    return group.list("Instances").isEmpty ? true : nil
                }
            }
            var parameters: [(String, String)] = [("AutoScalingGroupName", id)]
            if force { parameters.append(("ForceDelete", "true")) }
            do throws(AWSError) {
                _ = try api.query(.autoScaling, "DeleteAutoScalingGroup", parameters, idempotent: true)
            } catch where Self.isNotFound(error) {
                return
            }
            _ = try AWSWaiter.wait(for: "auto-scaling group \(id) to be deleted", timeout: Self.deleteTimeout, interval: 5) {
                () throws(AWSError) -> Bool? in try describe(id, api: api) == nil ? true : nil
            }
        } catch {
            throw ProviderError(error, while: "deleting auto-scaling group \"\(id)\"")
        }
    }

    // MARK: Helpers

    static func isNotFound(_ error: AWSError) -> Bool {
        error.code == "ValidationError" && error.message.lowercased().contains("not found")
    }

    /// The group, or nil when it does not exist or is being deleted.
    private func describe(_ groupName: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        let group = try api.query(.autoScaling, "DescribeAutoScalingGroups", [("AutoScalingGroupNames.member.1", groupName)])
            .list("DescribeAutoScalingGroupsResult", "AutoScalingGroups").first
        if let status = group?.string("Status"), status.lowercased().contains("delete") { return nil }
        return group
    }

    /// Waits until as many instances as wanted are healthy and in service;
    /// returns the group as last described, or nil when not waiting
    /// (`wait_for_capacity_timeout` 0).
    private func waitForCapacity(_ groupName: String, planned: Value, api: AWSClient) throws(AWSError) -> XMLValue? {
        let timeout = Self.seconds(parsing: planned.stringAttribute("wait_for_capacity_timeout") ?? Self.defaultCapacityTimeout) ?? 600
        guard timeout > 0 else { return nil }
        return try AWSWaiter.wait(for: "auto-scaling group \(groupName) to have healthy instances", timeout: timeout, interval: 10) {
            () throws(AWSError) -> XMLValue? in
            guard let group = try describe(groupName, api: api) else {
                throw AWSError(code: "ValidationError", message: "auto-scaling group \(groupName) not found", service: "autoscaling", operation: "DescribeAutoScalingGroups")
            }
            let wanted = group.int("DesiredCapacity") ?? planned.intAttribute("min_size") ?? 0
            let healthy = group.list("Instances").filter {
                $0.string("LifecycleState") == "InService" && $0.string("HealthStatus")?.lowercased() == "healthy"
            }
            return healthy.count >= wanted ? group : nil
        }
    }

    /// The state for a described group; `like` (the prior or planned
    /// state) supplies what AWS does not keep.
    private func state(from group: XMLValue, like: Value) -> Value {
        let groupName = group.string("AutoScalingGroupName") ?? like.stringAttribute("id") ?? ""
        let subnets = (group.string("VPCZoneIdentifier") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .state([
            "id": .string(groupName),
            "arn": .optionalString(group.string("AutoScalingGroupARN")),
            "name": .string(groupName),
            "name_prefix": .optionalString(like.stringAttribute("name_prefix")),
            "launch_configuration": .optionalString(group.string("LaunchConfigurationName")),
            "min_size": .optionalInt(group.int("MinSize")),
            "max_size": .optionalInt(group.int("MaxSize")),
            "desired_capacity": .optionalInt(group.int("DesiredCapacity")),
            "vpc_zone_identifier": .stringSet(subnets),
            "availability_zones": .stringSet(group.list("AvailabilityZones").map(\.text)),
            "load_balancers": .stringSet(group.list("LoadBalancerNames").map(\.text)),
            "health_check_type": .optionalString(group.string("HealthCheckType")),
            "health_check_grace_period": .optionalInt(group.int("HealthCheckGracePeriod")),
            "force_delete": .bool(like.boolAttribute("force_delete") ?? false),
            "wait_for_capacity_timeout": .string(like.stringAttribute("wait_for_capacity_timeout") ?? Self.defaultCapacityTimeout),
            "tag": AutoScalingGroupTags.blocks(group.list("Tags")),
        ], schema: schema)
    }

    /// `wait_for_capacity_timeout` as Terraform reads it: `10m`, `90s`,
    /// `1h30m`, `0`. Nil when not a duration.
    static func seconds(parsing text: String) -> Double? {
        GoDuration.seconds(parsing: text)
    }
}
