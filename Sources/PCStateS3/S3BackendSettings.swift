import PCAWS

/// What `backend "s3" { … }` says about where the state lives; credentials,
/// region and endpoints come through the `AWSClient`, resolved as for the
/// AWS provider.
public struct S3BackendSettings: Sendable, Equatable {
    public var bucket: String
    /// The state object's key, e.g. `prod/pcplan.state`.
    public var key: String
    /// The DynamoDB table of locks (hash key `LockID`); no locking when nil.
    public var lockTable: String?
    /// Server-side encryption of every object written (`encrypt = true`).
    public var encryption: S3Encryption
    /// Path-style addressing (`use_path_style`); also used whenever the S3
    /// endpoint is overridden.
    public var usePathStyle: Bool
    /// `use_lockfile`: the lock as an object `KEY.tflock` beside the state,
    /// created with a conditional write (with `lockTable` too, both are
    /// taken, as Terraform does).
    public var useLockfile: Bool

    public init(
        bucket: String, key: String, lockTable: String? = nil, encryption: S3Encryption = .none, usePathStyle: Bool = false,
        useLockfile: Bool = false
    ) {
        self.bucket = bucket
        self.key = key
        self.lockTable = lockTable
        self.encryption = encryption
        self.usePathStyle = usePathStyle
        self.useLockfile = useLockfile
    }
}
