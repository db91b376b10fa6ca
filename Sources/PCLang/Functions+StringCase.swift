/// Case mapping and white space as Go's `strings` package has them, which
/// is what `upper`, `lower`, `title` and `trimspace` do in Terraform: one
/// code point at a time, with Unicode's *simple* mappings (`upper("ß")` is
/// `ß`, not `SS`; `lower("ΣΑΣ")` is `σασ`, with no final-sigma rule).
enum StringCaseMapping {
    static func upper(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: string.utf8.map { $0 &- UInt8(ascii: "a") < 26 ? $0 - 32 : $0 }, as: UTF8.self)
        }
        return mapScalars(string, upper)
    }

    static func lower(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: string.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return mapScalars(string, lower)
    }

    /// Go's `strings.Title`: the first letter after each separator (white
    /// space, or ASCII that is not a letter, digit or underscore) becomes
    /// title case.
    static func title(_ string: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in string.unicodeScalars {
            result.append(isSeparator(previous) ? title(scalar) : scalar)
            previous = scalar
        }
        return String(result)
    }

    private static func mapScalars(_ string: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars { result.append(transform(scalar)) }
        return String(result)
    }

    /// Swift offers the full mappings; a full mapping of one code point is
    /// the simple mapping. Where the full one is longer, the simple one is
    /// the title-case form when that is a single code point (`ᾳ` → `ᾼ`),
    /// and otherwise nothing.
    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value &- 0x61 < 26 ? Unicode.Scalar(UInt8(scalar.value - 32)) : scalar
        }
        let properties = scalar.properties
        if let single = only(properties.uppercaseMapping) { return single }
        return only(properties.titlecaseMapping) ?? scalar
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value &- 0x41 < 26 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }
        // The one code point whose full lowercase mapping is longer.
        if scalar == "\u{130}" { return "i" }
        return only(scalar.properties.lowercaseMapping) ?? scalar
    }

    static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 { return upper(scalar) }
        let properties = scalar.properties
        if let single = only(properties.titlecaseMapping) { return single }
        return only(properties.uppercaseMapping) ?? scalar
    }

    private static func only(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            let isWord = byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
            return !isWord
        }
        let properties = scalar.properties
        if properties.generalCategory == .decimalNumber || isLetter(properties.generalCategory) { return false }
        return properties.isWhitespace
    }

    private static func isLetter(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// Go's `unicode.IsSpace`: the Unicode White_Space property.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// `string` without white space at either end.
    static func trimmingSpace(_ string: String) -> String {
        trimming(string) { isSpace($0) }
    }

    /// `string` without the code points `shouldTrim` picks at either end.
    static func trimming(_ string: String, where shouldTrim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !shouldTrim($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !shouldTrim($0) })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return string }
        return String(scalars[first...last])
    }
}
