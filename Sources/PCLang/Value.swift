/// A value of the configuration language.
///
/// Any value, at any depth, may be *unknown* (its content is decided only
/// when the plan is applied: "known after apply") or marked *sensitive*
/// (never shown in plans, logs or errors). Operators and functions carry
/// both marks from their inputs to their results.
///
/// Maps, objects and sets keep a canonical order so two equal values are
/// `==` and print the same: attribute names sort by their UTF-8 bytes, as
/// Terraform sorts them, and set elements by `Value.canonicalOrder`.
public struct Value: Sendable, Hashable {
    public indirect enum Content: Sendable, Hashable {
        case null(ValueType)
        case unknown(ValueType)
        case bool(Bool)
        case number(Number)
        case string(String)
        case list([Value], element: ValueType)
        /// Elements are unique and sorted by `Value.canonicalOrder`.
        case set([Value], element: ValueType)
        case map([String: Value], element: ValueType)
        case tuple([Value])
        case object([String: Value])
    }

    public var content: Content {
        didSet { flags = Value.flags(of: content, ownSensitive: flags & Value.ownSensitiveFlag != 0) }
    }

    /// The sensitive mark of this value itself; elements and attributes
    /// carry their own.
    public var isSensitive: Bool {
        get { flags & Value.ownSensitiveFlag != 0 }
        set { flags = Value.flags(of: content, ownSensitive: newValue) }
    }

    /// Facts about the whole value, kept up to date as it is built so that
    /// asking "is anything inside sensitive or unknown?" costs nothing: the
    /// planner asks for every attribute of every instance.
    private var flags: UInt8

    private static let ownSensitiveFlag: UInt8 = 1
    private static let containsSensitiveFlag: UInt8 = 2
    private static let containsUnknownFlag: UInt8 = 4

    public init(_ content: Content, sensitive: Bool = false) {
        self.content = content
        self.flags = Value.flags(of: content, ownSensitive: sensitive)
    }

    private static func flags(of content: Content, ownSensitive: Bool) -> UInt8 {
        var flags: UInt8 = ownSensitive ? ownSensitiveFlag | containsSensitiveFlag : 0
        switch content {
        case .unknown:
            flags |= containsUnknownFlag
        case .null, .bool, .number, .string:
            break
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            for element in elements { flags |= element.flags & (containsSensitiveFlag | containsUnknownFlag) }
        case .map(let attributes, _), .object(let attributes):
            for element in attributes.values { flags |= element.flags & (containsSensitiveFlag | containsUnknownFlag) }
        }
        return flags
    }

    // MARK: Constructors

    public static let null = Value(.null(.dynamic))
    public static let unknown = Value(.unknown(.dynamic))
    public static let `true` = Value(.bool(true))
    public static let `false` = Value(.bool(false))
    public static let emptyString = Value(.string(""))
    public static let emptyObject = Value(.object([:]))
    public static let emptyTuple = Value(.tuple([]))

    public static func null(_ type: ValueType) -> Value { Value(.null(type)) }
    public static func unknown(_ type: ValueType) -> Value { Value(.unknown(type)) }
    public static func bool(_ value: Bool) -> Value { Value(.bool(value)) }
    public static func number(_ value: Number) -> Value { Value(.number(value)) }
    public static func number(_ value: Int) -> Value { Value(.number(Number(value))) }
    public static func string(_ value: String) -> Value { Value(.string(value)) }
    public static func tuple(_ elements: [Value]) -> Value { Value(.tuple(elements)) }
    public static func object(_ attributes: [String: Value]) -> Value { Value(.object(attributes)) }

    public static func list(_ elements: [Value], element: ValueType) -> Value {
        Value(.list(elements, element: element))
    }

    public static func map(_ elements: [String: Value], element: ValueType) -> Value {
        Value(.map(elements, element: element))
    }

    /// A set of `elements`, deduplicated and put in canonical order.
    public static func set(_ elements: [Value], element: ValueType) -> Value {
        Value(.set(Value.canonicalSetElements(elements), element: element))
    }

    /// A list of strings, the commonest collection in configurations.
    public static func list(strings: [String]) -> Value {
        .list(strings.map(Value.string), element: .string)
    }

    // MARK: Inspection

    /// The value's type. For objects and tuples it is built from the
    /// attributes' types, so prefer checking `content` in hot paths.
    public var type: ValueType {
        switch content {
        case .null(let type), .unknown(let type): type
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .list(_, let element): .list(element)
        case .set(_, let element): .set(element)
        case .map(_, let element): .map(element)
        case .tuple(let elements): .tuple(elements.map(\.type))
        case .object(let attributes): .object(attributes.mapValues(\.type))
        }
    }

    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// Whether this value itself is known; its elements may still not be.
    public var isKnown: Bool {
        if case .unknown = content { return false }
        return true
    }

    /// Whether this value and everything inside it is known.
    public var isWhollyKnown: Bool { flags & Value.containsUnknownFlag == 0 }

    /// Whether this value or anything inside it is marked sensitive.
    public var containsSensitive: Bool { flags & Value.containsSensitiveFlag != 0 }

    public var stringValue: String? {
        if case .string(let string) = content { return string }
        return nil
    }

    public var numberValue: Number? {
        if case .number(let number) = content { return number }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let bool) = content { return bool }
        return nil
    }

    /// The elements of a list, set or tuple, in order.
    public var elements: [Value]? {
        switch content {
        case .list(let elements, _), .set(let elements, _), .tuple(let elements): elements
        default: nil
        }
    }

    /// The attributes of a map or object.
    public var attributes: [String: Value]? {
        switch content {
        case .map(let attributes, _), .object(let attributes): attributes
        default: nil
        }
    }

    /// The number of elements or attributes of a collection or structure.
    public var count: Int? {
        switch content {
        case .list(let elements, _), .set(let elements, _), .tuple(let elements): elements.count
        case .map(let attributes, _), .object(let attributes): attributes.count
        default: nil
        }
    }

    // MARK: Marks

    /// This value with its own sensitive mark set (when `sensitive` is
    /// true; a mark is never removed this way).
    public func marked(sensitive: Bool = true) -> Value {
        guard sensitive, !isSensitive else { return self }
        var copy = self
        copy.isSensitive = true
        return copy
    }

    /// The value with every sensitive mark removed, at every depth, and the
    /// paths where marks were, so they can be put back or recorded.
    public func unmarkedDeep() -> (value: Value, sensitivePaths: [ValuePath]) {
        guard containsSensitive else { return (self, []) }
        var paths: [ValuePath] = []
        var prefix = ValuePath()
        let value = unmarked(prefix: &prefix, paths: &paths)
        return (value, paths)
    }

    /// The value with every sensitive mark removed, at every depth.
    public var unmarkedDeepValue: Value {
        containsSensitive ? unmarkedDeep().value : self
    }

    /// Removes the marks, and if there were any anywhere, marks the whole
    /// result: how a function that knows nothing of marks must treat them.
    public func unmarkedDeepCollapsing() -> (value: Value, wasSensitive: Bool) {
        guard containsSensitive else { return (self, false) }
        return (unmarkedDeep().value, true)
    }

    private func unmarked(prefix: inout ValuePath, paths: inout [ValuePath]) -> Value {
        if isSensitive { paths.append(prefix) }
        switch content {
        case .null, .unknown, .bool, .number, .string:
            return Value(content)
        case .list(let elements, let element):
            return Value(.list(unmarked(elements, prefix: &prefix, paths: &paths), element: element))
        case .set(let elements, let element):
            return Value(.set(unmarked(elements, prefix: &prefix, paths: &paths), element: element))
        case .tuple(let elements):
            return Value(.tuple(unmarked(elements, prefix: &prefix, paths: &paths)))
        case .map(let attributes, let element):
            return Value(.map(unmarked(attributes, asIndex: true, prefix: &prefix, paths: &paths), element: element))
        case .object(let attributes):
            return Value(.object(unmarked(attributes, asIndex: false, prefix: &prefix, paths: &paths)))
        }
    }

    private func unmarked(_ elements: [Value], prefix: inout ValuePath, paths: inout [ValuePath]) -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            prefix.steps.append(.index(.number(index)))
            result.append(element.unmarked(prefix: &prefix, paths: &paths))
            prefix.steps.removeLast()
        }
        return result
    }

    private func unmarked(
        _ attributes: [String: Value], asIndex: Bool, prefix: inout ValuePath, paths: inout [ValuePath]
    ) -> [String: Value] {
        var result: [String: Value] = [:]
        result.reserveCapacity(attributes.count)
        for key in attributes.keys.sorted(by: Value.keyOrder) {
            prefix.steps.append(asIndex ? .index(.string(key)) : .attribute(key))
            result[key] = attributes[key]!.unmarked(prefix: &prefix, paths: &paths)
            prefix.steps.removeLast()
        }
        return result
    }

    /// Puts sensitive marks back at `paths` (as recorded by
    /// `unmarkedDeep`); paths that no longer exist are ignored.
    public func markingSensitive(at paths: [ValuePath]) -> Value {
        var result = self
        for path in paths {
            result = result.markingSensitive(at: path.steps[...])
        }
        return result
    }

    private func markingSensitive(at steps: ArraySlice<PathStep>) -> Value {
        guard let step = steps.first else { return marked() }
        let rest = steps.dropFirst()
        var copy = self
        switch (content, step) {
        case (.list(var elements, let element), .index(let key)):
            guard let index = key.numberValue?.intValue, elements.indices.contains(index) else { return self }
            elements[index] = elements[index].markingSensitive(at: rest)
            copy.content = .list(elements, element: element)
        case (.tuple(var elements), .index(let key)):
            guard let index = key.numberValue?.intValue, elements.indices.contains(index) else { return self }
            elements[index] = elements[index].markingSensitive(at: rest)
            copy.content = .tuple(elements)
        case (.set(var elements, let element), .index(let key)):
            guard let index = key.numberValue?.intValue, elements.indices.contains(index) else { return self }
            elements[index] = elements[index].markingSensitive(at: rest)
            copy.content = .set(elements, element: element)
        case (.map(var attributes, let element), .index(let key)):
            guard let name = key.stringValue, let inner = attributes[name] else { return self }
            attributes[name] = inner.markingSensitive(at: rest)
            copy.content = .map(attributes, element: element)
        case (.object(var attributes), _):
            let name: String? = switch step {
            case .attribute(let name): name
            case .index(let key): key.stringValue
            }
            guard let name, let inner = attributes[name] else { return self }
            attributes[name] = inner.markingSensitive(at: rest)
            copy.content = .object(attributes)
        default:
            return self
        }
        return copy
    }

    /// Whether two values hold the same content, whatever their sensitive
    /// marks and declared collection types (a tuple and a list of the same
    /// elements): what "nothing changed" means when comparing a recorded
    /// object with a planned one. An unknown is never the same as anything.
    public func hasSameContent(as other: Value) -> Bool {
        let x = unmarkedDeepValue, y = other.unmarkedDeepValue
        if x == y { return true }
        guard x.isWhollyKnown, y.isWhollyKnown, x.isNull == y.isNull else { return false }
        return (try? x.jsonString()) == (try? y.jsonString())
    }

    // MARK: Ordering

    /// The order of map keys and object attributes: by UTF-8 bytes, which
    /// for Swift strings is the default `<` on their UTF-8 views.
    @inlinable
    public static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The keys of a map or object in canonical order.
    public static func sortedKeys(_ attributes: [String: Value]) -> [String] {
        attributes.keys.sorted(by: keyOrder)
    }

    /// A total order for set elements: known before unknown, then by kind,
    /// strings by bytes, numbers numerically, bools false first, and
    /// collections element by element.
    public static func canonicalOrder(_ a: Value, _ b: Value) -> Bool {
        compare(a, b) < 0
    }

    static func canonicalSetElements(_ elements: [Value]) -> [Value] {
        guard elements.count > 1 else { return elements }
        let sorted = elements.sorted(by: canonicalOrder)
        var result: [Value] = [sorted[0]]
        result.reserveCapacity(sorted.count)
        for element in sorted.dropFirst() where element != result[result.count - 1] {
            result.append(element)
        }
        return result
    }

    private static func rank(_ value: Value) -> Int {
        switch value.content {
        case .bool: 0
        case .number: 1
        case .string: 2
        case .list, .set, .tuple: 3
        case .map, .object: 4
        case .null: 5
        case .unknown: 6
        }
    }

    private static func compare(_ a: Value, _ b: Value) -> Int {
        let rankA = rank(a), rankB = rank(b)
        if rankA != rankB { return rankA < rankB ? -1 : 1 }
        switch (a.content, b.content) {
        case (.bool(let x), .bool(let y)):
            return x == y ? 0 : (x ? 1 : -1)
        case (.number(let x), .number(let y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return keyOrder(x, y) ? -1 : 1
        default:
            break
        }
        if let x = a.elements, let y = b.elements {
            for (left, right) in zip(x, y) {
                let order = compare(left, right)
                if order != 0 { return order }
            }
            return x.count == y.count ? tieBreak(a, b) : (x.count < y.count ? -1 : 1)
        }
        if let x = a.attributes, let y = b.attributes {
            let keysX = sortedKeys(x), keysY = sortedKeys(y)
            for (left, right) in zip(keysX, keysY) {
                if left != right { return keyOrder(left, right) ? -1 : 1 }
                let order = compare(x[left]!, y[right]!)
                if order != 0 { return order }
            }
            return keysX.count == keysY.count ? tieBreak(a, b) : (keysX.count < keysY.count ? -1 : 1)
        }
        return tieBreak(a, b)
    }

    /// Values equal in content but differing in marks or declared types
    /// still need a stable order.
    private static func tieBreak(_ a: Value, _ b: Value) -> Int {
        if a == b { return 0 }
        if a.isSensitive != b.isSensitive { return a.isSensitive ? 1 : -1 }
        let x = a.type.constraintSyntax, y = b.type.constraintSyntax
        if x != y { return keyOrder(x, y) ? -1 : 1 }
        return 0
    }
}
