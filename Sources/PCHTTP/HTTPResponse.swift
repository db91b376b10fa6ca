/// The final response of an exchange; interim responses (`100 Continue`) are not kept.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// In the order received, names as the server spelled them.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
