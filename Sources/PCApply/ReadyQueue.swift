/// The actions that may start, best first: a binary heap ordered by a fixed
/// priority per action (higher first), ties by lowest index so that runs
/// and simulations are reproducible.
///
/// Priorities are fixed when the queue is made, so the heap stores only
/// indices and looks the priorities up: each action is pushed at most once.
struct ReadyQueue: Sendable {
    private let priorities: [Double]
    private var heap: [Int32] = []

    /// A queue over actions `0..<priorities.count`.
    init(priorities: [Double]) {
        self.priorities = priorities
    }

    /// A queue ordered as `order` says: by `priorities` (for
    /// ``SchedulePriority/criticalPath``) or by index alone.
    init(priorities: [Double], order: SchedulePriority) {
        switch order {
        case .criticalPath: self.init(priorities: priorities)
        case .topological: self.init(priorities: [Double](repeating: 0, count: priorities.count))
        }
    }

    var isEmpty: Bool { heap.isEmpty }

    var count: Int { heap.count }

    /// Whether `a` starts before `b`.
    @inline(__always)
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let pa = priorities[Int(a)], pb = priorities[Int(b)]
        return pa > pb || (pa == pb && a < b)
    }

    mutating func push(_ action: Int) {
        heap.append(Int32(truncatingIfNeeded: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the action to start next, or nil when empty.
    mutating func pop() -> Int? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return Int(last) }
        let best = heap[0]
        heap[0] = last
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            if left >= count { break }
            var chosen = left
            let right = left + 1
            if right < count && precedes(heap[right], heap[left]) { chosen = right }
            guard precedes(heap[chosen], heap[parent]) else { break }
            heap.swapAt(chosen, parent)
            parent = chosen
        }
        return Int(best)
    }

    /// Empties the queue and returns what it held, in no particular order.
    mutating func removeAll() -> [Int] {
        defer { heap.removeAll() }
        return heap.map { Int($0) }
    }
}
