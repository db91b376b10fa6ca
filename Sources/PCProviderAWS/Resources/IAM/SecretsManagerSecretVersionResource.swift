import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_secretsmanager_secret_version`: one value of a secret, id
/// `arn|version_id`. A new value is a new version (replacement); staging
/// labels move in place.
///
/// The value never appears in errors: AWS messages that might echo it are
/// scrubbed, and the debug log redacts `SecretString` (PCAWS).
///
/// Destroying removes the version's labels, which deprecates it (AWS deletes
/// deprecated versions on its own schedule), except `AWSCURRENT`, which AWS
/// only lets move to another version: a current version stays current
/// until a newer one is put or the secret is deleted, as in Terraform. A
/// version without labels reads as gone.
struct SecretsManagerSecretVersionResource: AWSResourceType {
    let name = "aws_secretsmanager_secret_version"
    static let currentStage = "AWSCURRENT"
    /// How long a version just put may stay invisible.
    var propagationTimeout: Double = 60

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The secret's ARN and the version id, joined by |."),
                "arn": AttributeSchema(.string, .computed, summary: "The secret's ARN."),
                "secret_id": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The secret (ARN or name) the version belongs to."),
                "secret_string": AttributeSchema(.string, .required, forcesReplacement: true, sensitive: true, summary: "The value to store (text, often JSON); sensitive."),
                "version_stages": AttributeSchema(.set(.string), .optionalComputed, summary: "Staging labels of the version; AWSCURRENT when unset."),
                "version_id": AttributeSchema(.string, .computed, summary: "The version's id."),
            ],
            summary: "One value (version) of a Secrets Manager secret.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        if let stages = request.configuration.attributeValue("version_stages")?.elements, stages.isEmpty {
            throw ProviderError(
                "Empty version_stages",
                detail: "A version without staging labels is deprecated and AWS deletes it. Leave version_stages unset (AWSCURRENT) or name at least one label.",
                attribute: ValuePath([.attribute("version_stages")]))
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let secretID = try planned.requiredString("secret_id", in: name)
        let value = try planned.requiredString("secret_string", in: name)
        // The token names the version: resending the same request (a retry)
        // makes no second version.
        var body: [String: Value] = [
            "SecretId": .string(secretID), "SecretString": .string(value), "ClientRequestToken": .string(UUID().uuidString.lowercased()),
        ]
        if let stages = planned.stringListAttribute("version_stages"), planned.attributeValue("version_stages")?.isWhollyKnown == true {
            body["VersionStages"] = .tuple(stages.map(Value.string))
        }
        let arn: String, versionID: String
        do throws(AWSError) {
            let reply = try api.json(.secretsManager, "PutSecretValue", .object(body), idempotent: true)
            guard let replyARN = reply.stringAttribute("ARN"), let replyVersion = reply.stringAttribute("VersionId") else {
                throw AWSError(code: "InvalidReply", message: "PutSecretValue answered without ARN and VersionId", service: "secretsmanager", operation: "PutSecretValue")
            }
            (arn, versionID) = (replyARN, replyVersion)
        } catch {
            throw Self.scrubbed(ProviderError(error, while: "putting a new value into secret \"\(secretID)\""), value)
        }
        let id = Self.id(arn: arn, versionID: versionID)
        let recorded = planned.updating(["id": .string(id), "arn": .string(arn), "version_id": .string(versionID)])
        do {
            let version = try IAMRequests.waitUntilVisible("secret version \"\(id)\"", timeout: propagationTimeout) { () throws(AWSError) in
                try fetch(arn: arn, versionID: versionID, api: api)
            }
            return state(from: version, arn: arn, versionID: versionID, recorded: recorded)
        } catch {
            let failure = ProviderError(
                error, while: "reading secret version \"\(id)\" after putting it",
                createdObject: recorded.updating(["version_stages": .null(.set(.string))]))
            throw Self.scrubbed(failure, value)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let (arn, versionID) = Self.parts(of: state) else { return nil }
        do {
            guard let version = try fetch(arn: arn, versionID: versionID, api: api) else { return nil }
            return self.state(from: version, arn: arn, versionID: versionID, recorded: state)
        } catch {
            throw Self.scrubbed(ProviderError(error, while: "reading secret version \"\(Self.id(arn: arn, versionID: versionID))\""), state.stringAttribute("secret_string"))
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        guard let (arn, versionID) = Self.parts(of: prior) else {
            throw ProviderError("Cannot update aws_secretsmanager_secret_version", detail: "The recorded state has no id (arn|version_id).")
        }
        let id = Self.id(arn: arn, versionID: versionID)
        let old = Set(prior.stringListAttribute("version_stages") ?? [])
        let new = Set(planned.stringListAttribute("version_stages") ?? [])
        do {
            if !new.subtracting(old).isEmpty {
                let holders = try stageHolders(arn: arn, api: api)
                for stage in new.subtracting(old).sorted() {
                    var body: [String: Value] = ["SecretId": .string(arn), "VersionStage": .string(stage), "MoveToVersionId": .string(versionID)]
                    // AWS insists on naming the version a label comes from.
                    if let holder = holders[stage], holder != versionID { body["RemoveFromVersionId"] = .string(holder) }
                    _ = try api.json(.secretsManager, "UpdateSecretVersionStage", .object(body))
                }
            }
            for stage in old.subtracting(new).sorted() where stage != Self.currentStage {
                _ = try api.json(.secretsManager, "UpdateSecretVersionStage", .object([
                    "SecretId": .string(arn), "VersionStage": .string(stage), "RemoveFromVersionId": .string(versionID),
                ]))
            }
        } catch {
            throw ProviderError(error, while: "moving the staging labels of secret version \"\(id)\"")
        }
        guard let current = try read(state: planned.updating(["id": .string(id)]), api: api) else {
            throw ProviderError(
                "Secret version \"\(id)\" disappeared",
                detail: "Its staging labels were changed but then it could not be found. Run plan again to put the value again.")
        }
        return current
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let (arn, versionID) = Self.parts(of: prior) else { return }
        do {
            guard let version = try fetch(arn: arn, versionID: versionID, api: api) else { return }
            for stage in Self.stages(of: version).sorted() where stage != Self.currentStage {
                _ = try api.json(.secretsManager, "UpdateSecretVersionStage", .object([
                    "SecretId": .string(arn), "VersionStage": .string(stage), "RemoveFromVersionId": .string(versionID),
                ]))
            }
        } catch where Self.isGone(error) {
            return
        } catch {
            throw Self.scrubbed(
                ProviderError(error, while: "removing the staging labels of secret version \"\(Self.id(arn: arn, versionID: versionID))\""),
                prior.stringAttribute("secret_string"))
        }
    }

    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        guard let bar = id.lastIndex(of: "|"), bar != id.startIndex, id.index(after: bar) != id.endIndex else {
            throw ProviderError(
                "Invalid import id \"\(id)\"",
                detail: "aws_secretsmanager_secret_version is imported by the secret's ARN and the version id joined by |, "
                    + "like \"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf|6f1c…\".")
        }
        guard let found = try read(state: .state(["id": .string(id)], schema: schema), api: api) else {
            throw ProviderError(
                "Cannot import aws_secretsmanager_secret_version \"\(id)\"",
                detail: "The secret has no version \"\(id[id.index(after: bar)...])\" with a staging label (or the secret does not exist).")
        }
        return found
    }

    /// A dead run's PutSecretValue made a version holding the requested
    /// labels (AWSCURRENT when none) and the requested value.
    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let secretID = request.stringAttribute("secret_id"), let value = request.stringAttribute("secret_string") else { return .cannotTell }
        let wanted = Set(request.attributeValue("version_stages")?.isWhollyKnown == true
            ? request.stringListAttribute("version_stages") ?? [] : [Self.currentStage])
        do {
            // DescribeSecret first: it resolves a name to the ARN, and says
            // plainly when the secret does not exist.
            let secret = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(secretID)]))
            guard secret.attributeValue("DeletedDate") == nil, let arn = secret.stringAttribute("ARN") else { return .notFound }
            var token: String?
            repeat {
                var body: [String: Value] = ["SecretId": .string(arn)]
                if let token { body["NextToken"] = .string(token) }
                let page = try api.json(.secretsManager, "ListSecretVersionIds", .object(body))
                for entry in page.blockList("Versions") {
                    guard let versionID = entry.stringAttribute("VersionId"),
                          wanted.isSubset(of: Set(entry.stringListAttribute("VersionStages") ?? [])),
                          let version = try fetch(arn: arn, versionID: versionID, api: api),
                          version.stringAttribute("SecretString") == value else { continue }
                    let seed = request.updating(["id": .string(Self.id(arn: arn, versionID: versionID))])
                    return .found(state(from: version, arn: arn, versionID: versionID, recorded: seed))
                }
                // An empty or repeated token ends the list as surely as none.
                let next = page.stringAttribute("NextToken")
                token = next.flatMap { $0.isEmpty || $0 == token ? nil : $0 }
            } while token != nil
        } catch where Self.isGone(error) {
            return .notFound
        } catch {
            throw Self.scrubbed(ProviderError(error, while: "looking for a version of secret \"\(secretID)\" made by an interrupted run"), value)
        }
        return .notFound
    }

    // MARK: Helpers

    static func id(arn: String, versionID: String) -> String { "\(arn)|\(versionID)" }

    /// ARN and version id from `arn|version_id` (ARNs hold no `|`), else
    /// from the attributes.
    static func parts(of state: Value) -> (String, String)? {
        if let id = state.stringAttribute("id"), let bar = id.lastIndex(of: "|") {
            return (String(id[..<bar]), String(id[id.index(after: bar)...]))
        }
        guard let arn = state.stringAttribute("arn"), let versionID = state.stringAttribute("version_id") else { return nil }
        return (arn, versionID)
    }

    /// The secret, or the version, no longer exists (or the secret is
    /// scheduled for deletion).
    static func isGone(_ error: AWSError) -> Bool {
        error.code == "ResourceNotFoundException"
            || (error.code == "InvalidRequestException" && error.message.localizedCaseInsensitiveContains("delet"))
    }

    /// `error` with every occurrence of the secret value masked, in case an
    /// AWS message echoes a parameter.
    static func scrubbed(_ error: ProviderError, _ secret: String?) -> ProviderError {
        guard let secret, !secret.isEmpty else { return error }
        var clean = error
        clean.summary = clean.summary.replacingOccurrences(of: secret, with: AWSRedactor.mask)
        clean.detail = clean.detail.replacingOccurrences(of: secret, with: AWSRedactor.mask)
        return clean
    }

    static func stages(of version: Value) -> [String] {
        version.stringListAttribute("VersionStages") ?? []
    }

    /// GetSecretValue for the version; nil when it is gone or has no
    /// staging label left.
    private func fetch(arn: String, versionID: String, api: AWSClient) throws(AWSError) -> Value? {
        do {
            let reply = try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(arn), "VersionId": .string(versionID)]))
            return Self.stages(of: reply).isEmpty ? nil : reply
        } catch where Self.isGone(error) {
            return nil
        }
    }

    /// Which version holds each staging label now.
    private func stageHolders(arn: String, api: AWSClient) throws(AWSError) -> [String: String] {
        let reply = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
        var holders: [String: String] = [:]
        for (versionID, stages) in reply.attributeValue("VersionIdsToStages")?.attributes ?? [:] {
            for stage in stages.elements?.compactMap(\.stringValue) ?? [] { holders[stage] = versionID }
        }
        return holders
    }

    private func state(from version: Value, arn: String, versionID: String, recorded: Value) -> Value {
        .state([
            "id": .string(Self.id(arn: arn, versionID: versionID)),
            "arn": .string(version.stringAttribute("ARN") ?? arn),
            "secret_id": .string(recorded.stringAttribute("secret_id") ?? arn),
            "secret_string": .optionalString(version.stringAttribute("SecretString")),
            "version_stages": .stringSet(Self.stages(of: version)),
            "version_id": .string(versionID),
        ], schema: schema)
    }
}
