import PCAWS
import PCLang
import PCProvider

/// `aws_elb`: a classic load balancer. The name is its id (generated at
/// plan time from `name_prefix` when unset, so a dead run's load balancer
/// is found by it); listeners, health check, subnets, security groups,
/// zones, attributes and tags change in place.
struct ELBResource: AWSResourceType {
    let name = "aws_elb"

    /// Terraform's defaults for the attributes it always sets after create.
    static let defaults: [String: Value] = [
        "cross_zone_load_balancing": .true,
        "idle_timeout": .number(60),
        "connection_draining": .false,
        "connection_draining_timeout": .number(300),
    ]
    static let generatedPrefix = "pcplan-"
    static let maximumNameLength = 32
    static let deleteTimeout = 300.0

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The load balancer's name."),
                "arn": AttributeSchema(.string, .computed, summary: "The load balancer's ARN."),
                "name": AttributeSchema(
                    .string, .optionalComputed, forcesReplacement: true,
                    summary: "Up to 32 letters, digits and hyphens; generated when unset."),
                "name_prefix": AttributeSchema(
                    .string, .optional, forcesReplacement: true, summary: "Generate the name from this prefix (up to 6 characters)."),
                "internal": AttributeSchema(.bool, .optionalComputed, forcesReplacement: true, summary: "An internal (not internet-facing) load balancer."),
                "subnets": AttributeSchema(
                    .set(.string), .optionalComputed,
                    summary: "Subnets to serve (a VPC load balancer); removing all of them replaces the load balancer."),
                "availability_zones": AttributeSchema(.set(.string), .optionalComputed, summary: "Availability zones to serve."),
                "security_groups": AttributeSchema(.set(.string), .optionalComputed, summary: "Security groups of a VPC load balancer."),
                "cross_zone_load_balancing": AttributeSchema(.bool, .optional, summary: "Spread requests across zones (default true)."),
                "idle_timeout": AttributeSchema(.number, .optional, summary: "Seconds a connection may be idle, 1 to 4000 (default 60)."),
                "connection_draining": AttributeSchema(.bool, .optional, summary: "Let requests finish on deregistered instances (default false)."),
                "connection_draining_timeout": AttributeSchema(
                    .number, .optional, summary: "Seconds to drain, 1 to 3600 (default 300); kept as configured while draining is off."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags."),
                "dns_name": AttributeSchema(.string, .computed, summary: "The load balancer's DNS name."),
                "zone_id": AttributeSchema(.string, .computed, summary: "The Route 53 hosted zone id for alias records."),
            ],
            blocks: [
                "listener": BlockSchema(.set, Self.listenerSchema, minItems: 1),
                "health_check": BlockSchema(.single, Self.healthCheckSchema, maxItems: 1),
            ],
            summary: "A classic Elastic Load Balancer.")
    }

    static let listenerSchema = ResourceSchema(
        attributes: [
            "instance_port": AttributeSchema(.number, .required, summary: "The port on the instances, 1 to 65535."),
            "instance_protocol": AttributeSchema(.string, .required, summary: "HTTP, HTTPS, TCP or SSL to the instances."),
            "lb_port": AttributeSchema(.number, .required, summary: "The port the load balancer listens on, 1 to 65535."),
            "lb_protocol": AttributeSchema(.string, .required, summary: "HTTP, HTTPS, TCP or SSL from clients."),
            "ssl_certificate_id": AttributeSchema(.string, .optional, summary: "ARN of the certificate, for HTTPS and SSL listeners."),
        ],
        summary: "A port the load balancer listens on and where it forwards to.")

    static let healthCheckSchema = ResourceSchema(
        attributes: [
            "target": AttributeSchema(.string, .required, summary: "PROTOCOL:PORT, plus /PATH for HTTP and HTTPS (HTTP:8080/health)."),
            "interval": AttributeSchema(.number, .required, summary: "Seconds between checks, 5 to 300."),
            "timeout": AttributeSchema(.number, .required, summary: "Seconds before a check fails, 2 to 60, less than interval."),
            "healthy_threshold": AttributeSchema(.number, .required, summary: "Passed checks before healthy, 2 to 10."),
            "unhealthy_threshold": AttributeSchema(.number, .required, summary: "Failed checks before unhealthy, 2 to 10."),
        ],
        summary: "How the load balancer checks its instances.")

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        guard !request.proposed.isNull else { return PlannedChange(planned: request.proposed) }
        let config = request.configuration
        try ELBValidation.validate(config)
        var changes: [String: Value] = [:]
        for (attribute, value) in Self.defaults where config.attributes?[attribute]?.isNull ?? true {
            changes[attribute] = value
        }
        if request.proposed.attributes?["name"]?.isNull ?? true, config.attributes?["name_prefix"]?.isKnown ?? true {
            let prefix = config.stringAttribute("name_prefix") ?? Self.generatedPrefix
            changes["name"] = .string(StorageStateSupport.uniqueName(prefix: prefix, length: Self.maximumNameLength))
        }
        let prior = request.prior.isNull ? nil : request.prior
        if let prior {
            // Same listeners in another case are no change (AWS keeps capitals).
            let known = ELBWire.listeners(in: prior)
            if let listeners = request.proposed.attributes?["listener"], listeners.isWhollyKnown {
                let spelled = (listeners.elements ?? []).map { element -> Value in
                    guard let listener = ELBWire.Listener(element), let same = known.first(where: { $0.isEquivalent(to: listener) })
                    else { return element }
                    return same.value
                }
                changes["listener"] = .set(spelled, element: Self.listenerSchema.valueType)
            }
            // AWS always has a health check: without one configured, keep what it has.
            if config.attributes?["health_check"]?.isNull ?? true, let check = prior.attributes?["health_check"], !check.isNull {
                changes["health_check"] = check
            }
        }
        var planned = SchemaPlanning.plan(
            PlanChangeRequest(
                type: request.type, prior: request.prior, proposed: request.proposed.updating(changes),
                configuration: config),
            schema: schema)
        if let prior, let before = StorageStateSupport.knownStrings(prior, "subnets"), !before.isEmpty,
           let after = StorageStateSupport.knownStrings(planned.planned, "subnets"), before.isDisjoint(with: after) {
            // A load balancer cannot be detached from every subnet it has.
            planned.requiresReplace.append(ValuePath([.attribute("subnets")]))
            planned.requiresReplace.sort { "\($0)" < "\($1)" }
        }
        return planned
    }

    // MARK: Create, read, update, delete

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let lbName = try planned.requiredString("name", in: name)
        var parameters: [(String, String)] = [("LoadBalancerName", lbName)] + ELBWire.parameters(ELBWire.listeners(in: planned))
        for (attribute, member) in [("availability_zones", "AvailabilityZones"), ("subnets", "Subnets"), ("security_groups", "SecurityGroups")] {
            if let values = StorageStateSupport.knownStrings(planned, attribute), !values.isEmpty {
                parameters += ELBWire.members(member, values)
            }
        }
        if planned.boolAttribute("internal") == true { parameters.append(("Scheme", "internal")) }
        parameters += AWSTags.queryParameters(AWSTags.map(of: planned))
        do {
            _ = try api.query(.elb, "CreateLoadBalancer", parameters)
        } catch {
            var failure = ProviderError(error, while: "creating classic load balancer \"\(lbName)\"")
            if error.code == "DuplicateLoadBalancerName" {
                failure.detail += "\nA load balancer with this name exists already: import it (pcplan import <address> \(lbName)) or choose another name."
            }
            throw failure
        }
        let soFar = StorageStateSupport.knownState(planned, ["id": .string(lbName), "name": .string(lbName)], schema: schema)
        do throws(AWSError) {
            try modifyAttributes(lbName, planned, api: api)
            if let check = planned.attributes?["health_check"], !check.isNull, let parameters = ELBWire.healthCheckParameters(check) {
                _ = try api.query(.elb, "ConfigureHealthCheck", [("LoadBalancerName", lbName)] + parameters)
            }
            guard let found = try state(of: lbName, prior: planned, api: api) else {
                throw AWSError(
                    code: ELBWire.notFound, message: "the load balancer disappeared right after it was created",
                    service: "elb", operation: "DescribeLoadBalancers")
            }
            return found
        } catch {
            throw ProviderError(error, while: "configuring classic load balancer \"\(lbName)\" after creating it", createdObject: soFar)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let lbName: String
        if let id = state.stringAttribute("id") { lbName = id } else { lbName = try state.requiredString("name", in: name) }
        do {
            return try self.state(of: lbName, prior: state, api: api)
        } catch {
            throw ProviderError(error, while: "reading classic load balancer \"\(lbName)\"")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let lbName = try prior.requiredString("id", in: name)
        do throws(AWSError) {
            try ELBChanges(name: lbName, prior: prior, planned: planned, api: api).apply()
            if Self.defaults.keys.contains(where: { changed($0, prior, planned) }) {
                try modifyAttributes(lbName, planned, api: api)
            }
            guard let found = try state(of: lbName, prior: planned, api: api) else {
                throw AWSError(
                    code: ELBWire.notFound, message: "the load balancer was deleted outside pcplan during the update",
                    service: "elb", operation: "DescribeLoadBalancers")
            }
            return found
        } catch {
            throw ProviderError(error, while: "updating classic load balancer \"\(lbName)\"")
        }
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let lbName = try prior.requiredString("id", in: name)
        do {
            _ = try api.query(.elb, "DeleteLoadBalancer", [("LoadBalancerName", lbName)])
            _ = try AWSWaiter.wait(for: "classic load balancer \(lbName) to be deleted", timeout: Self.deleteTimeout, interval: 3) {
                () throws(AWSError) -> Bool? in
                try ELBWire.describe(lbName, api: api) == nil ? true : nil
            }
        } catch {
            throw ProviderError(error, while: "deleting classic load balancer \"\(lbName)\"")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let lbName = request.stringAttribute("name") else { return .cannotTell }
        do {
            guard let found = try state(of: lbName, prior: request, api: api) else { return .notFound }
            return .found(found)
        } catch {
            throw ProviderError(error, while: "looking for classic load balancer \"\(lbName)\"")
        }
    }

    // MARK: Attributes and state

    private func changed(_ attribute: String, _ prior: Value, _ planned: Value) -> Bool {
        !(prior.attributes?[attribute] ?? .null).hasSameContent(as: planned.attributes?[attribute] ?? .null)
    }

    /// One ModifyLoadBalancerAttributes with every attribute pcplan manages.
    /// AWS takes a draining timeout only while draining is on.
    private func modifyAttributes(_ lbName: String, _ planned: Value, api: AWSClient) throws(AWSError) {
        let draining = planned.boolAttribute("connection_draining") ?? false
        var parameters: [(String, String)] = [
            ("LoadBalancerName", lbName),
            ("LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled", String(planned.boolAttribute("cross_zone_load_balancing") ?? true)),
            ("LoadBalancerAttributes.ConnectionDraining.Enabled", String(draining)),
        ]
        if draining {
            parameters.append(("LoadBalancerAttributes.ConnectionDraining.Timeout", String(planned.intAttribute("connection_draining_timeout") ?? 300)))
        }
        parameters.append(("LoadBalancerAttributes.ConnectionSettings.IdleTimeout", String(planned.intAttribute("idle_timeout") ?? 60)))
        _ = try api.query(.elb, "ModifyLoadBalancerAttributes", parameters)
    }

    /// The whole state of `lbName`, nil when it does not exist. `prior`
    /// supplies what AWS does not report back: the name prefix, the
    /// listeners' spelling, the account in the ARN, and the draining
    /// timeout while draining is off (moto resets it to 300 then).
    private func state(of lbName: String, prior: Value, api: AWSClient) throws(AWSError) -> Value? {
        guard let description = try ELBWire.describe(lbName, api: api) else { return nil }
        let attributes = try ELBWire.attributes(lbName, api: api)
        let tags = try ELBWire.tags(lbName, api: api)
        let draining = attributes?.bool("ConnectionDraining", "Enabled") ?? false
        let reportedTimeout = attributes?.int("ConnectionDraining", "Timeout")
        let timeout = draining ? reportedTimeout : prior.intAttribute("connection_draining_timeout") ?? reportedTimeout
        let zoneID = description.string("CanonicalHostedZoneNameID").flatMap { $0.isEmpty ? nil : $0 }
            ?? ELBWire.hostedZoneIDs[api.region] ?? ""
        let strings = { (list: String) in description.list(list).map(\.text) }
        let prefix = prior.stringAttribute("name_prefix").flatMap { lbName.hasPrefix($0) ? $0 : nil }
        return .state([
            "id": .string(lbName),
            "arn": .string(try arn(lbName, prior: prior, api: api)),
            "name": .string(lbName),
            "name_prefix": .optionalString(prefix),
            "internal": .bool(description.string("Scheme") == "internal"),
            "subnets": .stringSet(strings("Subnets")),
            "availability_zones": .stringSet(strings("AvailabilityZones")),
            "security_groups": .stringSet(strings("SecurityGroups")),
            "cross_zone_load_balancing": .bool(attributes?.bool("CrossZoneLoadBalancing", "Enabled") ?? false),
            "idle_timeout": .number(attributes?.int("ConnectionSettings", "IdleTimeout") ?? 60),
            "connection_draining": .bool(draining),
            "connection_draining_timeout": .number(timeout ?? 300),
            "tags": StorageStateSupport.tags(tags, prior: prior),
            "dns_name": .optionalString(description.string("DNSName")),
            "zone_id": .string(zoneID),
            "listener": .set(
                ELBWire.listeners(of: description, spelledAs: ELBWire.listeners(in: prior)).map(\.value),
                element: Self.listenerSchema.valueType),
            "health_check": ELBWire.healthCheck(of: description) ?? .null(Self.healthCheckSchema.valueType),
        ], schema: schema)
    }

    /// Classic load balancer replies carry no ARN: build it from the
    /// account (the client asks STS once; the recorded ARN is reused after
    /// that).
    private func arn(_ lbName: String, prior: Value, api: AWSClient) throws(AWSError) -> String {
        if let recorded = prior.stringAttribute("arn"), recorded.hasSuffix(":loadbalancer/\(lbName)") { return recorded }
        let account = try api.callerIdentity().account
        return AWSARN.make(service: "elasticloadbalancing", region: api.region, account: account, resource: "loadbalancer/\(lbName)")
    }
}
