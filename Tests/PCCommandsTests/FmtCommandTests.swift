import Foundation
import Testing

/// `pcplan fmt`, run in process. The expected canonical text is what
/// `terraform fmt` prints for the same input.
@Suite struct FmtCommandTests {
    static let unformatted = "a=1\nbb = 2\n"
    static let formatted = "a  = 1\nbb = 2\n"
    /// An unclosed string: a syntax error whatever the parser's recovery does.
    static let broken = "locals {\n  a = \"abc\n}\n"

    @Test func rewritesFilesAndListsThem() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        try sandbox.write("ok.pcl", Self.formatted)
        try sandbox.write("terraform.pclvars", "region=\"eu-west-1\"\n")
        let result = pcplan(["fmt"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == "main.pcl\nterraform.pclvars\n")
        #expect(try sandbox.read("main.pcl") == Self.formatted)
        #expect(try sandbox.read("terraform.pclvars") == "region = \"eu-west-1\"\n")

        // A second run changes nothing and lists nothing.
        let again = pcplan(["fmt"], in: sandbox.root)
        #expect(again.status == 0)
        #expect(again.output == "")
    }

    @Test(arguments: ["-check", "--check", "-check=true", "--check=true"])
    func checkExitsThreeAndListsWithoutWriting(spelling: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        try sandbox.write("ok.pcl", Self.formatted)
        let result = pcplan(["fmt", spelling], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.output == "main.pcl\n")
        #expect(try sandbox.read("main.pcl") == Self.unformatted)
    }

    @Test func checkPassesOnFormattedFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.write("ok.pcl", Self.formatted)
        let result = pcplan(["fmt", "-check"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "")
    }

    @Test func diffPrintsAUnifiedDiff() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        let result = pcplan(["fmt", "-check", "-diff", "main.pcl"], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.output == """
            main.pcl
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1,2 +1,2 @@
            -a=1
            +a  = 1
             bb = 2

            """)
    }

    @Test(arguments: ["-write=false", "--write=false", "-write=0"])
    func writeFalseListsButLeavesFiles(spelling: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        let result = pcplan(["fmt", spelling], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "main.pcl\n")
        #expect(try sandbox.read("main.pcl") == Self.unformatted)
    }

    @Test(arguments: ["-list=false", "--list=false"])
    func listFalseWritesSilently(spelling: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        let result = pcplan(["fmt", spelling], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "")
        #expect(try sandbox.read("main.pcl") == Self.formatted)

        let check = pcplan(["fmt", "-check", spelling], in: sandbox.root)
        #expect(check.status == 0)
    }

    @Test func standardInputToStandardOutput() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["fmt", "-"], in: sandbox.root, input: Self.unformatted)
        #expect(result.status == 0)
        #expect(result.output == Self.formatted)

        let check = pcplan(["fmt", "-check", "-"], in: sandbox.root, input: Self.unformatted)
        #expect(check.status == 3)
        #expect(check.output == "")
        let clean = pcplan(["fmt", "-check", "-"], in: sandbox.root, input: Self.formatted)
        #expect(clean.status == 0)

        let mixed = pcplan(["fmt", "-", "main.pcl"], in: sandbox.root)
        #expect(mixed.status == 1)
        #expect(mixed.error.contains("Standard input cannot be combined with paths"))
    }

    @Test func recursiveDescendsIntoSubdirectoriesButNotHiddenOnes() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.unformatted)
        try sandbox.write("modules/net/main.pcl", Self.unformatted)
        try sandbox.write(".terraform/cache.pcl", Self.unformatted)
        let flat = pcplan(["fmt", "-check"], in: sandbox.root)
        #expect(flat.output == "main.pcl\n")
        let deep = pcplan(["fmt", "-check", "-recursive"], in: sandbox.root)
        #expect(deep.status == 3)
        #expect(deep.output == "main.pcl\nmodules/net/main.pcl\n")
        let given = pcplan(["fmt", "--recursive", "--check", "modules"], in: sandbox.root)
        #expect(given.output == "modules/net/main.pcl\n")
    }

    @Test func fileWithSyntaxErrorsIsNeverRewritten() throws {
        let sandbox = try Sandbox()
        try sandbox.write("bad.pcl", Self.broken)
        try sandbox.write("main.pcl", Self.unformatted)
        let result = pcplan(["fmt"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(try sandbox.read("bad.pcl") == Self.broken)
        // Other files are still processed.
        #expect(try sandbox.read("main.pcl") == Self.formatted)
        #expect(result.output == "main.pcl\n")
        let header = try #require(result.error.split(separator: "\n").first)
        #expect(header.wholeMatch(of: /bad\.pcl:\d+:\d+: error: .+/) != nil, "got \(result.error)")
        #expect(result.error.contains("  2 |   a = \"abc"))
    }

    @Test func missingPathsAndOtherFilesAreErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.write("notes.txt", "a=1\n")
        let missing = pcplan(["fmt", "nothere"], in: sandbox.root)
        #expect(missing.status == 1)
        #expect(missing.error == """
            error: No such file or directory
            There is no file or directory at "nothere". Check the path and try again.

            """)
        let text = pcplan(["fmt", "notes.txt"], in: sandbox.root)
        #expect(text.status == 1)
        #expect(text.error.hasPrefix("error: Only .pcl and .pclvars files can be processed with pcplan fmt\n"))
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let sandbox = try Sandbox()
        try sandbox.write("bad.pcl", Self.broken)
        let escape = "\u{1B}["
        #expect(pcplan(["fmt"], in: sandbox.root, terminal: true).error.contains(escape))
        #expect(!pcplan(["fmt"], in: sandbox.root, terminal: false).error.contains(escape))
        #expect(!pcplan(["fmt", "-no-color"], in: sandbox.root, terminal: true).error.contains(escape))
        #expect(!pcplan(["fmt"], in: sandbox.root, environment: ["NO_COLOR": "1"], terminal: true)
            .error.contains(escape))
        // An empty NO_COLOR does not count (no-color.org).
        #expect(pcplan(["fmt"], in: sandbox.root, environment: ["NO_COLOR": ""], terminal: true)
            .error.contains(escape))
    }

    @Test func badOptionIsAUsageErrorWithStatusOne() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["fmt", "-bogus"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("Unknown option '-bogus'"))
        let badValue = pcplan(["fmt", "-write=maybe"], in: sandbox.root)
        #expect(badValue.status == 1)
    }

    @Test func chdirChangesWhereRelativePathsStart() throws {
        let sandbox = try Sandbox()
        try sandbox.write("infra/main.pcl", Self.unformatted)
        let result = pcplan(["-chdir=infra", "fmt", "-check"], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.output == "main.pcl\n")
        let missing = pcplan(["-chdir=nowhere", "fmt"], in: sandbox.root)
        #expect(missing.status == 1)
    }
}
