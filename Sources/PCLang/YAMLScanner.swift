/// A position in YAML text: byte offset, character index, 0-based line and
/// column (in characters).
struct YAMLMark {
    var offset = 0
    var index = 0
    var line = 0
    var column = 0
}

struct YAMLToken {
    enum Kind {
        case streamStart, streamEnd
        case versionDirective(major: Int, minor: Int)
        case tagDirective(handle: String, prefix: String)
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        case alias(String), anchor(String)
        case tag(handle: String, suffix: String)
        case scalar(String, YAMLScalarStyle)
    }

    var kind: Kind
    var start: YAMLMark
}

enum YAMLScalarStyle {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// Turns YAML text into tokens the way libyaml's scanner does (Terraform's
/// `yamldecode` runs a Go port of it), so documents that Terraform accepts
/// tokenize the same and broken ones fail with the same words.
///
/// Block structure comes from indentation: the scanner keeps a stack of
/// indentation columns and emits block start and end tokens as lines move
/// in and out. A "simple key" (`key: value` without `?`) is only known to
/// be a key when its `:` arrives, so a possible key's position is
/// remembered and a KEY token inserted there afterwards.
struct YAMLScanner {
    private struct SimpleKey {
        var possible = false
        var required = false
        var tokenNumber = 0
        var mark = YAMLMark()
    }

    /// The input followed by NUL bytes, so lookahead never runs off the end.
    let buffer: [UInt8]
    private(set) var mark = YAMLMark()
    private var tokens: [YAMLToken] = []
    private var head = 0
    private var tokensParsed = 0
    private var streamStartProduced = false
    private var streamEndProduced = false
    private var indent = -1
    private var indents: [Int] = []
    private var simpleKeys: [SimpleKey] = []
    private var simpleKeyAllowed = false
    private var flowLevel = 0

    init(_ text: String) throws(YAMLError) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        try YAMLScanner.checkCharacters(bytes)
        bytes.append(contentsOf: [0, 0, 0, 0, 0])
        buffer = bytes
    }

    /// YAML allows tab, line breaks and printable characters only.
    private static func checkCharacters(_ bytes: [UInt8]) throws(YAMLError) {
        var line = 1, column = 1
        var index = 0
        while index < bytes.count {
            let (scalar, width) = YAMLScalarAnalysis.decode(bytes, index)
            let allowed = scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || (0x20...0x7E).contains(scalar)
                || scalar == 0x85 || (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar)
                || (0x10000...0x10FFFF).contains(scalar)
            if !allowed {
                throw YAMLError("control characters are not allowed", line: line, column: column)
            }
            if scalar == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += width
        }
    }

    // MARK: Token queue

    /// The next token, scanning as far ahead as needed to know it.
    mutating func peek() throws(YAMLError) -> YAMLToken {
        try fetchMoreTokens()
        if head == tokens.count {
            return YAMLToken(kind: .streamEnd, start: mark)
        }
        return tokens[head]
    }

    mutating func skipToken() {
        guard head < tokens.count else { return }
        head += 1
        tokensParsed += 1
        if head > 256 && head * 2 > tokens.count {
            tokens.removeFirst(head)
            head = 0
        }
    }

    private mutating func insert(_ token: YAMLToken, at number: Int? = nil) {
        if let number {
            tokens.insert(token, at: head + number)
        } else {
            tokens.append(token)
        }
    }

    private mutating func fetchMoreTokens() throws(YAMLError) {
        while true {
            var needMore = false
            if head == tokens.count {
                needMore = !streamEndProduced
            } else {
                try staleSimpleKeys()
                needMore = simpleKeys.contains { $0.possible && $0.tokenNumber == tokensParsed }
            }
            if !needMore { return }
            try fetchNextToken()
        }
    }

    // MARK: Characters

    func byte(_ ahead: Int = 0) -> UInt8 {
        let index = mark.offset + ahead
        return index < buffer.count ? buffer[index] : 0
    }
    /// The end of the input (YAML text cannot contain NUL).
    func isZ(_ ahead: Int = 0) -> Bool { byte(ahead) == 0 }
    func isBlank(_ ahead: Int = 0) -> Bool { byte(ahead) == 0x20 || byte(ahead) == 0x09 }
    func isBreak(_ ahead: Int = 0) -> Bool {
        let first = byte(ahead)
        if first == 0x0A || first == 0x0D { return true }
        if first == 0xC2 { return byte(ahead + 1) == 0x85 }
        if first == 0xE2 { return byte(ahead + 1) == 0x80 && (byte(ahead + 2) == 0xA8 || byte(ahead + 2) == 0xA9) }
        return false
    }
    func isBreakZ(_ ahead: Int = 0) -> Bool { isBreak(ahead) || isZ(ahead) }
    func isBlankZ(_ ahead: Int = 0) -> Bool { isBlank(ahead) || isBreakZ(ahead) }
    func isAlpha(_ ahead: Int = 0) -> Bool {
        let byte = byte(ahead)
        return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
    func isHex(_ ahead: Int) -> Bool {
        let byte = byte(ahead)
        return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
    func hexValue(_ ahead: Int) -> Int {
        let byte = byte(ahead)
        if byte >= 0x61 { return Int(byte - 0x61 + 10) }
        if byte >= 0x41 { return Int(byte - 0x41 + 10) }
        return Int(byte - 0x30)
    }
    func isDocumentIndicator() -> Bool {
        mark.column == 0
            && ((byte() == UInt8(ascii: "-") && byte(1) == UInt8(ascii: "-") && byte(2) == UInt8(ascii: "-"))
                || (byte() == UInt8(ascii: ".") && byte(1) == UInt8(ascii: ".") && byte(2) == UInt8(ascii: ".")))
            && isBlankZ(3)
    }

    mutating func skip() {
        mark.offset += YAMLScalarAnalysis.width(byte())
        mark.index += 1
        mark.column += 1
    }

    mutating func skipLine() {
        if byte() == 0x0D && byte(1) == 0x0A {
            mark.offset += 2
            mark.index += 2
            mark.column = 0
            mark.line += 1
        } else if isBreak() {
            mark.offset += YAMLScalarAnalysis.width(byte())
            mark.index += 1
            mark.column = 0
            mark.line += 1
        }
    }

    /// Copies the current character into `text` and moves past it.
    mutating func read(into text: inout [UInt8]) {
        let width = YAMLScalarAnalysis.width(byte())
        text.append(contentsOf: buffer[mark.offset..<(mark.offset + width)])
        mark.offset += width
        mark.index += 1
        mark.column += 1
    }

    /// Copies a line break into `text` as `\n` (line and paragraph
    /// separators stay as they are) and moves past it.
    mutating func readLine(into text: inout [UInt8]) {
        if byte() == 0x0D && byte(1) == 0x0A {
            text.append(0x0A)
            mark.offset += 2
            mark.index += 1
        } else if byte() == 0x0D || byte() == 0x0A {
            text.append(0x0A)
            mark.offset += 1
        } else if byte() == 0xC2 && byte(1) == 0x85 {
            text.append(0x0A)
            mark.offset += 2
        } else if byte() == 0xE2 && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9) {
            text.append(contentsOf: buffer[mark.offset..<(mark.offset + 3)])
            mark.offset += 3
        } else {
            return
        }
        mark.index += 1
        mark.column = 0
        mark.line += 1
    }

    func error(_ message: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(message, line: mark.line + 1, column: mark.column + 1)
    }

    // MARK: Dispatch

    private mutating func fetchNextToken() throws(YAMLError) {
        if !streamStartProduced {
            indent = -1
            simpleKeys.append(SimpleKey())
            simpleKeyAllowed = true
            streamStartProduced = true
            insert(YAMLToken(kind: .streamStart, start: mark))
            return
        }
        scanToNextToken()
        try staleSimpleKeys()
        unrollIndent(mark.column)
        if isZ() { return try fetchStreamEnd() }
        let current = byte()
        if mark.column == 0 && current == UInt8(ascii: "%") { return try fetchDirective() }
        if isDocumentIndicator() {
            return try fetchDocumentIndicator(current == UInt8(ascii: "-") ? .documentStart : .documentEnd)
        }
        switch current {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        default: break
        }
        if current == UInt8(ascii: "-") && isBlankZ(1) { return try fetchBlockEntry() }
        if current == UInt8(ascii: "?") && (flowLevel > 0 || isBlankZ(1)) { return try fetchKey() }
        if current == UInt8(ascii: ":") && (flowLevel > 0 || isBlankZ(1)) { return try fetchValue() }
        switch current {
        case UInt8(ascii: "*"): return try fetchAnchor(alias: true)
        case UInt8(ascii: "&"): return try fetchAnchor(alias: false)
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0: return try fetchBlockScalar(literal: true)
        case UInt8(ascii: ">") where flowLevel == 0: return try fetchBlockScalar(literal: false)
        case UInt8(ascii: "'"): return try fetchFlowScalar(single: true)
        case UInt8(ascii: "\""): return try fetchFlowScalar(single: false)
        default: break
        }
        let indicators: [UInt8] = Array("-?:,[]{}#&*!|>'\"%@`".utf8)
        if !(isBlankZ() || indicators.contains(current))
            || (current == UInt8(ascii: "-") && !isBlank(1))
            || (flowLevel == 0 && (current == UInt8(ascii: "?") || current == UInt8(ascii: ":")) && !isBlankZ(1)) {
            return try fetchPlainScalar()
        }
        throw error("found character that cannot start any token", at: mark)
    }

    /// Skips spaces, comments and line breaks; tabs only where they cannot
    /// be mistaken for indentation.
    private mutating func scanToNextToken() {
        while true {
            while byte() == 0x20 || ((flowLevel > 0 || !simpleKeyAllowed) && byte() == 0x09) {
                skip()
            }
            if byte() == UInt8(ascii: "#") {
                while !isBreakZ() { skip() }
            }
            guard isBreak() else { return }
            skipLine()
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }

    // MARK: Simple keys and indentation

    /// A simple key must sit on one line and be shorter than 1024
    /// characters.
    private mutating func staleSimpleKeys() throws(YAMLError) {
        for index in simpleKeys.indices {
            let key = simpleKeys[index]
            if key.possible && (key.mark.line < mark.line || key.mark.index + 1024 < mark.index) {
                if key.required {
                    throw error("could not find expected ':'", at: mark)
                }
                simpleKeys[index].possible = false
            }
        }
    }

    private mutating func saveSimpleKey() throws(YAMLError) {
        let required = flowLevel == 0 && indent == mark.column
        if simpleKeyAllowed {
            let key = SimpleKey(possible: true, required: required, tokenNumber: tokensParsed + tokens.count - head, mark: mark)
            try removeSimpleKey()
            simpleKeys[simpleKeys.count - 1] = key
        }
    }

    private mutating func removeSimpleKey() throws(YAMLError) {
        let last = simpleKeys.count - 1
        if simpleKeys[last].possible && simpleKeys[last].required {
            throw error("could not find expected ':'", at: mark)
        }
        simpleKeys[last].possible = false
    }

    private mutating func rollIndent(_ column: Int, number: Int?, kind: YAMLToken.Kind, at tokenMark: YAMLMark) throws(YAMLError) {
        guard flowLevel == 0, indent < column else { return }
        guard indents.count < YAMLLimits.maximumDepth else {
            throw error("the document is nested more than \(YAMLLimits.maximumDepth) levels deep", at: tokenMark)
        }
        indents.append(indent)
        indent = column
        insert(YAMLToken(kind: kind, start: tokenMark), at: number.map { $0 - tokensParsed })
    }

    private mutating func unrollIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            insert(YAMLToken(kind: .blockEnd, start: mark))
            indent = indents.removeLast()
        }
    }

    // MARK: Indicators

    private mutating func fetchStreamEnd() throws(YAMLError) {
        if mark.column != 0 {
            mark.column = 0
            mark.line += 1
        }
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        streamEndProduced = true
        insert(YAMLToken(kind: .streamEnd, start: mark))
    }

    private mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skip(); skip(); skip()
        insert(YAMLToken(kind: kind, start: start))
    }

    private mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try saveSimpleKey()
        guard flowLevel < YAMLLimits.maximumDepth else {
            throw error("the document is nested more than \(YAMLLimits.maximumDepth) levels deep", at: mark)
        }
        simpleKeys.append(SimpleKey())
        flowLevel += 1
        simpleKeyAllowed = true
        let start = mark
        skip()
        insert(YAMLToken(kind: kind, start: start))
    }

    private mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try removeSimpleKey()
        if flowLevel > 0 {
            flowLevel -= 1
            simpleKeys.removeLast()
        }
        simpleKeyAllowed = false
        let start = mark
        skip()
        insert(YAMLToken(kind: kind, start: start))
    }

    private mutating func fetchFlowEntry() throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = mark
        skip()
        insert(YAMLToken(kind: .flowEntry, start: start))
    }

    private mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error("block sequence entries are not allowed in this context", at: mark)
            }
            try rollIndent(mark.column, number: nil, kind: .blockSequenceStart, at: mark)
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = mark
        skip()
        insert(YAMLToken(kind: .blockEntry, start: start))
    }

    private mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error("mapping keys are not allowed in this context", at: mark)
            }
            try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        let start = mark
        skip()
        insert(YAMLToken(kind: .key, start: start))
    }

    private mutating func fetchValue() throws(YAMLError) {
        let last = simpleKeys.count - 1
        let key = simpleKeys[last]
        if key.possible {
            insert(YAMLToken(kind: .key, start: key.mark), at: key.tokenNumber - tokensParsed)
            try rollIndent(key.mark.column, number: key.tokenNumber, kind: .blockMappingStart, at: key.mark)
            simpleKeys[last].possible = false
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                guard simpleKeyAllowed else {
                    throw error("mapping values are not allowed in this context", at: mark)
                }
                try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark)
            }
            simpleKeyAllowed = flowLevel == 0
        }
        let start = mark
        skip()
        insert(YAMLToken(kind: .value, start: start))
    }

    private mutating func fetchAnchor(alias: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skip()
        var name: [UInt8] = []
        while isAlpha() { read(into: &name) }
        let enders: [UInt8] = Array("?:,]}%@`".utf8)
        if name.isEmpty || !(isBlankZ() || enders.contains(byte())) {
            throw error("did not find expected alphabetic or numeric character", at: mark)
        }
        let text = String(decoding: name, as: UTF8.self)
        insert(YAMLToken(kind: alias ? .alias(text) : .anchor(text), start: start))
    }

    private mutating func fetchBlockScalar(literal: Bool) throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        insert(try scanBlockScalar(literal: literal, parentIndent: indent))
    }

    private mutating func fetchFlowScalar(single: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        insert(try scanQuotedScalar(single: single))
    }

    private mutating func fetchPlainScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let (token, endedWithBreaks) = try scanPlainScalar(parentIndent: indent, flowLevel: flowLevel)
        if endedWithBreaks { simpleKeyAllowed = true }
        insert(token)
    }

    private mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        insert(try scanTag())
    }

    private mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        insert(try scanDirective())
    }
}
