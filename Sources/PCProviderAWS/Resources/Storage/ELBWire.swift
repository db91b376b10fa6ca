import PCAWS
import PCLang
import PCProvider

/// The classic ELB API's shapes (Query protocol, 2012-06-01) for `aws_elb`:
/// listener and health check blocks to and from request parameters and
/// replies, and the lookups that turn "not found" into nil.
enum ELBWire {
    static let protocols = ["HTTP", "HTTPS", "TCP", "SSL"]
    static let notFound = "LoadBalancerNotFound"

    // MARK: Listeners

    /// One `listener` block as a comparable value; protocols as written.
    struct Listener: Hashable {
        var instancePort: Int
        var instanceProtocol: String
        var lbPort: Int
        var lbProtocol: String
        var sslCertificateID: String?

        init(instancePort: Int, instanceProtocol: String, lbPort: Int, lbProtocol: String, sslCertificateID: String?) {
            self.instancePort = instancePort
            self.instanceProtocol = instanceProtocol
            self.lbPort = lbPort
            self.lbProtocol = lbProtocol
            self.sslCertificateID = sslCertificateID
        }

        /// Nil while any part is unknown or missing.
        init?(_ block: Value) {
            guard block.isWhollyKnown, let instancePort = block.intAttribute("instance_port"), let lbPort = block.intAttribute("lb_port"),
                  let instanceProtocol = block.stringAttribute("instance_protocol"), let lbProtocol = block.stringAttribute("lb_protocol")
            else { return nil }
            self.init(
                instancePort: instancePort, instanceProtocol: instanceProtocol, lbPort: lbPort, lbProtocol: lbProtocol,
                sslCertificateID: block.stringAttribute("ssl_certificate_id"))
        }

        /// AWS compares protocols without regard to case (and answers in
        /// capitals), as Terraform's listener hash does.
        func isEquivalent(to other: Listener) -> Bool {
            instancePort == other.instancePort && lbPort == other.lbPort && sslCertificateID == other.sslCertificateID
                && instanceProtocol.uppercased() == other.instanceProtocol.uppercased()
                && lbProtocol.uppercased() == other.lbProtocol.uppercased()
        }

        var value: Value {
            .object([
                "instance_port": .number(instancePort),
                "instance_protocol": .string(instanceProtocol),
                "lb_port": .number(lbPort),
                "lb_protocol": .string(lbProtocol),
                "ssl_certificate_id": .optionalString(sslCertificateID),
            ])
        }
    }

    static func listeners(in object: Value) -> [Listener] {
        object.blockList("listener").compactMap(Listener.init)
    }

    /// `Listeners.member.N.…` for CreateLoadBalancer(Listeners).
    static func parameters(_ listeners: [Listener]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, listener) in listeners.sorted(by: { $0.lbPort < $1.lbPort }).enumerated() {
            let item = "Listeners.member.\(index + 1)"
            parameters.append(("\(item).Protocol", listener.lbProtocol.uppercased()))
            parameters.append(("\(item).LoadBalancerPort", String(listener.lbPort)))
            parameters.append(("\(item).InstanceProtocol", listener.instanceProtocol.uppercased()))
            parameters.append(("\(item).InstancePort", String(listener.instancePort)))
            if let certificate = listener.sslCertificateID { parameters.append(("\(item).SSLCertificateId", certificate)) }
        }
        return parameters
    }

    /// The listeners of a LoadBalancerDescription, spelled as `known` spells
    /// the same listeners, so a configuration in lower case stays quiet.
    static func listeners(of description: XMLValue, spelledAs known: [Listener]) -> [Listener] {
        description.list("ListenerDescriptions").compactMap { entry -> Listener? in
            guard let listener = entry.child("Listener"), let lbPort = listener.int("LoadBalancerPort"),
                  let instancePort = listener.int("InstancePort"), let lbProtocol = listener.string("Protocol") else { return nil }
            let certificate = listener.string("SSLCertificateId").flatMap { $0.isEmpty ? nil : $0 }
            let read = Listener(
                instancePort: instancePort, instanceProtocol: listener.string("InstanceProtocol") ?? lbProtocol, lbPort: lbPort,
                lbProtocol: lbProtocol, sslCertificateID: certificate)
            return known.first { $0.isEquivalent(to: read) } ?? read
        }
    }

    // MARK: Health check

    /// `HealthCheck.…` parameters from a `health_check` block; nil while unknown.
    static func healthCheckParameters(_ block: Value) -> [(String, String)]? {
        guard block.isWhollyKnown, let target = block.stringAttribute("target"), let interval = block.intAttribute("interval"),
              let timeout = block.intAttribute("timeout"), let healthy = block.intAttribute("healthy_threshold"),
              let unhealthy = block.intAttribute("unhealthy_threshold") else { return nil }
        return [
            ("HealthCheck.Target", target), ("HealthCheck.Interval", String(interval)), ("HealthCheck.Timeout", String(timeout)),
            ("HealthCheck.UnhealthyThreshold", String(unhealthy)), ("HealthCheck.HealthyThreshold", String(healthy)),
        ]
    }

    /// The `health_check` block of a description; null when it has none
    /// (moto, before ConfigureHealthCheck).
    static func healthCheck(of description: XMLValue) -> Value? {
        guard let check = description.child("HealthCheck"), let target = check.string("Target"), !target.isEmpty else { return nil }
        return .object([
            "target": .string(target),
            "interval": .optionalInt(check.int("Interval")),
            "timeout": .optionalInt(check.int("Timeout")),
            "healthy_threshold": .optionalInt(check.int("HealthyThreshold")),
            "unhealthy_threshold": .optionalInt(check.int("UnhealthyThreshold")),
        ])
    }

    /// Checks a target as AWS requires: `PROTOCOL:PORT` for TCP and SSL,
    /// `PROTOCOL:PORT/PATH` for HTTP and HTTPS. Nil when valid, else why not.
    static func problem(withTarget target: String) -> String? {
        guard let colon = target.firstIndex(of: ":") else { return "it has no PROTOCOL:PORT" }
        let scheme = target[..<colon].uppercased()
        let rest = target[target.index(after: colon)...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let path = rest.dropFirst(digits.count)
        guard protocols.contains(scheme) else { return "\(scheme) is not one of \(protocols.joined(separator: ", "))" }
        guard let port = Int(digits), (1...65535).contains(port) else { return "the port must be a number from 1 to 65535" }
        switch scheme {
        case "TCP", "SSL":
            return path.isEmpty ? nil : "a \(scheme) check takes no path"
        default:
            if !path.hasPrefix("/") { return "an \(scheme) check needs a path starting with /, like \(scheme):\(port)/health" }
            return path.count > 1024 ? "the path is longer than 1024 characters" : nil
        }
    }

    // MARK: Lookups

    /// The LoadBalancerDescription of `name`, or nil when there is none.
    static func describe(_ name: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        let reply: XMLValue
        do {
            reply = try api.query(.elb, "DescribeLoadBalancers", [("LoadBalancerNames.member.1", name)])
        } catch where error.code == notFound {
            return nil
        }
        return reply.list("DescribeLoadBalancersResult", "LoadBalancerDescriptions")
            .first { $0.string("LoadBalancerName") == name }
    }

    static func attributes(_ name: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        let reply = try api.query(.elb, "DescribeLoadBalancerAttributes", [("LoadBalancerName", name)])
        return reply["DescribeLoadBalancerAttributesResult", "LoadBalancerAttributes"]
    }

    static func tags(_ name: String, api: AWSClient) throws(AWSError) -> [String: String] {
        let reply = try api.query(.elb, "DescribeTags", [("LoadBalancerNames.member.1", name)])
        let description = reply.list("DescribeTagsResult", "TagDescriptions").first { $0.string("LoadBalancerName") == name }
        return AWSTags.map(fromXML: description?.list("Tags") ?? [])
    }

    /// `<Prefix>.member.N` for a list of strings, sorted so requests repeat.
    static func members(_ prefix: String, _ values: some Sequence<String>) -> [(String, String)] {
        values.sorted().enumerated().map { ("\(prefix).member.\($0.offset + 1)", $0.element) }
    }

    /// Route 53 zone ids of classic load balancers by region, as AWS
    /// publishes them; used when a reply lacks CanonicalHostedZoneNameID.
    static let hostedZoneIDs: [String: String] = [
        "af-south-1": "Z268VQBMOI5EKX", "ap-east-1": "Z3DQVH9N71FHZ0", "ap-northeast-1": "Z14GRHDCWA56QT",
        "ap-northeast-2": "ZWKZPGTI48KDX", "ap-northeast-3": "Z5LXEXXYW11ES", "ap-south-1": "ZP97RAFLXTNZK",
        "ap-southeast-1": "Z1LMS91P8CMLE5", "ap-southeast-2": "Z1GM3OXH4ZPM65", "ca-central-1": "ZQSVJUPU6J1EY",
        "cn-north-1": "Z1GDH35T77C1KE", "cn-northwest-1": "ZM7IZAIOVVDZF", "eu-central-1": "Z215JYRZR1TBD5",
        "eu-north-1": "Z23TAZ6LKFMNIO", "eu-south-1": "Z3ULH7SSC9OV64", "eu-west-1": "Z32O12XQLNTSW2",
        "eu-west-2": "ZHURV8PSTC4K8", "eu-west-3": "Z3Q77PNBQS71R4", "me-south-1": "ZS929ML54UICD",
        "sa-east-1": "Z2P70J7HTTTPLU", "us-east-1": "Z35SXDOTRQ7X7K", "us-east-2": "Z3AADJGX6KTTL2",
        "us-gov-east-1": "Z166TLBEWOO7G0", "us-gov-west-1": "Z33AYJ8TM3BH4J", "us-west-1": "Z368ELLRRE2KJ0",
        "us-west-2": "Z1H1FL5HABSF5",
    ]
}
