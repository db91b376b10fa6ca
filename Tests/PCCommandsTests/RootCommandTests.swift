import Foundation
import Testing

@Suite struct RootCommandTests {
    @Test(arguments: [[], ["-help"], ["--help"], ["-h"], ["help"]])
    func rootHelpListsTheCommands(arguments: [String]) throws {
        let result = pcplan(arguments, in: "/")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Usage: pcplan [global options] <command> [args]\n"))
        for line in ["  validate      Check whether the configuration is valid",
                     "  fmt           Reformat your configuration in the standard style",
                     "  version       Show the current pcplan version"] {
            #expect(result.output.contains(line))
        }
    }

    @Test(arguments: [["fmt", "-help"], ["fmt", "--help"], ["help", "fmt"]])
    func commandHelpShowsBothSpellings(arguments: [String]) {
        let result = pcplan(arguments, in: "/")
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: pcplan fmt [options] [PATH...]"))
        #expect(result.output.contains("-check, --check"))
        #expect(result.output.contains("-write <true|false>"))
    }

    @Test func unknownCommandIsStatusOne() {
        let result = pcplan(["plna"], in: "/")
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error == """
            pcplan: There is no command "plna".
            Run "pcplan -help" for the list of commands and options.

            """)
        #expect(pcplan(["-bogus"], in: "/").status == 1)
    }

    @Test(arguments: [["version"], ["-version"], ["--version"], ["-v"]])
    func versionNamesTheLinkedLibraries(arguments: [String]) throws {
        let result = pcplan(arguments, in: "/")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.first == "pcplan v0.1.0")
        #expect(lines[1].hasPrefix("on linux_") || lines[1].hasPrefix("on darwin_"))
        #expect(lines[2].wholeMatch(of: /\+ libcurl \d+\.\d+\.\d+ \(OpenSSL\/.+\)/) != nil)
        #expect(lines[3].wholeMatch(of: /\+ OpenSSL \d+\.\d+\.\d+.*/) != nil)
        #expect(lines[4].wholeMatch(of: /\+ SQLite 3\.\d+\.\d+/) != nil)
    }

    @Test func versionJSON() throws {
        let result = pcplan(["version", "-json"], in: "/")
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["pcplan_version"] as? String == "0.1.0")
        let libraries = try #require(object["libraries"] as? [String: String])
        #expect(Set(libraries.keys) == ["libcurl", "libcurl_tls", "openssl", "sqlite"])
        #expect(libraries["sqlite"]?.hasPrefix("3.") == true)
    }
}
