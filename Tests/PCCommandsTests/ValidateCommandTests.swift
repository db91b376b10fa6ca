import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let valid = """
        resource "aws_s3_bucket" "logs" {
          bucket = "logs"
        }

        """

    @Test func validConfigurationSucceeds() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.valid)
        let result = pcplan(["validate"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "Success! The configuration is valid.\n")
        #expect(result.error == "")
        let coloured = pcplan(["validate"], in: sandbox.root, terminal: true)
        #expect(coloured.output == "\u{1B}[1;32mSuccess!\u{1B}[0m The configuration is valid.\n")
        #expect(pcplan(["validate", "-no-color"], in: sandbox.root, terminal: true).output
            == "Success! The configuration is valid.\n")
    }

    /// Two files, three errors: every one is reported, not just the first
    /// of each file.
    static func writeBrokenConfiguration(in sandbox: Sandbox) throws {
        try sandbox.write("a.pcl", "locals {\n  a = 1 2\n}\n\nlocals {\n  c = 3 4\n}\n")
        try sandbox.write("b.pcl", "locals {\n  d = 5 6\n}\n")
        try sandbox.write("sub/ignored.pcl", "this is not looked at {\n")
    }

    @Test func reportsEveryErrorOfEveryFile() throws {
        let sandbox = try Sandbox()
        try Self.writeBrokenConfiguration(in: sandbox)
        let result = pcplan(["validate"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        let headers = result.error.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(headers.count == 3, "got \(result.error)")
        #expect(headers.map { $0.prefix(while: { $0 != " " }) } == ["a.pcl:2:9:", "a.pcl:6:9:", "b.pcl:2:9:"])
    }

    @Test(arguments: ["-json", "--json"])
    func jsonHasTerraformsShape(spelling: String) throws {
        let sandbox = try Sandbox()
        try Self.writeBrokenConfiguration(in: sandbox)
        let result = pcplan(["validate", spelling], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error == "")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format_version", "valid", "error_count", "warning_count", "diagnostics"])
        #expect(object["format_version"] as? String == "1.0")
        #expect(object["valid"] as? Bool == false)
        #expect(object["error_count"] as? Int == 3)
        #expect(object["warning_count"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 3)
        let first = try #require(diagnostics.first)
        #expect(Set(first.keys) == ["severity", "summary", "detail", "range", "snippet"])
        #expect(first["severity"] as? String == "error")
        let range = try #require(first["range"] as? [String: Any])
        #expect(range["filename"] as? String == "a.pcl")
        let start = try #require(range["start"] as? [String: Int])
        #expect(start == ["line": 2, "column": 9, "byte": 17])
        let snippet = try #require(first["snippet"] as? [String: Any])
        #expect(Set(snippet.keys)
            == ["context", "code", "start_line", "highlight_start_offset", "highlight_end_offset", "values"])
        #expect(snippet["code"] as? String == "  a = 1 2")
        #expect(snippet["start_line"] as? Int == 2)
        #expect(snippet["highlight_start_offset"] as? Int == 8)
        // Key order as Terraform prints it.
        let keys = ["\"format_version\"", "\"valid\"", "\"error_count\"", "\"warning_count\"", "\"diagnostics\""]
        let positions = keys.compactMap { result.output.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func validJSON() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.valid)
        let result = pcplan(["validate", "-json"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == """
            {
              "format_version": "1.0",
              "valid": true,
              "error_count": 0,
              "warning_count": 0,
              "diagnostics": []
            }

            """)
    }

    @Test func directoryArgumentAndItsProblems() throws {
        let sandbox = try Sandbox()
        try sandbox.write("envs/prod/main.pcl", Self.valid)
        #expect(pcplan(["validate", "envs/prod"], in: sandbox.root).status == 0)
        let missing = pcplan(["validate", "nowhere"], in: sandbox.root)
        #expect(missing.status == 1)
        #expect(missing.error.hasPrefix("error: No such file or directory\n"))
        let file = pcplan(["validate", "envs/prod/main.pcl"], in: sandbox.root)
        #expect(file.status == 1)
        #expect(file.error.hasPrefix("error: Not a directory\n"))
        let json = pcplan(["validate", "-json", "nowhere"], in: sandbox.root)
        #expect(json.output.contains("\"error_count\": 1"))
        #expect(!json.output.contains("\"range\""))
    }

    /// Past syntax: undeclared references, cycles and module problems, each
    /// with its place, in one run.
    @Test func declarationsAreChecked() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            variable "region" {}
            locals {
              a = local.b
              b = local.a
            }
            output "x" {
              value = var.regoin
            }
            module "m" {
              source = "./nowhere"
            }
            """)
        let result = pcplan(["validate", "-json"], in: sandbox.root)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let summaries = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(summaries.contains("Module directory not found"))
        let plain = pcplan(["validate", "-no-color"], in: sandbox.root)
        let fixedModule = try Sandbox()
        try fixedModule.write("main.pcl", """
            locals {
              a = local.b
              b = local.a
            }
            output "x" {
              value = var.regoin
            }
            variable "region" {}
            """)
        let semantic = pcplan(["validate", "-no-color"], in: fixedModule.root)
        #expect(semantic.status == 1)
        #expect(semantic.error.contains("Reference to undeclared input variable"))
        #expect(semantic.error.contains("Did you mean \"region\"?"))
        #expect(semantic.error.contains("Cycle: local.a → local.b → local.a"))
        #expect(plain.status == 1)
    }
}
