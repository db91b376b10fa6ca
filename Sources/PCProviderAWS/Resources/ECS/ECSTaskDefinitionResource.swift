import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_ecs_task_definition`: one revision of a task definition family.
///
/// Revisions cannot change, so every argument but `tags` forces a new one;
/// destroying deregisters the revision (INACTIVE). `container_definitions`
/// is compared in canonical form (`ECSContainerDefinitions`), so AWS's
/// read-back defaults and key order never show as a change: the state keeps
/// the configuration's text for as long as AWS's document is equivalent.
struct ECSTaskDefinitionResource: AWSResourceType {
    let name = "aws_ecs_task_definition"

    static let volumeBlock = BlockSchema(.set, ResourceSchema(
        attributes: [
            "name": AttributeSchema(.string, .required, summary: "The volume's name, as containers' mountPoints name it."),
            "host_path": AttributeSchema(.string, .optional, summary: "The path on the container instance to mount; unset for a Docker-managed scratch volume."),
        ],
        summary: "A volume the containers can mount."), forcesReplacement: true)

    static let placementConstraintBlock = BlockSchema(.set, ResourceSchema(
        attributes: [
            "type": AttributeSchema(.string, .required, summary: "memberOf."),
            "expression": AttributeSchema(.string, .optional, summary: "A cluster query language expression."),
        ],
        summary: "A rule for placing the task's containers."), maxItems: 10, forcesReplacement: true)

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "family": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The family the revision belongs to."),
                "container_definitions": AttributeSchema(
                    .string, .required, forcesReplacement: true, jsonDocument: true,
                    summary: "The containers, a JSON array as RegisterTaskDefinition takes it (write it with jsonencode)."),
                "network_mode": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "none, bridge, awsvpc or host; AWS's default is bridge."),
                "pid_mode": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "The process namespace: host or task."),
                "requires_compatibilities": AttributeSchema(.set(.string), .optional, forcesReplacement: true, summary: "Launch types to validate against: EC2, FARGATE, EXTERNAL."),
                "cpu": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "CPU units for the task (\"256\", or \"1 vCPU\"); required by Fargate."),
                "memory": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Memory in MiB for the task (\"512\", or \"1 GB\"); required by Fargate."),
                "execution_role_arn": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "The role the ECS agent uses to pull images and read secrets."),
                "task_role_arn": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "The role the containers' AWS calls use."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags for the revision."),
                "arn": AttributeSchema(.string, .computed, summary: "The revision's ARN (ending in :revision)."),
                "arn_without_revision": AttributeSchema(.string, .computed, summary: "The family's ARN, without the revision."),
                "revision": AttributeSchema(.number, .computed, summary: "The revision number within the family."),
                "id": AttributeSchema(.string, .computed, summary: "The family."),
            ],
            blocks: ["volume": Self.volumeBlock, "placement_constraints": Self.placementConstraintBlock],
            summary: "A revision of an ECS task definition.")
    }

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try Self.validate(request.configuration)
        var proposed = request.proposed
        var changes: [String: Value] = [:]
        if proposed.attributes?["requires_compatibilities"]?.elements?.isEmpty == true {
            changes["requires_compatibilities"] = .null(.set(.string))
        }
        if !request.prior.isNull {
            let networkMode = proposed.stringAttribute("network_mode") ?? request.prior.stringAttribute("network_mode")
            if let text = proposed.stringAttribute("container_definitions"), let recorded = request.prior.stringAttribute("container_definitions"),
               ECSContainerDefinitions.areEquivalent(text, recorded, networkMode: networkMode) {
                changes["container_definitions"] = .string(recorded)
            }
            for (attribute, unit) in [("cpu", Self.cpuUnit), ("memory", Self.memoryUnit)] {
                if let configured = proposed.stringAttribute(attribute), let recorded = request.prior.stringAttribute(attribute),
                   Self.sameSize(configured, recorded, unit: unit) {
                    changes[attribute] = .string(recorded)
                }
            }
        }
        proposed = proposed.updating(changes)
        return SchemaPlanning.plan(
            PlanChangeRequest(type: request.type, prior: request.prior, proposed: proposed, configuration: request.configuration),
            schema: schema)
    }

    static func validate(_ configuration: Value) throws(ProviderError) {
        if let text = configuration.stringAttribute("container_definitions") {
            _ = try ECSContainerDefinitions.parse(text)
        }
        let choices: [(String, [String])] = [
            ("network_mode", ["none", "bridge", "awsvpc", "host"]), ("pid_mode", ["host", "task"]),
        ]
        for (attribute, allowed) in choices {
            if let value = configuration.stringAttribute(attribute), !allowed.contains(value) {
                throw ProviderError(
                    "Invalid \(attribute)", detail: "\(attribute) = \"\(value)\" is not one of \(allowed.joined(separator: ", ")).",
                    attribute: ValuePath([.attribute(attribute)]))
            }
        }
    }

    // MARK: Create, update, delete

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let family = try planned.requiredString("family", in: name)
        let doing = "registering ECS task definition \"\(family)\""
        let containers = try ECSContainerDefinitions.request(try planned.requiredString("container_definitions", in: name))
        var body: [String: Value] = ["family": .string(family), "containerDefinitions": containers]
        let strings = [
            ("network_mode", "networkMode"), ("pid_mode", "pidMode"), ("cpu", "cpu"), ("memory", "memory"),
            ("execution_role_arn", "executionRoleArn"), ("task_role_arn", "taskRoleArn"),
        ]
        for (attribute, field) in strings {
            if let value = planned.stringAttribute(attribute) { body[field] = .string(value) }
        }
        if let compatibilities = planned.stringListAttribute("requires_compatibilities"), !compatibilities.isEmpty {
            body["requiresCompatibilities"] = .tuple(compatibilities.map(Value.string))
        }
        let volumes = planned.blockList("volume").map { volume -> Value in
            var fields: [String: Value] = ["name": .string(volume.stringAttribute("name") ?? "")]
            if let path = volume.stringAttribute("host_path") { fields["host"] = .object(["sourcePath": .string(path)]) }
            return .object(fields)
        }
        if !volumes.isEmpty { body["volumes"] = .tuple(volumes) }
        let constraints = Self.constraintsList(planned.blockList("placement_constraints"))
        if !constraints.isEmpty { body["placementConstraints"] = .tuple(constraints) }
        let tags = AWSTags.map(of: planned)
        if !tags.isEmpty { body["tags"] = ECSTagging.list(tags) }
        let reply: Value
        do {
            reply = try api.json(.ecs, "RegisterTaskDefinition", .object(body))
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let definition = reply.singleBlock("taskDefinition"), definition.stringAttribute("taskDefinitionArn") != nil else {
            throw ProviderError("Registering ECS task definition \"\(family)\" failed", detail: "ECS RegisterTaskDefinition answered without a task definition.")
        }
        // moto's reply leaves the tags out; AWS's has what was sent.
        return state(from: definition, tags: tags, prior: planned)
    }

    /// Only tags change in place; a revision is otherwise immutable.
    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let arn = try prior.requiredString("arn", in: name)
        try ECSTagging.update(
            arn, from: AWSTags.map(of: prior), to: AWSTags.map(of: planned), api: api,
            doing: "tagging ECS task definition \"\(arn)\"")
        return try SchemaPlanning.resolvingUnknowns(planned, with: prior)
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let arn = prior.stringAttribute("arn") else { return }
        do {
            _ = try api.json(.ecs, "DeregisterTaskDefinition", .object(["taskDefinition": .string(arn)]), idempotent: true)
        } catch {
            // Deregistering an INACTIVE revision is refused; it is gone as
            // far as the configuration is concerned.
            if try read(state: prior, api: api) == nil { return }
            throw ProviderError(error, while: "deregistering ECS task definition \"\(arn)\"")
        }
    }

    // MARK: Read, import, find

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let reference = state.stringAttribute("arn") ?? state.stringAttribute("id") ?? state.stringAttribute("family") else { return nil }
        let found: (definition: Value, tags: [String: String])?
        do {
            found = try describe(reference, api: api)
        } catch {
            throw ProviderError(error, while: "reading ECS task definition \"\(reference)\"")
        }
        guard let found else { return nil }
        return self.state(from: found.definition, tags: found.tags, prior: state)
    }

    /// Imports by family (its latest ACTIVE revision) or by revision ARN.
    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        let seed = Value.state(id.hasPrefix("arn:") ? ["arn": .string(id)] : ["id": .string(id)], schema: schema)
        guard let found = try read(state: seed, api: api) else {
            throw ProviderError(
                "Cannot import aws_ecs_task_definition \"\(id)\"",
                detail: "ECS has no ACTIVE task definition \"\(id)\" in \(api.region). Give a family (its latest ACTIVE revision is imported) or a revision's ARN.")
        }
        return found
    }

    /// The family's latest ACTIVE revision, when it is exactly what
    /// `request` asks for (a dead run registered it); else not found, and a
    /// new revision is registered.
    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let family = request.stringAttribute("family") else { return .cannotTell }
        guard let found = try read(state: request.updating(["id": .string(family), "arn": .null(.string)]), api: api) else { return .notFound }
        for (attribute, value) in schema.attributes where value.forcesReplacement {
            let wanted = request.attributes?[attribute] ?? .null
            if attribute == "network_mode", !wanted.isKnown || wanted.isNull { continue }
            if !wanted.hasSameContent(as: found.attributes?[attribute] ?? .null) { return .notFound }
        }
        for block in schema.blocks.keys where !(request.attributes?[block] ?? .null).hasSameContent(as: found.attributes?[block] ?? .null) {
            return .notFound
        }
        return .found(found)
    }

    /// The ACTIVE revision `reference` names (a family names its latest)
    /// and its tags; nil when ECS does not know it or it is deregistered.
    func describe(_ reference: String, api: AWSClient) throws(AWSError) -> (definition: Value, tags: [String: String])? {
        let reply: Value
        do {
            reply = try api.json(.ecs, "DescribeTaskDefinition", .object([
                "taskDefinition": .string(reference), "include": .tuple([.string("TAGS")]),
            ]))
        } catch where error.code == "ClientException" {
            // "Unable to describe task definition": no such family or revision.
            return nil
        }
        guard let definition = reply.singleBlock("taskDefinition"), definition.stringAttribute("status") == "ACTIVE" else { return nil }
        return (definition, AWSTags.map(fromJSON: reply.attributeValue("tags")))
    }

    // MARK: State

    /// The state for a described revision; `prior` (the plan or the
    /// recorded state) decides how equivalent values are spelled.
    func state(from definition: Value, tags: [String: String], prior: Value) -> Value {
        let arn = definition.stringAttribute("taskDefinitionArn") ?? ""
        let family = definition.stringAttribute("family") ?? ECSIdentifiers.taskDefinitionParts(arn).family
        let networkMode = definition.stringAttribute("networkMode")
        var attributes: [String: Value] = [
            "family": .string(family),
            "id": .string(family),
            "arn": .string(arn),
            "arn_without_revision": .string(Self.withoutRevision(arn)),
            "revision": .optionalInt(definition.intAttribute("revision")),
            "container_definitions": .string(ECSContainerDefinitions.stateText(
                reported: definition.blockList("containerDefinitions"), recorded: prior.stringAttribute("container_definitions"),
                networkMode: networkMode)),
            "network_mode": .optionalString(networkMode),
            "pid_mode": .optionalString(definition.stringAttribute("pidMode")),
            "execution_role_arn": .optionalString(definition.stringAttribute("executionRoleArn")),
            "task_role_arn": .optionalString(definition.stringAttribute("taskRoleArn")),
            "tags": tags.isEmpty && prior.attributeValue("tags") == nil ? .null(.map(.string)) : AWSTags.value(tags),
        ]
        for (attribute, field, unit) in [("cpu", "cpu", Self.cpuUnit), ("memory", "memory", Self.memoryUnit)] {
            let reported = definition.stringAttribute(field) ?? definition.intAttribute(field).map(String.init)
            if let reported, let recorded = prior.stringAttribute(attribute), Self.sameSize(recorded, reported, unit: unit) {
                attributes[attribute] = .string(recorded)
            } else {
                attributes[attribute] = .optionalString(reported)
            }
        }
        let compatibilities = definition.stringListAttribute("requiresCompatibilities") ?? []
        attributes["requires_compatibilities"] = compatibilities.isEmpty ? .null(.set(.string)) : .stringSet(compatibilities)
        attributes["volume"] = .set(definition.blockList("volumes").map { volume in
            let path = volume.singleBlock("host")?.stringAttribute("sourcePath")
            return .object([
                "name": .optionalString(volume.stringAttribute("name")),
                "host_path": .optionalString(path?.isEmpty == true ? nil : path),
            ])
        }, element: Self.volumeBlock.content.valueType)
        attributes["placement_constraints"] = .set(definition.blockList("placementConstraints").map { constraint in
            .object([
                "type": .optionalString(constraint.stringAttribute("type")),
                "expression": .optionalString(constraint.stringAttribute("expression")),
            ])
        }, element: Self.placementConstraintBlock.content.valueType)
        return Value.state(attributes, schema: schema)
    }

    static func withoutRevision(_ arn: String) -> String {
        guard let colon = arn.lastIndex(of: ":"), Int(arn[arn.index(after: colon)...]) != nil else { return arn }
        return String(arn[..<colon])
    }

    static func constraintsList(_ blocks: [Value]) -> [Value] {
        blocks.map { constraint -> Value in
            var fields: [String: Value] = ["type": .string(constraint.stringAttribute("type") ?? "")]
            if let expression = constraint.stringAttribute("expression") { fields["expression"] = .string(expression) }
            return .object(fields)
        }
    }

    // MARK: Sizes

    /// Units per "vCPU" and per "GB": AWS accepts `"1 vCPU"` and `"2 GB"`
    /// and reports them back as `"1024"` and `"2048"`.
    static let cpuUnit = (suffix: "vcpu", scale: 1024.0)
    static let memoryUnit = (suffix: "gb", scale: 1024.0)

    /// The size in the API's base unit: a plain number, or a number with
    /// the unit's suffix (case and spaces ignored).
    static func size(_ text: String, unit: (suffix: String, scale: Double)) -> Double? {
        let compact = text.lowercased().replacingOccurrences(of: " ", with: "")
        if let plain = Double(compact) { return plain }
        guard compact.hasSuffix(unit.suffix), let amount = Double(compact.dropLast(unit.suffix.count)) else { return nil }
        return amount * unit.scale
    }

    static func sameSize(_ a: String, _ b: String, unit: (suffix: String, scale: Double)) -> Bool {
        if a == b { return true }
        guard let left = size(a, unit: unit), let right = size(b, unit: unit) else { return false }
        return left == right
    }
}
