import PCDiagnostics
import PCLSyntax

/// Properties that must hold for any input, checked by the property tests,
/// the fuzz smoke test and the libFuzzer target alike.
public enum FrontEndInvariants {
    /// Every token as kind and text. The formatter changes only the spaces
    /// between tokens: it keeps line ends, comments (trailing spaces too)
    /// and text exactly, so the whole stream must survive it.
    public static func meaningfulTokens(_ lexed: LexedFile) -> [(TokenKind, ArraySlice<UInt8>)] {
        let bytes = lexed.file.bytes
        return lexed.tokens.compactMap { token in
            token.kind == .endOfFile ? nil : (token.kind, bytes[token.start..<token.end])
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
