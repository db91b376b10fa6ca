/// Renders diagnostics for people reading a terminal:
///
/// ```
/// main.pcl:12:13: error: Invalid expression
///   12 |   foo = bar baz
///      |             ^^^
/// Expected a newline after the attribute's value.
/// ```
///
/// The header is the compiler-style `path:line:col` that editors turn into
/// links. Each source line the subject touches is shown with the subject's
/// characters underlined; the detail follows, wrapped to `width`. The
/// renderer never prints and decides nothing about colour: the command layer
/// says whether to colour, from the TTY, `NO_COLOR` and `-no-color`.
public struct DiagnosticRenderer: Sendable {
    /// Whether to emit ANSI colour and bold.
    public var color: Bool
    /// Column to wrap detail text at; nil leaves it unwrapped.
    public var width: Int?
    /// Tab stops for showing source lines.
    public var tabWidth: Int
    /// The most display columns of one source line to show; longer lines are
    /// cut to a window around the subject, marked with `…`.
    public var maximumLineColumns: Int
    /// Subjects spanning more lines than this show their first and last two.
    public var maximumSnippetLines: Int

    public init(
        color: Bool = false,
        width: Int? = 80,
        tabWidth: Int = 4,
        maximumLineColumns: Int = 120,
        maximumSnippetLines: Int = 6
    ) {
        self.color = color
        self.width = width
        self.tabWidth = max(1, tabWidth)
        self.maximumLineColumns = max(16, maximumLineColumns)
        self.maximumSnippetLines = max(3, maximumSnippetLines)
    }

    /// All diagnostics, in order, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { out += "\n" }
            write(diagnostic, to: &out)
        }
        return out
    }

    /// One diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        write(diagnostic, to: &out)
        return out
    }

    public func write<Stream: TextOutputStream>(_ diagnostic: Diagnostic, to stream: inout Stream) {
        stream.write(header(diagnostic))
        stream.write("\n")
        if let file = diagnostic.file, let subject = diagnostic.subject {
            stream.write(snippet(subject, in: file, severity: diagnostic.severity))
        }
        let detail = DiagnosticRenderer.wrap(diagnostic.detail, width: width)
        if !detail.isEmpty {
            stream.write(detail)
            stream.write("\n")
        }
    }

    // MARK: - Header

    func header(_ diagnostic: Diagnostic) -> String {
        var location = ""
        if let file = diagnostic.file {
            location = file.path
            if let subject = diagnostic.subject {
                let start = file.position(at: subject.start)
                location += ":\(start.line):\(start.column)"
            }
            location += ": "
        }
        let severity = diagnostic.severity.rawValue
        guard color else {
            return "\(location)\(severity): \(diagnostic.summary)"
        }
        let severityStyle = diagnostic.severity == .error ? Style.boldRed : Style.boldYellow
        let styledLocation = location.isEmpty ? "" : "\(Style.bold)\(location)\(Style.reset)"
        return "\(styledLocation)\(severityStyle)\(severity):\(Style.reset) "
            + "\(Style.bold)\(diagnostic.summary)\(Style.reset)"
    }

    // MARK: - Source lines

    /// The gutter-prefixed source lines of the subject with their underlines.
    func snippet(_ subject: SourceRange, in file: SourceFile, severity: Severity) -> String {
        let count = file.bytes.count
        let start = min(Int(subject.start), count)
        let end = min(max(Int(subject.end), start), count)
        let firstLine = file.lineIndex(containing: UInt32(start))
        // The last line is the one holding the subject's last byte, so a
        // subject that ends with a newline does not drag in the next line.
        let lastLine = end > start ? max(firstLine, file.lineIndex(containing: UInt32(end - 1))) : firstLine

        var lines = Array(firstLine...lastLine)
        var elideAfter: Int? = nil
        if lines.count > maximumSnippetLines {
            lines = [lines[0], lines[1], lines[lines.count - 2], lines[lines.count - 1]]
            elideAfter = 1
        }
        let numberWidth = String(lines.last! + 1).utf8.count
        let blankNumber = String(repeating: " ", count: numberWidth)
        let caretStyle = severity == .error ? Style.boldRed : Style.boldYellow

        var out = ""
        for (position, line) in lines.enumerated() {
            let lineStart = Int(file.lineStarts[line])
            let nextStart = line + 1 < file.lineStarts.count ? Int(file.lineStarts[line + 1]) : count
            let (_, contentEnd) = DiagnosticJSON.contentBounds(ofLine: line, in: file)
            let content = file.bytes[lineStart..<contentEnd]

            // The part of this line the subject covers, in bytes from the
            // line start. The line end counts only on the subject's last
            // line, where it means the subject is (or ends with) a newline.
            var highlightStart = max(start, lineStart) - lineStart
            var highlightEnd = min(end, nextStart) - lineStart
            if line != lastLine || highlightEnd <= content.count {
                highlightEnd = min(highlightEnd, content.count)
            } else {
                highlightEnd = content.count + 1
            }
            var showCarets = true
            if line != firstLine {
                // Continuation lines are marked from their first visible character.
                var skip = highlightStart
                while skip < content.count, content[lineStart + skip] == 0x20 || content[lineStart + skip] == 0x09 {
                    skip += 1
                }
                highlightStart = skip
                showCarets = highlightStart < highlightEnd
            }
            let shown = SourceLineView(
                bytes: content,
                highlight: highlightStart..<max(highlightEnd, highlightStart),
                tabWidth: tabWidth,
                maximumColumns: maximumLineColumns
            )

            let number = String(line + 1)
            let paddedNumber = String(repeating: " ", count: numberWidth - number.utf8.count) + number
            out += "  " + gutter(paddedNumber) + (shown.text.isEmpty ? "\n" : " " + shown.text + "\n")
            if showCarets {
                let carets = String(repeating: "^", count: shown.caretLength)
                let styled = color ? "\(caretStyle)\(carets)\(Style.reset)" : carets
                out += "  " + gutter(blankNumber) + " "
                    + String(repeating: " ", count: shown.caretColumn) + styled + "\n"
            }
            if position == elideAfter {
                out += "  " + gutter(blankNumber) + " …\n"
            }
        }
        return out
    }

    private func gutter(_ number: String) -> String {
        color ? "\(Style.blue)\(number) |\(Style.reset)" : "\(number) |"
    }

    // MARK: - Detail

    /// Wraps each paragraph line at `width` columns on spaces. Lines that
    /// start with a space are preformatted (examples, lists) and kept as is.
    static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width > 10 else { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.count <= width {
                out.append(String(line))
                continue
            }
            var current = ""
            var currentCount = 0
            for word in line.split(separator: " ") {
                let wordCount = word.count
                if currentCount > 0, currentCount + 1 + wordCount > width {
                    out.append(current)
                    current = ""
                    currentCount = 0
                }
                if currentCount > 0 {
                    current += " "
                    currentCount += 1
                }
                current += word
                currentCount += wordCount
            }
            out.append(current)
        }
        return out.joined(separator: "\n")
    }

    enum Style {
        static let reset = "\u{1B}[0m"
        static let bold = "\u{1B}[1m"
        static let boldRed = "\u{1B}[1;31m"
        static let boldYellow = "\u{1B}[1;33m"
        static let blue = "\u{1B}[34m"
    }
}
