/// The collection functions that reduce or generate lists of primitives:
/// `alltrue`, `anytrue`, `sum`, `sort`, `range`.
enum CollectionReductions {
    typealias Support = CollectionSupport

    /// Terraform's cap on `range`, so a mistaken argument cannot exhaust
    /// memory.
    static let rangeLimit = 1024

    static func alltrue(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard let elements = arguments[0].elements else { return .unknown(.bool) }
        // In order, as Terraform walks it: an unknown before the first
        // false leaves the answer open.
        for element in elements {
            if !element.isKnown { return .unknown(.bool) }
            if element.boolValue != true { return .false }
        }
        return .true
    }

    static func anytrue(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard let elements = arguments[0].elements else { return .unknown(.bool) }
        var undecided = false
        for element in elements {
            if !element.isKnown {
                undecided = true
            } else if element.boolValue == true {
                return .true
            }
        }
        return undecided ? .unknown(.bool) : .false
    }

    static func sum(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0]
        guard list.isKnown else { return .unknown(.number) }
        guard let count = list.count else { throw Support.invalid(0, "list", "cannot sum noniterable") }
        guard count > 0 else { throw Support.invalid(0, "list", "cannot sum an empty list") }
        guard let elements = list.elements else {
            throw Support.invalid(0, "list", "argument must be list, set, or tuple. Received \(list.type.friendlyName)")
        }
        guard list.isWhollyKnown else { return .unknown(.number) }
        let notNumbers = Support.invalid(0, "list", "argument must be list, set, or tuple of number values")
        var total = Number.zero
        for element in elements {
            guard !element.isNull, let number = (try? Conversion.convert(element, to: .number))?.numberValue else {
                throw notNumbers
            }
            total = total + number
        }
        return .number(total)
    }

    static func sort(_ arguments: [Value]) throws(FunctionError) -> Value {
        let list = arguments[0]
        guard let elements = list.elements else { return .unknown(.list(.string)) }
        if !list.isWhollyKnown {
            // The order is open but the length is not: Terraform keeps it.
            return .list(Array(repeating: .unknown(.string), count: elements.count), element: .string)
        }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                throw Support.invalid(0, "list", "given list element \(position) is null; a null string cannot be sorted")
            }
            strings.append(text)
        }
        strings.sort(by: Value.keyOrder)
        return .list(strings: strings)
    }

    static func range(_ arguments: [Value]) throws(FunctionError) -> Value {
        let numbers = arguments.map { $0.numberValue ?? .zero }
        let start: Number, end: Number, step: Number
        switch numbers.count {
        case 1:
            (start, end) = (.zero, numbers[0])
            step = numbers[0].isNegative ? Number(-1) : .one
        case 2:
            (start, end) = (numbers[0], numbers[1])
            step = numbers[1] < numbers[0] ? Number(-1) : .one
        case 3:
            (start, end, step) = (numbers[0], numbers[1], numbers[2])
        default:
            throw Support.failed("must have one, two, or three arguments")
        }
        if step.isNegative {
            if start < end {
                throw Support.invalid(1, "params", "end must be less than start when step is negative")
            }
        } else if end < start {
            throw Support.invalid(1, "params", "end must be greater than start when step is positive")
        }
        if step.isZero && start < end {
            // Terraform loops until its cap here; say what is really wrong.
            throw Support.invalid(2, "params", "step must not be zero")
        }
        var values: [Value] = []
        var current = start
        while step.isNegative ? end < current : current < end {
            if values.count >= rangeLimit {
                throw Support.failed("more than \(rangeLimit) values were generated; either decrease the difference between start and end or use a smaller step")
            }
            values.append(.number(current))
            current = current + step
        }
        return .list(values, element: .number)
    }
}
