import PCDiagnostics
import PCLSyntax

/// Properties that must hold for any input, checked by the property tests,
/// the fuzz smoke test and the libFuzzer target alike.
public enum FrontEndInvariants {
    /// The tokens that carry meaning, as kind and text: newlines and the
    /// trailing spaces of comments are layout, which the formatter may change.
    public static func meaningfulTokens(_ lexed: LexedFile) -> [(TokenKind, ArraySlice<UInt8>)] {
        let bytes = lexed.file.bytes
        return lexed.tokens.compactMap { token in
            switch token.kind {
            case .newline, .endOfFile:
                return nil
            case .comment:
                var end = token.end
                while end > token.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                return (token.kind, bytes[token.start..<end])
            default:
                return (token.kind, bytes[token.start..<token.end])
            }
        }
    }

    /// Whether two lexings hold the same meaningful tokens in the same order.
    public static func sameTokens(_ lhs: LexedFile, _ rhs: LexedFile) -> Bool {
        let a = meaningfulTokens(lhs), b = meaningfulTokens(rhs)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x.0 != y.0 || !x.1.elementsEqual(y.1) {
            return false
        }
        return true
    }

    /// The first meaningful token that differs, described for a test
    /// failure message, or nil when the token streams agree.
    public static func firstDifference(_ lhs: LexedFile, _ rhs: LexedFile) -> String? {
        let a = meaningfulTokens(lhs), b = meaningfulTokens(rhs)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? "\(a[index].0) \(String(decoding: a[index].1, as: UTF8.self))" : "<none>"
            let y = index < b.count ? "\(b[index].0) \(String(decoding: b[index].1, as: UTF8.self))" : "<none>"
            if x != y { return "token \(index): \(x) became \(y)" }
        }
        return nil
    }
}
