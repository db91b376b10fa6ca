/// Strict UTF-8 decoding of one scalar at a byte offset, shared by the lexer
/// (which must reject malformed input) and the diagnostic renderer (which
/// shows it as U+FFFD).
public enum UTF8Scalar {
    /// The scalar starting at `index` and its length in bytes, or nil when
    /// the bytes there are not well-formed UTF-8 (overlong forms, surrogates
    /// and values past U+10FFFF included).
    @inlinable
    public static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> (Unicode.Scalar, Int)?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
