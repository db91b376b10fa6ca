/// A half-open range of bytes, `start..<end`, within one `SourceFile`.
///
/// Syntax nodes store only this (8 bytes); the file they belong to is known
/// from the tree that holds them, and lines and columns are computed from the
/// file when needed.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: UInt32
    public var end: UInt32

    @inlinable
    public init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    @inlinable
    public init(_ start: Int, _ end: Int) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    /// An empty range at `offset`, for something missing at that point.
    @inlinable
    public static func empty(at offset: UInt32) -> SourceRange {
        SourceRange(start: offset, end: offset)
    }

    @inlinable
    public var length: UInt32 { end &- start }

    @inlinable
    public var isEmpty: Bool { end <= start }

    /// The smallest range covering both.
    @inlinable
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    @inlinable
    public func contains(_ offset: UInt32) -> Bool {
        offset >= start && offset < end
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A range together with the file it is in: what a diagnostic points at.
/// (Not named SourceLocation, which Swift Testing already uses.)
public struct SourceSpan: Sendable {
    public var file: SourceFile
    public var range: SourceRange

    public init(file: SourceFile, range: SourceRange) {
        self.file = file
        self.range = range
    }

    public var start: SourcePosition { file.position(at: range.start) }
    public var end: SourcePosition { file.position(at: range.end) }
}
