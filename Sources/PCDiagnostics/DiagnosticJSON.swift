/// Diagnostics in the JSON shape of Terraform's `validate -json`, so editors
/// and CI tools that already read Terraform's output can read pcplan's.
///
/// Field set and key order follow Terraform 1.11: `severity`, `summary`,
/// `detail`, then `range` and `snippet` only when the diagnostic points at
/// source. Lines and columns are 1-based (columns count characters), bytes
/// 0-based; snippet highlight offsets are byte offsets into `code`.
public enum DiagnosticJSON {
    /// The whole `validate -json` document.
    public static func validateReport(_ diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            ("format_version", .string("1.0")),
            ("valid", .bool(!diagnostics.hasErrors)),
            ("error_count", .int(diagnostics.errorCount)),
            ("warning_count", .int(diagnostics.warningCount)),
            ("diagnostics", .array(diagnostics.map(value(for:)))),
        ])
    }

    /// One diagnostic as a JSON object.
    public static func value(for diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("severity", .string(diagnostic.severity.rawValue)),
            ("summary", .string(diagnostic.summary)),
            ("detail", .string(diagnostic.detail)),
        ]
        if let file = diagnostic.file, let subject = diagnostic.subject {
            members.append(("range", range(subject, in: file)))
            members.append(("snippet", snippet(subject: subject, context: diagnostic.context, in: file)))
        }
        return .object(members)
    }

    /// The subject's range. An empty range is widened by one byte and one
    /// column, as Terraform does, so consumers always have something to mark.
    static func range(_ subject: SourceRange, in file: SourceFile) -> JSONValue {
        let start = file.position(at: subject.start)
        var end = file.position(at: max(subject.end, subject.start))
        if subject.isEmpty {
            end.byte += 1
            end.column += 1
        }
        return .object([
            ("filename", .string(file.path)),
            ("start", position(start)),
            ("end", position(end)),
        ])
    }

    static func position(_ position: SourcePosition) -> JSONValue {
        .object([
            ("line", .int(position.line)),
            ("column", .int(position.column)),
            ("byte", .int(position.byte)),
        ])
    }

    /// The lines the subject (and its context, if any) touch, joined with
    /// `\n` and without line terminators.
    static func snippet(subject: SourceRange, context: SourceRange?, in file: SourceFile) -> JSONValue {
        let count = file.bytes.count
        let highlightStart = min(Int(subject.start), count)
        var highlightEnd = min(max(Int(subject.end), highlightStart), count)
        if highlightEnd == highlightStart { highlightEnd = highlightStart + 1 }

        var snippetStart = highlightStart
        var snippetEnd = highlightEnd
        if let context {
            snippetStart = min(snippetStart, min(Int(context.start), count))
            snippetEnd = max(snippetEnd, min(Int(context.end), count))
        }
        let firstLine = file.lineIndex(containing: UInt32(snippetStart))
        // A range that ends at a line start still shows that line, as
        // Terraform's snippets do.
        let lastLine = max(firstLine, file.lineIndex(containing: UInt32(min(snippetEnd, count))))

        var code: [UInt8] = []
        for line in firstLine...lastLine {
            if line > firstLine { code.append(0x0A) }
            let (start, end) = contentBounds(ofLine: line, in: file)
            code.append(contentsOf: file.bytes[start..<end])
        }
        let codeStart = Int(file.lineStarts[firstLine])
        let offsetStart = min(max(highlightStart - codeStart, 0), code.count)
        let offsetEnd = min(max(offsetStart + (highlightEnd - highlightStart), 0), code.count)

        return .object([
            ("context", .null),
            ("code", .string(String(decoding: code, as: UTF8.self))),
            ("start_line", .int(firstLine + 1)),
            ("highlight_start_offset", .int(offsetStart)),
            ("highlight_end_offset", .int(offsetEnd)),
            ("values", .array([])),
        ])
    }

    /// Byte bounds of a line's text without its `\n` or `\r\n`.
    static func contentBounds(ofLine line: Int, in file: SourceFile) -> (Int, Int) {
        let start = Int(file.lineStarts[line])
        var end = line + 1 < file.lineStarts.count ? Int(file.lineStarts[line + 1]) : file.bytes.count
        if end > start, file.bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, file.bytes[end - 1] == 0x0D { end -= 1 }
        return (start, end)
    }
}
