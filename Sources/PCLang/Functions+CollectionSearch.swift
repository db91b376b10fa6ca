/// The collection functions that search and choose: `contains`, `index`,
/// `distinct`, `matchkeys`, `coalesce`, `coalescelist`, `compact`.
///
/// Comparisons follow cty's equality: values of different types are never
/// equal (`contains([1], "1")` is false), and a comparison an unknown
/// value could still decide makes the answer unknown, unless a known
/// element already answers it.
enum CollectionSearch {
    typealias Support = CollectionSupport

    static func contains(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0], value = arguments[1]
        guard list.isKnown, value.isKnown else { return .unknown(.bool) }
        guard Support.isSequenceOrSet(list), let elements = list.elements else {
            throw Support.invalid(0, "list", "argument must be list, tuple, or set")
        }
        var undecided = false
        for element in elements {
            switch Support.equal(value, element) {
            case true?: return .true
            case nil: undecided = true
            case false?: break
            }
        }
        return undecided ? .unknown(.bool) : .false
    }

    static func index(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0], value = arguments[1]
        guard list.isKnown, value.isKnown else { return .unknown(.number) }
        guard Support.isSequence(list), let elements = list.elements else {
            throw Support.invalid(0, "list", "argument must be a list or tuple")
        }
        guard !elements.isEmpty else { throw Support.invalid(0, "list", "cannot search an empty list") }
        for (position, element) in elements.enumerated() {
            switch Support.equal(element, value) {
            case true?: return .number(position)
            // An earlier unknown element may yet be the match.
            case nil: return .unknown(.number)
            case false?: break
            }
        }
        throw Support.invalid(1, "value", "item not found")
    }

    static func distinct(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0]
        guard case .list(let elements, let elementType) = list.content else {
            return .unknown(list.type)
        }
        guard list.isWhollyKnown else { return .unknown(.list(elementType)) }
        var seen = Set<Value>()
        seen.reserveCapacity(elements.count)
        var result: [Value] = []
        for element in elements where seen.insert(element).inserted {
            result.append(element)
        }
        return .list(result, element: elementType)
    }

    static func matchkeys(_ arguments: [Value]) throws(FunctionError) -> Value {
        let values = arguments[0], keys = arguments[1], searchset = arguments[2]
        guard let keyType = Conversion.unify([keys.type, searchset.type]) else {
            throw Support.invalid(2, "searchset", "keys and searchset must be of the same type")
        }
        let elementType = Support.listElementType(values) ?? .dynamic
        let unknownResult = Value.unknown(.list(elementType))
        guard values.isKnown, keys.isKnown, searchset.isKnown else { return unknownResult }
        guard let items = values.elements, let keyCount = keys.elements?.count, items.count == keyCount else {
            throw Support.failed("length of keys and values should be equal")
        }
        let convertedKeys: Value, convertedSearch: Value
        do {
            convertedKeys = try Conversion.convert(keys, to: keyType)
            convertedSearch = try Conversion.convert(searchset, to: keyType)
        } catch {
            throw Support.invalid(2, "searchset", "keys and searchset must be of the same type")
        }
        let wanted = convertedSearch.elements ?? []
        if wanted.isEmpty { return .list([], element: elementType) }
        guard values.isWhollyKnown, convertedKeys.isWhollyKnown else { return unknownResult }
        let candidates = convertedKeys.elements ?? []
        var result: [Value] = []
        if convertedSearch.isWhollyKnown {
            // Known values of one type are equal exactly when they are ==.
            let lookup = Set(wanted)
            for (position, key) in candidates.enumerated() where lookup.contains(key) {
                result.append(items[position])
            }
        } else {
            // Terraform answers an empty list here, which apply would then
            // contradict; an unknown list is the truthful answer.
            for (position, key) in candidates.enumerated() {
                var matched = false
                for search in wanted {
                    switch Support.equal(key, search) {
                    case true?: matched = true
                    case nil: return unknownResult
                    case false?: break
                    }
                    if matched { break }
                }
                if matched { result.append(items[position]) }
            }
        }
        return .list(result, element: elementType)
    }

    static func coalesce(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard !arguments.isEmpty, let type = Conversion.unify(arguments.map(\.type)) else {
            throw Support.failed("all arguments must have the same type")
        }
        for (position, argument) in arguments.enumerated() {
            let value: Value
            do {
                value = try Conversion.convert(argument, to: type)
            } catch {
                throw Support.invalid(position, "vals", error.message)
            }
            if !value.isKnown { return .unknown(type) }
            if value.isNull { continue }
            if type == .string, value.stringValue == "" { continue }
            return value
        }
        throw Support.failed("no non-null, non-empty-string arguments")
    }

    static func coalescelist(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard !arguments.isEmpty else { throw Support.failed("at least one argument is required") }
        var types: [ValueType] = []
        var undecided = false
        for (position, argument) in arguments.enumerated() {
            // Terraform stops checking types at the first unknown argument.
            guard argument.isKnown else {
                undecided = true
                break
            }
            guard Support.isSequence(argument) else {
                throw Support.invalid(position, "vals", "coalescelist arguments must be lists or tuples")
            }
            types.append(argument.type)
        }
        let type: ValueType = undecided || types.contains(where: { $0 != types[0] }) ? .dynamic : types[0]
        for argument in arguments {
            if !argument.isKnown { return .unknown(type) }
            if let count = argument.count, count > 0 { return argument }
        }
        throw Support.failed("no non-null arguments")
    }

    static func compact(_ arguments: [Value]) throws(FunctionError) -> Value {
        let strings = arguments[0].elements ?? []
        return .list(strings.filter { $0.stringValue.map { !$0.isEmpty } ?? false }, element: .string)
    }
}
