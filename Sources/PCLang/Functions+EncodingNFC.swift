extension String {
    /// The string in Unicode Normalization Form C. Terraform keeps every
    /// string in this form, so text decoded from bytes (Base64, JSON, YAML,
    /// CSV, other character sets) is normalized as it is in Terraform:
    /// "e" + U+0301 becomes "é", one character.
    var nfcNormalized: String {
        // ASCII is always in NFC; most strings are, and skip the work.
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return String(decoding: _nfcCodeUnits, as: UTF8.self)
    }
}
