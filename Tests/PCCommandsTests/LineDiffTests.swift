@testable import PCCommands
import PCLTestSupport
import Testing

@Suite struct LineDiffTests {
    static func diff(_ old: String, _ new: String) -> String {
        LineDiff.unified(old: Array(old.utf8), new: Array(new.utf8), path: "main.pcl")
    }

    @Test func equalInputsHaveNoDiff() {
        #expect(Self.diff("a = 1\n", "a = 1\n") == "")
    }

    /// The same change `terraform fmt -diff` shows for this file.
    @Test func alignmentChange() {
        #expect(Self.diff("a=1\nbb = 2\n", "a  = 1\nbb = 2\n") == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1,2 +1,2 @@
            -a=1
            +a  = 1
             bb = 2

            """)
    }

    @Test func separateHunksWithThreeLinesOfContext() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        var newLines = (1...20).map { "line \($0)\n" }
        newLines[1] = "LINE 2\n"
        newLines[17] = "LINE 18\n"
        #expect(Self.diff(old, newLines.joined()) == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +LINE 2
             line 3
             line 4
             line 5
            @@ -15,6 +15,6 @@
             line 15
             line 16
             line 17
            -line 18
            +LINE 18
             line 19
             line 20

            """)
    }

    @Test func nearbyChangesShareAHunk() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let new = "a\nB\nc\nd\ne\nf\nG\nh\n"
        #expect(Self.diff(old, new) == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1,8 +1,8 @@
             a
            -b
            +B
             c
             d
             e
             f
            -g
            +G
             h

            """)
    }

    @Test func insertionsDeletionsAndMissingFinalNewline() {
        #expect(Self.diff("a\nb\nc", "a\nc\nd\n") == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1,3 +1,3 @@
             a
            -b
            -c
            \\ No newline at end of file
            +c
            +d

            """)
        #expect(Self.diff("", "x\n") == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -0,0 +1 @@
            +x

            """)
        #expect(Self.diff("x\n", "") == """
            --- old/main.pcl
            +++ new/main.pcl
            @@ -1 +0,0 @@
            -x

            """)
    }

    /// Applying the script to the old lines must give the new lines, and the
    /// number of kept lines must be a longest common subsequence.
    @Test(arguments: 0..<40)
    func editScriptIsMinimalAndReproducesTheTarget(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed))
        let a = (0..<Int(generator.next() % 30)).map { _ in Int(generator.next() % 5) }
        let b = (0..<Int(generator.next() % 30)).map { _ in Int(generator.next() % 5) }
        let script = LineDiff.edits(a, b)
        var rebuilt: [Int] = []
        var kept = 0
        var oldIndex = 0
        for edit in script {
            switch edit {
            case .keep(let old, let new):
                #expect(old == oldIndex && a[old] == b[new])
                oldIndex += 1
                kept += 1
                rebuilt.append(a[old])
            case .delete(let old):
                #expect(old == oldIndex)
                oldIndex += 1
            case .insert(let new):
                rebuilt.append(b[new])
            }
        }
        #expect(oldIndex == a.count)
        #expect(rebuilt == b)
        #expect(kept == Self.lcsLength(a, b))
    }

    @Test func largeRewritesFallBackToOneBlock() {
        let a = (0..<5000).map { "a\($0)" }
        let b = (0..<5000).map { "b\($0)" }
        let script = LineDiff.edits(a, b)
        #expect(script.count == 10000)
        #expect(script.prefix(5000).allSatisfy { if case .delete = $0 { true } else { false } })
    }

    static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
