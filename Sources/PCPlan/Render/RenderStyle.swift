import PCLang

/// How rendered text is decorated: ANSI colours for a terminal, or diff
/// markers that the markdown renderer moves to the first column.
///
/// Colour follows Terraform's colour strings (`[bold]`, `[red]`, …): a
/// template's tags become escape sequences and, when any tag was present, a
/// reset is appended at its end, so coloured output matches Terraform's byte
/// for byte. Only constant templates and addresses go through `paint`;
/// values never do, so a value can never inject a colour.
struct RenderStyle: Sendable {
    /// ANSI colour escapes on.
    var color: Bool
    /// Action symbols are written as sentinels (see `MarkerLines`) rather
    /// than text, so each line's action can be recovered afterwards.
    var markers: Bool

    static let plain = RenderStyle(color: false, markers: false)

    private static let codes: [(name: [UInt8], code: [UInt8])] = [
        ("reset", "0"), ("bold", "1"), ("red", "31"), ("green", "32"), ("yellow", "33"), ("cyan", "36"),
        ("dark_gray", "90"),
    ].map { (Array($0.0.utf8), Array("\u{1B}[\($0.1)m".utf8)) }

    /// The template with its colour tags replaced (or removed without colour).
    func paint(_ template: String) -> String {
        guard template.utf8.contains(UInt8(ascii: "[")) else { return template }
        let bytes = Array(template.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var painted = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "["), let close = bytes[(index + 1)...].prefix(12).firstIndex(of: UInt8(ascii: "]")),
                let code = Self.codes.first(where: { $0.name.elementsEqual(bytes[(index + 1)..<close]) })?.code
            {
                painted = true
                if color { result.append(contentsOf: code) }
                index = close + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        if painted && color { result.append(contentsOf: Self.reset) }
        return String(decoding: result, as: UTF8.self)
    }

    private static let reset = Array("\u{1B}[0m".utf8)

    private static let allActions: [ChangeAction] = [
        .noop, .create, .read, .update, .delete, .deleteThenCreate, .createThenDelete,
    ]
    private static let paintedSymbols = allActions.map { RenderStyle(color: true, markers: false).paint(symbolTemplate($0)) }
    private static let plainSymbols = allActions.map { RenderStyle(color: false, markers: false).paint(symbolTemplate($0)) }

    private static func slot(_ action: ChangeAction) -> Int {
        switch action {
        case .noop: 0
        case .create: 1
        case .read: 2
        case .update: 3
        case .delete: 4
        case .deleteThenCreate: 5
        case .createThenDelete: 6
        }
    }

    /// Terraform's three-column action symbol, painted.
    func symbol(_ action: ChangeAction) -> String {
        color ? Self.paintedSymbols[Self.slot(action)] : Self.plainSymbols[Self.slot(action)]
    }

    /// `text` in dark grey, as `paint("[dark_gray]text[reset]")` writes it.
    func dim(_ text: String) -> String {
        color ? "\u{1B}[90m" + text + "\u{1B}[0m\u{1B}[0m" : text
    }

    static func symbolTemplate(_ action: ChangeAction) -> String {
        switch action {
        case .deleteThenCreate: "[red]-[reset]/[green]+[reset]"
        case .createThenDelete: "[green]+[reset]/[red]-[reset]"
        case .create: "  [green]+[reset]"
        case .delete: "  [red]-[reset]"
        case .read: " [cyan]<=[reset]"
        case .update: "  [yellow]~[reset]"
        case .noop: "   "
        }
    }

    /// The symbol and its trailing space, four columns wide, that starts
    /// every line of a nested diff.
    func lineSymbol(_ action: ChangeAction) -> String {
        if markers { return MarkerLines.sentinel(action) }
        return color ? Self.paintedLineSymbols[Self.slot(action)] : Self.plainLineSymbols[Self.slot(action)]
    }

    private static let paintedLineSymbols = paintedSymbols.map { $0 + " " }
    private static let plainLineSymbols = plainSymbols.map { $0 + " " }

    /// User text placed in the output verbatim (heredoc lines): with markers
    /// on, the private-use sentinels are replaced so text cannot forge one.
    func verbatim(_ text: String) -> String {
        markers ? MarkerLines.sanitize(text) : text
    }
}

/// Text helpers shared by the renderers.
enum RenderText {
    /// A string literal as Go's `%q` writes it, which is how Terraform
    /// shows strings: printable characters as they are, the rest escaped.
    static func quoted(_ string: String) -> String {
        var result = "\""
        result.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{0B}": result += "\\v"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        result += "\""
        return result
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.value < 0x20 || scalar.value == 0x7F { return false }
        if scalar.isASCII { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Whether `name` is an HCL identifier, printed bare as an attribute
    /// name; anything else is quoted.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        guard first.properties.isIDStart || first == "_" else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { $0.properties.isIDContinue || $0 == "-" }
    }

    /// An attribute name as Terraform prints it: bare when it is an
    /// identifier, quoted otherwise.
    static func attributeName(_ name: String) -> String {
        isIdentifier(name) ? name : quoted(name)
    }

    static func indent(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: " ", count: 4 * level)
    }

    private static let indents = (0..<24).map { String(repeating: " ", count: 4 * $0) }

    /// The width of `name` as Go's `%-*s` counts it: in code points.
    static func width(_ name: String) -> Int {
        name.utf8.count == name.unicodeScalars.count ? name.utf8.count : name.unicodeScalars.count
    }

    /// `name` padded with spaces to `width` code points, as Go's `%-*s`.
    /// (Terraform measures the widest name in bytes but pads in code points,
    /// so non-ASCII names align as they do there.)
    static func padded(_ name: String, to width: Int) -> String {
        let count = self.width(name)
        return count >= width ? name : name + String(repeating: " ", count: width - count)
    }

    /// Greedy word wrap at `width - 1` columns, as Terraform wraps its
    /// sentences; lines that start with a space are left alone.
    static func wordWrap(_ text: String, width: Int) -> String {
        guard width > 1 else { return text }
        let limit = width - 1
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.count <= limit {
                output.append(String(line))
                continue
            }
            var current = ""
            var currentCount = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let wordCount = word.count
                if currentCount > 0 && currentCount + 1 + wordCount > limit {
                    output.append(current)
                    current = String(word)
                    currentCount = wordCount
                } else if currentCount == 0 && current.isEmpty {
                    current = String(word)
                    currentCount = wordCount
                } else {
                    current += " " + word
                    currentCount += 1 + wordCount
                }
            }
            output.append(current)
        }
        return output.joined(separator: "\n")
    }
}
