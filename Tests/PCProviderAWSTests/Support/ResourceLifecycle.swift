import PCLang
import PCPlan
import PCProvider
@testable import PCProviderAWS

/// Drives one resource type through the configured provider the way the
/// planner and applier do — plan with a proposed state built by
/// `ProposedState.merge`, apply the planned value, read, import, delete — so
/// a group's tests read as a story:
///
/// ```swift
/// let lifecycle = try ResourceLifecycle(aws, "aws_security_group")
/// let created = try lifecycle.create(["name": .string("web")])
/// #expect(try lifecycle.plan(["name": .string("web")], prior: created).isNoop)
/// let updated = try lifecycle.update(["name": .string("web"), "tags": …], prior: created)
/// let plan = try lifecycle.plan(["name": .string("api")], prior: updated)
/// #expect(plan.action == .replace && plan.requiresReplace == [".name"])
/// let replaced = try lifecycle.apply(plan)
/// try lifecycle.delete(replaced)
/// #expect(try lifecycle.read(replaced) == nil)
/// ```
///
/// Configurations are given as the arguments a user writes; the helper
/// completes them as the planner would (every attribute present, null where
/// unset; every block present, empty where absent) and converts each
/// argument to its schema type (a tuple of strings becomes a set). Every
/// failure is thrown, so a test fails with what went wrong.
struct ResourceLifecycle {
    let aws: ConfiguredAWSProvider
    let type: String
    let schema: ResourceSchema

    /// What the plan would do with the object, named as `pcplan plan` shows it.
    enum Action: String, Sendable, Equatable {
        case create, update, replace, noop
    }

    /// One planned change: what a test asserts on, and what `apply` makes real.
    struct Plan {
        var action: Action
        /// The planned new state (for a replacement, the new object's plan).
        var planned: Value
        /// The attribute paths that force replacement, as `ValuePath` prints
        /// them (`.name`, `.ingress`).
        var requiresReplace: [String]
        /// The state the plan started from (null for a create).
        var prior: Value
        /// The configuration as the planner passes it.
        var configuration: Value

        var isNoop: Bool { action == .noop }
    }

    init(_ aws: ConfiguredAWSProvider, _ type: String) throws(HarnessError) {
        guard let resource = aws.resourceTypes[type] else {
            throw HarnessError("The aws provider has no resource type \(type) (is it registered in its group's catalogue?)")
        }
        self.aws = aws
        self.type = type
        self.schema = resource.schema
    }

    /// The configuration as the planner builds it from `arguments`.
    func configuration(_ arguments: [String: Value]) throws(HarnessError) -> Value {
        try Self.complete(arguments, schema: schema, context: type)
    }

    /// Plans `arguments` against `prior` (nil or null: a create), deciding the
    /// action exactly as the planner does; a replacement is re-planned as a
    /// create of the new object, as the planner does.
    func plan(_ arguments: [String: Value], prior: Value? = nil) throws -> Plan {
        let configuration = try configuration(arguments)
        let priorValue = prior ?? .null(schema.valueType)
        var change = try planChange(configuration: configuration, prior: priorValue)
        let action: Action
        if priorValue.isNull {
            action = .create
        } else if priorValue.hasSameContent(as: change.planned) {
            action = .noop
        } else if !change.requiresReplace.isEmpty {
            action = .replace
            let paths = change.requiresReplace
            change = try planChange(configuration: configuration, prior: .null(schema.valueType))
            change.requiresReplace = paths
        } else {
            action = .update
        }
        return Plan(
            action: action, planned: change.planned, requiresReplace: change.requiresReplace.map(\.description),
            prior: priorValue, configuration: configuration)
    }

    /// Makes `plan` real as the applier does: nothing for a no-op, delete
    /// then create for a replacement; returns the recorded state.
    func apply(_ plan: Plan) throws -> Value {
        switch plan.action {
        case .noop:
            return plan.prior
        case .create, .update:
            return try aws.applyChange(ApplyChangeRequest(
                type: type, prior: plan.prior, planned: plan.planned, configuration: plan.configuration))
        case .replace:
            try delete(plan.prior)
            return try aws.applyChange(ApplyChangeRequest(
                type: type, prior: .null(schema.valueType), planned: plan.planned, configuration: plan.configuration))
        }
    }

    /// Plans a create of `arguments` and applies it.
    func create(_ arguments: [String: Value]) throws -> Value {
        try applying(arguments, prior: nil, expecting: .create)
    }

    /// Plans `arguments` against `prior`, insists on an in-place update, applies it.
    func update(_ arguments: [String: Value], prior: Value) throws -> Value {
        try applying(arguments, prior: prior, expecting: .update)
    }

    /// Plans `arguments` against `prior`, insists on a replacement, applies it.
    func replace(_ arguments: [String: Value], prior: Value) throws -> Value {
        try applying(arguments, prior: prior, expecting: .replace)
    }

    /// The object as AWS has it now (the refresh the planner makes), nil when gone.
    func read(_ state: Value) throws -> Value? {
        try aws.read(type: type, state: state)
    }

    /// The state `pcplan import` records for `id`.
    func importState(_ id: String) throws -> Value {
        try aws.importResource(type: type, id: id)
    }

    /// Destroys the object recorded as `state`.
    func delete(_ state: Value) throws {
        _ = try aws.applyChange(ApplyChangeRequest(type: type, prior: state, planned: .null, configuration: .null))
    }

    /// What the provider finds for a create of `arguments` that a dead run may
    /// have made (planned exactly as a create would be).
    func findCreated(_ arguments: [String: Value]) throws -> CreatedObjectLookup {
        let plan = try plan(arguments)
        return try aws.findCreated(type: type, request: plan.planned)
    }

    // MARK: Internals

    private func applying(_ arguments: [String: Value], prior: Value?, expecting action: Action) throws -> Value {
        let plan = try plan(arguments, prior: prior)
        guard plan.action == action else {
            throw HarnessError(
                "\(type): expected the plan to \(action.rawValue), but it would \(plan.action.rawValue)"
                    + (plan.requiresReplace.isEmpty ? "" : " (replacement forced by \(plan.requiresReplace.joined(separator: ", ")))")
                    + ". Differences: \(Self.differences(plan.prior, plan.planned).joined(separator: "; "))")
        }
        return try apply(plan)
    }

    private func planChange(configuration: Value, prior: Value) throws -> PlannedChange {
        let proposed = ProposedState.merge(configuration: configuration, prior: prior, schema: schema)
        return try aws.planChange(PlanChangeRequest(type: type, prior: prior, proposed: proposed, configuration: configuration))
    }

    /// The top-level attributes whose content differs: for failure messages.
    static func differences(_ before: Value, _ after: Value) -> [String] {
        let old = before.attributes ?? [:], new = after.attributes ?? [:]
        return Set(old.keys).union(new.keys).sorted().compactMap { name in
            let a = old[name] ?? .null, b = new[name] ?? .null
            return a.hasSameContent(as: b) ? nil : "\(name): \(a) → \(b)"
        }
    }

    /// `arguments` completed and typed as `SchemaDecoder` does for a body.
    static func complete(_ arguments: [String: Value], schema: ResourceSchema, context: String) throws(HarnessError) -> Value {
        var result: [String: Value] = [:]
        for (name, value) in arguments {
            if let attribute = schema.attributes[name] {
                guard attribute.isSettable else { throw HarnessError("\(context): \(name) is computed and cannot be configured") }
                do {
                    result[name] = try Conversion.convert(value, to: attribute.type)
                } catch {
                    throw HarnessError("\(context): \(name) = \(value) does not convert to \(attribute.type): \(error)")
                }
            } else if let block = schema.blocks[name] {
                let given = value.isNull ? [] : (value.attributes != nil ? [value] : value.elements ?? [])
                var elements: [Value] = []
                for element in given {
                    elements.append(try complete(element.attributes ?? [:], schema: block.content, context: "\(context).\(name)"))
                }
                switch block.nesting {
                case .single: result[name] = elements.first ?? .null(block.content.valueType)
                case .list: result[name] = .list(elements, element: block.content.valueType)
                case .set: result[name] = .set(elements, element: block.content.valueType)
                }
            } else {
                throw HarnessError("\(context) has no argument or block named \(name)")
            }
        }
        for (name, attribute) in schema.attributes where result[name] == nil {
            result[name] = .null(attribute.type)
        }
        for (name, block) in schema.blocks where result[name] == nil {
            switch block.nesting {
            case .single: result[name] = .null(block.content.valueType)
            case .list: result[name] = .list([], element: block.content.valueType)
            case .set: result[name] = .set([], element: block.content.valueType)
            }
        }
        return .object(result)
    }
}
