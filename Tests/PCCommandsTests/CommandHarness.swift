import Foundation
import PCCommands
import Testing

/// A temporary directory for one test, removed when the test is done.
final class Sandbox {
    let root: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/pcplan-cli-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = String(cString: try #require(made))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(relative))), as: UTF8.self)
    }
}

/// What a command run printed and returned.
struct CommandResult {
    var status: Int32
    var output: String
    var error: String
}

/// Runs `pcplan` in process, in `directory`, with captured streams.
func pcplan(
    _ arguments: [String], in directory: String, input: String = "", environment: [String: String] = [:],
    terminal: Bool = false
) -> CommandResult {
    let console = Terminal(
        capturingWithInput: Array(input.utf8), environment: environment, workingDirectory: directory,
        outputIsTerminal: terminal)
    let status = PCPlanCommand.run(arguments, terminal: console)
    return CommandResult(
        status: status, output: console.standardOutput.capturedText, error: console.standardError.capturedText)
}

/// Runs the built `pcplan` executable as a separate process.
func pcplanProcess(
    _ arguments: [String], in directory: String, input: String = "", environment: [String: String]? = nil
) throws -> CommandResult {
    let process = Process()
    process.executableURL = try builtExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if let environment { process.environment = environment }
    let output = Pipe(), error = Pipe(), standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    standardInput.fileHandleForWriting.write(Data(input.utf8))
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        output: String(decoding: outputData, as: UTF8.self),
        error: String(decoding: errorData, as: UTF8.self))
}

/// The `pcplan` binary SwiftPM built next to this test bundle: the test
/// runner lives in the products directory (on macOS inside an .xctest
/// bundle there), so look beside it and a few levels up.
func builtExecutable() throws -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("pcplan")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("pcplan")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    Issue.record("the pcplan executable was not found near \(CommandLine.arguments[0]); build it first")
    throw CocoaError(.fileNoSuchFile)
}
