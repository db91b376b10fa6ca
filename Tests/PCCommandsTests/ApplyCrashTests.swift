import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` during apply, over and over, with real processes: after each
/// kill every file on disk is known to the state (recorded, or announced
/// by a create intent the next run adopts), the next plan works, and a
/// final apply converges to a plan with no changes.
@Suite("Apply killed at random moments", .serialized)
struct ApplyCrashTests {
    static let configuration = """
        resource "time_sleep" "pause" {
          count           = 8
          create_duration = "60ms"
        }
        resource "local_file" "f" {
          count      = 8
          filename   = "${path.module}/files/f${count.index}.txt"
          content    = "file ${count.index}"
          depends_on = [time_sleep.pause]
        }
        resource "local_file" "g" {
          count    = 8
          filename = "${path.module}/files/g${count.index}.txt"
          content  = "early ${count.index}"
        }
        """

    /// Starts an apply and kills it with SIGKILL after `delay` seconds
    /// (unless it finished first).
    func applyAndKill(in directory: String, after delay: Double) throws {
        let process = Process()
        process.executableURL = try builtExecutable()
        process.arguments = ["apply", "-auto-approve", "-no-color", "-parallelism", "2"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    @Test("nothing is ever lost, and the work converges")
    func killLoop() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", Self.configuration)
        // Spread over the run: start-up, the early files, the sleeps, the
        // late files.
        let delays = [0.05, 0.12, 0.2, 0.28, 0.35, 0.45, 0.6, 0.8]
        var interruptedMidway = 0
        for delay in delays {
            try applyAndKill(in: sandbox.root, after: delay)
            let listed = pcplan(["state", "list"], in: sandbox.root)
            let recorded = Set(listed.output.split(separator: "\n").map(String.init))
            if !recorded.isEmpty && recorded.count < 24 { interruptedMidway += 1 }
            let pulled = pcplan(["state", "pull"], in: sandbox.root).output
            let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.path("files"))) ?? []
            for file in onDisk {
                let letter = file.first!
                let index = file.dropFirst().dropLast(4)
                let address = "local_file.\(letter)[\(index)]"
                #expect(recorded.contains(address) || pulled.contains("\"address\": \"\(address)\""),
                        "after a kill at \(delay) s, \(file) exists but the state knows nothing of it")
            }
            let plan = pcplan(["plan", "-no-color", "-detailed-exitcode"], in: sandbox.root)
            #expect(plan.status == 0 || plan.status == 2, "plan after a kill at \(delay) s: \(plan.error)")
        }
        // The kills must really have landed in the middle of applies, or
        // this test proves nothing.
        #expect(interruptedMidway >= 1, "no kill interrupted an apply half way")
        let final = pcplan(["apply", "-auto-approve", "-no-color"], in: sandbox.root)
        #expect(final.status == 0, "\(final.error)")
        let settled = pcplan(["plan", "-no-color", "-detailed-exitcode"], in: sandbox.root)
        #expect(settled.status == 0, "\(settled.output)")
        #expect(pcplan(["state", "list"], in: sandbox.root).output.split(separator: "\n").count == 24)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("files")).count == 16)
    }
}
