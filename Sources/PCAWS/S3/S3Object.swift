/// An object read whole by `S3Client.getObject`.
///
/// Its bytes may be state with sensitive values, so neither `description`
/// nor reflection (`dump`, debuggers) shows them: only size and ETag.
public struct S3Object: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var bytes: [UInt8]
    public var metadata: S3ObjectMetadata

    public init(bytes: [UInt8], metadata: S3ObjectMetadata) {
        self.bytes = bytes
        self.metadata = metadata
    }

    public var etag: String { metadata.etag }
    public var versionID: String? { metadata.versionID }

    public var description: String { "S3 object (\(bytes.count) bytes, ETag \(metadata.etag))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["size": bytes.count, "metadata": metadata], displayStyle: .struct)
    }
}
