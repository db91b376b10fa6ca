import Foundation
import PCApply
import PCPlan

/// The lines people follow during apply, in Terraform's words:
/// `pcplan_data.a: Creating...`, then
/// `pcplan_data.a: Creation complete after 1s [id=…]`.
///
/// Thread-safe: `show` runs on the executor's coordination queue, one
/// event at a time; `record` runs on workers and is guarded by `lock`.
final class ApplyProgress: @unchecked Sendable {
    private let terminal: Terminal
    private let changes: [ResourceChange]
    private let lock = NSLock()
    private var ids: [Int: String] = [:]

    init(terminal: Terminal, changes: [ResourceChange]) {
        self.terminal = terminal
        self.changes = changes
    }

    /// Remembers the new object's id, for the completion line.
    func record(_ index: Int, id: String?) {
        guard let id else { return }
        lock.lock()
        ids[index] = id
        lock.unlock()
    }

    func show(_ event: ExecutionEvent) {
        switch event {
        case .started(let index, _):
            let change = changes[index]
            terminal.standardOutput.write("\(change.address): \(Self.verbs(change.action).doing)...\n")
        case .finished(let index, .succeeded, let duration):
            let change = changes[index]
            lock.lock()
            let id = ids[index]
            lock.unlock()
            let suffix = id.map { " [id=\($0)]" } ?? ""
            terminal.standardOutput.write("\(change.address): \(Self.verbs(change.action).done) after \(Self.seconds(duration))\(suffix)\n")
        case .finished:
            break
        case .skipped(let index, let cause):
            terminal.standardOutput.write("\(changes[index].address): Skipped, because \(changes[cause].address) failed\n")
        }
        terminal.flush()
    }

    /// The closing line: what was done, or why the run ended early.
    func closing(_ summary: ExecutionSummary, stopped: Bool) -> String {
        var added = 0, changed = 0, destroyed = 0
        for (index, record) in summary.records.enumerated() where record.state == .succeeded {
            switch changes[index].action {
            case .create: added += 1
            case .update: changed += 1
            case .delete: destroyed += 1
            case .deleteThenCreate, .createThenDelete:
                added += 1
                destroyed += 1
            case .read, .noop: break
            }
        }
        let counts = "Resources: \(added) added, \(changed) changed, \(destroyed) destroyed."
        if stopped {
            return "\nApply interrupted. \(counts) \(summary.notStartedCount) action\(summary.notStartedCount == 1 ? " was" : "s were") not started; everything finished is recorded.\n"
        }
        if summary.isComplete {
            return "\nApply complete! \(counts)\n"
        }
        return "\nApply failed: \(summary.failedCount) failed, \(summary.skippedCount) skipped. \(counts) Everything that finished is recorded; fix the errors above and run pcplan apply again.\n"
    }

    static func verbs(_ action: ChangeAction) -> (doing: String, done: String) {
        switch action {
        case .create, .deleteThenCreate, .createThenDelete: ("Creating", "Creation complete")
        case .update: ("Modifying", "Modifications complete")
        case .delete: ("Destroying", "Destruction complete")
        case .read: ("Reading", "Read complete")
        case .noop: ("Checking", "Done")
        }
    }

    static func seconds(_ duration: Double) -> String {
        duration < 60 ? "\(Int(duration.rounded()))s" : "\(Int(duration) / 60)m\(Int(duration) % 60)s"
    }
}
