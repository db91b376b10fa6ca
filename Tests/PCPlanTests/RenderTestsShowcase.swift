// Plans that exercise every part of the renderers, shared by the terminal
// and markdown golden tests.

import PCLang
import PCPlan
import PCProvider

enum RenderShowcase {
    static let policyBefore = #"{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::assets/*"},{"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::assets"}]}"#
    static let policyAfter = #"{"Version":"2012-10-17","Statement":[{"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::assets"},{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::assets/*"}]}"#

    /// Create, update with nested changes, both kinds of replacement,
    /// deletes with reasons, a read, moves, sensitive and unknown values,
    /// drift and outputs.
    static var everything: Plan {
        let changes: [ResourceChange] = [
            .renderTest(
                "aws_db_instance.main", .deleteThenCreate,
                before: RV.obj([
                    "id": RV.s("db-1"), "engine": RV.s("postgres"), "engine_version": RV.s("13.4"),
                    "endpoint": RV.s("db-1.example.com:5432"), "password": RV.secret(RV.s("hunter2")),
                    "allocated_storage": RV.n(20),
                ]),
                after: RV.obj([
                    "id": RV.unknown, "engine": RV.s("postgres"), "engine_version": RV.s("15.2"),
                    "endpoint": RV.unknown, "password": RV.secret(RV.s("hunter2")), "allocated_storage": RV.n(20),
                ]),
                reason: .replaceBecauseCannotUpdate, replacePaths: [.attribute("engine_version")]),
            .renderTest(
                "aws_iam_role.app", .noop,
                before: RV.obj(["id": RV.s("app"), "name": RV.s("app"), "path": RV.s("/")]),
                after: RV.obj(["id": RV.s("app"), "name": RV.s("app"), "path": RV.s("/")]),
                previous: "aws_iam_role.application"),
            .renderTest(
                "aws_instance.tainted", .deleteThenCreate,
                before: RV.obj(["id": RV.s("i-0bad"), "ami": RV.s("ami-1")]),
                after: RV.obj(["id": RV.unknown, "ami": RV.s("ami-1")]), reason: .replaceBecauseTainted),
            .renderTest(
                "aws_instance.web", .create,
                after: RV.obj([
                    "ami": RV.s("ami-0abc"), "arn": RV.unknown, "id": RV.unknown, "instance_type": RV.s("t3.micro"),
                    "tags": RV.map(["Name": "web", "Team": "core"]), "monitoring": RV.b(false), "cpu_count": RV.n(2),
                    "user_data": RV.s("#!/bin/bash\necho \"hello\"\n"), "security_groups": RV.set(["sg-2", "sg-1"]),
                    "root_block_device": .list(
                        [RV.obj(["volume_size": RV.n(20), "encrypted": RV.b(true)])],
                        element: .object(["volume_size": .number, "encrypted": .bool])),
                    "key_name": RV.null, "admin_password": RV.secret(RV.s("p4ss")),
                ])),
            .renderTest(
                "aws_instance.worker[2]", .delete,
                before: RV.obj(["id": RV.s("i-0w2"), "ami": RV.s("ami-1"), "tags": RV.map(["Name": "worker-2"])]),
                reason: .deleteBecauseCountIndex, index: RV.n(2)),
            .renderTest(
                "aws_launch_template.app", .createThenDelete,
                before: RV.obj(["id": RV.s("lt-1"), "image_id": RV.s("ami-1"), "latest_version": RV.n(4)]),
                after: RV.obj(["id": RV.unknown, "image_id": RV.s("ami-2"), "latest_version": RV.unknown]),
                replacePaths: [.attribute("image_id")]),
            .renderTest(
                "aws_s3_bucket.assets", .update,
                before: RV.obj([
                    "id": RV.s("assets"), "bucket": RV.s("assets"), "force_destroy": RV.b(false),
                    "tags": RV.map(["env": "prod", "team": "core", "cost": "1"]),
                    "versioning": RV.obj(["enabled": RV.b(false), "mfa_delete": RV.b(false)]),
                    "lifecycle_rule": .list(
                        [
                            RV.obj(["id": RV.s("logs"), "days": RV.n(30)]),
                            RV.obj(["id": RV.s("tmp"), "days": RV.n(1)]),
                            RV.obj(["id": RV.s("old"), "days": RV.n(365)]),
                        ], element: .object(["id": .string, "days": .number])),
                    "policy": RV.json(policyBefore),
                    "cors": RV.s("GET\nPUT\n"),
                    "website": RV.null,
                ]),
                after: RV.obj([
                    "id": RV.s("assets"), "bucket": RV.s("assets"), "force_destroy": RV.b(false),
                    "tags": RV.map(["env": "prod", "team": "platform", "owner": "me"]),
                    "versioning": RV.obj(["enabled": RV.b(true), "mfa_delete": RV.b(false)]),
                    "lifecycle_rule": .list(
                        [
                            RV.obj(["id": RV.s("logs"), "days": RV.n(30)]),
                            RV.obj(["id": RV.s("tmp"), "days": RV.n(7)]),
                            RV.obj(["id": RV.s("old"), "days": RV.n(365)]),
                        ], element: .object(["id": .string, "days": .number])),
                    "policy": RV.json(policyAfter),
                    "cors": RV.s("GET\nPOST\nPUT\n"),
                    "website": RV.obj(["index_document": RV.s("index.html")]),
                ]),
                json: ["policy"]),
            .renderTest(
                "aws_s3_bucket.old", .delete,
                before: RV.obj(["id": RV.s("old-bucket"), "bucket": RV.s("old-bucket")]),
                reason: .deleteBecauseNoResourceConfig),
            .renderTest(
                "aws_secretsmanager_secret_version.db", .update,
                before: RV.obj([
                    "id": RV.s("sv-1"), "secret_string": RV.secret(RV.s("s3cret-one")), "version_stage": RV.s("AWSCURRENT"),
                ]),
                after: RV.obj([
                    "id": RV.s("sv-1"), "secret_string": RV.secret(RV.s("s3cret-two")),
                    "version_stage": RV.secret(RV.s("AWSCURRENT")),
                ])),
            .renderTest(
                "aws_sqs_queue.jobs[\"old\"]", .delete,
                before: RV.obj(["id": RV.s("https://sqs/old"), "name": RV.s("old")]),
                reason: .deleteBecauseEachKey, index: RV.s("old")),
            .renderTest(
                "data.aws_ami.ubuntu", .read,
                after: RV.obj(["id": RV.unknown, "most_recent": RV.b(true), "owners": RV.strings(["099720109477"])]),
                mode: .data, reason: .readBecauseDependencyPending),
            .renderTest(
                "module.app[\"a\"].aws_ecs_service.this", .update,
                before: RV.obj(["id": RV.s("svc-a"), "name": RV.s("app-a"), "desired_count": RV.n(2)]),
                after: RV.obj(["id": RV.s("svc-a"), "name": RV.s("app-a"), "desired_count": RV.n(3)]),
                module: "module.app[\"a\"]", previous: "module.app[\"a\"].aws_ecs_service.main"),
        ]
        let drift: [ResourceChange] = [
            .renderTest(
                "aws_eip.old", .delete, before: RV.obj(["id": RV.s("eipalloc-1"), "public_ip": RV.s("203.0.113.7")])),
            .renderTest(
                "aws_security_group.web", .update,
                before: RV.obj(["id": RV.s("sg-1"), "description": RV.s("web"), "name": RV.s("web")]),
                after: RV.obj(["id": RV.s("sg-1"), "description": RV.s("changed by hand"), "name": RV.s("web")])),
        ]
        let outputs = [
            OutputChange(name: "endpoints", action: .update, before: RV.strings(["a", "b"]), after: RV.strings(["a", "c"]), isSensitive: false),
            OutputChange(name: "instance_count", action: .update, before: RV.n(2), after: RV.n(3), isSensitive: false),
            OutputChange(name: "legacy", action: .delete, before: RV.s("gone"), after: RV.null, isSensitive: false),
            OutputChange(name: "password", action: .update, before: RV.s("a"), after: RV.s("b"), isSensitive: true),
            OutputChange(name: "url", action: .create, before: RV.null, after: RV.unknown, isSensitive: false),
        ]
        return .renderTest(changes: changes, drift: drift, outputs: outputs)
    }

    /// Only unchanged resources.
    static var noChanges: Plan {
        let object = RV.obj(["id": RV.s("x"), "input": RV.s("same")])
        return .renderTest(
            changes: [.renderTest("pcplan_data.same", .noop, before: object, after: object)],
            outputs: [OutputChange(name: "o", action: .noop, before: RV.s("1"), after: RV.s("1"), isSensitive: false)])
    }

    /// Drift that the plan does not act on: Terraform shows no drift then.
    static var driftOnly: Plan {
        .renderTest(drift: [
            .renderTest(
                "aws_security_group.web", .update, before: RV.obj(["id": RV.s("sg-1"), "description": RV.s("a")]),
                after: RV.obj(["id": RV.s("sg-1"), "description": RV.s("b")]))
        ])
    }

    static var refreshOnly: Plan {
        var plan = driftOnly
        plan.mode = .refreshOnly
        return plan
    }

    static var destroyNothing: Plan { .renderTest(mode: .destroy) }

    static var outputsOnly: Plan {
        .renderTest(outputs: [
            OutputChange(name: "region", action: .update, before: RV.s("eu-west-1"), after: RV.s("eu-west-3"), isSensitive: false)
        ])
    }

    static var movedOnly: Plan {
        let object = RV.obj(["id": RV.s("x"), "input": RV.s("same"), "output": RV.s("same")])
        return .renderTest(changes: [
            .renderTest("pcplan_data.new", .noop, before: object, after: object, previous: "pcplan_data.old")
        ])
    }

    /// A security group with nested blocks, rendered with its schema.
    static var blocks: Plan {
        func rule(_ port: Int, _ cidr: String) -> Value {
            RV.obj(["from_port": RV.n(port), "to_port": RV.n(port), "cidr_blocks": RV.strings([cidr])])
        }
        let ruleType = ValueType.object(["from_port": .number, "to_port": .number, "cidr_blocks": .list(.string)])
        return .renderTest(changes: [
            .renderTest(
                "aws_security_group.web", .update,
                before: RV.obj([
                    "id": RV.s("sg-1"), "name": RV.s("web"),
                    "ingress": .set([rule(80, "0.0.0.0/0"), rule(22, "10.0.0.0/8")], element: ruleType),
                    "timeouts": RV.obj(["create": RV.s("5m")]),
                ]),
                after: RV.obj([
                    "id": RV.s("sg-1"), "name": RV.s("web"),
                    "ingress": .set([rule(80, "0.0.0.0/0"), rule(443, "0.0.0.0/0")], element: ruleType),
                    "timeouts": RV.obj(["create": RV.s("10m")]),
                ]))
        ])
    }

    static let securityGroupSchema = ResourceSchema(
        attributes: ["id": AttributeSchema(.string, .computed), "name": AttributeSchema(.string, .required)],
        blocks: [
            "ingress": BlockSchema(
                .set,
                ResourceSchema(attributes: [
                    "from_port": AttributeSchema(.number, .required), "to_port": AttributeSchema(.number, .required),
                    "cidr_blocks": AttributeSchema(.list(.string), .optional),
                ])),
            "timeouts": BlockSchema(.single, ResourceSchema(attributes: ["create": AttributeSchema(.string, .optional)])),
        ])

    static let terminal: [String: (Plan, Bool)] = [
        "everything": (everything, false), "everything-color": (everything, true), "no-changes": (noChanges, false),
        "no-changes-color": (noChanges, true), "drift-only": (driftOnly, false), "refresh-only": (refreshOnly, false),
        "destroy-nothing": (destroyNothing, false), "outputs-only": (outputsOnly, false),
        "moved-only": (movedOnly, false),
    ]

    static var terminalCases: [String] { terminal.keys.sorted() }
}
