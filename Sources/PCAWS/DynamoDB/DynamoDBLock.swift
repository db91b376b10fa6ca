import Foundation
import PCLang

/// A state lock as recorded in the lock table's `Info` attribute: who
/// holds it, for what, since when, and from which process.
///
/// The JSON uses Terraform's `LockInfo` names (`ID`, `Operation`, `Info`,
/// `Who`, `Version`, `Created`, `Path`), so Terraform and pcplan read each
/// other's locks, plus pcplan's `Host`, `PID` and `PIDStartTime`, which
/// Terraform ignores: with them a caller on the holder's machine can tell
/// that the holder's process is gone (killed, crashed) and the lock stale.
public struct DynamoDBLock: Sendable, Hashable {
    /// A UUID; unlocking must name it.
    public var id: String
    /// The command holding the lock (`apply`, `plan`; Terraform writes
    /// `OperationTypeApply`).
    public var operation: String
    /// Free text from the holder.
    public var info: String
    /// `user@host`.
    public var who: String
    /// The holder's program version.
    public var version: String
    /// When the lock was taken, at millisecond precision (what the record
    /// keeps, so a lock read back equals the one written). Nil when a
    /// record written by someone else has none or an unreadable one.
    public var created: Date?
    /// The lock's key: `<bucket>/<key>` of the state object.
    public var path: String
    /// The holder's host name; nil in records written by Terraform.
    public var host: String?
    /// The holder's process id; nil in records written by Terraform.
    public var pid: Int?
    /// When the holder's process started (clock ticks since boot, Linux's
    /// `/proc/<pid>/stat` field 22), to tell it from a later process given
    /// the same pid.
    public var processStartTime: Int64?

    public init(
        id: String, operation: String, info: String = "", who: String, version: String, created: Date?, path: String,
        host: String? = nil, pid: Int? = nil, processStartTime: Int64? = nil
    ) {
        self.id = id
        self.operation = operation
        self.info = info
        self.who = who
        self.version = version
        self.created = created.map(LockTimestamp.wholeMilliseconds)
        self.path = path
        self.host = host
        self.pid = pid
        self.processStartTime = processStartTime
    }

    /// A new lock for this process: a fresh UUID, `user@host`, the pid and
    /// the current time.
    public static func forThisProcess(
        path: String, operation: String, info: String = "", version: String, processStartTime: Int64? = nil,
        now: Date = Date()
    ) -> DynamoDBLock {
        let host = localHostName()
        return DynamoDBLock(
            id: UUID().uuidString.lowercased(), operation: operation, info: info, who: "\(userName())@\(host)",
            version: version, created: now, path: path, host: host, pid: Int(ProcessInfo.processInfo.processIdentifier),
            processStartTime: processStartTime)
    }

    // MARK: Staleness

    /// Whether the holder is known to be gone: it ran on `localHost` and
    /// `processIsGone(pid, processStartTime)` says its process no longer
    /// exists. False whenever that cannot be known (another host, no pid
    /// recorded): such a lock is cleared only by force-unlock.
    public func holderIsGone(localHost: String, processIsGone: (Int, Int64?) -> Bool) -> Bool {
        guard let host, host == localHost, let pid, pid > 0 else { return false }
        return processIsGone(pid, processStartTime)
    }

    /// How long the lock has been held, when its creation time is known.
    public func age(now: Date = Date()) -> TimeInterval? {
        created.map { now.timeIntervalSince($0) }
    }

    // MARK: The record

    /// The `Info` attribute's text: compact JSON with sorted keys, so the
    /// same lock always gives the same bytes (releasing a lock compares
    /// them).
    public var infoJSON: String {
        var fields: [String: Value] = [
            "ID": .string(id), "Operation": .string(operation), "Info": .string(info), "Who": .string(who),
            "Version": .string(version), "Path": .string(path),
            // Go's zero time, as Terraform writes a LockInfo without one.
            "Created": .string(created.map(LockTimestamp.format) ?? "0001-01-01T00:00:00Z"),
        ]
        if let host { fields["Host"] = .string(host) }
        if let pid { fields["PID"] = .number(pid) }
        if let processStartTime, let ticks = Int(exactly: processStartTime) { fields["PIDStartTime"] = .number(ticks) }
        // Strings and integers only: writing cannot fail.
        return (try? Value.object(fields).jsonString()) ?? "{}"
    }

    /// Reads an `Info` attribute's text. Missing fields read as empty
    /// (Terraform omits none, but other tools may); text that is not a JSON
    /// object is an error saying what is wrong, never quoting the text.
    public init(infoJSON text: String) throws(DynamoDBAttributeValue.WireError) {
        let value: Value
        do {
            value = try Value.fromJSON(text)
        } catch {
            throw DynamoDBAttributeValue.WireError(path: "Info", message: "not JSON (\(error.description))")
        }
        guard let fields = value.attributes else {
            throw DynamoDBAttributeValue.WireError(path: "Info", message: "JSON, but not an object")
        }
        func string(_ name: String) -> String { fields[name]?.stringValue ?? "" }
        self.init(
            id: string("ID"), operation: string("Operation"), info: string("Info"), who: string("Who"),
            version: string("Version"), created: Self.created(string("Created")), path: string("Path"),
            host: fields["Host"]?.stringValue, pid: fields["PID"]?.numberValue?.intValue,
            processStartTime: fields["PIDStartTime"]?.numberValue?.intValue.map(Int64.init))
    }

    /// "alice@build-7 (pid 4242) for apply since 2024-05-01T09:30:12.123Z,
    /// lock ID 9f…": what a user needs to find the holder.
    public var holderSummary: String {
        var text = who.isEmpty ? "an unnamed holder" : who
        if let pid { text += " (pid \(pid)\(host.map { " on \($0)" } ?? ""))" }
        if !operation.isEmpty { text += " for \(operation)" }
        if let created { text += " since \(LockTimestamp.format(created))" }
        text += ", lock ID \(id.isEmpty ? "(none)" : id)"
        if !info.isEmpty { text += " (\(info))" }
        return text
    }

    /// Go's zero time (`0001-01-01T00:00:00Z`) means "not set".
    private static func created(_ text: String) -> Date? {
        guard !text.isEmpty, !text.hasPrefix("0001-01-01T00:00:00") else { return nil }
        return LockTimestamp.parse(text)
    }

    /// This machine's name as `gethostname` gives it (not a DNS lookup),
    /// the same name the local state lock records, so "is the holder on
    /// this host?" compares like with like.
    public static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }

    private static func userName() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        let name = ProcessInfo.processInfo.userName
        return name.isEmpty ? "unknown" : name
    }
}
