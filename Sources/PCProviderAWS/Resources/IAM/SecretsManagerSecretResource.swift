import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_secretsmanager_secret`: a secret's metadata (its values are
/// `aws_secretsmanager_secret_version`s). The id is the secret's ARN.
///
/// Destroying schedules deletion after `recovery_window_in_days` (30 by
/// default); during that window the name stays taken and the secret counts
/// as gone. `recovery_window_in_days = 0` deletes at once
/// (ForceDeleteWithoutRecovery) and waits until the name is free.
struct SecretsManagerSecretResource: AWSResourceType {
    let name = "aws_secretsmanager_secret"
    static let defaultRecoveryWindow = 30
    /// Secrets Manager's own key, what AWS uses when no key is given.
    static let defaultKeyAlias = "alias/aws/secretsmanager"
    /// How long a new secret may stay invisible, or a deleted one visible.
    var propagationTimeout: Double = 60

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The secret's ARN."),
                "arn": AttributeSchema(.string, .computed, summary: "The secret's ARN."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The secret's name; generated when unset."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Generate a unique name starting with this prefix (conflicts with name)."),
                "description": AttributeSchema(.string, .optional, summary: "A description of the secret."),
                "kms_key_id": AttributeSchema(.string, .optional, summary: "KMS key (ARN, id or alias) that encrypts the values; Secrets Manager's own key when unset."),
                "recovery_window_in_days": AttributeSchema(.number, .optional, summary: "Days a destroyed secret can still be restored: 0 (delete at once) or 7 to 30; default 30."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags of the secret."),
            ],
            summary: "A Secrets Manager secret (its metadata; values are secret versions).")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        let configuration = request.configuration
        try ResourceNaming.validate(configuration, rules: .secret, in: name)
        var proposed = request.proposed
        if let days = configuration.attributeValue("recovery_window_in_days") {
            guard let whole = days.numberValue?.intValue, whole == 0 || (7...30).contains(whole) else {
                throw ProviderError(
                    "Invalid recovery_window_in_days",
                    detail: "recovery_window_in_days must be 0 (delete without recovery) or a whole number of days from 7 to 30.",
                    attribute: ValuePath([.attribute("recovery_window_in_days")]))
            }
        } else if configuration.attributes?["recovery_window_in_days"]?.isNull ?? true {
            proposed = proposed.updating(["recovery_window_in_days": .number(Self.defaultRecoveryWindow)])
        }
        var adjusted = request
        adjusted.proposed = proposed
        return ResourceNaming.sparingPrefixOnlyChange(SchemaPlanning.plan(adjusted, schema: schema), prior: request.prior, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let secretName = ResourceNaming.resolvedName(planned)
        var body: [String: Value] = ["Name": .string(secretName)]
        if let description = planned.stringAttribute("description") { body["Description"] = .string(description) }
        if let key = planned.stringAttribute("kms_key_id") { body["KmsKeyId"] = .string(key) }
        let tags = AWSTags.map(of: planned)
        if !tags.isEmpty { body["Tags"] = AWSTags.jsonList(tags) }
        let arn: String
        do throws(AWSError) {
            let reply = try api.json(.secretsManager, "CreateSecret", .object(body))
            guard let created = reply.stringAttribute("ARN") else {
                throw AWSError(code: "InvalidReply", message: "CreateSecret answered without an ARN", service: "secretsmanager", operation: "CreateSecret")
            }
            arn = created
        } catch {
            var failure = ProviderError(error, while: "creating secret \"\(secretName)\"")
            if error.code == "ResourceExistsException" || error.code == "InvalidRequestException" {
                failure.detail += "\nA secret named \"\(secretName)\" exists, or was destroyed with a recovery window and is still scheduled "
                    + "for deletion. Import it, restore it (aws secretsmanager restore-secret) or choose another name."
            }
            throw failure
        }
        let recorded = planned.updating(["id": .string(arn), "arn": .string(arn), "name": .string(secretName)])
        do {
            let secret = try IAMRequests.waitUntilVisible("secret \"\(secretName)\"", timeout: propagationTimeout) { () throws(AWSError) in
                try fetch(arn, api: api)
            }
            return state(from: secret, recorded: recorded)
        } catch {
            throw ProviderError(error, while: "reading secret \"\(secretName)\" after creating it", createdObject: recorded)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let secretID = state.stringAttribute("id") ?? state.stringAttribute("arn") ?? state.stringAttribute("name") else { return nil }
        do {
            guard let secret = try fetch(secretID, api: api) else { return nil }
            return self.state(from: secret, recorded: state)
        } catch {
            throw ProviderError(error, while: "reading secret \"\(secretID)\"")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let arn = try prior.requiredString("id", in: name)
        let doing = "updating secret \"\(prior.stringAttribute("name") ?? arn)\""
        do {
            let description = planned.stringAttribute("description")
            let key = planned.stringAttribute("kms_key_id")
            if description != prior.stringAttribute("description") || key != prior.stringAttribute("kms_key_id") {
                // The token is what AWS SDKs fill in for this idempotency
                // field; without a value it only names the request.
                var body: [String: Value] = [
                    "SecretId": .string(arn), "Description": .string(description ?? ""),
                    "ClientRequestToken": .string(UUID().uuidString.lowercased()),
                ]
                if key != prior.stringAttribute("kms_key_id") { body["KmsKeyId"] = .string(key ?? Self.defaultKeyAlias) }
                _ = try api.json(.secretsManager, "UpdateSecret", .object(body))
            }
            let tags = AWSTags.changes(from: AWSTags.map(of: prior), to: AWSTags.map(of: planned))
            if !tags.remove.isEmpty {
                _ = try api.json(.secretsManager, "UntagResource", .object([
                    "SecretId": .string(arn), "TagKeys": .tuple(tags.remove.map(Value.string)),
                ]))
            }
            if !tags.set.isEmpty {
                _ = try api.json(.secretsManager, "TagResource", .object([
                    "SecretId": .string(arn),
                    "Tags": AWSTags.jsonList(Dictionary(uniqueKeysWithValues: tags.set.map { ($0.key, $0.value) })),
                ]))
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let current = try read(state: planned.updating(["id": .string(arn)]), api: api) else {
            throw ProviderError(
                "Secret \"\(arn)\" disappeared", detail: "The secret was updated but then could not be found. Run plan again to recreate it.")
        }
        return current
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let arn = prior.stringAttribute("id") ?? prior.stringAttribute("arn") else { return }
        let days = prior.intAttribute("recovery_window_in_days") ?? Self.defaultRecoveryWindow
        var body: [String: Value] = ["SecretId": .string(arn)]
        if days == 0 {
            body["ForceDeleteWithoutRecovery"] = .true
        } else {
            body["RecoveryWindowInDays"] = .number(days)
        }
        do {
            _ = try api.json(.secretsManager, "DeleteSecret", .object(body))
        } catch where error.code == "ResourceNotFoundException" {
            return
        } catch where error.code == "InvalidRequestException" && error.message.localizedCaseInsensitiveContains("delet") {
            // Already scheduled for deletion: nothing left to do, unless the
            // user now wants it gone at once, which AWS refuses here.
            return
        } catch {
            throw ProviderError(error, while: "deleting secret \"\(prior.stringAttribute("name") ?? arn)\"")
        }
        guard days == 0 else { return }
        // Deletion without recovery completes in the background: wait until
        // the name is free, so that a replacement can take it.
        do throws(AWSError) {
            _ = try AWSWaiter.wait(for: "secret \"\(arn)\" to be deleted", timeout: propagationTimeout, interval: 1) {
                () throws(AWSError) -> Bool? in
                do throws(AWSError) {
                    _ = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
                    return nil
                } catch where error.code == "ResourceNotFoundException" {
                    return true
                }
            }
        } catch {
            throw ProviderError(error, while: "waiting for secret \"\(prior.stringAttribute("name") ?? arn)\" to be deleted")
        }
    }

    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        guard let found = try read(state: .state(["id": .string(id)], schema: schema), api: api) else {
            throw ProviderError(
                "Cannot import aws_secretsmanager_secret \"\(id)\"",
                detail: "No secret \"\(id)\" exists in \(api.region), or it is scheduled for deletion. Import by the secret's ARN (or name).")
        }
        return found
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let secretName = request.stringAttribute("name") else { return .cannotTell }
        guard let found = try read(state: request.updating(["id": .string(secretName)]), api: api) else { return .notFound }
        return .found(found)
    }

    // MARK: Reading

    /// DescribeSecret's reply, or nil when the secret is gone or scheduled
    /// for deletion (which Terraform, too, treats as gone).
    private func fetch(_ secretID: String, api: AWSClient) throws(AWSError) -> Value? {
        do {
            let reply = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(secretID)]))
            return reply.attributeValue("DeletedDate") == nil ? reply : nil
        } catch where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    private func state(from secret: Value, recorded: Value) -> Value {
        let arn = secret.stringAttribute("ARN") ?? recorded.stringAttribute("arn") ?? ""
        let description = secret.stringAttribute("Description").flatMap { $0.isEmpty ? nil : $0 }
        var key = secret.stringAttribute("KmsKeyId")
        if let given = key, given == Self.defaultKeyAlias || given.hasSuffix(":" + Self.defaultKeyAlias) { key = nil }
        let tags = AWSTags.map(fromJSON: secret.attributeValue("Tags"))
        let recordedTags = recorded.attributeValue("tags")
        return .state([
            "id": .string(arn),
            "arn": .string(arn),
            "name": .optionalString(secret.stringAttribute("Name")),
            "name_prefix": .optionalString(recorded.stringAttribute("name_prefix")),
            "description": .optionalString(description ?? (recorded.stringAttribute("description") == "" ? "" : nil)),
            "kms_key_id": .optionalString(key),
            "recovery_window_in_days": .number(recorded.intAttribute("recovery_window_in_days") ?? Self.defaultRecoveryWindow),
            "tags": tags.isEmpty && (recordedTags?.count ?? 0) == 0 ? (recordedTags ?? .null(.map(.string))) : AWSTags.value(tags),
        ], schema: schema)
    }
}
