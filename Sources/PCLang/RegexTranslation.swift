/// A regular expression in Go's RE2 syntax, as Terraform's `regex`,
/// `regexall` and `replace` take it, checked the way Go's parser checks it
/// (same errors, same words) and rewritten for ICU, the engine under
/// Foundation's `NSRegularExpression`.
///
/// The rewrite spells out everything where the two dialects differ rather
/// than trusting ICU's reading: `\d \s \w \b` and the POSIX classes are
/// ASCII-only, `.` excludes only `\n`, `^ $` are text anchors unless `(?m)`,
/// `(?U)` swaps greediness, literal braces are escaped, every capture group
/// is numbered (names are kept here, since ICU's names cannot hold `_`), and
/// every literal is written as `\x{…}` so no character means anything to
/// ICU that it did not mean to Go.
struct RegexTranslation: Sendable {
    /// The pattern in ICU syntax.
    let pattern: String
    /// One name per capture group, in order; empty for unnamed groups.
    let groupNames: [String]

    /// A syntax error as Go reports it: the problem and the offending part
    /// of the pattern.
    struct SyntaxError: Error, Sendable, Equatable {
        var code: String
        var expression: String
    }

    init(_ source: String) throws(SyntaxError) {
        var parser = RegexTranslationParser(source)
        let body = try parser.parseWhole()
        pattern = body.isEmpty ? "(?:)" : body
        groupNames = parser.groupNames
    }
}

/// The recursive-descent parser behind `RegexTranslation`. It reads the
/// pattern as code points and emits ICU text item by item, so that a
/// repetition applies to exactly the item Go's would.
struct RegexTranslationParser {
    struct Flags {
        var foldCase = false
        var multiLine = false
        var dotMatchesNewline = false
        var nonGreedy = false
    }

    /// One element of a concatenation: its ICU text, whether a quantifier
    /// may follow it directly, and the product of the counted repetitions
    /// nested in it (Go refuses more than 1000 copies in all).
    struct Item {
        var text: String
        var isAtom: Bool
        var repeatProduct: Int
    }

    let source: [Unicode.Scalar]
    var position = 0
    var flags = Flags()
    var groupNames: [String] = []
    var depth = 0

    init(_ pattern: String) {
        source = Array(pattern.unicodeScalars)
    }

    static let maximumRepeat = 1000
    static let maximumDepth = 1000

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[range.clamped(to: 0..<source.count)])
        return String(view)
    }

    var whole: String { text(0..<source.count) }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < source.count ? source[position + offset] : nil
    }

    mutating func parseWhole() throws(RegexTranslation.SyntaxError) -> String {
        let (alternatives, _) = try parseAlternation()
        if position < source.count {
            // Only a `)` stops an alternation early.
            throw RegexTranslation.SyntaxError(code: "unexpected )", expression: whole)
        }
        return alternatives
    }

    /// Parses alternatives up to a `)` or the end; returns the ICU text and
    /// the largest repeat product inside.
    mutating func parseAlternation() throws(RegexTranslation.SyntaxError) -> (String, Int) {
        var branches: [String] = []
        var product = 0
        var items: [Item] = []
        var lastRepeatStart: Int?
        while let scalar = peek(), scalar != ")" {
            let start = position
            var repeated = false
            switch scalar {
            case "|":
                position += 1
                branches.append(items.map(\.text).joined())
                product = Swift.max(product, items.map(\.repeatProduct).max() ?? 0)
                items = []
            case "(":
                if let item = try parseGroup() { items.append(item) }
            case "*", "+", "?":
                position += 1
                let quantifier = scalar == "*" ? "*" : scalar == "+" ? "+" : "?"
                try applyRepeat(quantifier, minimum: 0, maximum: 0, counted: false, start: start, lastRepeatStart: lastRepeatStart, items: &items)
                repeated = true
            case "{":
                if let (minimum, maximum, end) = parseRepeatCount() {
                    position = end
                    if minimum < 0 || minimum > Self.maximumRepeat || maximum > Self.maximumRepeat || maximum >= 0 && minimum > maximum {
                        throw RegexTranslation.SyntaxError(code: "invalid repeat count", expression: text(start..<position))
                    }
                    let quantifier = maximum == minimum ? "{\(minimum)}" : maximum < 0 ? "{\(minimum),}" : "{\(minimum),\(maximum)}"
                    try applyRepeat(quantifier, minimum: minimum, maximum: maximum, counted: true, start: start, lastRepeatStart: lastRepeatStart, items: &items)
                    repeated = true
                } else {
                    position += 1
                    items.append(literal("{"))
                }
            case "^":
                position += 1
                items.append(Item(text: flags.multiLine ? "(?:\\A|(?<=\\x{a}))" : "\\A", isAtom: false, repeatProduct: 0))
            case "$":
                position += 1
                items.append(Item(text: flags.multiLine ? "(?:\\z|(?=\\x{a}))" : "\\z", isAtom: false, repeatProduct: 0))
            case ".":
                position += 1
                items.append(Item(text: flags.dotMatchesNewline ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{a}]", isAtom: true, repeatProduct: 0))
            case "[":
                items.append(try parseClass())
            case "\\":
                items += try parseEscapeItem()
            default:
                position += 1
                items.append(literal(scalar))
            }
            lastRepeatStart = repeated ? start : nil
        }
        branches.append(items.map(\.text).joined())
        product = Swift.max(product, items.map(\.repeatProduct).max() ?? 0)
        return (branches.joined(separator: "|"), product)
    }

    /// Applies a repetition to the last item, with Go's checks in Go's
    /// order: a second repetition in a row, then a missing operand, then
    /// the count limit.
    mutating func applyRepeat(
        _ quantifier: String, minimum: Int, maximum: Int, counted: Bool,
        start: Int, lastRepeatStart: Int?, items: inout [Item]
    ) throws(RegexTranslation.SyntaxError) {
        var lazy = flags.nonGreedy
        if peek() == "?" {
            position += 1
            lazy.toggle()
        }
        if let lastRepeatStart {
            throw RegexTranslation.SyntaxError(code: "invalid nested repetition operator", expression: text(lastRepeatStart..<position))
        }
        guard var item = items.popLast() else {
            throw RegexTranslation.SyntaxError(code: "missing argument to repetition operator", expression: text(start..<position))
        }
        if counted {
            let copies = maximum >= 0 ? maximum : minimum
            item.repeatProduct = copies == 0 ? 0 : copies * Swift.max(1, item.repeatProduct)
            if (minimum >= 2 || maximum >= 2), item.repeatProduct > Self.maximumRepeat {
                throw RegexTranslation.SyntaxError(code: "invalid repeat count", expression: text(start..<position))
            }
        }
        let operand = item.isAtom ? item.text : "(?:" + item.text + ")"
        items.append(Item(text: operand + quantifier + (lazy ? "?" : ""), isAtom: false, repeatProduct: item.repeatProduct))
    }

    /// Go's `{n}`, `{n,}`, `{n,m}`: nil when the text is not one (then `{`
    /// is a literal). Counts of 10^8 or more come back as -1.
    func parseRepeatCount() -> (Int, Int, Int)? {
        var index = position + 1
        func number() -> Int? {
            guard index < source.count, source[index].value &- 0x30 < 10 else { return nil }
            if source[index] == "0", index + 1 < source.count, source[index + 1].value &- 0x30 < 10 { return nil }
            var value = 0
            while index < source.count, source[index].value &- 0x30 < 10 {
                if value >= 100_000_000 { value = -1 } else if value >= 0 { value = value * 10 + Int(source[index].value - 0x30) }
                index += 1
            }
            return value
        }
        guard var minimum = number(), index < source.count else { return nil }
        var maximum = minimum
        if source[index] == "," {
            index += 1
            guard index < source.count else { return nil }
            if source[index] == "}" {
                maximum = -1
            } else {
                guard let parsed = number() else { return nil }
                maximum = parsed
                if parsed < 0 { minimum = -1 }
            }
        }
        guard index < source.count, source[index] == "}" else { return nil }
        return (minimum, maximum, index + 1)
    }

    /// `(`…`)`, `(?:`…`)`, `(?P<name>`…`)`, `(?<name>`…`)`, or a flag
    /// setting `(?i)`, which emits nothing.
    mutating func parseGroup() throws(RegexTranslation.SyntaxError) -> Item? {
        let start = position
        var capture = true
        var name = ""
        let savedFlags = flags
        if peek(1) == "?" {
            let namedP = source.count - position > 4 && peek(2) == "P" && peek(3) == "<"
            let named = source.count - position > 3 && peek(2) == "<"
            if namedP || named {
                guard let close = source[position...].firstIndex(of: ">") else {
                    throw RegexTranslation.SyntaxError(code: "invalid named capture", expression: text(start..<source.count))
                }
                name = text((position + (namedP ? 4 : 3))..<close)
                let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
                    $0 == "_" || ($0.value < 0x80 && ($0.properties.isAlphabetic || $0.value &- 0x30 < 10))
                }
                guard valid else {
                    throw RegexTranslation.SyntaxError(code: "invalid named capture", expression: text(start..<(close + 1)))
                }
                position = close + 1
            } else {
                capture = false
                position += 2
                guard try parseFlags(start: start) else { return nil }
            }
        } else {
            position += 1
        }
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw RegexTranslation.SyntaxError(code: "expression nests too deeply", expression: whole)
        }
        if capture { groupNames.append(name) }
        let (body, product) = try parseAlternation()
        guard peek() == ")" else {
            throw RegexTranslation.SyntaxError(code: "missing closing )", expression: whole)
        }
        position += 1
        depth -= 1
        flags = savedFlags
        return Item(text: (capture ? "(" : "(?:") + body + ")", isAtom: true, repeatProduct: product)
    }

    /// Reads flags after `(?`; true when a group opens (`:`), false when
    /// the flags apply to the rest of the enclosing group (`)`).
    mutating func parseFlags(start: Int) throws(RegexTranslation.SyntaxError) -> Bool {
        var updated = flags
        var negated = false
        var sawFlag = false
        while let scalar = peek() {
            position += 1
            switch scalar {
            case "i": updated.foldCase = !negated
            case "m": updated.multiLine = !negated
            case "s": updated.dotMatchesNewline = !negated
            case "U": updated.nonGreedy = !negated
            case "-":
                guard !negated else { throw perlSyntax(start) }
                negated = true
                sawFlag = false
                continue
            case ":", ")":
                if negated, !sawFlag { throw perlSyntax(start) }
                // A group restores the outer flags when it closes.
                flags = updated
                return scalar == ":"
            default:
                throw perlSyntax(start)
            }
            sawFlag = true
        }
        throw perlSyntax(start)
    }

    func perlSyntax(_ start: Int) -> RegexTranslation.SyntaxError {
        RegexTranslation.SyntaxError(code: "invalid or unsupported Perl syntax", expression: text(start..<position))
    }

    /// A literal, folded by ICU when `(?i)` is on: as a one-member class,
    /// because ICU folds a bare literal fully (`ß` would match `ss`) but a
    /// class by simple folding, as Go does.
    func literal(_ scalar: Unicode.Scalar) -> Item {
        literal(code: scalar.value)
    }

    func literal(code: UInt32) -> Item {
        let escaped = Self.escaped(code)
        return Item(text: flags.foldCase ? "(?i:[" + escaped + "])" : escaped, isAtom: true, repeatProduct: 0)
    }

    /// Every character but ASCII letters and digits as `\x{…}`: nothing is
    /// special to ICU then, inside a class or out.
    static func escaped(_ value: UInt32) -> String {
        if value < 0x80, value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 { return String(Character(Unicode.Scalar(UInt8(value)))) }
        return "\\x{" + String(value, radix: 16) + "}"
    }
}
