import Foundation
import Testing

/// `pcplan { backend "…" { … } }`: the local backend's path is where the
/// state lives; a backend pcplan does not have is an error, never a silent
/// local state. (The s3 backend is tested against moto, in
/// PCProviderAWSTests.)
@Suite struct BackendBlockTests {
    static let resource = """

        resource "pcplan_data" "x" {
          input = "hi"
        }

        """

    @Test func theLocalBackendsPathIsTheStateFile() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            pcplan {
              backend "local" {
                path = "state/team.db"
              }
            }
            """ + Self.resource)
        try FileManager.default.createDirectory(atPath: sandbox.path("state"), withIntermediateDirectories: true)
        let applied = pcplan(["apply", "-auto-approve"], in: sandbox.root)
        #expect(applied.status == 0, "\(applied.error)")
        #expect(FileManager.default.fileExists(atPath: sandbox.path("state/team.db")))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.db")))
        #expect(pcplan(["state", "list"], in: sandbox.root).output == "pcplan_data.x\n")
        #expect(pcplan(["plan", "-detailed-exitcode"], in: sandbox.root).status == 0)
        // -state still names a file explicitly.
        #expect(pcplan(["state", "list", "-state", "other.db"], in: sandbox.root).status == 1)
    }

    @Test func aBackendPcplanDoesNotHaveIsAnErrorAndWritesNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            terraform {
              backend "gcs" {
                bucket = "team-state"
                prefix = "prod"
              }
            }
            """ + Self.resource)
        for arguments in [["plan"], ["apply", "-auto-approve"], ["state", "list"], ["output"]] {
            let result = pcplan(arguments, in: sandbox.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains("main.pcl:2:3: error: Unsupported backend"), "\(arguments): \(result.error)")
            #expect(result.error.contains("will not fall back to a local state file"))
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.db")))
    }

    @Test(arguments: [
        ("path = var.where", "must be a literal value"),
        ("path = \"\"", "must be a non-empty string"),
        ("workspace_dir = \"w\"", "\"workspace_dir\" is not supported"),
    ])
    func badLocalSettingsAreDiagnostics(setting: String, message: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            pcplan {
              backend "local" {
                \(setting)
              }
            }
            """ + Self.resource)
        let result = pcplan(["plan"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("main.pcl:3:"), "\(result.error)")
        #expect(result.error.contains(message), "\(result.error)")
    }
}

/// `pcplan workspace`: states side by side, terraform.workspace, and the
/// refusals that protect a state.
@Suite struct WorkspaceCommandTests {
    @Test func workspacesKeepTheirOwnStates() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "pcplan_data" "x" {
              input = terraform.workspace
            }

            output "ws" {
              value = pcplan_data.x.input
            }

            """)
        #expect(pcplan(["apply", "-auto-approve"], in: sandbox.root).status == 0)
        #expect(pcplan(["workspace", "new", "staging"], in: sandbox.root).status == 0)
        #expect(pcplan(["workspace", "list"], in: sandbox.root).output == "  default\n* staging\n")
        #expect(pcplan(["workspace", "show"], in: sandbox.root).output == "staging\n")
        #expect(pcplan(["apply", "-auto-approve"], in: sandbox.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.d/staging/pcplan.state.db")))
        #expect(pcplan(["output", "-raw", "ws"], in: sandbox.root).output == "staging")
        #expect(pcplan(["output", "-raw", "ws"], in: sandbox.root, environment: ["PCPLAN_WORKSPACE": "default"]).output == "default")

        let selected = pcplan(["workspace", "delete", "staging"], in: sandbox.root)
        #expect(selected.status == 1 && selected.error.contains("is selected"))
        #expect(pcplan(["workspace", "select", "default"], in: sandbox.root).status == 0)
        let notEmpty = pcplan(["workspace", "delete", "staging"], in: sandbox.root)
        #expect(notEmpty.status == 1 && notEmpty.error.contains("still records 1 objects"))
        #expect(pcplan(["workspace", "delete", "-force", "staging"], in: sandbox.root).status == 0)
        #expect(pcplan(["workspace", "list"], in: sandbox.root).output == "* default\n")
        #expect(pcplan(["workspace", "select", "nope"], in: sandbox.root).status == 1)
        #expect(pcplan(["workspace", "new", "bad/name"], in: sandbox.root).error.contains("Invalid workspace name"))
    }
}
