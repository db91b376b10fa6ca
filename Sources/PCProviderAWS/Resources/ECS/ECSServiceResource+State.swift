import PCAWS
import PCLang
import PCProvider

/// Planning, reading and importing `aws_ecs_service`.
extension ECSServiceResource {
    // MARK: Plan

    /// Fills the defaults (REPLICA, a count of 0, the strategy's deployment
    /// percentages, no waiting) so that what AWS reports back plans no
    /// change, and keeps the recorded spelling of a cluster, task
    /// definition or role that the configuration names differently (a name
    /// for an ARN) but means the same.
    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try Self.validate(request.configuration)
        let proposed = request.proposed
        var changes: [String: Value] = [:]
        var strategy: String? = proposed.stringAttribute("scheduling_strategy")
        if proposed.attributes?["scheduling_strategy"]?.isNull ?? true {
            strategy = "REPLICA"
            changes["scheduling_strategy"] = .string("REPLICA")
        }
        let count = proposed.attributes?["desired_count"] ?? .null(.number)
        if strategy == "DAEMON" {
            if !count.isNull {
                throw ProviderError(
                    "desired_count does not apply to DAEMON services",
                    detail: "A DAEMON service runs one task on each container instance, so it has no desired_count: remove it, or use scheduling_strategy = \"REPLICA\".",
                    attribute: ValuePath([.attribute("desired_count")]))
            }
        } else if strategy == "REPLICA", count.isNull {
            changes["desired_count"] = .number(0)
        }
        let defaults = strategy.map { Self.defaultPercents(strategy: $0) }
        for (attribute, fallback) in [("deployment_maximum_percent", defaults?.maximum), ("deployment_minimum_healthy_percent", defaults?.minimum)] {
            guard proposed.attributes?[attribute]?.isNull ?? true else { continue }
            changes[attribute] = fallback.map { .number($0) } ?? .unknown(.number)
        }
        if proposed.attributes?["wait_for_steady_state"]?.isNull ?? true { changes["wait_for_steady_state"] = .false }
        if !request.prior.isNull {
            let keep: [(String, (String, String) -> Bool)] = [
                ("cluster", ECSIdentifiers.sameCluster),
                ("task_definition", ECSIdentifiers.sameTaskDefinition),
                ("iam_role", { a, b in a == b || (!(a.hasPrefix("arn:") && b.hasPrefix("arn:")) && ECSIdentifiers.roleName(a) == ECSIdentifiers.roleName(b)) }),
            ]
            for (attribute, same) in keep {
                if let configured = proposed.stringAttribute(attribute), let recorded = request.prior.stringAttribute(attribute),
                   configured != recorded, same(configured, recorded) {
                    changes[attribute] = .string(recorded)
                }
            }
        }
        return SchemaPlanning.plan(
            PlanChangeRequest(type: request.type, prior: request.prior, proposed: proposed.updating(changes), configuration: request.configuration),
            schema: schema)
    }

    static func validate(_ configuration: Value) throws(ProviderError) {
        let choices: [(String, [String])] = [
            ("scheduling_strategy", ["REPLICA", "DAEMON"]), ("launch_type", ["EC2", "FARGATE", "EXTERNAL"]),
        ]
        for (attribute, allowed) in choices {
            if let value = configuration.stringAttribute(attribute), !allowed.contains(value) {
                throw ProviderError(
                    "Invalid \(attribute)", detail: "\(attribute) = \"\(value)\" is not one of \(allowed.joined(separator: ", ")).",
                    attribute: ValuePath([.attribute(attribute)]))
            }
        }
        for attribute in ["desired_count", "deployment_maximum_percent", "deployment_minimum_healthy_percent"] {
            guard let number = configuration.attributeValue(attribute)?.numberValue else { continue }
            guard let whole = number.intValue, whole >= 0 else {
                throw ProviderError(
                    "Invalid \(attribute)", detail: "\(attribute) must be a whole number of 0 or more, not \(number).",
                    attribute: ValuePath([.attribute(attribute)]))
            }
        }
        for balancer in configuration.blockList("load_balancer") {
            let elb = balancer.attributes?["elb_name"] ?? .null, group = balancer.attributes?["target_group_arn"] ?? .null
            guard elb.isKnown, group.isKnown, elb.isNull == group.isNull else { continue }
            throw ProviderError(
                "Invalid load_balancer",
                detail: "A load_balancer block names exactly one load balancer: elb_name for a classic ELB, or target_group_arn for an ALB or NLB target group"
                    + (elb.isNull ? ", and this one sets neither." : ", and this one sets both."),
                attribute: ValuePath([.attribute("load_balancer")]))
        }
        for constraint in configuration.blockList("placement_constraints") {
            if let type = constraint.stringAttribute("type"), !["memberOf", "distinctInstance"].contains(type) {
                throw ProviderError(
                    "Invalid placement_constraints", detail: "type = \"\(type)\" is not memberOf or distinctInstance.",
                    attribute: ValuePath([.attribute("placement_constraints")]))
            }
        }
    }

    // MARK: Read, import, find

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let reference = state.stringAttribute("id") ?? state.stringAttribute("arn") ?? state.stringAttribute("name") else { return nil }
        let cluster = state.stringAttribute("cluster") ?? ECSIdentifiers.serviceParts(reference)?.cluster
        let found: Value?
        do {
            found = try describe(reference, cluster: cluster, api: api)
        } catch {
            throw ProviderError(error, while: "reading ECS service \"\(reference)\"")
        }
        guard let found, Self.isLive(found) else { return nil }
        return self.state(from: found, tags: AWSTags.map(fromJSON: found.attributeValue("tags")), prior: state)
    }

    /// Imports by the service's ARN or by `cluster/name` (Terraform's form);
    /// the state names the cluster as the id does.
    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        var seed: [String: Value] = ["id": .string(id)]
        if !id.hasPrefix("arn:") {
            let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ProviderError(
                    "Invalid aws_ecs_service import id \"\(id)\"",
                    detail: "Import an ECS service by its ARN or as cluster/name, e.g. \"web-cluster/web\".")
            }
            seed = ["id": .string(parts[1]), "name": .string(parts[1]), "cluster": .string(parts[0])]
        }
        guard let found = try read(state: Value.state(seed, schema: schema), api: api) else {
            throw ProviderError(
                "Cannot import aws_ecs_service \"\(id)\"",
                detail: "ECS has no ACTIVE service \"\(id)\" in \(api.region). Check the cluster, the name and the provider's region.")
        }
        return found
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let serviceName = request.stringAttribute("name"), request.attributes?["cluster"]?.isKnown ?? true else { return .cannotTell }
        let seed = request.updating(["id": .string(serviceName), "arn": .null(.string)])
        guard let found = try read(state: seed, api: api) else { return .notFound }
        return .found(found)
    }

    /// The service as DescribeServices reports it (any status, tags
    /// included); nil when ECS does not know it or its cluster.
    func describe(_ reference: String, cluster: String?, api: AWSClient) throws(AWSError) -> Value? {
        var body: [String: Value] = ["services": .tuple([.string(reference)]), "include": .tuple([.string("TAGS")])]
        if let cluster { body["cluster"] = .string(cluster) }
        do {
            let reply = try api.json(.ecs, "DescribeServices", .object(body))
            return reply.blockList("services").first
        } catch where error.code == "ClusterNotFoundException" {
            return nil
        }
    }

    // MARK: State

    /// The state for a described service. `prior` (the plan, or the
    /// recorded state) decides how the cluster, task definition and role
    /// are spelled, and stands in for what the reply leaves out.
    func state(from service: Value, tags: [String: String], prior: Value) -> Value {
        let arn = service.stringAttribute("serviceArn") ?? prior.stringAttribute("id")
        let strategy = service.stringAttribute("schedulingStrategy") ?? prior.stringAttribute("scheduling_strategy") ?? "REPLICA"
        let defaults = Self.defaultPercents(strategy: strategy)
        let deployment = service.singleBlock("deploymentConfiguration")
        func percent(_ field: String, _ attribute: String, _ fallback: Int) -> Value {
            .optionalInt(deployment?.intAttribute(field) ?? prior.intAttribute(attribute) ?? fallback)
        }
        var attributes: [String: Value] = [
            "name": .optionalString(service.stringAttribute("serviceName") ?? prior.stringAttribute("name")),
            "arn": .optionalString(arn),
            "id": .optionalString(arn),
            "cluster": .optionalString(service.stringAttribute("clusterArn").map { ECSIdentifiers.cluster($0, spelledLike: prior.stringAttribute("cluster")) }
                ?? prior.stringAttribute("cluster")),
            "task_definition": .optionalString(service.stringAttribute("taskDefinition").map {
                ECSIdentifiers.taskDefinition($0, spelledLike: prior.stringAttribute("task_definition"))
            } ?? prior.stringAttribute("task_definition")),
            "desired_count": strategy == "DAEMON" ? .null(.number) : .optionalInt(service.intAttribute("desiredCount") ?? prior.intAttribute("desired_count")),
            "launch_type": .optionalString(service.stringAttribute("launchType") ?? prior.stringAttribute("launch_type")),
            "scheduling_strategy": .string(strategy),
            "iam_role": .optionalString(service.stringAttribute("roleArn").map { ECSIdentifiers.role($0, spelledLike: prior.stringAttribute("iam_role")) }
                ?? prior.stringAttribute("iam_role")),
            "deployment_maximum_percent": percent("maximumPercent", "deployment_maximum_percent", defaults.maximum),
            "deployment_minimum_healthy_percent": percent("minimumHealthyPercent", "deployment_minimum_healthy_percent", defaults.minimum),
            "force_new_deployment": prior.attributeValue("force_new_deployment") ?? .null(.bool),
            "wait_for_steady_state": prior.attributeValue("wait_for_steady_state") ?? .false,
            "tags": tags.isEmpty && prior.attributeValue("tags") == nil ? .null(.map(.string)) : AWSTags.value(tags),
        ]
        attributes["load_balancer"] = .set(service.blockList("loadBalancers").map { balancer in
            .object([
                "elb_name": .optionalString(balancer.stringAttribute("loadBalancerName")),
                "target_group_arn": .optionalString(balancer.stringAttribute("targetGroupArn")),
                "container_name": .optionalString(balancer.stringAttribute("containerName")),
                "container_port": .optionalInt(balancer.intAttribute("containerPort")),
            ])
        }, element: Self.loadBalancerBlock.content.valueType)
        // Some endpoints (moto) leave a service's placement constraints out
        // of the reply altogether: then what was planned or recorded stands.
        if let constraints = service.attributes?["placementConstraints"], !constraints.isNull {
            attributes["placement_constraints"] = .set((constraints.elements ?? []).map { constraint in
                .object([
                    "type": .optionalString(constraint.stringAttribute("type")),
                    "expression": .optionalString(constraint.stringAttribute("expression")),
                ])
            }, element: Self.placementConstraintBlock.content.valueType)
        } else {
            attributes["placement_constraints"] = prior.attributes?["placement_constraints"].flatMap { $0.isWhollyKnown ? $0 : nil }
        }
        return Value.state(attributes, schema: schema)
    }
}
