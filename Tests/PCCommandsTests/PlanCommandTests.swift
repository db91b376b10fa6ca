import Foundation
import Testing

@Suite("pcplan plan")
struct PlanCommandTests {
    static let configuration = """
        variable "name" {
          type = string
        }
        variable "zones" {
          type    = list(string)
          default = []
        }
        resource "pcplan_data" "x" {
          input = "${var.name}:${join(",", var.zones)}"
        }
        output "value" {
          value = pcplan_data.x.input
        }
        """

    /// The planned `input`, read from the plan's output section.
    func plannedValue(_ result: CommandResult) -> String? {
        result.output.split(separator: "\n").first { $0.contains("+ value") }
            .map { String($0.split(separator: "=", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) }
    }

    @Test("variables: environment, then auto files, then -var and -var-file in command-line order")
    func variablePrecedence() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        try sandbox.write("a.auto.pclvars", "name = \"auto\"\n")
        try sandbox.write("one.pclvars", "name = \"file\"\nzones = [\"a\", \"b\"]\n")
        let environment = ["PCPLAN_VAR_name": "env", "PCPLAN_VAR_zones": "[\"z\"]"]

        let auto = pcplan(["plan", "-no-color"], in: sandbox.root, environment: environment)
        #expect(auto.status == 0, "\(auto.error)")
        #expect(plannedValue(auto) == "\"auto:z\"")

        let fileLast = pcplan(["plan", "-no-color", "-var", "name=cli", "-var-file=one.pclvars"], in: sandbox.root, environment: environment)
        #expect(plannedValue(fileLast) == "\"file:a,b\"")

        let varLast = pcplan(["plan", "-no-color", "-var-file", "one.pclvars", "-var", "name=cli"], in: sandbox.root, environment: environment)
        #expect(plannedValue(varLast) == "\"cli:a,b\"")
    }

    @Test("-detailed-exitcode: 2 with changes; errors are 1 with a diagnostic")
    func exitCodes() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let changes = pcplan(["plan", "-no-color", "-detailed-exitcode", "-var", "name=x"], in: sandbox.root)
        #expect(changes.status == 2)
        #expect(changes.output.contains("Plan: 1 to add, 0 to change, 0 to destroy."))
        let missing = pcplan(["plan", "-no-color"], in: sandbox.root)
        #expect(missing.status == 1)
        #expect(missing.error.contains("No value for required variable"))
        #expect(missing.error.contains("main.pcl:1:"))
    }

    @Test("-out writes a plan that show reads back; -markdown-out writes the review")
    func savedPlan() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let planned = pcplan(["plan", "-no-color", "-var", "name=x", "-out", "plan.bin", "-markdown-out", "plan.md"], in: sandbox.root)
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.contains("Saved the plan to: plan.bin"))
        let shown = pcplan(["show", "-json", "plan.bin"], in: sandbox.root)
        #expect(shown.status == 0, "\(shown.error)")
        let json = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        let changes = json?["resource_changes"] as? [[String: Any]]
        #expect(changes?.first?["address"] as? String == "pcplan_data.x")
        let markdown = try sandbox.read("plan.md")
        #expect(markdown.contains("pcplan_data.x"))
        #expect(markdown.contains("<details>"))
    }

    @Test("show warns when the saved plan no longer matches the configuration")
    func stalePlan() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        #expect(pcplan(["plan", "-var", "name=x", "-out", "plan.bin"], in: sandbox.root).status == 0)
        let fresh = pcplan(["show", "-no-color", "plan.bin"], in: sandbox.root)
        #expect(fresh.status == 0)
        #expect(!fresh.error.contains("stale"))
        try sandbox.write("main.pcl", Self.configuration + "\nlocals {\n  extra = 1\n}\n")
        let stale = pcplan(["show", "-no-color", "plan.bin"], in: sandbox.root)
        #expect(stale.status == 0)
        #expect(stale.error.contains("Saved plan is stale"))
        #expect(stale.output.contains("pcplan_data.x"))
    }
}
