import PCAWS
import PCLang
import PCProvider

/// `aws_security_group` with inline `ingress` / `egress` rules.
///
/// Rules change in place: the update compares the grants AWS has now with
/// the planned ones and revokes, authorizes or re-describes only what
/// differs. A new group comes with AWS's allow-all egress rule; when the
/// configuration has no `egress` block, egress is left as AWS has it (it is
/// optional and computed), so a group without egress blocks keeps
/// allow-all and never plans a change for it.
struct SecurityGroupResource: AWSResourceType {
    let name = "aws_security_group"
    static let defaultDescription = "Managed by pcplan"
    static let notFoundCodes: Set<String> = ["InvalidGroup.NotFound", "InvalidGroupId.NotFound"]

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The group id (sg-…)."),
                "arn": AttributeSchema(.string, .computed, summary: "The group's ARN."),
                "owner_id": AttributeSchema(.string, .computed, summary: "The account that owns the group."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The group name; generated when neither name nor name_prefix is set."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Creates a unique name starting with this prefix."),
                "description": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "The group description (default \"\(Self.defaultDescription)\"); AWS cannot change it."),
                "vpc_id": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The VPC; the region's default VPC when unset."),
                "revoke_rules_on_delete": AttributeSchema(.bool, .optional, summary: "Revoke every rule before deleting (for rules that reference other groups in a cycle). Default false."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags on the group."),
            ],
            blocks: [
                "ingress": SecurityGroupRules.block,
                "egress": SecurityGroupRules.block,
            ],
            summary: "A VPC security group with inline ingress and egress rules. Without egress blocks, egress is kept as AWS has it (allow-all on a new group).")
    }

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        let configuration = request.configuration
        try ResourceNaming.validate(configuration, rules: .anyCharacters(maxLength: 255), in: name)
        if configuration.stringAttribute("description") == "" {
            throw ProviderError(
                "Empty security group description",
                detail: "AWS requires a description; remove the argument to get \"\(Self.defaultDescription)\".",
                attribute: ValuePath([.attribute("description")]))
        }
        try SecurityGroupRules.validate(configuration.attributes?["ingress"] ?? .null, blockName: "ingress")
        try SecurityGroupRules.validate(configuration.attributes?["egress"] ?? .null, blockName: "egress")
        guard var proposed = request.proposed.attributes else { return SchemaPlanning.plan(request, schema: schema) }
        if proposed["description"]?.isNull ?? true { proposed["description"] = .string(Self.defaultDescription) }
        if proposed["revoke_rules_on_delete"]?.isNull ?? true { proposed["revoke_rules_on_delete"] = .false }
        if let tags = proposed["tags"], tags.isKnown, tags.count == 0 { proposed["tags"] = .null(.map(.string)) }
        proposed["ingress"] = SecurityGroupRules.normalized(proposed["ingress"] ?? .null)
        let egress = configuration.attributes?["egress"] ?? .null
        if egress.isKnown && (egress.elements?.isEmpty ?? true) {
            // No egress blocks: whatever AWS has (known only once it exists).
            let priorEgress = request.prior.isNull ? nil : request.prior.attributes?["egress"]
            proposed["egress"] = priorEgress ?? .unknown(SecurityGroupRules.block.valueType)
        } else {
            proposed["egress"] = SecurityGroupRules.normalized(egress)
        }
        var change = SchemaPlanning.plan(
            PlanChangeRequest(type: request.type, prior: request.prior, proposed: .object(proposed), configuration: configuration),
            schema: schema)
        if !change.requiresReplace.isEmpty, egress.elements?.isEmpty ?? true, var planned = change.planned.attributes {
            // The replacement gets AWS's default egress again.
            planned["egress"] = .unknown(SecurityGroupRules.block.valueType)
            change.planned = .object(planned)
        }
        return change
    }

    // MARK: Create

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let groupName = ResourceNaming.resolvedName(planned)
        let what = "creating security group \"\(groupName)\""
        var parameters: [(String, String)] = [
            ("GroupName", groupName),
            ("GroupDescription", planned.stringAttribute("description") ?? Self.defaultDescription),
        ]
        if let vpc = planned.stringAttribute("vpc_id") { parameters.append(("VpcId", vpc)) }
        parameters += AWSTags.ec2TagSpecification(resourceType: "security-group", AWSTags.map(of: planned))
        let groupID: String
        do throws(AWSError) {
            let reply = try api.query(.ec2, "CreateSecurityGroup", parameters, idempotent: false)
            guard let id = reply.string("groupId") else {
                throw AWSError(code: "InvalidResponse", message: "the reply has no groupId", service: "ec2", operation: "CreateSecurityGroup")
            }
            groupID = id
        } catch {
            throw ProviderError(error, while: what)
        }
        var state = planned.updating(["id": .string(groupID), "name": .string(groupName)])
        do throws(AWSError) {
            // EC2 is eventually consistent: the new id may not describe at once.
            let group = try AWSWaiter.wait(for: "security group \(groupID) to exist", timeout: 120, interval: 2) { () throws(AWSError) in
                try describe(groupID, api: api)
            }
            state = self.state(from: group, like: state, api: api)
            try syncRules(groupID: groupID, planned: planned, actual: group, api: api)
            guard let created = try describe(groupID, api: api) else {
                throw AWSError(code: "InvalidGroup.NotFound", message: "the group disappeared while its rules were set", service: "ec2", operation: "DescribeSecurityGroups")
            }
            return self.state(from: created, like: planned.updating(["id": .string(groupID), "name": .string(groupName)]), api: api)
        } catch {
            throw ProviderError(error, while: "setting up the rules of security group \(groupID)", createdObject: completed(state))
        }
    }

    // MARK: Read

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let id = try state.requiredString("id", in: name)
        do throws(AWSError) {
            guard let group = try describe(id, api: api) else { return nil }
            return self.state(from: group, like: state, api: api)
        } catch {
            throw ProviderError(error, while: "reading security group \(id)")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let groupName = request.stringAttribute("name") else { return .cannotTell }
        var filters: [(name: String, values: [String])] = [("group-name", [groupName])]
        if let vpc = request.stringAttribute("vpc_id") { filters.append(("vpc-id", [vpc])) }
        do throws(AWSError) {
            let groups = try EC2Filters.describeAll(api, "DescribeSecurityGroups", EC2Filters.parameters(filters), listName: "securityGroupInfo")
            guard let group = groups.first else { return .notFound }
            return .found(state(from: group, like: request, api: api))
        } catch {
            throw ProviderError(error, while: "looking for security group \"\(groupName)\"")
        }
    }

    // MARK: Update

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let id = try prior.requiredString("id", in: name)
        do throws(AWSError) {
            let (add, remove) = AWSTags.changes(from: AWSTags.map(of: prior), to: AWSTags.map(of: planned))
            if !remove.isEmpty {
                var parameters: [(String, String)] = [("ResourceId.1", id)]
                for (index, key) in remove.enumerated() { parameters.append(("Tag.\(index + 1).Key", key)) }
                _ = try api.query(.ec2, "DeleteTags", parameters, idempotent: true)
            }
            if !add.isEmpty {
                _ = try api.query(.ec2, "CreateTags", [("ResourceId.1", id)] + AWSTags.queryParameters(Dictionary(uniqueKeysWithValues: add.map { ($0.key, $0.value) }), prefix: "Tag"), idempotent: true)
            }
            guard let group = try describe(id, api: api) else {
                throw AWSError(code: "InvalidGroup.NotFound", message: "security group \(id) does not exist", service: "ec2", operation: "DescribeSecurityGroups")
            }
            try syncRules(groupID: id, planned: planned, actual: group, api: api)
            guard let updated = try describe(id, api: api) else {
                throw AWSError(code: "InvalidGroup.NotFound", message: "security group \(id) disappeared during the update", service: "ec2", operation: "DescribeSecurityGroups")
            }
            return state(from: updated, like: planned, api: api)
        } catch {
            throw ProviderError(error, while: "updating security group \(id)")
        }
    }

    // MARK: Delete

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let id = try prior.requiredString("id", in: name)
        do throws(AWSError) {
            if prior.boolAttribute("revoke_rules_on_delete") == true, let group = try describe(id, api: api) {
                try revokeAll(group, groupID: id, api: api)
            }
            // Network interfaces of deleted load balancers, tasks or Lambdas
            // hold groups for a while after their owner is gone.
            _ = try AWSWaiter.wait(for: "security group \(id) to be deletable", timeout: 600, interval: 5) { () throws(AWSError) -> Bool? in
                do throws(AWSError) {
                    _ = try api.query(.ec2, "DeleteSecurityGroup", [("GroupId", id)], idempotent: true)
                    return true
                } catch where Self.notFoundCodes.contains(error.code) {
                    return true
                } catch where error.code == "DependencyViolation" {
                    return nil
                }
            }
        } catch {
            throw ProviderError(error, while: "deleting security group \(id)")
        }
    }

    // MARK: Helpers

    /// The group as DescribeSecurityGroups has it, or nil when it does not exist.
    private func describe(_ id: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        do throws(AWSError) {
            return try api.query(.ec2, "DescribeSecurityGroups", [("GroupId.1", id)]).list("securityGroupInfo").first
        } catch where Self.notFoundCodes.contains(error.code) {
            return nil
        }
    }

    /// Revokes, re-describes and authorizes what differs between the
    /// planned rules and the group's rules now. Egress planned unknown
    /// (no egress blocks) is left as it is.
    private func syncRules(groupID: String, planned: Value, actual: XMLValue, api: AWSClient) throws(AWSError) {
        let directions: [(block: String, list: String, suffix: String)] = [
            ("ingress", "ipPermissions", "Ingress"), ("egress", "ipPermissionsEgress", "Egress"),
        ]
        for direction in directions {
            let wantedRules = planned.attributes?[direction.block] ?? .null
            guard wantedRules.isWhollyKnown else { continue }
            let wanted = SecurityGroupRules.grants(of: wantedRules, groupID: groupID)
            let have = SecurityGroupRules.grants(fromXML: actual.list(direction.list))
            let revoke = have.filter { wanted[$0.key] == nil }
            let authorize = wanted.filter { have[$0.key] == nil }
            let redescribe = wanted.filter { have[$0.key] != nil && have[$0.key] != $0.value }
            if !revoke.isEmpty {
                _ = try api.query(.ec2, "RevokeSecurityGroup\(direction.suffix)",
                                  [("GroupId", groupID)] + SecurityGroupRules.parameters(revoke, withDescriptions: false), idempotent: false)
            }
            if !redescribe.isEmpty {
                _ = try api.query(.ec2, "UpdateSecurityGroupRuleDescriptions\(direction.suffix)",
                                  [("GroupId", groupID)] + SecurityGroupRules.parameters(redescribe, withDescriptions: true), idempotent: true)
            }
            if !authorize.isEmpty {
                _ = try api.query(.ec2, "AuthorizeSecurityGroup\(direction.suffix)",
                                  [("GroupId", groupID)] + SecurityGroupRules.parameters(authorize, withDescriptions: true), idempotent: false)
            }
        }
    }

    private func revokeAll(_ group: XMLValue, groupID: String, api: AWSClient) throws(AWSError) {
        for (list, suffix) in [("ipPermissions", "Ingress"), ("ipPermissionsEgress", "Egress")] {
            let grants = SecurityGroupRules.grants(fromXML: group.list(list))
            guard !grants.isEmpty else { continue }
            _ = try api.query(.ec2, "RevokeSecurityGroup\(suffix)",
                              [("GroupId", groupID)] + SecurityGroupRules.parameters(grants, withDescriptions: false), idempotent: false)
        }
    }

    /// The state for a described group; arguments AWS does not keep
    /// (name_prefix, revoke_rules_on_delete) and the grouping of rules come
    /// from `like` (the prior or planned state).
    private func state(from group: XMLValue, like: Value, api: AWSClient) -> Value {
        let id = group.string("groupId") ?? like.stringAttribute("id") ?? ""
        let owner = group.string("ownerId") ?? ""
        // No tags reads as null, as a configuration without tags has them.
        let tags = AWSTags.map(fromXML: group.list("tagSet"))
        return .state([
            "id": .string(id),
            "arn": .string(group.string("securityGroupArn") ?? AWSARN.make(service: "ec2", region: api.region, account: owner, resource: "security-group/\(id)")),
            "owner_id": .string(owner),
            "name": .optionalString(group.string("groupName")),
            "name_prefix": .optionalString(like.stringAttribute("name_prefix")),
            "description": .optionalString(group.string("groupDescription")),
            "vpc_id": .optionalString(group.string("vpcId")),
            "revoke_rules_on_delete": .bool(like.boolAttribute("revoke_rules_on_delete") ?? false),
            "tags": tags.isEmpty ? .null(.map(.string)) : AWSTags.value(tags),
            "ingress": SecurityGroupRules.blocks(
                from: SecurityGroupRules.grants(fromXML: group.list("ipPermissions")), like: like.attributes?["ingress"], groupID: id),
            "egress": SecurityGroupRules.blocks(
                from: SecurityGroupRules.grants(fromXML: group.list("ipPermissionsEgress")), like: like.attributes?["egress"], groupID: id),
        ], schema: schema)
    }

    /// A state so far with nothing unknown left (for a failed create):
    /// unknown attributes become nulls, unknown rule blocks empty.
    private func completed(_ state: Value) -> Value {
        .state((state.attributes ?? [:]).filter { $0.value.isWhollyKnown }, schema: schema)
    }
}
