import PCAWS
import PCLang
import PCProvider

/// `aws_iam_role_policy`: an inline policy of a role, id `role:name`.
///
/// PutRolePolicy both creates and replaces the document, so a changed
/// policy is an in-place update; a new role or name is another object.
struct IAMRolePolicyResource: AWSResourceType {
    let name = "aws_iam_role_policy"
    /// How long a policy just put may stay invisible to GetRolePolicy.
    var propagationTimeout: Double = 120

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "role:name."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The policy's name; generated when unset."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Generate a unique name starting with this prefix (conflicts with name)."),
                "role": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The name of the role the policy belongs to."),
                "policy": AttributeSchema(.string, .required, jsonDocument: true, summary: "The policy document (JSON)."),
            ],
            summary: "An inline policy of an IAM role.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try ResourceNaming.validate(request.configuration, rules: .iam(maxLength: 128), in: name)
        try IAMPolicyDocument.validate(request.configuration, attribute: "policy", in: name)
        var adjusted = request
        adjusted.proposed = IAMPolicyDocument.keepingEquivalent(request.proposed, prior: request.prior, attributes: ["policy"])
        return ResourceNaming.sparingPrefixOnlyChange(SchemaPlanning.plan(adjusted, schema: schema), prior: request.prior, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let roleName = try planned.requiredString("role", in: name)
        let policyName = ResourceNaming.resolvedName(planned)
        let id = Self.id(role: roleName, policy: policyName)
        try put(planned, role: roleName, policy: policyName, api: api, doing: "creating IAM role policy \"\(id)\"")
        let recorded = planned.updating(["id": .string(id), "name": .string(policyName)])
        do {
            let document = try IAMRequests.waitUntilVisible("IAM role policy \"\(id)\"", timeout: propagationTimeout) { () throws(AWSError) in
                try fetch(role: roleName, policy: policyName, api: api)
            }
            return state(role: roleName, policy: policyName, document: document, recorded: recorded)
        } catch {
            throw ProviderError(error, while: "reading IAM role policy \"\(id)\" after creating it", createdObject: recorded)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let (roleName, policyName) = Self.parts(of: state) else { return nil }
        let id = Self.id(role: roleName, policy: policyName)
        do {
            guard let document = try fetch(role: roleName, policy: policyName, api: api) else { return nil }
            return self.state(role: roleName, policy: policyName, document: document, recorded: state)
        } catch {
            throw ProviderError(error, while: "reading IAM role policy \"\(id)\"")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        guard let (roleName, policyName) = Self.parts(of: prior) else {
            throw ProviderError("Cannot update aws_iam_role_policy", detail: "The recorded state has no role and name.")
        }
        let id = Self.id(role: roleName, policy: policyName)
        if !IAMPolicyDocument.areEquivalent(planned.stringAttribute("policy") ?? "", prior.stringAttribute("policy") ?? "") {
            try put(planned, role: roleName, policy: policyName, api: api, doing: "updating IAM role policy \"\(id)\"")
        }
        guard let current = try read(state: planned.updating(["id": .string(id), "name": .string(policyName)]), api: api) else {
            throw ProviderError(
                "IAM role policy \"\(id)\" disappeared", detail: "The policy was put but then could not be found. Run plan again to recreate it.")
        }
        return current
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let (roleName, policyName) = Self.parts(of: prior) else { return }
        do {
            try IAMRequests.ignoringNotFound { () throws(AWSError) in
                _ = try api.query(.iam, "DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
            }
        } catch {
            throw ProviderError(error, while: "deleting IAM role policy \"\(Self.id(role: roleName, policy: policyName))\"")
        }
    }

    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        guard let colon = id.firstIndex(of: ":"), colon != id.startIndex, id.index(after: colon) != id.endIndex else {
            throw ProviderError(
                "Invalid import id \"\(id)\"",
                detail: "aws_iam_role_policy is imported by role name and policy name joined by a colon, like \"my-role:my-policy\".")
        }
        let seed = Value.state(["id": .string(id)], schema: schema)
        guard let found = try read(state: seed, api: api) else {
            throw ProviderError(
                "Cannot import aws_iam_role_policy \"\(id)\"",
                detail: "Role \"\(id[..<colon])\" has no inline policy \"\(id[id.index(after: colon)...])\" (or the role does not exist).")
        }
        return found
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let roleName = request.stringAttribute("role"), let policyName = request.stringAttribute("name") else { return .cannotTell }
        guard let found = try read(state: request.updating(["id": .string(Self.id(role: roleName, policy: policyName))]), api: api) else {
            return .notFound
        }
        return .found(found)
    }

    // MARK: Helpers

    static func id(role: String, policy: String) -> String { "\(role):\(policy)" }

    /// Role and policy name from the id (`role:name`; role names cannot
    /// hold a colon), else from the attributes.
    static func parts(of state: Value) -> (String, String)? {
        if let id = state.stringAttribute("id"), let colon = id.firstIndex(of: ":") {
            return (String(id[..<colon]), String(id[id.index(after: colon)...]))
        }
        guard let role = state.stringAttribute("role"), let policy = state.stringAttribute("name") else { return nil }
        return (role, policy)
    }

    private func put(_ planned: Value, role: String, policy: String, api: AWSClient, doing: String) throws(ProviderError) {
        let document = try planned.requiredString("policy", in: name)
        do {
            // PutRolePolicy sets the whole document: repeating it is harmless.
            _ = try api.query(.iam, "PutRolePolicy", [("RoleName", role), ("PolicyName", policy), ("PolicyDocument", document)], idempotent: true)
        } catch {
            var failure = ProviderError(error, while: doing, attribute: error.code == "MalformedPolicyDocument" ? ValuePath([.attribute("policy")]) : nil)
            if error.code == IAMRequests.notFound { failure.detail += "\nThere is no IAM role \"\(role)\": check the role argument." }
            throw failure
        }
    }

    /// The decoded document, or nil when the role or the policy is gone.
    private func fetch(role: String, policy: String, api: AWSClient) throws(AWSError) -> String? {
        do {
            let reply = try api.query(.iam, "GetRolePolicy", [("RoleName", role), ("PolicyName", policy)])
            return reply.string("GetRolePolicyResult", "PolicyDocument") ?? ""
        } catch where error.code == IAMRequests.notFound {
            return nil
        }
    }

    private func state(role: String, policy: String, document: String, recorded: Value) -> Value {
        .state([
            "id": .string(Self.id(role: role, policy: policy)),
            "name": .string(policy),
            "name_prefix": .optionalString(recorded.stringAttribute("name_prefix")),
            "role": .string(role),
            "policy": .string(IAMPolicyDocument.reconciled(aws: document, recorded: recorded.stringAttribute("policy"))),
        ], schema: schema)
    }
}
