/// Turns a diff rendered with marker sentinels into the lines of a
/// markdown ```diff block.
///
/// The value renderer writes each line's action symbol at the line's
/// indentation, as Terraform does. GitHub colours a diff block by each
/// line's first character only, so the symbol is moved to the first column:
///
/// - `+` created, `-` deleted, `!` changed in place (Terraform's `~`, which
///   GitHub would leave uncoloured), a space for context and comments;
/// - a resource header keeps Terraform's own symbol (`-/+`, `+/-`, `<=`),
///   which GitHub colours by its first character.
///
/// The sentinel is two private-use characters around an action code, so it
/// is found without knowing the layout; user text is sanitised so it
/// cannot contain one.
enum MarkerLines {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    static func sentinel(_ action: ChangeAction) -> String {
        "\u{E000}" + code(action) + "\u{E001}"
    }

    /// The diff-block marker of an action.
    static func code(_ action: ChangeAction) -> String {
        switch action {
        case .noop: " "
        case .create: "+"
        case .delete: "-"
        case .update: "!"
        case .read: "<="
        case .deleteThenCreate: "-/+"
        case .createThenDelete: "+/-"
        }
    }

    /// `text` with any sentinel characters replaced by U+FFFD.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == open || $0 == close }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar == open || scalar == close ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    /// The lines of `rendered` with each line's marker moved to column 0.
    /// A sentinel stands for Terraform's four-column symbol; the three
    /// columns Terraform keeps left of the symbol at the top level are
    /// dropped so the header reads `! resource …`.
    static func diffLines(_ rendered: String) -> [String] {
        // U+E000 and U+E001 in UTF-8.
        let openBytes: [UInt8] = [0xEE, 0x80, 0x80], closeBytes: [UInt8] = [0xEE, 0x80, 0x81]
        let space = UInt8(ascii: " ")
        let bytes = Array(rendered.utf8)
        var lines: [String] = []
        var output: [UInt8] = []
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            output.removeAll(keepingCapacity: true)
            var marker: ArraySlice<UInt8> = [space]
            var text = line
            var rebuilt: [UInt8] = []
            if let start = firstIndex(of: openBytes, in: line),
                let end = firstIndex(of: closeBytes, in: line[(start + 3)...])
            {
                marker = line[(start + 3)..<end]
                rebuilt.reserveCapacity(line.count)
                rebuilt.append(contentsOf: line[..<start])
                rebuilt.append(contentsOf: [space, space, space, space])
                rebuilt.append(contentsOf: line[(end + 3)...])
                text = rebuilt[...]
            }
            var dropped = 0
            while dropped < 3, text.first == space {
                text = text.dropFirst()
                dropped += 1
            }
            output.append(contentsOf: marker)
            if marker.count > 1 {
                // A resource header's own symbol (`-/+`, `<=`) takes the
                // place of the dropped columns.
                if text.first != space { output.append(space) }
            }
            output.append(contentsOf: text)
            lines.append(output.allSatisfy { $0 == space } ? "" : String(decoding: output, as: UTF8.self))
        }
        return lines
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index + 1] == needle[1] && haystack[index + 2] == needle[2] {
                return index
            }
            index += 1
        }
        return nil
    }
}
