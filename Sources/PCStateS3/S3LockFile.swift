import Foundation
import PCAWS
import PCState

/// `use_lockfile = true`: the lock as an object beside the state,
/// `KEY.tflock`, created with `If-None-Match: *` so that exactly one run
/// can make it, holding the same lock record Terraform writes (who, what,
/// when, where). Releasing deletes it.
struct S3LockFile {
    let s3: S3Client
    let bucket: String
    let key: String
    let location: String

    init(s3: S3Client, settings: S3BackendSettings, location: String) {
        self.s3 = s3
        bucket = settings.bucket
        key = settings.key + ".tflock"
        self.location = location
    }

    /// Takes the lock, retrying every second until `timeout` has passed;
    /// the holder when it stays taken.
    func acquire(_ lock: DynamoDBLock, timeout: Double) throws -> DynamoDBLockTable.Attempt {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do throws(S3Error) {
                try s3.putObject(bucket, key, Array(lock.infoJSON.utf8), condition: .ifNoneMatchAny, contentType: "application/json")
                return .acquired(lock)
            } catch {
                guard case .preconditionFailed = error else { throw S3StateError.storage(location: location, error: error) }
            }
            // Gone between the refused write and this read: try again.
            guard let holder = try holder() else { continue }
            if Date() >= deadline { return .held(by: holder) }
            Thread.sleep(forTimeInterval: min(1, max(0.05, deadline.timeIntervalSinceNow)))
        }
    }

    /// The lock record, or nil when no lock is held. A record that cannot
    /// be read is reported with the way to clear it.
    func holder() throws -> DynamoDBLock? {
        let object: S3Object?
        do {
            object = try s3.getObject(bucket, key)
        } catch {
            throw S3StateError.storage(location: location, error: error)
        }
        guard let object else { return nil }
        do {
            return try DynamoDBLock(infoJSON: String(decoding: object.bytes, as: UTF8.self))
        } catch {
            throw S3StateError.damaged(
                location: "s3://\(bucket)/\(key)",
                reason: "the lock object cannot be read (\(error)); if no run holds it, delete the object to clear it")
        }
    }

    /// Deletes the lock if `id` is its holder's.
    func release(id: String) throws {
        guard let holder = try holder() else { throw StateError.notLocked(location: location, given: id) }
        guard holder.id == id else { throw StateError.lockIDMismatch(given: id, holder: S3StateBackend.lockInfo(holder, location: location)) }
        do {
            try s3.deleteObject(bucket, key)
        } catch {
            throw S3StateError.storage(location: location, error: error)
        }
    }
}
