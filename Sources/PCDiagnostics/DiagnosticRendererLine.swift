/// One source line as it should appear in a terminal, with the display
/// column and width of its underline.
///
/// Works on the line's bytes, decoding UTF-8 itself so that byte offsets
/// stay exact even for invalid input. Tabs expand to tab stops, control
/// characters show as U+FFFD, combining marks take no column and East Asian
/// wide characters take two, so the carets line up under what a terminal
/// draws. A very long line (a minified 5 MB value) is cut to a window
/// around the highlight, with `…` marking the cuts.
struct SourceLineView {
    private(set) var text = ""
    private(set) var caretColumn = 0
    private(set) var caretLength = 0

    /// - Parameters:
    ///   - bytes: the line's text, without its terminator.
    ///   - highlight: byte offsets from the line start to underline. An
    ///     upper bound past the text means the line end is part of the
    ///     subject, shown as one caret after the text; an empty range marks
    ///     one column where something is missing.
    init(bytes: ArraySlice<UInt8>, highlight: Range<Int>, tabWidth: Int, maximumColumns: Int) {
        let base = bytes.startIndex
        let count = bytes.count

        // Start late enough that the highlight is visible on a long line.
        var windowStart = 0
        let lead = maximumColumns / 3
        if count > maximumColumns, highlight.lowerBound > lead {
            windowStart = min(highlight.lowerBound, count) - lead
            while windowStart > 0, bytes[base + windowStart] & 0xC0 == 0x80 { windowStart -= 1 }
        }

        var column = 0
        if windowStart > 0 {
            text = "…"
            column = 1
        }
        var startColumn: Int? = nil
        var endColumn: Int? = nil
        var offset = windowStart
        var truncated = false
        while offset < count {
            let (scalar, length) = SourceLineView.decode(bytes, at: base + offset)
            let width = SourceLineView.width(of: scalar, atColumn: column, tabWidth: tabWidth)
            // Keep one column for the closing `…` unless this is the last character.
            let limit = offset + length < count ? maximumColumns - 1 : maximumColumns
            if column + width > limit {
                text += "…"
                truncated = true
                break
            }
            if startColumn == nil, offset >= highlight.lowerBound { startColumn = column }
            if highlight.contains(offset) { endColumn = column + width }
            if scalar == "\t" {
                text += String(repeating: " ", count: width)
            } else if SourceLineView.isControl(scalar) {
                text += "\u{FFFD}"
            } else {
                text.unicodeScalars.append(scalar)
            }
            column += width
            offset += length
        }
        if startColumn == nil { startColumn = column }
        if !truncated, highlight.upperBound > count { endColumn = column + 1 }
        caretColumn = startColumn!
        caretLength = max(1, (endColumn ?? 0) - caretColumn)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func width(of scalar: Unicode.Scalar, atColumn column: Int, tabWidth: Int) -> Int {
        if scalar == "\t" { return tabWidth - (column % tabWidth) }
        if isControl(scalar) { return 1 }
        return displayWidth(scalar)
    }

    /// Decodes one scalar; an invalid sequence is one byte of U+FFFD.
    static func decode(_ bytes: ArraySlice<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        UTF8Scalar.decode(bytes, at: index) ?? ("\u{FFFD}", 1)
    }

    /// Columns a terminal gives a scalar: 0 for combining marks and
    /// joiners, 2 for East Asian wide and fullwidth characters and most
    /// emoji, 1 otherwise.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
