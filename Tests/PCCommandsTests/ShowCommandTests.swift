import Foundation
import PCState
import Testing

/// `pcplan show`: the state without arguments, a saved plan with one.
@Suite struct ShowCommandTests {
    @Test func withoutAStateSaysSo() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["show"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "No state.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.db")))
        try StateFixture.write(sandbox, records: [])
        #expect(pcplan(["show"], in: sandbox.root).output == "The state file is empty. No resources are represented.\n")
    }

    @Test func showsEveryObjectThenTheOutputs() throws {
        let sandbox = try Sandbox()
        try StateFixture.write(
            sandbox,
            records: [
                StateFixture.data("module.app.pcplan_data.db", module: "module.app", name: "db"),
                StateFixture.data(
                    "pcplan_data.web", name: "web",
                    attributes: #"{"id":"w","input":["a","b"],"output":null,"triggers_replace":null}"#),
            ],
            outputs: [
                OutputRecord(name: "list", valueJSON: "[1,2]"),
                OutputRecord(name: "name", valueJSON: #""web""#),
                OutputRecord(name: "token", valueJSON: #""s3cret""#, sensitive: true),
            ])
        let result = pcplan(["show"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == """
            # pcplan_data.web:
            resource "pcplan_data" "web" {
                id    = "w"
                input = [
                    "a",
                    "b",
                ]
            }

            # module.app.pcplan_data.db:
            resource "pcplan_data" "db" {
                id = "x"
            }


            Outputs:

            list = [
                1,
                2,
            ]
            name = "web"
            token = (sensitive value)

            """)
        #expect(!result.output.contains("s3cret"))
    }

    /// Terraform's JSON state format, with sensitive values left out:
    /// `state pull` is the way to the raw state.
    @Test func jsonWithoutAPlanIsTheStateInTerraformsFormat() throws {
        let sandbox = try Sandbox()
        try StateFixture.write(
            sandbox,
            records: [StateFixture.data("pcplan_data.web", name: "web")],
            outputs: [
                OutputRecord(name: "name", valueJSON: #""web""#),
                OutputRecord(name: "token", valueJSON: #""s3cret""#, sensitive: true),
            ])
        let result = pcplan(["show", "-json"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(!result.output.contains("s3cret"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["format_version"] as? String == "1.0")
        let values = try #require(object["values"] as? [String: Any])
        let outputs = try #require(values["outputs"] as? [String: [String: Any]])
        #expect(outputs["token"]?["sensitive"] as? Bool == true)
        #expect(outputs["token"]?["value"] is NSNull)
        let root = try #require(values["root_module"] as? [String: Any])
        #expect((root["resources"] as? [Any])?.isEmpty == false)
        let empty = try Sandbox()
        let none = pcplan(["show", "--json"], in: empty.root)
        #expect(none.status == 0)
        let nothing = try #require(try JSONSerialization.jsonObject(with: Data(none.output.utf8)) as? [String: Any])
        #expect((nothing["values"] as? [String: Any])?["outputs"] == nil)
    }

    /// A configuration planned to a file by `pcplan plan -out`.
    static func savedPlan() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "pcplan_data" "web" {
              input = "hello"
            }

            """)
        let plan = pcplan(["plan", "-out=tfplan"], in: sandbox.root)
        #expect(plan.status == 0, "\(plan.error)")
        return sandbox
    }

    @Test func rendersASavedPlanForTheTerminal() throws {
        let sandbox = try Self.savedPlan()
        let result = pcplan(["show", "tfplan"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        #expect(result.output.contains("  # pcplan_data.web will be created\n"), "\(result.output)")
        #expect(result.output.contains("  + resource \"pcplan_data\" \"web\" {\n"))
        #expect(result.output.contains("Plan: 1 to add, 0 to change, 0 to destroy.\n"))
        #expect(!result.output.contains("\u{1B}["))
        let coloured = pcplan(["show", "tfplan"], in: sandbox.root, terminal: true)
        #expect(coloured.output.contains("\u{1B}["))
        let plain = pcplan(["show", "-no-color", "tfplan"], in: sandbox.root, terminal: true)
        #expect(plain.output == result.output)
    }

    @Test func rendersASavedPlanAsJSON() throws {
        let sandbox = try Self.savedPlan()
        let result = pcplan(["show", "-json", "tfplan"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["format_version"] as? String == "1.2")
        let changes = try #require(object["resource_changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["address"] as? String == "pcplan_data.web")
        let change = try #require(changes.first?["change"] as? [String: Any])
        #expect(change["actions"] as? [String] == ["create"])
    }

    @Test func rendersASavedPlanAsMarkdown() throws {
        let sandbox = try Self.savedPlan()
        let result = pcplan(["show", "-markdown", "tfplan"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("pcplan_data.web"))
        #expect(result.output.contains("<details>"), "\(result.output)")
        let small = pcplan(["show", "-markdown", "-max-chars=400", "tfplan"], in: sandbox.root)
        #expect(small.status == 0)
        #expect(small.output.contains("pcplan_data.web"))
    }

    @Test func optionErrors() throws {
        let sandbox = try Self.savedPlan()
        let cases: [([String], String)] = [
            (["show", "-markdown"], "error: Plan file required"),
            (["show", "-json", "-markdown", "tfplan"], "error: Conflicting options"),
            (["show", "-markdown", "-max-chars=0", "tfplan"], "error: Invalid -max-chars"),
            (["show", "missing.plan"], "missing.plan"),
        ]
        for (arguments, message) in cases {
            let result = pcplan(arguments, in: sandbox.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.output == "", "\(arguments)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
        }
    }

    @Test func aDamagedPlanFileIsRefused() throws {
        let sandbox = try Self.savedPlan()
        try sandbox.write("junk.plan", "this is not a plan file")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: sandbox.path("tfplan"))))
        bytes[bytes.count / 2] ^= 0xFF
        try sandbox.write("flipped.plan", bytes: bytes)
        for file in ["junk.plan", "flipped.plan"] {
            let result = pcplan(["show", file], in: sandbox.root)
            #expect(result.status == 1, "\(file)")
            #expect(result.output == "", "\(file)")
            #expect(result.error.contains("error: Invalid plan file"), "\(file): \(result.error)")
            #expect(result.error.contains("\(file): "))
        }
    }
}
