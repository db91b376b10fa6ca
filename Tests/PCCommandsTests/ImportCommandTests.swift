import Foundation
import PCState
import Testing

/// `pcplan import ADDRESS ID` with the built-in providers.
@Suite struct ImportCommandTests {
    static let configuration = """
        resource "pcplan_data" "single" {
        }

        resource "pcplan_data" "counted" {
          count = 2
        }

        resource "random_id" "token" {
          byte_length = 4
        }

        resource "local_file" "notes" {
          filename = "notes.txt"
          content  = "hi"
        }

        module "svc" {
          source   = "./svc"
          for_each = toset(["a", "b"])
        }

        """

    static func workspace() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", configuration)
        try sandbox.write("svc/main.pcl", """
            resource "pcplan_data" "item" {
              for_each = toset(["x"])
            }

            """)
        return sandbox
    }

    static func state(_ sandbox: Sandbox) throws -> SQLiteStateBackend {
        try SQLiteStateBackend(path: sandbox.path("pcplan.state.db"), pcplanVersion: "0.1.0", create: false)
    }

    @Test func importsIntoANewState() throws {
        let sandbox = try Self.workspace()
        let result = pcplan(["import", "pcplan_data.single", "obj-1"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        #expect(result.output == """
            pcplan_data.single: Importing from ID "obj-1"...
            pcplan_data.single: Import prepared!
              Prepared pcplan_data for import
            pcplan_data.single: Refreshing state... [id=obj-1]

            Import successful!

            The resources that were imported are shown above. These resources are now in
            your pcplan state and will henceforth be managed by pcplan.


            """)
        let snapshot = try Self.state(sandbox).snapshot()
        let record = try #require(snapshot.instance("pcplan_data.single"))
        #expect(record.type == "pcplan_data")
        #expect(record.name == "single")
        #expect(record.mode == .managed)
        #expect(record.provider == #"provider["pcplan/pcplan"]"#)
        #expect(record.attributesJSON.contains(#""id":"obj-1""#))
        #expect(try Self.state(sandbox).currentLock() == nil)
        let shown = pcplan(["state", "show", "pcplan_data.single"], in: sandbox.root)
        #expect(shown.output == "# pcplan_data.single:\nresource \"pcplan_data\" \"single\" {\n    id = \"obj-1\"\n}\n")
    }

    @Test func importsInstancesWithKeysInModules() throws {
        let sandbox = try Self.workspace()
        let counted = pcplan(["import", "pcplan_data.counted[1]", "c1"], in: sandbox.root)
        #expect(counted.status == 0, "\(counted.error)")
        let nested = pcplan(["import", #"module.svc["b"].pcplan_data.item["x"]"#, "n1"], in: sandbox.root)
        #expect(nested.status == 0, "\(nested.error)")
        let random = pcplan(["import", "random_id.token", "3q2-7w"], in: sandbox.root)
        #expect(random.status == 0, "\(random.error)")
        let snapshot = try Self.state(sandbox).snapshot()
        let record = try #require(snapshot.instance(#"module.svc["b"].pcplan_data.item["x"]"#))
        #expect(record.modulePath == #"module.svc["b"]"#)
        #expect(record.indexKey == .string("x"))
        #expect(snapshot.instance("pcplan_data.counted[1]")?.indexKey == .int(1))
        #expect(snapshot.instance("random_id.token")?.provider == #"provider["pcplan/random"]"#)
        let list = pcplan(["state", "list"], in: sandbox.root)
        #expect(list.output == """
            pcplan_data.counted[1]
            random_id.token
            module.svc["b"].pcplan_data.item["x"]

            """)
    }

    @Test func refusesAnAddressAlreadyInState() throws {
        let sandbox = try Self.workspace()
        #expect(pcplan(["import", "pcplan_data.single", "first"], in: sandbox.root).status == 0)
        let serial = try Self.state(sandbox).metadata().serial
        let again = pcplan(["import", "pcplan_data.single", "second"], in: sandbox.root)
        #expect(again.status == 1)
        #expect(again.output == "")
        #expect(again.error.contains("error: Resource already managed by pcplan"))
        #expect(again.error.unwrapped.contains("pcplan state rm pcplan_data.single"))
        #expect(try Self.state(sandbox).metadata().serial == serial)
        #expect(try Self.state(sandbox).snapshot().instance("pcplan_data.single")?.attributesJSON.contains("first") == true)
    }

    @Test(arguments: [
        ("pcplan_data.nope", "The resource address pcplan_data.nope does not exist in the configuration"),
        ("module.nope.pcplan_data.x", "The resource address module.nope.pcplan_data.x does not exist"),
        ("pcplan_data.counted", "pcplan_data.counted uses count, so the address needs an index"),
        (#"pcplan_data.counted["a"]"#, "its key is a number"),
        ("pcplan_data.single[0]", "uses neither count nor for_each"),
        (#"module.svc.pcplan_data.item["x"]"#, "module.svc uses for_each"),
        (#"module.svc["a"].pcplan_data.item"#, "pcplan_data.item uses for_each"),
        ("data.pcplan_data.single", "error: Cannot import a data source"),
        ("pcplan_data.", "error: Invalid address"),
        ("module.svc", "error: Invalid address"),
    ])
    func refusesAddressesTheConfigurationDoesNotDeclare(address: String, message: String) throws {
        let sandbox = try Self.workspace()
        let result = pcplan(["import", address, "id-1"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.unwrapped.contains(message), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.db")))
    }

    @Test func providerRefusalsAreDiagnostics() throws {
        let sandbox = try Self.workspace()
        let unsupported = pcplan(["import", "local_file.notes", "notes.txt"], in: sandbox.root)
        #expect(unsupported.status == 1)
        #expect(unsupported.error.contains("error: Import not supported"))
        let invalid = pcplan(["import", "random_id.token", "!!"], in: sandbox.root)
        #expect(invalid.status == 1)
        #expect(invalid.error.contains("error: Invalid import ID"))
        #expect(try Self.state(sandbox).snapshot().resources.isEmpty)
    }

    @Test func respectsTheStateLock() throws {
        let sandbox = try Self.workspace()
        let backend = try StateFixture.write(sandbox, records: [])
        let lock = try backend.lock(operation: "apply", info: "", timeout: 0)
        let result = pcplan(["import", "pcplan_data.single", "x"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("error: Error acquiring the state lock"))
        #expect(result.error.unwrapped.contains(lock.id))
        #expect(try backend.snapshot().resources.isEmpty)
    }

    @Test func brokenConfigurationIsReported() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", "resource \"pcplan_data\" \"x\" {\n")
        let result = pcplan(["import", "pcplan_data.x", "id"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("main.pcl:"))
    }
}
