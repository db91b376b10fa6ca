import Foundation

/// A compiled RE2 pattern that finds matches with Go's rules: leftmost
/// first (as ICU's backtracking also finds them), and, when finding every
/// match, no empty match right where the previous match ended (`a*` in
/// `baaac` matches "", "aaa", "" — not a second "" after "aaa").
struct RegexMatcher {
    let translation: RegexTranslation
    private let expression: NSRegularExpression

    init(_ pattern: String) throws(RegexTranslation.SyntaxError) {
        translation = try RegexTranslation(pattern)
        do {
            expression = try NSRegularExpression(pattern: translation.pattern, options: [])
        } catch {
            // The translation only emits what ICU reads; what is left is
            // size, as in Go.
            throw RegexTranslation.SyntaxError(code: "expression too large", expression: pattern)
        }
    }

    /// A searched text and the positions of its matches: for each match, a
    /// UTF-16 range per group (group 0 is the whole match; `nil` for a
    /// group that did not take part).
    struct Matches {
        let units: [UInt16]
        let groups: [[Range<Int>?]]

        func text(_ range: Range<Int>) -> String {
            String(decoding: units[range], as: UTF16.self)
        }
    }

    /// Backtracking budget, in ICU's progress reports (one per 10,000
    /// steps of its matcher): ICU backtracks where Go's RE2 never does, so
    /// a pattern like `(a|a)*b` could otherwise run for ever.
    static let baseBudget = 1_000

    func matches(in text: String, all: Bool) throws(FunctionError) -> Matches {
        let units = Array(text.utf16)
        let whole = NSRange(location: 0, length: units.count)
        var found: [NSTextCheckingResult] = []
        var reports = 0
        let budget = Self.baseBudget + units.count / 500
        var exhausted = false
        expression.enumerateMatches(in: text, options: [.reportProgress], range: whole) { result, _, stop in
            if let result {
                found.append(result)
                if !all { stop.pointee = true }
                return
            }
            reports += 1
            if reports > budget {
                exhausted = true
                stop.pointee = true
            }
        }
        if exhausted {
            throw FunctionError(
                "the regular expression needs too much backtracking to match this string; rewrite it without nested repetition such as (a*)* or (a|a)*.")
        }
        var groups: [[Range<Int>?]] = []
        groups.reserveCapacity(found.count)
        var previousEnd = -1
        for result in found {
            let range = result.range
            let end = range.location + range.length
            defer { previousEnd = end }
            if range.length == 0, range.location == previousEnd { continue }
            var ranges: [Range<Int>?] = []
            ranges.reserveCapacity(result.numberOfRanges)
            for index in 0..<result.numberOfRanges {
                let group = result.range(at: index)
                ranges.append(group.location == NSNotFound ? nil : group.location..<(group.location + group.length))
            }
            groups.append(ranges)
        }
        return Matches(units: units, groups: groups)
    }

    /// Go's `ReplaceAllString`: every match replaced by `template`, where
    /// `$1`, `${1}`, `$name` and `${name}` stand for groups and `$$` for `$`.
    func replacingAll(in text: String, with template: String) throws(FunctionError) -> String {
        let found = try matches(in: text, all: true)
        guard !found.groups.isEmpty else { return text }
        let pieces = RegexMatcher.templatePieces(template)
        var output = ""
        var copied = 0
        for groups in found.groups {
            guard let match = groups[0] else { continue }
            output += found.text(copied..<match.lowerBound)
            for piece in pieces {
                switch piece {
                case .text(let literal):
                    output += literal
                case .group(let number):
                    if number < groups.count, let range = groups[number] { output += found.text(range) }
                case .named(let name):
                    for (index, groupName) in translation.groupNames.enumerated() where groupName == name {
                        if let range = groups[index + 1] {
                            output += found.text(range)
                            break
                        }
                    }
                }
            }
            copied = match.upperBound
            if output.utf8.count > UTF8Search.maximumResultBytes {
                throw FunctionError("the result would be larger than \(UTF8Search.maximumResultBytes) bytes.")
            }
        }
        output += found.text(copied..<found.units.count)
        return output
    }

    enum TemplatePiece: Equatable {
        case text(String)
        case group(Int)
        case named(String)
    }

    /// Reads a replacement template as Go's `Regexp.Expand` does: a name is
    /// the longest run of letters, digits and `_` (braced or not); all
    /// digits make a group number; a `$` not followed by a name is itself.
    static func templatePieces(_ template: String) -> [TemplatePiece] {
        let scalars = Array(template.unicodeScalars)
        var pieces: [TemplatePiece] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty { pieces.append(.text(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "$" else {
                literal.append(scalar)
                continue
            }
            if index < scalars.count, scalars[index] == "$" {
                literal.append("$")
                index += 1
                continue
            }
            var cursor = index
            let braced = cursor < scalars.count && scalars[cursor] == "{"
            if braced { cursor += 1 }
            let nameStart = cursor
            while cursor < scalars.count, isNameCharacter(scalars[cursor]) { cursor += 1 }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[nameStart..<cursor])
            var valid = cursor > nameStart
            if valid, braced {
                if cursor < scalars.count, scalars[cursor] == "}" { cursor += 1 } else { valid = false }
            }
            guard valid else {
                literal.append("$")
                continue
            }
            flush()
            index = cursor
            let text = String(name)
            let isNumber = text.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } && text.utf8.count <= 9
                && !(text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0"))
            pieces.append(isNumber ? .group(Int(text) ?? 0) : .named(text))
        }
        flush()
        return pieces
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }
}
