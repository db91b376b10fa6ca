import PCAWS
import PCLang
import PCProvider

/// The in-place changes of one `aws_elb` update, each sent only when its
/// part of the object changed: listeners, health check, security groups,
/// zones, subnets and tags. The attributes (cross-zone, idle timeout,
/// draining) are the resource's own business.
struct ELBChanges {
    let name: String
    let prior: Value
    let planned: Value
    let api: AWSClient

    func apply() throws(AWSError) {
        try changeListeners()
        if changed("health_check"), let check = planned.attributes?["health_check"], !check.isNull,
           let parameters = ELBWire.healthCheckParameters(check) {
            _ = try api.query(.elb, "ConfigureHealthCheck", [("LoadBalancerName", name)] + parameters)
        }
        if changed("security_groups"), let groups = StorageStateSupport.knownStrings(planned, "security_groups"), !groups.isEmpty {
            _ = try api.query(
                .elb, "ApplySecurityGroupsToLoadBalancer", [("LoadBalancerName", name)] + ELBWire.members("SecurityGroups", groups))
        }
        try changeSet("availability_zones", member: "AvailabilityZones",
                      add: "EnableAvailabilityZonesForLoadBalancer", remove: "DisableAvailabilityZonesForLoadBalancer")
        // Detach first: a subnet in a zone that already has one cannot be attached.
        try changeSet("subnets", member: "Subnets", add: "AttachLoadBalancerToSubnets", remove: "DetachLoadBalancerFromSubnets",
                      removeFirst: true)
        try changeTags()
    }

    private func changed(_ attribute: String) -> Bool {
        !(prior.attributes?[attribute] ?? .null).hasSameContent(as: planned.attributes?[attribute] ?? .null)
    }

    /// Listeners cannot be modified: the old ones go (by port), the new
    /// ones come. One port per delete call keeps each request minimal.
    private func changeListeners() throws(AWSError) {
        guard changed("listener"), planned.attributes?["listener"]?.isWhollyKnown ?? false else { return }
        let before = ELBWire.listeners(in: prior), after = ELBWire.listeners(in: planned)
        let removed = before.filter { old in !after.contains { $0.isEquivalent(to: old) } }
        let added = after.filter { new in !before.contains { $0.isEquivalent(to: new) } }
        for port in Set(removed.map(\.lbPort)).sorted() {
            _ = try api.query(.elb, "DeleteLoadBalancerListeners", [("LoadBalancerName", name), ("LoadBalancerPorts.member.1", String(port))])
        }
        if !added.isEmpty {
            _ = try api.query(.elb, "CreateLoadBalancerListeners", [("LoadBalancerName", name)] + ELBWire.parameters(added))
        }
    }

    private func changeSet(_ attribute: String, member: String, add: String, remove: String, removeFirst: Bool = false) throws(AWSError) {
        guard changed(attribute), let after = StorageStateSupport.knownStrings(planned, attribute) else { return }
        let before = StorageStateSupport.knownStrings(prior, attribute) ?? []
        let added = after.subtracting(before), removed = before.subtracting(after)
        let steps: [(String, Set<String>)] = removeFirst ? [(remove, removed), (add, added)] : [(add, added), (remove, removed)]
        for (action, values) in steps where !values.isEmpty {
            _ = try api.query(.elb, action, [("LoadBalancerName", name)] + ELBWire.members(member, values))
        }
    }

    private func changeTags() throws(AWSError) {
        let (set, remove) = AWSTags.changes(from: AWSTags.map(of: prior), to: AWSTags.map(of: planned))
        if !remove.isEmpty {
            _ = try api.query(
                .elb, "RemoveTags",
                [("LoadBalancerNames.member.1", name)] + remove.enumerated().map { ("Tags.member.\($0.offset + 1).Key", $0.element) })
        }
        if !set.isEmpty {
            let tags = Dictionary(uniqueKeysWithValues: set.map { ($0.key, $0.value) })
            _ = try api.query(.elb, "AddTags", [("LoadBalancerNames.member.1", name)] + AWSTags.queryParameters(tags))
        }
    }
}
