/// A parsed XML element: what the Query and EC2 protocols reply with.
///
/// Names are local names (`ec2:vpcSet` is `vpcSet`, `xmlns` declarations
/// are dropped): AWS puts every reply in one namespace, so prefixes carry
/// nothing worth keeping. `text` is the character data directly inside the
/// element (entities decoded, CDATA included), exactly as written, so leaf
/// values keep their spaces; between child elements it is mostly layout.
public struct XMLValue: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLValue]
    public var text: String

    public init(name: String, attributes: [String: String] = [:], children: [XMLValue] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Parses a whole document and returns its root element.
    public static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLValue {
        var reader = XMLReader(bytes: bytes)
        return try reader.readDocument()
    }

    public static func parse(_ text: String) throws(XMLParseError) -> XMLValue {
        try parse(Array(text.utf8))
    }

    /// The first child with that local name.
    public func child(_ name: String) -> XMLValue? {
        children.first { $0.name == name }
    }

    /// Every child with that local name, in document order.
    public func children(_ name: String) -> [XMLValue] {
        children.filter { $0.name == name }
    }

    /// The element reached by following first children with these names:
    /// `reply["DescribeVpcsResult", "vpcSet"]`. No names: the element itself.
    public subscript(path: String...) -> XMLValue? {
        descendant(path)
    }

    /// The text of the element at `path`; nil when there is no such element.
    public func string(_ path: String...) -> String? {
        descendant(path)?.text
    }

    /// The entries of the list element at `path`: its `member` children
    /// (Query) or `item` children (EC2). Empty when the list is absent, as
    /// AWS omits empty lists.
    public func list(_ path: String...) -> [XMLValue] {
        guard let list = descendant(path) else { return [] }
        return list.children.filter { $0.name == "member" || $0.name == "item" }
    }

    /// `descendant(["A", "B"])`, for callers holding a path as an array.
    public func descendant(_ path: [String]) -> XMLValue? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// The first element named `name` anywhere below this one, depth first
    /// in document order; the element itself counts. Walks with an explicit
    /// stack so a deep tree cannot exhaust the call stack.
    public func firstDescendant(named name: String) -> XMLValue? {
        var stack: [XMLValue] = [self]
        while let element = stack.popLast() {
            if element.name == name { return element }
            stack.append(contentsOf: element.children.reversed())
        }
        return nil
    }
}
