import PCAWS
import PCLang
import PCProvider

/// `aws_iam_instance_profile`: the container that hands a role to EC2
/// instances. Its role changes in place (remove the old, add the new);
/// name and path force a new profile.
struct IAMInstanceProfileResource: AWSResourceType {
    let name = "aws_iam_instance_profile"
    /// How long a profile just created may stay invisible, or a role just
    /// removed may still block the delete.
    var propagationTimeout: Double = 120

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The profile's name."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The profile's name; generated when unset."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Generate a unique name starting with this prefix (conflicts with name)."),
                "path": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The profile's path, \"/\" by default."),
                "role": AttributeSchema(.string, .optional, summary: "The name of the role in the profile."),
                "arn": AttributeSchema(.string, .computed, summary: "The profile's ARN."),
                "unique_id": AttributeSchema(.string, .computed, summary: "The stable id AWS gives the profile (AIPA…)."),
                "create_date": AttributeSchema(.string, .computed, summary: "When the profile was created (ISO 8601)."),
            ],
            summary: "An IAM instance profile holding one role, for EC2 instances.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try ResourceNaming.validate(request.configuration, rules: .iam(maxLength: 128), in: name)
        try ResourceNaming.validatePath(request.configuration, in: name)
        return ResourceNaming.sparingPrefixOnlyChange(SchemaPlanning.plan(request, schema: schema), prior: request.prior, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let profileName = ResourceNaming.resolvedName(planned)
        var parameters: [(String, String)] = [("InstanceProfileName", profileName)]
        if let path = planned.stringAttribute("path") { parameters.append(("Path", path)) }
        do {
            _ = try api.query(.iam, "CreateInstanceProfile", parameters)
        } catch {
            var failure = ProviderError(error, while: "creating IAM instance profile \"\(profileName)\"")
            if error.code == "EntityAlreadyExists" {
                failure.detail += "\nAn instance profile named \"\(profileName)\" already exists in this account. "
                    + "Adopt it with pcplan import (id \"\(profileName)\") or choose another name."
            }
            throw failure
        }
        var recorded = planned.updating(["id": .string(profileName), "name": .string(profileName)])
        do {
            let profile = try IAMRequests.waitUntilVisible("IAM instance profile \"\(profileName)\"", timeout: propagationTimeout) {
                () throws(AWSError) in try fetch(profileName, api: api)
            }
            // Until the role is in, the profile is recorded without one, so
            // a failure below leaves a state that plans the role again.
            recorded = state(from: profile, recorded: recorded).updating(["role": .null(.string)])
        } catch {
            throw ProviderError(error, while: "reading IAM instance profile \"\(profileName)\" after creating it", createdObject: recorded)
        }
        if let roleName = planned.stringAttribute("role") {
            do {
                try addRole(roleName, to: profileName, api: api)
            } catch {
                throw ProviderError(error, while: "adding IAM role \"\(roleName)\" to instance profile \"\(profileName)\"", createdObject: recorded)
            }
        }
        guard let current = try read(state: recorded.updating(["role": planned.attributeValue("role") ?? .null(.string)]), api: api) else {
            throw ProviderError(
                "IAM instance profile \"\(profileName)\" disappeared",
                detail: "The profile was created but then could not be found. Run plan again to recreate it.", createdObject: recorded)
        }
        return current
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let profileName = state.stringAttribute("id") ?? state.stringAttribute("name") else { return nil }
        do {
            guard let profile = try fetch(profileName, api: api) else { return nil }
            return self.state(from: profile, recorded: state)
        } catch {
            throw ProviderError(error, while: "reading IAM instance profile \"\(profileName)\"")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let profileName = try prior.requiredString("id", in: name)
        let old = prior.stringAttribute("role")
        let new = planned.stringAttribute("role")
        if old != new {
            do {
                if let old {
                    try IAMRequests.ignoringNotFound { () throws(AWSError) in
                        _ = try api.query(.iam, "RemoveRoleFromInstanceProfile", [("InstanceProfileName", profileName), ("RoleName", old)])
                    }
                }
                if let new { try addRole(new, to: profileName, api: api) }
            } catch {
                throw ProviderError(error, while: "changing the role of IAM instance profile \"\(profileName)\" to \(new.map { "\"\($0)\"" } ?? "none")")
            }
        }
        guard let current = try read(state: planned.updating(["id": .string(profileName)]), api: api) else {
            throw ProviderError(
                "IAM instance profile \"\(profileName)\" disappeared",
                detail: "The profile was updated but then could not be found. Run plan again to recreate it.")
        }
        return current
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let profileName = prior.stringAttribute("id") ?? prior.stringAttribute("name") else { return }
        do {
            guard let profile = try fetch(profileName, api: api) else { return }
            // AWS refuses to delete a profile that still holds a role,
            // including one added outside this configuration.
            for role in profile.list("Roles") {
                guard let roleName = role.string("RoleName") else { continue }
                try IAMRequests.ignoringNotFound { () throws(AWSError) in
                    _ = try api.query(.iam, "RemoveRoleFromInstanceProfile", [("InstanceProfileName", profileName), ("RoleName", roleName)])
                }
            }
            try IAMRequests.retrying(while: ["DeleteConflict"], timeout: propagationTimeout) { () throws(AWSError) in
                try IAMRequests.ignoringNotFound { () throws(AWSError) in
                    _ = try api.query(.iam, "DeleteInstanceProfile", [("InstanceProfileName", profileName)])
                }
            }
        } catch {
            throw ProviderError(error, while: "deleting IAM instance profile \"\(profileName)\"")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let profileName = request.stringAttribute("name") else { return .cannotTell }
        guard let found = try read(state: request.updating(["id": .string(profileName)]), api: api) else { return .notFound }
        return .found(found)
    }

    // MARK: Helpers

    /// Adds the role. (A role made in the same run is already visible: the
    /// role's own create waits for that.)
    private func addRole(_ roleName: String, to profileName: String, api: AWSClient) throws(AWSError) {
        _ = try api.query(.iam, "AddRoleToInstanceProfile", [("InstanceProfileName", profileName), ("RoleName", roleName)])
    }

    /// The `InstanceProfile` element, or nil when there is no such profile.
    private func fetch(_ profileName: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        do {
            return try api.query(.iam, "GetInstanceProfile", [("InstanceProfileName", profileName)])["GetInstanceProfileResult", "InstanceProfile"]
        } catch where error.code == IAMRequests.notFound {
            return nil
        }
    }

    private func state(from profile: XMLValue, recorded: Value) -> Value {
        let profileName = profile.string("InstanceProfileName") ?? recorded.stringAttribute("name") ?? ""
        return .state([
            "id": .string(profileName),
            "name": .string(profileName),
            "name_prefix": .optionalString(recorded.stringAttribute("name_prefix")),
            "path": .optionalString(profile.string("Path")),
            "role": .optionalString(profile.list("Roles").first?.string("RoleName")),
            "arn": .optionalString(profile.string("Arn")),
            "unique_id": .optionalString(profile.string("InstanceProfileId")),
            "create_date": .optionalString(profile.string("CreateDate")),
        ], schema: schema)
    }
}
