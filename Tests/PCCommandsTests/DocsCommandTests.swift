import Foundation
import Testing

/// `pcplan docs` printing, writing and checking a README, and refusing bad
/// input with a diagnostic and status 1.
@Suite struct DocsCommandTests {
    static let module = """
        variable "name_prefix" {
          type        = string
          description = "Prefix of every name."
          default     = "pc"
        }

        output "cluster_name" {
          description = "Name of the cluster."
          value       = "${var.name_prefix}-cluster"
        }

        """

    static let tables = """
        ## Inputs

        | Name | Description | Type | Default | Required |
        |------|-------------|------|---------|:--------:|
        | `name_prefix` | Prefix of every name. | `string` | `"pc"` | no |

        ## Outputs

        | Name | Description |
        |------|-------------|
        | `cluster_name` | Name of the cluster. |

        """

    static func readme(_ section: String) -> String {
        "# Module\n\nIntro.\n\n<!-- BEGIN_PCPLAN_DOCS -->\(section)<!-- END_PCPLAN_DOCS -->\n\n## Usage\n\nText | with pipes.\n"
    }

    static func sandbox(readme: String? = nil) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("mod/main.pcl", module)
        if let readme { try sandbox.write("mod/README.md", readme) }
        return sandbox
    }

    @Test func printsTheTables() throws {
        let sandbox = try Self.sandbox()
        let result = pcplan(["docs", "mod"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == Self.tables)
        // The current directory by default, and -chdir is honoured.
        #expect(pcplan(["docs"], in: sandbox.path("mod")).output == Self.tables)
        #expect(pcplan(["-chdir=mod", "docs"], in: sandbox.root).output == Self.tables)
    }

    @Test(arguments: [["-write", "mod/README.md"], ["-write=mod/README.md"], ["--write", "mod/README.md"], ["--write=mod/README.md"]])
    func writeReplacesOnlyTheMarkedSection(spelling: [String]) throws {
        let sandbox = try Self.sandbox(readme: Self.readme("\nstale text\n"))
        let result = pcplan(["docs"] + spelling + ["mod"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "mod/README.md\n")
        #expect(try sandbox.read("mod/README.md") == Self.readme("\n" + Self.tables))

        // Up to date: nothing is written or listed, and -check agrees.
        let again = pcplan(["docs", "-write", "mod/README.md", "mod"], in: sandbox.root)
        #expect(again.status == 0)
        #expect(again.output == "")
        let check = pcplan(["docs", "-check", "mod/README.md", "mod"], in: sandbox.root)
        #expect(check.status == 0)
        #expect(check.output == "")
        #expect(check.error == "")
    }

    @Test func writeFillsAnEmptySection() throws {
        let sandbox = try Self.sandbox(readme: "<!-- BEGIN_PCPLAN_DOCS --><!-- END_PCPLAN_DOCS -->")
        #expect(pcplan(["docs", "-write", "README.md", "."], in: sandbox.path("mod")).status == 0)
        #expect(try sandbox.read("mod/README.md") == "<!-- BEGIN_PCPLAN_DOCS -->\n" + Self.tables + "<!-- END_PCPLAN_DOCS -->")
    }

    /// Bytes outside the markers are kept exactly, even when they are not
    /// UTF-8 or use CRLF line ends.
    @Test func writeKeepsOtherBytesExactly() throws {
        let sandbox = try Self.sandbox()
        let before: [UInt8] = [0xFF, 0x0D, 0x0A] + Array("<!-- BEGIN_PCPLAN_DOCS -->x<!-- END_PCPLAN_DOCS -->".utf8) + [0xC3, 0x28, 0x0D, 0x0A]
        try sandbox.write("mod/README.md", bytes: before)
        #expect(pcplan(["docs", "-write", "mod/README.md", "mod"], in: sandbox.root).status == 0)
        let after = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sandbox.path("mod/README.md"))))
        #expect(after == [0xFF, 0x0D, 0x0A] + Array("<!-- BEGIN_PCPLAN_DOCS -->\n\(Self.tables)<!-- END_PCPLAN_DOCS -->".utf8) + [0xC3, 0x28, 0x0D, 0x0A])
    }

    @Test(arguments: ["\nstale text\n", "\n" + tables.replacingOccurrences(of: "Prefix", with: "prefix"), "", "\n" + tables + "\n"])
    func checkFindsAStaleSection(section: String) throws {
        let sandbox = try Self.sandbox(readme: Self.readme(section))
        let result = pcplan(["docs", "-check", "mod/README.md", "mod"], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.output == "")
        #expect(result.error.contains("error: Module documentation is out of date"))
        #expect(result.error.contains("\"mod/README.md\""))
        #expect(result.error.contains("\n  pcplan docs -write mod/README.md mod\n"))
        // Nothing was written.
        #expect(try sandbox.read("mod/README.md") == Self.readme(section))
    }

    @Test func theFixCommandIsQuotedForTheShell() throws {
        let sandbox = try Sandbox()
        try sandbox.write("my mod/main.pcl", Self.module)
        try sandbox.write("my mod/READ ME.md", Self.readme("\n"))
        let result = pcplan(["docs", "-check", "my mod/READ ME.md", "my mod"], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.error.contains("pcplan docs -write 'my mod/READ ME.md' 'my mod'"))
    }

    struct MarkerCase: CustomTestStringConvertible, Sendable {
        var readme: String
        var says: String
        var testDescription: String { says }
    }

    @Test(arguments: [
        MarkerCase(readme: "# Module\n\nNo markers.\n", says: "has neither"),
        MarkerCase(readme: "<!-- BEGIN_PCPLAN_DOCS -->\n", says: "has no end marker"),
        MarkerCase(readme: "<!-- END_PCPLAN_DOCS -->\n", says: "has no begin marker"),
        MarkerCase(
            readme: "<!-- BEGIN_PCPLAN_DOCS -->\n<!-- BEGIN_PCPLAN_DOCS -->\n<!-- END_PCPLAN_DOCS -->\n",
            says: "has the marker <!-- BEGIN_PCPLAN_DOCS --> more than once"),
        MarkerCase(
            readme: "<!-- END_PCPLAN_DOCS -->\n<!-- BEGIN_PCPLAN_DOCS -->\n",
            says: "the end marker comes before the begin marker"),
    ])
    func markersThatCannotBeUsed(_ example: MarkerCase) throws {
        for mode in ["-write", "-check"] {
            let sandbox = try Self.sandbox(readme: example.readme)
            let result = pcplan(["docs", mode, "mod/README.md", "mod"], in: sandbox.root)
            #expect(result.status == 1)
            #expect(result.output == "")
            #expect(result.error.hasPrefix("error: Documentation markers not found\n"))
            #expect(result.error.contains(example.says))
            #expect(result.error.contains("\n  <!-- BEGIN_PCPLAN_DOCS -->\n  <!-- END_PCPLAN_DOCS -->\n"))
            #expect(result.error.contains("\n  pcplan docs -write mod/README.md mod"))
            #expect(try sandbox.read("mod/README.md") == example.readme)
        }
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var arguments: [String]
        var error: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadInput(
            name: "no such directory", files: [:], arguments: ["docs", "missing"],
            error: "error: No such file or directory\nThere is no file or directory at \"missing\""),
        BadInput(
            name: "no .pcl files", files: ["empty/README.md": "x"], arguments: ["docs", "empty"],
            error: "error: No module to document\nThe directory \"empty\" contains no .pcl files"),
        BadInput(
            name: "a file, not a directory", files: ["mod/main.pcl": module], arguments: ["docs", "mod/main.pcl"],
            error: "error: Not a directory\n\"mod/main.pcl\" is not a directory."),
        BadInput(
            name: "syntax error", files: ["mod/main.pcl": "variable \"a\" {\n  default = \"x\n}\n"],
            arguments: ["docs", "mod"], error: "mod/main.pcl:2:13: error: Unterminated string"),
        BadInput(
            name: "unknown argument", files: ["mod/main.pcl": "variable \"a\" {\n  colour = 1\n}\n"],
            arguments: ["docs", "mod"], error: "mod/main.pcl:2:3: error: Unsupported argument"),
        BadInput(
            name: "bad module with -write", files: ["mod/main.pcl": "variable {\n}\n", "mod/README.md": readme("\n")],
            arguments: ["docs", "-write", "mod/README.md", "mod"], error: "mod/main.pcl:1:"),
        BadInput(
            name: "missing file to write", files: ["mod/main.pcl": module], arguments: ["docs", "-write", "nope.md", "mod"],
            error: "error: No such file or directory\nThere is no file or directory at \"nope.md\""),
        BadInput(
            name: "missing file to check", files: ["mod/main.pcl": module], arguments: ["docs", "-check", "nope.md", "mod"],
            error: "error: No such file or directory\nThere is no file or directory at \"nope.md\""),
        BadInput(
            name: "-write with -check", files: ["mod/main.pcl": module],
            arguments: ["docs", "-write", "a.md", "-check", "b.md", "mod"],
            error: "error: Conflicting options\n-write and -check cannot be used together"),
    ])
    func badInputIsADiagnostic(_ example: BadInput) throws {
        let sandbox = try Sandbox()
        for (path, text) in example.files { try sandbox.write(path, text) }
        let result = pcplan(example.arguments, in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.hasPrefix(example.error), "\(result.error)")
        if let readme = example.files["mod/README.md"] {
            #expect(try sandbox.read("mod/README.md") == readme)
        }
    }

    @Test func helpDescribesTheModes() {
        let result = pcplan(["docs", "-help"], in: "/")
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: pcplan docs [options] [DIR]"))
        #expect(result.output.contains("-write <FILE>"))
        #expect(result.output.contains("-check <FILE>"))
        #expect(result.output.contains("BEGIN_PCPLAN_DOCS") && result.output.contains("Exit status: 0"))
    }
}
