import PCAWS
import PCLang
import PCProvider

/// `aws_efs_file_system`: an Elastic File System.
///
/// The creation token names the file system for EFS's own idempotency; when
/// the configuration sets none, the plan makes one up, so that a run that
/// died after CreateFileSystem finds its file system by that token. Tags
/// change in place (TagResource/UntagResource), throughput through
/// UpdateFileSystem; everything else is fixed at creation.
struct EFSFileSystemResource: AWSResourceType {
    let name = "aws_efs_file_system"

    static let performanceModes = ["generalPurpose", "maxIO"]
    static let throughputModes = ["bursting", "provisioned", "elastic"]
    /// The API's minimum (botocore: ProvisionedThroughputInMibps min 1.0);
    /// moto does not check it, so the plan does.
    static let minimumProvisionedThroughput = 1.0

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The file system id (fs-…)."),
                "arn": AttributeSchema(.string, .computed, summary: "The file system's ARN."),
                "creation_token": AttributeSchema(
                    .string, .optionalComputed, forcesReplacement: true,
                    summary: "Unique name (up to 64 characters) that makes creation idempotent; generated when unset."),
                "performance_mode": AttributeSchema(
                    .string, .optionalComputed, forcesReplacement: true, summary: "generalPurpose (AWS's default) or maxIO."),
                "throughput_mode": AttributeSchema(
                    .string, .optional, summary: "bursting (the default), provisioned or elastic."),
                "provisioned_throughput_in_mibps": AttributeSchema(
                    .number, .optional, summary: "MiB/s to provision, at least 1.0; required with throughput_mode = provisioned."),
                "encrypted": AttributeSchema(.bool, .optionalComputed, forcesReplacement: true, summary: "Whether the data is encrypted at rest."),
                "kms_key_id": AttributeSchema(
                    .string, .optionalComputed, forcesReplacement: true, summary: "ARN of the KMS key for encryption; needs encrypted = true."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags; the Name tag is the file system's name."),
                "name": AttributeSchema(.string, .computed, summary: "The value of the Name tag (empty without one)."),
                "dns_name": AttributeSchema(.string, .computed, summary: "The DNS name to mount: <id>.efs.<region>.amazonaws.com."),
                "owner_id": AttributeSchema(.string, .computed, summary: "The AWS account that owns the file system."),
                "number_of_mount_targets": AttributeSchema(.number, .computed, summary: "How many mount targets the file system has."),
            ],
            summary: "An Elastic File System (EFS) file system.")
    }

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        guard !request.proposed.isNull else { return PlannedChange(planned: request.proposed) }
        let config = request.configuration
        var changes: [String: Value] = [:]
        let mode = config.stringAttribute("throughput_mode") ?? "bursting"
        if request.configuration.attributes?["throughput_mode"]?.isKnown ?? true {
            changes["throughput_mode"] = .string(mode)
        }
        try validate(config, throughputMode: mode)
        if request.proposed.attributes?["creation_token"]?.isNull ?? true {
            changes["creation_token"] = .string(StorageStateSupport.uniqueName(prefix: "pcplan-", length: 40))
        }
        var planned = SchemaPlanning.plan(
            PlanChangeRequest(
                type: request.type, prior: request.prior, proposed: request.proposed.updating(changes),
                configuration: request.configuration),
            schema: schema)
        // The name follows the Name tag, so a tag change shows it.
        if let tags = planned.planned.attributes?["tags"], tags.isWhollyKnown {
            planned.planned = planned.planned.updating(["name": .string(AWSTags.map(of: planned.planned)["Name"] ?? "")])
        }
        return planned
    }

    private func validate(_ config: Value, throughputMode mode: String) throws(ProviderError) {
        if let performance = config.stringAttribute("performance_mode"), !Self.performanceModes.contains(performance) {
            throw StorageStateSupport.invalid(
                "Invalid performance_mode", "performance_mode = \"\(performance)\" is not one of \(Self.performanceModes.joined(separator: ", ")).",
                attribute: "performance_mode")
        }
        if config.attributes?["throughput_mode"]?.isKnown ?? true, !Self.throughputModes.contains(mode) {
            throw StorageStateSupport.invalid(
                "Invalid throughput_mode", "throughput_mode = \"\(mode)\" is not one of \(Self.throughputModes.joined(separator: ", ")).",
                attribute: "throughput_mode")
        }
        let throughputValue = config.attributes?["provisioned_throughput_in_mibps"] ?? .null(.number)
        if let throughput = throughputValue.numberValue?.doubleValue {
            if throughput < Self.minimumProvisionedThroughput {
                throw StorageStateSupport.invalid(
                    "provisioned_throughput_in_mibps is too small",
                    "provisioned_throughput_in_mibps = \(throughputValue.numberValue!) is below EFS's minimum of 1.0 MiB/s.",
                    attribute: "provisioned_throughput_in_mibps")
            }
            if config.attributes?["throughput_mode"]?.isKnown ?? true, mode != "provisioned" {
                throw StorageStateSupport.invalid(
                    "provisioned_throughput_in_mibps needs throughput_mode = \"provisioned\"",
                    "provisioned_throughput_in_mibps only applies to provisioned throughput, but throughput_mode is \"\(mode)\". "
                        + "Set throughput_mode = \"provisioned\" or remove provisioned_throughput_in_mibps.",
                    attribute: "provisioned_throughput_in_mibps")
            }
        } else if mode == "provisioned", throughputValue.isNull {
            throw StorageStateSupport.invalid(
                "Missing provisioned_throughput_in_mibps",
                "throughput_mode = \"provisioned\" needs provisioned_throughput_in_mibps (at least 1.0 MiB/s).",
                attribute: "provisioned_throughput_in_mibps")
        }
        if let token = config.stringAttribute("creation_token"), token.isEmpty || token.utf8.count > 64 {
            throw StorageStateSupport.invalid(
                "Invalid creation_token", "creation_token must be 1 to 64 characters long; it has \(token.utf8.count).",
                attribute: "creation_token")
        }
        if config.stringAttribute("kms_key_id") != nil, config.boolAttribute("encrypted") != true,
           config.attributes?["encrypted"]?.isKnown ?? true {
            throw StorageStateSupport.invalid(
                "kms_key_id needs encrypted = true", "A KMS key only applies to an encrypted file system: set encrypted = true as well.",
                attribute: "kms_key_id")
        }
    }

    // MARK: Create, read, update, delete

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let token = try planned.requiredString("creation_token", in: name)
        var body: [String: Value] = ["CreationToken": .string(token)]
        let mode = planned.stringAttribute("throughput_mode") ?? "bursting"
        body["ThroughputMode"] = .string(mode)
        if mode == "provisioned", let throughput = planned.attributeValue("provisioned_throughput_in_mibps") {
            body["ProvisionedThroughputInMibps"] = throughput
        }
        if let performance = planned.stringAttribute("performance_mode") { body["PerformanceMode"] = .string(performance) }
        if let encrypted = planned.boolAttribute("encrypted") { body["Encrypted"] = .bool(encrypted) }
        if let key = planned.stringAttribute("kms_key_id") { body["KmsKeyId"] = .string(key) }
        let tags = AWSTags.map(of: planned)
        if !tags.isEmpty { body["Tags"] = AWSTags.jsonList(tags) }

        let reply: Value
        do {
            reply = try api.rest(.efs, "CreateFileSystem", method: "POST", path: EFSAPI.fileSystems, body: .object(body))
        } catch {
            var failure = ProviderError(error, while: "creating EFS file system with creation token \"\(token)\"")
            if error.code == "FileSystemAlreadyExists" {
                failure.detail += "\nA file system with this creation token exists already: import it "
                    + "(pcplan import <address> <fs-id>) or choose another creation_token."
            }
            throw failure
        }
        guard let id = reply.stringAttribute("FileSystemId") else {
            throw ProviderError(
                "Creating EFS file system \"\(token)\" gave no id",
                detail: "CreateFileSystem succeeded but its reply has no FileSystemId; look the file system up by its creation token and import it.")
        }
        let soFar = StorageStateSupport.knownState(planned, ["id": .string(id)], schema: schema)
        do {
            let available = try EFSAPI.waitForFileSystem(id, api: api)
            return state(from: available, prior: planned, region: api.region)
        } catch {
            throw ProviderError(error, while: "waiting for EFS file system \(id) to become available", createdObject: soFar)
        }
    }

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let id = try state.requiredString("id", in: name)
        do {
            guard let found = try EFSAPI.fileSystem(id, api: api) else { return nil }
            return self.state(from: found, prior: state, region: api.region)
        } catch {
            throw ProviderError(error, while: "reading EFS file system \(id)")
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let id = try prior.requiredString("id", in: name)
        let throughputChanged = ["throughput_mode", "provisioned_throughput_in_mibps"].contains { attribute in
            !(prior.attributes?[attribute] ?? .null).hasSameContent(as: planned.attributes?[attribute] ?? .null)
        }
        if throughputChanged {
            let mode = planned.stringAttribute("throughput_mode") ?? "bursting"
            var body: [String: Value] = ["ThroughputMode": .string(mode)]
            if mode == "provisioned", let throughput = planned.attributeValue("provisioned_throughput_in_mibps") {
                body["ProvisionedThroughputInMibps"] = throughput
            }
            do {
                _ = try api.rest(.efs, "UpdateFileSystem", method: "PUT", path: EFSAPI.fileSystemPath(id), body: .object(body))
                _ = try EFSAPI.waitForFileSystem(id, api: api)
            } catch {
                throw ProviderError(error, while: "changing the throughput of EFS file system \(id)")
            }
        }
        try updateTags(id, from: AWSTags.map(of: prior), to: AWSTags.map(of: planned), api: api)
        guard let found = try read(state: planned, api: api) else {
            throw ProviderError(
                "EFS file system \(id) disappeared",
                detail: "The file system was deleted outside pcplan while it was being updated. Run plan again to create it anew.")
        }
        return found
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let id = try prior.requiredString("id", in: name)
        do {
            _ = try api.rest(.efs, "DeleteFileSystem", method: "DELETE", path: EFSAPI.fileSystemPath(id))
        } catch where error.code == "FileSystemNotFound" {
            return
        } catch {
            var failure = ProviderError(error, while: "deleting EFS file system \(id)")
            if error.code == "FileSystemInUse" {
                failure.detail += "\nThe file system still has mount targets: delete them first (pcplan does when they are in the same configuration)."
            }
            throw failure
        }
        do {
            try EFSAPI.waitForFileSystemGone(id, api: api)
        } catch {
            throw ProviderError(error, while: "waiting for EFS file system \(id) to be deleted")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let token = request.stringAttribute("creation_token") else { return .cannotTell }
        do {
            guard let found = try EFSAPI.fileSystem(creationToken: token, api: api) else { return .notFound }
            return .found(state(from: found, prior: request, region: api.region))
        } catch {
            throw ProviderError(error, while: "looking for an EFS file system with creation token \"\(token)\"")
        }
    }

    // MARK: Tags and state

    private func updateTags(_ id: String, from old: [String: String], to new: [String: String], api: AWSClient) throws(ProviderError) {
        let (set, remove) = AWSTags.changes(from: old, to: new)
        do {
            if !remove.isEmpty {
                _ = try api.rest(
                    .efs, "UntagResource", method: "DELETE", path: EFSAPI.tagsPath(id), query: remove.map { ("tagKeys", $0) })
            }
            if !set.isEmpty {
                let tags = Dictionary(uniqueKeysWithValues: set.map { ($0.key, $0.value) })
                _ = try api.rest(
                    .efs, "TagResource", method: "POST", path: EFSAPI.tagsPath(id), body: .object(["Tags": AWSTags.jsonList(tags)]))
            }
        } catch {
            throw ProviderError(error, while: "updating the tags of EFS file system \(id)")
        }
    }

    /// The state from a FileSystemDescription. `prior` only supplies what
    /// the reply may lack (the ARN, from an older API).
    private func state(from description: Value, prior: Value, region: String) -> Value {
        let id = description.stringAttribute("FileSystemId") ?? prior.stringAttribute("id") ?? ""
        let owner = description.stringAttribute("OwnerId") ?? prior.stringAttribute("owner_id") ?? ""
        let mode = description.stringAttribute("ThroughputMode") ?? "bursting"
        let tags = AWSTags.map(fromJSON: description.attributeValue("Tags"))
        // AWS may keep reporting the last provisioned figure after a switch
        // away from provisioned; it means nothing then.
        let throughput = mode == "provisioned"
            ? description.attributeValue("ProvisionedThroughputInMibps") ?? .null(.number) : .null(.number)
        return .state([
            "id": .string(id),
            "arn": .string(description.stringAttribute("FileSystemArn") ?? EFSAPI.fileSystemARN(id, region: region, account: owner)),
            "creation_token": .optionalString(description.stringAttribute("CreationToken") ?? prior.stringAttribute("creation_token")),
            "performance_mode": .string(description.stringAttribute("PerformanceMode") ?? "generalPurpose"),
            "throughput_mode": .string(mode),
            "provisioned_throughput_in_mibps": throughput,
            "encrypted": .bool(description.boolAttribute("Encrypted") ?? false),
            "kms_key_id": .optionalString(description.stringAttribute("KmsKeyId")),
            "tags": StorageStateSupport.tags(tags, prior: prior),
            "name": .string(description.stringAttribute("Name") ?? tags["Name"] ?? ""),
            "dns_name": .string(EFSAPI.dnsName(fileSystem: id, region: region)),
            "owner_id": .string(owner),
            "number_of_mount_targets": .number(description.intAttribute("NumberOfMountTargets") ?? 0),
        ], schema: schema)
    }
}
