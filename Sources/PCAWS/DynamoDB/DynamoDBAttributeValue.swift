import Foundation
import PCLang

/// One item of a DynamoDB table: attribute names to typed values.
public typealias DynamoDBItem = [String: DynamoDBAttributeValue]

/// A typed DynamoDB attribute value, as the service stores it.
///
/// On the wire every value is a one-member object naming its type:
/// `{"S": "text"}`, `{"N": "42"}` (numbers travel as decimal strings so no
/// precision is lost), `{"B": "<base64>"}`, `{"BOOL": true}`,
/// `{"NULL": true}`, `{"M": {…}}`, `{"L": […]}`, `{"SS": […]}`,
/// `{"NS": […]}`, `{"BS": […]}`.
///
/// Sets are Swift sets because DynamoDB keeps no order in them: an item
/// read back may list a set's members in another order than they were
/// written, and must still compare equal.
public enum DynamoDBAttributeValue: Sendable, Hashable {
    case string(String)
    /// A number in DynamoDB's decimal text (`"42"`, `"-1.5E3"`), kept as
    /// text: DynamoDB numbers have 38 significant digits, more than any
    /// Swift number type holds.
    case number(String)
    case binary([UInt8])
    case bool(Bool)
    case null
    case map([String: DynamoDBAttributeValue])
    case list([DynamoDBAttributeValue])
    case stringSet(Set<String>)
    case numberSet(Set<String>)
    case binarySet(Set<[UInt8]>)

    /// An integer as a DynamoDB number.
    public static func number(_ value: Int) -> DynamoDBAttributeValue { .number(String(value)) }

    // MARK: Reading

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The decimal text of a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// A number that is a whole `Int` (`"42"`, not `"4.2"` or a 30-digit one).
    public var intValue: Int? { numberText.flatMap { Int($0) } }

    public var binaryValue: [UInt8]? {
        if case .binary(let bytes) = self { return bytes }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    public var isNull: Bool { self == .null }

    public var mapValue: [String: DynamoDBAttributeValue]? {
        if case .map(let members) = self { return members }
        return nil
    }

    public var listValue: [DynamoDBAttributeValue]? {
        if case .list(let elements) = self { return elements }
        return nil
    }

    /// DynamoDB's name for the value's type (`S`, `N`, `M`, …), as error
    /// messages and the console show it.
    public var typeName: String {
        switch self {
        case .string: "S"
        case .number: "N"
        case .binary: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .map: "M"
        case .list: "L"
        case .stringSet: "SS"
        case .numberSet: "NS"
        case .binarySet: "BS"
        }
    }

    // MARK: The wire format

    /// The value as the service's JSON (`{"S": "text"}`). Set members are
    /// written sorted so the same value always gives the same bytes.
    public var wireValue: Value {
        switch self {
        case .string(let text): .object(["S": .string(text)])
        case .number(let text): .object(["N": .string(text)])
        case .binary(let bytes): .object(["B": .string(Data(bytes).base64EncodedString())])
        case .bool(let flag): .object(["BOOL": .bool(flag)])
        case .null: .object(["NULL": .true])
        case .map(let members): .object(["M": .object(members.mapValues(\.wireValue))])
        case .list(let elements): .object(["L": .tuple(elements.map(\.wireValue))])
        case .stringSet(let members): .object(["SS": .tuple(members.sorted().map(Value.string))])
        case .numberSet(let members): .object(["NS": .tuple(members.sorted().map(Value.string))])
        case .binarySet(let members):
            .object(["BS": .tuple(members.map { Data($0).base64EncodedString() }.sorted().map(Value.string))])
        }
    }

    /// Reads the service's JSON for one value; `path` names where it is,
    /// for the error (`Item.Info`).
    public init(wire: Value, path: String = "value") throws(WireError) {
        guard let members = wire.attributes else {
            throw WireError(path: path, message: "expected an object such as {\"S\": \"…\"}, found \(Self.kind(of: wire))")
        }
        guard members.count == 1, let (type, content) = members.first else {
            throw WireError(
                path: path,
                message: "expected exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS), found "
                    + (members.isEmpty ? "none" : members.keys.sorted().joined(separator: ", ")))
        }
        let inner = "\(path).\(type)"
        switch type {
        case "S": self = .string(try Self.string(content, inner))
        case "N": self = .number(try Self.string(content, inner))
        case "B": self = .binary(try Self.base64(content, inner))
        case "BOOL":
            guard let flag = content.boolValue else { throw WireError(path: inner, message: "expected true or false") }
            self = .bool(flag)
        case "NULL":
            guard content.boolValue == true else { throw WireError(path: inner, message: "expected true") }
            self = .null
        case "M":
            guard let object = content.attributes else { throw WireError(path: inner, message: "expected an object") }
            self = .map(try Self.item(object, path: inner))
        case "L":
            let elements = try Self.array(content, inner)
            var values: [DynamoDBAttributeValue] = []
            values.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                values.append(try DynamoDBAttributeValue(wire: element, path: "\(inner)[\(index)]"))
            }
            self = .list(values)
        case "SS", "NS":
            var members = Set<String>()
            for (index, element) in try Self.array(content, inner).enumerated() {
                members.insert(try Self.string(element, "\(inner)[\(index)]"))
            }
            self = type == "SS" ? .stringSet(members) : .numberSet(members)
        case "BS":
            var members = Set<[UInt8]>()
            for (index, element) in try Self.array(content, inner).enumerated() {
                members.insert(try Self.base64(element, "\(inner)[\(index)]"))
            }
            self = .binarySet(members)
        default:
            throw WireError(path: path, message: "unknown attribute type \"\(type)\"")
        }
    }

    /// An item as the service's JSON (`{"LockID": {"S": "…"}, …}`).
    public static func wireItem(_ item: DynamoDBItem) -> Value {
        .object(item.mapValues(\.wireValue))
    }

    /// Reads an item (`Item`, `Key`, `Attributes` of a reply).
    public static func item(wire: Value, path: String = "Item") throws(WireError) -> DynamoDBItem {
        guard let object = wire.attributes else {
            throw WireError(path: path, message: "expected an object of attributes, found \(kind(of: wire))")
        }
        return try item(object, path: path)
    }

    private static func item(_ object: [String: Value], path: String) throws(WireError) -> DynamoDBItem {
        var item = DynamoDBItem(minimumCapacity: object.count)
        for (name, value) in object {
            item[name] = try DynamoDBAttributeValue(wire: value, path: "\(path).\(name)")
        }
        return item
    }

    /// Why a JSON value is not a DynamoDB attribute value: where, and what
    /// was expected. The offending content is never quoted, since items can
    /// hold state with sensitive values.
    public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String

        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }

        public var description: String { "\(path): \(message)" }
    }

    private static func string(_ value: Value, _ path: String) throws(WireError) -> String {
        guard let text = value.stringValue else {
            throw WireError(path: path, message: "expected a string, found \(kind(of: value))")
        }
        return text
    }

    private static func array(_ value: Value, _ path: String) throws(WireError) -> [Value] {
        guard let elements = value.elements else {
            throw WireError(path: path, message: "expected an array, found \(kind(of: value))")
        }
        return elements
    }

    private static func base64(_ value: Value, _ path: String) throws(WireError) -> [UInt8] {
        guard let data = Data(base64Encoded: try string(value, path)) else {
            throw WireError(path: path, message: "expected base64 text")
        }
        return [UInt8](data)
    }

    private static func kind(of value: Value) -> String {
        switch value.content {
        case .null: "null"
        case .unknown: "an unknown value"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .list, .set, .tuple: "an array"
        case .map, .object: "an object"
        }
    }
}

extension DynamoDBAttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
