import Foundation
import Testing

@Suite("pcplan apply, destroy and output", .serialized)
struct ApplyCommandTests {
    static let configuration = """
        resource "pcplan_data" "a" {
          input = "alpha"
        }
        resource "local_file" "f" {
          filename = "${path.module}/out/a.txt"
          content  = pcplan_data.a.output
        }
        output "text" {
          value = local_file.f.content
        }
        """

    @Test("apply creates everything, records it, prints outputs; a second plan is a no-op; destroy removes it")
    func lifecycle() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let applied = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(applied.status == 0, "\(applied.error)")
        #expect(applied.output.contains("pcplan_data.a: Creation complete after"))
        #expect(applied.output.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."))
        #expect(applied.output.contains("text = \"alpha\""))
        #expect(try sandbox.read("out/a.txt") == "alpha")
        let again = pcplan(["plan", "-no-color", "-detailed-exitcode"], in: sandbox.root)
        #expect(again.status == 0, "\(again.output)")
        #expect(pcplan(["output", "-raw", "text"], in: sandbox.root).output == "alpha")
        let destroyed = pcplan(["destroy", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(destroyed.status == 0, "\(destroyed.error)")
        #expect(destroyed.output.contains("Destroy complete! Resources: 0 added, 0 changed, 2 destroyed."))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("out/a.txt")))
        #expect(pcplan(["state", "list"], in: sandbox.root).output == "")
        #expect(pcplan(["output"], in: sandbox.root).output == "")
    }

    @Test("without a terminal and without -auto-approve nothing is done")
    func needsApproval() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let result = pcplan(["apply", "-no-color"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("-auto-approve"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("out/a.txt")))
    }

    @Test("a saved plan is applied as made, and refused once the configuration changed")
    func savedPlan() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        #expect(pcplan(["plan", "-out", "p.bin"], in: sandbox.root).status == 0)
        try sandbox.write("extra.pcl", "locals {\n  x = 1\n}\n")
        let stale = pcplan(["apply", "-no-color", "p.bin"], in: sandbox.root)
        #expect(stale.status == 1)
        #expect(stale.error.contains("Saved plan is stale"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("out/a.txt")))
        try FileManager.default.removeItem(atPath: sandbox.path("extra.pcl"))
        let applied = pcplan(["apply", "-no-color", "p.bin"], in: sandbox.root)
        #expect(applied.status == 0, "\(applied.error)")
        #expect(try sandbox.read("out/a.txt") == "alpha")
    }

    @Test("a failed action skips its dependents, independent ones finish, and everything finished is recorded")
    func failure() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "local_file" "bad" {
              filename = "/proc/pcplan-cannot-write-here/x"
              content  = "x"
            }
            resource "pcplan_data" "after_bad" {
              input = local_file.bad.id
            }
            resource "pcplan_data" "independent" {
              input = "ok"
            }
            """)
        let result = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.error.contains("local_file.bad"))
        #expect(result.output.contains("pcplan_data.after_bad: Skipped, because local_file.bad failed"))
        #expect(pcplan(["state", "list"], in: sandbox.root).output == "pcplan_data.independent\n")
    }

    @Test("32 sleeps of 300 ms with -parallelism 32 overlap on a 2-core machine")
    func parallelism() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "time_sleep" "s" {
              count           = 32
              create_duration = "300ms"
            }
            """)
        let started = Date()
        let result = pcplan(["apply", "-auto-approve", "-no-color", "-parallelism", "32"], in: sandbox.root)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Resources: 32 added"))
        // One after the other they would take 9.6 s.
        #expect(elapsed < 2.0, "took \(elapsed) s")
    }

    @Test("after an apply, plans estimate the apply time from the recorded durations")
    func estimate() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "time_sleep" "s" {
              count           = 2
              create_duration = "100ms"
            }
            """)
        let first = pcplan(["plan", "-no-color"], in: sandbox.root)
        #expect(!first.output.contains("Estimated apply time"))
        #expect(pcplan(["apply", "-auto-approve"], in: sandbox.root).status == 0)
        try sandbox.write("main.pcl", """
            resource "time_sleep" "s" {
              count           = 4
              create_duration = "100ms"
            }
            """)
        let second = pcplan(["plan", "-no-color"], in: sandbox.root)
        #expect(second.output.contains("Estimated apply time: about 1s at -parallelism 10"), "\(second.output)")
    }

    @Test("-json prints one event per line in Terraform's machine-readable shape")
    func jsonEvents() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let refused = pcplan(["apply", "-json"], in: sandbox.root)
        #expect(refused.status == 1)
        #expect(refused.error.contains("-json needs -auto-approve"))
        let result = pcplan(["apply", "-json", "-auto-approve"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        let events = try result.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let types = events.compactMap { $0["type"] as? String }
        #expect(types.filter { $0 == "planned_change" }.count == 2)
        #expect(types.filter { $0 == "apply_start" }.count == 2)
        #expect(types.filter { $0 == "apply_complete" }.count == 2)
        #expect(types.suffix(2) == ["change_summary", "outputs"])
        let summary = try #require(events.first { $0["type"] as? String == "change_summary" }?["changes"] as? [String: Any])
        #expect(summary["add"] as? Int == 2)
        let complete = try #require(events.first { $0["type"] as? String == "apply_complete" }?["hook"] as? [String: Any])
        #expect((complete["resource"] as? [String: Any])?["addr"] as? String != nil)
        #expect(complete["id_key"] as? String == "id")
    }
}
