import Foundation

/// What the applier was about to ask a provider to do to an object.
public enum IntentAction: String, Sendable, Hashable, CaseIterable, Codable {
    case create
    /// A create that replaces an object (`create_before_destroy` or
    /// destroy-then-create); the new object may exist beside the old one.
    case replace
    case delete
}

/// Which object an intent is about: one intent at most per object.
public struct IntentKey: Sendable, Hashable, Codable {
    public var address: String
    /// Nil for the instance's current object, else the deposed object's key.
    public var deposedKey: String?

    public init(address: String, deposedKey: String? = nil) {
        self.address = address
        self.deposedKey = deposedKey
    }
}

/// A provider call recorded durably before it is made, and cleared in the
/// same transaction that records its result. An intent still present when
/// a run starts means an earlier run stopped between the call and the
/// commit (crash, `kill -9`, power loss): the object may exist without
/// state knowing it, so the next plan looks it up by what `requestJSON`
/// identifies it by (name, tags) and adopts or reports it instead of
/// creating a duplicate.
public struct ApplyIntent: Sendable, Hashable, Codable {
    public var address: String
    /// Nil for the instance's current object, else the deposed object's key.
    public var deposedKey: String?
    public var action: IntentAction
    /// The provider configuration, as in `ResourceInstanceRecord.provider`.
    public var provider: String
    /// The resource type, e.g. `aws_s3_bucket`.
    public var type: String
    /// What was asked of the provider, as JSON text, including whatever
    /// identifies the object (name, tags). The store only checks that it is
    /// valid JSON; its shape belongs to the applier.
    public var requestJSON: String
    /// When the call was about to be made. Stored with millisecond precision.
    public var createdAt: Date
    /// The pcplan version that recorded the intent. The store writes its own
    /// version; the value given to `recordIntent` is ignored.
    public var pcplanVersion: String
    /// Identifies the run (one `pcplan apply`) that recorded the intent.
    public var runID: String

    public init(
        address: String,
        deposedKey: String? = nil,
        action: IntentAction,
        provider: String,
        type: String,
        requestJSON: String,
        createdAt: Date = Date(),
        pcplanVersion: String = "",
        runID: String
    ) {
        self.address = address
        self.deposedKey = deposedKey
        self.action = action
        self.provider = provider
        self.type = type
        self.requestJSON = requestJSON
        self.createdAt = createdAt
        self.pcplanVersion = pcplanVersion
        self.runID = runID
    }

    public var key: IntentKey { IntentKey(address: address, deposedKey: deposedKey) }
}
