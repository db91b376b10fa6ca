import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server the tests start (moto, the fault proxy): output goes to a log
/// file, which is where the harness reads the port it printed, and it is
/// stopped by its process id.
///
/// A static property never runs `deinit`, and a crashed or killed test run
/// runs nothing at all, so each child gets a watchdog: a tiny shell loop,
/// itself a child of the test process, that kills the server (by id) as
/// soon as the test process is gone. No server outlives the tests.
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process`, `watchdog` and `logPath` are set once in init;
    // `stopped` is guarded by `lock`.
    let name: String
    let pid: Int32
    let logPath: String
    private let process: Process
    private let watchdog: Process?
    private let directory: String
    private let lock = NSLock()
    private var stopped = false

    /// Starts `executable` (a path) with `arguments`; `environment` is added
    /// to the process's own.
    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:]) throws(HarnessError) {
        self.name = name
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pcplan-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HarnessError("Could not create a directory for \(name)'s log at \(directory): \(error.localizedDescription)")
        }
        self.directory = directory
        logPath = directory + "/output.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard let log = FileHandle(forWritingAtPath: logPath) else {
            throw HarnessError("Could not open \(logPath) for \(name)'s output.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? log.close()
            throw HarnessError("Could not start \(name) (\(executable)): \(error.localizedDescription)")
        }
        try? log.close()
        self.process = process
        pid = process.processIdentifier
        watchdog = ChildProcess.startWatchdog(for: pid)
    }

    deinit {
        stop()
    }

    var isRunning: Bool { process.isRunning }

    /// The whole log so far (for parsing ports and for error messages).
    var output: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// The last lines of the log, for diagnostics.
    func outputTail(lines: Int = 20) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// Polls the log until `extract` finds something in it, the process
    /// exits, or `timeout` seconds pass.
    func waitForOutput<T>(timeout: Double, what: String, _ extract: (String) -> T?) throws(HarnessError) -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = extract(output) { return found }
            if !process.isRunning {
                throw HarnessError("""
                    \(name) exited (status \(process.terminationStatus)) before printing \(what). Its output:
                    \(outputTail())
                    """)
            }
            if Date() > deadline {
                throw HarnessError("\(name) did not print \(what) within \(Int(timeout)) s. Its output:\n\(outputTail())")
            }
            usleep(20_000)
        }
    }

    /// SIGTERM, then SIGKILL if it has not exited after `grace` seconds.
    /// Idempotent. Removes the log directory.
    func stop(grace: Double = 5) {
        lock.lock()
        let alreadyStopped = stopped
        stopped = true
        lock.unlock()
        guard !alreadyStopped else { return }
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                kill(pid, SIGKILL)
                process.waitUntilExit()
            }
        }
        if let watchdog, watchdog.isRunning {
            kill(watchdog.processIdentifier, SIGKILL)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func startWatchdog(for child: Int32) -> Process? {
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        // $1 is the test process, $2 the server. Stop watching once the
        // server is gone; kill it when the test process is.
        watchdog.arguments = [
            "-c",
            "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 0.5; done; kill -0 \"$1\" 2>/dev/null || kill -9 \"$2\" 2>/dev/null; exit 0",
            "watchdog", String(getpid()), String(child),
        ]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        do {
            try watchdog.run()
            return watchdog
        } catch {
            return nil
        }
    }

    /// The full path of `command` found on `searchPath` (default: PATH), or nil.
    static func findOnPath(_ command: String, searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
