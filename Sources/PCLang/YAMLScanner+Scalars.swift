/// Scalars, tags and directives: the parts of YAML with their own small
/// grammars. Line folding follows the spec as libyaml implements it: a
/// single line break between text becomes a space, further breaks stay.
extension YAMLScanner {
    // MARK: Block scalars

    mutating func scanBlockScalar(literal: Bool, parentIndent: Int) throws(YAMLError) -> YAMLToken {
        let start = mark
        skip()
        var chomping = 0
        var increment = 0
        if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") {
            chomping = byte() == UInt8(ascii: "+") ? 1 : -1
            skip()
            if byte() >= UInt8(ascii: "0") && byte() <= UInt8(ascii: "9") {
                guard byte() != UInt8(ascii: "0") else { throw error("found an indentation indicator equal to 0", at: start) }
                increment = Int(byte() - UInt8(ascii: "0"))
                skip()
            }
        } else if byte() >= UInt8(ascii: "0") && byte() <= UInt8(ascii: "9") {
            guard byte() != UInt8(ascii: "0") else { throw error("found an indentation indicator equal to 0", at: start) }
            increment = Int(byte() - UInt8(ascii: "0"))
            skip()
            if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") {
                chomping = byte() == UInt8(ascii: "+") ? 1 : -1
                skip()
            }
        }
        while isBlank() { skip() }
        if byte() == UInt8(ascii: "#") {
            while !isBreakZ() { skip() }
        }
        guard isBreakZ() else { throw error("did not find expected comment or line break", at: start) }
        if isBreak() { skipLine() }

        var indent = 0
        if increment > 0 {
            indent = parentIndent >= 0 ? parentIndent + increment : increment
        }
        var text: [UInt8] = []
        var leadingBreak: [UInt8] = []
        var trailingBreaks: [UInt8] = []
        try scanBlockScalarBreaks(indent: &indent, breaks: &trailingBreaks, parentIndent: parentIndent, start: start)
        var leadingBlank = false
        while mark.column == indent && !isZ() {
            let trailingBlank = isBlank()
            if !literal && !leadingBlank && !trailingBlank && leadingBreak.first == 0x0A {
                if trailingBreaks.isEmpty { text.append(0x20) }
            } else {
                text.append(contentsOf: leadingBreak)
            }
            leadingBreak.removeAll(keepingCapacity: true)
            text.append(contentsOf: trailingBreaks)
            trailingBreaks.removeAll(keepingCapacity: true)
            leadingBlank = isBlank()
            while !isBreakZ() { read(into: &text) }
            readLine(into: &leadingBreak)
            try scanBlockScalarBreaks(indent: &indent, breaks: &trailingBreaks, parentIndent: parentIndent, start: start)
        }
        if chomping != -1 { text.append(contentsOf: leadingBreak) }
        if chomping == 1 { text.append(contentsOf: trailingBreaks) }
        return YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self).nfcNormalized, literal ? .literal : .folded), start: start)
    }

    /// Eats indentation and empty lines, and settles the indentation from
    /// the first non-empty line when no indicator gave it.
    private mutating func scanBlockScalarBreaks(indent: inout Int, breaks: inout [UInt8], parentIndent: Int, start: YAMLMark) throws(YAMLError) {
        var maximumIndent = 0
        while true {
            while (indent == 0 || mark.column < indent) && byte() == 0x20 { skip() }
            if mark.column > maximumIndent { maximumIndent = mark.column }
            if (indent == 0 || mark.column < indent) && byte() == 0x09 {
                throw error("found a tab character where an indentation space is expected", at: mark)
            }
            guard isBreak() else { break }
            readLine(into: &breaks)
        }
        if indent == 0 {
            indent = max(maximumIndent, parentIndent + 1, 1)
        }
    }

    // MARK: Quoted scalars

    mutating func scanQuotedScalar(single: Bool) throws(YAMLError) -> YAMLToken {
        let start = mark
        skip()
        var text: [UInt8] = []
        var gap = YAMLScalarGap()
        while true {
            if isDocumentIndicator() {
                throw error("found unexpected document indicator", at: mark)
            }
            if isZ() {
                throw error("found unexpected end of stream", at: mark)
            }
            while !isBlankZ() {
                let current = byte()
                if single && current == UInt8(ascii: "'") && byte(1) == UInt8(ascii: "'") {
                    text.append(UInt8(ascii: "'"))
                    skip(); skip()
                } else if single && current == UInt8(ascii: "'") {
                    break
                } else if !single && current == UInt8(ascii: "\"") {
                    break
                } else if !single && current == UInt8(ascii: "\\") && isBreak(1) {
                    skip()
                    skipLine()
                    gap.afterBreak = true
                    break
                } else if !single && current == UInt8(ascii: "\\") {
                    try scanEscape(into: &text)
                } else {
                    read(into: &text)
                }
            }
            if byte() == (single ? UInt8(ascii: "'") : UInt8(ascii: "\"")) { break }
            try scanGap(into: &gap)
            gap.write(to: &text)
        }
        skip()
        return YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self).nfcNormalized, single ? .singleQuoted : .doubleQuoted), start: start)
    }

    /// Reads blanks and line breaks into `gap`. With `indent`, a tab in a
    /// new line's indentation before that column is an error.
    private mutating func scanGap(into gap: inout YAMLScalarGap, indent: Int? = nil) throws(YAMLError) {
        while isBlank() || isBreak() {
            if isBlank() {
                if let indent, gap.afterBreak && mark.column < indent && byte() == 0x09 {
                    throw error("found a tab character that violates indentation", at: mark)
                }
                if gap.afterBreak { skip() } else { read(into: &gap.whitespaces) }
            } else if !gap.afterBreak {
                gap.whitespaces.removeAll(keepingCapacity: true)
                readLine(into: &gap.leadingBreak)
                gap.afterBreak = true
            } else {
                readLine(into: &gap.trailingBreaks)
            }
        }
    }

    private mutating func scanEscape(into text: inout [UInt8]) throws(YAMLError) {
        var codeLength = 0
        switch byte(1) {
        case UInt8(ascii: "0"): text.append(0x00)
        case UInt8(ascii: "a"): text.append(0x07)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "t"), 0x09: text.append(0x09)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "v"): text.append(0x0B)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "e"): text.append(0x1B)
        case UInt8(ascii: " "): text.append(0x20)
        case UInt8(ascii: "\""): text.append(0x22)
        case UInt8(ascii: "'"): text.append(0x27)
        case UInt8(ascii: "\\"): text.append(0x5C)
        case UInt8(ascii: "N"): text.append(contentsOf: [0xC2, 0x85])
        case UInt8(ascii: "_"): text.append(contentsOf: [0xC2, 0xA0])
        case UInt8(ascii: "L"): text.append(contentsOf: [0xE2, 0x80, 0xA8])
        case UInt8(ascii: "P"): text.append(contentsOf: [0xE2, 0x80, 0xA9])
        case UInt8(ascii: "x"): codeLength = 2
        case UInt8(ascii: "u"): codeLength = 4
        case UInt8(ascii: "U"): codeLength = 8
        default:
            throw error("found unknown escape character", at: mark)
        }
        skip(); skip()
        guard codeLength > 0 else { return }
        var value = 0
        for offset in 0..<codeLength {
            guard isHex(offset) else { throw error("did not find expected hexdecimal number", at: mark) }
            value = value << 4 + hexValue(offset)
        }
        guard let scalar = Unicode.Scalar(UInt32(value)), value <= 0x10FFFF else {
            throw error("found invalid Unicode character escape code", at: mark)
        }
        UTF8.encode(scalar) { text.append($0) }
        for _ in 0..<codeLength { skip() }
    }

    // MARK: Plain scalars

    /// A plain scalar, and whether it ended after line breaks (then a
    /// simple key may follow on the new line).
    mutating func scanPlainScalar(parentIndent: Int, flowLevel: Int) throws(YAMLError) -> (YAMLToken, Bool) {
        var text: [UInt8] = []
        var gap = YAMLScalarGap()
        let indent = parentIndent + 1
        let start = mark
        while true {
            if isDocumentIndicator() { break }
            if byte() == UInt8(ascii: "#") { break }
            while !isBlankZ() {
                let current = byte()
                if current == UInt8(ascii: ":") && isBlankZ(1) { break }
                if flowLevel > 0 && (current == UInt8(ascii: ",") || current == UInt8(ascii: "?") || current == UInt8(ascii: "[")
                    || current == UInt8(ascii: "]") || current == UInt8(ascii: "{") || current == UInt8(ascii: "}")) {
                    break
                }
                if !gap.isEmpty { gap.write(to: &text) }
                read(into: &text)
            }
            if !(isBlank() || isBreak()) { break }
            try scanGap(into: &gap, indent: indent)
            if flowLevel == 0 && mark.column < indent { break }
        }
        return (YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self).nfcNormalized, .plain), start: start), gap.afterBreak)
    }

    // MARK: Tags

    mutating func scanTag() throws(YAMLError) -> YAMLToken {
        let start = mark
        var handle = ""
        var suffix = ""
        if byte(1) == UInt8(ascii: "<") {
            skip(); skip()
            suffix = try scanTagURI(head: "", start: start)
            guard byte() == UInt8(ascii: ">") else { throw error("did not find the expected '>'", at: mark) }
            skip()
        } else {
            handle = try scanTagHandle(directive: false, start: start)
            if handle.count > 1 && handle.hasPrefix("!") && handle.hasSuffix("!") {
                suffix = try scanTagURI(head: "", start: start)
            } else {
                suffix = try scanTagURI(head: handle, start: start)
                handle = "!"
                if suffix.isEmpty {
                    // The lone "!" tag.
                    (handle, suffix) = ("", "!")
                }
            }
        }
        guard isBlankZ() else { throw error("did not find expected whitespace or line break", at: mark) }
        return YAMLToken(kind: .tag(handle: handle, suffix: suffix), start: start)
    }

    private mutating func scanTagHandle(directive: Bool, start: YAMLMark) throws(YAMLError) -> String {
        guard byte() == UInt8(ascii: "!") else { throw error("did not find expected '!'", at: mark) }
        var text: [UInt8] = []
        read(into: &text)
        while isAlpha() { read(into: &text) }
        if byte() == UInt8(ascii: "!") {
            read(into: &text)
        } else if directive && text != [UInt8(ascii: "!")] {
            throw error("did not find expected '!'", at: mark)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The URI part of a tag; `head` is a handle that turned out to be the
    /// start of the URI (its leading `!` is not copied).
    private mutating func scanTagURI(head: String, start: YAMLMark) throws(YAMLError) -> String {
        var text = Array(head.utf8.dropFirst())
        var hasTag = !head.isEmpty
        let uriCharacters: [UInt8] = Array(";/?:@&=+$,.!~*'()[]%".utf8)
        while isAlpha() || uriCharacters.contains(byte()) {
            if byte() == UInt8(ascii: "%") {
                try scanURIEscapes(into: &text)
            } else {
                read(into: &text)
            }
            hasTag = true
        }
        guard hasTag else { throw error("did not find expected tag URI", at: mark) }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func scanURIEscapes(into text: inout [UInt8]) throws(YAMLError) {
        var remaining = 1024
        while remaining > 0 {
            guard byte() == UInt8(ascii: "%") && isHex(1) && isHex(2) else {
                throw error("did not find URI escaped octet", at: mark)
            }
            let octet = UInt8(hexValue(1) << 4 + hexValue(2))
            if remaining == 1024 {
                remaining = YAMLScalarAnalysis.width(octet)
                if octet & 0x80 != 0 && octet & 0xC0 == 0x80 {
                    throw error("found an incorrect leading UTF-8 octet", at: mark)
                }
            } else if octet & 0xC0 != 0x80 {
                throw error("found an incorrect trailing UTF-8 octet", at: mark)
            }
            text.append(octet)
            skip(); skip(); skip()
            remaining -= 1
        }
    }

    // MARK: Directives

    mutating func scanDirective() throws(YAMLError) -> YAMLToken {
        let start = mark
        skip()
        var nameBytes: [UInt8] = []
        while isAlpha() { read(into: &nameBytes) }
        guard !nameBytes.isEmpty else { throw error("could not find expected directive name", at: mark) }
        guard isBlankZ() else { throw error("found unexpected non-alphabetical character", at: mark) }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let token: YAMLToken
        switch name {
        case "YAML":
            while isBlank() { skip() }
            let major = try scanVersionNumber()
            guard byte() == UInt8(ascii: ".") else { throw error("did not find expected digit or '.' character", at: mark) }
            skip()
            let minor = try scanVersionNumber()
            token = YAMLToken(kind: .versionDirective(major: major, minor: minor), start: start)
        case "TAG":
            while isBlank() { skip() }
            let handle = try scanTagHandle(directive: true, start: start)
            guard isBlank() else { throw error("did not find expected whitespace", at: mark) }
            while isBlank() { skip() }
            let prefix = try scanTagURI(head: "", start: start)
            guard isBlankZ() else { throw error("did not find expected whitespace or line break", at: mark) }
            token = YAMLToken(kind: .tagDirective(handle: handle, prefix: prefix), start: start)
        default:
            throw error("found unknown directive name", at: start)
        }
        while isBlank() { skip() }
        if byte() == UInt8(ascii: "#") {
            while !isBreakZ() { skip() }
        }
        guard isBreakZ() else { throw error("did not find expected comment or line break", at: mark) }
        if isBreak() { skipLine() }
        return token
    }

    private mutating func scanVersionNumber() throws(YAMLError) -> Int {
        var value = 0
        var digits = 0
        while byte() >= UInt8(ascii: "0") && byte() <= UInt8(ascii: "9") {
            digits += 1
            guard digits <= 9 else { throw error("found extremely long version number", at: mark) }
            value = value * 10 + Int(byte() - UInt8(ascii: "0"))
            skip()
        }
        guard digits > 0 else { throw error("did not find expected version number", at: mark) }
        return value
    }
}

/// The blanks and line breaks between two runs of a flow scalar's text,
/// held until the next run shows they are inside the scalar.
struct YAMLScalarGap {
    var whitespaces: [UInt8] = []
    var leadingBreak: [UInt8] = []
    var trailingBreaks: [UInt8] = []
    /// Whether a line break was crossed: blanks after it are indentation,
    /// not text.
    var afterBreak = false

    var isEmpty: Bool { !afterBreak && whitespaces.isEmpty }

    /// Writes the gap as the scalar's text has it and empties it: after a
    /// line break, one break alone folds into a space and further breaks
    /// stay as the empty lines they make; without one, the blanks stay.
    mutating func write(to text: inout [UInt8]) {
        defer { afterBreak = false }
        guard afterBreak else {
            text.append(contentsOf: whitespaces)
            whitespaces.removeAll(keepingCapacity: true)
            return
        }
        if leadingBreak.first == 0x0A {
            if trailingBreaks.isEmpty {
                text.append(0x20)
            } else {
                text.append(contentsOf: trailingBreaks)
            }
        } else {
            text.append(contentsOf: leadingBreak)
            text.append(contentsOf: trailingBreaks)
        }
        trailingBreaks.removeAll(keepingCapacity: true)
        leadingBreak.removeAll(keepingCapacity: true)
    }
}
