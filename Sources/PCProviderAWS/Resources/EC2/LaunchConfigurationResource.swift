import Foundation
import PCAWS
import PCLang
import PCProvider

/// `aws_launch_configuration`: what an auto-scaling group launches.
///
/// AWS cannot change a launch configuration, so every argument forces
/// replacement (use `name_prefix` and `create_before_destroy` so the group
/// can move to the new one first). `user_data` is kept in the state as
/// written and sent base64-encoded, as the API requires.
struct LaunchConfigurationResource: AWSResourceType {
    let name = "aws_launch_configuration"

    var schema: ResourceSchema {
        ResourceSchema(
            attributes: [
                "id": AttributeSchema(.string, .computed, summary: "The launch configuration's name."),
                "arn": AttributeSchema(.string, .computed, summary: "The launch configuration's ARN."),
                "name": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "The name; generated when neither name nor name_prefix is set."),
                "name_prefix": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Creates a unique name starting with this prefix."),
                "image_id": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The AMI to launch."),
                "instance_type": AttributeSchema(.string, .required, forcesReplacement: true, summary: "The instance type, e.g. t3.micro."),
                "iam_instance_profile": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Name or ARN of the instance profile for launched instances."),
                "security_groups": AttributeSchema(.set(.string), .optional, forcesReplacement: true, summary: "Security group ids of launched instances."),
                "user_data": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "User data as text; sent base64-encoded."),
                "associate_public_ip_address": AttributeSchema(.bool, .optional, forcesReplacement: true, summary: "Give instances in a VPC a public IP address."),
                "key_name": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "The EC2 key pair for SSH access."),
            ],
            blocks: ["root_block_device": LaunchConfigurationRootDevice.block],
            summary: "An immutable launch configuration for auto-scaling groups; every change replaces it.")
    }

    // MARK: Plan

    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try ResourceNaming.validate(request.configuration, rules: .anyCharacters(maxLength: 255), in: name)
        guard var proposed = request.proposed.attributes else { return SchemaPlanning.plan(request, schema: schema) }
        for name in ["iam_instance_profile", "user_data", "key_name"] where proposed[name]?.stringValue == "" {
            proposed[name] = .null(.string)
        }
        if let groups = proposed["security_groups"], groups.isKnown, groups.elements?.isEmpty == true {
            proposed["security_groups"] = .null(.set(.string))
        }
        proposed["root_block_device"] = LaunchConfigurationRootDevice.planned(
            proposed["root_block_device"] ?? .null, prior: request.prior.isNull ? nil : request.prior.attributes?["root_block_device"])
        return SchemaPlanning.plan(
            PlanChangeRequest(type: request.type, prior: request.prior, proposed: .object(proposed), configuration: request.configuration),
            schema: schema)
    }

    // MARK: Create

    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        let configurationName = ResourceNaming.resolvedName(planned)
        let imageID = try planned.requiredString("image_id", in: name)
        var parameters: [(String, String)] = [
            ("LaunchConfigurationName", configurationName),
            ("ImageId", imageID),
            ("InstanceType", try planned.requiredString("instance_type", in: name)),
        ]
        if let profile = planned.stringAttribute("iam_instance_profile") { parameters.append(("IamInstanceProfile", profile)) }
        for (index, group) in (planned.stringListAttribute("security_groups") ?? []).enumerated() {
            parameters.append(("SecurityGroups.member.\(index + 1)", group))
        }
        if let userData = planned.stringAttribute("user_data") {
            parameters.append(("UserData", Data(userData.utf8).base64EncodedString()))
        }
        if let associate = planned.boolAttribute("associate_public_ip_address") {
            parameters.append(("AssociatePublicIpAddress", associate ? "true" : "false"))
        }
        if let key = planned.stringAttribute("key_name") { parameters.append(("KeyName", key)) }
        let what = "creating launch configuration \"\(configurationName)\""
        do throws(AWSError) {
            if let root = planned.blockList("root_block_device").first {
                let device = try LaunchConfigurationRootDevice.deviceName(ofImage: imageID, api: api)
                parameters += LaunchConfigurationRootDevice.parameters(root, deviceName: device)
            }
            _ = try api.query(.autoScaling, "CreateLaunchConfiguration", parameters, idempotent: false)
        } catch {
            throw ProviderError(error, while: what)
        }
        let seed = planned.updating(["id": .string(configurationName), "name": .string(configurationName)])
        do throws(AWSError) {
            let found = try AWSWaiter.wait(for: "launch configuration \(configurationName) to exist", timeout: 120, interval: 2) {
                () throws(AWSError) in try describe(configurationName, api: api)
            }
            return try state(from: found, like: seed, api: api)
        } catch {
            throw ProviderError(error, while: "reading back launch configuration \"\(configurationName)\"", createdObject: .state(
                (seed.attributes ?? [:]).filter { $0.value.isWhollyKnown }, schema: schema))
        }
    }

    // MARK: Read

    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value? {
        let id = try state.requiredString("id", in: name)
        do throws(AWSError) {
            guard let found = try describe(id, api: api) else { return nil }
            return try self.state(from: found, like: state, api: api)
        } catch {
            throw ProviderError(error, while: "reading launch configuration \"\(id)\"")
        }
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup {
        guard let configurationName = request.stringAttribute("name") else { return .cannotTell }
        do throws(AWSError) {
            guard let found = try describe(configurationName, api: api) else { return .notFound }
            return .found(try state(from: found, like: request.updating(["id": .string(configurationName)]), api: api))
        } catch {
            throw ProviderError(error, while: "looking for launch configuration \"\(configurationName)\"")
        }
    }

    // MARK: Delete

    func delete(prior: Value, api: AWSClient) throws(ProviderError) {
        let id = try prior.requiredString("id", in: name)
        do throws(AWSError) {
            // A group that was just deleted or moved to a newer launch
            // configuration may hold this one for a little while longer.
            _ = try AWSWaiter.wait(for: "launch configuration \(id) to be deletable", timeout: 300, interval: 5) { () throws(AWSError) -> Bool? in
                do throws(AWSError) {
                    _ = try api.query(.autoScaling, "DeleteLaunchConfiguration", [("LaunchConfigurationName", id)], idempotent: true)
                    return true
                } catch where error.code == "ValidationError" && error.message.lowercased().contains("not found") {
                    return true
                } catch where error.code == "ResourceInUse" {
                    return nil
                }
            }
        } catch {
            throw ProviderError(error, while: "deleting launch configuration \"\(id)\"")
        }
    }

    // MARK: Helpers

    private func describe(_ configurationName: String, api: AWSClient) throws(AWSError) -> XMLValue? {
        try api.query(.autoScaling, "DescribeLaunchConfigurations", [("LaunchConfigurationNames.member.1", configurationName)])
            .list("DescribeLaunchConfigurationsResult", "LaunchConfigurations").first
    }

    /// The state for a described launch configuration. `like` (the prior
    /// or planned state) supplies what AWS does not report back: the name
    /// prefix, and the user data text when AWS's copy decodes to it.
    private func state(from configuration: XMLValue, like: Value, api: AWSClient) throws(AWSError) -> Value {
        let configurationName = configuration.string("LaunchConfigurationName") ?? like.stringAttribute("id") ?? ""
        let imageID = configuration.string("ImageId")
        var userData: Value = .null(.string)
        if let encoded = configuration.string("UserData"), !encoded.isEmpty {
            if let bytes = Data(base64Encoded: encoded), let text = String(data: bytes, encoding: .utf8) {
                userData = .string(text)
            } else {
                // Not base64 text pcplan wrote: show it as AWS has it, so a
                // plan replaces it with the configured text.
                userData = .string(encoded)
            }
        }
        var associate = Value.optionalBool(configuration.bool("AssociatePublicIpAddress"))
        if associate.boolValue == false && like.attributes?["associate_public_ip_address"]?.isNull != false {
            // AWS reports false for "not set"; keep the configuration's null.
            associate = .null(.bool)
        }
        let groups = configuration.list("SecurityGroups").map(\.text)
        var rootDevice: Value = .list([], element: LaunchConfigurationRootDevice.block.content.valueType)
        let mappings = configuration.list("BlockDeviceMappings")
        if !mappings.isEmpty, let imageID {
            let device = try LaunchConfigurationRootDevice.deviceName(ofImage: imageID, api: api)
            rootDevice = LaunchConfigurationRootDevice.read(mappings, deviceName: device, like: like.attributes?["root_block_device"])
        }
        return .state([
            "id": .string(configurationName),
            "arn": .optionalString(configuration.string("LaunchConfigurationARN")),
            "name": .string(configurationName),
            "name_prefix": .optionalString(like.stringAttribute("name_prefix")),
            "image_id": .optionalString(imageID),
            "instance_type": .optionalString(configuration.string("InstanceType")),
            "iam_instance_profile": .optionalString(configuration.string("IamInstanceProfile").flatMap { $0.isEmpty ? nil : $0 }),
            "security_groups": groups.isEmpty ? .null(.set(.string)) : .stringSet(groups),
            "user_data": userData,
            "associate_public_ip_address": associate,
            "key_name": .optionalString(configuration.string("KeyName").flatMap { $0.isEmpty ? nil : $0 }),
            "root_block_device": rootDevice,
        ], schema: schema)
    }
}
