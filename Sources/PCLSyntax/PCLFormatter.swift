import PCDiagnostics

/// Rewrites a file's layout into the canonical style of `terraform fmt`.
///
/// Only the whitespace between tokens changes: every token keeps its bytes
/// and its place, line ends (`\n` or `\r\n`) stay as written, blank lines
/// stay, heredoc bodies and string text are untouched. The rules are
/// hclwrite's, so already-canonical Terraform code comes back unchanged and
/// the result is a fixed point.
///
/// The functions accept any token stream and never fail, but a file with
/// syntax errors should not be rewritten: callers check the parser's
/// diagnostics first, as `terraform fmt` does.
public enum PCLFormatter {
    /// The canonical form of a lexed file.
    public static func format(_ lexed: LexedFile) -> [UInt8] {
        let source = lexed.file.bytes
        return source.withUnsafeBufferPointer { bytes in
            let layout = FormatterLayout(lexed, bytes: bytes)
            guard let size = outputSize(layout), size <= maximumOutputSize(source.count) else {
                // A canonical form many times the input's size comes only
                // from degenerate input (thousands of lines each indented
                // thousands of levels); keeping the input beats exhausting
                // memory.
                return source
            }
            return write(layout, bytes: bytes, size: size)
        }
    }

    /// Whether `format` would return the file's bytes unchanged. Compares
    /// the layout with the source in place, without building the output.
    public static func isFormatted(_ lexed: LexedFile) -> Bool {
        lexed.file.bytes.withUnsafeBufferPointer { bytes in
            let layout = FormatterLayout(lexed, bytes: bytes)
            var previousEnd = 0
            for token in layout.tokens {
                guard gapIsSpaces(bytes, from: previousEnd, to: Int(token.start), count: Int(token.spaces)) else {
                    return false
                }
                previousEnd = Int(token.end)
            }
            return gapIsSpaces(bytes, from: previousEnd, to: layout.endOfFileStart, count: layout.endOfFileSpaces)
                && layout.endOfFileStart == bytes.count
        }
    }

    // MARK: - Writing

    static func maximumOutputSize(_ inputSize: Int) -> Int {
        max(inputSize.multipliedReportingOverflow(by: 16).partialValue, 1 << 26)
    }

    /// The exact size of the output, or nil if it does not fit in an `Int`.
    private static func outputSize(_ layout: FormatterLayout) -> Int? {
        var size = layout.endOfFileSpaces
        for token in layout.tokens {
            let (next, overflow) = size.addingReportingOverflow(Int(token.spaces) + Int(token.end &- token.start))
            if overflow { return nil }
            size = next
        }
        return size
    }

    /// Writes tokens and spaces into one exactly sized array. Stretches of
    /// source already laid out as wanted are copied in one piece, so a
    /// canonical file costs little more than a copy.
    private static func write(_ layout: FormatterLayout, bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { output, written in
            guard let out = output.baseAddress, let source = bytes.baseAddress else {
                written = 0
                return
            }
            var position = 0
            var runStart = 0
            var runEnd = 0
            func flush() {
                let length = runEnd - runStart
                if length > 0 {
                    (out + position).update(from: source + runStart, count: length)
                    position += length
                }
            }
            for token in layout.tokens {
                let start = Int(token.start)
                let spaces = Int(token.spaces)
                if gapIsSpaces(bytes, from: runEnd, to: start, count: spaces) {
                    runEnd = Int(token.end)
                    continue
                }
                flush()
                (out + position).initialize(repeating: 0x20, count: spaces)
                position += spaces
                runStart = start
                runEnd = Int(token.end)
            }
            flush()
            (out + position).initialize(repeating: 0x20, count: layout.endOfFileSpaces)
            position += layout.endOfFileSpaces
            written = position
        }
    }

    /// Whether `bytes[from..<to]` is exactly `count` spaces.
    @inline(__always)
    private static func gapIsSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, count: Int) -> Bool {
        guard to - from == count else { return false }
        var index = from
        while index < to {
            if bytes[index] != 0x20 { return false }
            index += 1
        }
        return true
    }
}
