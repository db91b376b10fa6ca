import PCAWS
import PCLang
import PCProvider

/// The EFS REST calls the file system and mount target types share: paths,
/// lookups that turn "not found" into nil, lifecycle waits and the DNS names
/// AWS documents for mounting.
///
/// Every id goes into a path or query RFC 3986-escaped; EFS ids (`fs-…`,
/// `fsmt-…`) never need escaping, but a hand-typed import id might.
enum EFSAPI {
    static let fileSystems = "/2015-02-01/file-systems"
    static let mountTargets = "/2015-02-01/mount-targets"

    static func fileSystemPath(_ id: String) -> String { fileSystems + "/" + AWSFormEncoding.uriEscape(id) }
    static func mountTargetPath(_ id: String) -> String { mountTargets + "/" + AWSFormEncoding.uriEscape(id) }
    static func tagsPath(_ id: String) -> String { "/2015-02-01/resource-tags/" + AWSFormEncoding.uriEscape(id) }

    /// Waits are generous: EFS takes seconds usually, minutes when busy
    /// (Terraform allows 10 minutes for file systems, 30 for mount targets).
    static let fileSystemTimeout = 600.0
    static let mountTargetCreateTimeout = 1800.0
    static let mountTargetDeleteTimeout = 600.0
    static let pollInterval = 3.0

    // MARK: File systems

    /// The file system's description, or nil when it is gone (or deleted).
    static func fileSystem(_ id: String, api: AWSClient) throws(AWSError) -> Value? {
        let reply: Value
        do {
            reply = try api.rest(.efs, "DescribeFileSystems", method: "GET", path: fileSystems, query: [("FileSystemId", id)])
        } catch where error.code == "FileSystemNotFound" {
            return nil
        }
        guard let found = reply.blockList("FileSystems").first(where: { $0.stringAttribute("FileSystemId") == id }),
              found.stringAttribute("LifeCycleState") != "deleted" else { return nil }
        return found
    }

    /// The file system made with `token`, if any (tokens are unique per account and region).
    static func fileSystem(creationToken token: String, api: AWSClient) throws(AWSError) -> Value? {
        let reply = try api.rest(.efs, "DescribeFileSystems", method: "GET", path: fileSystems, query: [("CreationToken", token)])
        return reply.blockList("FileSystems").first {
            $0.stringAttribute("CreationToken") == token && $0.stringAttribute("LifeCycleState") != "deleted"
        }
    }

    /// Waits until the file system is `available`; `error` ends the wait.
    static func waitForFileSystem(_ id: String, api: AWSClient) throws(AWSError) -> Value {
        try AWSWaiter.wait(for: "EFS file system \(id) to become available", timeout: fileSystemTimeout, interval: pollInterval) {
            () throws(AWSError) -> Value? in
            guard let found = try fileSystem(id, api: api) else {
                throw AWSError(
                    code: "FileSystemNotFound", message: "the file system disappeared while pcplan waited for it",
                    service: "efs", operation: "DescribeFileSystems")
            }
            return try settled(found, kind: "file system", id: id, operation: "DescribeFileSystems")
        }
    }

    static func waitForFileSystemGone(_ id: String, api: AWSClient) throws(AWSError) {
        _ = try AWSWaiter.wait(for: "EFS file system \(id) to be deleted", timeout: fileSystemTimeout, interval: pollInterval) {
            () throws(AWSError) -> Bool? in
            try fileSystem(id, api: api) == nil ? true : nil
        }
    }

    // MARK: Mount targets

    /// The mount target's description, or nil when it is gone.
    static func mountTarget(_ id: String, api: AWSClient) throws(AWSError) -> Value? {
        let reply: Value
        do {
            reply = try api.rest(.efs, "DescribeMountTargets", method: "GET", path: mountTargets, query: [("MountTargetId", id)])
        } catch where error.code == "MountTargetNotFound" {
            return nil
        }
        guard let found = reply.blockList("MountTargets").first(where: { $0.stringAttribute("MountTargetId") == id }),
              found.stringAttribute("LifeCycleState") != "deleted" else { return nil }
        return found
    }

    /// Every mount target of a file system (following `NextMarker`); empty
    /// when the file system is gone.
    static func mountTargets(ofFileSystem id: String, api: AWSClient) throws(AWSError) -> [Value] {
        var found: [Value] = []
        var marker: String?
        var pages = 0
        repeat {
            let reply: Value
            do {
                reply = try api.rest(
                    .efs, "DescribeMountTargets", method: "GET", path: mountTargets,
                    query: [("FileSystemId", id)] + (marker.map { [("Marker", $0)] } ?? []))
            } catch where error.code == "FileSystemNotFound" {
                return []
            }
            found += reply.blockList("MountTargets")
            marker = reply.stringAttribute("NextMarker").flatMap { $0.isEmpty ? nil : $0 }
            pages += 1
        } while marker != nil && pages < 100
        return found
    }

    static func waitForMountTarget(_ id: String, api: AWSClient) throws(AWSError) -> Value {
        try AWSWaiter.wait(for: "EFS mount target \(id) to become available", timeout: mountTargetCreateTimeout, interval: pollInterval) {
            () throws(AWSError) -> Value? in
            guard let found = try mountTarget(id, api: api) else {
                throw AWSError(
                    code: "MountTargetNotFound", message: "the mount target disappeared while pcplan waited for it",
                    service: "efs", operation: "DescribeMountTargets")
            }
            return try settled(found, kind: "mount target", id: id, operation: "DescribeMountTargets")
        }
    }

    static func waitForMountTargetGone(_ id: String, api: AWSClient) throws(AWSError) {
        _ = try AWSWaiter.wait(for: "EFS mount target \(id) to be deleted", timeout: mountTargetDeleteTimeout, interval: pollInterval) {
            () throws(AWSError) -> Bool? in
            try mountTarget(id, api: api) == nil ? true : nil
        }
    }

    /// The description once its `LifeCycleState` is `available`; nil while
    /// it is still on its way; an error for `error`.
    private static func settled(_ found: Value, kind: String, id: String, operation: String) throws(AWSError) -> Value? {
        switch found.stringAttribute("LifeCycleState") {
        case "available":
            return found
        case "error":
            throw AWSError(
                code: "LifeCycleStateError", message: "EFS reports the \(kind) \(id) in state \"error\"",
                service: "efs", operation: operation)
        default:
            return nil
        }
    }

    // MARK: Names

    /// `fs-….efs.<region>.amazonaws.com` (`.com.cn` in China), the name AWS
    /// documents for mounting a file system.
    static func dnsName(fileSystem id: String, region: String) -> String {
        "\(id).efs.\(region).\(domainSuffix(region))"
    }

    /// The zone-specific name: `<az>.fs-….efs.<region>.amazonaws.com`.
    static func dnsName(fileSystem id: String, zone: String, region: String) -> String {
        "\(zone).\(dnsName(fileSystem: id, region: region))"
    }

    static func fileSystemARN(_ id: String, region: String, account: String) -> String {
        AWSARN.make(service: "elasticfilesystem", region: region, account: account, resource: "file-system/\(id)")
    }

    private static func domainSuffix(_ region: String) -> String {
        AWSARN.partition(forRegion: region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
    }
}
