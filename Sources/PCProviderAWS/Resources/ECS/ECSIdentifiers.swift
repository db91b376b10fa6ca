/// ECS names an object either by its name or by its ARN, and configurations
/// use both (`cluster = "web"` or `cluster = aws_ecs_cluster.web.id`).
/// These helpers tell when two spellings name the same object, so that a
/// different spelling never plans a replacement.
enum ECSIdentifiers {
    /// The name in a cluster reference: the text after `cluster/` in an
    /// ARN, or the reference itself.
    static func clusterName(_ reference: String) -> String {
        guard reference.hasPrefix("arn:"), let range = reference.range(of: ":cluster/") else { return reference }
        return String(reference[range.upperBound...])
    }

    static func sameCluster(_ a: String, _ b: String) -> Bool {
        a == b || clusterName(a) == clusterName(b)
    }

    /// `reference` spelled as `like` is spelled: the name when `like` is a
    /// name, the ARN otherwise. Used to keep what the configuration wrote.
    static func cluster(_ arn: String, spelledLike like: String?) -> String {
        guard let like, !like.hasPrefix("arn:"), sameCluster(like, arn) else { return arn }
        return clusterName(arn)
    }

    /// The cluster and service names in a service ARN: new-style
    /// `service/<cluster>/<name>` gives both, old-style `service/<name>`
    /// only the name.
    static func serviceParts(_ arn: String) -> (cluster: String?, name: String)? {
        guard arn.hasPrefix("arn:"), let range = arn.range(of: ":service/") else { return nil }
        let path = arn[range.upperBound...].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch path.count {
        case 1: return (nil, path[0])
        case 2: return (path[0], path[1])
        default: return nil
        }
    }

    /// `family` and `revision` of a task definition reference: an ARN
    /// (`…:task-definition/web:3`), `web:3`, or `web` (no revision).
    static func taskDefinitionParts(_ reference: String) -> (family: String, revision: Int?) {
        var text = Substring(reference)
        if reference.hasPrefix("arn:"), let range = reference.range(of: ":task-definition/") {
            text = reference[range.upperBound...]
        }
        if let colon = text.lastIndex(of: ":"), let revision = Int(text[text.index(after: colon)...]) {
            return (String(text[..<colon]), revision)
        }
        return (String(text), nil)
    }

    /// Whether `configured` names the revision `arn` (a full ARN): the ARN
    /// itself, or `family:revision`. A bare family names "the latest", so
    /// it is the same only when the state already recorded it bare.
    static func sameTaskDefinition(_ configured: String, _ arn: String) -> Bool {
        if configured == arn { return true }
        let a = taskDefinitionParts(configured), b = taskDefinitionParts(arn)
        return a.family == b.family && a.revision != nil && a.revision == b.revision
    }

    /// AWS's task definition ARN spelled as the configuration spelled it:
    /// `family:revision` stays so, a bare family stays bare while that
    /// family is still the one running, an ARN is the ARN.
    static func taskDefinition(_ arn: String, spelledLike like: String?) -> String {
        guard let like, !like.hasPrefix("arn:") else { return arn }
        let configured = taskDefinitionParts(like), reported = taskDefinitionParts(arn)
        guard configured.family == reported.family else { return arn }
        if configured.revision == nil { return like }
        return "\(reported.family):\(reported.revision.map(String.init) ?? "")"
    }

    /// The role name in an IAM role ARN (`…:role/path/name` gives `name`).
    static func roleName(_ reference: String) -> String {
        guard reference.hasPrefix("arn:"), let slash = reference.lastIndex(of: "/") else { return reference }
        return String(reference[reference.index(after: slash)...])
    }

    /// The reported role ARN spelled as the configuration spelled it (a
    /// name stays a name when it names that role).
    static func role(_ arn: String, spelledLike like: String?) -> String {
        guard let like, !like.hasPrefix("arn:"), roleName(arn) == like else { return arn }
        return like
    }
}
