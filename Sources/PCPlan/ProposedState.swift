import PCLang
import PCProvider

/// Terraform's "proposed new state": the configuration, with attributes the
/// provider computes taken from the prior object when the configuration
/// leaves them unset, so an unchanged object plans no change.
public enum ProposedState {
    public static func merge(configuration: Value, prior: Value, schema: ResourceSchema) -> Value {
        guard var attributes = configuration.attributes else { return configuration }
        let recorded = prior.attributes
        for (name, attribute) in schema.attributes where attribute.isComputed {
            let configured = attributes[name] ?? .null(attribute.type)
            if configured.isNull {
                attributes[name] = recorded?[name] ?? .null(attribute.type)
            }
        }
        for (name, block) in schema.blocks where block.nesting == .single {
            if let inner = attributes[name], !inner.isNull, let priorInner = recorded?[name] {
                attributes[name] = merge(configuration: inner, prior: priorInner, schema: block.content)
            }
        }
        return .object(attributes)
    }

    /// The configuration with every unset computed attribute unknown: what
    /// a create, or a data source read at apply, will produce.
    public static func unknownComputed(_ configuration: Value, schema: ResourceSchema) -> Value {
        guard var attributes = configuration.attributes else { return .unknown(schema.valueType) }
        for (name, attribute) in schema.attributes where attribute.isComputed {
            if attributes[name]?.isNull ?? true { attributes[name] = .unknown(attribute.type) }
        }
        return .object(attributes)
    }
}

/// Marks the attributes a schema declares sensitive.
public enum SensitiveMarks {
    public static func apply(_ schema: ResourceSchema, to value: Value) -> Value {
        guard var attributes = value.attributes, case .object = value.content else { return value }
        for (name, attribute) in schema.attributes where attribute.isSensitive {
            if let inner = attributes[name] { attributes[name] = inner.marked() }
        }
        for (name, block) in schema.blocks {
            guard let inner = attributes[name] else { continue }
            switch inner.content {
            case .object: attributes[name] = apply(block.content, to: inner)
            case .list(let elements, let element): attributes[name] = Value(.list(elements.map { apply(block.content, to: $0) }, element: element), sensitive: inner.isSensitive)
            case .set(let elements, let element): attributes[name] = Value(.set(elements.map { apply(block.content, to: $0) }, element: element), sensitive: inner.isSensitive)
            default: break
            }
        }
        var result = Value.object(attributes)
        result.isSensitive = value.isSensitive
        return result
    }
}
