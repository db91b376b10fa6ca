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
