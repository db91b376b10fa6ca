/// Globbing as Terraform's `fileset` does it, with the `doublestar` (v1)
/// library's rules: `*` and `?` within one path element, `**` across
/// elements, `[...]` classes negated with `^`, `{a,b}` alternatives, `\`
/// escapes; dot files are not special; symbolic links to directories are
/// followed (loops are cut).
enum FileGlob {
    struct BadPattern: Error {}

    /// The paths matching `pattern`, which is relative to the process's
    /// working directory unless absolute.
    static func glob(_ pattern: String) throws(BadPattern) -> [String] {
        let components = split(Array(pattern.unicodeScalars), on: "/")
        guard !components.isEmpty else { return [] }
        var matches: [String] = []
        var walk = Walk()
        if components[0].isEmpty {
            try walk.glob(base: "/", components[1...], into: &matches)
        } else {
            try walk.glob(base: ".", components[...], into: &matches)
        }
        return matches
    }

    /// Splits on `separator` where it is not escaped by a backslash.
    static func split(_ text: [Unicode.Scalar], on separator: Unicode.Scalar) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for (index, scalar) in text.enumerated() {
            if scalar == separator && !(index > 0 && text[index - 1] == "\\") {
                parts.append(current)
                current = []
            } else {
                current.append(scalar)
            }
        }
        parts.append(current)
        return parts
    }

    private static let specials: Set<Unicode.Scalar> = ["*", "?", "[", "{", "\\"]

    /// One traversal, remembering the directories on the current path so a
    /// symbolic link back up the tree cannot recurse forever.
    private struct Walk {
        var open: [[UInt64]] = []

        mutating func glob(base: String, _ components: ArraySlice<[Unicode.Scalar]>, into matches: inout [String]) throws(BadPattern) {
            var base = base
            var rest = components
            let literal = rest.prefix { !$0.contains(where: { FileGlob.specials.contains($0) }) }
            if !literal.isEmpty {
                base = FilePaths.join(base, literal.map { String(String.UnicodeScalarView($0)) }.joined(separator: "/"))
                rest = rest.dropFirst(literal.count)
            }
            guard FileAccess.kind(of: base, followingLinks: false) != nil else { return }
            guard let pattern = rest.first else {
                matches.append(base)
                return
            }
            guard FileAccess.kind(of: base) == .directory, let identity = FileAccess.identity(of: base),
                  !open.contains(identity), open.count < 256 else { return }
            open.append(identity)
            defer { open.removeLast() }
            let names = FileAccess.entries(of: base)
            var index = rest.startIndex
            if pattern == ["*", "*"] {
                let last = rest.count == 1
                for name in names {
                    let path = FilePaths.join(base, name)
                    guard let kind = FileAccess.kind(of: path) else { continue }
                    if kind == .directory {
                        if last { matches.append(path) }
                        try glob(base: path, rest, into: &matches)
                    } else if last {
                        matches.append(path)
                    }
                }
                if last { return }
                index += 1
            }
            let component = rest[index]
            let isLast = index + 1 >= rest.endIndex
            for name in names {
                guard try FileGlob.matches(component[...], Array(name.unicodeScalars)[...]) else { continue }
                let path = FilePaths.join(base, name)
                if isLast {
                    matches.append(path)
                } else {
                    try glob(base: path, rest[(index + 1)...], into: &matches)
                }
            }
        }
    }

    /// Whether one path element matches one pattern element.
    static func matches(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) throws(BadPattern) -> Bool {
        var failures = Set<Attempt>()
        return try matches(pattern, name, failures: &failures)
    }

    /// A rest of the pattern tried against the name from some position on.
    /// Remembering those that failed keeps patterns with many stars from
    /// taking exponential time (Go's matcher has no such guard).
    private struct Attempt: Hashable {
        let pattern: [Unicode.Scalar]
        let position: Int
    }

    private static func matches(
        _ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>, failures: inout Set<Attempt>
    ) throws(BadPattern) -> Bool {
        if pattern.isEmpty { return name.isEmpty }
        if name.isEmpty && !pattern.elementsEqual(["*"]) { return false }
        var p = pattern.startIndex, n = name.startIndex
        while p < pattern.endIndex && n < name.endIndex {
            let scalar = pattern[p]
            switch scalar {
            case "\\":
                p += 1
                guard p < pattern.endIndex else { throw BadPattern() }
                guard pattern[p] == name[n] else { return false }
                p += 1
                n += 1
            case "*":
                p += 1
                if p >= pattern.endIndex { return true }
                let rest = Array(pattern[p...])
                while n < name.endIndex {
                    let attempt = Attempt(pattern: rest, position: n)
                    if !failures.contains(attempt) {
                        if (try? matches(rest[...], name[n...], failures: &failures)) == true { return true }
                        failures.insert(attempt)
                    }
                    n += 1
                }
                return false
            case "[":
                p += 1
                guard let end = indexIgnoringEscapes(of: "]", in: pattern[p...]) else { throw BadPattern() }
                guard try classContains(pattern[p..<end], name[n]) else { return false }
                p = end + 1
                n += 1
            case "{":
                p += 1
                guard let end = indexIgnoringEscapes(of: "}", in: pattern[p...]) else { throw BadPattern() }
                let options = split(Array(pattern[p..<end]), on: ",")
                let after = pattern[(end + 1)...]
                for option in options {
                    if try matches((option + after)[...], name[n...], failures: &failures) { return true }
                }
                return false
            default:
                guard scalar == "?" || scalar == name[n] else { return false }
                p += 1
                n += 1
            }
        }
        if p >= pattern.endIndex && n >= name.endIndex { return true }
        let remaining = pattern[p...]
        return (n >= name.endIndex && remaining.elementsEqual(["*"])) || remaining.elementsEqual(["*", "*"])
    }

    /// The first unescaped `character` in `text`.
    private static func indexIgnoringEscapes(of character: Unicode.Scalar, in text: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == character && !(index > text.startIndex && text[index - 1] == "\\") { return index }
            index += 1
        }
        return nil
    }

    /// Whether a `[...]` class (without its brackets) admits `scalar`.
    private static func classContains(_ body: ArraySlice<Unicode.Scalar>, _ scalar: Unicode.Scalar) throws(BadPattern) -> Bool {
        let runes = Array(body)
        guard !runes.isEmpty else { throw BadPattern() }
        var index = 0
        let negated = runes[0] == "^"
        if negated { index += 1 }
        var found = false
        while index < runes.count {
            var low = runes[index]
            if low == "-" { throw BadPattern() }
            index += 1
            if low == "\\" {
                guard index < runes.count else { throw BadPattern() }
                low = runes[index]
                index += 1
            }
            var high = low
            if index < runes.count && runes[index] == "-" {
                index += 1
                guard index < runes.count else { throw BadPattern() }
                high = runes[index]
                if high == "-" { throw BadPattern() }
                index += 1
                if high == "\\" {
                    guard index < runes.count else { throw BadPattern() }
                    high = runes[index]
                    index += 1
                }
            }
            if low <= scalar && scalar <= high { found = true }
        }
        return found != negated
    }
}
