import Foundation
import Testing
@testable import PCCommands

/// The tables `pcplan docs` renders, from small modules written to a
/// temporary directory.
@Suite struct ModuleDocsTests {
    /// The generated Markdown for a module made of `files`.
    static func docs(_ files: [String: String]) throws -> CommandResult {
        let sandbox = try Sandbox()
        for (name, text) in files { try sandbox.write("module/" + name, text) }
        return pcplan(["docs", "module"], in: sandbox.root)
    }

    /// The row of the inputs table for the variable `v` declared by `body`.
    static func inputRow(_ body: String) throws -> String {
        let result = try docs(["main.pcl": "variable \"v\" {\n  description = \"V.\"\n\(body)\n}\n"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(result.output.split(separator: "\n").first { $0.hasPrefix("| `v` |") }.map(String.init))
    }

    struct TypeCase: CustomTestStringConvertible, Sendable {
        var source: String
        var cell: String
        var testDescription: String { cell }
    }

    @Test(arguments: [
        TypeCase(source: "", cell: "`any`"),
        TypeCase(source: "string", cell: "`string`"),
        TypeCase(source: "list(string)", cell: "`list(string)`"),
        TypeCase(source: "map( string )", cell: "`map(string)`"),
        TypeCase(source: "object({})", cell: "`object({})`"),
        TypeCase(
            source: """
                map(object({
                    port     = number
                    replicas = optional(number, 1)
                  }))
                """,
            cell: "`map(object({ port = number, replicas = optional(number, 1) }))`"),
        TypeCase(
            source: """
                object({
                    name = string, # comments go
                    tags = optional(map(string), {}),

                    /* so do blank lines */
                    ports = list(number)
                  })
                """,
            cell: "`object({ name = string, tags = optional(map(string), {}), ports = list(number) })`"),
        TypeCase(
            source: """
                tuple([
                    string,
                    number,
                  ])
                """,
            cell: "`tuple([string, number])`"),
        TypeCase(
            source: "object({ a = optional(object({ b = string }), { b = \"x y\" }) })",
            cell: "`object({ a = optional(object({ b = string }), { b = \"x y\" }) })`"),
    ])
    func typeIsOneCanonicalLine(_ example: TypeCase) throws {
        let type = example.source.isEmpty ? "" : "  type = \(example.source)\n"
        let row = try Self.inputRow(type + "  default = null")
        #expect(row == "| `v` | V. | \(example.cell) | `null` | no |")
    }

    struct DefaultCase: CustomTestStringConvertible, Sendable {
        var source: String
        var cell: String
        var testDescription: String { source }
    }

    @Test(arguments: [
        DefaultCase(source: "\"pc\"", cell: "`\"pc\"`"),
        DefaultCase(source: "2", cell: "`2`"),
        DefaultCase(source: "1.50", cell: "`1.5`"),
        DefaultCase(source: "true", cell: "`true`"),
        DefaultCase(source: "null", cell: "`null`"),
        DefaultCase(source: "[]", cell: "`[]`"),
        DefaultCase(source: "{}", cell: "`{}`"),
        DefaultCase(source: "[\"a\",\"b\"]", cell: "`[\"a\", \"b\"]`"),
        DefaultCase(source: "{\n    b = 2\n    a = \"x\"\n  }", cell: "`{ a = \"x\", b = 2 }`"),
        DefaultCase(source: "{ \"a key\" = [1, { c = false }] }", cell: "`{ \"a key\" = [1, { c = false }] }`"),
        DefaultCase(source: "60 * 60", cell: "`3600`"),
        DefaultCase(source: "\"a|b\"", cell: "`\"a\\|b\"`"),
        DefaultCase(source: "\"a`b\"", cell: "``\"a`b\"``"),
        DefaultCase(source: "\"$${x}\"", cell: "`\"$${x}\"`"),
        DefaultCase(source: "<<-EOT\n    one\n    two\n  EOT", cell: "`\"one\\ntwo\\n\"`"),
        // Not a constant, which plan rejects: shown as written.
        DefaultCase(source: "upper( \"x\" )", cell: "`upper(\"x\")`"),
        DefaultCase(source: "{ for k in [\"a\"] :\n    k => upper(k) }", cell: "`{ for k in [\"a\"] : k => upper(k) }`"),
    ])
    func defaultIsOnePCLLiteral(_ example: DefaultCase) throws {
        let row = try Self.inputRow("  default = \(example.source)")
        #expect(row == "| `v` | V. | `any` | \(example.cell) | no |")
    }

    @Test func requiredAndSensitiveInputs() throws {
        #expect(try Self.inputRow("  type = string") == "| `v` | V. | `string` | n/a | yes |")
        #expect(try Self.inputRow("  type = string\n  sensitive = true\n  default = \"hunter2\"")
            == "| `v` | V. | `string` | `(sensitive)` | no |")
        #expect(try Self.inputRow("  sensitive = true") == "| `v` | V. | `any` | n/a | yes |")
    }

    struct DescriptionCase: CustomTestStringConvertible, Sendable {
        var source: String
        var cell: String
        var testDescription: String { source }
    }

    @Test(arguments: [
        DescriptionCase(source: "\"Plain text.\"", cell: "Plain text."),
        DescriptionCase(source: "\"a | b || c\"", cell: "a \\| b \\|\\| c"),
        DescriptionCase(source: "\"Line one.\\nLine two.\"", cell: "Line one.<br>Line two."),
        DescriptionCase(source: "\"Windows\\r\\nline ends.\"", cell: "Windows<br>line ends."),
        DescriptionCase(source: "<<-EOT\n    First.\n\n    Second.\n  EOT", cell: "First.<br><br>Second."),
        DescriptionCase(source: "\"tw_<access token>/console\"", cell: "tw_&lt;access token>/console"),
        DescriptionCase(source: "\"Kept: `<tag>` and *emphasis*.\"", cell: "Kept: `<tag>` and *emphasis*."),
        DescriptionCase(source: "\"  padded  \"", cell: "padded"),
        DescriptionCase(source: "\"\"", cell: ""),
    ])
    func descriptionStaysInItsCell(_ example: DescriptionCase) throws {
        let result = try Self.docs(["main.pcl": "variable \"v\" {\n  description = \(example.source)\n}\n"])
        #expect(result.status == 0, "\(result.error)")
        let cell = example.cell.isEmpty ? " |" : " \(example.cell) |"
        #expect(result.output.contains("\n| `v` |\(cell) `any` | n/a | yes |\n"))
    }

    @Test func wholeDocumentSortedByName() throws {
        let result = try Self.docs([
            "variables.pcl": """
                variable "region" {
                  type        = string
                  description = "Where to run."
                }

                variable "name_prefix" {
                  type        = string
                  description = "Prefix of every name."
                  default     = "pc"
                }

                variable "count_of_workers" {
                  type    = number
                  default = 2
                }
                """,
            "outputs.pcl": """
                output "url" {
                  description = "The Console's address."
                  value       = "https://example"
                }

                output "token" {
                  description = "A token."
                  value       = "t"
                  sensitive   = true
                }
                """,
        ])
        #expect(result.status == 0)
        #expect(result.output == """
            ## Inputs

            | Name | Description | Type | Default | Required |
            |------|-------------|------|---------|:--------:|
            | `count_of_workers` | | `number` | `2` | no |
            | `name_prefix` | Prefix of every name. | `string` | `"pc"` | no |
            | `region` | Where to run. | `string` | n/a | yes |

            ## Outputs

            | Name | Description | Sensitive |
            |------|-------------|:---------:|
            | `token` | A token. | yes |
            | `url` | The Console's address. | no |

            """)
        // The one input without a description is named in a warning.
        #expect(result.error.contains("warning: Missing description"))
        #expect(result.error.contains("variables.pcl:12:10"))
        #expect(result.error.contains("No description for var.count_of_workers."))
    }

    @Test func outputsWithoutSensitiveHaveTwoColumns() throws {
        let result = try Self.docs(["main.pcl": "output \"a\" {\n  description = \"A.\"\n  value = 1\n}\n"])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == """
            ## Inputs

            No inputs.

            ## Outputs

            | Name | Description |
            |------|-------------|
            | `a` | A. |

            """)
    }

    @Test func moduleWithNeitherSaysSo() throws {
        let result = try Self.docs(["main.pcl": "locals {\n  a = 1\n}\n"])
        #expect(result.status == 0)
        #expect(result.output == "## Inputs\n\nNo inputs.\n\n## Outputs\n\nNo outputs.\n")
    }

    @Test func calledModulesAreNotDocumented() throws {
        let result = try Self.docs([
            "main.pcl": "module \"child\" {\n  source = \"./child\"\n}\n",
            "child/main.pcl": "variable \"inner\" {\n  description = \"I.\"\n}\n",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.contains("inner"))
    }

    /// The same declarations give the same bytes, whatever the files are
    /// called and in which order they declare things.
    @Test func outputIsDeterministic() throws {
        let a = "variable \"a\" {\n  description = \"A.\"\n  default = { z = 1, y = [2, 3] }\n}\n"
        let b = "variable \"b\" {\n  description = \"B.\"\n  type = set(string)\n}\n"
        let o = "output \"o\" {\n  description = \"O.\"\n  value = 1\n}\n"
        let first = try Self.docs(["1.pcl": a + b, "2.pcl": o])
        let second = try Self.docs(["x.pcl": o + b, "a.pcl": a])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("| `a` | A. | `any` | `{ y = [2, 3], z = 1 }` | no |"))
        for _ in 0..<3 { #expect(try Self.docs(["1.pcl": a + b, "2.pcl": o]).output == first.output) }
    }

    @Test(arguments: [
        ("plain", "`plain`"),
        ("a|b", "`a\\|b`"),
        ("a`b", "``a`b``"),
        ("`edge`", "`` `edge` ``"),
        ("two\nlines", "`two lines`"),
    ])
    func codeSpans(text: String, cell: String) {
        #expect(MarkdownCell.code(text) == cell)
    }
}
