/// Escaping for the pieces of a markdown document that hold user text
/// (addresses, attribute names), so no address can break the layout.
enum MarkdownText {
    /// `text` as a code span, with a fence longer than any run of
    /// backticks inside it.
    static func code(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A code span that may sit in a table cell, where `|` ends the cell
    /// even inside code.
    static func tableCode(_ text: String) -> String {
        code(text).replacingAll("|", with: "\\|")
    }

    /// `text` for HTML (a `<summary>`).
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A code fence that no line of `lines` can close early.
    static func fence(for lines: [String]) -> String {
        let longest = lines.map { longestRun(of: "`", in: $0) }.max() ?? 0
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// A fenced block of `language`.
    static func block(_ language: String, _ lines: [String]) -> String {
        let fence = fence(for: lines)
        return fence + language + "\n" + lines.joined(separator: "\n") + "\n" + fence + "\n"
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for each in text {
            if each == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }

    /// Characters as GitHub counts them for its limits: UTF-16 code units.
    static func size(_ text: String) -> Int { text.utf16.count }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
