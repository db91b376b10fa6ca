import PCLang

/// Text helpers shared by the renderers.
enum RenderText {
    /// An attribute name as Terraform prints it: bare when it is an
    /// identifier, quoted otherwise.
    static func attributeName(_ name: String) -> String {
        name.isIdentifier ? name : name.goQuoted
    }

    static func indent(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: " ", count: 4 * level)
    }

    private static let indents = (0..<24).map { String(repeating: " ", count: 4 * $0) }

    /// The width of `name` as Go's `%-*s` counts it: in code points.
    static func width(_ name: String) -> Int {
        name.utf8.count == name.unicodeScalars.count ? name.utf8.count : name.unicodeScalars.count
    }

    /// `name` padded with spaces to `width` code points, as Go's `%-*s`.
    /// (Terraform measures the widest name in bytes but pads in code points,
    /// so non-ASCII names align as they do there.)
    static func padded(_ name: String, to width: Int) -> String {
        let count = self.width(name)
        return count >= width ? name : name + String(repeating: " ", count: width - count)
    }

    /// Greedy word wrap at `width - 1` columns, as Terraform wraps its
    /// sentences; lines that start with a space are left alone.
    static func wordWrap(_ text: String, width: Int) -> String {
        guard width > 1 else { return text }
        let limit = width - 1
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.count <= limit {
                output.append(String(line))
                continue
            }
            var current = ""
            var currentCount = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let wordCount = word.count
                if currentCount > 0 && currentCount + 1 + wordCount > limit {
                    output.append(current)
                    current = String(word)
                    currentCount = wordCount
                } else if currentCount == 0 && current.isEmpty {
                    current = String(word)
                    currentCount = wordCount
                } else {
                    current += " " + word
                    currentCount += 1 + wordCount
                }
            }
            output.append(current)
        }
        return output.joined(separator: "\n")
    }
}
