import Foundation
import PCApply
import PCLang
import PCPlan

/// The lines people follow during apply, in Terraform's words:
/// `pcplan_data.a: Creating...`, then
/// `pcplan_data.a: Creation complete after 1s [id=…]`.
///
/// On a terminal, a live status line stays below those lines — how many
/// actions are done, in flight and waiting, the elapsed time, and the
/// longest-running actions with their times — redrawn every second.
/// Elsewhere (CI logs), actions still running after ten seconds get a
/// `Still creating... [10s elapsed]` line every ten seconds instead, as
/// Terraform prints them, so a log shows what a long apply is waiting for.
///
/// Thread-safe: `ids`, `running` and the writes to the terminal happen
/// while holding `lock` (`show` runs on the executor's coordination queue,
/// `record` on workers, the reminders on their own timer queue).
final class ApplyProgress: @unchecked Sendable {
    private let terminal: Terminal
    private let changes: [ResourceChange]
    /// One JSON object per line, in the shape of Terraform's
    /// machine-readable UI, instead of text.
    private let json: Bool
    /// Whether the live status line is drawn (a terminal, not JSON).
    private let live: Bool
    private let width: Int
    private var statusShown = false
    private var finishedCount = 0
    private let lock = NSLock()
    private var ids: [Int: String] = [:]
    /// In-flight actions and when they started (monotonic seconds).
    private var running: [Int: Double] = [:]
    /// How many reminders each in-flight action has had.
    private var reminded: [Int: Int] = [:]
    private let clockStart = DispatchTime.now()
    private var timer: DispatchSourceTimer?
    static let reminderInterval = 10.0

    init(terminal: Terminal, changes: [ResourceChange], json: Bool = false) {
        self.terminal = terminal
        self.changes = changes
        self.json = json
        self.live = !json && terminal.standardOutput.isTerminal && terminal.environment["TERM"] != "dumb"
        self.width = Self.columns(terminal)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "pcplan.apply.progress"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.remind() }
        timer.resume()
        self.timer = timer
    }

    /// Stops the reminders and clears the live line; call when the run is
    /// over.
    func finish() {
        lock.lock()
        timer?.cancel()
        timer = nil
        if statusShown {
            terminal.standardOutput.write(Self.clearLine)
            statusShown = false
            terminal.flush()
        }
        lock.unlock()
    }

    /// Carriage return, then erase the whole line (ECMA-48 EL 2).
    static let clearLine = "\r\u{1B}[2K"

    /// Writes one event line; on a terminal the status line is lifted out
    /// of the way first and drawn again below it.
    private func writeLine(_ line: String) {
        if statusShown { terminal.standardOutput.write(Self.clearLine) }
        terminal.standardOutput.write(line + "\n")
        statusShown = false
        if live { drawStatus() }
    }

    /// `[3/20] 4 in flight, 13 waiting, 12s elapsed: aws_ecs_service.console (8s), …`
    /// cut to the terminal's width so it never wraps (a wrapped line could
    /// not be erased in place).
    private func drawStatus() {
        let current = now
        let inFlight = running.sorted { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }
        let waiting = changes.count - finishedCount - inFlight.count
        var line = "[\(finishedCount)/\(changes.count)] \(inFlight.count) in flight, \(waiting) waiting, \(Self.seconds(current)) elapsed"
        if !inFlight.isEmpty {
            line += ": " + inFlight.map { "\(changes[$0.key].address) (\(Self.seconds(current - $0.value)))" }.joined(separator: ", ")
        }
        let limit = max(20, width - 1)
        if line.count > limit { line = String(line.prefix(limit - 1)) + "…" }
        terminal.standardOutput.write(Self.clearLine + line)
        statusShown = true
    }

    /// The terminal's width: `COLUMNS`, else the window size, else 80.
    private static func columns(_ terminal: Terminal) -> Int {
        if let columns = terminal.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private var now: Double {
        Double(DispatchTime.now().uptimeNanoseconds - clockStart.uptimeNanoseconds) / 1e9
    }

    private func remind() {
        lock.lock()
        defer { lock.unlock() }
        if live {
            drawStatus()
            terminal.flush()
            return
        }
        let current = now
        for index in running.keys.sorted() {
            let due = Int((current - running[index]!) / Self.reminderInterval)
            guard due > reminded[index, default: 0] else { continue }
            reminded[index] = due
            let change = changes[index]
            let elapsed = Double(due) * Self.reminderInterval
            let message = "\(change.address): Still \(Self.verbs(change.action).doing.lowercased())... [\(Self.seconds(elapsed)) elapsed]"
            if json {
                emit(message, type: "apply_progress", hook: hook(change, extra: ["elapsed_seconds": .number(Int(elapsed))]))
            } else {
                terminal.standardOutput.write(message + "\n")
            }
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
            let message = "\(change.address): \(Self.verbs(change.action).doing)..."
            if json { emit(message, type: "apply_start", hook: hook(change)) } else { writeLine(message) }
        case .finished(let index, .succeeded, let duration):
            running[index] = nil
            finishedCount += 1
            let change = changes[index]
            let id = ids[index]
            let message = "\(change.address): \(Self.verbs(change.action).done) after \(Self.seconds(duration))\(id.map { " [id=\($0)]" } ?? "")"
            if json {
                var extra: [String: Value] = ["elapsed_seconds": .number(Int(duration.rounded()))]
                if let id { extra["id_key"] = .string("id"); extra["id_value"] = .string(id) }
                emit(message, type: "apply_complete", hook: hook(change, extra: extra))
            } else {
                writeLine(message)
            }
        case .finished(let index, .failed(let reason), let duration):
            running[index] = nil
            finishedCount += 1
            if live { drawStatus() }
            if json {
                let change = changes[index]
                emit("\(change.address): \(Self.verbs(change.action).doing) errored after \(Self.seconds(duration)): \(reason)",
                     type: "apply_errored", level: "error",
                     hook: hook(change, extra: ["elapsed_seconds": .number(Int(duration.rounded()))]))
            }
        case .skipped(let index, let cause):
            finishedCount += 1
            let message = "\(changes[index].address): Skipped, because \(changes[cause].address) failed"
            if json { emit(message, type: "apply_skipped", hook: hook(changes[index])) } else { writeLine(message) }
        }
        terminal.flush()
    }

    /// The planned changes, as `planned_change` events (JSON mode).
    func announce() {
        guard json else { return }
        lock.lock()
        defer { lock.unlock() }
        for change in changes {
            emit("\(change.address): Plan to \(Self.jsonAction(change.action))", type: "planned_change", hook: hook(change))
        }
    }

    /// The outputs, as one `outputs` event (JSON mode).
    func outputs(_ outputs: [RootOutput]) {
        guard json else { return }
        var object: [String: Value] = [:]
        for output in outputs {
            let sensitive = output.isSensitive || output.value.containsSensitive
            var entry: [String: Value] = ["sensitive": .bool(sensitive), "type": .string(output.value.type.constraintSyntax)]
            if !sensitive, output.value.isWhollyKnown { entry["value"] = output.value.unmarkedDeepValue }
            object[output.name] = .object(entry)
        }
        lock.lock()
        defer { lock.unlock() }
        emit("Outputs: \(outputs.count)", type: "outputs", extra: ["outputs": .object(object)])
    }

    private func hook(_ change: ResourceChange, extra: [String: Value] = [:]) -> Value {
        var resource: [String: Value] = [
            "addr": .string(change.address), "implied_provider": .string(change.type.split(separator: "_").first.map(String.init) ?? ""),
            "module": .string(change.moduleAddress ?? ""), "resource": .string(change.address),
            "resource_type": .string(change.type), "resource_name": .string(change.name),
        ]
        resource["resource_key"] = change.index ?? .null
        var hook = extra
        hook["resource"] = .object(resource)
        hook["action"] = .string(Self.jsonAction(change.action))
        return .object(hook)
    }

    private func emit(_ message: String, type: String, level: String = "info", hook: Value? = nil, extra: [String: Value] = [:]) {
        var object = extra
        object["@level"] = .string(level)
        object["@message"] = .string(message)
        object["@module"] = .string("pcplan.ui")
        object["@timestamp"] = .string(ISO8601DateFormatter().string(from: Date()))
        object["type"] = .string(type)
        if let hook { object["hook"] = hook }
        terminal.standardOutput.write(((try? Value.object(object).jsonString()) ?? "{}") + "\n")
    }

    static func jsonAction(_ action: ChangeAction) -> String {
        switch action {
        case .create: "create"
        case .update: "update"
        case .delete: "delete"
        case .deleteThenCreate, .createThenDelete: "replace"
        case .read: "read"
        case .noop: "noop"
        }
    }

    /// The closing line: what was done, or why the run ended early.
    func closing(_ summary: ExecutionSummary, stopped: Bool, destroying: Bool = false) -> String {
        let word = destroying ? "Destroy" : "Apply"
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
        if json {
            lock.lock()
            defer { lock.unlock() }
            let summaryText = summary.isComplete ? "\(word) complete! \(counts)" : (stopped ? "\(word) interrupted. \(counts)" : "\(word) failed. \(counts)")
            emit(summaryText, type: "change_summary", extra: ["changes": .object([
                "add": .number(added), "change": .number(changed), "remove": .number(destroyed), "import": .number(0),
                "operation": .string(destroying ? "destroy" : "apply"),
            ])])
            return ""
        }
        if stopped {
            return "\n\(word) interrupted. \(counts) \(summary.notStartedCount) action\(summary.notStartedCount == 1 ? " was" : "s were") not started; everything finished is recorded.\n"
        }
        if summary.isComplete {
            return "\n\(word) complete! \(counts)\n"
        }
        return "\n\(word) failed: \(summary.failedCount) failed, \(summary.skippedCount) skipped. \(counts) Everything that finished is recorded; fix the errors above and run pcplan apply again.\n"
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
