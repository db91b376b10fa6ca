/// The collection functions that take sequences apart and put them
/// together: `length`, `element`, `slice`, `reverse`, `concat`, `flatten`,
/// `chunklist`, `one`.
///
/// Except for `one`, Terraform lets these keep the sensitive marks of the
/// elements they move: only the marks of the arguments themselves go onto
/// the result, so `length` of a list holding a secret is not secret and
/// `element` picks a plain element out of a list holding secrets.
enum CollectionSequences {
    typealias Support = CollectionSupport

    static func length(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (value, sensitive) = Support.ownMark(arguments[0])
        let result: Value
        switch value.content {
        case .string(let text):
            // Swift counts extended grapheme clusters, as Terraform does.
            result = .number(text.count)
        case .list(let elements, _), .tuple(let elements):
            result = .number(elements.count)
        case .map(let attributes, _), .object(let attributes):
            result = .number(attributes.count)
        case .set(let elements, _):
            // Unknown elements may turn out equal to others and merge.
            result = value.isWhollyKnown ? .number(elements.count) : .unknown(.number)
        case .unknown(let type):
            switch type {
            case .tuple(let elements): result = .number(elements.count)
            case .object(let attributes): result = .number(attributes.count)
            case .string, .list, .set, .map, .dynamic: result = .unknown(.number)
            case .number, .bool: throw notMeasurable
            }
        case .null, .bool, .number:
            throw notMeasurable
        }
        return result.marked(sensitive: sensitive)
    }

    private static let notMeasurable = Support.invalid(
        0, "value", "argument must be a string, a collection type, or a structural type")

    static func element(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (list, listSensitive) = Support.ownMark(arguments[0])
        let index = arguments[1]
        let sensitive = listSensitive || index.isSensitive
        if Support.isUnknownOfUnknownType(list) { return Value.unknown.marked(sensitive: sensitive) }
        var position: Int?
        if index.isKnown {
            guard let whole = Support.integer(index) else {
                throw Support.invalid(1, "index", "invalid index: " + Support.wholeNumberDetail)
            }
            guard whole >= 0 else {
                throw Support.invalid(1, "index", "the index must not be negative")
            }
            position = whole
        }
        let empty = Support.invalid(0, "list", "cannot use element function with an empty list")
        switch list.content {
        case .list(let elements, let elementType):
            guard let position else { return Value.unknown(elementType).marked(sensitive: sensitive) }
            guard !elements.isEmpty else { throw empty }
            return elements[position % elements.count].marked(sensitive: sensitive)
        case .unknown(.list(let elementType)):
            return Value.unknown(elementType).marked(sensitive: sensitive)
        case .tuple(let elements):
            guard let position else { return Value.unknown.marked(sensitive: sensitive) }
            guard !elements.isEmpty else { throw empty }
            return elements[position % elements.count].marked(sensitive: sensitive)
        case .unknown(.tuple(let types)):
            guard let position else { return Value.unknown.marked(sensitive: sensitive) }
            guard !types.isEmpty else { throw empty }
            return Value.unknown(types[position % types.count]).marked(sensitive: sensitive)
        default:
            throw Support.invalid(0, "list", "cannot read elements from \(list.type.friendlyName)")
        }
    }

    static func slice(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (list, listSensitive) = Support.ownMark(arguments[0])
        let start = arguments[1], end = arguments[2]
        let sensitive = listSensitive || start.isSensitive || end.isSensitive
        if Support.isUnknownOfUnknownType(list) { return Value.unknown.marked(sensitive: sensitive) }
        let length: Int?
        switch list.content {
        case .list(let elements, _), .tuple(let elements): length = elements.count
        case .unknown(.tuple(let types)): length = types.count
        case .unknown(.list): length = nil
        case .set, .unknown(.set):
            throw Support.invalid(0, "list", "cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important")
        default:
            throw Support.invalid(0, "list", "must be a list or tuple value")
        }
        let from = try sliceIndex(start, argument: 1, name: "start", length: length)
        let to = try sliceIndex(end, argument: 2, name: "end", length: length)
        if let from, let to, from > to {
            throw Support.invalid(1, "start_index", "start index must not be greater than end index")
        }
        switch list.content {
        case .list(let elements, let elementType):
            guard let from, let to else { return Value.unknown(.list(elementType)).marked(sensitive: sensitive) }
            return Value.list(Array(elements[from..<to]), element: elementType).marked(sensitive: sensitive)
        case .unknown(.list(let elementType)):
            return Value.unknown(.list(elementType)).marked(sensitive: sensitive)
        case .tuple(let elements):
            guard let from, let to else { return Value.unknown.marked(sensitive: sensitive) }
            return Value.tuple(Array(elements[from..<to])).marked(sensitive: sensitive)
        case .unknown(.tuple(let types)):
            guard let from, let to else { return Value.unknown.marked(sensitive: sensitive) }
            return Value.unknown(.tuple(Array(types[from..<to]))).marked(sensitive: sensitive)
        default:
            return Value.unknown.marked(sensitive: sensitive)
        }
    }

    /// A known slice bound checked against the length when that is known;
    /// nil while the bound is unknown.
    private static func sliceIndex(_ value: Value, argument: Int, name: String, length: Int?) throws(FunctionError) -> Int? {
        guard value.isKnown else { return nil }
        let parameter = name + "_index"
        guard let index = Support.integer(value) else {
            throw Support.invalid(argument, parameter, "invalid \(name) index: " + Support.wholeNumberDetail)
        }
        if index < 0 {
            throw Support.invalid(argument, parameter, "\(name) index must not be less than zero")
        }
        if let length, index > length {
            throw Support.invalid(argument, parameter, "\(name) index must not be greater than the length of the list")
        }
        return index
    }

    static func reverse(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (list, sensitive) = Support.ownMark(arguments[0])
        let result: Value
        switch list.content {
        case .tuple(let elements):
            result = .tuple(elements.reversed())
        case .list(let elements, let elementType), .set(let elements, let elementType):
            // A set comes back as a list, in the reverse of its own order.
            result = .list(elements.reversed(), element: elementType)
        case .unknown(.tuple(let types)):
            result = .unknown(.tuple(types.reversed()))
        case .unknown(.list(let elementType)), .unknown(.set(let elementType)):
            result = .unknown(.list(elementType))
        case .unknown(.dynamic):
            result = .unknown
        default:
            throw Support.invalid(0, "list", "can only reverse list or tuple values, not \(list.type.friendlyName)")
        }
        return result.marked(sensitive: sensitive)
    }

    static func concat(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard !arguments.isEmpty else { throw Support.failed("at least one argument is required") }
        var sensitive = false
        var sequences: [Value] = []
        sequences.reserveCapacity(arguments.count)
        for argument in arguments {
            let (sequence, marked) = Support.ownMark(argument)
            sensitive = sensitive || marked
            sequences.append(sequence)
        }
        // Lists alone make a list when their types unify; anything else
        // makes a tuple.
        let listTypes = sequences.compactMap(Support.listElementType).map(ValueType.list)
        if listTypes.count == sequences.count, let unified = Conversion.unify(listTypes), case .list(let elementType) = unified {
            return try concatenatedList(sequences, type: unified, elementType: elementType).marked(sensitive: sensitive)
        }
        var elements: [Value] = []
        var unknown = false
        for (index, sequence) in sequences.enumerated() {
            switch sequence.content {
            case .list(let items, _), .tuple(let items): elements += items
            case .unknown(.list), .unknown(.tuple): unknown = true
            default:
                throw Support.invalid(index, "seqs", "all arguments must be lists or tuples; got \(sequence.type.friendlyName)")
            }
        }
        if unknown {
            // Terraform can type the result only when no unknown list hides
            // how many elements it adds.
            var types: [ValueType] = []
            for sequence in sequences {
                switch sequence.content {
                case .unknown(.tuple(let items)): types += items
                case .tuple(let items): types += items.map(\.type)
                case .list(let items, let elementType): types += Array(repeating: elementType, count: items.count)
                default: return Value.unknown.marked(sensitive: sensitive)
                }
            }
            return Value.unknown(.tuple(types)).marked(sensitive: sensitive)
        }
        return Value.tuple(elements).marked(sensitive: sensitive)
    }

    private static func concatenatedList(_ lists: [Value], type: ValueType, elementType: ValueType) throws(FunctionError) -> Value {
        var elements: [Value] = []
        for (index, list) in lists.enumerated() {
            guard list.isKnown else { return .unknown(type) }
            let converted: Value
            do {
                converted = try Conversion.convert(list, to: type)
            } catch {
                throw Support.invalid(index, "seqs", error.message)
            }
            elements += converted.elements ?? []
        }
        return .list(elements, element: elementType)
    }

    static func flatten(_ arguments: [Value]) throws(FunctionError) -> Value {
        var (list, sensitive) = Support.ownMark(arguments[0])
        guard list.isKnown else { return Value.unknown.marked(sensitive: sensitive) }
        guard let elements = list.elements else {
            throw Support.invalid(0, "list", "can only flatten lists, sets and tuples")
        }
        var flat: [Value] = []
        let known = flattenInto(&flat, elements, sensitive: &sensitive)
        return (known ? Value.tuple(flat) : Value.unknown).marked(sensitive: sensitive)
    }

    /// Appends the leaves of `elements`, descending into lists, sets and
    /// tuples; false when an unknown sequence hides how many there are.
    private static func flattenInto(_ flat: inout [Value], _ elements: [Value], sensitive: inout Bool) -> Bool {
        var known = true
        for element in elements {
            switch element.content {
            case .list(let inner, _), .set(let inner, _), .tuple(let inner):
                sensitive = sensitive || element.isSensitive
                if !flattenInto(&flat, inner, sensitive: &sensitive) { known = false }
            case .unknown(.list), .unknown(.set), .unknown(.tuple):
                sensitive = sensitive || element.isSensitive
                known = false
            case .unknown(.dynamic):
                // It may yet turn out to be a sequence to flatten.
                known = false
                flat.append(element)
            default:
                flat.append(element)
            }
        }
        return known
    }

    static func chunklist(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (list, listSensitive) = Support.ownMark(arguments[0])
        let size = arguments[1]
        let sensitive = listSensitive || size.isSensitive
        let elementType = Support.listElementType(list) ?? .dynamic
        guard case .list(let elements, _) = list.content, size.isKnown else {
            return Value.unknown(.list(.list(elementType))).marked(sensitive: sensitive)
        }
        guard let chunkSize = Support.integer(size) else {
            throw Support.invalid(1, "size", "invalid size: " + Support.wholeNumberDetail)
        }
        guard chunkSize >= 0 else { throw Support.invalid(1, "size", "the size argument must be positive") }
        let chunkType = ValueType.list(elementType)
        if elements.isEmpty { return Value.list([], element: chunkType).marked(sensitive: sensitive) }
        if chunkSize == 0 { return Value.list([list], element: chunkType).marked(sensitive: sensitive) }
        var chunks: [Value] = []
        chunks.reserveCapacity((elements.count + chunkSize - 1) / chunkSize)
        var start = 0
        while start < elements.count {
            let end = start + min(chunkSize, elements.count - start)
            chunks.append(.list(Array(elements[start..<end]), element: elementType))
            start = end
        }
        return Value.list(chunks, element: chunkType).marked(sensitive: sensitive)
    }

    static func one(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0]
        let tooMany = Support.invalid(0, "list", "must be a list, set, or tuple value with either zero or one elements")
        switch list.content {
        case .list(let elements, let elementType):
            return try single(elements, elementType: elementType, error: tooMany)
        case .set(let elements, let elementType):
            // With unknown elements the set's size is not known yet.
            guard list.isWhollyKnown else { return .unknown(elementType) }
            return try single(elements, elementType: elementType, error: tooMany)
        case .tuple(let elements):
            return try single(elements, elementType: .dynamic, error: tooMany)
        case .unknown(.list(let elementType)), .unknown(.set(let elementType)):
            return .unknown(elementType)
        case .unknown(.tuple(let types)):
            guard types.count <= 1 else { throw tooMany }
            return .unknown(types.first ?? .dynamic)
        case .unknown(.dynamic):
            return .unknown
        default:
            throw tooMany
        }
    }

    private static func single(_ elements: [Value], elementType: ValueType, error: FunctionError) throws(FunctionError) -> Value {
        switch elements.count {
        case 0: return .null(elementType)
        case 1: return elements[0]
        default: throw error
        }
    }
}
