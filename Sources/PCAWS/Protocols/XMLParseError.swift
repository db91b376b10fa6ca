/// Why a reply could not be read as XML, with where in it.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset of the problem.
    public var offset: Int
    /// 1-based line and column (in bytes) of the problem.
    public var line: Int
    public var column: Int

    public init(_ message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "XML on line \(line), column \(column): \(message)" }
}
