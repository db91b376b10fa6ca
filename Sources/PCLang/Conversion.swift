/// Terraform's automatic type conversions and type unification, following
/// the rules of cty (the type system under Terraform 1.11) exactly, so a
/// value that Terraform accepts for a parameter, an argument or a variable
/// is accepted here too, and one it rejects is rejected with the same words.
///
/// A conversion is decided first on the types, as cty decides it: when no
/// conversion exists between them the error describes the mismatch from the
/// top ("element 1: number required", with an empty path). Only then are
/// the values converted, and the errors a value itself causes (a string
/// that is not a number) carry the path to that value.
///
/// Sensitive marks stay where they were: a converted value keeps its own
/// mark and each element keeps its own, except in sets, whose elements
/// cannot carry marks: their marks move to the set, as in Terraform.
public enum Conversion {
    /// `value` converted to `type`, or why it cannot be.
    ///
    /// Null and unknown values become null and unknown values of the target
    /// type when the types allow a conversion. Converting to `.dynamic`
    /// returns the value unchanged.
    public static func convert(_ value: Value, to type: ValueType) throws(ConversionError) -> Value {
        if case .dynamic = type { return value }
        if conforms(value, to: type) { return value }
        return try convert(value, to: .plain(type), path: ValuePath())
    }

    /// Whether `value` converts to `type` (without building the result's
    /// error message when it does not).
    public static func canConvert(_ value: Value, to type: ValueType) -> Bool {
        (try? convert(value, to: type)) != nil
    }

    /// Whether a value of type `from` may convert to `to`: true when some
    /// values of `from` convert (a string converts to a number only when it
    /// spells one).
    public static func canConvert(from: ValueType, to: ValueType) -> Bool {
        from == to || conversionExists(from: from, to: .plain(to))
    }

    /// The message Terraform gives when no value of type `got` can convert
    /// to `want`: "number required", "attribute \"name\" is required",
    /// "element 1: string required".
    public static func mismatchMessage(from got: ValueType, to want: ValueType) -> String {
        mismatchMessage(from: got, to: ConversionTarget.plain(want))
    }

    /// The most specific type every one of `types` converts to, as
    /// Terraform chooses it for conditional results and for `tolist`,
    /// `toset` and `tomap` of mixed elements: `[number, string]` → string,
    /// two objects with the same attributes → an object of unified
    /// attribute types, objects with different attributes → a map. Nil when
    /// there is none (`[number, bool]`). An empty list gives `.dynamic`.
    public static func unify(_ types: [ValueType]) -> ValueType? {
        types.isEmpty ? .dynamic : unifyUnsafe(types)
    }

    /// `values` converted to their unified type, with that type; nil when
    /// the types do not unify or a value does not convert.
    public static func unifyValues(_ values: [Value]) -> (values: [Value], type: ValueType)? {
        let types = values.map(\.type)
        guard let type = unify(types) else { return nil }
        var result: [Value] = []
        result.reserveCapacity(values.count)
        for (value, valueType) in zip(values, types) {
            if valueType == type {
                result.append(value)
            } else {
                guard let converted = try? convert(value, to: .plain(type), path: ValuePath()) else { return nil }
                result.append(converted)
            }
        }
        return (result, type)
    }

    // MARK: Engine entry

    /// cty's `Convert`: identity when the types already agree, otherwise a
    /// type-level check, then the conversion of the value.
    static func convert(_ value: Value, to target: ConversionTarget, path: ValuePath) throws(ConversionError) -> Value {
        if target.isDynamic { return value }
        if let type = target.plainType, conforms(value, to: type) { return value }
        let type = value.type
        if !conversionExists(from: type, to: target) {
            throw ConversionError(path: path, message: mismatchMessage(from: type, to: target))
        }
        var mutablePath = path
        return try apply(value, from: type, to: target, path: &mutablePath)
    }

    /// Whether `value` already has exactly type `type`, checked without
    /// building the value's type: collections are trusted to hold what
    /// their element type says.
    static func conforms(_ value: Value, to type: ValueType) -> Bool {
        switch (value.content, type) {
        case (.null(let own), _), (.unknown(let own), _): return own == type
        case (.bool, .bool), (.number, .number), (.string, .string): return true
        case (.list(_, let element), .list(let wanted)),
             (.set(_, let element), .set(let wanted)),
             (.map(_, let element), .map(let wanted)):
            return element == wanted
        case (.tuple(let elements), .tuple(let types)):
            guard elements.count == types.count else { return false }
            for (element, elementType) in zip(elements, types) where !conforms(element, to: elementType) {
                return false
            }
            return true
        case (.object(let attributes), .object(let types)):
            guard attributes.count == types.count else { return false }
            for (name, attribute) in attributes {
                guard let attributeType = types[name], conforms(attribute, to: attributeType) else { return false }
            }
            return true
        default:
            return false
        }
    }
}

/// Why a value cannot become a type: where inside the value, and what was
/// needed ("string required", "attribute \"name\" is required").
///
/// `message` never includes the path; `pathDescription` spells it the way
/// Terraform does (`[1].name`), for callers that show both.
public struct ConversionError: Error, Sendable, Equatable {
    public var path: ValuePath
    public var message: String

    public init(path: ValuePath, message: String) {
        self.path = path
        self.message = message
    }

    /// The path as Terraform writes it: `.name`, `[0]`, `["key"]`; empty
    /// for the value itself.
    public var pathDescription: String { path.description }

    /// The message with the path before it when there is one:
    /// `[1]: a number is required`.
    public var descriptionWithPath: String {
        path.steps.isEmpty ? message : pathDescription + ": " + message
    }
}
