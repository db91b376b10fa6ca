import PCApply
import PCPlan

/// How long applying a plan should take, from the durations earlier
/// applies recorded, scheduled as the applier schedules them.
enum ApplyEstimate {
    static let parallelism = 10

    /// The sentence for the end of a plan, or nil when some changed type
    /// has never been applied here: a guess would mislead more than help.
    static func text(for plan: Plan, durations: [String: Double]) -> String? {
        let changes = plan.resourceChanges.filter { $0.action != .noop }
        guard !changes.isEmpty else { return nil }
        var expected: [Double] = []
        for change in changes {
            guard let duration = durations[change.type] else { return nil }
            expected.append(change.action.isReplace ? duration * 2 : duration)
        }
        guard let makespan = try? ScheduleSimulation.makespan(
            graph: ApplyGraph.build(changes), durations: expected, parallelism: parallelism, priority: .criticalPath) else {
            return nil
        }
        return "Estimated apply time: about \(ApplyProgress.seconds(max(makespan, 1))) at -parallelism \(parallelism), from the durations of earlier applies."
    }
}
