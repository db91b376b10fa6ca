import ArgumentParser
import Foundation
import PCConfig
import PCDiagnostics
import PCState
import PCStateS3

/// `pcplan init`: checks the configuration's backend and remembers it; when
/// the backend changed, `-migrate-state` copies the state from the old one
/// to the new one, lineage and serial included.
struct InitCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Prepare the working directory: check the backend, move the state to it",
        usage: "pcplan init [options]",
        discussion: """
            Checks the configuration's backend block (for s3: the bucket and the lock \
            table) and remembers it in .pcplan/backend.pcl. When the backend is not the \
            one remembered and the old one holds a state, -migrate-state copies that \
            state into the new backend, which must be empty, keeping its lineage and \
            serial; -reconfigure uses the new backend as it is and leaves the old state \
            alone. Without either, init stops and says which to choose. Providers are \
            built in, so there is nothing to install.

            Exit status: 0 on success, 1 otherwise.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(
        flags: ["migrate-state", "reconfigure", "no-color", "input"], booleanOptions: ["input"])

    @Flag(name: [.customLong("migrate-state", withSingleDash: true), .customLong("migrate-state")],
          help: "Copy the state from the previous backend into the new one.")
    var migrateState = false

    @Flag(name: [.customLong("reconfigure", withSingleDash: true), .customLong("reconfigure")],
          help: "Use the configured backend without moving any state into it.")
    var reconfigure = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    /// Where the backend of the last successful init is remembered.
    static let rememberedPath = ".pcplan/backend.pcl"

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        if migrateState && reconfigure {
            printer.print([Diagnostic(code: .unsupportedBackend, summary: "Conflicting options", detail: "-migrate-state and -reconfigure ask for opposite things; give one of them.")])
            return ExitStatus.failure
        }
        let (current, currentDiagnostics) = StateAccess.locate(requested: SQLiteStateBackend.defaultPath, terminal: terminal, checkInit: false, workspace: Workspace.defaultName)
        guard let current else {
            printer.print(currentDiagnostics)
            return ExitStatus.failure
        }
        let (remembered, previousDiagnostics) = StateAccess.rememberedLocation(terminal: terminal)
        // Before the first init, the state was the default local file.
        let previous = remembered ?? .file(SQLiteStateBackend.defaultPath)
        if previousDiagnostics.hasErrors {
            printer.print(previousDiagnostics)
            return ExitStatus.failure
        }
        if !reconfigure, !Self.same(previous, current, terminal: terminal) {
            let (source, sourceDiagnostics) = StateAccess.open(previous, terminal: terminal, create: false, lockFor: "init", lockTimeout: 0)
            if source == nil && !sourceDiagnostics.isEmpty {
                printer.print(sourceDiagnostics)
                return ExitStatus.failure
            }
            if let source {
                defer { source.release() }
                guard migrateState else {
                    printer.print([Diagnostic(
                        code: .unsupportedBackend, summary: "Backend configuration changed",
                        detail: "The state was kept in \(source.backend.location) and the configuration now names another place. Run pcplan init -migrate-state to copy the state there, or pcplan init -reconfigure to start from the new backend as it is (the old state is left alone).")])
                    return ExitStatus.failure
                }
                if let failure = migrate(from: source, to: current, terminal: terminal, printer: &printer) { return failure }
            }
        }
        // Open the configured backend once: for s3 this checks the bucket
        // and the lock table.
        let (checked, checkDiagnostics) = StateAccess.open(current, terminal: terminal, create: false, lockFor: nil, lockTimeout: 0)
        if checked == nil && checkDiagnostics.hasErrors {
            printer.print(checkDiagnostics)
            return ExitStatus.failure
        }
        if let failure = remember(current, terminal: terminal, printer: &printer) { return failure }
        terminal.standardOutput.write("\npcplan has been successfully initialized!\n")
        return ExitStatus.success
    }

    /// Copies the source's state into `target`, which must hold none.
    private func migrate(
        from source: StateAccess, to target: StateAccess.Location, terminal: Terminal, printer: inout DiagnosticPrinter
    ) -> Int32? {
        let (opened, diagnostics) = StateAccess.open(target, terminal: terminal, create: true, lockFor: "init", lockTimeout: 0)
        guard let destination = opened else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        defer { destination.release() }
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("pcplan-migrate-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: export) }
        do {
            let existing = try destination.backend.snapshot()
            guard existing.resources.isEmpty, existing.outputs.isEmpty, existing.serial == 0 else {
                printer.print([Diagnostic(
                    code: .unsupportedBackend, summary: "The new backend already holds a state",
                    detail: "\(destination.backend.location) already holds a state (serial \(existing.serial), \(existing.resources.count) objects), so nothing was copied over it. Remove it, or choose another key or path, then run pcplan init -migrate-state again.")])
                return ExitStatus.failure
            }
            let moved = try source.backend.snapshot()
            try Self.exportCopy(source.backend, to: export)
            switch (target, destination.backend) {
            case (_, let s3 as S3StateBackend):
                try s3.adopt(stateFile: export)
            case (.file(let path), _):
                destination.release()
                let resolved = terminal.resolve(path)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: resolved + suffix) }
                try FileManager.default.copyItem(atPath: export, toPath: resolved)
            default:
                throw S3StateError.damaged(location: destination.backend.location, reason: "it cannot take a migrated state")
            }
            terminal.standardOutput.write(
                "Copied the state from \(source.backend.location) to \(destination.backend.location): \(moved.resources.count) objects, serial \(moved.serial), lineage \(moved.lineage). The old state was left in place.\n")
            return nil
        } catch {
            printer.print([Diagnostic(code: .stateWriteFailed, detail: "The state could not be migrated: \(error). Nothing was changed in the old backend.")])
            return ExitStatus.failure
        }
    }

    private static func exportCopy(_ backend: any StateBackend, to path: String) throws {
        switch backend {
        case let file as SQLiteStateBackend: try file.exportCopy(to: path)
        case let s3 as S3StateBackend: try s3.exportCopy(to: path)
        default: throw S3StateError.damaged(location: backend.location, reason: "its state cannot be exported")
        }
    }

    /// Writes the configured backend's block to `.pcplan/backend.pcl` (or
    /// removes the file for the default local state).
    private func remember(_ location: StateAccess.Location, terminal: Terminal, printer: inout DiagnosticPrinter) -> Int32? {
        let path = terminal.resolve(Self.rememberedPath)
        let text: String
        switch location {
        case .s3(let declaration, _):
            text = "pcplan {\n  " + declaration.file.text(in: declaration.range) + "\n}\n"
        case .file(let file):
            text = "pcplan {\n  backend \"local\" {\n    path = \"\(file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"\n  }\n}\n"
        }
        do {
            try FileManager.default.createDirectory(atPath: terminal.resolve(".pcplan"), withIntermediateDirectories: true)
            try Data(("# Written by pcplan init: the backend of the last successful init.\n" + text).utf8).write(to: URL(fileURLWithPath: path))
            return nil
        } catch {
            printer.print([Diagnostic(code: .stateWriteFailed, detail: "\(Self.rememberedPath) could not be written: \(error)")])
            return ExitStatus.failure
        }
    }

    /// Whether two locations are the same place: the same file, or the same
    /// bucket and key.
    static func same(_ a: StateAccess.Location, _ b: StateAccess.Location, terminal: Terminal) -> Bool {
        switch (a, b) {
        case (.file(let x), .file(let y)):
            return (terminal.resolve(x) as NSString).standardizingPath == (terminal.resolve(y) as NSString).standardizingPath
        case (.s3(let x, let xWorkspace), .s3(let y, let yWorkspace)):
            return x.string("bucket") == y.string("bucket") && x.string("key") == y.string("key") && xWorkspace == yWorkspace
        default:
            return false
        }
    }
}
