/// The set functions: `setunion`, `setintersection`, `setsubtract` and
/// `setproduct`.
enum CollectionSets {
    typealias Support = CollectionSupport

    enum Operation {
        case union, intersection, subtraction
    }

    /// Beyond this many combinations `setproduct` refuses rather than
    /// exhausting memory; Terraform has no cap, but no configuration needs
    /// anywhere near it.
    static let productLimit = 100_000

    /// The three set operations over sets already converted to sets. The
    /// element type is the unification of the arguments' element types,
    /// ignoring empty sets of undecided type, as Terraform does.
    static func combine(_ arguments: [Value], _ operation: Operation, parameterNames: (String, String)) throws(FunctionError) -> Value {
        var elementTypes: [ValueType] = []
        for set in arguments {
            let elementType = set.type.elementType ?? .dynamic
            if elementType == .dynamic, set.count == 0 { continue }
            elementTypes.append(elementType)
        }
        let elementType: ValueType
        if elementTypes.isEmpty {
            elementType = .dynamic
        } else if let unified = Conversion.unify(elementTypes) {
            elementType = unified
        } else {
            throw Support.failed("given sets must all have compatible element types")
        }
        let resultType = ValueType.set(elementType)
        if arguments.contains(where: { !$0.isKnown }) { return .unknown(resultType) }
        // Unknown elements may turn out equal to known ones, so only a
        // union can be built around them.
        if operation != .union, arguments.contains(where: { !$0.isWhollyKnown }) { return .unknown(resultType) }
        var sets: [[Value]] = []
        sets.reserveCapacity(arguments.count)
        for (index, set) in arguments.enumerated() {
            do {
                sets.append(try Conversion.convert(set, to: resultType).elements ?? [])
            } catch {
                throw Support.invalid(index, index == 0 ? parameterNames.0 : parameterNames.1, error.message)
            }
        }
        switch operation {
        case .union:
            return .set(sets.flatMap { $0 }, element: elementType)
        case .intersection:
            var kept = sets[0]
            for other in sets.dropFirst() {
                let members = Set(other)
                kept = kept.filter(members.contains)
            }
            return .set(kept, element: elementType)
        case .subtraction:
            let removed = Set(sets[1])
            return .set(sets[0].filter { !removed.contains($0) }, element: elementType)
        }
    }

    static func product(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard arguments.count >= 2 else { throw Support.failed("at least two arguments are required") }
        var columnTypes: [ValueType] = []
        var sequences = 0
        for (index, argument) in arguments.enumerated() {
            switch argument.type {
            case .set(let elementType):
                columnTypes.append(elementType)
            case .list(let elementType):
                columnTypes.append(elementType)
                sequences += 1
            case .tuple(let types):
                // A tuple counts as a list when its elements share a type.
                guard let unified = types.isEmpty ? .dynamic : Conversion.unify(types) else {
                    throw Support.invalid(index, "sets", "all elements must be of the same type")
                }
                columnTypes.append(unified)
                sequences += 1
            case .dynamic:
                return .unknown
            default:
                throw Support.invalid(index, "sets", "a set or a list is required")
            }
        }
        let tupleType = ValueType.tuple(columnTypes)
        let allSequences = sequences == arguments.count
        let resultType: ValueType = allSequences ? .list(tupleType) : .set(tupleType)
        var columns: [[Value]] = []
        columns.reserveCapacity(arguments.count)
        var total = 1
        for (index, argument) in arguments.enumerated() {
            // A set with unknown elements has no known size yet.
            guard argument.isKnown, !isSet(argument) || argument.isWhollyKnown else {
                return .unknown(resultType)
            }
            var column: [Value] = []
            for element in argument.elements ?? [] {
                do {
                    column.append(try Conversion.convert(element, to: columnTypes[index]))
                } catch {
                    throw Support.invalid(index, "sets", "all elements must be of the same type")
                }
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: column.count)
            total = overflow ? Int.max : product
            columns.append(column)
        }
        if total > productLimit {
            throw Support.failed("the product would have more than \(productLimit) elements; reduce the sizes of the given sets")
        }
        var tuples: [Value] = []
        tuples.reserveCapacity(total)
        if total > 0 {
            var positions = Array(repeating: 0, count: columns.count)
            for _ in 0..<total {
                tuples.append(.tuple(positions.enumerated().map { columns[$0.offset][$0.element] }))
                // Advance like an odometer, the last column fastest.
                var column = columns.count - 1
                while column >= 0 {
                    positions[column] += 1
                    if positions[column] < columns[column].count { break }
                    positions[column] = 0
                    column -= 1
                }
            }
        }
        return allSequences ? .list(tuples, element: tupleType) : .set(tuples, element: tupleType)
    }

    private static func isSet(_ value: Value) -> Bool {
        switch value.content {
        case .set, .unknown(.set): true
        default: false
        }
    }
}
