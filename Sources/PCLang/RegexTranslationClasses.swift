/// Escapes and character classes of RE2 syntax, read as Go reads them:
/// `\d \s \w` and `[:alpha:]` are ASCII, `\pL` and `\p{Greek}` are Unicode
/// categories and scripts (Go's names only), `\x{…}`, octal and the C
/// escapes are literals, and an escaped ASCII punctuation mark is itself.
extension RegexTranslationParser {
    typealias SyntaxError = RegexTranslation.SyntaxError

    /// An escape outside a class; `\Q…\E` gives one item per character.
    mutating func parseEscapeItem() throws(SyntaxError) -> [Item] {
        switch peek(1) {
        case "A":
            position += 2
            return [Item(text: "\\A", isAtom: false, repeatProduct: 0)]
        case "z":
            position += 2
            return [Item(text: "\\z", isAtom: false, repeatProduct: 0)]
        case "b":
            position += 2
            return [Item(text: "(?:(?<=\(Self.word))(?!\(Self.word))|(?<!\(Self.word))(?=\(Self.word)))", isAtom: false, repeatProduct: 0)]
        case "B":
            position += 2
            return [Item(text: "(?:(?<=\(Self.word))(?=\(Self.word))|(?<!\(Self.word))(?!\(Self.word)))", isAtom: false, repeatProduct: 0)]
        case "C":
            throw SyntaxError(code: "invalid escape sequence", expression: text(position..<(position + 2)))
        case "Q":
            position += 2
            var items: [Item] = []
            while let scalar = peek() {
                if scalar == "\\", peek(1) == "E" {
                    position += 2
                    break
                }
                items.append(literal(scalar))
                position += 1
            }
            return items
        case "p", "P":
            let (body, negated) = try parseUnicodeClass()
            return [classItem("[" + (negated ? "^" : "") + body + "]")]
        default:
            if let (body, negated) = parsePerlClass() {
                return [classItem("[" + (negated ? "^" : "") + body + "]")]
            }
            return [literal(code: try parseEscape())]
        }
    }

    /// ASCII word characters, for `\w` and `\b`.
    static let word = "[0-9A-Za-z\\x{5f}]"

    func classItem(_ text: String) -> Item {
        Item(text: flags.foldCase ? "(?i:" + text + ")" : text, isAtom: true, repeatProduct: 0)
    }

    /// A single-character escape (Go's `parseEscape`), as a code point.
    mutating func parseEscape() throws(SyntaxError) -> UInt32 {
        let start = position
        position += 1
        guard let first = peek() else {
            throw SyntaxError(code: "trailing backslash at end of expression", expression: "")
        }
        position += 1
        func octal(_ scalar: Unicode.Scalar?) -> UInt32? {
            guard let value = scalar?.value, value &- 0x30 < 8 else { return nil }
            return value - 0x30
        }
        func hex(_ scalar: Unicode.Scalar?) -> UInt32? {
            guard let value = scalar?.value else { return nil }
            if value &- 0x30 < 10 { return value - 0x30 }
            if (value | 0x20) &- 0x61 < 6 { return (value | 0x20) - 0x61 + 10 }
            return nil
        }
        switch first {
        case "0"..."7":
            // A lone 1–7 would be a backreference, which RE2 does not have.
            if first != "0", octal(peek()) == nil { break }
            var value = first.value - 0x30
            for _ in 0..<2 {
                guard let digit = octal(peek()) else { break }
                value = value * 8 + digit
                position += 1
            }
            return value
        case "x":
            guard let next = peek() else { break }
            position += 1
            if next == "{" {
                var value: UInt32 = 0
                var count = 0
                while true {
                    guard let scalar = peek() else { throw invalidEscape(start) }
                    position += 1
                    if scalar == "}" { break }
                    guard let digit = hex(scalar) else { throw invalidEscape(start) }
                    value = value * 16 + digit
                    guard value <= 0x10FFFF else { throw invalidEscape(start) }
                    count += 1
                }
                guard count > 0 else { break }
                return value
            }
            let second = peek()
            if second != nil { position += 1 }
            guard let high = hex(next), let low = hex(second) else { break }
            return high * 16 + low
        case "a": return 7
        case "f": return 12
        case "n": return 10
        case "r": return 13
        case "t": return 9
        case "v": return 11
        default:
            let value = first.value
            if value < 0x80, !(value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26) { return value }
        }
        throw invalidEscape(start)
    }

    private func invalidEscape(_ start: Int) -> SyntaxError {
        SyntaxError(code: "invalid escape sequence", expression: text(start..<position))
    }

    /// `\d \D \s \S \w \W`: the class body and whether it is negated.
    mutating func parsePerlClass() -> (String, Bool)? {
        guard peek() == "\\", let letter = peek(1) else { return nil }
        let body: String
        switch letter {
        case "d", "D": body = "0-9"
        case "s", "S": body = "\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}"
        case "w", "W": body = "0-9A-Za-z\\x{5f}"
        default: return nil
        }
        position += 2
        return (body, letter.properties.isUppercase)
    }

    /// `\pL`, `\p{Name}`, `\PL`, `\p{^Name}`: the class body (for use inside
    /// `[…]`) and whether it is negated.
    mutating func parseUnicodeClass() throws(SyntaxError) -> (String, Bool) {
        let start = position
        var negated = peek(1) == "P"
        position += 2
        var name: String
        guard let next = peek() else {
            throw SyntaxError(code: "invalid character class range", expression: text(start..<position))
        }
        if next == "{" {
            guard let close = source[position...].firstIndex(of: "}") else {
                throw SyntaxError(code: "invalid character class range", expression: text(start..<source.count))
            }
            name = text((position + 1)..<close)
            position = close + 1
        } else {
            name = String(Character(next))
            position += 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let body = Self.unicodeClassBody(name) else {
            throw SyntaxError(code: "invalid character class range", expression: text(start..<position))
        }
        return (body, negated)
    }

    static func unicodeClassBody(_ name: String) -> String? {
        if name == "Any" { return "\\x{0}-\\x{10ffff}" }
        // Go's C has no unassigned code points; ICU's does.
        if name == "C" { return "\\p{gc=Cc}\\p{gc=Cf}\\p{gc=Co}\\p{gc=Cs}" }
        if categories.contains(name) { return "\\p{gc=\(name)}" }
        if scripts.contains(name) { return "\\p{sc=\(name)}" }
        return nil
    }

    /// A bracketed class, Go's `parseClass`.
    mutating func parseClass() throws(SyntaxError) -> Item {
        let start = position
        position += 1
        var negated = false
        if peek() == "^" {
            negated = true
            position += 1
        }
        var parts = ""
        var first = true
        while first || peek() != "]" {
            first = false
            if peek() == "[", peek(1) == ":", source.count - position > 2,
               let close = (position + 2..<source.count).first(where: { source[$0] == ":" && $0 + 1 < source.count && source[$0 + 1] == "]" }) {
                let name = text(position..<(close + 2))
                guard let body = Self.posixClasses[name] else {
                    throw SyntaxError(code: "invalid character class range", expression: name)
                }
                parts += body
                position = close + 2
                continue
            }
            if peek() == "\\", peek(1) == "p" || peek(1) == "P" {
                let (body, negatedPart) = try parseUnicodeClass()
                parts += negatedPart ? "[^" + body + "]" : body
                continue
            }
            if let (body, negatedPart) = parsePerlClass() {
                parts += negatedPart ? "[^" + body + "]" : body
                continue
            }
            let rangeStart = position
            let low = try parseClassCharacter(classStart: start)
            var high = low
            if source.count - position >= 2, peek() == "-", peek(1) != "]" {
                position += 1
                high = try parseClassCharacter(classStart: start)
                guard high >= low else {
                    throw SyntaxError(code: "invalid character class range", expression: text(rangeStart..<position))
                }
            }
            parts += low == high ? Self.escaped(low) : Self.escaped(low) + "-" + Self.escaped(high)
        }
        position += 1
        if negated, flags.foldCase {
            // Go folds the class first and then negates it.
            return Item(text: "(?:(?!(?i:[" + parts + "]))[\\x{0}-\\x{10ffff}])", isAtom: true, repeatProduct: 0)
        }
        return classItem("[" + (negated ? "^" : "") + parts + "]")
    }

    private mutating func parseClassCharacter(classStart: Int) throws(SyntaxError) -> UInt32 {
        guard let scalar = peek() else {
            throw SyntaxError(code: "missing closing ]", expression: text(classStart..<source.count))
        }
        if scalar == "\\" { return try parseEscape() }
        position += 1
        return scalar.value
    }

    static let posixClasses: [String: String] = {
        let bodies: [(String, String)] = [
            ("alnum", "0-9A-Za-z"), ("alpha", "A-Za-z"), ("ascii", "\\x{0}-\\x{7f}"), ("blank", "\\x{9}\\x{20}"),
            ("cntrl", "\\x{0}-\\x{1f}\\x{7f}"), ("digit", "0-9"), ("graph", "\\x{21}-\\x{7e}"), ("lower", "a-z"),
            ("print", "\\x{20}-\\x{7e}"), ("punct", "\\x{21}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{60}\\x{7b}-\\x{7e}"),
            ("space", "\\x{9}-\\x{d}\\x{20}"), ("upper", "A-Z"), ("word", "0-9A-Za-z\\x{5f}"), ("xdigit", "0-9A-Fa-f"),
        ]
        var table: [String: String] = [:]
        for (name, body) in bodies {
            table["[:\(name):]"] = body
            table["[:^\(name):]"] = "[^" + body + "]"
        }
        return table
    }()

    /// Go's `unicode.Categories` keys (Go 1.23, Unicode 15).
    static let categories: Set<String> = [
        "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ]

    /// Go's `unicode.Scripts` keys (Go 1.23, Unicode 15).
    static let scripts: Set<String> = [
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum", "Bassa_Vah",
        "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid", "Canadian_Aboriginal",
        "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform",
        "Cypriot", "Cypro_Minoan", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan",
        "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian", "Glagolitic", "Gothic", "Grantha", "Greek",
        "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew",
        "Hiragana", "Imperial_Aramaic", "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese",
        "Kaithi", "Kannada", "Katakana", "Kawi", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer", "Khojki",
        "Khudawadi", "Lao", "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian", "Mahajani",
        "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek",
        "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani",
        "Myanmar", "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu",
        "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic", "Old_North_Arabian", "Old_Permic",
        "Old_Persian", "Old_Sogdian", "Old_South_Arabian", "Old_Turkic", "Old_Uyghur", "Oriya", "Osage", "Osmanya",
        "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic",
        "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian", "Sora_Sompeng",
        "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac", "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet",
        "Takri", "Tamil", "Tangsa", "Tangut", "Telugu", "Thaana", "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Toto",
        "Ugaritic", "Vai", "Vithkuqi", "Wancho", "Warang_Citi", "Yezidi", "Yi", "Zanabazar_Square",
    ]
}
