import PCAWS
import PCLang
import PCProvider

/// `aws_ecs_cluster`: an ECS cluster, with its settings (containerInsights)
/// and tags. Settings change through UpdateCluster, which AWS and moto both
/// implement (moto lacks UpdateClusterSettings).
struct ECSClusterResource: AWSResourceType {
    let name = "aws_ecs_cluster"

    /// How long a deleted cluster may take to report INACTIVE, and how long
    /// a delete is retried while the cluster still holds services or tasks
    /// that are draining.
    var deleteTimeout = 600.0
    var pollInterval = 5.0

    static let settingBlock = BlockSchema(.set, ResourceSchema(
        attributes: [
            "name": AttributeSchema(.string, .required, summary: "The setting's name: containerInsights."),
            "value": AttributeSchema(.string, .required, summary: "The setting's value: enabled, enhanced or disabled."),
        ],
        summary: "One cluster setting."))

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "name": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The cluster's name (up to 255 letters, digits, hyphens and underscores)."),
                "tags": AttributeSchema(.map(.string), .optional, summary: "Tags for the cluster."),
                "arn": AttributeSchema(.string, .computed, summary: "The cluster's ARN."),
                "id": AttributeSchema(.string, .computed, summary: "The cluster's ARN."),
            ],
            blocks: ["setting": Self.settingBlock],
            summary: "An ECS cluster.")
    }

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        if let clusterName = request.configuration.stringAttribute("name"), !Self.isValidName(clusterName) {
            throw ProviderError(
                "Invalid ECS cluster name",
                detail: "name = \"\(clusterName)\" is not a valid ECS cluster name: use 1 to 255 letters, digits, hyphens and underscores.",
                attribute: ValuePath([.attribute("name")]))
        }
        for setting in request.configuration.blockList("setting") {
            if let settingName = setting.stringAttribute("name"), settingName != "containerInsights" {
                throw ProviderError(
                    "Unsupported ECS cluster setting",
                    detail: "setting \"\(settingName)\" is not an ECS cluster setting; the only one is containerInsights.",
                    attribute: ValuePath([.attribute("setting")]))
            }
        }
        return SchemaPlanning.plan(request, schema: schema)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    // MARK: Create, update, delete

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let clusterName = try planned.requiredString("name", in: name)
        let doing = "creating ECS cluster \"\(clusterName)\""
        var body: [String: Value] = ["clusterName": .string(clusterName)]
        let settings = Self.settings(of: planned)
        if !settings.isEmpty { body["settings"] = Self.settingsList(settings) }
        let tags = AWSTags.map(of: planned)
        if !tags.isEmpty { body["tags"] = ECSTagging.list(tags) }
        let reply: Value
        do {
            // CreateCluster returns the existing cluster for a name already
            // taken, so repeating it is safe.
            reply = try api.json(.ecs, "CreateCluster", .object(body), idempotent: true)
        } catch {
            throw ProviderError(error, while: doing)
        }
        guard let cluster = reply.singleBlock("cluster"), let arn = cluster.stringAttribute("clusterArn") else {
            throw ProviderError("Creating ECS cluster \"\(clusterName)\" failed", detail: "ECS CreateCluster answered without a cluster.")
        }
        let created = state(from: cluster, tags: tags, prior: planned)
        guard cluster.stringAttribute("status") != "ACTIVE" else { return created }
        do {
            let active = try AWSWaiter.wait(for: "ECS cluster \"\(clusterName)\" to become ACTIVE", timeout: deleteTimeout, interval: pollInterval) {
                () throws(AWSError) -> Value? in
                guard let found = try describe(arn, api: api), found.stringAttribute("status") == "ACTIVE" else { return nil }
                return found
            }
            return state(from: active, tags: AWSTags.map(fromJSON: active.attributeValue("tags")), prior: planned)
        } catch {
            throw ProviderError(error, while: doing, createdObject: created)
        }
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let arn = try prior.requiredString("arn", in: name)
        let doing = "updating ECS cluster \"\(planned.stringAttribute("name") ?? arn)\""
        let old = Self.settings(of: prior), new = Self.settings(of: planned)
        if old != new {
            // UpdateCluster only sets what it is given: a setting removed
            // from the configuration goes back to AWS's default.
            var settings = new
            for settingName in old.keys where new[settingName] == nil { settings[settingName] = "disabled" }
            do {
                _ = try api.json(.ecs, "UpdateCluster", .object(["cluster": .string(arn), "settings": Self.settingsList(settings)]))
            } catch {
                throw ProviderError(error, while: doing)
            }
        }
        try ECSTagging.update(arn, from: AWSTags.map(of: prior), to: AWSTags.map(of: planned), api: api, doing: doing)
        guard let found = try read(state: planned.updating(["arn": .string(arn), "id": .string(arn)]), api: api) else {
            throw ProviderError("ECS cluster \"\(arn)\" disappeared", detail: "The cluster was updated, but ECS no longer describes it. Run plan again to create it anew.")
        }
        return found
    }

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        guard let reference = prior.stringAttribute("arn") ?? prior.stringAttribute("name") else { return }
        let doing = "deleting ECS cluster \"\(prior.stringAttribute("name") ?? reference)\""
        // Services being deleted drain for a while; AWS refuses to delete
        // the cluster until they are gone.
        let busy: Set<String> = [
            "ClusterContainsServicesException", "ClusterContainsTasksException",
            "ClusterContainsContainerInstancesException", "UpdateInProgressException", "ResourceInUseException",
        ]
        do throws(AWSError) {
            _ = try AWSWaiter.wait(for: "ECS cluster \"\(reference)\" to be emptied and deleted", timeout: deleteTimeout, interval: pollInterval) {
                () throws(AWSError) -> Bool? in
                do throws(AWSError) {
                    _ = try api.json(.ecs, "DeleteCluster", .object(["cluster": .string(reference)]))
                    return true
                } catch where error.code == "ClusterNotFoundException" {
                    return true
                } catch where busy.contains(error.code) {
                    return nil
                }
            }
            _ = try AWSWaiter.wait(for: "ECS cluster \"\(reference)\" to become INACTIVE", timeout: deleteTimeout, interval: pollInterval) {
                () throws(AWSError) -> Bool? in
                try describe(reference, api: api) == nil ? true : nil
            }
        } catch {
            throw ProviderError(error, while: doing)
        }
    }

    // MARK: Read, import, find

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        guard let reference = state.stringAttribute("arn") ?? state.stringAttribute("id") ?? state.stringAttribute("name") else { return nil }
        let cluster: Value?
        do {
            cluster = try describe(reference, api: api)
        } catch {
            throw ProviderError(error, while: "reading ECS cluster \"\(reference)\"")
        }
        guard let cluster else { return nil }
        return self.state(from: cluster, tags: AWSTags.map(fromJSON: cluster.attributeValue("tags")), prior: state)
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let clusterName = request.stringAttribute("name") else { return .cannotTell }
        guard let found = try read(state: Value.state(["name": .string(clusterName), "setting": request.attributes?["setting"] ?? .null], schema: schema), api: api) else {
            return .notFound
        }
        return .found(found)
    }

    /// The ACTIVE cluster `reference` names, with settings and tags; nil
    /// when ECS does not know it or it is INACTIVE (deleted).
    func describe(_ reference: String, api: AWSClient) throws(AWSError) -> Value? {
        let reply = try api.json(.ecs, "DescribeClusters", .object([
            "clusters": .tuple([.string(reference)]), "include": .tuple([.string("SETTINGS"), .string("TAGS")]),
        ]))
        guard let cluster = reply.blockList("clusters").first, cluster.stringAttribute("status") != "INACTIVE" else { return nil }
        return cluster
    }

    // MARK: State

    /// The state for a described cluster. AWS reports containerInsights
    /// "disabled" for a cluster created without settings; that is its
    /// default, so it shows only when `prior` (the configuration or the
    /// recorded state) lists that setting.
    func state(from cluster: Value, tags: [String: String], prior: Value) -> Value {
        let arn = cluster.stringAttribute("clusterArn") ?? prior.stringAttribute("arn")
        let listed = Set(Self.settings(of: prior).keys)
        var settings: [Value] = []
        for setting in cluster.blockList("settings") {
            guard let settingName = setting.stringAttribute("name"), let value = setting.stringAttribute("value") else { continue }
            if settingName == "containerInsights", value == "disabled", !listed.contains(settingName) { continue }
            settings.append(.object(["name": .string(settingName), "value": .string(value)]))
        }
        return Value.state([
            "name": .optionalString(cluster.stringAttribute("clusterName") ?? prior.stringAttribute("name")),
            "arn": .optionalString(arn),
            "id": .optionalString(arn),
            "tags": tags.isEmpty && prior.attributeValue("tags") == nil ? .null(.map(.string)) : AWSTags.value(tags),
            "setting": .set(settings, element: Self.settingBlock.content.valueType),
        ], schema: schema)
    }

    static func settings(of object: Value) -> [String: String] {
        var settings: [String: String] = [:]
        for setting in object.blockList("setting") {
            if let name = setting.stringAttribute("name") { settings[name] = setting.stringAttribute("value") ?? "" }
        }
        return settings
    }

    static func settingsList(_ settings: [String: String]) -> Value {
        .tuple(settings.keys.sorted().map { .object(["name": .string($0), "value": .string(settings[$0] ?? "")]) })
    }
}
