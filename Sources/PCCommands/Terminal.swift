import PCConfig
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a command may touch outside its arguments: its streams, its
/// environment and the directory relative paths start from.
///
/// `Terminal.system()` is the real process; tests build one with captured
/// streams, given standard input and a temporary working directory, and run
/// commands in process.
public final class Terminal {
    public let standardOutput: TerminalOutput
    public let standardError: TerminalOutput
    public let environment: [String: String]
    /// Relative paths are resolved against this; what the user typed is
    /// still what diagnostics and listings show.
    public var workingDirectory: String
    private let standardInputReader: () -> Result<[UInt8], FileSystem.Failure>

    public init(
        standardOutput: TerminalOutput,
        standardError: TerminalOutput,
        environment: [String: String],
        workingDirectory: String,
        standardInput: @escaping () -> Result<[UInt8], FileSystem.Failure>
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardInputReader = standardInput
    }

    /// A terminal for tests: output is captured, standard input is `input`.
    public convenience init(
        capturingWithInput input: [UInt8] = [],
        environment: [String: String] = [:],
        workingDirectory: String,
        outputIsTerminal: Bool = false
    ) {
        self.init(
            standardOutput: TerminalOutput(capturingAsTerminal: outputIsTerminal),
            standardError: TerminalOutput(capturingAsTerminal: outputIsTerminal),
            environment: environment,
            workingDirectory: workingDirectory,
            standardInput: { .success(input) }
        )
    }

    /// The process's own streams and environment.
    public static func system() -> Terminal {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return Terminal(
            standardOutput: TerminalOutput(descriptor: 1),
            standardError: TerminalOutput(descriptor: 2),
            environment: environment,
            workingDirectory: ".",
            standardInput: { FileSystem.readAll(descriptor: 0, path: "-") }
        )
    }

    /// All of standard input, read once.
    public func readStandardInput() -> Result<[UInt8], FileSystem.Failure> {
        standardInputReader()
    }

    /// The path to open for what the user typed.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || workingDirectory == "." || workingDirectory.isEmpty { return path }
        return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
    }

    /// Colour only for a terminal, never when `NO_COLOR` is set to anything
    /// non-empty (no-color.org), never for `TERM=dumb`, never with `-no-color`.
    public func usesColor(on output: TerminalOutput, noColorFlag: Bool) -> Bool {
        guard output.isTerminal, !noColorFlag else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// Columns to wrap diagnostic detail at: `COLUMNS` if set (capped at
    /// 120, where long lines stop being easy to read), else 80. The same for
    /// terminals and pipes, so what a user sees is what CI logs show.
    func wrapWidth(for output: TerminalOutput) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return min(columns, 120) }
        return 80
    }

    public func flush() {
        standardOutput.flush()
        standardError.flush()
    }
}
