import Foundation

/// Facts about the state as a whole.
public struct StateMetadata: Sendable, Hashable {
    /// Chosen once when the state is created; a plan made against one
    /// lineage is never applied to another.
    public var lineage: String
    /// Incremented by every commit that changes something.
    public var serial: Int
    /// The pcplan version that last changed the state.
    public var pcplanVersion: String
    public var createdAt: Date

    public init(lineage: String, serial: Int, pcplanVersion: String, createdAt: Date) {
        self.lineage = lineage
        self.serial = serial
        self.pcplanVersion = pcplanVersion
        self.createdAt = createdAt
    }
}

/// Everything recorded in state at one serial, read in one transaction so
/// that the records and the serial agree.
public struct StateSnapshot: Sendable, Hashable {
    public var lineage: String
    public var serial: Int
    /// The pcplan version that last changed the state.
    public var pcplanVersion: String
    /// Sorted by address, then the current object before deposed ones.
    public var resources: [ResourceInstanceRecord]
    /// Sorted by name.
    public var outputs: [OutputRecord]
    /// Provider calls an earlier run recorded but never saw the result of:
    /// objects that may exist without state knowing them. Sorted as
    /// `StateBackend.intents()`.
    public var pendingIntents: [ApplyIntent]

    public init(
        lineage: String, serial: Int, pcplanVersion: String, resources: [ResourceInstanceRecord], outputs: [OutputRecord],
        pendingIntents: [ApplyIntent] = []
    ) {
        self.lineage = lineage
        self.serial = serial
        self.pcplanVersion = pcplanVersion
        self.resources = resources
        self.outputs = outputs
        self.pendingIntents = pendingIntents
    }

    /// The current (not deposed) object at `address`. Linear; callers that
    /// look up many addresses should build a dictionary once.
    public func instance(_ address: String) -> ResourceInstanceRecord? {
        resources.first { $0.address == address && $0.deposedKey == nil }
    }

    public func output(_ name: String) -> OutputRecord? {
        outputs.first { $0.name == name }
    }
}
