/// A root module output recorded in state.
public struct OutputRecord: Sendable, Hashable, Codable {
    public var name: String
    /// The value as JSON text.
    public var valueJSON: String
    /// The value's type in Terraform's JSON type notation (e.g. `"string"`,
    /// `["list","number"]`), when known.
    public var typeJSON: String?
    public var sensitive: Bool

    public init(name: String, valueJSON: String, typeJSON: String? = nil, sensitive: Bool = false) {
        self.name = name
        self.valueJSON = valueJSON
        self.typeJSON = typeJSON
        self.sensitive = sensitive
    }
}
