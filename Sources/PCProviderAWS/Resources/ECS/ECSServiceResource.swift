import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_ecs_service`: a long-running ECS service, REPLICA (a count of
/// tasks) or DAEMON (one task per container instance), on the EC2 launch
/// type, optionally behind load balancers.
///
/// Count, task definition, deployment percentages and placement
/// constraints change in place through UpdateService; name, cluster, launch
/// type, scheduling strategy, IAM role and load balancers force a new
/// service. Reading copes with endpoints that leave out
/// `deploymentConfiguration`, `placementConstraints` or `roleArn` (moto
/// does): the recorded or planned values stand. Reading and planning are in
/// `ECSServiceResource+State.swift`.
struct ECSServiceResource: AWSResourceType {
    let name = "aws_ecs_service"

    /// Waits: the new service to describe as ACTIVE, a steady state when
    /// asked for, and a deleted service to drain to INACTIVE.
    var activeTimeout = 300.0
    var steadyTimeout = 1200.0
    var deleteTimeout = 1200.0
    var pollInterval = 5.0

    static let loadBalancerBlock = BlockSchema(.set, ResourceSchema(
        attributes: [
            "elb_name": AttributeSchema(.string, .optional, summary: "The classic load balancer's name (or set target_group_arn)."),
            "target_group_arn": AttributeSchema(.string, .optional, summary: "The ALB/NLB target group's ARN (or set elb_name)."),
            "container_name": AttributeSchema(.string, .required, summary: "The container, as the task definition names it."),
            "container_port": AttributeSchema(.number, .required, summary: "The container's port to send traffic to."),
        ],
        summary: "A load balancer the service registers its tasks with."), forcesReplacement: true)

    static let placementConstraintBlock = BlockSchema(.set, ResourceSchema(
        attributes: [
            "type": AttributeSchema(.string, .required, summary: "memberOf or distinctInstance."),
            "expression": AttributeSchema(.string, .optional, summary: "A cluster query language expression (memberOf)."),
        ],
        summary: "A rule for placing the service's tasks."), maxItems: 10)

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "name": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The service's name (up to 255 letters, digits, hyphens and underscores)."),
                "cluster": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The cluster's ARN or name; AWS's default cluster when unset."),
                "task_definition": AttributeSchema(.string, .optional, summary: "The task definition to run: family:revision, a revision's ARN, or a family (its latest ACTIVE revision)."),
                "desired_count": AttributeSchema(.number, .optional, summary: "How many tasks to keep running (default 0); not used with DAEMON."),
                "launch_type": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "EC2, FARGATE or EXTERNAL; AWS's default is EC2."),
                "scheduling_strategy": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "REPLICA (default) or DAEMON (one task per container instance)."),
                "iam_role": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The role ECS uses to register tasks with a load balancer (not with awsvpc)."),
                "deployment_minimum_healthy_percent": AttributeSchema(.number, .optional, summary: "Tasks that must stay healthy during a deployment, in percent of desired_count (default 100; DAEMON 0)."),
                "deployment_maximum_percent": AttributeSchema(.number, .optional, summary: "Tasks allowed during a deployment, in percent of desired_count (default 200; DAEMON 100)."),
                "force_new_deployment": AttributeSchema(.bool, .optional, summary: "Start a new deployment with every update, even when the task definition is unchanged."),
                "wait_for_steady_state": AttributeSchema(.bool, .optional, summary: "Wait for the service to reach a steady state after create and update (default false)."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags for the service."),
                "arn": AttributeSchema(.string, .computed, summary: "The service's ARN."),
                "id": AttributeSchema(.string, .computed, summary: "The service's ARN."),
            ],
            blocks: ["load_balancer": Self.loadBalancerBlock, "placement_constraints": Self.placementConstraintBlock],
            summary: "An ECS service.")
    }

    // MARK: Create

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let serviceName = try planned.requiredString("name", in: name)
        let doing = "creating ECS service \"\(serviceName)\""
        let strategy = planned.stringAttribute("scheduling_strategy") ?? "REPLICA"
        // The token lets a create whose reply was lost be sent again
        // without making a second service.
        var body: [String: Value] = [
            "serviceName": .string(serviceName), "schedulingStrategy": .string(strategy),
            "clientToken": .string(UUID().uuidString),
        ]
        let strings = [("cluster", "cluster"), ("task_definition", "taskDefinition"), ("launch_type", "launchType"), ("iam_role", "role")]
        for (attribute, field) in strings {
            if let value = planned.stringAttribute(attribute) { body[field] = .string(value) }
        }
        if strategy != "DAEMON" { body["desiredCount"] = .number(planned.intAttribute("desired_count") ?? 0) }
        let balancers = Self.loadBalancersList(planned.blockList("load_balancer"))
        if !balancers.isEmpty { body["loadBalancers"] = .tuple(balancers) }
        let constraints = ECSTaskDefinitionResource.constraintsList(planned.blockList("placement_constraints"))
        if !constraints.isEmpty { body["placementConstraints"] = .tuple(constraints) }
        if let deployment = Self.deploymentConfiguration(planned, strategy: strategy, onlyChangedFromDefaults: strategy == "DAEMON") {
            body["deploymentConfiguration"] = deployment
        }
        let tags = AWSTags.map(of: planned)
        if !tags.isEmpty { body["tags"] = ECSTagging.list(tags) }

        let reply: Value
        do {
            reply = try api.json(.ecs, "CreateService", .object(body), idempotent: true)
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let service = reply.singleBlock("service"), let arn = service.stringAttribute("serviceArn") else {
            throw ProviderError("Creating ECS service \"\(serviceName)\" failed", detail: "ECS CreateService answered without a service.")
        }
        let created = state(from: service, tags: tags, prior: planned)
        do {
            // DescribeServices may not know a new service for a moment.
            let active = try AWSWaiter.wait(for: "ECS service \"\(serviceName)\" to become ACTIVE", timeout: activeTimeout, interval: pollInterval) {
                () throws(AWSError) -> Value? in
                guard let found = try describe(arn, cluster: service.stringAttribute("clusterArn"), api: api),
                      found.stringAttribute("status") == "ACTIVE" else { return nil }
                return found
            }
            let steady = planned.boolAttribute("wait_for_steady_state") == true ? try waitForSteadyState(arn, cluster: active.stringAttribute("clusterArn"), api: api) : active
            return state(from: steady, tags: AWSTags.map(fromJSON: steady.attributeValue("tags")), prior: planned)
        } catch {
            throw ProviderError(error, while: doing, createdObject: created)
        }
    }

    // MARK: Update

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let arn = try prior.requiredString("id", in: name)
        let cluster = prior.stringAttribute("cluster")
        let doing = "updating ECS service \"\(planned.stringAttribute("name") ?? arn)\""
        let strategy = planned.stringAttribute("scheduling_strategy") ?? "REPLICA"
        var body: [String: Value] = ["service": .string(arn)]
        if let cluster { body["cluster"] = .string(cluster) }
        var changed = false
        func differs(_ attribute: String) -> Bool {
            !(prior.attributes?[attribute] ?? .null).hasSameContent(as: planned.attributes?[attribute] ?? .null)
        }
        if strategy != "DAEMON", differs("desired_count") {
            body["desiredCount"] = .number(planned.intAttribute("desired_count") ?? 0)
            changed = true
        }
        if differs("task_definition"), let definition = planned.stringAttribute("task_definition") {
            body["taskDefinition"] = .string(definition)
            changed = true
        }
        if differs("deployment_maximum_percent") || differs("deployment_minimum_healthy_percent"),
           let deployment = Self.deploymentConfiguration(planned, strategy: strategy, onlyChangedFromDefaults: false) {
            body["deploymentConfiguration"] = deployment
            changed = true
        }
        if differs("placement_constraints") {
            // An empty list clears them.
            body["placementConstraints"] = .tuple(ECSTaskDefinitionResource.constraintsList(planned.blockList("placement_constraints")))
            changed = true
        }
        if planned.boolAttribute("force_new_deployment") == true, changed || differs("force_new_deployment") {
            body["forceNewDeployment"] = .true
            changed = true
        }
        if changed {
            do {
                _ = try api.json(.ecs, "UpdateService", .object(body))
            } catch {
                throw ProviderError(error, while: doing)
            }
        }
        try ECSTagging.update(arn, from: AWSTags.map(of: prior), to: AWSTags.map(of: planned), api: api, doing: doing)
        let found: Value?
        do {
            if changed, planned.boolAttribute("wait_for_steady_state") == true {
                found = try waitForSteadyState(arn, cluster: cluster, api: api)
            } else {
                found = try describe(arn, cluster: cluster, api: api)
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let found, Self.isLive(found) else {
            throw ProviderError("ECS service \"\(arn)\" disappeared", detail: "The service was updated, but ECS no longer describes it as ACTIVE. Run plan again to create it anew.")
        }
        return state(from: found, tags: AWSTags.map(fromJSON: found.attributeValue("tags")), prior: planned)
    }

    // MARK: Delete

    /// A REPLICA service is scaled to 0 first (AWS refuses to delete one
    /// that still wants tasks), then deleted; the delete waits until the
    /// service has drained to INACTIVE.
    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let arn = prior.stringAttribute("id") ?? prior.stringAttribute("arn") else { return }
        let cluster = prior.stringAttribute("cluster")
        let doing = "deleting ECS service \"\(prior.stringAttribute("name") ?? arn)\""
        var target: [String: Value] = ["service": .string(arn)]
        if let cluster { target["cluster"] = .string(cluster) }
        let gone: Set<String> = ["ServiceNotFoundException", "ServiceNotActiveException", "ClusterNotFoundException"]
        do {
            guard let service = try describe(arn, cluster: cluster, api: api), Self.isLive(service) || service.stringAttribute("status") == "DRAINING" else { return }
            if service.stringAttribute("status") == "ACTIVE" {
                if service.stringAttribute("schedulingStrategy") != "DAEMON", (service.intAttribute("desiredCount") ?? 0) > 0 {
                    _ = try api.json(.ecs, "UpdateService", .object(target.merging(["desiredCount": .number(0)]) { $1 }))
                }
                _ = try api.json(.ecs, "DeleteService", .object(target))
            }
        } catch where gone.contains(error.code) {
            return
        } catch {
            throw ProviderError(error, while: doing)
        }
        do {
            _ = try AWSWaiter.wait(for: "ECS service \"\(arn)\" to drain and become INACTIVE", timeout: deleteTimeout, interval: pollInterval) {
                () throws(AWSError) -> Bool? in
                guard let service = try describe(arn, cluster: cluster, api: api) else { return true }
                return service.stringAttribute("status") == "INACTIVE" ? true : nil
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
    }

    // MARK: Waits

    /// Polls until the service has one deployment and runs as many tasks as
    /// it wants (AWS's services-stable condition); returns it then.
    func waitForSteadyState(_ arn: String, cluster: String?, api: AWSClient) throws(AWSError) -> Value {
        try AWSWaiter.wait(for: "ECS service \"\(arn)\" to reach a steady state", timeout: steadyTimeout, interval: pollInterval) {
            () throws(AWSError) -> Value? in
            guard let service = try describe(arn, cluster: cluster, api: api) else {
                throw AWSError(code: "ServiceNotFoundException", message: "the service disappeared while waiting for it to settle", service: "ecs", operation: "DescribeServices")
            }
            let deployments = service.blockList("deployments").count
            let steady = deployments == 1 && service.intAttribute("runningCount") == service.intAttribute("desiredCount")
            return steady ? service : nil
        }
    }

    // MARK: Request pieces

    static func loadBalancersList(_ blocks: [Value]) -> [Value] {
        blocks.map { balancer -> Value in
            var fields: [String: Value] = [
                "containerName": .string(balancer.stringAttribute("container_name") ?? ""),
                "containerPort": .number(balancer.intAttribute("container_port") ?? 0),
            ]
            if let elb = balancer.stringAttribute("elb_name") { fields["loadBalancerName"] = .string(elb) }
            if let group = balancer.stringAttribute("target_group_arn") { fields["targetGroupArn"] = .string(group) }
            return .object(fields)
        }
    }

    /// AWS's defaults when a service sets no percentages.
    static func defaultPercents(strategy: String) -> (maximum: Int, minimum: Int) {
        strategy == "DAEMON" ? (100, 0) : (200, 100)
    }

    /// The `deploymentConfiguration` for the planned percentages; with
    /// `onlyChangedFromDefaults`, only those that differ from AWS's defaults
    /// (nil when none does).
    static func deploymentConfiguration(_ planned: Value, strategy: String, onlyChangedFromDefaults: Bool) -> Value? {
        let defaults = defaultPercents(strategy: strategy)
        var fields: [String: Value] = [:]
        if let maximum = planned.intAttribute("deployment_maximum_percent"), !onlyChangedFromDefaults || maximum != defaults.maximum {
            fields["maximumPercent"] = .number(maximum)
        }
        if let minimum = planned.intAttribute("deployment_minimum_healthy_percent"), !onlyChangedFromDefaults || minimum != defaults.minimum {
            fields["minimumHealthyPercent"] = .number(minimum)
        }
        return fields.isEmpty ? nil : .object(fields)
    }

    /// ACTIVE: the service exists for the configuration; DRAINING and
    /// INACTIVE are services being deleted or deleted.
    static func isLive(_ service: Value) -> Bool {
        service.stringAttribute("status") == "ACTIVE"
    }
}
