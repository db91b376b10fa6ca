// The words for a conversion that cannot exist, as Terraform 1.11 (cty
// 1.16) phrases them. Where cty picks "one" offending attribute from an
// unordered map, the first in byte order is chosen here so messages are
// stable.

extension Conversion {
    static func mismatchMessage(from got: ValueType, to want: ConversionTarget) -> String {
        let wantShape = want.shape
        switch (got, wantShape) {
        case (.object(let attributes), .object(let wanted, let optional)):
            return objectMismatchMessage(attributes, wanted, optional: optional)
        case (.tuple, .list(let element)) where element.isDynamic:
            return "all list elements must have the same type"
        case (.tuple, .set(let element)) where element.isDynamic:
            return "all set elements must have the same type"
        case (.object, .map(let element)) where element.isDynamic:
            return "all map elements must have the same type"
        case (.tuple(let elements), .list(let element)), (.tuple(let elements), .set(let element)):
            return structuralMismatchMessage(elements.enumerated().map { ("\($0.offset)", $0.element) }, element)
        case (.object(let attributes), .map(let element)):
            let keys = attributes.keys.sorted(by: Value.keyOrder)
            return structuralMismatchMessage(keys.map { ($0.goQuoted, attributes[$0]!) }, element)
        case (.list(let element), .list(let wanted)), (.set(let element), .list(let wanted)):
            return "incorrect list element type: " + mismatchMessage(from: element, to: wanted)
        case (.list(let element), .set(let wanted)), (.set(let element), .set(let wanted)):
            return "incorrect set element type: " + mismatchMessage(from: element, to: wanted)
        case (.map(let element), .map(let wanted)):
            return "incorrect map element type: " + mismatchMessage(from: element, to: wanted)
        default:
            return constraintName(want.type) + " required"
        }
    }

    private static func objectMismatchMessage(
        _ attributes: [String: ValueType], _ wanted: [String: ConversionTarget], optional: Set<String>
    ) -> String {
        var missing: [String] = []
        var mismatch: String?
        for name in wanted.keys.sorted(by: Value.keyOrder) {
            let target = wanted[name]!
            guard let attribute = attributes[name] else {
                if !optional.contains(name) { missing.append(name) }
                continue
            }
            if mismatch == nil, !conversionExists(from: attribute, to: target) {
                mismatch = "attribute \(name.goQuoted): " + mismatchMessage(from: attribute, to: target)
            }
        }
        switch missing.count {
        case 0:
            return mismatch ?? "incorrect object attributes"
        case 1:
            return "attribute \(missing[0].goQuoted) is required"
        case 2:
            return "attributes \(missing[0].goQuoted) and \(missing[1].goQuoted) are required"
        default:
            let head = missing.dropLast().map { $0.goQuoted + ", " }.joined()
            return "attributes \(head)and \(missing[missing.count - 1].goQuoted) are required"
        }
    }

    /// A tuple or object that should have been a list, set or map: names
    /// the first element that cannot become the element type.
    private static func structuralMismatchMessage(_ elements: [(label: String, type: ValueType)], _ wanted: ConversionTarget) -> String {
        for (label, type) in elements where !conversionExists(from: type, to: wanted) {
            return "element \(label): " + mismatchMessage(from: type, to: wanted)
        }
        return "all elements must be " + constraintName(wanted.type)
    }

    /// How a type reads in "… required": `any type` for dynamic, `list of
    /// any single type` for a list of it.
    static func constraintName(_ type: ValueType) -> String {
        switch type {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .dynamic: "any type"
        case .list(let element): "list of " + elementConstraintName(element)
        case .set(let element): "set of " + elementConstraintName(element)
        case .map(let element): "map of " + elementConstraintName(element)
        case .tuple: "tuple"
        case .object: "object"
        }
    }

    private static func elementConstraintName(_ type: ValueType) -> String {
        type == .dynamic ? "any single type" : constraintName(type)
    }
}
