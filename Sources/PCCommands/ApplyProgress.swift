import Foundation
import PCApply
import PCPlan

/// The lines people follow during apply, in Terraform's words:
/// `pcplan_data.a: Creating...`, then
/// `pcplan_data.a: Creation complete after 1s [id=…]`.
///
/// Actions still running after ten seconds get a
/// `Still creating... [10s elapsed]` line every ten seconds, as Terraform
/// prints them, so a CI log shows what a long apply is waiting for.
///
/// Thread-safe: `ids`, `running` and the writes to the terminal happen
/// while holding `lock` (`show` runs on the executor's coordination queue,
/// `record` on workers, the reminders on their own timer queue).
final class ApplyProgress: @unchecked Sendable {
    private let terminal: Terminal
    private let changes: [ResourceChange]
    private let lock = NSLock()
    private var ids: [Int: String] = [:]
    /// In-flight actions and when they started (monotonic seconds).
    private var running: [Int: Double] = [:]
    /// How many reminders each in-flight action has had.
    private var reminded: [Int: Int] = [:]
    private let clockStart = DispatchTime.now()
    private var timer: DispatchSourceTimer?
    static let reminderInterval = 10.0

    init(terminal: Terminal, changes: [ResourceChange]) {
        self.terminal = terminal
        self.changes = changes
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "pcplan.apply.progress"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.remind() }
        timer.resume()
        self.timer = timer
    }

    /// Stops the reminders; call when the run is over.
    func finish() {
        lock.lock()
        timer?.cancel()
        timer = nil
        lock.unlock()
    }

    private var now: Double {
        Double(DispatchTime.now().uptimeNanoseconds - clockStart.uptimeNanoseconds) / 1e9
    }

    private func remind() {
        lock.lock()
        defer { lock.unlock() }
        let current = now
        for index in running.keys.sorted() {
            let due = Int((current - running[index]!) / Self.reminderInterval)
            guard due > reminded[index, default: 0] else { continue }
            reminded[index] = due
            let change = changes[index]
            let elapsed = Double(due) * Self.reminderInterval
            terminal.standardOutput.write("\(change.address): Still \(Self.verbs(change.action).doing.lowercased())... [\(Self.seconds(elapsed)) elapsed]\n")
        }
        terminal.flush()
    }

    /// Remembers the new object's id, for the completion line.
    func record(_ index: Int, id: String?) {
        guard let id else { return }
        lock.lock()
        ids[index] = id
        lock.unlock()
    }

    func show(_ event: ExecutionEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let index, _):
            running[index] = now
            let change = changes[index]
            terminal.standardOutput.write("\(change.address): \(Self.verbs(change.action).doing)...\n")
        case .finished(let index, .succeeded, let duration):
            running[index] = nil
            let change = changes[index]
            let id = ids[index]
            let suffix = id.map { " [id=\($0)]" } ?? ""
            terminal.standardOutput.write("\(change.address): \(Self.verbs(change.action).done) after \(Self.seconds(duration))\(suffix)\n")
        case .finished(let index, _, _):
            running[index] = nil
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
