@testable import PCCommands
import Testing

@Suite struct TerraformArgumentsTests {
    static let fmt = TerraformArguments(flags: ["check", "diff"], booleanOptions: ["write", "list"])

    @Test(arguments: [
        (["-check"], ["-check"]),
        (["--check"], ["--check"]),
        (["-check=true"], ["--check"]),
        (["--check=1"], ["--check"]),
        (["-check=false"], []),
        (["-check=maybe"], ["-check=maybe"]),
        (["-write=false"], ["-write=false"]),
        (["-write"], ["--write=true"]),
        (["--list"], ["--list=true"]),
        (["-", "-check"], ["-", "-check"]),
        (["--", "-check=false"], ["--", "-check=false"]),
        (["dir", "-diff=T", "x"], ["dir", "--diff", "x"]),
    ])
    func normalizes(input: [String], expected: [String]) {
        #expect(Self.fmt.normalize(input) == expected)
    }

    @Test func goBooleanSpellings() {
        for spelling in ["1", "t", "T", "true", "TRUE", "True"] {
            #expect(TerraformBool(argument: spelling)?.value == true)
        }
        for spelling in ["0", "f", "F", "false", "FALSE", "False"] {
            #expect(TerraformBool(argument: spelling)?.value == false)
        }
        #expect(TerraformBool(argument: "yes") == nil)
    }
}
