/// The bytes of one configuration file and the table that turns byte
/// offsets into lines and columns.
///
/// Every later stage refers to source text by `UInt32` byte offsets into
/// `bytes`; lines and columns are computed only when a position is shown to
/// a person, from `lineStarts`.
public final class SourceFile: Sendable {
    /// The path as the user gave it (relative paths stay relative), used in
    /// diagnostics and JSON output.
    public let path: String
    /// The file's contents exactly as read, BOM included.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [UInt32]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = SourceFile.computeLineStarts(bytes)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The largest file the front end accepts: offsets are `UInt32`.
    public static let maximumSize = Int(UInt32.max) - 1

    private static func computeLineStarts(_ bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                if buffer[index] == 0x0A {
                    starts.append(UInt32(truncatingIfNeeded: index + 1))
                }
                index += 1
            }
        }
        return starts
    }

    /// The zero-based line index that contains `offset`.
    public func lineIndex(containing offset: UInt32) -> Int {
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset {
                low = mid
            } else {
                high = mid - 1
            }
        }
        return low
    }

    /// Line (1-based), column (1-based, in characters as a person counts
    /// them) and byte offset of `offset`.
    public func position(at offset: UInt32) -> SourcePosition {
        let clamped = min(Int(offset), bytes.count)
        let line = lineIndex(containing: UInt32(clamped))
        let lineStart = Int(lineStarts[line])
        let column = SourceFile.columnCount(bytes[lineStart..<clamped]) + 1
        return SourcePosition(line: line + 1, column: column, byte: clamped)
    }

    /// The text of the line with zero-based index `index`, without its line
    /// terminator.
    public func lineText(at index: Int) -> Substring {
        guard index >= 0, index < lineStarts.count else { return "" }
        let start = Int(lineStarts[index])
        var end = index + 1 < lineStarts.count ? Int(lineStarts[index + 1]) : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// Counts characters (grapheme clusters) in a byte slice, with a fast
    /// path for ASCII, which is nearly all configuration text.
    static func columnCount(_ slice: ArraySlice<UInt8>) -> Int {
        var ascii = true
        for byte in slice where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return slice.count }
        return String(decoding: slice, as: UTF8.self).count
    }

    /// The text covered by `range`, decoded as UTF-8 (invalid bytes become
    /// U+FFFD).
    public func text(in range: SourceRange) -> String {
        let start = min(Int(range.start), bytes.count)
        let end = min(max(Int(range.end), start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A position shown to people: 1-based line and column, 0-based byte.
public struct SourcePosition: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var byte: Int

    public init(line: Int, column: Int, byte: Int) {
        self.line = line
        self.column = column
        self.byte = byte
    }
}
