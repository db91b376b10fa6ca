/// Writes realistic, syntactically valid PCL configurations of any size,
/// deterministically from a seed: the input of the round-trip property
/// tests and of the benchmark.
///
/// With `messy` set, spacing, alignment and line breaks inside brackets are
/// chosen at random, as a person in a hurry would write them, so the
/// formatter has real work to do. Every choice keeps the text valid.
public struct ConfigurationGenerator {
    public var random: SeededRandom
    public var messy: Bool
    private var output: String = ""
    private var resourceNames: [(type: String, name: String)] = []

    public init(seed: UInt64, messy: Bool = false) {
        self.random = SeededRandom(seed: seed)
        self.messy = messy
    }

    /// A configuration with `resources` resource blocks plus the variables,
    /// locals and outputs around them.
    public mutating func configuration(resources: Int) -> String {
        output = ""
        output.reserveCapacity(resources * 800)
        resourceNames = []
        header()
        for index in 0..<resources {
            resource(index)
        }
        outputs()
        return output
    }

    // MARK: - Pieces

    private mutating func header() {
        line("# Generated configuration: variables, locals and resources.")
        line("pcplan {")
        line("  required_providers {")
        line("    aws = {")
        attribute("source", "\"hashicorp/aws\"", indent: 6)
        attribute("version", "\"~> 5.0\"", indent: 6)
        line("    }")
        line("  }")
        line("}")
        line("")
        for name in ["prefix", "region", "environment"] {
            line("variable \"\(name)\" {")
            attribute("type", "string", indent: 2)
            attribute("default", "\"\(name)-value\"", indent: 2)
            attribute("description", "\"The \(name) used in names and tags.\"", indent: 2)
            line("  validation {")
            attribute("condition", "length(var.\(name)) > 0 && can(regex(\"^[a-z]\", var.\(name)))", indent: 4)
            attribute("error_message", "\"The \(name) must start with a lower-case letter.\"", indent: 4)
            line("  }")
            line("}")
            line("")
        }
        line("locals {")
        attribute("common_tags", "{\n    Environment = var.environment\n    ManagedBy   = \"pcplan\"\n  }", indent: 2)
        attribute("ports", list(["80", "443", "8083", "8084"]), indent: 2)
        attribute("enabled", "var.environment == \"prod\" ? true : false", indent: 2)
        line("}")
        line("")
    }

    private mutating func resource(_ index: Int) {
        switch random.next(upTo: 6) {
        case 0: securityGroup(index)
        case 1: taskDefinition(index)
        case 2: instance(index)
        case 3: role(index)
        case 4: service(index)
        default: bucket(index)
        }
        line("")
    }

    private mutating func securityGroup(_ index: Int) {
        let name = "sg_\(index)"
        line("resource \"aws_security_group\" \"\(name)\" {")
        attribute("name", "\"${var.prefix}-sg-\(index)\"", indent: 2)
        attribute("description", "\"Security group \(index) // not a comment\"", indent: 2)
        attribute("vpc_id", reference(or: "var.vpc_id"), indent: 2)
        line("")
        line("  ingress {")
        attribute("from_port", "\(8000 + index % 100)", indent: 4)
        attribute("to_port", "\(8000 + index % 100) + 1", indent: 4)
        attribute("protocol", "\"tcp\"", indent: 4)
        attribute("cidr_blocks", list(["\"10.\(index % 256).0.0/16\""]), indent: 4)
        line("  }")
        line("")
        line("  dynamic \"egress\" {")
        attribute("for_each", "local.ports", indent: 4)
        line("    content {")
        attribute("from_port", "egress.value", indent: 6)
        attribute("to_port", "egress.value", indent: 6)
        attribute("protocol", "\"-1\"", indent: 6)
        line("    }")
        line("  }")
        line("")
        attribute("tags", "merge(local.common_tags, { Name = \"sg-\(index)\" })", indent: 2)
        line("}")
        resourceNames.append(("aws_security_group", name))
    }

    private mutating func taskDefinition(_ index: Int) {
        let name = "task_\(index)"
        line("resource \"aws_ecs_task_definition\" \"\(name)\" {")
        attribute("family", "\"task-\(index)\"", indent: 2)
        attribute("cpu", "\(256 * (1 + index % 4))", indent: 2)
        attribute("memory", "\(512 * (1 + index % 4))", indent: 2)
        attribute("container_definitions", """
        jsonencode([
            {
              name      = "app-\(index)"
              image     = "registry.example.com/app:\(index % 10).\(index % 7)"
              essential = true
              portMappings = [for p in local.ports : {
                containerPort = p
                protocol      = "tcp"
              }]
              environment = [
                { name = "INDEX", value = tostring(\(index)) },
                { name = "RATIO", value = "\(index).25e-3" },
              ]
            }
          ])
        """, indent: 2)
        line("}")
        resourceNames.append(("aws_ecs_task_definition", name))
    }

    private mutating func instance(_ index: Int) {
        let name = "node_\(index)"
        line("resource \"aws_instance\" \"\(name)\" {")
        attribute("count", "local.enabled ? \(1 + index % 3) : 0", indent: 2)
        attribute("ami", "data.aws_ssm_parameter.ami.value", indent: 2)
        attribute("instance_type", "var.environment == \"prod\" ? \"m5.large\" : \"t3.micro\"", indent: 2)
        attribute("vpc_security_group_ids", "[\(reference(or: "var.default_sg"))]", indent: 2)
        attribute("user_data", """
        <<-EOT
            #!/bin/bash
            echo "node \(index) of ${var.prefix}" > /etc/motd
            %{ for port in local.ports ~}
            echo "port ${port}" >> /etc/ports
            %{ endfor ~}
            echo $${HOME} 100%%{done}
          EOT
        """, indent: 2)
        line("")
        line("  lifecycle {")
        attribute("create_before_destroy", "true", indent: 4)
        attribute("ignore_changes", "[tags[\"Updated\"], user_data]", indent: 4)
        line("  }")
        line("}")
        resourceNames.append(("aws_instance", name))
    }

    private mutating func role(_ index: Int) {
        let name = "role_\(index)"
        line("resource \"aws_iam_role\" \"\(name)\" {")
        attribute("name", "\"role-\(index)\"", indent: 2)
        attribute("assume_role_policy", """
        <<EOF
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"}}]
        }
        EOF
        """, indent: 2)
        attribute("max_session_duration", "3600 * \(1 + index % 4) / 2", indent: 2)
        line("}")
        resourceNames.append(("aws_iam_role", name))
    }

    private mutating func service(_ index: Int) {
        let name = "svc_\(index)"
        line("resource \"aws_ecs_service\" \"\(name)\" {")
        attribute("for_each", "toset([\"a\", \"b\"])", indent: 2)
        attribute("name", "\"svc-\(index)-${each.key}\"", indent: 2)
        attribute("desired_count", "-(-\(index % 3)) + 1", indent: 2)
        attribute("subnets", "var.subnets[*].id", indent: 2)
        attribute("legacy", "var.subnets.0.id", indent: 2)
        attribute("by_zone", "{ for s in var.subnets : s.zone => s.id... if !s.private }", indent: 2)
        if let target = resourceNames.last {
            attribute("depends_on", "[\(target.type).\(target.name)]", indent: 2)
        }
        line("  placement_constraints { type = \"distinctInstance\" }")
        line("}")
        resourceNames.append(("aws_ecs_service", name))
    }

    private mutating func bucket(_ index: Int) {
        let name = "bucket_\(index)"
        line("/* Bucket \(index):")
        line("   kept for audit logs. */")
        line("resource \"aws_s3_bucket\" \"\(name)\" {")
        attribute("bucket", "lower(\"${var.prefix}-logs-\(index)\") # trailing comment", indent: 2)
        attribute("force_destroy", "index(local.ports, 80) >= 0 || false", indent: 2)
        attribute("tags", "{\n    \"Name\" : \"logs-\(index)\",\n    (var.environment) : \"yes\"\n  }", indent: 2)
        line("}")
        resourceNames.append(("aws_s3_bucket", name))
    }

    private mutating func outputs() {
        for (type, name) in resourceNames.suffix(20) {
            line("output \"\(name)\" {")
            attribute("value", "\(type).\(name)[*]", indent: 2)
            attribute("sensitive", "false", indent: 2)
            line("}")
        }
    }

    // MARK: - Text

    private mutating func line(_ text: String) {
        output += text
        output += "\n"
    }

    /// `name = value`; messy mode varies the spaces around `=`.
    private mutating func attribute(_ name: String, _ value: String, indent: Int) {
        let pad = messy ? String(repeating: " ", count: random.next(upTo: 4)) : " "
        let lead = messy ? String(repeating: " ", count: random.next(upTo: indent + 3)) : String(repeating: " ", count: indent)
        output += lead + name + pad + "=" + (messy && random.next(upTo: 3) == 0 ? "  " : " ") + value + "\n"
    }

    /// A list; messy mode sometimes breaks it over lines.
    private mutating func list(_ items: [String]) -> String {
        if messy && random.next(upTo: 2) == 0 {
            return "[\n" + items.map { "      " + $0 + "," }.joined(separator: "\n") + "\n  ]"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// A reference to an earlier resource, so the configuration has edges.
    private mutating func reference(or fallback: String) -> String {
        guard !resourceNames.isEmpty else { return fallback }
        let target = resourceNames[random.next(upTo: resourceNames.count)]
        return "\(target.type).\(target.name).id"
    }
}

/// SplitMix64: a tiny deterministic generator, so a failing seed can be
/// replayed.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func next(upTo bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}
