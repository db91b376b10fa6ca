import Foundation
import Testing

/// The built binary as a user runs it: real streams, real exit statuses.
@Suite struct EndToEndTests {
    @Test func versionFromTheBinary() throws {
        let result = try pcplanProcess(["version"], in: "/")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("pcplan v0.1.0\n"))
    }

    @Test func fmtCheckAndWriteThroughTheBinary() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", FmtCommandTests.unformatted)
        let check = try pcplanProcess(["fmt", "-check"], in: sandbox.root)
        #expect(check.status == 3)
        #expect(check.output == "main.pcl\n")
        let write = try pcplanProcess(["fmt", "--list=false"], in: sandbox.root)
        #expect(write.status == 0)
        #expect(try sandbox.read("main.pcl") == FmtCommandTests.formatted)
    }

    @Test func fmtStandardInputThroughTheBinary() throws {
        let result = try pcplanProcess(["fmt", "-"], in: "/", input: FmtCommandTests.unformatted)
        #expect(result.status == 0)
        #expect(result.output == FmtCommandTests.formatted)
    }

    @Test func validateErrorsThroughTheBinaryWithoutColourInAPipe() throws {
        let sandbox = try Sandbox()
        try sandbox.write("bad.pcl", FmtCommandTests.broken)
        let result = try pcplanProcess(["validate"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.hasPrefix("bad.pcl:"))
        #expect(!result.error.contains("\u{1B}["))
    }

    @Test func usageErrorsExitOneNotSixtyFour() throws {
        let result = try pcplanProcess(["fmt", "--no-such-flag"], in: "/")
        #expect(result.status == 1)
        #expect(result.error.contains("Unknown option '--no-such-flag'"))
        #expect(try pcplanProcess(["nonsense"], in: "/").status == 1)
    }
}
