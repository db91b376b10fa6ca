import Dispatch
import Foundation
import PCApply
import PCConfig
import PCDiagnostics
import PCGraph
import PCLang
import PCPlan
import PCProvider
import PCState
#if canImport(Glibc)
import Glibc
#endif

/// One `apply` or `destroy`: plan (or read the saved plan and check it is
/// current), confirm, run the actions on the executor, record outputs, and
/// report.
struct ApplyRun {
    var options: ApplyOptions
    var mode: Plan.Mode
    var planFile: String?

    static let interrupted: Int32 = 130

    func run(in terminal: Terminal) -> Int32 {
        var printer = DiagnosticPrinter(terminal: terminal, noColor: options.noColor)
        guard options.parallelism >= 1 else {
            printer.print([Diagnostic(code: .invalidAddress, summary: "Invalid -parallelism",
                                      detail: "-parallelism must be at least 1; it is \(options.parallelism).")])
            return ExitStatus.failure
        }
        var saved: Plan?
        if let planFile {
            switch FileSystem.readFile(at: terminal.resolve(planFile)) {
            case .failure(let failure):
                printer.print([failure.diagnostic(displayPath: planFile)])
                return ExitStatus.failure
            case .success(let bytes):
                do throws(PlanFileError) {
                    saved = try PlanFile.decode(bytes)
                } catch {
                    printer.print([Diagnostic(code: .invalidPlanFile, detail: "\(planFile): \(error.message)")])
                    return ExitStatus.failure
                }
            }
        }
        var planRun = options.planRun(mode: saved?.mode ?? mode)
        if let saved {
            planRun.targets = saved.targets
            planRun.refresh = false
            planRun.variableOptions = []
        }
        let prepared = planRun.prepare(
            in: terminal, operation: mode == .destroy ? "destroy" : "apply", createState: true,
            fixedVariables: saved.map { $0.variables.mapValues { VariableInput.value($0) } } ?? [:])
        defer { prepared.state?.release() }
        printer.print(prepared.diagnostics)
        guard let plan = prepared.plan, let planner = prepared.planner, let state = prepared.state else {
            return ExitStatus.failure
        }
        if let lockNote = prepared.state?.access.lock?.replacedStaleLock?.note {
            terminal.standardError.write("Note: \(lockNote)\n")
        }
        let color = terminal.usesColor(on: terminal.standardOutput, noColorFlag: options.noColor)
        if let saved {
            let fresh = state.snapshot.serial == 0 && state.snapshot.resources.isEmpty
            if let stale = PlanFile.checkCurrent(
                saved, stateLineage: fresh ? nil : state.snapshot.lineage, stateSerial: state.snapshot.serial,
                configurationDigest: plan.configurationDigest) {
                printer.print([Diagnostic(code: .staleState, summary: "Saved plan is stale", detail: stale)])
                return ExitStatus.failure
            }
        } else if options.json {
            guard options.autoApprove else {
                printer.print([Diagnostic(
                    code: .invalidAddress, summary: "-json needs -auto-approve",
                    detail: "With -json there is no one to ask for confirmation. Add -auto-approve, or apply a saved plan.")])
                return ExitStatus.failure
            }
        } else {
            let schemas = PlanRun.schemaLookup(prepared.registry)
            terminal.standardOutput.write(PlanRenderer.terminal(
                plan, color: color, width: terminal.wrapWidth(for: terminal.standardOutput), schemas: schemas))
            if !plan.hasChanges {
                terminal.standardOutput.write("\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n")
                return ExitStatus.success
            }
            guard confirm(plan, in: terminal, printer: &printer) else { return ExitStatus.failure }
        }
        return execute(plan, planner: planner, state: state, registry: prepared.registry, in: terminal, printer: &printer)
    }

    /// Asks for "yes" unless `-auto-approve`; without a person to ask, that
    /// is an error and nothing is done.
    private func confirm(_ plan: Plan, in terminal: Terminal, printer: inout DiagnosticPrinter) -> Bool {
        if options.autoApprove { return true }
        let input = LineInput(terminal: terminal)
        guard input.isInteractive else {
            printer.print([Diagnostic(
                code: .invalidAddress, summary: "No confirmation possible",
                detail: "pcplan \(mode == .destroy ? "destroy" : "apply") asks for confirmation, but there is no terminal to ask in. Nothing was changed. Review the plan and run again with -auto-approve, or apply a saved plan: pcplan plan -out=FILE, then pcplan apply FILE.")])
            return false
        }
        let verb = mode == .destroy ? "destroy all these resources" : "perform these actions"
        terminal.standardOutput.write("\nDo you really want to \(verb)?\n  pcplan will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
        guard input.nextLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            terminal.standardOutput.write("\nApply cancelled.\n")
            return false
        }
        terminal.standardOutput.write("\n")
        return true
    }

    private func execute(
        _ plan: Plan, planner: Planner, state: LoadedState, registry: ProviderRegistry, in terminal: Terminal,
        printer: inout DiagnosticPrinter
    ) -> Int32 {
        // Settle what a dead run left: adopted objects are recorded, and
        // every old intent is cleared — this run records its own.
        let leftovers = state.snapshot.pendingIntents.map(\.key)
        if !leftovers.isEmpty {
            let adopted = ChangeSet(planner.adoptedObjects.values.sorted { $0.address < $1.address }.map { .upsertInstance($0) })
            do {
                try state.access.backend.commit(adopted, clearingIntents: leftovers)
            } catch {
                printer.print([Diagnostic(code: .stateUnavailable, detail: "The objects left by an interrupted run could not be recorded: \(error). Nothing was changed.")])
                return ExitStatus.failure
            }
        }
        let changes = plan.resourceChanges.filter { $0.action != .noop }
        let graph = ApplyGraph.build(changes)
        let averages = (try? state.access.backend.averageApplyDurations()) ?? [:]
        let expected = changes.map { averages[$0.type] ?? 1 }
        let evaluator = ApplyEvaluator(planner: planner)
        let application = ChangeApplication(
            providers: registry, evaluator: evaluator, state: state.access.backend,
            prior: Dictionary(state.snapshot.resources.filter { $0.deposedKey == nil }.map { ($0.address, $0) }) { first, _ in first })
        let executor: ActionExecutor
        do {
            executor = try ActionExecutor(graph: graph, expectedDurations: expected, parallelism: options.parallelism)
        } catch {
            printer.print([Diagnostic(code: .dependencyCycle, detail: "The planned changes depend on each other in a loop, so none can start. Nothing was changed.")])
            return ExitStatus.failure
        }
        let errors = ErrorCollector()
        let progress = ApplyProgress(terminal: terminal, changes: changes, json: options.json)
        progress.announce()
        let interrupts = InterruptHandler(terminal: terminal) { executor.requestStop() }
        let summary = executor.run({ index in
            switch application.apply(changes[index]) {
            case .success(let outcome):
                progress.record(index, id: outcome.id)
                return .succeeded
            case .failure(let diagnostic):
                errors.append(diagnostic)
                return .failed(diagnostic.summary)
            }
        }, onEvent: { event in progress.show(event) })
        interrupts.cancel()
        progress.finish()
        // Nothing is left for the outputs of a destroy to describe. An
        // output whose precondition fails is an error like a failed action.
        let checked = summary.isComplete && mode != .destroy ? evaluator.checkedRootOutputs() : (outputs: [], diagnostics: [])
        let outputs = checked.outputs
        printer.print(errors.all + checked.diagnostics)
        if summary.isComplete {
            recordOutputs(outputs, state: state, printer: &printer)
        }
        terminal.standardOutput.write(progress.closing(summary, stopped: summary.wasStopped, destroying: mode == .destroy))
        if summary.isComplete && !checked.diagnostics.hasErrors {
            if options.json {
                progress.outputs(outputs)
            } else {
                printOutputs(outputs, in: terminal)
            }
        }
        if summary.wasStopped { return Self.interrupted }
        return summary.isComplete && !checked.diagnostics.hasErrors ? ExitStatus.success : ExitStatus.failure
    }

    /// Records `outputs` and removes recorded outputs no longer declared
    /// (all of them after a destroy, which passes none).
    private func recordOutputs(_ outputs: [RootOutput], state: LoadedState, printer: inout DiagnosticPrinter) {
        var changes = ChangeSet()
        let names = Set(outputs.map(\.name))
        for output in outputs where output.value.isWhollyKnown {
            let json = (try? output.value.unmarkedDeepValue.jsonString()) ?? "null"
            changes.append(.setOutput(OutputRecord(name: output.name, valueJSON: json, sensitive: output.isSensitive || output.value.containsSensitive)))
        }
        for recorded in state.snapshot.outputs where !names.contains(recorded.name) {
            changes.append(.deleteOutput(name: recorded.name))
        }
        do {
            if !changes.isEmpty { try state.access.backend.commit(changes) }
        } catch {
            printer.print([Diagnostic(code: .stateUnavailable, detail: "The outputs could not be recorded: \(error). The resources are recorded; run pcplan apply again to record the outputs.")])
        }
    }

    private func printOutputs(_ outputs: [RootOutput], in terminal: Terminal) {
        guard !outputs.isEmpty else { return }
        var text = "\nOutputs:\n\n"
        for output in outputs {
            let shown = output.isSensitive || output.value.containsSensitive ? "<sensitive>" : ConsoleValueText.render(output.value)
            text += "\(output.name) = \(shown)\n"
        }
        terminal.standardOutput.write(text)
    }
}

typealias RootOutput = (name: String, value: Value, isSensitive: Bool)

/// Diagnostics from worker threads. Thread-safe: `lock` guards `items`.
final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    func append(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted { $0.summary < $1.summary }
    }
}

/// The order actions may run in: creates and updates after what they
/// depend on; deletes in the reverse order, after whatever depended on the
/// deleted object is gone.
enum ApplyGraph {
    static func build(_ changes: [ResourceChange]) -> DependencyGraph {
        var index: [String: Int] = [:]
        for (position, change) in changes.enumerated() { index[change.address] = position }
        var builder = GraphBuilder(nodeCount: changes.count)
        for (position, change) in changes.enumerated() {
            if change.action == .delete {
                for (other, dependent) in changes.enumerated() where dependent.action == .delete && dependent.dependencies.contains(change.address) {
                    builder.addDependency(from: position, to: other)
                }
            } else {
                for dependency in change.dependencies {
                    guard let target = index[dependency], changes[target].action != .delete else { continue }
                    builder.addDependency(from: position, to: target)
                }
            }
        }
        return builder.build()
    }
}

/// Ctrl-C during apply: the first stops new actions, the second exits at
/// once. Restores the default behaviour when cancelled.
final class InterruptHandler: @unchecked Sendable {
    // `source` and `count` are touched only on `queue`.
    private let queue = DispatchQueue(label: "pcplan.apply.interrupts")
    private var source: DispatchSourceSignal?
    private var count = 0

    init(terminal: Terminal, onFirst: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        source.setEventHandler { [unowned self] in
            self.count += 1
            if self.count == 1 {
                terminal.standardError.write("\nInterrupt received. Waiting for the actions in flight to finish and be recorded; press Ctrl-C again to stop at once.\n")
                terminal.flush()
                onFirst()
            } else {
                terminal.standardError.write("\nStopping at once. Actions that were in flight may have changed infrastructure; the next plan shows what is recorded.\n")
                terminal.flush()
                exit(ApplyRun.interrupted)
            }
        }
        source.resume()
        self.source = source
    }

    func cancel() {
        queue.sync {
            source?.cancel()
            source = nil
        }
        signal(SIGINT, SIG_DFL)
    }
}
