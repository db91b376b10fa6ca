/// A line diff in the unified format of `diff -u`, for `pcplan fmt -diff`.
///
/// Lines are compared as byte slices. The edit script comes from Myers'
/// O(ND) algorithm after trimming the common prefix and suffix; when the
/// files differ in more than `maximumEdits` lines, the differing middle is
/// shown as one replaced block instead, which is still a correct diff and
/// keeps a fully reformatted 8 MB file from taking quadratic time.
public enum LineDiff {
    public enum Edit: Equatable, Sendable {
        case keep(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    public static let maximumEdits = 2_000

    /// The unified diff of two files, with `--- old/<path>` and
    /// `+++ new/<path>` headers and three lines of context; empty when the
    /// bytes are equal.
    public static func unified(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let script = edits(oldLines, newLines)
        var out = "--- old/\(path)\n+++ new/\(path)\n"
        for hunk in hunks(script, context: context) {
            out += header(hunk, in: script)
            for edit in script[hunk] {
                switch edit {
                case .keep(let index, _): append(" ", oldLines[index], to: &out)
                case .delete(let index): append("-", oldLines[index], to: &out)
                case .insert(let index): append("+", newLines[index], to: &out)
                }
            }
        }
        return out
    }

    /// Lines with their terminators, so a missing final newline is a
    /// difference and can be reported as `diff` does.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func append(_ marker: String, _ line: ArraySlice<UInt8>, to out: inout String) {
        out += marker
        if line.last == 0x0A {
            out += String(decoding: line, as: UTF8.self)
        } else {
            out += String(decoding: line, as: UTF8.self) + "\n\\ No newline at end of file\n"
        }
    }

    /// The shortest edit script from `a` to `b` (or a block replacement of
    /// the differing middle when that would take too long).
    public static func edits<Line: Hashable>(_ a: [Line], _ b: [Line]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var script: [Edit] = (0..<prefix).map { .keep(old: $0, new: $0) }
        let aMiddle = prefix..<(a.count - suffix)
        let bMiddle = prefix..<(b.count - suffix)

        // Compare small integers rather than lines in the inner loop.
        var ids: [Line: Int] = [:]
        for line in aMiddle where ids[a[line]] == nil { ids[a[line]] = ids.count }
        let aKeys = aMiddle.map { ids[a[$0]]! }
        // Lines only in b get ids no line of a has.
        let bKeys = bMiddle.map { ids[b[$0]] ?? -1 - $0 }

        if let middle = myers(aKeys, bKeys, limit: maximumEdits) {
            for edit in middle {
                switch edit {
                case .keep(let old, let new): script.append(.keep(old: old + prefix, new: new + prefix))
                case .delete(let old): script.append(.delete(old: old + prefix))
                case .insert(let new): script.append(.insert(new: new + prefix))
                }
            }
        } else {
            script += aMiddle.map { .delete(old: $0) }
            script += bMiddle.map { .insert(new: $0) }
        }
        script += (0..<suffix).map { .keep(old: a.count - suffix + $0, new: b.count - suffix + $0) }
        return script
    }

    /// Myers' greedy forward algorithm, keeping each round's frontier so the
    /// path can be traced back. Nil if more than `limit` edits are needed.
    static func myers(_ a: [Int], _ b: [Int], limit: Int) -> [Edit]? {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert(new: $0) } }
        if m == 0 { return (0..<n).map { .delete(old: $0) } }
        let maxD = min(n + m, limit)
        let offset = maxD + 1
        var frontier = [Int](repeating: 0, count: 2 * maxD + 3)
        var history: [[Int]] = []
        for d in 0...maxD {
            // Only diagonals -d-1...d+1 can be read when tracing back round d.
            history.append(Array(frontier[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m {
                    return trace(history: history, d: d, k: k, n: n, m: m)
                }
            }
        }
        return nil
    }

    private static func trace(history: [[Int]], d: Int, k: Int, n: Int, m: Int) -> [Edit] {
        var edits: [Edit] = []
        var x = n, y = m
        var k = k
        for step in stride(from: d, to: 0, by: -1) {
            let saved = history[step]
            func previous(_ diagonal: Int) -> Int { saved[diagonal + step + 1] }
            let down = k == -step || (k != step && previous(k - 1) < previous(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = previous(previousK)
            let previousY = previousX - previousK
            while x > previousX + (down ? 0 : 1), y > previousY + (down ? 1 : 0) {
                x -= 1
                y -= 1
                edits.append(.keep(old: x, new: y))
            }
            if down {
                y -= 1
                edits.append(.insert(new: y))
            } else {
                x -= 1
                edits.append(.delete(old: x))
            }
            x = previousX
            y = previousY
            k = previousK
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            edits.append(.keep(old: x, new: y))
        }
        return edits.reversed()
    }

    /// Index ranges into the script: each change with up to `context`
    /// unchanged lines around it, neighbours merged when their contexts touch.
    static func hunks(_ script: [Edit], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < script.count {
            guard case .keep = script[index] else {
                let start = max(0, index - context)
                var end = index
                // Extend over changes separated by at most 2 × context kept lines.
                while end < script.count {
                    if case .keep = script[end] {
                        var run = end
                        while run < script.count, case .keep = script[run] { run += 1 }
                        if run == script.count || run - end > 2 * context {
                            end = min(script.count, end + context)
                            break
                        }
                        end = run
                    } else {
                        end += 1
                    }
                }
                ranges.append(start..<end)
                index = end
                continue
            }
            index += 1
        }
        return ranges
    }

    /// `@@ -start,count +start,count @@`, numbered as `diff -u` does: a
    /// count of 1 is left out, and an empty side names the line before it.
    private static func header(_ hunk: Range<Int>, in script: [Edit]) -> String {
        var oldStart: Int? = nil, newStart: Int? = nil
        var oldCount = 0, newCount = 0
        var oldBefore = 0, newBefore = 0
        for edit in script[..<hunk.lowerBound] {
            switch edit {
            case .keep: oldBefore += 1; newBefore += 1
            case .delete: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        for edit in script[hunk] {
            switch edit {
            case .keep(let old, let new):
                oldStart = oldStart ?? old; newStart = newStart ?? new
                oldCount += 1; newCount += 1
            case .delete(let old):
                oldStart = oldStart ?? old
                oldCount += 1
            case .insert(let new):
                newStart = newStart ?? new
                newCount += 1
            }
        }
        func range(_ start: Int?, _ count: Int, before: Int) -> String {
            if count == 0 { return "\(before),0" }
            let first = (start ?? before) + 1
            return count == 1 ? "\(first)" : "\(first),\(count)"
        }
        return "@@ -\(range(oldStart, oldCount, before: oldBefore)) +\(range(newStart, newCount, before: newBefore)) @@\n"
    }
}
