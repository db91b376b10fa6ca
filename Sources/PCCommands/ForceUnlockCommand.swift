import ArgumentParser
import Foundation
import PCDiagnostics
import PCState

/// `pcplan force-unlock LOCK_ID`: releases a state lock left behind by a
/// run that was killed or crashed.
struct ForceUnlockCommand: TerminalCommand {
    static let configuration = CommandConfiguration(
        commandName: "force-unlock",
        abstract: "Release a stuck lock on the current state",
        usage: "pcplan force-unlock [options] LOCK_ID",
        discussion: """
            Removes the lock on the state when the run that took it is gone. LOCK_ID is \
            the lock ID shown in the error that reported the lock; it must match the \
            lock held, so a lock taken since by someone else is never released by \
            mistake. Unless -force is given, asks for confirmation: only "yes" confirms. \
            Infrastructure is not changed.

            Exit status: 0 when the lock was released, 1 otherwise.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["force", "no-color"], booleanOptions: [])

    @Flag(name: [.customLong("force", withSingleDash: true), .customLong("force")],
          help: "Do not ask for confirmation.")
    var force = false

    @Flag(name: [.customLong("no-color", withSingleDash: true), .customLong("no-color")], help: "Never use colour.")
    var noColor = false

    @Option(name: [.customLong("state", withSingleDash: true), .customLong("state")],
            help: ArgumentHelp("Path of the state database.", valueName: "PATH"))
    var statePath: String = SQLiteStateBackend.defaultPath

    @Argument(help: ArgumentHelp("The ID of the lock to release.", valueName: "LOCK_ID"))
    var lockID: String

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: noColor)
        let (opened, openDiagnostics) = StateAccess.existing(path: statePath, terminal: terminal, lockFor: nil)
        guard let access = opened else {
            printer.print(openDiagnostics)
            return ExitStatus.failure
        }
        // Check before asking: a wrong ID or a lock already gone is an
        // answer the user needs more than a question.
        let holder: LockInfo
        do {
            guard let current = try access.backend.currentLock() else {
                throw StateError.notLocked(location: statePath, given: lockID)
            }
            guard current.id == lockID else { throw StateError.lockIDMismatch(given: lockID, holder: current) }
            holder = current
        } catch {
            printer.print([Self.failure(error, path: statePath)])
            return ExitStatus.failure
        }
        if !force {
            terminal.standardOutput.write(Self.question(holder))
            terminal.flush()
            guard LineInput(terminal: terminal).nextLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                terminal.standardOutput.write("\n")
                printer.print([Diagnostic(
                    code: .unlockCancelled,
                    detail: "Only \"yes\" confirms; the lock was left in place.")])
                return ExitStatus.failure
            }
            terminal.standardOutput.write("\n")
        }
        do {
            try access.backend.forceUnlock(id: lockID)
        } catch {
            printer.print([Self.failure(error, path: statePath)])
            return ExitStatus.failure
        }
        let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: noColor)
        let headline = "pcplan state has been successfully unlocked!"
        terminal.standardOutput.write("""
            \(color ? "\u{1B}[1;32m\(headline)\u{1B}[0m" : headline)

            The lock is gone, and pcplan commands can now take a new lock on the state.

            """)
        return ExitStatus.success
    }

    static func question(_ holder: LockInfo) -> String {
        """
        Do you really want to force-unlock?
          pcplan will remove the lock held by \(holder.who) for "\(holder.operation)"
          (pid \(holder.pid) on \(holder.host), since \(holder.createdAt.formatted(.iso8601))).
          Commands will then be able to change this state, even if that run is
          still going. Only 'yes' will be accepted to confirm.

          Enter a value: 
        """
    }

    static func failure(_ error: any Error, path: String) -> Diagnostic {
        Diagnostic(code: .unlockFailed, detail: StateAccess.describe(error, path: path))
    }
}
