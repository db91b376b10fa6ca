/// One direction of a graph's edges in compressed sparse row (CSR) form: the
/// neighbours of node `v` are `targets[offsets[v]..<offsets[v + 1]]`, sorted
/// by index and without duplicates, and `labels` runs beside `targets`.
///
/// Two flat arrays instead of an array of arrays: one allocation each, and
/// walks over all edges read memory in order.
struct Adjacency: Sendable, Equatable {
    var offsets: [Int32]
    var targets: [Int32]
    var labels: [UInt32]

    init(offsets: [Int32], targets: [Int32], labels: [UInt32]) {
        self.offsets = offsets
        self.targets = targets
        self.labels = labels
    }

    static func empty(nodeCount: Int) -> Adjacency {
        Adjacency(offsets: [Int32](repeating: 0, count: nodeCount + 1), targets: [], labels: [])
    }

    var nodeCount: Int { offsets.count - 1 }

    var edgeCount: Int { targets.count }

    @inline(__always)
    func row(_ node: Int) -> Range<Int> {
        Int(offsets[node])..<Int(offsets[node + 1])
    }

    /// The label of the edge `from → to`, found by binary search in the
    /// sorted row of `from`.
    func label(from: Int, to: Int) -> UInt32? {
        var low = Int(offsets[from]), high = Int(offsets[from + 1])
        let wanted = Int32(truncatingIfNeeded: to)
        while low < high {
            let middle = (low + high) / 2
            let target = targets[middle]
            if target == wanted { return labels[middle] }
            if target < wanted { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// A row entry while building: the neighbour in the high half (so
    /// entries compare by neighbour), the label in the low half.
    @inline(__always)
    static func pack(_ target: Int32, _ label: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: target)) << 32 | UInt64(label)
    }

    /// Splits packed rows into the two columns.
    init(offsets: [Int32], packed: UnsafeBufferPointer<UInt64>) {
        let m = packed.count
        self.offsets = offsets
        self.targets = [Int32](unsafeUninitializedCapacity: m) { targets, count in
            for edge in 0..<m { targets[edge] = Int32(truncatingIfNeeded: packed[edge] >> 32) }
            count = m
        }
        self.labels = [UInt32](unsafeUninitializedCapacity: m) { labels, count in
            for edge in 0..<m { labels[edge] = UInt32(truncatingIfNeeded: packed[edge]) }
            count = m
        }
    }

    /// The same edges pointing the other way. Sources are visited in
    /// ascending order, so every new row comes out sorted. `packed`, of at
    /// least `edgeCount` entries, is the work space: reusing the builder's
    /// buffer saves faulting in fresh pages.
    func transposed(scratch packed: UnsafeMutableBufferPointer<UInt64>) -> Adjacency {
        let n = nodeCount
        let m = edgeCount
        precondition(packed.count >= m, "scratch space too small")
        var starts = [Int32](repeating: 0, count: n + 1)
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                labels.withUnsafeBufferPointer { labels in
                    starts.withUnsafeMutableBufferPointer { starts in
                        for edge in 0..<m { starts[Int(targets[edge]) + 1] &+= 1 }
                        for node in 0..<n { starts[node + 1] &+= starts[node] }
                        // `starts` doubles as the write cursor of each row;
                        // shifting it back afterwards restores the starts.
                        for source in 0..<n {
                            let sourceIndex = Int32(truncatingIfNeeded: source)
                            for edge in Int(offsets[source])..<Int(offsets[source + 1]) {
                                let target = Int(targets[edge])
                                let slot = Int(starts[target])
                                packed[slot] = Self.pack(sourceIndex, labels[edge])
                                starts[target] = Int32(truncatingIfNeeded: slot + 1)
                            }
                        }
                        var node = n
                        while node > 0 {
                            starts[node] = starts[node - 1]
                            node -= 1
                        }
                        starts[0] = 0
                    }
                }
            }
        }
        return Adjacency(offsets: starts, packed: UnsafeBufferPointer(rebasing: packed[0..<m]))
    }

    /// Every node reachable from `seeds` along these edges, seeds included,
    /// sorted. Iterative, so long chains cannot exhaust the stack.
    func reachable(from seeds: [Int]) -> [Int] {
        let n = nodeCount
        var seen = [Bool](repeating: false, count: n)
        var found: [Int] = []
        var pending: [Int32] = []
        for seed in seeds {
            precondition(seed >= 0 && seed < n, "\(seed) is not a node")
            if seen[seed] { continue }
            seen[seed] = true
            found.append(seed)
            pending.append(Int32(truncatingIfNeeded: seed))
        }
        while let node = pending.popLast() {
            for edge in row(Int(node)) {
                let next = Int(targets[edge])
                if seen[next] { continue }
                seen[next] = true
                found.append(next)
                pending.append(targets[edge])
            }
        }
        // A scan of the marks is linear in n; sorting wins for small sets.
        if found.count > n / 16 {
            var index = 0
            for node in 0..<n where seen[node] {
                found[index] = node
                index += 1
            }
        } else {
            found.sort()
        }
        return found
    }
}
