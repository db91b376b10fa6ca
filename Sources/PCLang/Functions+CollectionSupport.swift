/// What the collection functions share: Terraform's wording of errors,
/// cty's equality (which may be unknown), and the few questions they ask
/// about a value's shape without building its whole type.
enum CollectionSupport {
    /// Terraform's message for an index or size that is not a whole number
    /// in Go's `int` range.
    static let wholeNumberDetail = "value must be a whole number, between -9223372036854775808 and 9223372036854775807"

    /// An error about one argument, pointed at it: `Invalid value for
    /// "list" parameter: <detail>.`
    static func invalid(_ index: Int, _ parameter: String, _ detail: String) -> FunctionError {
        FunctionError(argument: index, "Invalid value for \"\(parameter)\" parameter: \(detail).")
    }

    /// An error about the call as a whole; the evaluator puts `Call to
    /// function "name" failed:` before it.
    static func failed(_ detail: String) -> FunctionError {
        FunctionError(detail + ".")
    }

    /// The value without its own sensitive mark, and whether it had one.
    /// Functions that keep per-element marks move the mark of the
    /// collection itself onto their result and leave the elements' alone.
    static func ownMark(_ value: Value) -> (value: Value, sensitive: Bool) {
        guard value.isSensitive else { return (value, false) }
        var copy = value
        copy.isSensitive = false
        return (copy, true)
    }

    // MARK: Shapes

    /// The type of a value when it is a list (known, unknown or null),
    /// found without walking its elements.
    static func listElementType(_ value: Value) -> ValueType? {
        switch value.content {
        case .list(_, let element): element
        case .unknown(.list(let element)), .null(.list(let element)): element
        default: nil
        }
    }

    /// Whether the value is a list or a tuple, known or not.
    static func isSequence(_ value: Value) -> Bool {
        switch value.content {
        case .list, .tuple, .unknown(.list), .unknown(.tuple), .null(.list), .null(.tuple): true
        default: false
        }
    }

    /// Whether the value is a list, set or tuple, known or not.
    static func isSequenceOrSet(_ value: Value) -> Bool {
        switch value.content {
        case .set, .unknown(.set), .null(.set): true
        default: isSequence(value)
        }
    }

    /// Whether the value is the unknown value of a type not decided yet,
    /// for which Terraform returns an unknown result before checking types.
    static func isUnknownOfUnknownType(_ value: Value) -> Bool {
        if case .unknown(.dynamic) = value.content { return true }
        return false
    }

    /// The argument as a Go `int`, as cty reads indexes and sizes.
    static func integer(_ value: Value) -> Int? {
        value.numberValue?.intValue
    }

    // MARK: Equality

    /// cty's `Equals`: true or false when the values decide it, nil when
    /// an unknown value could still make either answer true. Nulls equal
    /// each other whatever their types; values of different types differ.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        let aKnown = a.isKnown, bKnown = b.isKnown
        if a.isNull && bKnown && !b.isNull { return false }
        if b.isNull && aKnown && !a.isNull { return false }
        if !aKnown || !bKnown {
            if !aKnown && !bKnown { return nil }
            let (known, unknown) = aKnown ? (a, b) : (b, a)
            let unknownType = unknown.type
            if known.isNull || unknownType.containsDynamic { return nil }
            return known.type == unknownType ? nil : false
        }
        if a.isNull && b.isNull { return true }
        switch (a.content, b.content) {
        case (.bool(let x), .bool(let y)):
            return x == y
        case (.number(let x), .number(let y)):
            return x == y
        case (.string(let x), .string(let y)):
            return x == y
        case (.list(let xs, let xe), .list(let ys, let ye)):
            guard xe == ye, xs.count == ys.count else { return false }
            return pairwiseEqual(xs, ys)
        case (.tuple(let xs), .tuple(let ys)):
            guard xs.count == ys.count else { return false }
            return pairwiseEqual(xs, ys)
        case (.set(let xs, let xe), .set(let ys, let ye)):
            guard xe == ye else { return false }
            // An unknown element may turn out equal to any other, so a set
            // holding one cannot be compared yet.
            if !xs.allSatisfy(\.isWhollyKnown) || !ys.allSatisfy(\.isWhollyKnown) { return nil }
            return xs == ys
        case (.map(let xm, let xe), .map(let ym, let ye)):
            guard xe == ye else { return false }
            return attributesEqual(xm, ym)
        case (.object(let xm), .object(let ym)):
            return attributesEqual(xm, ym)
        default:
            return false
        }
    }

    private static func pairwiseEqual(_ xs: [Value], _ ys: [Value]) -> Bool? {
        var undecided = false
        for (x, y) in zip(xs, ys) {
            switch equal(x, y) {
            case false?: return false
            case nil: undecided = true
            case true?: break
            }
        }
        return undecided ? nil : true
    }

    private static func attributesEqual(_ xm: [String: Value], _ ym: [String: Value]) -> Bool? {
        guard xm.count == ym.count else { return false }
        var undecided = false
        for (key, x) in xm {
            guard let y = ym[key] else { return false }
            switch equal(x, y) {
            case false?: return false
            case nil: undecided = true
            case true?: break
            }
        }
        return undecided ? nil : true
    }
}
