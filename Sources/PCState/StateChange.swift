/// One edit to the state. A `ChangeSet` of them is committed atomically.
public enum StateChange: Sendable, Hashable, Codable {
    /// Records an object, replacing the one with the same address and
    /// deposed key. The stored `createdAt` of an existing object is kept.
    case upsertInstance(ResourceInstanceRecord)
    /// Forgets an instance entirely: its current object and any deposed
    /// ones (`pcplan state rm`). Nothing happens if there is none.
    case deleteInstance(address: String)
    /// Forgets one object: the current one when `deposedKey` is nil, else
    /// that deposed one (after it was destroyed). Nothing happens if there
    /// is none.
    case deleteObject(address: String, deposedKey: String?)
    /// Gives the instance at `from` (with its deposed objects) a new
    /// identity, keeping everything else (`moved` blocks, `pcplan state mv`).
    /// Fails when nothing is at `from` or something is already at `to`.
    case moveInstance(from: String, to: InstanceIdentity)
    /// Turns the current object at `address` into a deposed object under
    /// `deposedKey`, making room for its replacement (`create_before_destroy`).
    /// Fails when there is no current object or the key is taken.
    case deposeInstance(address: String, deposedKey: String)
    /// Records a root output, replacing one of the same name.
    case setOutput(OutputRecord)
    /// Forgets a root output. Nothing happens if there is none.
    case deleteOutput(name: String)
}

/// Changes committed together: all of them or none.
public struct ChangeSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public var changes: [StateChange]

    public init(_ changes: [StateChange] = []) {
        self.changes = changes
    }

    public init(arrayLiteral changes: StateChange...) {
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }
    public var count: Int { changes.count }

    public mutating func append(_ change: StateChange) {
        changes.append(change)
    }
}
