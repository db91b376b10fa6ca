/// One token as the formatter sees it: a byte range of the source and the
/// number of spaces to write in front of it.
///
/// It differs from `Token` where hclwrite's token model differs from ours,
/// so the reference rules apply unchanged: a `#`/`//` comment owns the line
/// end after it (hclsyntax comments include it), and a template literal owns
/// any gap in front of it (that gap is text, never layout).
struct FormatToken {
    var start: UInt32
    var end: UInt32
    var spaces: UInt32
    var kind: TokenKind
}

/// What the alignment pass needs to know about a line with an `=` cell or
/// a trailing comment cell.
struct FormatLineCells {
    /// Index of the line in the file, to tell consecutive lines apart.
    var line: UInt32
    /// Token index of the `=` starting the assign cell, or -1.
    var assign: Int32
    /// Token index of the trailing comment, or -1.
    var comment: Int32
    /// Columns the lead cell takes, indentation included.
    var leadColumns: Int
    /// Columns of the assign cell without the spaces in front of its `=`.
    var assignColumns: Int
}

/// The canonical layout of a file: every token with the spaces in front of
/// it, computed the way hclwrite does in three steps (indentation, spaces
/// within cells, alignment of `=` and comments across lines).
struct FormatterLayout {
    var tokens: [FormatToken] = []
    /// Where the end-of-file token starts, and how many spaces go before it.
    /// hclwrite never re-spaces it, so trailing blanks at the very end of a
    /// file survive (as spaces, one per byte).
    var endOfFileStart = 0
    var endOfFileSpaces = 0

    init(_ lexed: LexedFile, bytes: UnsafeBufferPointer<UInt8>) {
        collectTokens(lexed.tokens, bytes: bytes)
        var lineCells: [FormatLineCells] = []
        lineCells.reserveCapacity(tokens.count / 6 + 4)
        let measure = ColumnMeasure(bytes: bytes)
        tokens.withUnsafeMutableBufferPointer { toks in
            Self.layOutLines(toks, bytes: bytes, measure: measure, cells: &lineCells)
            Self.alignAssignments(toks, lineCells)
            Self.alignComments(toks, lineCells)
        }
    }

    // MARK: - Tokens

    /// Copies the tokens into formatter form. Ranges are clamped so that a
    /// malformed token stream (out of order, overlapping, beyond the file)
    /// still yields a well-formed layout instead of a crash.
    private mutating func collectTokens(_ input: [Token], bytes: UnsafeBufferPointer<UInt8>) {
        let size = bytes.count
        tokens.reserveCapacity(input.count)
        var previousEnd = 0
        var sawEndOfFile = false
        var index = 0
        while index < input.count {
            let token = input[index]
            index += 1
            if token.kind == .endOfFile {
                endOfFileStart = min(max(token.start, previousEnd), size)
                sawEndOfFile = true
                break
            }
            var start = min(max(token.start, previousEnd), size)
            var end = min(max(token.end, start), size)
            switch token.kind {
            case .quotedLiteral, .heredocLiteral, .heredocClose:
                start = previousEnd
            case .comment:
                if index < input.count, input[index].kind == .newline, input[index].start == end,
                   Self.isLineComment(bytes, start, end) {
                    end = min(max(input[index].end, end), size)
                    index += 1
                }
            default:
                break
            }
            tokens.append(FormatToken(
                start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                spaces: 0, kind: token.kind))
            previousEnd = end
        }
        if !sawEndOfFile { endOfFileStart = size }
        endOfFileSpaces = endOfFileStart - previousEnd
    }

    private static func isLineComment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        let first = bytes[start]
        return first == UInt8(ascii: "#")
            || (first == UInt8(ascii: "/") && end > start + 1 && bytes[start + 1] == UInt8(ascii: "/"))
    }

    /// A newline, or a `#`/`//` comment that took its line end: the tokens
    /// that end a line. Heredoc text contains line ends but does not end
    /// lines, so a whole heredoc counts as part of the line that opens it.
    @inline(__always)
    private static func endsLine(_ token: FormatToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .newline
            || (token.kind == .comment && token.end > token.start && bytes[Int(token.end) - 1] == 0x0A)
    }

    // MARK: - Lines: cells, indentation, spaces

    private static func layOutLines(
        _ toks: UnsafeMutableBufferPointer<FormatToken>, bytes: UnsafeBufferPointer<UInt8>,
        measure: ColumnMeasure, cells: inout [FormatLineCells]
    ) {
        let count = toks.count
        // Each entry is how many brackets a line left open; the depth of
        // indentation is the number of entries. Unbalanced lines only pop
        // what they close, so stray brackets cannot push text far off.
        var indents: [Int] = []
        var lineStart = 0
        var lineNumber: UInt32 = 0
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count {
                let ends = Self.endsLine(toks[lineEnd], bytes)
                lineEnd += 1
                if ends { break }
            }
            Self.layOutLine(toks, bytes: bytes, lineStart, lineEnd, lineNumber, &indents, measure, &cells)
            lineStart = lineEnd
            lineNumber &+= 1
        }
    }

    private static func layOutLine(
        _ toks: UnsafeMutableBufferPointer<FormatToken>, bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int, _ end: Int, _ lineNumber: UInt32, _ indents: inout [Int],
        _ measure: ColumnMeasure, _ cells: inout [FormatLineCells]
    ) {
        // A trailing comment is its own cell when something precedes it.
        var contentEnd = end
        var comment = -1
        if end - start > 1, toks[end - 1].kind == .comment {
            comment = end - 1
            contentEnd = comment
        }

        // The first `=` after the line's first token starts the assign cell,
        // but only if the value closes every bracket it opens on this line.
        var assign = -1
        var assignBrackets = 0
        var index = start + 1
        while index < contentEnd {
            if toks[index].kind == .equal {
                var net = 0
                for k in index..<contentEnd { net += FormatterSpacing.bracketChange(toks[k].kind) }
                if net == 0 { assign = index }
                assignBrackets = net
                break
            }
            index += 1
        }
        let leadEnd = assign >= 0 ? assign : contentEnd

        if toks[start].kind == .newline {
            toks[start].spaces = 0
        } else {
            var net = 0
            for k in start..<leadEnd {
                let kind = toks[k].kind
                net += FormatterSpacing.bracketChange(kind)
                if kind == .heredocOpen { break }
            }
            if assign >= 0 { net += assignBrackets }
            if net < 0 {
                var closed = -net
                while closed > 0, let top = indents.last {
                    if closed >= top {
                        closed -= top
                        indents.removeLast()
                    } else {
                        indents[indents.count - 1] = top - closed
                        closed = 0
                    }
                }
            }
            toks[start].spaces = UInt32(clamping: 2 * indents.count)
            if net > 0 { indents.append(net) }
        }

        Self.spaceCell(toks, bytes: bytes, start, leadEnd)
        if assign >= 0 {
            toks[assign].spaces = 1
            Self.spaceCell(toks, bytes: bytes, assign, contentEnd)
        }

        guard assign >= 0 || comment >= 0 else { return }
        var leadColumns = Int(toks[start].spaces)
        for k in start..<leadEnd {
            leadColumns += measure.columns(toks[k])
            if k > start { leadColumns += Int(toks[k].spaces) }
        }
        var assignColumns = 0
        if assign >= 0 && comment >= 0 {
            for k in assign..<contentEnd {
                assignColumns += measure.columns(toks[k])
                if k > assign { assignColumns += Int(toks[k].spaces) }
            }
        }
        cells.append(FormatLineCells(
            line: lineNumber, assign: Int32(truncatingIfNeeded: assign), comment: Int32(truncatingIfNeeded: comment),
            leadColumns: leadColumns, assignColumns: assignColumns))
    }

    /// Sets the spaces before every token of a cell but its first.
    private static func spaceCell(
        _ toks: UnsafeMutableBufferPointer<FormatToken>, bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) {
        guard end - start > 1 else { return }
        for k in (start + 1)..<end {
            let subject = toks[k - 1]
            let isIn = subject.kind == .identifier && subject.end &- subject.start == 2
                && bytes[Int(subject.start)] == UInt8(ascii: "i") && bytes[Int(subject.start) + 1] == UInt8(ascii: "n")
            let space = FormatterSpacing.spaceAfter(
                subject.kind, before: k - 2 >= start ? toks[k - 2].kind : nil, after: toks[k].kind, subjectIsIn: isIn)
            toks[k].spaces = space ? 1 : 0
        }
    }

    // MARK: - Alignment

    /// Pads each `=` of a run of consecutive assignment lines to one column
    /// past the widest lead in the run.
    private static func alignAssignments(_ toks: UnsafeMutableBufferPointer<FormatToken>, _ cells: [FormatLineCells]) {
        var first = 0
        while first < cells.count {
            guard cells[first].assign >= 0 else {
                first += 1
                continue
            }
            var last = first
            var widest = cells[first].leadColumns
            while last + 1 < cells.count, cells[last + 1].assign >= 0, cells[last + 1].line == cells[last].line &+ 1 {
                last += 1
                widest = max(widest, cells[last].leadColumns)
            }
            for entry in cells[first...last] {
                toks[Int(entry.assign)].spaces = UInt32(clamping: widest - entry.leadColumns + 1)
            }
            first = last + 1
        }
    }

    /// Pads the trailing comments of consecutive lines to one column past
    /// the widest code among them; runs after `=` alignment, which moves it.
    private static func alignComments(_ toks: UnsafeMutableBufferPointer<FormatToken>, _ cells: [FormatLineCells]) {
        func codeColumns(_ entry: FormatLineCells) -> Int {
            entry.assign >= 0
                ? entry.leadColumns + Int(toks[Int(entry.assign)].spaces) + entry.assignColumns
                : entry.leadColumns
        }
        var first = 0
        while first < cells.count {
            guard cells[first].comment >= 0 else {
                first += 1
                continue
            }
            var last = first
            var widest = codeColumns(cells[first])
            while last + 1 < cells.count, cells[last + 1].comment >= 0, cells[last + 1].line == cells[last].line &+ 1 {
                last += 1
                widest = max(widest, codeColumns(cells[last]))
            }
            for entry in cells[first...last] {
                toks[Int(entry.comment)].spaces = UInt32(clamping: widest - codeColumns(entry) + 1)
            }
            first = last + 1
        }
    }
}

/// Widths of tokens in columns, as people count them: grapheme clusters.
/// Nearly every file is ASCII without carriage returns, where a byte is a
/// column; only other files pay for counting characters.
struct ColumnMeasure {
    let bytes: UnsafeBufferPointer<UInt8>
    let isSimple: Bool

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var high: UInt8 = 0
        var carriageReturn = false
        for byte in bytes {
            high |= byte
            if byte == 0x0D { carriageReturn = true }
        }
        isSimple = high < 0x80 && !carriageReturn
    }

    @inline(__always)
    func columns(_ token: FormatToken) -> Int {
        let start = Int(token.start)
        let end = Int(token.end)
        if isSimple { return end - start }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for byte in slice where byte >= 0x80 || byte == 0x0D {
            // "\r\n" is one cluster, like any non-ASCII sequence may be.
            return String(decoding: slice, as: UTF8.self).count
        }
        return end - start
    }
}
