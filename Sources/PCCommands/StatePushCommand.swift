import ArgumentParser
import Foundation
import PCDiagnostics
import PCState

/// `pcplan state push PATH`: replaces the state with one written by
/// `state pull` — refusing one of another lineage or an older serial,
/// which would silently undo someone's work, unless `-force`.
struct StatePushCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Replace the state with a state file in JSON",
        usage: "pcplan state push [options] PATH",
        discussion: """
            Replaces every object and output of the state (the configured backend, or \
            -state) with those of PATH, a state in the JSON form pcplan state pull \
            prints ("-" reads standard input). A state of another lineage, or with a \
            lower serial than the current one, is refused unless -force is given: \
            pushing it would undo changes recorded since.

            Exit status: 0 when the state was replaced, 1 otherwise.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["force", "no-color"], booleanOptions: ["lock"])

    @Flag(name: [.customLong("force", withSingleDash: true), .customLong("force")],
          help: "Replace the state even when the lineage differs or the serial is lower.")
    var force = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @OptionGroup var lockOptions: StateLockOptions

    @Argument(help: ArgumentHelp("The state to push, as JSON; - for standard input.", valueName: "PATH"))
    var source: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        var diagnostics: [Diagnostic] = []
        let timeout = lockOptions.timeout(reportingTo: &diagnostics)
        guard let timeout, !diagnostics.hasErrors else {
            printer.print(diagnostics)
            return ExitStatus.failure
        }
        let pushed: StateSnapshot
        do {
            let text: String
            if source == "-" {
                switch terminal.readStandardInput() {
                case .success(let bytes): text = String(decoding: bytes, as: UTF8.self)
                case .failure(let failure): throw StateError.cannotOpen(path: "standard input", reason: "\(failure)")
                }
            } else {
                text = try String(contentsOfFile: terminal.resolve(source), encoding: .utf8)
            }
            pushed = try StatePullJSON.read(text, source: source == "-" ? "standard input" : source)
        } catch let error as StateError {
            printer.print([Diagnostic(code: .stateUnavailable, detail: error.description)])
            return ExitStatus.failure
        } catch {
            printer.print([Diagnostic(code: .stateUnavailable, detail: "\(source) cannot be read: \(error.localizedDescription)")])
            return ExitStatus.failure
        }
        let (opened, openDiagnostics) = StateAccess.open(
            path: statePath, terminal: terminal, create: true, lockFor: lockOptions.operation("state push"), lockTimeout: timeout)
        guard let access = opened else {
            printer.print(openDiagnostics)
            return ExitStatus.failure
        }
        defer { access.release() }
        do {
            let current = try access.backend.snapshot()
            let isEmpty = current.resources.isEmpty && current.outputs.isEmpty && current.serial == 0
            if !force && !isEmpty {
                if pushed.lineage != current.lineage {
                    throw Refusal("\(source) is a state of lineage \(pushed.lineage), but \(access.backend.location) holds lineage \(current.lineage): a different state, not an earlier or later version of this one. Give -force to replace it anyway.")
                }
                if pushed.serial < current.serial {
                    throw Refusal("\(source) has serial \(pushed.serial), older than the state's serial \(current.serial): pushing it would undo what was recorded since. Pull the state again, or give -force to replace it anyway.")
                }
            }
            var changes = ChangeSet()
            for address in Set(current.resources.map(\.address)).sorted() { changes.append(.deleteInstance(address: address)) }
            for output in current.outputs { changes.append(.deleteOutput(name: output.name)) }
            for record in pushed.resources { changes.append(.upsertInstance(record)) }
            for output in pushed.outputs { changes.append(.setOutput(output)) }
            try access.backend.commit(changes)
            return ExitStatus.success
        } catch let refusal as Refusal {
            printer.print([Diagnostic(code: .stateWriteFailed, summary: "State push refused", detail: refusal.message)])
            return ExitStatus.failure
        } catch {
            printer.print([Diagnostic(code: .stateWriteFailed, detail: StateAccess.describe(error, path: access.backend.location))])
            return ExitStatus.failure
        }
    }

    private struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
