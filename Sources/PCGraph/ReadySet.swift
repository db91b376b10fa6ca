/// The nodes ready to be emitted by Kahn's algorithm, as a hierarchy of
/// bitsets: bit `v` of level 0 is set when node `v` is ready, and each bit
/// of level k + 1 says whether a word of level k has any bit set.
///
/// Taking the lowest ready node walks down one word per level with
/// `trailingZeroBitCount`, so both insert and take-minimum cost
/// O(log₆₄ n) — three levels for 262,144 nodes — on n / 8 bytes that stay
/// in the cache. A binary heap needs log₂ of the ready count in scattered
/// reads for the same answer.
struct ReadySet: ~Copyable {
    private let words: UnsafeMutablePointer<UInt64>
    /// Where each level starts in `words`; the last level is one word.
    private let levelStarts: [Int]

    init(capacity: Int) {
        var starts: [Int] = []
        var total = 0
        var bits = max(capacity, 1)
        repeat {
            starts.append(total)
            let wordCount = (bits + 63) / 64
            total += wordCount
            bits = wordCount
        } while bits > 1
        levelStarts = starts
        words = .allocate(capacity: total)
        words.initialize(repeating: 0, count: total)
    }

    deinit { words.deallocate() }

    var isEmpty: Bool { words[levelStarts[levelStarts.count - 1]] == 0 }

    /// Adds `node`, which must not be in the set.
    @inline(__always)
    mutating func insert(_ node: Int) {
        var index = node
        for start in levelStarts {
            let word = start + index >> 6
            let old = words[word]
            words[word] = old | (1 &<< UInt64(index & 63))
            // The levels above already know about a nonempty word.
            if old != 0 { return }
            index >>= 6
        }
    }

    /// Removes and returns the lowest node; the set must not be empty.
    @inline(__always)
    mutating func removeMinimum() -> Int {
        var index = 0
        var level = levelStarts.count - 1
        while level >= 0 {
            index = index << 6 | words[levelStarts[level] + index].trailingZeroBitCount
            level -= 1
        }
        let node = index
        for start in levelStarts {
            let word = start + index >> 6
            let remaining = words[word] & ~(1 &<< UInt64(index & 63))
            words[word] = remaining
            if remaining != 0 { break }
            index >>= 6
        }
        return node
    }
}
