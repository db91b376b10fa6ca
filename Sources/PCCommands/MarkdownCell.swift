/// Text made safe for one cell of a GitHub Markdown table.
///
/// A table row is one line and `|` ends a cell, even inside a code span, so
/// every pipe is written `\|` (GitHub's table parser removes the backslash
/// before it reads the code span) and line breaks become `<br>`. Outside
/// code spans `<` is written `&lt;`: descriptions such as
/// "tw_<access token>/console" would otherwise be read as an HTML tag and
/// vanish from the page.
enum MarkdownCell {
    /// Prose, such as a description: Markdown kept as the author wrote it
    /// (code spans, emphasis, links), surrounding whitespace trimmed, each
    /// line break shown as `<br>`.
    static func text(_ text: String) -> String {
        let lines = text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = trimBlankLines(lines.map { trimSpaces($0) })
        return escapePipes(trimmed.map(escapeTags).joined(separator: "<br>"))
    }

    /// A code span holding `code`, which must be one line: the fence is one
    /// backtick more than the longest run inside, with spaces when the code
    /// starts or ends with a backtick, as CommonMark requires.
    static func code(_ code: String) -> String {
        let line = code.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ")
        var longest = 0, run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = line.hasPrefix("`") || line.hasSuffix("`") ? " " + line + " " : line
        return fence + escapePipes(padded) + fence
    }

    /// `<` as `&lt;` except inside code spans, where entities are not
    /// decoded. A span opens with a run of backticks and closes with a run
    /// of the same length; an unclosed run is literal text.
    private static func escapeTags(_ line: String) -> String {
        guard line.contains("<") else { return line }
        let characters = Array(line)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                var run = index
                while run < characters.count && characters[run] == "`" { run += 1 }
                let fence = run - index
                if let close = closingFence(of: fence, in: characters, from: run) {
                    result += String(characters[index..<close + fence])
                    index = close + fence
                } else {
                    result += String(characters[index..<run])
                    index = run
                }
                continue
            }
            result += character == "<" ? "&lt;" : String(character)
            index += 1
        }
        return result
    }

    /// Where a run of exactly `length` backticks starts at or after `start`.
    private static func closingFence(of length: Int, in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            var run = index
            while run < characters.count && characters[run] == "`" { run += 1 }
            if run - index == length { return index }
            index = run
        }
        return nil
    }

    private static func escapePipes(_ text: String) -> String {
        text.replacingAll("|", with: "\\|")
    }

    private static func trimSpaces(_ line: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = line.firstIndex(where: { !isSpace($0) }),
              let last = line.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(line[first...last])
    }

    private static func trimBlankLines(_ lines: [String]) -> [String] {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }),
              let last = lines.lastIndex(where: { !$0.isEmpty }) else { return [] }
        return Array(lines[first...last])
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
