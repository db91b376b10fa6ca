import PCLang
import PCProvider

/// Plan-time checks of an `aws_elb` configuration against what AWS accepts
/// (names, listeners, health check, timeouts), so mistakes surface in the
/// plan with the attribute at fault, not halfway through an apply. Values
/// not known yet are skipped.
enum ELBValidation {
    static func validate(_ config: Value) throws(ProviderError) {
        try validateNames(config)
        try validateListeners(config)
        if let check = config.singleBlock("health_check") { try validateHealthCheck(check) }
        try range(config, "idle_timeout", 1...4000)
        try range(config, "connection_draining_timeout", 1...3600)
    }

    private static func validateNames(_ config: Value) throws(ProviderError) {
        let name = config.stringAttribute("name"), prefix = config.stringAttribute("name_prefix")
        if name != nil, prefix != nil {
            throw StorageStateSupport.invalid(
                "name and name_prefix conflict", "Set either name or name_prefix, not both.", attribute: "name_prefix")
        }
        if let name, let problem = problem(withName: name, maximum: ELBResource.maximumNameLength, mayEndWithHyphen: false) {
            throw StorageStateSupport.invalid("Invalid load balancer name", "name = \"\(name)\": \(problem).", attribute: "name")
        }
        if let prefix, let problem = problem(withName: prefix, maximum: 6, mayEndWithHyphen: true) {
            throw StorageStateSupport.invalid("Invalid name_prefix", "name_prefix = \"\(prefix)\": \(problem).", attribute: "name_prefix")
        }
    }

    /// Classic load balancer names: letters, digits and hyphens, no hyphen first (or last).
    static func problem(withName name: String, maximum: Int, mayEndWithHyphen: Bool) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.count > maximum { return "it has \(name.count) characters, more than \(maximum)" }
        if !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            return "only letters, digits and hyphens are allowed"
        }
        if name.hasPrefix("-") || (!mayEndWithHyphen && name.hasSuffix("-")) {
            return mayEndWithHyphen ? "it must not begin with a hyphen" : "it must not begin or end with a hyphen"
        }
        return nil
    }

    private static func validateListeners(_ config: Value) throws(ProviderError) {
        var ports: Set<Int> = []
        for block in config.blockList("listener") {
            for attribute in ["lb_protocol", "instance_protocol"] {
                if let text = block.stringAttribute(attribute), !ELBWire.protocols.contains(text.uppercased()) {
                    throw listenerError(
                        "Invalid listener \(attribute)",
                        "\(attribute) = \"\(text)\" is not one of \(ELBWire.protocols.joined(separator: ", ")).", attribute)
                }
            }
            for attribute in ["lb_port", "instance_port"] {
                if let port = block.attributeValue(attribute)?.numberValue, !(port.intValue.map { (1...65535).contains($0) } ?? false) {
                    throw listenerError("Invalid listener \(attribute)", "\(attribute) = \(port) is not a port number from 1 to 65535.", attribute)
                }
            }
            if let port = block.intAttribute("lb_port"), !ports.insert(port).inserted {
                throw listenerError(
                    "Two listeners on port \(port)", "A load balancer listens on each port once: lb_port = \(port) appears twice.", "lb_port")
            }
            if block.stringAttribute("ssl_certificate_id") != nil, let lbProtocol = block.stringAttribute("lb_protocol"),
               !["HTTPS", "SSL"].contains(lbProtocol.uppercased()) {
                throw listenerError(
                    "ssl_certificate_id needs an HTTPS or SSL listener",
                    "A certificate only applies when lb_protocol is HTTPS or SSL, not \(lbProtocol).", "ssl_certificate_id")
            }
        }
    }

    private static func listenerError(_ summary: String, _ detail: String, _ attribute: String) -> ProviderError {
        ProviderError(summary, detail: detail, attribute: ValuePath([.attribute("listener"), .attribute(attribute)]))
    }

    private static func validateHealthCheck(_ check: Value) throws(ProviderError) {
        let path = { (attribute: String) in ValuePath([.attribute("health_check"), .attribute(attribute)]) }
        if let target = check.stringAttribute("target"), let problem = ELBWire.problem(withTarget: target) {
            throw ProviderError("Invalid health check target", detail: "target = \"\(target)\": \(problem).", attribute: path("target"))
        }
        let limits: [(String, ClosedRange<Int>)] = [
            ("healthy_threshold", 2...10), ("unhealthy_threshold", 2...10), ("interval", 5...300), ("timeout", 2...60),
        ]
        for (attribute, limit) in limits {
            if let value = check.attributeValue(attribute)?.numberValue, !(value.intValue.map(limit.contains) ?? false) {
                throw ProviderError(
                    "Invalid health check \(attribute)",
                    detail: "\(attribute) = \(value) must be a whole number from \(limit.lowerBound) to \(limit.upperBound).",
                    attribute: path(attribute))
            }
        }
        if let timeout = check.intAttribute("timeout"), let interval = check.intAttribute("interval"), timeout >= interval {
            throw ProviderError(
                "Health check timeout too long",
                detail: "timeout (\(timeout) s) must be less than interval (\(interval) s).", attribute: path("timeout"))
        }
    }

    private static func range(_ config: Value, _ attribute: String, _ limit: ClosedRange<Int>) throws(ProviderError) {
        if let value = config.attributeValue(attribute)?.numberValue, !(value.intValue.map(limit.contains) ?? false) {
            throw StorageStateSupport.invalid(
                "Invalid \(attribute)", "\(attribute) = \(value) must be a whole number from \(limit.lowerBound) to \(limit.upperBound).",
                attribute: attribute)
        }
    }
}
