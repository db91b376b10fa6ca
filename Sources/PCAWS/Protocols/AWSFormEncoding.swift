/// The percent-encodings AWS requests need.
///
/// Form bodies (Query and EC2) are encoded exactly as Python's `quote_plus`
/// does, because moto re-encodes the parsed form that way before hashing it
/// for the signature check (moto.md §4). AWS hashes the raw bytes, so the same
/// encoding is valid there too. Query strings of REST requests use RFC 3986.
public enum AWSFormEncoding {
    /// `name=value` pairs joined by `&`, in the order given.
    public static func encode(_ parameters: [(String, String)]) -> String {
        var output: [UInt8] = []
        for (index, (name, value)) in parameters.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            appendFormEscaped(name, to: &output)
            output.append(UInt8(ascii: "="))
            appendFormEscaped(value, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One form component: space → `+`; `A–Z a–z 0–9 - _ . ~` literal;
    /// every other UTF-8 byte → `%XX` in uppercase hex.
    public static func formEscape(_ text: String) -> String {
        var output: [UInt8] = []
        appendFormEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986: `A–Z a–z 0–9 - _ . ~` literal, everything else (space
    /// included) `%XX` in uppercase hex; for query strings and path segments.
    public static func uriEscape(_ text: String) -> String {
        var output: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                appendPercent(byte, to: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `name=value&…` with both sides RFC 3986-escaped, in the order given.
    public static func queryString(_ parameters: [(String, String)]) -> String {
        parameters.map { uriEscape($0.0) + "=" + uriEscape($0.1) }.joined(separator: "&")
    }

    private static func appendFormEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: " ") {
                output.append(UInt8(ascii: "+"))
            } else {
                appendPercent(byte, to: &output)
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendPercent(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "%"))
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
