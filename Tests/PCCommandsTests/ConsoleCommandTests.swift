import Foundation
import Testing

/// `pcplan console` reading expressions from standard input (not a
/// terminal), one a line.
@Suite struct ConsoleCommandTests {
    /// Each expression with what `terraform console` 1.11.4 prints for it.
    static let formats: [(String, String)] = [
        (#"{a=1, b=[1,2]}"#, "{\n  \"a\" = 1\n  \"b\" = [\n    1,\n    2,\n  ]\n}"),
        (#""hi""#, #""hi""#),
        (#"[1,"a"]"#, "[\n  1,\n  \"a\",\n]"),
        (#"tolist([1,2])"#, "tolist([\n  1,\n  2,\n])"),
        (#"toset(["b","a"])"#, "toset([\n  \"a\",\n  \"b\",\n])"),
        (#"tomap({a=1})"#, "tomap({\n  \"a\" = 1\n})"),
        ("null", "null"),
        ("true", "true"),
        ("1.5", "1.5"),
        ("1e30", "1000000000000000000000000000000"),
        ("{}", "{}"),
        ("[]", "[]"),
        ("tolist([])", "tolist([])"),
        ("toset([])", "toset([])"),
        ("tomap({})", "tomap({})"),
        (#"sensitive("x")"#, "(sensitive value)"),
        (#"{a=sensitive(1)}"#, "{\n  \"a\" = (sensitive value)\n}"),
        (#"tolist([sensitive(1)])"#, "tolist([\n  (sensitive value),\n])"),
        (#"[{a={}}]"#, "[\n  {\n    \"a\" = {}\n  },\n]"),
        (#"{"a b"=1, "1x"=2}"#, "{\n  \"1x\" = 2\n  \"a b\" = 1\n}"),
        (#"{a=1, bbb=2}"#, "{\n  \"a\" = 1\n  \"bbb\" = 2\n}"),
        (#"{x=[{y=tomap({k=[1]})}]}"#, "{\n  \"x\" = [\n    {\n      \"y\" = tomap({\n        \"k\" = [\n          1,\n        ]\n      })\n    },\n  ]\n}"),
        (#"toset([{a=1},{a=2}])"#, "toset([\n  {\n    \"a\" = 1\n  },\n  {\n    \"a\" = 2\n  },\n])"),
        (#""a\nb""#, "<<EOT\na\nb\nEOT"),
        (#""a\nb\n""#, "<<EOT\na\nb\n\nEOT"),
        (#""xEOTy\nz""#, "<<EOT\nxEOTy\nz\nEOT"),
        (#"["EOT\nEOT_"]"#, "[\n  <<-EOT__\n  EOT\n  EOT_\n  EOT__,\n]"),
        (#"{a=["x\ny"]}"#, "{\n  \"a\" = [\n    <<-EOT\n    x\n    y\n    EOT,\n  ]\n}"),
        (#"tomap({"${"\n"}"=1})"#, "tomap({\n  <<-EOT\n  \n  \n  EOT = 1\n})"),
        (#"tolist(["a\"b"])"#, "tolist([\n  \"a\\\"b\",\n])"),
        (#""a\\nb""#, #""a\\nb""#),
        (#""$${x} %%{y}""#, #""${x} %{y}""#),
        (#""é\u0001\t""#, #""é\x01\t""#),
        (#""\u200b\u00a0 \u0085""#, #""\u200b\u00a0 \u0085""#),
        (#""\U0001F600""#, "\"\u{1F600}\""),
        ("tostring(null)", "tostring(null)"),
        ("tolist(null)", "tolist(null) /* of dynamic */"),
        ("[tolist(null)]", "[\n  tolist(null) /* of dynamic */,\n]"),
        (#"jsonencode({a=1})"#, #""{\"a\":1}""#),
    ]

    @Test(arguments: formats)
    func printsValuesAsTerraformDoes(expression: String, expected: String) throws {
        let sandbox = try Sandbox()
        let result = pcplan(["console"], in: sandbox.root, input: expression + "\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        #expect(result.output == expected + "\n")
    }

    static let configuration = """
        variable "region" {
          default = "eu-west-1"
        }

        variable "secret" {
          default   = "hunter2"
          sensitive = true
        }

        locals {
          name  = "app-${var.region}"
          ports = [80, 443]
        }

        resource "pcplan_data" "known" {
          input = local.name
        }

        resource "pcplan_data" "fresh" {
          count = 2
          input = count.index
        }

        module "net" {
          source = "./net"
          cidr   = "10.0.0.0/16"
        }

        """

    static let module = """
        variable "cidr" {}

        output "subnet" {
          value = cidrsubnet(var.cidr, 8, 1)
        }

        """

    static func workspace() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", configuration)
        try sandbox.write("net/main.pcl", module)
        try StateFixture.write(sandbox, records: [
            StateFixture.data(
                "pcplan_data.known", name: "known",
                attributes: #"{"id":"k-1","input":"app-eu-west-1","output":"app-eu-west-1","triggers_replace":null}"#),
        ])
        return sandbox
    }

    @Test func evaluatesAgainstConfigurationAndState() throws {
        let sandbox = try Self.workspace()
        let input = """
            var.region
            local.name
            local.ports[1] + 1
            pcplan_data.known.id
            pcplan_data.known.output
            pcplan_data.fresh[0].id
            length(pcplan_data.fresh)
            module.net.subnet
            var.secret
            path.module
            upper(local.name)

            """
        let result = pcplan(["console"], in: sandbox.root, input: input)
        #expect(result.error == "")
        #expect(result.status == 0)
        #expect(result.output == """
            "eu-west-1"
            "app-eu-west-1"
            444
            "k-1"
            "app-eu-west-1"
            (known after apply)
            2
            "10.0.1.0/24"
            (sensitive value)
            "."
            "APP-EU-WEST-1"

            """)
    }

    @Test func variablesFromTheCommandLine() throws {
        let sandbox = try Self.workspace()
        try sandbox.write("extra.pclvars", "region = \"us-east-2\"\n")
        let assigned = pcplan(["console", "-var", "region=ap-south-1"], in: sandbox.root, input: "local.name\n")
        #expect(assigned.output == "\"app-ap-south-1\"\n")
        let file = pcplan(["console", "-var-file=extra.pclvars"], in: sandbox.root, input: "var.region\n")
        #expect(file.output == "\"us-east-2\"\n")
        // The later option wins, as in Terraform.
        let both = pcplan(["console", "-var-file", "extra.pclvars", "-var", "region=x"], in: sandbox.root, input: "var.region\n")
        #expect(both.output == "\"x\"\n")
        let environment = pcplan(["console"], in: sandbox.root, input: "var.region\n", environment: ["PCPLAN_VAR_region": "env"])
        #expect(environment.output == "\"env\"\n")
    }

    @Test func aLineInErrorIsReportedAndTheNextOneRuns() throws {
        let sandbox = try Self.workspace()
        let result = pcplan(["console"], in: sandbox.root, input: "var.regoin\n1 +\nlocal.nmae\n2 * 21\n")
        #expect(result.status == 1)
        #expect(result.output == "42\n")
        let errors = result.error.unwrapped
        #expect(errors.contains("error: Reference to undeclared input variable"))
        #expect(errors.contains("Did you mean \"region\"?"))
        #expect(errors.contains("error: Reference to undeclared local value"))
        #expect(errors.contains("Did you mean \"name\"?"))
        #expect(result.error.contains("<console-input>:1:"))
        #expect(result.error.components(separatedBy: ": error: ").count == 4, "\(result.error)")
    }

    @Test func evaluationErrorsAreDiagnostics() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["console"], in: sandbox.root, input: "upper(1, 2)\ncount.index\n\"ok\"\n")
        #expect(result.status == 1)
        #expect(result.output == "\"ok\"\n")
        #expect(result.error.contains("error: "))
        #expect(result.error.unwrapped.contains("count.index is only available"))
    }

    @Test func exitEndsTheSessionAndBlankLinesAreSkipped() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["console"], in: sandbox.root, input: "1\n\n   \n2\nexit\n3\n")
        #expect(result.status == 0)
        #expect(result.output == "1\n2\n")
    }

    @Test func planErrorsDoNotStopTheConsole() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            locals {
              fine = "yes"
            }

            resource "nothing_here" "x" {
            }

            """)
        let result = pcplan(["console"], in: sandbox.root, input: "local.fine\nnothing_here.x\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "\"yes\"\n(known after apply)\n")
        #expect(result.error.contains("warning: Unknown provider"), "\(result.error)")
        #expect(result.error.unwrapped.contains("The console carries on"))
    }

    @Test func brokenConfigurationStopsBeforeReading() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", "locals {\n  a = \n}\n")
        let result = pcplan(["console"], in: sandbox.root, input: "1\n")
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.contains("main.pcl:"))
    }

    @Test func unreadableStateIsAnError() throws {
        let sandbox = try Sandbox()
        try sandbox.write("pcplan.state.db", "not a database at all, just text")
        let result = pcplan(["console"], in: sandbox.root, input: "1\n")
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.unwrapped.contains("is not a pcplan state"), "\(result.error)")
    }
}
