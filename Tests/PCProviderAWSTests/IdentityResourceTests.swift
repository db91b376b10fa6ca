import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// The IAM and Secrets Manager types through the configured provider
/// against moto (signature checking on): create → read (checked with
/// direct API calls too) → no-op plan → update in place → replacement →
/// import → destroy → gone.
@Suite(.serialized, .motoServer)
struct IdentityResourceTests {
    let moto: MotoServer
    let aws: ConfiguredAWSProvider
    /// Straight to moto, to check what AWS itself says.
    let api: AWSClient

    init() throws {
        moto = try MotoServer.forTest()
        aws = try ProviderFixture.configured(moto)
        api = ProviderFixture.client(moto)
    }

    static let account = MotoServer.accountID
    static let readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    static let ecsForEC2 = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"

    /// A trust policy as people write it: indented, keys in reading order.
    static let trustEC2 = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "Service": "ec2.amazonaws.com" },
              "Action": "sts:AssumeRole"
            }
          ]
        }
        """
    /// The same policy as jsonencode writes it, with lone values in lists.
    static let trustEC2Compact =
        #"{"Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]}}],"Version":"2012-10-17"}"#
    static let trustECSTasks =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let describeEC2 = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*"], "Resource": "*"}]}
        """
    static let describeEC2Reordered = #"{"Statement":{"Resource":["*"],"Action":"ec2:Describe*","Effect":"Allow"},"Version":"2012-10-17"}"#
    static let readECS = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:Describe*","ecs:List*"],"Resource":"*"}]}"#

    static func replacePath(_ attribute: String) -> String { ValuePath([.attribute(attribute)]).description }

    // MARK: Helpers

    func role(_ name: String, _ extra: [String: Value] = [:]) throws -> Value {
        var arguments: [String: Value] = ["name": .string(name), "assume_role_policy": .string(Self.trustEC2)]
        for (key, value) in extra { arguments[key] = value }
        return try ResourceLifecycle(aws, "aws_iam_role").create(arguments)
    }

    /// The configured provider with short propagation timeouts, for tests
    /// that provoke a lasting conflict.
    func impatient() -> ConfiguredAWSProvider {
        var types = aws.resourceTypes
        types["aws_iam_role"] = IAMRoleResource(propagationTimeout: 1)
        types["aws_iam_instance_profile"] = IAMInstanceProfileResource(propagationTimeout: 1)
        return ConfiguredAWSProvider(api: aws.api, resourceTypes: types, dataSourceTypes: aws.dataSourceTypes)
    }

    /// The AWS error code of a direct call, or nil when it succeeds.
    func errorCode(_ call: () throws(AWSError) -> Void) -> String? {
        IAMRequests.failure(of: call)?.code
    }

    // MARK: aws_iam_role

    @Test func aRoleLivesItsWholeLife() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_role")
        let arguments: [String: Value] = [
            "name": .string("pc-role"),
            "assume_role_policy": .string(Self.trustEC2),
            "description": .string("runs the defenders"),
            "tags": .stringMap(["team": "identity", "env": "test"]),
        ]
        let planned = try lifecycle.plan(arguments)
        #expect(planned.action == .create)
        #expect(planned.planned.attributes?["arn"]?.isKnown == false)
        #expect(planned.planned.attributes?["max_session_duration"]?.isKnown == false)
        #expect(planned.planned.boolAttribute("force_detach_policies") == false)

        let created = try lifecycle.apply(planned)
        #expect(created.stringAttribute("id") == "pc-role")
        #expect(created.stringAttribute("arn") == "arn:aws:iam::\(Self.account):role/pc-role")
        #expect(created.stringAttribute("unique_id")?.isEmpty == false)
        #expect(created.stringAttribute("create_date")?.isEmpty == false)
        #expect(created.stringAttribute("path") == "/")
        #expect(created.intAttribute("max_session_duration") == 3600)
        #expect(created.stringAttribute("assume_role_policy") == Self.trustEC2, "the user's text is kept")
        #expect(created.stringMapAttribute("tags") == ["team": "identity", "env": "test"])
        #expect(created.isWhollyKnown)

        // What IAM itself says: the document comes back percent-encoded.
        let role = try #require(try api.query(.iam, "GetRole", [("RoleName", "pc-role")])["GetRoleResult", "Role"])
        let rawDocument = try #require(role.string("AssumeRolePolicyDocument"))
        #expect(rawDocument.contains("%22"))
        #expect(IAMPolicyDocument.areEquivalent(IAMPolicyDocument.decoded(fromAWS: rawDocument), Self.trustEC2))
        #expect(role.string("Description") == "runs the defenders")
        #expect(AWSTags.map(fromXML: role.list("Tags")) == ["team": "identity", "env": "test"])

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)
        var reformatted = arguments
        reformatted["assume_role_policy"] = .string(Self.trustEC2Compact)
        #expect(try lifecycle.plan(reformatted, prior: read).isNoop, "the same policy spelled differently is no change")

        var changed = arguments
        changed["assume_role_policy"] = .string(Self.trustECSTasks)
        changed["description"] = .string("runs the console")
        changed["max_session_duration"] = .number(7200)
        changed["tags"] = .stringMap(["team": "identity", "tier": "gold"])
        let updated = try lifecycle.update(changed, prior: read)
        #expect(updated.stringAttribute("description") == "runs the console")
        #expect(updated.intAttribute("max_session_duration") == 7200)
        #expect(updated.stringAttribute("assume_role_policy") == Self.trustECSTasks)
        #expect(updated.stringAttribute("unique_id") == created.stringAttribute("unique_id"), "updated in place, not recreated")
        let afterUpdate = try #require(try api.query(.iam, "GetRole", [("RoleName", "pc-role")])["GetRoleResult", "Role"])
        #expect(afterUpdate.string("Description") == "runs the console")
        #expect(afterUpdate.int("MaxSessionDuration") == 7200)
        #expect(IAMPolicyDocument.decoded(fromAWS: afterUpdate.string("AssumeRolePolicyDocument") ?? "").contains("ecs-tasks.amazonaws.com"))
        #expect(AWSTags.map(fromXML: afterUpdate.list("Tags")) == ["team": "identity", "tier": "gold"])
        #expect(try lifecycle.plan(changed, prior: try #require(try lifecycle.read(updated))).isNoop)

        var moved = changed
        moved["path"] = .string("/system/")
        let replacement = try lifecycle.plan(moved, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("path")])
        let replaced = try lifecycle.apply(replacement)
        #expect(replaced.stringAttribute("path") == "/system/")
        #expect(replaced.stringAttribute("arn") == "arn:aws:iam::\(Self.account):role/system/pc-role")
        #expect(replaced.stringAttribute("unique_id") != created.stringAttribute("unique_id"))

        let imported = try lifecycle.importState("pc-role")
        expectSameState(imported, try #require(try lifecycle.read(replaced)), documents: ["assume_role_policy"])

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(errorCode { () throws(AWSError) in _ = try api.query(.iam, "GetRole", [("RoleName", "pc-role")]) } == "NoSuchEntity")
    }

    @Test func aRoleWithoutANameGetsOneFromItsPrefix() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_role")
        let arguments: [String: Value] = ["name_prefix": .string("pc-"), "assume_role_policy": .string(Self.trustEC2)]
        let planned = try lifecycle.plan(arguments)
        #expect(planned.planned.attributes?["name"]?.isKnown == false)
        let created = try lifecycle.apply(planned)
        let roleName = try #require(created.stringAttribute("name"))
        #expect(roleName.hasPrefix("pc-") && roleName.count == 3 + ResourceNaming.suffixLength)
        #expect(created.stringAttribute("name_prefix") == "pc-")
        #expect(try lifecycle.plan(arguments, prior: created).isNoop)

        // Import cannot know the prefix; stating it afterwards only records it.
        let imported = try lifecycle.importState(roleName)
        #expect(imported.attributes?["name_prefix"]?.isNull == true)
        let adopt = try lifecycle.plan(arguments, prior: imported)
        #expect(adopt.action == .update)
        #expect(adopt.requiresReplace.isEmpty)
        #expect(try lifecycle.apply(adopt).stringAttribute("name_prefix") == "pc-")

        let other = try lifecycle.plan(["name_prefix": .string("web-"), "assume_role_policy": .string(Self.trustEC2)], prior: created)
        #expect(other.action == .replace)
        #expect(other.requiresReplace == [Self.replacePath("name_prefix")])
        #expect(other.planned.attributes?["name"]?.isKnown == false)
        try lifecycle.delete(created)
    }

    @Test func creatingWhatAlreadyExistsSaysHowToAdoptIt() throws {
        _ = try role("pc-taken")
        let error = #expect(throws: ProviderError.self) { try role("pc-taken") }
        #expect(error?.summary == "Creating IAM role \"pc-taken\" failed")
        #expect(error?.detail.contains("EntityAlreadyExists") == true)
        #expect(error?.detail.contains("pcplan import") == true)
        #expect(error?.createdObject == nil, "nothing was created")
    }

    @Test func destroyingARoleEmptiesItsInstanceProfilesAndForceDetachesPolicies() throws {
        let created = try role("pc-busy", ["force_detach_policies": .true])
        _ = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment").create(["role": .string("pc-busy"), "policy_arn": .string(Self.readOnly)])
        _ = try ResourceLifecycle(aws, "aws_iam_role_policy").create(
            ["role": .string("pc-busy"), "name": .string("inline"), "policy": .string(Self.describeEC2)])
        _ = try ResourceLifecycle(aws, "aws_iam_instance_profile").create(["name": .string("pc-busy-profile"), "role": .string("pc-busy")])

        try ResourceLifecycle(aws, "aws_iam_role").delete(created)
        #expect(errorCode { () throws(AWSError) in _ = try api.query(.iam, "GetRole", [("RoleName", "pc-busy")]) } == "NoSuchEntity")
        let profile = try api.query(.iam, "GetInstanceProfile", [("InstanceProfileName", "pc-busy-profile")])
        #expect(profile.list("GetInstanceProfileResult", "InstanceProfile", "Roles").isEmpty)
    }

    @Test func aRoleWithAttachedPoliciesIsNotForceDetachedUnlessAsked() throws {
        let created = try role("pc-attached")
        #expect(created.boolAttribute("force_detach_policies") == false)
        _ = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment").create(["role": .string("pc-attached"), "policy_arn": .string(Self.readOnly)])

        let error = #expect(throws: ProviderError.self) { try ResourceLifecycle(impatient(), "aws_iam_role").delete(created) }
        #expect(error?.summary == "Deleting IAM role \"pc-attached\" failed")
        #expect(error?.detail.contains("DeleteConflict") == true)
        #expect(error?.detail.contains("force_detach_policies = true") == true)
        #expect(try ResourceLifecycle(aws, "aws_iam_role").read(created) != nil, "the role is still there")
    }

    // MARK: aws_iam_role_policy

    @Test func anInlinePolicyLivesItsWholeLife() throws {
        _ = try role("pc-inline")
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_role_policy")
        let arguments: [String: Value] = ["role": .string("pc-inline"), "name": .string("describe"), "policy": .string(Self.describeEC2)]
        let created = try lifecycle.create(arguments)
        #expect(created.stringAttribute("id") == "pc-inline:describe")
        #expect(created.stringAttribute("policy") == Self.describeEC2)

        let reply = try api.query(.iam, "GetRolePolicy", [("RoleName", "pc-inline"), ("PolicyName", "describe")])
        let document = IAMPolicyDocument.decoded(fromAWS: reply.string("GetRolePolicyResult", "PolicyDocument") ?? "")
        #expect(IAMPolicyDocument.areEquivalent(document, Self.describeEC2))

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)
        var reordered = arguments
        reordered["policy"] = .string(Self.describeEC2Reordered)
        #expect(try lifecycle.plan(reordered, prior: read).isNoop)

        var changed = arguments
        changed["policy"] = .string(Self.readECS)
        let updated = try lifecycle.update(changed, prior: read)
        #expect(updated.stringAttribute("policy") == Self.readECS)
        let after = try api.query(.iam, "GetRolePolicy", [("RoleName", "pc-inline"), ("PolicyName", "describe")])
        #expect(IAMPolicyDocument.decoded(fromAWS: after.string("GetRolePolicyResult", "PolicyDocument") ?? "").contains("ecs:List*"))

        var renamed = changed
        renamed["name"] = .string("read-ecs")
        let replacement = try lifecycle.plan(renamed, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("name")])
        let replaced = try lifecycle.apply(replacement)
        #expect(replaced.stringAttribute("id") == "pc-inline:read-ecs")
        #expect(try lifecycle.read(updated) == nil, "the old policy went with the replacement")

        let imported = try lifecycle.importState("pc-inline:read-ecs")
        expectSameState(imported, try #require(try lifecycle.read(replaced)), documents: ["policy"])
        #expect(throws: ProviderError.self) { try lifecycle.importState("no-colon-here") }

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(errorCode { () throws(AWSError) in
            _ = try api.query(.iam, "GetRolePolicy", [("RoleName", "pc-inline"), ("PolicyName", "read-ecs")])
        } == "NoSuchEntity")
    }

    // MARK: aws_iam_role_policy_attachment

    @Test func anAttachmentLivesItsWholeLife() throws {
        _ = try role("pc-attach")
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment")
        let arguments: [String: Value] = ["role": .string("pc-attach"), "policy_arn": .string(Self.ecsForEC2)]
        let created = try lifecycle.create(arguments)
        #expect(created.stringAttribute("id") == "pc-attach/\(Self.ecsForEC2)")
        #expect(try attachedPolicies("pc-attach") == [Self.ecsForEC2])

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)

        // Both arguments force replacement: there is nothing to update in place.
        let replacement = try lifecycle.plan(["role": .string("pc-attach"), "policy_arn": .string(Self.readOnly)], prior: read)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("policy_arn")])
        let replaced = try lifecycle.apply(replacement)
        #expect(try attachedPolicies("pc-attach") == [Self.readOnly])

        let imported = try lifecycle.importState("pc-attach/\(Self.readOnly)")
        expectSameState(imported, try #require(try lifecycle.read(replaced)))
        #expect(throws: ProviderError.self) { try lifecycle.importState("pc-attach/\(Self.ecsForEC2)") }

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(try attachedPolicies("pc-attach").isEmpty)
    }

    @Test func attachingAPolicyThatDoesNotExistSaysSo() throws {
        _ = try role("pc-missing")
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment")
        let error = #expect(throws: ProviderError.self) {
            try lifecycle.create(["role": .string("pc-missing"), "policy_arn": .string("arn:aws:iam::aws:policy/NoSuchPolicy")])
        }
        #expect(error?.summary == "Attaching policy \"arn:aws:iam::aws:policy/NoSuchPolicy\" to IAM role \"pc-missing\" failed")
        #expect(error?.detail.contains("NoSuchEntity") == true)
    }

    func attachedPolicies(_ roleName: String) throws -> [String] {
        try IAMRequests.all(api, "ListAttachedRolePolicies", [("RoleName", roleName)], list: "AttachedPolicies").compactMap { $0.string("PolicyArn") }
    }

    // MARK: aws_iam_instance_profile

    @Test func anInstanceProfileLivesItsWholeLife() throws {
        _ = try role("pc-first")
        _ = try role("pc-second")
        let lifecycle = try ResourceLifecycle(aws, "aws_iam_instance_profile")
        let arguments: [String: Value] = ["name": .string("pc-profile"), "role": .string("pc-first")]
        let created = try lifecycle.create(arguments)
        #expect(created.stringAttribute("id") == "pc-profile")
        #expect(created.stringAttribute("arn") == "arn:aws:iam::\(Self.account):instance-profile/pc-profile")
        #expect(created.stringAttribute("path") == "/")
        #expect(created.stringAttribute("unique_id")?.isEmpty == false)
        #expect(created.stringAttribute("create_date")?.isEmpty == false)
        #expect(created.stringAttribute("role") == "pc-first")
        #expect(try profileRoles("pc-profile") == ["pc-first"])

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)

        let switched = try lifecycle.update(["name": .string("pc-profile"), "role": .string("pc-second")], prior: read)
        #expect(switched.stringAttribute("role") == "pc-second")
        #expect(switched.stringAttribute("unique_id") == created.stringAttribute("unique_id"))
        #expect(try profileRoles("pc-profile") == ["pc-second"])
        let emptied = try lifecycle.update(["name": .string("pc-profile")], prior: switched)
        #expect(emptied.attributes?["role"]?.isNull == true)
        #expect(try profileRoles("pc-profile").isEmpty)

        let replacement = try lifecycle.plan(["name": .string("pc-profile"), "path": .string("/ecs/"), "role": .string("pc-first")], prior: emptied)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("path")])
        let replaced = try lifecycle.apply(replacement)
        #expect(replaced.stringAttribute("arn") == "arn:aws:iam::\(Self.account):instance-profile/ecs/pc-profile")
        #expect(replaced.stringAttribute("role") == "pc-first")

        let imported = try lifecycle.importState("pc-profile")
        expectSameState(imported, try #require(try lifecycle.read(replaced)))

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(errorCode { () throws(AWSError) in
            _ = try api.query(.iam, "GetInstanceProfile", [("InstanceProfileName", "pc-profile")])
        } == "NoSuchEntity")
        // The roles themselves are untouched.
        #expect(try ResourceLifecycle(aws, "aws_iam_role").importState("pc-first").stringAttribute("name") == "pc-first")
    }

    func profileRoles(_ profileName: String) throws -> [String] {
        let reply = try api.query(.iam, "GetInstanceProfile", [("InstanceProfileName", profileName)])
        return reply.list("GetInstanceProfileResult", "InstanceProfile", "Roles").compactMap { $0.string("RoleName") }
    }

    // MARK: findCreated

    @Test func objectsMadeByADeadRunAreFoundByName() throws {
        _ = try role("pc-found")
        let roles = try ResourceLifecycle(aws, "aws_iam_role")
        guard case .found(let found) = try roles.findCreated(["name": .string("pc-found"), "assume_role_policy": .string(Self.trustEC2Compact)]) else {
            Issue.record("the role was not found")
            return
        }
        #expect(found.stringAttribute("arn") == "arn:aws:iam::\(Self.account):role/pc-found")
        #expect(found.stringAttribute("assume_role_policy") == Self.trustEC2Compact, "the request's spelling is kept")
        #expect(try roles.findCreated(["name": .string("pc-never"), "assume_role_policy": .string(Self.trustEC2)]) == .notFound)
        #expect(try roles.findCreated(["name_prefix": .string("pc-"), "assume_role_policy": .string(Self.trustEC2)]) == .cannotTell)

        _ = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment").create(["role": .string("pc-found"), "policy_arn": .string(Self.readOnly)])
        let attachments = try ResourceLifecycle(aws, "aws_iam_role_policy_attachment")
        #expect(try attachments.findCreated(["role": .string("pc-found"), "policy_arn": .string(Self.readOnly)])
            == .found(.state(["id": .string("pc-found/\(Self.readOnly)"), "role": .string("pc-found"), "policy_arn": .string(Self.readOnly)],
                             schema: attachments.schema)))
        #expect(try attachments.findCreated(["role": .string("pc-found"), "policy_arn": .string(Self.ecsForEC2)]) == .notFound)

        let profiles = try ResourceLifecycle(aws, "aws_iam_instance_profile")
        #expect(try profiles.findCreated(["name": .string("pc-found-profile")]) == .notFound)
        let policies = try ResourceLifecycle(aws, "aws_iam_role_policy")
        #expect(try policies.findCreated(["role": .string("pc-found"), "name": .string("nope"), "policy": .string(Self.readECS)]) == .notFound)
    }

    // MARK: aws_secretsmanager_secret

    @Test func aSecretLivesItsWholeLife() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_secretsmanager_secret")
        let arguments: [String: Value] = [
            "name": .string("pcplan/prisma/install-bundle"),
            "description": .string("the defender's install bundle"),
            "tags": .stringMap(["team": "identity"]),
        ]
        let planned = try lifecycle.plan(arguments)
        #expect(planned.planned.intAttribute("recovery_window_in_days") == 30)
        #expect(planned.planned.attributes?["arn"]?.isKnown == false)
        let created = try lifecycle.apply(planned)
        let arn = try #require(created.stringAttribute("arn"))
        #expect(arn.hasPrefix("arn:aws:secretsmanager:us-east-1:\(Self.account):secret:pcplan/prisma/install-bundle-"))
        #expect(created.stringAttribute("id") == arn)
        #expect(created.stringAttribute("description") == "the defender's install bundle")
        #expect(created.stringMapAttribute("tags") == ["team": "identity"])
        #expect(created.attributes?["kms_key_id"]?.isNull == true)

        let described = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
        #expect(described.stringAttribute("Name") == "pcplan/prisma/install-bundle")
        #expect(described.stringAttribute("Description") == "the defender's install bundle")
        #expect(AWSTags.map(fromJSON: described.attributeValue("Tags")) == ["team": "identity"])

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)

        var changed = arguments
        changed["description"] = .string("rotated monthly")
        changed["tags"] = .stringMap(["team": "identity", "rotation": "monthly"])
        changed["recovery_window_in_days"] = .number(0)
        let updated = try lifecycle.update(changed, prior: read)
        #expect(updated.stringAttribute("id") == arn)
        #expect(updated.intAttribute("recovery_window_in_days") == 0)
        let after = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
        #expect(after.stringAttribute("Description") == "rotated monthly")
        #expect(AWSTags.map(fromJSON: after.attributeValue("Tags")) == ["team": "identity", "rotation": "monthly"])
        #expect(try lifecycle.plan(changed, prior: try #require(try lifecycle.read(updated))).isNoop)

        var renamed = changed
        renamed["name"] = .string("pcplan/prisma/bundle")
        let replacement = try lifecycle.plan(renamed, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("name")])
        let replaced = try lifecycle.apply(replacement)
        let newARN = try #require(replaced.stringAttribute("arn"))
        #expect(newARN != arn)
        // recovery_window_in_days = 0 deleted the old one at once.
        #expect(errorCode { () throws(AWSError) in
            _ = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
        } == "ResourceNotFoundException")

        // Import cannot know the recovery window: it records the default.
        let imported = try lifecycle.importState(newARN)
        expectSameState(imported, try #require(try lifecycle.read(replaced)).updating(["recovery_window_in_days": .number(30)]))
        expectSameState(try lifecycle.importState("pcplan/prisma/bundle"), imported)

        try lifecycle.delete(replaced)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(errorCode { () throws(AWSError) in
            _ = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(newARN)]))
        } == "ResourceNotFoundException")
    }

    @Test func aSecretDestroyedWithARecoveryWindowIsScheduledForDeletion() throws {
        let lifecycle = try ResourceLifecycle(aws, "aws_secretsmanager_secret")
        let created = try lifecycle.create(["name": .string("pc-kept-a-while"), "recovery_window_in_days": .number(7)])
        try lifecycle.delete(created)
        #expect(try lifecycle.read(created) == nil, "scheduled for deletion counts as gone")
        let described = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(created.stringAttribute("arn") ?? "")]))
        #expect(described.attributeValue("DeletedDate") != nil)
        try lifecycle.delete(created) // a second destroy is not an error

        let error = #expect(throws: ProviderError.self) { try lifecycle.create(["name": .string("pc-kept-a-while")]) }
        #expect(error?.detail.contains("scheduled for deletion") == true)
        #expect(try lifecycle.findCreated(["name": .string("pc-kept-a-while")]) == .notFound)
    }

    // MARK: aws_secretsmanager_secret_version

    @Test func aSecretVersionLivesItsWholeLife() throws {
        let secret = try ResourceLifecycle(aws, "aws_secretsmanager_secret")
            .create(["name": .string("pc-bundle"), "recovery_window_in_days": .number(0)])
        let arn = try #require(secret.stringAttribute("arn"))
        let lifecycle = try ResourceLifecycle(aws, "aws_secretsmanager_secret_version")
        let arguments: [String: Value] = ["secret_id": .string(arn), "secret_string": .string("first-s3cr3t")]
        let planned = try lifecycle.plan(arguments)
        #expect(planned.planned.attributes?["version_stages"]?.isKnown == false)
        let created = try lifecycle.apply(planned)
        let versionID = try #require(created.stringAttribute("version_id"))
        #expect(created.stringAttribute("id") == "\(arn)|\(versionID)")
        #expect(created.stringAttribute("arn") == arn)
        #expect(created.stringListAttribute("version_stages") == ["AWSCURRENT"])
        #expect(created.stringAttribute("secret_string") == "first-s3cr3t")

        let value = try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(arn)]))
        #expect(value.stringAttribute("SecretString") == "first-s3cr3t")
        #expect(value.stringAttribute("VersionId") == versionID)

        let read = try #require(try lifecycle.read(created))
        #expect(read.hasSameContent(as: created))
        #expect(try lifecycle.plan(arguments, prior: read).isNoop)

        var labelled = arguments
        labelled["version_stages"] = .set([.string("AWSCURRENT"), .string("blue")], element: .string)
        let updated = try lifecycle.update(labelled, prior: read)
        #expect(updated.stringAttribute("version_id") == versionID)
        #expect(Set(updated.stringListAttribute("version_stages") ?? []) == ["AWSCURRENT", "blue"])
        let blue = try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(arn), "VersionStage": .string("blue")]))
        #expect(blue.stringAttribute("VersionId") == versionID)
        #expect(try lifecycle.plan(labelled, prior: try #require(try lifecycle.read(updated))).isNoop)

        var newValue = labelled
        newValue["secret_string"] = .string("second-s3cr3t")
        let replacement = try lifecycle.plan(newValue, prior: updated)
        #expect(replacement.action == .replace)
        #expect(replacement.requiresReplace == [Self.replacePath("secret_string")])
        let replaced = try lifecycle.apply(replacement)
        let newVersion = try #require(replaced.stringAttribute("version_id"))
        #expect(newVersion != versionID)
        #expect(Set(replaced.stringListAttribute("version_stages") ?? []) == ["AWSCURRENT", "blue"])
        let current = try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(arn)]))
        #expect(current.stringAttribute("SecretString") == "second-s3cr3t")

        let imported = try lifecycle.importState("\(arn)|\(newVersion)")
        expectSameState(imported, try #require(try lifecycle.read(replaced)))
        #expect(throws: ProviderError.self) { try lifecycle.importState(arn) }

        // The old version lost AWSCURRENT to the new one (it is AWSPREVIOUS
        // now); destroying it removes its last label.
        let old = try #require(try lifecycle.read(updated))
        #expect(old.stringListAttribute("version_stages") == ["AWSPREVIOUS"])
        try lifecycle.delete(old)
        #expect(try lifecycle.read(old) == nil)
        let versions = try api.json(.secretsManager, "DescribeSecret", .object(["SecretId": .string(arn)]))
        #expect(versions.attributeValue("VersionIdsToStages")?.attributes?[versionID]?.elements?.isEmpty ?? true)

        // The current version cannot lose AWSCURRENT: it stays until the
        // secret goes, and then it is gone too.
        try lifecycle.delete(replaced)
        #expect(Set(try #require(try lifecycle.read(replaced)).stringListAttribute("version_stages") ?? []) == ["AWSCURRENT"])
        try ResourceLifecycle(aws, "aws_secretsmanager_secret").delete(secret)
        #expect(try lifecycle.read(replaced) == nil)
        #expect(errorCode { () throws(AWSError) in
            _ = try api.json(.secretsManager, "GetSecretValue", .object(["SecretId": .string(arn)]))
        } == "ResourceNotFoundException")
    }

    @Test func aSecretVersionMadeByADeadRunIsFoundByItsValue() throws {
        let secret = try ResourceLifecycle(aws, "aws_secretsmanager_secret").create(["name": .string("pc-found-secret")])
        let arn = try #require(secret.stringAttribute("arn"))
        let lifecycle = try ResourceLifecycle(aws, "aws_secretsmanager_secret_version")
        let created = try lifecycle.create(["secret_id": .string("pc-found-secret"), "secret_string": .string("v1")])
        guard case .found(let found) = try lifecycle.findCreated(["secret_id": .string("pc-found-secret"), "secret_string": .string("v1")]) else {
            Issue.record("the version was not found")
            return
        }
        #expect(found.hasSameContent(as: created))
        #expect(found.stringAttribute("secret_id") == "pc-found-secret")
        #expect(try lifecycle.findCreated(["secret_id": .string(arn), "secret_string": .string("v2")]) == .notFound)
        #expect(try lifecycle.findCreated(["secret_id": .string("pc-no-such-secret"), "secret_string": .string("v1")]) == .notFound)
    }

    @Test func theSecretValueNeverReachesErrorsOrTheDebugLog() throws {
        let collector = LogCollector()
        let provider = ProviderFixture.provider(["PCPLAN_LOG": "debug"], log: collector.sink)
        let configured = try #require(try provider.configured(with: ProviderFixture.block(for: moto)) as? ConfiguredAWSProvider)
        let secretValue = "hunter2-\(UUID().uuidString)"
        _ = try ResourceLifecycle(configured, "aws_secretsmanager_secret").create(["name": .string("pc-logged")])
        let lifecycle = try ResourceLifecycle(configured, "aws_secretsmanager_secret_version")
        let created = try lifecycle.create(["secret_id": .string("pc-logged"), "secret_string": .string(secretValue)])
        _ = try lifecycle.read(created)

        let error = #expect(throws: ProviderError.self) {
            try lifecycle.create(["secret_id": .string("pc-no-such-secret"), "secret_string": .string(secretValue)])
        }
        #expect(error?.detail.contains("ResourceNotFoundException") == true)

        let log = collector.all
        #expect(log.contains { $0.contains("PutSecretValue") }, "the debug log was written")
        #expect(log.contains { $0.contains("GetSecretValue") })
        #expect(!log.contains { $0.contains(secretValue) }, "the secret value is redacted from the debug log")
        let texts = [error?.summary ?? "", error?.detail ?? ""]
        #expect(!texts.contains { $0.contains(secretValue) })
        #expect(!"\(String(describing: error))".contains(secretValue))
    }

    // MARK: Comparing states

    /// Every attribute equal, JSON documents by meaning; the differences
    /// are named when not.
    func expectSameState(_ actual: Value, _ expected: Value, documents: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation) {
        let a = actual.attributes ?? [:], b = expected.attributes ?? [:]
        var differences: [String] = []
        for name in Set(a.keys).union(b.keys).sorted() {
            let x = a[name] ?? .null, y = b[name] ?? .null
            if documents.contains(name), let first = x.stringValue, let second = y.stringValue {
                if !IAMPolicyDocument.areEquivalent(first, second) { differences.append(name) }
            } else if !x.hasSameContent(as: y) {
                differences.append("\(name): \(x) vs \(y)")
            }
        }
        #expect(differences.isEmpty, "states differ: \(differences.joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}

/// What the IAM and Secrets Manager types decide without calling AWS:
/// policy documents compared by meaning, and arguments refused at plan
/// time with the attribute named.
@Suite struct IdentityPlanningTests {
    @Test(arguments: [
        // Same meaning, other spelling.
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
         #"{ "Statement": { "Resource": ["*"], "Action": ["s3:GetObject"], "Effect": "Allow" }, "Version": "2012-10-17" }"#, true),
        (#"{"Statement":[{"Action":["b","a","a"]}]}"#, #"{"Statement":[{"Action":["a","b"]}]}"#, true),
        (#"{"Statement":[{"Sid":"1"},{"Sid":"2"}]}"#, #"{"Statement":[{"Sid":"2"},{"Sid":"1"}]}"#, true),
        (#"{"Statement":[{"Principal":{"AWS":"123456789012"}}]}"#, #"{"Statement":[{"Principal":{"AWS":"arn:aws:iam::123456789012:root"}}]}"#, true),
        (#"{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":false}}}]}"#,
         #"{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#, true),
        // Other meaning.
        (#"{"Statement":[{"Effect":"Allow"}]}"#, #"{"Statement":[{"Effect":"Deny"}]}"#, false),
        (#"{"Statement":[{"Action":["a","b"]}]}"#, #"{"Statement":[{"Action":["a"]}]}"#, false),
        (#"{"Statement":[{"Resource":"arn:aws:iam::123456789012:root"}]}"#, #"{"Statement":[{"Resource":"123456789012"}]}"#, false),
        (#"{"Version":"2012-10-17"}"#, #"{"Version":"2012-10-17","Statement":[]}"#, false),
        ("not json", "not json", true),
        ("not json", #"{"a":1}"#, false),
    ])
    func policiesAreComparedByMeaning(_ first: String, _ second: String, _ same: Bool) {
        #expect(IAMPolicyDocument.areEquivalent(first, second) == same)
        #expect(IAMPolicyDocument.areEquivalent(second, first) == same)
    }

    @Test func documentsFromIAMArePercentDecoded() {
        #expect(IAMPolicyDocument.decoded(fromAWS: "%7B%22Version%22%3A%20%222012-10-17%22%7D") == #"{"Version": "2012-10-17"}"#)
        #expect(IAMPolicyDocument.decoded(fromAWS: #"{"a":"b"}"#) == #"{"a":"b"}"#)
        #expect(IAMPolicyDocument.decoded(fromAWS: #"{"a":"100% sure"}"#) == #"{"a":"100% sure"}"#, "a stray % is left alone")
        #expect(IAMPolicyDocument.reconciled(aws: "%7B%22a%22%3A%5B%22b%22%5D%7D", recorded: #"{ "a": "b" }"#) == #"{ "a": "b" }"#)
        #expect(IAMPolicyDocument.reconciled(aws: "%7B%22a%22%3A%22c%22%7D", recorded: #"{ "a": "b" }"#) == #"{"a":"c"}"#)
    }

    static let role = IAMRoleResource()
    static let trust = #"{"Version":"2012-10-17","Statement":[]}"#

    func plan(_ type: any AWSResourceType, _ arguments: [String: Value]) throws(ProviderError) -> PlannedChange {
        let configuration = Value.state(arguments, schema: type.schema)
        return try type.plan(PlanChangeRequest(type: type.name, prior: .null(type.schema.valueType), proposed: configuration, configuration: configuration))
    }

    @Test(arguments: [
        (["name": .string("a"), "name_prefix": .string("b")], "name_prefix", "Conflicting arguments name and name_prefix"),
        (["name": .string(String(repeating: "r", count: 65))], "name", "Invalid name \"\(String(repeating: "r", count: 65))\""),
        (["name": .string("has space")], "name", "Invalid name \"has space\""),
        (["name_prefix": .string(String(repeating: "p", count: 39))], "name_prefix", "Invalid name_prefix \"\(String(repeating: "p", count: 39))\""),
        (["name": .string("ok"), "path": .string("no-slashes")], "path", "Invalid path \"no-slashes\""),
        (["name": .string("ok"), "max_session_duration": .number(60)], "max_session_duration", "Invalid max_session_duration 60"),
        (["name": .string("ok"), "assume_role_policy": .string("{not json")], "assume_role_policy", "Invalid JSON in assume_role_policy"),
    ] as [([String: Value], String, String)])
    func roleArgumentsAWSWouldRefuseFailThePlan(_ arguments: [String: Value], _ attribute: String, _ summary: String) {
        var complete = arguments
        if complete["assume_role_policy"] == nil { complete["assume_role_policy"] = .string(Self.trust) }
        let error = #expect(throws: ProviderError.self) { try plan(Self.role, complete) }
        #expect(error?.summary == summary)
        #expect(error?.attribute == ValuePath([.attribute(attribute)]))
    }

    @Test(arguments: [
        (SecretsManagerSecretResource() as any AWSResourceType, ["recovery_window_in_days": Value.number(3)], "recovery_window_in_days"),
        (SecretsManagerSecretResource(), ["name": .string("white space")], "name"),
        (SecretsManagerSecretVersionResource(), ["secret_id": .string("s"), "secret_string": .string("v"), "version_stages": .set([], element: .string)], "version_stages"),
        (IAMRolePolicyResource(), ["role": .string("r"), "policy": .string("[]")], "policy"),
        (IAMRolePolicyAttachmentResource(), ["role": .string("r"), "policy_arn": .string("ReadOnlyAccess")], "policy_arn"),
        (IAMInstanceProfileResource(), ["name": .string("p"), "path": .string("/no-end")], "path"),
    ] as [(any AWSResourceType, [String: Value], String)])
    func otherArgumentsAWSWouldRefuseFailThePlan(_ type: any AWSResourceType, _ arguments: [String: Value], _ attribute: String) {
        let error = #expect(throws: ProviderError.self) { try plan(type, arguments) }
        #expect(error?.attribute == ValuePath([.attribute(attribute)]))
    }

    @Test func defaultsArePlannedSoTheyShow() throws {
        let role = try plan(Self.role, ["name": .string("r"), "assume_role_policy": .string(Self.trust)])
        #expect(role.planned.boolAttribute("force_detach_policies") == false)
        let secret = try plan(SecretsManagerSecretResource(), ["name": .string("s")])
        #expect(secret.planned.intAttribute("recovery_window_in_days") == 30)
        let zero = try plan(SecretsManagerSecretResource(), ["name": .string("s"), "recovery_window_in_days": .number(0)])
        #expect(zero.planned.intAttribute("recovery_window_in_days") == 0)
    }

    @Test func everyTypeIsRegisteredAndDocumented() {
        let schemas = AWSProvider(environment: AWSEnvironment(variables: [:], homeDirectory: "/nonexistent")).resourceSchemas
        for type in AWSTypeCatalogue.identityResources {
            #expect(schemas[type.name] != nil, "\(type.name) is offered by the provider")
            #expect(!type.schema.summary.isEmpty)
            let undocumented = type.schema.attributes.filter(\.value.summary.isEmpty).keys.sorted()
            #expect(undocumented.isEmpty, "\(type.name): \(undocumented) have no summary")
            #expect(type.schema.attributes["id"]?.presence == .computed)
        }
        #expect(Set(AWSTypeCatalogue.identityResources.map(\.name)) == [
            "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile",
            "aws_secretsmanager_secret", "aws_secretsmanager_secret_version",
        ])
        #expect(SecretsManagerSecretVersionResource().schema.attributes["secret_string"]?.isSensitive == true)
    }

    @Test func generatedNamesAreUniqueAndStartWithThePrefix() {
        let names = (0..<50).map { _ in ResourceNaming.resolvedName(.object(["name_prefix": .string("app-")])) }
        #expect(Set(names).count == 50)
        #expect(names.allSatisfy { $0.hasPrefix("app-") && $0.count == 4 + ResourceNaming.suffixLength })
        #expect(ResourceNaming.resolvedName(.object([:])).hasPrefix("terraform-"))
        #expect(ResourceNaming.resolvedName(.object(["name": .string("exact")])) == "exact")
    }

    @Test func idsSplitWhereTheirPartsCannotHoldTheSeparator() {
        #expect(IAMRolePolicyResource.parts(of: .object(["id": .string("role:policy:with:colons")]))! == ("role", "policy:with:colons"))
        let attachment = IAMRolePolicyAttachmentResource.parts(of: .object(["id": .string("r/arn:aws:iam::aws:policy/service-role/X")]))!
        #expect(attachment == ("r", "arn:aws:iam::aws:policy/service-role/X"))
        let version = SecretsManagerSecretVersionResource.parts(of: .object(["id": .string("arn:aws:secretsmanager:us-east-1:1:secret:a-Xy|v-1")]))!
        #expect(version == ("arn:aws:secretsmanager:us-east-1:1:secret:a-Xy", "v-1"))
    }

    @Test func scrubbingMasksTheSecretEverywhere() {
        let error = ProviderError("failed for s3cr3t", detail: "Value s3cr3t at 'secretString' failed; s3cr3t again")
        let clean = SecretsManagerSecretVersionResource.scrubbed(error, "s3cr3t")
        #expect(!clean.summary.contains("s3cr3t") && !clean.detail.contains("s3cr3t"))
        #expect(clean.detail.contains(AWSRedactor.mask))
    }
}
