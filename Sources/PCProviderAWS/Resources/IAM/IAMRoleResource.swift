import PCAWS
import PCLang
import PCProvider

/// `aws_iam_role`: an IAM role with its trust policy.
///
/// The trust policy is compared by meaning (`IAMPolicyDocument`): AWS's
/// percent-encoded, re-serialised copy of an unchanged document is a no-op.
/// Deleting first takes the role out of its instance profiles and, with
/// `force_detach_policies`, detaches its managed policies and deletes its
/// inline ones, as Terraform does.
struct IAMRoleResource: AWSResourceType {
    let name = "aws_iam_role"
    /// How long to retry what IAM's propagation delay can make fail for a
    /// while: a principal just created, a policy just detached.
    var propagationTimeout: Double = 120

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The role's name."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The role's name; generated when unset."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Generate a unique name starting with this prefix (conflicts with name)."),
                "path": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The role's path, \"/\" by default."),
                "assume_role_policy": AttributeSchema(.string, .required, jsonDocument: true, summary: "The trust policy: who may assume the role (a JSON document)."),
                "description": AttributeSchema(.string, .optional, summary: "A description of the role."),
                "max_session_duration": AttributeSchema(.number, .optionalComputed, summary: "Longest session in seconds, 3600 (the default) to 43200."),
                "force_detach_policies": AttributeSchema(.bool, .optional, summary: "Detach managed and delete inline policies before deleting the role (default false)."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags of the role."),
                "arn": AttributeSchema(.string, .computed, summary: "The role's ARN."),
                "unique_id": AttributeSchema(.string, .computed, summary: "The stable id AWS gives the role (AROA…)."),
                "create_date": AttributeSchema(.string, .computed, summary: "When the role was created (ISO 8601)."),
            ],
            summary: "An IAM role with its trust policy.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        let configuration = request.configuration
        try ResourceNaming.validate(configuration, rules: .iam(maxLength: 64), in: name)
        try ResourceNaming.validatePath(configuration, in: name)
        try IAMPolicyDocument.validate(configuration, attribute: "assume_role_policy", in: name)
        if let seconds = configuration.intAttribute("max_session_duration"), !(3600...43200).contains(seconds) {
            throw ProviderError(
                "Invalid max_session_duration \(seconds)",
                detail: "max_session_duration is in seconds, from 3600 (one hour) to 43200 (twelve hours).",
                attribute: ValuePath([.attribute("max_session_duration")]))
        }
        var proposed = request.proposed
        if configuration.attributes?["force_detach_policies"]?.isNull ?? true {
            proposed = proposed.updating(["force_detach_policies": .false])
        }
        proposed = IAMPolicyDocument.keepingEquivalent(proposed, prior: request.prior, attributes: ["assume_role_policy"])
        var adjusted = request
        adjusted.proposed = proposed
        return ResourceNaming.sparingPrefixOnlyChange(SchemaPlanning.plan(adjusted, schema: schema), prior: request.prior, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let roleName = ResourceNaming.resolvedName(planned)
        let doing = "creating IAM role \"\(roleName)\""
        var parameters: [(String, String)] = [("RoleName", roleName)]
        if let path = planned.stringAttribute("path") { parameters.append(("Path", path)) }
        parameters.append(("AssumeRolePolicyDocument", try planned.requiredString("assume_role_policy", in: name)))
        if let description = planned.stringAttribute("description") { parameters.append(("Description", description)) }
        if let seconds = planned.intAttribute("max_session_duration") { parameters.append(("MaxSessionDuration", String(seconds))) }
        parameters += AWSTags.queryParameters(AWSTags.map(of: planned))
        do {
            // A principal created moments ago (another role, a user) can be
            // refused as invalid until IAM has propagated it.
            try IAMRequests.retrying(
                while: ["MalformedPolicyDocument"], timeout: propagationTimeout,
                matching: { $0.message.localizedCaseInsensitiveContains("invalid principal") }
            ) { () throws(AWSError) in
                _ = try api.query(.iam, "CreateRole", parameters)
            }
        } catch {
            var failure = ProviderError(
                error, while: doing, attribute: error.code == "MalformedPolicyDocument" ? ValuePath([.attribute("assume_role_policy")]) : nil)
            if error.code == "EntityAlreadyExists" {
                failure.detail += "\nA role named \"\(roleName)\" already exists in this account. Adopt it with pcplan import (id \"\(roleName)\") or choose another name."
            }
            throw failure
        }
        let recorded = planned.updating(["name": .string(roleName), "id": .string(roleName)])
        do {
            let role = try IAMRequests.waitUntilVisible("IAM role \"\(roleName)\"", timeout: propagationTimeout) { () throws(AWSError) in
                try fetch(roleName, api: api)
            }
            return state(from: role, recorded: recorded)
        } catch {
            throw ProviderError(error, while: "reading IAM role \"\(roleName)\" after creating it", createdObject: recorded)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let roleName = state.stringAttribute("id") ?? state.stringAttribute("name") else { return nil }
        do {
            guard let role = try fetch(roleName, api: api) else { return nil }
            return self.state(from: role, recorded: state)
        } catch {
            throw ProviderError(error, while: "reading IAM role \"\(roleName)\"")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let roleName = try prior.requiredString("id", in: name)
        let doing = "updating IAM role \"\(roleName)\""
        do {
            if let document = planned.stringAttribute("assume_role_policy"),
               !IAMPolicyDocument.areEquivalent(document, prior.stringAttribute("assume_role_policy") ?? "") {
                _ = try api.query(.iam, "UpdateAssumeRolePolicy", [("RoleName", roleName), ("PolicyDocument", document)])
            }
            let description = planned.stringAttribute("description")
            let seconds = planned.intAttribute("max_session_duration")
            if description != prior.stringAttribute("description") || (seconds != nil && seconds != prior.intAttribute("max_session_duration")) {
                var parameters = [("RoleName", roleName), ("Description", description ?? "")]
                if let seconds { parameters.append(("MaxSessionDuration", String(seconds))) }
                _ = try api.query(.iam, "UpdateRole", parameters)
            }
            let tags = AWSTags.changes(from: AWSTags.map(of: prior), to: AWSTags.map(of: planned))
            if !tags.remove.isEmpty {
                _ = try api.query(.iam, "UntagRole", [("RoleName", roleName)] + tags.remove.enumerated().map { ("TagKeys.member.\($0.offset + 1)", $0.element) })
            }
            if !tags.set.isEmpty {
                let set = Dictionary(uniqueKeysWithValues: tags.set.map { ($0.key, $0.value) })
                _ = try api.query(.iam, "TagRole", [("RoleName", roleName)] + AWSTags.queryParameters(set))
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let current = try read(state: planned.updating(["id": .string(roleName)]), api: api) else {
            throw ProviderError(
                "IAM role \"\(roleName)\" disappeared", detail: "The role was updated but then could not be found. Run plan again to recreate it.")
        }
        return current
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let roleName = prior.stringAttribute("id") ?? prior.stringAttribute("name") else { return }
        let parameter = [("RoleName", roleName)]
        do {
            for profile in try IAMRequests.all(api, "ListInstanceProfilesForRole", parameter, list: "InstanceProfiles") {
                guard let profileName = profile.string("InstanceProfileName") else { continue }
                try IAMRequests.ignoringNotFound { () throws(AWSError) in
                    _ = try api.query(.iam, "RemoveRoleFromInstanceProfile", [("InstanceProfileName", profileName), ("RoleName", roleName)])
                }
            }
            if prior.boolAttribute("force_detach_policies") == true {
                for policy in try IAMRequests.all(api, "ListAttachedRolePolicies", parameter, list: "AttachedPolicies") {
                    guard let arn = policy.string("PolicyArn") else { continue }
                    try IAMRequests.ignoringNotFound { () throws(AWSError) in
                        _ = try api.query(.iam, "DetachRolePolicy", [("RoleName", roleName), ("PolicyArn", arn)])
                    }
                }
                for policy in try IAMRequests.all(api, "ListRolePolicies", parameter, list: "PolicyNames") {
                    let policyName = policy.text
                    try IAMRequests.ignoringNotFound { () throws(AWSError) in
                        _ = try api.query(.iam, "DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
                    }
                }
            }
            // A policy detached or a profile emptied a moment ago can still
            // block the delete until IAM catches up.
            try IAMRequests.retrying(while: ["DeleteConflict"], timeout: propagationTimeout) { () throws(AWSError) in
                try IAMRequests.ignoringNotFound { () throws(AWSError) in _ = try api.query(.iam, "DeleteRole", parameter) }
            }
        } catch where error.code == IAMRequests.notFound {
            return
        } catch {
            var failure = ProviderError(error, while: "deleting IAM role \"\(roleName)\"")
            if error.code == "DeleteConflict" {
                failure.detail += "\nThe role still has managed policies attached or inline policies. Remove them first "
                    + "(their aws_iam_role_policy_attachment / aws_iam_role_policy resources), or set force_detach_policies = true and apply before destroying."
            }
            throw failure
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let roleName = request.stringAttribute("name") else { return .cannotTell }
        guard let found = try read(state: request.updating(["id": .string(roleName)]), api: api) else { return .notFound }
        return .found(found)
    }

    // MARK: Reading

    /// The role's `Role` element, or nil when IAM has no such role.
    private func fetch(_ roleName: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        do {
            return try api.query(.iam, "GetRole", [("RoleName", roleName)])["GetRoleResult", "Role"]
        } catch where error.code == IAMRequests.notFound {
            return nil
        }
    }

    /// The state from GetRole's `Role`; what AWS does not keep (the prefix,
    /// force_detach_policies) and the user's spelling of an unchanged trust
    /// policy come from `recorded`.
    func state(from role: XMLValue, recorded: Value) -> Value {
        let roleName = role.string("RoleName") ?? recorded.stringAttribute("name") ?? ""
        let awsDescription = role.string("Description").flatMap { $0.isEmpty ? nil : $0 }
        let recordedDescription = recorded.stringAttribute("description")
        let tags = AWSTags.map(fromXML: role.list("Tags"))
        let recordedTags = recorded.attributeValue("tags")
        return .state([
            "id": .string(roleName),
            "name": .string(roleName),
            "name_prefix": .optionalString(recorded.stringAttribute("name_prefix")),
            "path": .optionalString(role.string("Path")),
            "assume_role_policy": .optionalString(role.string("AssumeRolePolicyDocument").map {
                IAMPolicyDocument.reconciled(aws: $0, recorded: recorded.stringAttribute("assume_role_policy"))
            }),
            // AWS drops an empty description: keep a configured "" as "".
            "description": .optionalString(awsDescription ?? (recordedDescription == "" ? "" : nil)),
            "max_session_duration": .optionalInt(role.int("MaxSessionDuration")),
            "force_detach_policies": .bool(recorded.boolAttribute("force_detach_policies") ?? false),
            "tags": tags.isEmpty && (recordedTags?.count ?? 0) == 0 ? (recordedTags ?? .null(.map(.string))) : AWSTags.value(tags),
            "arn": .optionalString(role.string("Arn")),
            "unique_id": .optionalString(role.string("RoleId")),
            "create_date": .optionalString(role.string("CreateDate")),
        ], schema: schema)
    }
}
