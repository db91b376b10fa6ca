import PCAWS
import PCLang
import PCProvider

/// `aws_iam_role_policy_attachment`: a managed policy attached to a role.
/// Both arguments force replacement; the id is `role/policy_arn`, which is
/// also what import takes (role names cannot hold a slash, ARNs can).
struct IAMRolePolicyAttachmentResource: AWSResourceType {
    let name = "aws_iam_role_policy_attachment"
    /// How long an attachment (or a role just created) may stay invisible.
    var propagationTimeout: Double = 120

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "role/policy_arn."),
                "role": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The name of the role."),
                "policy_arn": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The ARN of the managed policy to attach."),
            ],
            summary: "Attaches a managed IAM policy to a role.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        if let arn = request.configuration.stringAttribute("policy_arn"), !(arn.hasPrefix("arn:") && arn.contains(":policy/")) {
            throw ProviderError(
                "Invalid policy_arn \"\(arn)\"",
                detail: "policy_arn must be the ARN of a managed policy, like arn:aws:iam::aws:policy/ReadOnlyAccess.",
                attribute: ValuePath([.attribute("policy_arn")]))
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let roleName = try planned.requiredString("role", in: name)
        let arn = try planned.requiredString("policy_arn", in: name)
        let id = Self.id(role: roleName, policyARN: arn)
        let doing = "attaching policy \"\(arn)\" to IAM role \"\(roleName)\""
        do {
            // Attachments to one role race each other when several apply at
            // once; attaching twice is harmless.
            try IAMRequests.retrying(while: ["ConcurrentModification"], timeout: propagationTimeout) { () throws(AWSError) in
                _ = try api.query(.iam, "AttachRolePolicy", [("RoleName", roleName), ("PolicyArn", arn)], idempotent: true)
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
        let state = Value.state(["id": .string(id), "role": .string(roleName), "policy_arn": .string(arn)], schema: schema)
        do {
            _ = try IAMRequests.waitUntilVisible("the attachment \"\(id)\"", timeout: propagationTimeout) { () throws(AWSError) -> Bool? in
                try isAttached(role: roleName, policyARN: arn, api: api) ? true : nil
            }
        } catch {
            throw ProviderError(error, while: "checking the attachment \"\(id)\" after \(doing)", createdObject: state)
        }
        return state
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let (roleName, arn) = Self.parts(of: state) else { return nil }
        do {
            guard try isAttached(role: roleName, policyARN: arn, api: api) else { return nil }
        } catch {
            throw ProviderError(error, while: "reading the policy attachments of IAM role \"\(roleName)\"")
        }
        return .state(["id": .string(Self.id(role: roleName, policyARN: arn)), "role": .string(roleName), "policy_arn": .string(arn)], schema: schema)
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let (roleName, arn) = Self.parts(of: prior) else { return }
        do {
            try IAMRequests.ignoringNotFound { () throws(AWSError) in
                _ = try api.query(.iam, "DetachRolePolicy", [("RoleName", roleName), ("PolicyArn", arn)])
            }
        } catch {
            throw ProviderError(error, while: "detaching policy \"\(arn)\" from IAM role \"\(roleName)\"")
        }
    }

    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        guard let slash = id.firstIndex(of: "/"), slash != id.startIndex, id[id.index(after: slash)...].hasPrefix("arn:") else {
            throw ProviderError(
                "Invalid import id \"\(id)\"",
                detail: "aws_iam_role_policy_attachment is imported by role name and policy ARN joined by a slash, "
                    + "like \"my-role/arn:aws:iam::aws:policy/ReadOnlyAccess\".")
        }
        guard let found = try read(state: .state(["id": .string(id)], schema: schema), api: api) else {
            throw ProviderError(
                "Cannot import aws_iam_role_policy_attachment \"\(id)\"",
                detail: "Policy \(id[id.index(after: slash)...]) is not attached to IAM role \"\(id[..<slash])\" (or the role does not exist).")
        }
        return found
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let roleName = request.stringAttribute("role"), let arn = request.stringAttribute("policy_arn") else { return .cannotTell }
        guard let found = try read(state: .state(["role": .string(roleName), "policy_arn": .string(arn)], schema: schema), api: api) else {
            return .notFound
        }
        return .found(found)
    }

    // MARK: Helpers

    static func id(role: String, policyARN: String) -> String { "\(role)/\(policyARN)" }

    /// Role and ARN from the id, split at its first slash; else from the attributes.
    static func parts(of state: Value) -> (String, String)? {
        if let id = state.stringAttribute("id"), let slash = id.firstIndex(of: "/") {
            return (String(id[..<slash]), String(id[id.index(after: slash)...]))
        }
        guard let role = state.stringAttribute("role"), let arn = state.stringAttribute("policy_arn") else { return nil }
        return (role, arn)
    }

    /// Whether the role lists the policy; false when the role is gone.
    private func isAttached(role: String, policyARN: String, api: AWSClient) throws(AWSError) -> Bool {
        do {
            let attached = try IAMRequests.all(api, "ListAttachedRolePolicies", [("RoleName", role)], list: "AttachedPolicies")
            return attached.contains { $0.string("PolicyArn") == policyARN }
        } catch where error.code == IAMRequests.notFound {
            return false
        }
    }
}
