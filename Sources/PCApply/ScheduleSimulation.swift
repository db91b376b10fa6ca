import PCGraph

/// Schedules computed without running anything: how long a run would take
/// if every action took exactly its expected duration, and the bound no
/// schedule can beat. For the estimated apply time shown with a plan, and
/// for the benchmark that compares priorities.
public enum ScheduleSimulation {
    /// The shortest time any schedule of `graph` can take with
    /// `parallelism` actions at once: the longer of the heaviest dependency
    /// chain and the total work shared evenly among the slots.
    ///
    /// - Throws: ``GraphCycleError`` when the graph has a cycle.
    public static func lowerBound(
        graph: DependencyGraph,
        durations: [Double],
        parallelism: Int
    ) throws(GraphCycleError) -> Double {
        let weights = sanitized(durations, count: graph.nodeCount)
        let longestChain = try graph.criticalPath(weights: weights).max() ?? 0
        let totalWork = weights.reduce(0, +)
        return max(longestChain, totalWork / Double(max(1, parallelism)))
    }

    /// The time the executor's list schedule takes when each action lasts
    /// exactly its duration: event-driven, with no real waiting.
    ///
    /// Like ``ActionExecutor``, it starts ready actions best first
    /// according to `priority` whenever a slot is free, and lets every
    /// action finishing at the same instant release its dependents before
    /// choosing the next ones.
    ///
    /// - Throws: ``GraphCycleError`` when the graph has a cycle.
    public static func makespan(
        graph: DependencyGraph,
        durations: [Double],
        parallelism: Int,
        priority: SchedulePriority
    ) throws(GraphCycleError) -> Double {
        try schedule(graph: graph, durations: durations, parallelism: parallelism, priority: priority).makespan
    }

    /// The start time of every action in the simulated schedule, with its
    /// makespan; see ``makespan(graph:durations:parallelism:priority:)``.
    public static func schedule(
        graph: DependencyGraph,
        durations: [Double],
        parallelism: Int,
        priority: SchedulePriority
    ) throws(GraphCycleError) -> (startTimes: [Double], makespan: Double) {
        let n = graph.nodeCount
        let weights = sanitized(durations, count: n)
        var ready = ReadyQueue(priorities: try graph.criticalPath(weights: weights), order: priority)
        var waitingOn = (0..<n).map { graph.dependencies(of: $0).count }
        for node in 0..<n where waitingOn[node] == 0 { ready.push(node) }
        var running = FinishQueue()
        var startTimes = [Double](repeating: 0, count: n)
        let slots = max(1, parallelism)
        var now = 0.0
        var makespan = 0.0
        while true {
            while running.count < slots, let node = ready.pop() {
                startTimes[node] = now
                running.push(time: now + weights[node], node: node)
            }
            guard let first = running.pop() else { break }
            now = first.time
            makespan = max(makespan, now)
            var finishing = [first.node]
            while let next = running.peekTime(), next == now, let more = running.pop() {
                finishing.append(more.node)
            }
            for node in finishing {
                for dependent in graph.dependents(of: node) {
                    waitingOn[dependent] -= 1
                    if waitingOn[dependent] == 0 { ready.push(dependent) }
                }
            }
        }
        return (startTimes, makespan)
    }

    private static func sanitized(_ durations: [Double], count: Int) -> [Double] {
        precondition(durations.count == count, "one duration per action is needed")
        return durations.map { $0.isFinite && $0 > 0 ? $0 : 0 }
    }
}

/// The simulated actions in flight, earliest finish first (ties by index):
/// a binary min-heap.
private struct FinishQueue {
    private var heap: [(time: Double, node: Int)] = []

    var count: Int { heap.count }

    func peekTime() -> Double? { heap.first?.time }

    private func precedes(_ a: (time: Double, node: Int), _ b: (time: Double, node: Int)) -> Bool {
        a.time < b.time || (a.time == b.time && a.node < b.node)
    }

    mutating func push(time: Double, node: Int) {
        heap.append((time, node))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (time: Double, node: Int)? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let best = heap[0]
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= heap.count { break }
            var chosen = left
            if left + 1 < heap.count && precedes(heap[left + 1], heap[left]) { chosen = left + 1 }
            guard precedes(heap[chosen], heap[parent]) else { break }
            heap.swapAt(chosen, parent)
            parent = chosen
        }
        return best
    }
}
