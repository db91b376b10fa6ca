import Foundation
import PCLang
import PCPlan
import PCState
import Testing

@Suite struct PlanJSONTests {
    static let version = "0.4.0-test"

    static func plan(
        mode: Plan.Mode = .normal, variables: [String: Value] = [:], changes: [ResourceChange] = [],
        drift: [ResourceChange] = [], outputs: [OutputChange] = []
    ) -> Plan {
        Plan(
            mode: mode, pcplanVersion: version, stateLineage: "lineage-1", stateSerial: 3,
            configurationDigest: "abc", timestamp: "2026-01-02T03:04:05Z", variables: variables,
            resourceChanges: changes, resourceDrift: drift, outputChanges: outputs)
    }

    static func change(
        _ address: String, module: String? = nil, type: String = "pcplan_data", name: String = "x",
        index: Value? = nil, mode: ResourceChange.Mode = .managed, action: ChangeAction, reason: ActionReason? = nil,
        before: Value = .null, after: Value = .null, replacePaths: [ValuePath] = [], previous: String? = nil,
        deposed: String? = nil
    ) -> ResourceChange {
        ResourceChange(
            address: address, previousAddress: previous, moduleAddress: module, mode: mode, type: type, name: name,
            index: index, provider: "provider[\"pcplan/pcplan\"]", action: action, reason: reason, before: before,
            after: after, replacePaths: replacePaths, deposedKey: deposed)
    }

    static let secret = Value.string("hunter2").marked()
    static let known = Value.object(["id": .string("i-1"), "size": .number(2), "tags": .map(["a": .string("b")], element: .string)])

    /// The plans the schema must accept: one per kind of change.
    static let scenarios: [(String, Plan, StateSnapshot?)] = [
        ("empty", plan(), nil),
        ("create", plan(changes: [change("pcplan_data.x", action: .create, after: .object(["id": .unknown(.string), "size": .number(1)]))]), nil),
        ("update", plan(changes: [change("pcplan_data.x", action: .update, before: known, after: known)]), nil),
        ("replace", plan(changes: [change(
            "pcplan_data.x", action: .deleteThenCreate, reason: .replaceBecauseCannotUpdate, before: known,
            after: .object(["id": .unknown(.string), "size": .number(3), "tags": .null(.map(.string))]),
            replacePaths: [ValuePath([.attribute("size")]), ValuePath([.attribute("tags"), .index(.string("a"))])])]), nil),
        ("create before destroy", plan(changes: [change("pcplan_data.x", action: .createThenDelete, reason: .replaceByRequest, before: known, after: known)]), nil),
        ("delete", plan(changes: [change("pcplan_data.x", index: .number(1), action: .delete, reason: .deleteBecauseCountIndex, before: known)]), nil),
        ("deposed", plan(changes: [change("pcplan_data.x", action: .delete, before: known, deposed: "00000001")]), nil),
        ("read", plan(changes: [change("data.pcplan_data.d", mode: .data, action: .read, reason: .readBecauseConfigUnknown, after: .unknown(.object(["id": .string])))]), nil),
        ("moved", plan(changes: [change("pcplan_data.y", name: "y", action: .noop, before: known, after: known, previous: "pcplan_data.x")]), nil),
        ("sensitive", plan(
            variables: ["password": secret, "region": .string("eu")],
            changes: [change("pcplan_data.x", action: .update, before: .object(["pw": .string("old").marked()]), after: .object(["pw": secret]))],
            outputs: [OutputChange(name: "pw", action: .create, before: .null, after: secret, isSensitive: true)]), nil),
        ("unknown nested", plan(changes: [change("pcplan_data.x", action: .create, after: .object([
            "list": .list([.string("a"), .unknown(.string)], element: .string),
            "set": .set([.string("q"), .unknown(.string)], element: .string),
            "map": .map(["k": .unknown(.number), "j": .number(1)], element: .number),
            "whole": .unknown(.list(.string)),
        ]))]), nil),
        ("modules", plan(changes: [
            change("module.a.pcplan_data.x", module: "module.a", action: .create, after: known),
            change("module.b[\"k.1\"].module.c.pcplan_data.x", module: "module.b[\"k.1\"].module.c", index: .string("k"), action: .create, after: known),
        ]), nil),
        ("outputs", plan(outputs: [
            OutputChange(name: "new", action: .create, before: .null, after: .tuple([.unknown(.string), .string("z")]), isSensitive: false),
            OutputChange(name: "later", action: .update, before: .string("x"), after: .unknown(.string), isSensitive: false),
            OutputChange(name: "gone", action: .delete, before: .string("x"), after: .null, isSensitive: false),
            OutputChange(name: "same", action: .noop, before: .number(1), after: .number(1), isSensitive: false),
        ]), nil),
        ("drift", plan(mode: .refreshOnly, drift: [change("pcplan_data.x", action: .update, before: known, after: known)]), nil),
        ("prior state", plan(changes: [change("module.m.pcplan_data.x[0]", module: "module.m", index: .number(0), action: .noop, before: known, after: known)]),
         StateSnapshot(lineage: "lineage-1", serial: 3, pcplanVersion: "0.3.0", resources: [
            ResourceInstanceRecord(
                address: "module.m.pcplan_data.x[0]", modulePath: "module.m", type: "pcplan_data", name: "x", indexKey: .int(0),
                provider: "provider[\"pcplan/pcplan\"]", attributesJSON: #"{"id":"i-1","pw":"s"}"#,
                sensitivePathsJSON: #"[[{"type":"get_attr","value":"pw"}]]"#, dependencies: ["pcplan_data.y"], schemaVersion: 2,
                status: .tainted, createdAt: Date(timeIntervalSince1970: 0)),
            ResourceInstanceRecord(
                address: "pcplan_data.y", deposedKey: "0000abcd", type: "pcplan_data", name: "y",
                provider: "provider[\"pcplan/pcplan\"]", createdAt: Date(timeIntervalSince1970: 0)),
         ], outputs: [OutputRecord(name: "o", valueJSON: #"[1,"a"]"#, typeJSON: #"["tuple",["number","string"]]"#)])),
    ]

    static func render(_ plan: Plan, _ state: StateSnapshot? = nil) throws -> [String: Value] {
        let text = PlanRenderer.json(plan, priorState: state)
        return try #require(try Value.fromJSON(text).attributes)
    }

    @Test(arguments: scenarios.indices)
    func scenarioMatchesTheSchema(_ index: Int) throws {
        let (name, plan, state) = Self.scenarios[index]
        let document = try Value.fromJSON(PlanRenderer.json(plan, priorState: state))
        let problems = try JSONSchemaValidator.planSchema().validate(document)
        #expect(problems.isEmpty, "\(name): \(problems)")
    }

    @Test func validatorRejectsWhatTheSchemaForbids() throws {
        let validator = try JSONSchemaValidator.planSchema()
        var document = try Self.render(Self.scenarios[3].1)
        #expect(validator.validate(.object(document)).isEmpty)
        let cases: [(String, (inout [String: Value]) -> Void, String)] = [
            ("missing", { $0["applyable"] = nil }, "applyable"),
            ("type", { $0["complete"] = .string("yes") }, "complete"),
            ("extra", { $0["configuratoin"] = .object([:]) }, "configuratoin"),
            ("enum", { $0["format_version"] = .string("2.0") }, "format_version"),
            ("nested", { doc in
                var changes = doc["resource_changes"]!.elements!
                var first = changes[0].attributes!
                var body = first["change"]!.attributes!
                body["actions"] = .tuple([.string("replace")])
                first["change"] = .object(body)
                changes[0] = .object(first)
                doc["resource_changes"] = .tuple(changes)
            }, "actions"),
        ]
        for (name, damage, key) in cases {
            var broken = document
            damage(&broken)
            let problems = validator.validate(.object(broken))
            #expect(problems.contains { $0.contains(key) }, "\(name): \(problems)")
        }
        document["variables"] = .object(["v": .object(["value": .number(1), "x": .true])])
        #expect(!validator.validate(.object(document)).isEmpty)
    }

    /// `terraform show -json` of Terraform 1.11.4 for a `terraform_data`
    /// whose input mixes unknown, sensitive, empty and null parts (the
    /// `change` object, keys sorted), with the one deliberate difference:
    /// the sensitive values (`l[0]`, `m.c`, `whole`), which Terraform
    /// writes in clear, are `null`.
    static let terraformChange = #"""
    {"actions": ["create"], "after": {"input": {"e": [], "em": {}, "l": [null, "n", null], "m": {"b": "k", "c": null}, "n": null, "s": ["q", null], "whole": null}, "triggers_replace": null}, "after_sensitive": {"input": {"e": [], "em": {}, "l": [true, false, false], "m": {"c": true}, "s": [false, false], "whole": true}, "output": {}}, "after_unknown": {"id": true, "input": {"e": [], "em": {}, "l": [false, false, true], "m": {"a": true}, "s": [false, true], "whole": {}}, "output": true}, "before": null, "before_sensitive": false}
    """#

    @Test func changeMatchesTerraformOutput() throws {
        let pw = Value.string("p").marked()
        let inputType = ValueType.object(["q": .number])
        let after = Value.object([
            "id": .unknown(.string),
            "input": .object([
                "m": .object(["a": .unknown(.string), "b": .string("k"), "c": pw]),
                "s": .set([.unknown(.string), .string("q")], element: .string),
                "l": .tuple([pw, .string("n"), .unknown(.string)]),
                "e": .emptyTuple,
                "em": .emptyObject,
                "n": .null,
                "whole": Value.object(["q": .number(1)]).marked(),
            ]),
            "output": .unknown(.object(["whole": inputType])),
            "triggers_replace": .null(.dynamic),
        ])
        let document = try Self.render(Self.plan(changes: [Self.change("terraform_data.y", action: .create, after: after)]))
        let change = try #require(document["resource_changes"]?.elements?.first?.attributes?["change"])
        #expect(change == (try Value.fromJSON(Self.terraformChange)))
    }

    @Test func createAndDeleteFollowTerraformShapes() throws {
        let document = try Self.render(Self.scenarios[5].1)
        let entry = try #require(document["resource_changes"]?.elements?.first?.attributes)
        #expect(entry["index"] == .number(1))
        #expect(entry["action_reason"] == .string("delete_because_count_index"))
        #expect(entry["provider_name"] == .string("pcplan/pcplan"))
        #expect(entry["module_address"] == nil)
        let change = try #require(entry["change"]?.attributes)
        #expect(change["actions"] == .tuple([.string("delete")]))
        #expect(change["after"] == .null)
        #expect(change["after_unknown"] == .emptyObject)
        #expect(change["after_sensitive"] == .false)
        #expect(change["before_sensitive"] == (try Value.fromJSON(#"{"tags":{}}"#)), "an empty mirror of a map is kept")
        let planned = try #require(document["planned_values"]?.attributes?["root_module"])
        #expect(planned == .emptyObject, "deleted objects are not planned values")
    }

    @Test func replacementListsItsPathsAndReason() throws {
        let document = try Self.render(Self.scenarios[3].1)
        let entry = try #require(document["resource_changes"]?.elements?.first?.attributes)
        let change = try #require(entry["change"]?.attributes)
        #expect(change["actions"] == .tuple([.string("delete"), .string("create")]))
        #expect(change["replace_paths"] == (try Value.fromJSON(#"[["size"],["tags","a"]]"#)))
        #expect(change["after"] == (try Value.fromJSON(#"{"size":3,"tags":null}"#)))
        #expect(change["after_unknown"] == (try Value.fromJSON(#"{"id":true}"#)))
        #expect(entry["action_reason"] == .string("replace_because_cannot_update"))
    }

    /// Unlike Terraform, the JSON plan holds no secrets: it is posted to pull
    /// requests and kept by CI. Their places are still marked.
    @Test func sensitiveValuesAreNullWithTheirMirrors() throws {
        let document = try Self.render(Self.scenarios[9].1)
        #expect(!PlanRenderer.json(Self.scenarios[9].1, priorState: nil).contains("hunter2"))
        #expect(document["variables"] == (try Value.fromJSON(#"{"password":{"value":null},"region":{"value":"eu"}}"#)))
        let change = try #require(document["resource_changes"]?.elements?.first?.attributes?["change"]?.attributes)
        #expect(change["after"] == (try Value.fromJSON(#"{"pw":null}"#)))
        #expect(change["after_sensitive"] == (try Value.fromJSON(#"{"pw":true}"#)))
        #expect(change["before_sensitive"] == (try Value.fromJSON(#"{"pw":true}"#)))
        let output = try #require(document["output_changes"]?.attributes?["pw"]?.attributes)
        #expect(output["after"]?.isNull == true)
        #expect(output["after_sensitive"] == .true)
        #expect(output["before_sensitive"] == .true)
        let planned = try #require(document["planned_values"]?.attributes?["outputs"]?.attributes?["pw"])
        #expect(planned == (try Value.fromJSON(#"{"sensitive":true,"type":"string","value":null}"#)))
    }

    @Test func outputChangesFollowTerraform() throws {
        let document = try Self.render(Self.scenarios[12].1)
        let outputs = try #require(document["output_changes"]?.attributes)
        #expect(outputs["new"] == (try Value.fromJSON(
            #"{"actions":["create"],"after":[null,"z"],"after_sensitive":false,"after_unknown":[true,false],"before":null,"before_sensitive":false}"#)))
        #expect(outputs["later"] == (try Value.fromJSON(
            #"{"actions":["update"],"after_sensitive":false,"after_unknown":true,"before":"x","before_sensitive":false}"#)))
        #expect(outputs["gone"] == (try Value.fromJSON(
            #"{"actions":["delete"],"after":null,"after_sensitive":false,"after_unknown":false,"before":"x","before_sensitive":false}"#)))
        let planned = try #require(document["planned_values"]?.attributes?["outputs"])
        #expect(planned == (try Value.fromJSON(
            #"{"later":{"sensitive":false},"new":{"sensitive":false},"same":{"sensitive":false,"type":"number","value":1}}"#)))
        #expect(document["applyable"] == .true)
    }

    @Test func modulesNestWithTheirAncestors() throws {
        let document = try Self.render(Self.scenarios[11].1)
        let root = try #require(document["planned_values"]?.attributes?["root_module"]?.attributes)
        #expect(root["resources"] == nil)
        let children = try #require(root["child_modules"]?.elements)
        #expect(children.map { $0.attributes?["address"] } == [.string("module.a"), .string("module.b[\"k.1\"]")])
        let b = try #require(children[1].attributes)
        #expect(b["resources"] == nil, "a module with no resources of its own still carries its children")
        let c = try #require(b["child_modules"]?.elements?.first?.attributes)
        #expect(c["address"] == .string("module.b[\"k.1\"].module.c"))
        let resource = try #require(c["resources"]?.elements?.first?.attributes)
        #expect(resource["index"] == .string("k"))
        #expect(resource["values"] == (try Value.fromJSON(#"{"id":"i-1","size":2,"tags":{"a":"b"}}"#)))
        let entry = try #require(document["resource_changes"]?.elements?[1].attributes)
        #expect(entry["module_address"] == .string("module.b[\"k.1\"].module.c"))
    }

    @Test func priorStateComesFromTheRecords() throws {
        let (_, plan, state) = Self.scenarios[14]
        let document = try Self.render(plan, state)
        let prior = try #require(document["prior_state"]?.attributes)
        #expect(prior["format_version"] == .string("1.0"))
        #expect(prior["terraform_version"] == .string("0.3.0"))
        let values = try #require(prior["values"]?.attributes)
        #expect(values["outputs"] == (try Value.fromJSON(#"{"o":{"sensitive":false,"type":["tuple",["number","string"]],"value":[1,"a"]}}"#)))
        let root = try #require(values["root_module"]?.attributes)
        let deposed = try #require(root["resources"]?.elements?.first?.attributes)
        #expect(deposed["deposed_key"] == .string("0000abcd"))
        let module = try #require(root["child_modules"]?.elements?.first?.attributes)
        let record = try #require(module["resources"]?.elements?.first)
        #expect(record == (try Value.fromJSON(#"""
            {"address":"module.m.pcplan_data.x[0]","depends_on":["pcplan_data.y"],"index":0,"mode":"managed","name":"x",
             "provider_name":"pcplan/pcplan","schema_version":2,"sensitive_values":{"pw":true},"tainted":true,
             "type":"pcplan_data","values":{"id":"i-1","pw":null}}
            """#)))
        let planned = try #require(document["planned_values"]?.attributes?["root_module"]?.attributes?["child_modules"]?.elements?.first)
        #expect(planned.attributes?["resources"]?.elements?.first?.attributes?["schema_version"] == .number(2))
        let withoutState = try Self.render(plan)
        let plain = try #require(withoutState["planned_values"]?.attributes?["root_module"]?.attributes?["child_modules"]?.elements?.first)
        #expect(plain.attributes?["resources"]?.elements?.first?.attributes?["schema_version"] == .number(0))
    }

    @Test func topLevelFieldsAndDeterminism() throws {
        let plan = Self.scenarios[10].1
        let text = PlanRenderer.json(plan, priorState: nil)
        #expect(text == PlanRenderer.json(plan, priorState: nil))
        #expect(!text.contains("\n"))
        #expect(text.hasPrefix(#"{"applyable":true,"complete":true,"errored":false,"format_version":"1.2","pcplan_version":"0.4.0-test","planned_values":"#))
        let document = try Self.render(plan)
        #expect(document["terraform_version"] == .string(Self.version))
        #expect(document["timestamp"] == .string("2026-01-02T03:04:05Z"))
        #expect(document["prior_state"] == nil)
        #expect(document["output_changes"] == nil)
        let empty = try Self.render(Self.plan())
        #expect(empty["applyable"] == .false)
        #expect(empty["resource_changes"] == nil)
        #expect(empty["variables"] == nil)
    }

    @Test func driftIsListedApartAndOnlyWhenItMatters() throws {
        let refreshOnly = try Self.render(Self.scenarios[13].1)
        #expect(refreshOnly["resource_drift"]?.elements?.count == 1)
        #expect(refreshOnly["resource_changes"] == nil)
        #expect(refreshOnly["applyable"] == .true)
        let quiet = Self.plan(drift: [Self.change("pcplan_data.x", action: .noop, before: Self.known, after: Self.known)])
        #expect(try Self.render(quiet)["resource_drift"] == nil)
        let dataDelete = Self.plan(changes: [Self.change("data.pcplan_data.d", mode: .data, action: .delete, before: Self.known)])
        #expect(try Self.render(dataDelete)["resource_changes"] == nil)
    }

    @Test func unknownPartsAreLeftOutOrNull() throws {
        let document = try Self.render(Self.scenarios[10].1)
        let change = try #require(document["resource_changes"]?.elements?.first?.attributes?["change"]?.attributes)
        #expect(change["after"] == (try Value.fromJSON(#"{"list":["a",null],"map":{"j":1},"set":["q",null]}"#)))
        #expect(change["after_unknown"] == (try Value.fromJSON(#"{"list":[false,true],"map":{"k":true},"set":[false,true],"whole":true}"#)))
        #expect(change["after_sensitive"] == (try Value.fromJSON(#"{"list":[false,false],"map":{},"set":[false,false],"whole":[]}"#)))
        let read = try Self.render(Self.scenarios[7].1)
        let readChange = try #require(read["resource_changes"]?.elements?.first?.attributes?["change"]?.attributes)
        #expect(readChange["after"] == nil)
        #expect(readChange["after_unknown"] == .true)
        #expect(readChange["after_sensitive"] == .emptyObject)
    }
}

/// A small JSON Schema (draft 2020-12) validator for the tests: the
/// keywords the plan schema uses, and a complaint about any other keyword,
/// so that nothing in the schema is silently skipped.
struct JSONSchemaValidator {
    let root: Value

    static func planSchema() throws -> JSONSchemaValidator {
        let url = try #require(Bundle.module.url(
            forResource: "plan-json.schema", withExtension: "json", subdirectory: "Fixtures/schema"))
        return JSONSchemaValidator(root: try Value.fromJSON(try String(contentsOf: url, encoding: .utf8)))
    }

    /// Every place where `instance` breaks the schema; empty when valid.
    func validate(_ instance: Value) -> [String] {
        var problems: [String] = []
        check(instance, against: root, at: "$", problems: &problems)
        return problems
    }

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    private func check(_ instance: Value, against schema: Value, at path: String, problems: inout [String]) {
        if let allowed = schema.boolValue {
            if !allowed { problems.append("\(path): nothing is allowed here") }
            return
        }
        guard let keywords = schema.attributes else {
            problems.append("\(path): the schema here is not an object")
            return
        }
        let declared = keywords["properties"]?.attributes ?? [:]
        let prefixCount = keywords["prefixItems"]?.elements?.count ?? 0
        for key in Value.sortedKeys(keywords) where !Self.annotations.contains(key) {
            let argument = keywords[key]!
            switch key {
            case "$ref":
                guard let target = resolve(argument.stringValue ?? "") else {
                    problems.append("\(path): unresolvable $ref \(argument)")
                    continue
                }
                check(instance, against: target, at: path, problems: &problems)
            case "type":
                let names = argument.elements?.compactMap(\.stringValue) ?? [argument.stringValue ?? ""]
                if !names.contains(where: { Self.matches(instance, type: $0) }) {
                    problems.append("\(path): expected \(names.joined(separator: " or ")), found \(Self.kind(of: instance))")
                }
            case "enum":
                if !(argument.elements ?? []).contains(instance) {
                    problems.append("\(path): \((try? instance.jsonString()) ?? "value") is not one of the allowed values")
                }
            case "required":
                guard let attributes = Self.object(instance) else { continue }
                for name in argument.elements?.compactMap(\.stringValue) ?? [] where attributes[name] == nil {
                    problems.append("\(path): required property \(name) is missing")
                }
            case "properties":
                guard let attributes = Self.object(instance) else { continue }
                for (name, subschema) in declared {
                    if let member = attributes[name] {
                        check(member, against: subschema, at: "\(path).\(name)", problems: &problems)
                    }
                }
            case "additionalProperties":
                guard let attributes = Self.object(instance) else { continue }
                for name in Value.sortedKeys(attributes) where declared[name] == nil {
                    if argument.boolValue == false {
                        problems.append("\(path).\(name): property is not allowed")
                    } else {
                        check(attributes[name]!, against: argument, at: "\(path).\(name)", problems: &problems)
                    }
                }
            case "prefixItems", "items":
                guard let elements = Self.array(instance) else { continue }
                for (offset, element) in elements.enumerated() {
                    if key == "prefixItems", let schemas = argument.elements, offset < schemas.count {
                        check(element, against: schemas[offset], at: "\(path)[\(offset)]", problems: &problems)
                    } else if key == "items", offset >= prefixCount {
                        check(element, against: argument, at: "\(path)[\(offset)]", problems: &problems)
                    }
                }
            case "minItems", "maxItems":
                guard let elements = Self.array(instance), let bound = argument.numberValue?.intValue else { continue }
                if key == "minItems" ? elements.count < bound : elements.count > bound {
                    problems.append("\(path): \(elements.count) items, \(key) is \(bound)")
                }
            case "minimum":
                guard let number = instance.numberValue, let bound = argument.numberValue else { continue }
                if number < bound { problems.append("\(path): \(number) is below \(bound)") }
            case "pattern":
                guard let string = instance.stringValue else { continue }
                guard let regex = try? Regex(argument.stringValue ?? "") else {
                    problems.append("\(path): bad pattern \(argument)")
                    continue
                }
                if (try? regex.firstMatch(in: string)) == nil { problems.append("\(path): \(string) does not match \(argument)") }
            case "anyOf", "oneOf":
                let passing = (argument.elements ?? []).filter { option in
                    var nested: [String] = []
                    check(instance, against: option, at: path, problems: &nested)
                    return nested.isEmpty
                }.count
                if passing == 0 || (key == "oneOf" && passing > 1) {
                    problems.append("\(path): \(passing) of the \(key) alternatives match")
                }
            default:
                problems.append("\(path): the validator does not know the keyword \(key)")
            }
        }
    }

    /// `#/$defs/name`-style pointers into this schema.
    private func resolve(_ reference: String) -> Value? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for step in reference.dropFirst().split(separator: "/") {
            guard let next = node.attributes?[String(step)] else { return nil }
            node = next
        }
        return node
    }

    private static func object(_ value: Value) -> [String: Value]? {
        if case .object(let attributes) = value.content { return attributes }
        return nil
    }

    private static func array(_ value: Value) -> [Value]? {
        if case .tuple(let elements) = value.content { return elements }
        return nil
    }

    private static func matches(_ value: Value, type: String) -> Bool {
        switch (type, value.content) {
        case ("object", .object), ("array", .tuple), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.isInteger
        default:
            return false
        }
    }

    private static func kind(of value: Value) -> String {
        for name in ["object", "array", "string", "boolean", "null", "integer", "number"] where matches(value, type: name) {
            return name
        }
        return "something else"
    }
}
