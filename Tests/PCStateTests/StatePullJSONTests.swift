import Foundation
import Testing
@testable import PCState

/// `pcplan state pull`: Terraform's state v4 shape, deterministic text.
@Suite struct StatePullJSONTests {
    static func sampleState(_ path: String) throws -> SQLiteStateBackend {
        let state = try openState(path, version: "0.2.0")
        var web0 = record("aws_instance.web[0]", type: "aws_instance", name: "web", index: .int(0),
                          attributes: #"{"id":"i-0","size":123456789012345678901234567890.5,"tags":{"z":"1","a":"2"}}"#)
        web0.provider = #"provider["aws"]"#
        web0.schemaVersion = 1
        web0.sensitivePathsJSON = #"[[{"type":"get_attr","value":"password"}]]"#
        web0.dependencies = ["aws_vpc.main"]
        var web1 = web0
        web1.address = "aws_instance.web[1]"
        web1.indexKey = .int(1)
        web1.status = .tainted
        var web1Deposed = web1
        web1Deposed.deposedKey = "a1b2c3d4"
        web1Deposed.status = .ready
        let svc = ResourceInstanceRecord(
            address: #"module.app["a"].aws_ecs_service.this["blue"]"#, modulePath: #"module.app["a"]"#,
            type: "aws_ecs_service", name: "this", indexKey: .string("blue"), provider: #"provider["aws"].west"#,
            attributesJSON: #"{"name":"svc\n\"x\"/y"}"#, createdAt: testDate(0)
        )
        let ami = ResourceInstanceRecord(
            address: "data.aws_ami.ubuntu", mode: .data, type: "aws_ami", name: "ubuntu",
            provider: #"provider["aws"]"#, attributesJSON: #"{"id":"ami-1"}"#, createdAt: testDate(0)
        )
        try state.commit([
            .upsertInstance(web1), .upsertInstance(web0), .upsertInstance(web1Deposed), .upsertInstance(svc), .upsertInstance(ami),
            .setOutput(OutputRecord(name: "url", valueJSON: #""http://x""#, typeJSON: #""string""#)),
            .setOutput(OutputRecord(name: "password", valueJSON: #""s3cret""#, sensitive: true)),
        ])
        return state
    }

    @Test func shapeFollowsTerraformStateVersion4() throws {
        try withStatePath { path in
            let state = try Self.sampleState(path)
            let text = try state.pullJSON()
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(document["version"] as? Int == 4)
            #expect(document["pcplan_version"] as? String == "0.2.0")
            #expect(document["serial"] as? Int == 1)
            #expect(document["lineage"] as? String == (try state.metadata().lineage))

            let outputs = try #require(document["outputs"] as? [String: [String: Any]])
            #expect(outputs["url"]?["value"] as? String == "http://x")
            #expect(outputs["url"]?["type"] as? String == "string")
            #expect(outputs["url"]?["sensitive"] as? Bool == false)
            #expect(outputs["password"]?["sensitive"] as? Bool == true)
            #expect(outputs["password"]?["type"] == nil)

            let resources = try #require(document["resources"] as? [[String: Any]])
            #expect(resources.map { "\($0["module"] as? String ?? "")|\($0["mode"]!)|\($0["type"]!)|\($0["name"]!)" } == [
                "|data|aws_ami|ubuntu",
                "|managed|aws_instance|web",
                #"module.app["a"]|managed|aws_ecs_service|this"#,
            ])
            #expect(resources[0]["module"] == nil)
            #expect(resources[1]["provider"] as? String == #"provider["aws"]"#)
            #expect(resources[2]["provider"] as? String == #"provider["aws"].west"#)

            let web = try #require(resources[1]["instances"] as? [[String: Any]])
            #expect(web.map { $0["index_key"] as? Int } == [0, 1, 1])
            #expect(web.map { $0["deposed"] as? String } == [nil, nil, "a1b2c3d4"])
            #expect(web.map { $0["status"] as? String } == [nil, "tainted", nil])
            #expect(web[0]["schema_version"] as? Int == 1)
            #expect(web[0]["dependencies"] as? [String] == ["aws_vpc.main"])
            let attributes = try #require(web[0]["attributes"] as? [String: Any])
            #expect(attributes["id"] as? String == "i-0")
            let sensitive = try #require(web[0]["sensitive_attributes"] as? [[[String: String]]])
            #expect(sensitive == [[["type": "get_attr", "value": "password"]]])

            let ami = try #require((resources[0]["instances"] as? [[String: Any]])?.first)
            #expect(ami["index_key"] == nil)
            #expect(ami["dependencies"] as? [String] == [])
            #expect(ami["sensitive_attributes"] as? [Any] != nil)
            let svc = try #require((resources[2]["instances"] as? [[String: Any]])?.first)
            #expect(svc["index_key"] as? String == "blue")
            #expect((svc["attributes"] as? [String: String])?["name"] == "svc\n\"x\"/y")
        }
    }

    @Test func textIsSortedIndentedAndKeepsNumbersExactly() throws {
        try withStatePath { path in
            let text = try Self.sampleState(path).pullJSON()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "{")
            #expect(lines[1].hasPrefix("  \"lineage\": \""))
            #expect(text.hasSuffix("}\n"))
            let topKeys = lines.filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
            #expect(topKeys == ["lineage", "outputs", "pcplan_version", "resources", "serial", "version"])
            #expect(text.contains(#""size": 123456789012345678901234567890.5"#))
            // Nested keys sorted too: "a" before "z" though stored the other way.
            let a = try #require(text.range(of: #""a": "2""#)), z = try #require(text.range(of: #""z": "1""#))
            #expect(a.lowerBound < z.lowerBound)
            #expect(text.contains(#""name": "svc\n\"x\"/y""#))
            #expect(text.contains("\n        \"instances\": [\n") || text.contains("\n      \"instances\": [\n"))
            #expect(!text.contains("\t"))
        }
    }

    @Test func sameStateGivesTheSameText() throws {
        try withStatePath { path in
            let state = try Self.sampleState(path)
            #expect(try state.pullJSON() == (try openState(path).pullJSON()))
        }
    }

    @Test func emptyState() throws {
        try withStatePath { path in
            let text = try openState(path).pullJSON()
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(document["serial"] as? Int == 0)
            #expect((document["resources"] as? [Any])?.isEmpty == true)
            #expect((document["outputs"] as? [String: Any])?.isEmpty == true)
            #expect(text.contains("\"outputs\": {},\n"))
            #expect(text.contains("\"resources\": [],\n"))
        }
    }
}
