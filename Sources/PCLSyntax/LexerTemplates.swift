import PCDiagnostics

/// Scanning inside templates: quoted strings and heredocs, and the
/// `${`/`%{` sequences that switch back to ordinary tokens.
extension Scanner {
    // MARK: - Quoted strings

    mutating func scanQuoted(openedAt openStart: Int) {
        let start = position
        let c = buffer[start]
        switch c {
        case UInt8(ascii: "\""):
            emit(.closeQuote, length: 1)
            modes.removeLast()
        case 0x0A, 0x0D:
            // A quoted string ends on its own line. Ending the template here,
            // rather than running on as hclsyntax does, keeps the following
            // lines lexing as the configuration they are.
            report(.unclosedString,
                   "This string has no closing quote (\") before the end of the line. Add the closing quote. " +
                   "For text that spans several lines, use the \\n escape or a heredoc (<<EOT … EOT).",
                   openStart, start)
            modes.removeLast()
        case UInt8(ascii: "$") where byte(at: start + 1) == UInt8(ascii: "{"):
            beginTemplateSequence(.templateInterpolation)
        case UInt8(ascii: "%") where byte(at: start + 1) == UInt8(ascii: "{"):
            beginTemplateSequence(.templateControl)
        default:
            scanTemplateLiteral(.quotedLiteral, quoted: true)
        }
    }

    /// `${`, `${~`, `%{` or `%{~`: the following tokens are ordinary ones
    /// until the matching `}`.
    mutating func beginTemplateSequence(_ kind: TokenKind) {
        let start = position
        let length = byte(at: start + 2) == UInt8(ascii: "~") ? 3 : 2
        emit(kind, length: length)
        if case .heredoc(let begin, let markerStart, let markerEnd, _) = modes[modes.count - 1] {
            modes[modes.count - 1] = .heredoc(start: begin, markerStart: markerStart, markerEnd: markerEnd, atLineStart: false)
        }
        modes.append(.interpolation(start: start, depth: 0, isDirective: kind == .templateControl))
    }

    /// Literal text up to the next interpolation, directive, quote (in a
    /// quoted string) or line end. In a heredoc the line end is part of the
    /// literal and ends it. `$${` and `%%{` are escapes and stay literal;
    /// in quoted strings a backslash also protects the byte after it.
    mutating func scanTemplateLiteral(_ kind: TokenKind, quoted: Bool) {
        let start = position
        var index = start
        scan: while index < count {
            let c = buffer[index]
            switch c {
            case 0x0A:
                if !quoted { index += 1 }
                break scan
            case 0x0D:
                if quoted { break scan }
                index += 1
            case UInt8(ascii: "\"") where quoted:
                break scan
            case UInt8(ascii: "\\") where quoted:
                let escaped = byte(at: index + 1)
                index += (index + 1 < count && escaped != 0x0A && escaped != 0x0D && escaped < 0x80) ? 2 : 1
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                let next = byte(at: index + 1)
                if next == UInt8(ascii: "{") { break scan }
                index += (next == c && byte(at: index + 2) == UInt8(ascii: "{")) ? 3 : 1
            case 0x80...0xFF:
                guard let (_, length) = decodeScalar(at: index) else { break scan }
                index += length
            default:
                index += 1
            }
        }
        if index > start {
            emit(kind, from: start, to: index)
        } else {
            // Only bytes that are not UTF-8 stop a literal without
            // consuming anything.
            scanBadUTF8()
        }
    }

    // MARK: - Heredocs

    /// `<<EOT` or `<<-EOT` directly followed by a line end opens a heredoc.
    /// Returns false, consuming nothing, when the bytes are not an opener,
    /// so they lex as `<` tokens and the parser explains.
    mutating func scanHeredocOpener() -> Bool {
        let start = position
        var index = start + 2
        if byte(at: index) == UInt8(ascii: "-") { index += 1 }
        let markerStart = index
        guard let markerEnd = identifierEnd(from: markerStart) else { return false }
        index = markerEnd
        if byte(at: index) == 0x0D { index += 1 }
        guard index < count, buffer[index] == 0x0A else { return false }
        emit(.heredocOpen, from: start, to: index + 1)
        modes.append(.heredoc(start: start, markerStart: markerStart, markerEnd: markerEnd, atLineStart: true))
        return true
    }

    mutating func scanHeredoc(openedAt openStart: Int, marker: Range<Int>, atLineStart: Bool) {
        let start = position
        if atLineStart, let closeEnd = closingMarkerEnd(at: start, marker: marker) {
            emit(.heredocClose, from: start, to: closeEnd)
            modes.removeLast()
            return
        }
        let c = buffer[start]
        if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && byte(at: start + 1) == UInt8(ascii: "{") {
            beginTemplateSequence(c == UInt8(ascii: "$") ? .templateInterpolation : .templateControl)
            return
        }
        scanTemplateLiteral(.heredocLiteral, quoted: false)
        let endsLine = position > start && buffer[position - 1] == 0x0A
        modes[modes.count - 1] = .heredoc(
            start: openStart, markerStart: marker.lowerBound, markerEnd: marker.upperBound, atLineStart: endsLine)
    }

    mutating func scanTemplateFileText() {
        let c = buffer[position]
        if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && byte(at: position + 1) == UInt8(ascii: "{") {
            beginTemplateSequence(c == UInt8(ascii: "$") ? .templateInterpolation : .templateControl)
            return
        }
        scanTemplateLiteral(.heredocLiteral, quoted: false)
    }

    /// If the line starting at `start` is the heredoc's closing marker
    /// (spaces, the marker, spaces, then a line end or the end of the file),
    /// where the close token ends: before the spaces and line end after the
    /// marker.
    func closingMarkerEnd(at start: Int, marker: Range<Int>) -> Int? {
        var index = start
        while index < count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        let length = marker.count
        guard index + length <= count else { return nil }
        for offset in 0..<length where buffer[index + offset] != buffer[marker.lowerBound + offset] {
            return nil
        }
        index += length
        let markerEnd = index
        while index < count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        if index < count, buffer[index] == 0x0D { index += 1 }
        guard index == count || buffer[index] == 0x0A else { return nil }
        // Trailing spaces belong to the close token so that only the line
        // end is left for the newline token.
        var end = markerEnd
        while end < count, buffer[end] == 0x20 || buffer[end] == 0x09 { end += 1 }
        return end
    }

    // MARK: - End of input

    /// Reports the innermost construct still open at the end of the file,
    /// pointing at where it began. The ones around it are open only because
    /// of it, and a hundred nested reports would bury the one that matters.
    mutating func reportUnclosedModes() {
        if let mode = modes.last {
            switch mode {
            case .configuration, .templateFile:
                break
            case .quoted(let start):
                report(.unclosedString,
                       "This string has no closing quote (\") before the end of the file. Add the closing quote.",
                       start, start + 1)
            case .heredoc(let start, let markerStart, let markerEnd, _):
                let marker = String(decoding: buffer[markerStart..<markerEnd], as: UTF8.self)
                report(.unclosedHeredoc,
                       "This heredoc is never closed. Add a line containing only \(marker) where its text ends.",
                       start, markerEnd)
            case .interpolation(let start, _, let isDirective):
                if isDirective {
                    report(.unclosedTemplateDirective,
                           "The template directive that starts here has no closing }. Add } after the directive.",
                           start, start + 2)
                } else {
                    report(.unclosedTemplateInterpolation,
                           "The interpolation that starts here has no closing }. Add } after the expression.",
                           start, start + 2)
                }
            }
        }
    }
}
