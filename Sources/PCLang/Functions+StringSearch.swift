/// Substring search on UTF-8 bytes, as Go's `strings` functions search:
/// a needle matches wherever its bytes appear, with no regard for
/// characters (`"\r\n"` contains `"\n"`) or canonical equivalence.
enum UTF8Search {
    /// Results larger than this are refused instead of exhausting memory
    /// (`replace` and `indent` multiply their input).
    static let maximumResultBytes = 256 << 20

    /// The first byte offset at or after `start` where `needle` occurs.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        let lastStart = haystack.count - needle.count
        guard start <= lastStart else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                var position = start
                while position <= lastStart {
                    if hay[position] == first {
                        var matched = 1
                        while matched < pattern.count, hay[position + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return position }
                    }
                    position += 1
                }
                return nil
            }
        }
    }

    /// Go's `strings.Split`: an empty separator splits between code points
    /// (and gives no pieces for an empty string).
    static func split(_ string: String, separator: String) -> [String] {
        if separator.isEmpty { return string.unicodeScalars.map { String($0) } }
        let bytes = Array(string.utf8)
        let needle = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        while let found = firstOffset(of: needle, in: bytes, from: start) {
            pieces.append(String(decoding: bytes[start..<found], as: UTF8.self))
            start = found + needle.count
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// Go's `strings.Replace(…, -1)`: every occurrence; an empty `old`
    /// matches before every code point and at the end.
    static func replacingAll(_ string: String, _ old: String, with new: String) throws(FunctionError) -> String {
        let replacement = Array(new.utf8)
        if old.isEmpty {
            let slots = string.unicodeScalars.count + 1
            try checkSize(string.utf8.count, plus: slots, times: replacement.count)
            var output: [UInt8] = replacement
            for scalar in string.unicodeScalars {
                output += String(scalar).utf8
                output += replacement
            }
            return String(decoding: output, as: UTF8.self)
        }
        let bytes = Array(string.utf8)
        let needle = Array(old.utf8)
        var matches: [Int] = []
        var start = 0
        while let found = firstOffset(of: needle, in: bytes, from: start) {
            matches.append(found)
            start = found + needle.count
        }
        guard !matches.isEmpty else { return string }
        try checkSize(bytes.count, plus: matches.count, times: replacement.count)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + matches.count * replacement.count)
        var copied = 0
        for found in matches {
            output += bytes[copied..<found]
            output += replacement
            copied = found + needle.count
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    static func checkSize(_ base: Int, plus count: Int, times size: Int) throws(FunctionError) {
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, base + product <= maximumResultBytes else {
            throw FunctionError("the result would be larger than \(maximumResultBytes) bytes.")
        }
    }
}
