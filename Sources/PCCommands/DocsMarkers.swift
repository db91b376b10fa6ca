/// The part of a document that `pcplan docs` owns: everything between the
/// line `<!-- BEGIN_PCPLAN_DOCS -->` and the line `<!-- END_PCPLAN_DOCS -->`.
///
/// The markers are HTML comments, so they do not show on GitHub, and the
/// rest of the document (the introduction, the usage example) stays the
/// author's. The document is handled as bytes so that text outside the
/// markers is kept exactly, whatever its encoding.
enum DocsMarkers {
    static let begin = "<!-- BEGIN_PCPLAN_DOCS -->"
    static let end = "<!-- END_PCPLAN_DOCS -->"

    enum Problem: Error, Equatable, Sendable {
        /// Neither marker, or only one of them.
        case missing(begin: Bool, end: Bool)
        /// A marker written more than once: which one is meant is unclear.
        case repeated(String)
        /// The end marker comes before the begin marker.
        case reversed

        /// Full sentences for a diagnostic about `path`, ending with the
        /// command to run once it is fixed. Markers and command are on
        /// lines of their own (indented, so they are never wrapped) to be
        /// copied as they are.
        func detail(path: String, fix: String) -> String {
            let markers = "\n\n  \(DocsMarkers.begin)\n  \(DocsMarkers.end)\n\n"
            let then = "then run:\n\n  \(fix)"
            switch self {
            case .missing(let begin, let end):
                let absent = begin && end ? "has neither" : begin ? "has no begin marker" : "has no end marker"
                return "pcplan docs replaces only the text between two marker lines, and \"\(path)\" \(absent). Add these lines where the inputs and outputs tables belong:\(markers)\(then)"
            case .repeated(let marker):
                return "\"\(path)\" has the marker \(marker) more than once, so the part to replace is unclear. Keep exactly one pair of marker lines:\(markers)\(then)"
            case .reversed:
                return "In \"\(path)\" the end marker comes before the begin marker. Put them in this order:\(markers)\(then)"
            }
        }
    }

    /// What goes between the markers for generated `markdown`: the markers
    /// stay on lines of their own.
    static func section(for markdown: String) -> [UInt8] {
        Array(("\n" + markdown).utf8)
    }

    /// The byte range between the end of the begin marker and the start of
    /// the end marker.
    static func sectionRange(in document: [UInt8]) -> Result<Range<Int>, Problem> {
        let begins = occurrences(of: Array(begin.utf8), in: document)
        let ends = occurrences(of: Array(end.utf8), in: document)
        if begins.isEmpty || ends.isEmpty { return .failure(.missing(begin: begins.isEmpty, end: ends.isEmpty)) }
        if begins.count > 1 { return .failure(.repeated(begin)) }
        if ends.count > 1 { return .failure(.repeated(end)) }
        let start = begins[0] + begin.utf8.count
        guard start <= ends[0] else { return .failure(.reversed) }
        return .success(start..<ends[0])
    }

    /// `document` with its section replaced by the one for `markdown`.
    static func replacingSection(in document: [UInt8], with markdown: String) -> Result<[UInt8], Problem> {
        sectionRange(in: document).map { range in
            var result = document
            result.replaceSubrange(range, with: section(for: markdown))
            return result
        }
    }

    /// Whether the section of `document` is exactly the one for `markdown`.
    static func isCurrent(_ document: [UInt8], markdown: String) -> Result<Bool, Problem> {
        sectionRange(in: document).map { document[$0].elementsEqual(section(for: markdown)) }
    }

    /// Where `needle` starts in `haystack`, every time, without overlaps.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
