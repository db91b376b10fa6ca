import Foundation
import PCLang
import PCProvider
import PCState
import Testing
@testable import PCCommands

/// `pcplan state list | show | rm | mv | pull` and `pcplan force-unlock`,
/// run in process against states prepared through the state API.
@Suite struct StateCommandTests {
    // MARK: list

    @Test func listShowsEveryInstanceInAddressOrder() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "list"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == """
            pcplan_data.single
            pcplan_data.web[2]
            pcplan_data.web[10]
            module.app.pcplan_data.db
            module.app.module.inner.pcplan_data.deep

            """)
    }

    @Test(arguments: [
        (["pcplan_data.web"], ["pcplan_data.web[2]", "pcplan_data.web[10]"]),
        (["pcplan_data.web[10]"], ["pcplan_data.web[10]"]),
        (["module.app"], ["module.app.pcplan_data.db", "module.app.module.inner.pcplan_data.deep"]),
        (["module.app.module.inner"], ["module.app.module.inner.pcplan_data.deep"]),
        (["module.app.pcplan_data.db", "pcplan_data.single"], ["pcplan_data.single", "module.app.pcplan_data.db"]),
        (["-id=s1"], ["pcplan_data.single"]),
        (["--id", "x", "module.app"], ["module.app.pcplan_data.db", "module.app.module.inner.pcplan_data.deep"]),
    ])
    func listFilters(arguments: [String], expected: [String]) throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "list"] + arguments, in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == expected.map { $0 + "\n" }.joined())
    }

    @Test func listReportsFiltersThatMatchNothing() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let unknown = pcplan(["state", "list", "pcplan_data.web", "pcplan_data.nope"], in: sandbox.root)
        #expect(unknown.status == 1)
        #expect(unknown.output == "")
        #expect(unknown.error.unwrapped.contains("error: Unknown resource"))
        #expect(unknown.error.unwrapped.contains("The state contains no resource pcplan_data.nope."))
        let module = pcplan(["state", "list", "module.nope"], in: sandbox.root)
        #expect(module.status == 1)
        #expect(module.error.unwrapped.contains("error: Unknown module"))
        let invalid = pcplan(["state", "list", "pcplan_data.web["], in: sandbox.root)
        #expect(invalid.status == 1)
        #expect(invalid.error.unwrapped.contains("error: Invalid address"))
    }

    @Test func commandsNeedAState() throws {
        let sandbox = try Sandbox()
        for arguments in [["state", "list"], ["state", "show", "a.b"], ["state", "rm", "a.b"], ["state", "mv", "a.b", "a.c"],
                          ["state", "pull"], ["force-unlock", "-force", "id"]] {
            let result = pcplan(arguments, in: sandbox.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.output == "", "\(arguments)")
            #expect(result.error.unwrapped.contains("error: No state file was found"), "\(arguments): \(result.error)")
            #expect(result.error.unwrapped.contains("There is no state at pcplan.state.db."))
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("pcplan.state.db")))
    }

    @Test func statePathOption() throws {
        let sandbox = try Sandbox()
        try sandbox.write("other/.keep", "")
        try StateFixture.write(sandbox, path: "other/s.db", records: [StateFixture.data("pcplan_data.a", name: "a")])
        for spelling in [["-state=other/s.db"], ["--state", "other/s.db"], ["-state", "other/s.db"]] {
            let result = pcplan(["state", "list"] + spelling, in: sandbox.root)
            #expect(result.status == 0)
            #expect(result.output == "pcplan_data.a\n")
        }
    }

    // MARK: show

    @Test func showPrintsTheAttributesAsAResourceBlock() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "show", "pcplan_data.single"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == """
            # pcplan_data.single:
            resource "pcplan_data" "single" {
                id    = "s1"
                input = {
                    name  = "x"
                    ports = [
                        80,
                        443,
                    ]
                }
            }

            """)
        let keyed = pcplan(["state", "show", "pcplan_data.web[10]"], in: sandbox.root)
        #expect(keyed.output.hasPrefix("# pcplan_data.web[10]:\nresource \"pcplan_data\" \"web\" {\n    id = \"x\"\n}\n"))
    }

    @Test func showHidesSensitiveValuesAndLaysOutStrings() throws {
        let sandbox = try Sandbox()
        let attributes = #"""
            {"content":"line one\nline two\n","content_base64":null,"content_base64sha256":"b","content_md5":"m",
             "content_sha1":"s","content_sha256":"h","directory_permission":"0777","file_permission":"0644",
             "filename":"out/{\"a\".txt","id":"abc","sensitive_content":"hunter2"}
            """#
        try StateFixture.write(sandbox, records: [
            StateFixture.data("local_file.f", name: "f", attributes: attributes, type: "local_file"),
            StateFixture.data(
                "pcplan_data.p", name: "p",
                attributes: #"{"id":"p","input":{"doc":"{\"b\":[1],\"a\":\"x\"}","m":"v"},"output":null,"triggers_replace":null}"#,
                sensitivePaths: #"[[{"type":"get_attr","value":"input"},{"type":"get_attr","value":"m"}]]"#),
        ])
        let file = pcplan(["state", "show", "local_file.f"], in: sandbox.root)
        #expect(file.status == 0)
        #expect(file.output == """
            # local_file.f:
            resource "local_file" "f" {
                content              = <<-EOT
                    line one
                    line two
                EOT
                content_base64sha256 = "b"
                content_md5          = "m"
                content_sha1         = "s"
                content_sha256       = "h"
                directory_permission = "0777"
                file_permission      = "0644"
                filename             = "out/{\\"a\\".txt"
                id                   = "abc"
                sensitive_content    = (sensitive value)
            }

            """)
        #expect(!file.output.contains("hunter2"))
        let data = pcplan(["state", "show", "pcplan_data.p"], in: sandbox.root)
        #expect(data.output == """
            # pcplan_data.p:
            resource "pcplan_data" "p" {
                id    = "p"
                input = {
                    doc = jsonencode(
                        {
                            a = "x"
                            b = [
                                1,
                            ]
                        }
                    )
                    m   = (sensitive value)
                }
            }

            """)
    }

    /// No built-in type has nested blocks yet; AWS types will.
    @Test func nestedBlocksFollowTheAttributes() {
        let rule = ResourceSchema(attributes: [
            "port": AttributeSchema(.number, .required), "note": AttributeSchema(.string, .optional),
        ])
        let schema = ResourceSchema(
            attributes: ["name": AttributeSchema(.string, .required), "tags": AttributeSchema(.map(.string), .optional)],
            blocks: ["rule": BlockSchema(.list, rule), "timeouts": BlockSchema(.single, ResourceSchema(attributes: [:]))])
        let value = Value.object([
            "name": .string("sg"),
            "tags": .map(["Name": .string("web"), "team-a": .string("x")], element: .string),
            "rule": .list([
                .object(["port": .number(80), "note": .null(.string)]),
                .object(["port": .number(443), "note": .string("tls")]),
            ], element: rule.valueType),
            "timeouts": .null(.emptyObject),
        ])
        let text = StateResourceText.render(
            address: "aws_security_group.sg", isData: false, type: "aws_security_group", name: "sg", value: value, schema: schema)
        #expect(text == """
            # aws_security_group.sg:
            resource "aws_security_group" "sg" {
                name = "sg"
                tags = {
                    "Name"   = "web"
                    "team-a" = "x"
                }

                rule {
                    port = 80
                }

                rule {
                    note = "tls"
                    port = 443
                }
            }

            """)
    }

    @Test func showErrors() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        try StateFixture.write(sandbox, records: [
            StateFixture.data("pcplan_data.broken", name: "broken", attributes: #"{"id":{"not":"a string"}}"#),
        ])
        let cases: [(String, String)] = [
            ("pcplan_data.web", "error: No instance found for the given address"),
            ("pcplan_data.nope", "error: No instance found for the given address"),
            ("module.app", "error: Invalid address"),
            ("pcplan_data.web[", "error: Invalid address"),
            ("pcplan_data.broken", "error: Unreadable object in state"),
        ]
        for (address, message) in cases {
            let result = pcplan(["state", "show", address], in: sandbox.root)
            #expect(result.status == 1, "\(address)")
            #expect(result.output == "", "\(address)")
            #expect(result.error.unwrapped.contains(message), "\(address): \(result.error)")
        }
    }

    // MARK: rm

    @Test func removeForgetsInstancesResourcesAndModules() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "rm", "module.app", "pcplan_data.web"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == """
            Removed pcplan_data.web[2]
            Removed pcplan_data.web[10]
            Removed module.app.pcplan_data.db
            Removed module.app.module.inner.pcplan_data.deep
            Successfully removed 4 resource instance(s).

            """)
        #expect(try StateFixture.addresses(sandbox) == ["pcplan_data.single"])
        // The lock taken for the change is released.
        let backend = try SQLiteStateBackend(path: sandbox.path("pcplan.state.db"), pcplanVersion: "0.1.0")
        #expect(try backend.currentLock() == nil)
    }

    @Test func removeDryRunChangesNothing() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let serial = try backend.metadata().serial
        let result = pcplan(["state", "rm", "-dry-run", "pcplan_data.web[2]"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "Would remove pcplan_data.web[2]\n")
        #expect(try backend.metadata().serial == serial)
        #expect(try StateFixture.addresses(sandbox).count == 5)
    }

    @Test func removeReportsAddressesThatMatchNothing() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let none = pcplan(["state", "rm", "pcplan_data.nope"], in: sandbox.root)
        #expect(none.status == 1)
        #expect(none.output == "")
        #expect(none.error.unwrapped.contains("No objects in the state match pcplan_data.nope."))
        let some = pcplan(["state", "rm", "pcplan_data.nope", "pcplan_data.single"], in: sandbox.root)
        #expect(some.status == 0)
        #expect(some.output == "Removed pcplan_data.single\nSuccessfully removed 1 resource instance(s).\n")
        #expect(some.error.unwrapped.contains("warning: No match for pcplan_data.nope"))
        let nothing = pcplan(["state", "rm"], in: sandbox.root)
        #expect(nothing.status == 1)
        #expect(nothing.error.unwrapped.contains("error: Address required"))
        #expect(try StateFixture.addresses(sandbox).count == 4)
    }

    @Test func removeWaitsForNoOneAndRespectsTheLock() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let lock = try backend.lock(operation: "apply", info: "", timeout: 0)
        let locked = pcplan(["state", "rm", "pcplan_data.single"], in: sandbox.root)
        #expect(locked.status == 1)
        #expect(locked.error.unwrapped.contains("error: Error acquiring the state lock"))
        #expect(locked.error.unwrapped.contains(lock.id))
        #expect(try StateFixture.addresses(sandbox).count == 5)
        // -lock=false is the user's explicit choice to go ahead.
        let unlocked = pcplan(["state", "rm", "-lock=false", "pcplan_data.single"], in: sandbox.root)
        #expect(unlocked.status == 0)
        #expect(try StateFixture.addresses(sandbox).count == 4)
        #expect(try backend.currentLock()?.id == lock.id)
        let badTimeout = pcplan(["state", "rm", "-lock-timeout=soon", "pcplan_data.web"], in: sandbox.root)
        #expect(badTimeout.status == 1)
        #expect(badTimeout.error.unwrapped.contains("Invalid -lock-timeout"))
    }

    // MARK: mv

    @Test(arguments: [
        ("pcplan_data.single", "pcplan_data.renamed", ["pcplan_data.renamed", "pcplan_data.web[2]", "pcplan_data.web[10]"]),
        ("pcplan_data.single", "pcplan_data.web[3]", ["pcplan_data.web[2]", "pcplan_data.web[3]", "pcplan_data.web[10]"]),
        ("pcplan_data.web[2]", "pcplan_data.two", ["pcplan_data.single", "pcplan_data.two", "pcplan_data.web[10]"]),
        ("pcplan_data.web", "pcplan_data.site", ["pcplan_data.single", "pcplan_data.site[2]", "pcplan_data.site[10]"]),
        ("pcplan_data.web", "module.app.pcplan_data.web", ["pcplan_data.single", "module.app.pcplan_data.web[2]"]),
    ])
    func moveInstancesAndResources(source: String, destination: String, expected: [String]) throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "mv", source, destination], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "Move \"\(source)\" to \"\(destination)\"\nSuccessfully moved 1 object(s).\n")
        let after = try StateFixture.addresses(sandbox)
        for address in expected { #expect(after.contains(address), "\(address) in \(after)") }
        #expect(!after.contains(source))
        #expect(after.count == 5)
    }

    @Test func moveModuleMovesEverythingBelowIt() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let result = pcplan(["state", "mv", "module.app", "module.svc[\"a\"]"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        let snapshot = try backend.snapshot()
        let moved = try #require(snapshot.instance("module.svc[\"a\"].module.inner.pcplan_data.deep"))
        #expect(moved.modulePath == "module.svc[\"a\"].module.inner")
        #expect(moved.name == "deep")
        #expect(snapshot.instance("module.svc[\"a\"].pcplan_data.db")?.modulePath == "module.svc[\"a\"]")
        let list = pcplan(["state", "list", "module.svc"], in: sandbox.root)
        #expect(list.output == "module.svc[\"a\"].pcplan_data.db\nmodule.svc[\"a\"].module.inner.pcplan_data.deep\n")
    }

    @Test func moveKeepsKeysAndIdentity() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        #expect(pcplan(["state", "mv", "pcplan_data.web", "pcplan_data.site"], in: sandbox.root).status == 0)
        let record = try #require(try backend.snapshot().instance("pcplan_data.site[10]"))
        #expect(record.name == "site")
        #expect(record.indexKey == .int(10))
        #expect(record.type == "pcplan_data")
    }

    @Test(arguments: [
        ("pcplan_data.single", "pcplan_data.web[2]", "Cannot move to pcplan_data.web[2]: there is already a resource instance"),
        ("pcplan_data.web", "pcplan_data.single", "Cannot move to pcplan_data.single: there is already a resource at that address"),
        ("pcplan_data.single", "local_file.single", "resource types don't match"),
        ("pcplan_data.single", "data.pcplan_data.single", "a managed resource can be moved only to another managed resource address"),
        ("pcplan_data.single", "module.app", "the target must also be a resource instance"),
        ("pcplan_data.web", "pcplan_data.site[0]", "the target must also be a whole resource address"),
        ("module.app", "pcplan_data.x", "the target must also be a module"),
        ("module.app", "module.app.module.x", "a module cannot be moved into itself"),
        ("pcplan_data.nope", "pcplan_data.x", "Cannot move pcplan_data.nope: it does not match anything in the state"),
        ("module.nope", "module.x", "Cannot move module.nope: it does not match anything"),
        ("pcplan_data.x[", "pcplan_data.y", "error: Invalid source address"),
        ("pcplan_data.x", "1bad", "error: Invalid target address"),
    ])
    func moveRefusals(source: String, destination: String, message: String) throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let serial = try backend.metadata().serial
        let result = pcplan(["state", "mv", source, destination], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.unwrapped.contains(message), "\(result.error)")
        #expect(try backend.metadata().serial == serial)
    }

    @Test func moveDryRun() throws {
        let sandbox = try Sandbox()
        try StateFixture.sample(sandbox)
        let result = pcplan(["state", "mv", "--dry-run", "pcplan_data.web", "pcplan_data.site"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "Would move \"pcplan_data.web\" to \"pcplan_data.site\"\n")
        #expect(try StateFixture.addresses(sandbox).contains("pcplan_data.web[2]"))
    }

    // MARK: pull

    @Test func pullPrintsTheStateAsJSON() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let result = pcplan(["state", "pull"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == (try backend.pullJSON()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 4)
        #expect(object["lineage"] as? String == (try backend.metadata().lineage))
        #expect((object["resources"] as? [Any])?.count == 4)
    }

    @Test func stateAloneShowsItsSubcommands() {
        let result = pcplan(["state"], in: "/")
        #expect(result.status == 1)
        for name in ["list", "show", "rm", "mv", "pull"] {
            #expect(result.error.contains("  \(name) "), "\(name)")
        }
        let help = pcplan(["state", "mv", "-help"], in: "/")
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: pcplan state mv [options] SOURCE DESTINATION"))
    }

    // MARK: force-unlock

    @Test func forceUnlockAsksForConfirmation() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let lock = try backend.lock(operation: "apply", info: "", timeout: 0)
        let declined = pcplan(["force-unlock", lock.id], in: sandbox.root, input: "no\n")
        #expect(declined.status == 1)
        #expect(declined.output.hasPrefix("Do you really want to force-unlock?\n"))
        #expect(declined.output.contains("Only 'yes' will be accepted to confirm."))
        #expect(declined.error.unwrapped.contains("error: force-unlock cancelled"))
        #expect(try backend.currentLock()?.id == lock.id)
        let silent = pcplan(["force-unlock", lock.id], in: sandbox.root, input: "")
        #expect(silent.status == 1)
        #expect(try backend.currentLock()?.id == lock.id)

        let confirmed = pcplan(["force-unlock", lock.id], in: sandbox.root, input: "yes\n")
        #expect(confirmed.status == 0)
        #expect(confirmed.output.contains("pcplan state has been successfully unlocked!"))
        #expect(try backend.currentLock() == nil)
    }

    @Test func forceUnlockWithForceAsksNothing() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let lock = try backend.lock(operation: "apply", info: "", timeout: 0)
        let result = pcplan(["force-unlock", "-force", lock.id], in: sandbox.root)
        #expect(result.status == 0)
        #expect(!result.output.contains("Do you really"))
        #expect(result.output.hasPrefix("pcplan state has been successfully unlocked!\n"))
        #expect(try backend.currentLock() == nil)
    }

    @Test func forceUnlockRefusesAWrongIDOrNoLock() throws {
        let sandbox = try Sandbox()
        let backend = try StateFixture.sample(sandbox)
        let notLocked = pcplan(["force-unlock", "-force", "1234"], in: sandbox.root)
        #expect(notLocked.status == 1)
        #expect(notLocked.error.unwrapped.contains("error: Failed to unlock state"))
        #expect(notLocked.error.unwrapped.contains("is not locked"))
        let lock = try backend.lock(operation: "apply", info: "", timeout: 0)
        // Refused before asking: the answer would not matter.
        let wrong = pcplan(["force-unlock", "1234"], in: sandbox.root, input: "yes\n")
        #expect(wrong.status == 1)
        #expect(wrong.output == "")
        #expect(wrong.error.unwrapped.contains("Lock ID 1234 does not match"))
        #expect(wrong.error.unwrapped.contains(lock.id))
        #expect(try backend.currentLock()?.id == lock.id)
    }
}
