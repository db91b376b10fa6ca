import PCAWS
import PCLang
import PCProvider

/// The `root_block_device` block of `aws_launch_configuration`: the EBS
/// mapping of the image's root device. AWS names the root device only
/// through the image (`/dev/xvda`, `/dev/sda1`), so creating and reading
/// both ask DescribeImages for it.
enum LaunchConfigurationRootDevice {
    /// Attributes AWS fills in when the configuration leaves them out.
    static let computedAttributes = ["encrypted", "iops", "throughput", "volume_size", "volume_type"]
    /// Used when the image cannot be described (deregistered, not shared).
    static let fallbackDeviceName = "/dev/xvda"

    static var block: BlockSchema {
        BlockSchema(.list, ResourceSchema(
            attributes: [
                "delete_on_termination": AttributeSchema(.bool, .optional, summary: "Delete the volume when the instance terminates. Default true."),
                "encrypted": AttributeSchema(.bool, .optionalComputed, summary: "Encrypt the volume."),
                "iops": AttributeSchema(.number, .optionalComputed, summary: "Provisioned IOPS (io1, io2, gp3)."),
                "throughput": AttributeSchema(.number, .optionalComputed, summary: "Throughput in MiB/s (gp3)."),
                "volume_size": AttributeSchema(.number, .optionalComputed, summary: "Size in GiB."),
                "volume_type": AttributeSchema(.string, .optionalComputed, summary: "standard, gp2, gp3, st1, sc1, io1 or io2."),
            ],
            summary: "The root volume of launched instances."), maxItems: 1, forcesReplacement: true)
    }

    /// The planned block: `delete_on_termination` defaults to true; what the
    /// configuration leaves out is taken from the prior block, or is known
    /// only after create.
    static func planned(_ configured: Value, prior: Value?) -> Value {
        let elementType = block.content.valueType
        guard configured.isKnown, let element = configured.elements?.first, var attributes = element.attributes else { return configured }
        let recorded = prior?.elements?.first?.attributes
        if attributes["delete_on_termination"]?.isNull ?? true { attributes["delete_on_termination"] = .true }
        for name in computedAttributes where attributes[name]?.isNull ?? true {
            let type = block.content.attributes[name]?.type ?? .dynamic
            attributes[name] = recorded.map { $0[name] ?? .null(type) } ?? .unknown(type)
        }
        return .list([.object(attributes)], element: elementType)
    }

    /// The image's root device name.
    static func deviceName(ofImage imageID: String, api: AWSClient) throws(AWSError) -> String {
        do throws(AWSError) {
            let image = try api.query(.ec2, "DescribeImages", [("ImageId.1", imageID)]).list("imagesSet").first
            if let device = image?.string("rootDeviceName"), !device.isEmpty { return device }
            return fallbackDeviceName
        } catch where error.code.hasPrefix("InvalidAMIID") {
            return fallbackDeviceName
        }
    }

    /// `BlockDeviceMappings.member.1.…` for the block.
    static func parameters(_ root: Value, deviceName: String) -> [(String, String)] {
        let prefix = "BlockDeviceMappings.member.1"
        var parameters: [(String, String)] = [("\(prefix).DeviceName", deviceName)]
        if let size = root.intAttribute("volume_size") { parameters.append(("\(prefix).Ebs.VolumeSize", String(size))) }
        if let type = root.stringAttribute("volume_type") { parameters.append(("\(prefix).Ebs.VolumeType", type)) }
        if let iops = root.intAttribute("iops") { parameters.append(("\(prefix).Ebs.Iops", String(iops))) }
        if let throughput = root.intAttribute("throughput") { parameters.append(("\(prefix).Ebs.Throughput", String(throughput))) }
        if let delete = root.boolAttribute("delete_on_termination") { parameters.append(("\(prefix).Ebs.DeleteOnTermination", delete ? "true" : "false")) }
        if let encrypted = root.boolAttribute("encrypted") { parameters.append(("\(prefix).Ebs.Encrypted", encrypted ? "true" : "false")) }
        return parameters
    }

    /// The block as AWS reports it: the mapping of the root device, each
    /// value AWS omits taken from `like` (the prior or planned block) when
    /// known there, else null (`delete_on_termination`: AWS's default, true).
    static func read(_ mappings: [XMLValue], deviceName: String, like: Value?) -> Value {
        let elementType = block.content.valueType
        guard let mapping = mappings.first(where: { $0.string("DeviceName") == deviceName }), let ebs = mapping.child("Ebs") else {
            return .list([], element: elementType)
        }
        let recorded = like?.elements?.first?.attributes ?? [:]
        func kept(_ name: String) -> Value? {
            guard let value = recorded[name], value.isWhollyKnown, !value.isNull else { return nil }
            return value
        }
        let attributes: [String: Value] = [
            "delete_on_termination": ebs.bool("DeleteOnTermination").map(Value.bool) ?? kept("delete_on_termination") ?? .true,
            "encrypted": ebs.bool("Encrypted").map(Value.bool) ?? kept("encrypted") ?? .null(.bool),
            "iops": ebs.int("Iops").map { Value.number($0) } ?? kept("iops") ?? .null(.number),
            "throughput": ebs.int("Throughput").map { Value.number($0) } ?? kept("throughput") ?? .null(.number),
            "volume_size": ebs.int("VolumeSize").map { Value.number($0) } ?? kept("volume_size") ?? .null(.number),
            "volume_type": ebs.string("VolumeType").map(Value.string) ?? kept("volume_type") ?? .null(.string),
        ]
        return .list([.object(attributes)], element: elementType)
    }
}
