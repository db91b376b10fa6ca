/// One header line of a request or a response. Names keep the spelling they were given; lookups
/// elsewhere compare them case-insensitively, as HTTP does.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
