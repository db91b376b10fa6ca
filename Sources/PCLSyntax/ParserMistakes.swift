import PCDiagnostics

/// Characters the language does not use but people type anyway. Each kind
/// is explained once per file, as hclsyntax does; other errors about the
/// same tokens stay quiet (`SyntaxParser.report`).
extension SyntaxParser {
    mutating func reportMistakeTokens() {
        var told: Set<String> = []
        for token in tokens where token.kind.isMistake {
            let kind: String
            let code: DiagnosticCode
            let detail: String
            switch token.kind {
            case .bitwiseOperator:
                let byte = bytes[token.start]
                kind = "bitwise"
                code = .unsupportedOperator
                switch byte {
                case UInt8(ascii: "&"): detail = "Bitwise operators are not supported. For a logical AND, write \"&&\"."
                case UInt8(ascii: "|"): detail = "Bitwise operators are not supported. For a logical OR, write \"||\"."
                case UInt8(ascii: "~"): detail = "Bitwise operators are not supported. For a logical NOT, write \"!\"."
                default: detail = "Bitwise operators are not supported."
                }
            case .starStar:
                kind = "starStar"
                code = .unsupportedOperator
                detail = "\"**\" is not an operator: there is no exponentiation operator. Use the pow(base, exponent) function."
            case .apostrophe:
                kind = "apostrophe"
                code = .invalidCharacter
                detail = "Single quotes are not valid. Use double quotes (\") to enclose strings."
            case .backtick:
                kind = "backtick"
                code = .invalidCharacter
                detail = "The \"`\" character is not valid. Enclose strings in double quotes (\"), and write text over several lines with a heredoc, such as <<EOT."
            case .semicolon:
                kind = "semicolon"
                code = .invalidCharacter
                detail = "The \";\" character is not valid. End arguments and blocks with a newline, and separate the items of a collection with commas."
            case .badUTF8:
                kind = "badUTF8"
                code = .invalidCharacterEncoding
                detail = "This file is not valid UTF-8 here. Save it with UTF-8 encoding in your editor."
            default:
                let text = text(of: token)
                if text == "\u{201C}" || text == "\u{201D}" || text == "\u{2018}" || text == "\u{2019}" {
                    kind = "curly"
                    code = .invalidCharacter
                    detail = "Curly quotes are not valid; they often come from copying code out of documents or chat. Replace them with straight double quotes (\")."
                } else {
                    kind = "invalid"
                    code = .invalidCharacter
                    let shown = text.unicodeScalars.first.map { scalar -> String in
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                        return scalar.properties.generalCategory == .control || scalar.value == 0
                            ? "U+\(padded)" : "\"\(text)\" (U+\(padded))"
                    } ?? "This character"
                    detail = "The character \(shown) is not used by the language. Remove it; names may contain only letters, digits, underscores and dashes."
                }
            }
            guard told.insert(kind).inserted else { continue }
            errorCount += 1
            diagnostics.append(Diagnostic(.error, code: code, detail: detail, file: file, subject: token.range))
        }
    }
}
