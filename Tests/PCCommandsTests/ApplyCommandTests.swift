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

@Suite("The apply progress people follow")
struct ApplyProgressViewTests {
    @Test("on a terminal a live status line counts done, in-flight and waiting actions, and is erased at the end")
    func liveView() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            resource "time_sleep" "slow" {
              count           = 2
              create_duration = "1300ms"
            }
            resource "pcplan_data" "after" {
              input = time_sleep.slow[0].id
            }
            """)
        let result = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root, environment: ["COLUMNS": "72"], terminal: true)
        #expect(result.status == 0, "\(result.error)")
        let clear = "\r\u{1B}[2K"
        #expect(result.output.contains(clear + "[0/3] 1 in flight, 2 waiting") || result.output.contains(clear + "[0/3] 2 in flight, 1 waiting"))
        // The timer redrew the line while both sleeps were running.
        #expect(result.output.contains("elapsed: time_sleep.slow[0] (1s)") || result.output.contains("elapsed: time_sleep.slow[1] (1s)"))
        #expect(result.output.contains(clear + "time_sleep.slow[0]: Creation complete after 1s"))
        #expect(result.output.contains("[3/3] 0 in flight, 0 waiting"))
        #expect(!result.output.contains("Still creating"))
        #expect(result.output.hasSuffix("\nApply complete! Resources: 3 added, 0 changed, 0 destroyed.\n"))
        // Every drawn status line fits the terminal, so it can be erased in place.
        for segment in result.output.components(separatedBy: clear) {
            let status = segment.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
            #expect(status.count < 72, "too wide: \(status)")
        }
    }

    @Test("without a terminal there are no control sequences")
    func plainView() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", #"resource "pcplan_data" "a" { input = "x" }"#)
        let result = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(!result.output.contains("\u{1B}"))
        #expect(result.output.contains("pcplan_data.a: Creation complete after 0s"))
    }
}

/// Ctrl-C during apply, with real processes and real signals.
@Suite("Apply interrupted with Ctrl-C", .serialized)
struct ApplyInterruptTests {
    static let configuration = """
        resource "time_sleep" "s" {
          count           = 6
          create_duration = "900ms"
        }
        """

    /// Starts `pcplan apply`, waits until it has started creating, sends
    /// SIGINT `signals` times (100 ms apart), and returns what it printed.
    func interrupt(in directory: String, signals: Int) throws -> (status: Int32, output: String, error: String, seconds: Double) {
        let process = Process()
        process.executableURL = try builtExecutable()
        process.arguments = ["apply", "-auto-approve", "-no-color", "-parallelism", "2"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(20)
        while !String(decoding: seen, as: UTF8.self).contains("Creating..."), Date() < deadline {
            seen.append(output.fileHandleForReading.availableData)
        }
        let signalled = Date()
        for round in 0..<signals {
            if round > 0 { Thread.sleep(forTimeInterval: 0.1) }
            kill(process.processIdentifier, SIGINT)
        }
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: seen, as: UTF8.self), errorText, Date().timeIntervalSince(signalled))
    }

    @Test("the first Ctrl-C lets the actions in flight finish and be recorded, starts nothing new, and exits 130")
    func firstInterrupt() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let run = try interrupt(in: sandbox.root, signals: 1)
        #expect(run.status == 130, "\(run.output)\n\(run.error)")
        #expect(run.error.contains("Interrupt received"))
        #expect(run.output.contains("Apply interrupted. Resources: 2 added, 0 changed, 0 destroyed. 4 actions were not started"))
        let recorded = pcplan(["state", "list"], in: sandbox.root).output.split(separator: "\n")
        #expect(recorded.count == 2)
        let plan = pcplan(["plan", "-no-color"], in: sandbox.root)
        #expect(plan.output.contains("Plan: 4 to add, 0 to change, 0 to destroy."), "\(plan.output)")
    }

    @Test("a second Ctrl-C stops at once; the intents stay, and the next apply finishes the work")
    func secondInterrupt() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        let run = try interrupt(in: sandbox.root, signals: 2)
        #expect(run.status == 130)
        #expect(run.error.contains("Stopping at once"))
        // It did not wait for the 900 ms sleeps in flight.
        #expect(run.seconds < 0.8, "took \(run.seconds) s")
        #expect(pcplan(["state", "list"], in: sandbox.root).output.isEmpty)
        let pulled = pcplan(["state", "pull"], in: sandbox.root).output
        #expect(pulled.contains("time_sleep.s"), "the create intents were lost: \(pulled)")
        let apply = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(apply.status == 0, "\(apply.error)")
        #expect(apply.output.contains("Resources: 6 added"))
        #expect(pcplan(["plan", "-detailed-exitcode", "-no-color"], in: sandbox.root).status == 0)
    }
}
