import Foundation
import PCCommands

/// A copy of the repository's `modules/` and `examples/` in a temporary
/// directory, where `pcplan` runs in process against the suite's moto
/// server, as a user would run it from an example's directory.
///
/// Copying both keeps the examples' `../../modules/...` sources valid, and
/// lets a test write wrapper configurations beside the examples without
/// touching the repository. The directory is removed with the workspace.
final class ModuleWorkspace {
    let root: String
    /// The state database every run uses (`-state`), inside the workspace.
    let state: String
    /// The environment every run sees; the AWS provider reads its
    /// credentials and endpoint from it.
    private(set) var environment: [String: String]

    /// The repository this test file belongs to.
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init() throws(HarnessError) {
        var template = Array((NSTemporaryDirectory() + "/pcplan-modules-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw HarnessError("Could not make a temporary directory for the module workspace (errno \(errno)).") }
        root = String(cString: made)
        state = root + "/pcplan.state.db"
        // An empty home: a developer's ~/.aws never reaches these runs.
        environment = ["HOME": root + "/home", "AWS_REGION": "us-east-1"]
        do {
            try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            for directory in ["modules", "examples"] {
                try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/" + directory, toPath: root + "/" + directory)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw HarnessError("Could not copy modules/ and examples/ from \(Self.repositoryRoot) into \(root): \(error)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Points every later run at `moto` with its current key.
    func use(_ moto: MotoServer) {
        environment["AWS_ENDPOINT_URL"] = moto.endpoint
        environment["AWS_ACCESS_KEY_ID"] = moto.credentials.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = moto.credentials.secretAccessKey
    }

    /// Points every later run at a port where nothing listens, with one
    /// attempt per call: for runs that must fail before they need AWS.
    func useNoEndpoint() {
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1"
        environment["AWS_MAX_ATTEMPTS"] = "1"
        environment["AWS_ACCESS_KEY_ID"] = "AKIANOENDPOINT"
        environment["AWS_SECRET_ACCESS_KEY"] = "not-a-real-secret"
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(relative))), as: UTF8.self)
    }

    /// Runs `pcplan arguments` in process with `directory` (relative to the
    /// workspace) as its working directory, and times it.
    /// `environment` adds to (or replaces) the workspace's variables for
    /// this run only.
    func pcplan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) -> ModuleRun {
        let terminal = Terminal(
            capturingWithInput: [], environment: environment.merging(extra) { $1 }, workingDirectory: path(directory))
        let clock = ContinuousClock()
        let started = clock.now
        let status = PCPlanCommand.run(arguments, terminal: terminal)
        let elapsed = clock.now - started
        return ModuleRun(
            arguments: arguments, directory: directory, status: status,
            output: terminal.standardOutput.capturedText, error: terminal.standardError.capturedText,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// What one in-process `pcplan` run printed and returned.
struct ModuleRun: CustomStringConvertible {
    var arguments: [String]
    var directory: String
    var status: Int32
    var output: String
    var error: String
    var seconds: Double

    /// Both streams, for searching.
    var text: String { output + error }

    /// The whole run as a failure message shows it.
    var description: String {
        let command = (["pcplan"] + arguments).joined(separator: " ")
        return "$ (cd \(directory) && \(command))  # exit \(status), \(String(format: "%.2f", seconds)) s\n"
            + "--- standard output ---\n\(output)\n--- standard error ---\n\(error)"
    }
}
