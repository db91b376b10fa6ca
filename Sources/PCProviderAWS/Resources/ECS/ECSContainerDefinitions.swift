import Foundation
import PCLang
import PCProvider

/// The `container_definitions` JSON document of `aws_ecs_task_definition`:
/// parsing and checking what the configuration says, the form sent to
/// RegisterTaskDefinition, and the canonical form used to decide whether
/// two documents mean the same task.
///
/// AWS answers DescribeTaskDefinition with its defaults filled in and its
/// own key order: empty `mountPoints`, `volumesFrom`, `environment` and
/// `portMappings` lists, `essential: true`, `cpu: 0`, port mappings with
/// `protocol: "tcp"` and a `hostPort` (the container port under `awsvpc`
/// and `host` networking, 0 for a dynamic port under `bridge`). None of
/// that is a change, so the canonical form removes every such default, drops
/// nulls and empty lists and objects, writes numbers and booleans as JSON
/// numbers and booleans even where the configuration quoted them, sorts
/// `environment` and `secrets` by name (their order means nothing to the
/// container) and the containers by name. Two documents are equivalent
/// when their canonical forms are equal.
enum ECSContainerDefinitions {
    static let attribute = ValuePath([.attribute("container_definitions")])

    /// Fields whose values are JSON numbers in the ECS API, by where they sit.
    static let numericFields: Set<String> = ["cpu", "memory", "memoryReservation", "startTimeout", "stopTimeout"]
    static let numericPortFields: Set<String> = ["containerPort", "hostPort"]
    static let numericUlimitFields: Set<String> = ["softLimit", "hardLimit"]
    static let numericHealthCheckFields: Set<String> = ["interval", "timeout", "retries", "startPeriod"]
    static let numericLinuxFields: Set<String> = ["sharedMemorySize", "maxSwap", "swappiness"]
    static let booleanFields: Set<String> = [
        "essential", "disableNetworking", "privileged", "readonlyRootFilesystem", "interactive", "pseudoTerminal",
    ]

    /// The containers of a configuration's document, checked: a JSON array
    /// of objects, each with a name. Errors point at the attribute and say
    /// how to write it.
    static func parse(_ text: String) throws(ProviderError) -> [Value] {
        let document: Value
        do {
            document = try Value.fromJSON(text)
        } catch {
            throw invalid("it is not valid JSON (\(error.description))")
        }
        guard case .tuple(let containers) = document.content else {
            throw invalid("it must be a JSON array of container objects, not \(describe(document))")
        }
        guard !containers.isEmpty else { throw invalid("it must list at least one container") }
        for (index, container) in containers.enumerated() {
            guard case .object = container.content else {
                throw invalid("element \(index) must be a container object, not \(describe(container))")
            }
            guard let name = container.stringAttribute("name"), !name.isEmpty else {
                throw invalid("container \(index) has no \"name\"; every container needs one")
            }
        }
        return containers
    }

    /// The containers as RegisterTaskDefinition takes them: nulls dropped
    /// (AWS rejects some of them) and quoted numbers and booleans of known
    /// fields unquoted; everything else exactly as written.
    static func request(_ text: String) throws(ProviderError) -> Value {
        .tuple(try parse(text).map { coerced(withoutNulls($0)) })
    }

    /// The canonical form of a list of containers under `networkMode`
    /// (nil: AWS's default, `bridge`).
    static func canonical(_ containers: [Value], networkMode: String?) -> Value {
        let portFollowsContainer = networkMode == "awsvpc" || networkMode == "host"
        let shaped = containers.map { container -> Value in
            let cleaned = withoutEmpties(coerced(withoutNulls(container)))
            return withoutDefaults(cleaned, portFollowsContainer: portFollowsContainer)
        }
        return .tuple(shaped.sorted { ($0.stringAttribute("name") ?? "") < ($1.stringAttribute("name") ?? "") })
    }

    /// The canonical form as compact JSON (sorted keys): what the state
    /// records when AWS's document differs from the configuration's.
    static func canonicalJSON(_ containers: [Value], networkMode: String?) -> String {
        (try? canonical(containers, networkMode: networkMode).jsonString()) ?? "[]"
    }

    /// Whether two documents describe the same containers; a document that
    /// does not parse equals nothing.
    static func areEquivalent(_ a: String, _ b: String, networkMode: String?) -> Bool {
        if a == b { return true }
        guard let left = try? parse(a), let right = try? parse(b) else { return false }
        return canonical(left, networkMode: networkMode) == canonical(right, networkMode: networkMode)
    }

    /// What the state records for the containers AWS reports: `recorded`
    /// (the configuration's text, kept so plans compare like with like)
    /// when it is equivalent, else AWS's document in canonical form.
    static func stateText(reported: [Value], recorded: String?, networkMode: String?) -> String {
        let reportedForm = canonical(reported, networkMode: networkMode)
        if let recorded, let containers = try? parse(recorded), canonical(containers, networkMode: networkMode) == reportedForm {
            return recorded
        }
        return (try? reportedForm.jsonString()) ?? "[]"
    }

    // MARK: Steps

    /// Null members and elements removed, at every depth.
    static func withoutNulls(_ value: Value) -> Value {
        switch value.content {
        case .object(let members):
            return .object(members.filter { !$0.value.isNull }.mapValues(withoutNulls))
        case .tuple(let elements):
            return .tuple(elements.filter { !$0.isNull }.map(withoutNulls))
        default:
            return value
        }
    }

    /// Members holding an empty list or object removed, at every depth
    /// (after their own contents are cleaned): AWS treats `[]` and `{}` as
    /// "not set" and reports many of them back.
    static func withoutEmpties(_ value: Value) -> Value {
        switch value.content {
        case .object(let members):
            var kept: [String: Value] = [:]
            for (name, member) in members {
                let cleaned = withoutEmpties(member)
                if case .tuple(let elements) = cleaned.content, elements.isEmpty { continue }
                if case .object(let inner) = cleaned.content, inner.isEmpty { continue }
                kept[name] = cleaned
            }
            return .object(kept)
        case .tuple(let elements):
            return .tuple(elements.map(withoutEmpties))
        default:
            return value
        }
    }

    /// Known numeric and boolean fields as JSON numbers and booleans, and
    /// `resourceRequirements` values as the strings the API wants.
    static func coerced(_ container: Value) -> Value {
        guard var members = container.attributes else { return container }
        for name in numericFields { members[name] = members[name].map(number) }
        for name in booleanFields { members[name] = members[name].map(boolean) }
        members["portMappings"] = members["portMappings"].map { eachObject($0) { fields($0, numericPortFields, number) } }
        members["ulimits"] = members["ulimits"].map { eachObject($0) { fields($0, numericUlimitFields, number) } }
        members["mountPoints"] = members["mountPoints"].map { eachObject($0) { fields($0, ["readOnly"], boolean) } }
        members["volumesFrom"] = members["volumesFrom"].map { eachObject($0) { fields($0, ["readOnly"], boolean) } }
        members["resourceRequirements"] = members["resourceRequirements"].map { eachObject($0) { fields($0, ["value"], text) } }
        members["healthCheck"] = members["healthCheck"].map { fields($0, numericHealthCheckFields, number) }
        if let linux = members["linuxParameters"] {
            var shaped = fields(linux, numericLinuxFields, number)
            shaped = fields(shaped, ["initProcessEnabled"], boolean)
            if let tmpfs = shaped.attributes?["tmpfs"] {
                shaped = shaped.updating(["tmpfs": eachObject(tmpfs) { fields($0, ["size"], number) }])
            }
            members["linuxParameters"] = shaped
        }
        return .object(members)
    }

    /// AWS's defaults removed, and the unordered lists sorted.
    static func withoutDefaults(_ container: Value, portFollowsContainer: Bool) -> Value {
        guard var members = container.attributes else { return container }
        if members["essential"]?.boolValue == true { members["essential"] = nil }
        if members["cpu"]?.numberValue?.isZero == true { members["cpu"] = nil }
        if let mappings = members["portMappings"] {
            members["portMappings"] = eachObject(mappings) { mapping in
                guard var fields = mapping.attributes else { return mapping }
                if fields["protocol"]?.stringValue == "tcp" { fields["protocol"] = nil }
                if let host = fields["hostPort"]?.numberValue {
                    if host.isZero || (portFollowsContainer && fields["containerPort"]?.numberValue == host) {
                        fields["hostPort"] = nil
                    }
                }
                return .object(fields)
            }
        }
        for name in ["mountPoints", "volumesFrom"] {
            guard let entries = members[name] else { continue }
            members[name] = eachObject(entries) { entry in
                entry.attributes?["readOnly"]?.boolValue == false ? entry.updating(["readOnly": .null]).droppingNulls : entry
            }
        }
        for name in ["environment", "secrets"] {
            if case .tuple(let entries)? = members[name]?.content {
                members[name] = .tuple(entries.sorted(by: byNameThenValue))
            }
        }
        return .object(members)
    }

    // MARK: Helpers

    private static func byNameThenValue(_ a: Value, _ b: Value) -> Bool {
        let left = a.stringAttribute("name") ?? "", right = b.stringAttribute("name") ?? ""
        if left != right { return left < right }
        return ((try? a.jsonString()) ?? "") < ((try? b.jsonString()) ?? "")
    }

    private static func eachObject(_ list: Value, _ transform: (Value) -> Value) -> Value {
        guard case .tuple(let elements) = list.content else { return list }
        return .tuple(elements.map { $0.attributes == nil ? $0 : transform($0) })
    }

    private static func fields(_ object: Value, _ names: Set<String>, _ transform: (Value) -> Value) -> Value {
        guard case .object(var members) = object.content else { return object }
        for name in names { members[name] = members[name].map(transform) }
        return .object(members)
    }

    /// A quoted number as a number; anything else unchanged.
    private static func number(_ value: Value) -> Value {
        guard let text = value.stringValue, let parsed = Number(parsing: text.trimmingCharacters(in: .whitespaces)) else { return value }
        return .number(parsed)
    }

    /// A quoted `true`/`false` as a boolean; anything else unchanged.
    private static func boolean(_ value: Value) -> Value {
        switch value.stringValue?.lowercased() {
        case "true": .true
        case "false": .false
        default: value
        }
    }

    /// A number as its decimal text; anything else unchanged.
    private static func text(_ value: Value) -> Value {
        guard let number = value.numberValue else { return value }
        return .string(number.description)
    }

    private static func describe(_ value: Value) -> String {
        switch value.content {
        case .object: "an object"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        default: "\(value.type.friendlyName)"
        }
    }

    private static func invalid(_ reason: String) -> ProviderError {
        ProviderError(
            "Invalid container_definitions",
            detail: "container_definitions must be a JSON array of container definitions, as ECS RegisterTaskDefinition takes them, "
                + "but \(reason). Write it with jsonencode([{ name = \"web\", image = \"nginx\", memory = 128 }]).",
            attribute: attribute)
    }
}

extension Value {
    /// An object without its null members (one level).
    fileprivate var droppingNulls: Value {
        guard case .object(let members) = content else { return self }
        return .object(members.filter { !$0.value.isNull })
    }
}
