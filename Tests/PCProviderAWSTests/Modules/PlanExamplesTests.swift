import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The example plans under docs/examples/ are what pcplan prints today:
/// `scripts/plan-examples.sh --check` regenerates them against this suite's
/// moto (signatures checked) and compares byte for byte.
@Suite(.serialized, .motoServer)
struct PlanExamplesTests {
    let moto: MotoServer

    init() throws {
        // A freshly reset server: the script seeds moto's generator itself,
        // after this reset, so the identifiers come out the same every run.
        moto = try MotoServer.forTest()
    }

    @Test func theCommittedExamplePlansAreCurrent() throws {
        let run = try PlanExamplesScript.run(["--check"], moto: moto)
        #expect(run.status == 0, """
            docs/examples/ does not match what pcplan prints now (exit \(run.status)). \
            Regenerate with `bash scripts/plan-examples.sh` and review the diff. The script said:
            \(run.output)
            """)
        if run.status == 0 {
            #expect(
                run.output.contains("docs/examples/ is up to date (6 files), and so are the excerpts in docs/reviewing-plans.md"),
                "\(run.output)")
        }
    }

    /// The check can fail: one edited line in a copy of the committed files
    /// is found, named, and the way to regenerate is given.
    @Test func anEditedExampleIsReportedAsStale() throws {
        let copy = try PlanExamplesScript.copyOfCommittedExamples()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let edited = copy + "/create.md"
        let original = try String(contentsOfFile: edited, encoding: .utf8)
        try (original + "\nA line nobody generated.\n").write(toFile: edited, atomically: true, encoding: .utf8)

        let run = try PlanExamplesScript.run(["--check", "--examples", copy], moto: moto)
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("are stale"), "\(run.output)")
        #expect(run.output.contains("\(copy)/create.md"), "\(run.output)")
        #expect(run.output.contains("+++ generated/create.md"), "\(run.output)")
        #expect(run.output.contains("-A line nobody generated."), "\(run.output)")
        #expect(run.output.contains("Regenerate them with: bash scripts/plan-examples.sh"), "\(run.output)")
    }
}

/// Runs `scripts/plan-examples.sh` with the pcplan built beside the tests
/// and a suite's moto, as a child process stopped by its id on timeout.
enum PlanExamplesScript {
    struct Run {
        var status: Int32
        var output: String
    }

    /// The package root, from this file's place in it.
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Modules
            .deletingLastPathComponent()  // PCProviderAWSTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent().path
    }

    /// A temporary copy of docs/examples/.
    static func copyOfCommittedExamples() throws -> String {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("pcplan-examples-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.copyItem(atPath: repositoryRoot + "/docs/examples", toPath: copy)
        return copy
    }

    static func run(_ arguments: [String], moto: MotoServer, timeout: Double = 300) throws -> Run {
        let pcplan = try builtPCPlan()
        let credentials = moto.credentials
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = credentials.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
        for inherited in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"] { environment[inherited] = nil }

        // Output to a file, not a pipe: nothing can block on a full pipe
        // while we wait for the exit.
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("pcplan-plan-examples-\(getpid())-\(UUID().uuidString.prefix(8)).log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try #require(FileHandle(forWritingAtPath: log))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["scripts/plan-examples.sh"] + arguments + ["--pcplan", pcplan, "--endpoint", moto.endpoint]
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()

        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGTERM)
            let grace = Date().addingTimeInterval(5)
            while process.isRunning && Date() < grace { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        var output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if timedOut {
            output = "scripts/plan-examples.sh did not finish within \(Int(timeout)) s and was stopped.\n" + output
        }
        return Run(status: timedOut ? -1 : process.terminationStatus, output: output)
    }

    /// The `pcplan` executable SwiftPM built in the products directory the
    /// test runner lives in (on macOS the runner sits inside an .xctest
    /// bundle there, hence the walk up).
    static func builtPCPlan() throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("pcplan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("pcplan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw HarnessError(
            "The pcplan executable was not found near \(CommandLine.arguments[0]). Build it with the tests: swift build --build-tests (which builds every product).")
    }
}
