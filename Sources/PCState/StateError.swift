import Foundation

/// Problems with the state that a user can understand and act on. Each
/// description says what is wrong and what to do.
public enum StateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a pcplan state: not an SQLite database,
    /// damaged, or another program's database. It was left untouched.
    case notAState(path: String, reason: String)
    /// The state was written by a newer pcplan whose schema this one does
    /// not know. It was left untouched.
    case newerSchema(path: String, found: Int, supported: Int)
    /// No state exists at the path and the caller asked not to create one.
    case stateNotFound(path: String)
    /// The file could not be opened or prepared for use (missing directory,
    /// permissions, full disk, another process holding it too long).
    case cannotOpen(path: String, reason: String)
    /// Someone else holds the lock. `holderGone` is true when the holder ran
    /// on this host and its process no longer exists.
    case locked(holder: LockInfo, holderGone: Bool, waited: Double)
    /// An unlock named a lock ID that is not the holder's.
    case lockIDMismatch(given: String, holder: LockInfo)
    /// An unlock found no lock held.
    case notLocked(location: String, given: String)
    /// A change named an instance that is not in state.
    case noSuchInstance(address: String)
    /// A move's destination is already taken.
    case instanceExists(address: String)
    /// A depose named a deposed key already used for that address.
    case deposedKeyExists(address: String, deposedKey: String)
    /// A stored record cannot be read back (edited by hand, or damaged).
    case invalidRecord(address: String, reason: String)
    /// A journal entry of a shared state cannot be read back: damaged, or
    /// written by a newer pcplan. Nothing was changed.
    case unreadableJournalEntry(source: String, reason: String)

    public var description: String {
        switch self {
        case let .notAState(path, reason):
            return "\(path) is not a pcplan state: \(reason). "
                + "It was left untouched; pass the path of a pcplan state with -state, "
                + "or move this file away to start a new state."
        case let .newerSchema(path, found, supported):
            return "\(path) was written by a newer pcplan (state schema version \(found); "
                + "this pcplan knows versions up to \(supported)). "
                + "It was left untouched; upgrade pcplan to use this state."
        case let .stateNotFound(path):
            return "No state found at \(path). Run pcplan apply to create one, or pass the right path with -state."
        case let .cannotOpen(path, reason):
            return "Cannot open the state at \(path): \(reason). "
                + "Check that the file and its directory exist and are writable."
        case let .locked(holder, holderGone, waited):
            var text = "The state at \(holder.path) is locked by \(holder.who) for \"\(holder.operation)\" "
                + "since \(Self.utc(holder.createdAt)) (pid \(holder.pid) on \(holder.host), "
                + "pcplan \(holder.pcplanVersion)), lock ID \(holder.id)."
            if !holder.info.isEmpty { text += " Info: \(holder.info)." }
            if waited > 0 { text += " Waited \(Self.seconds(waited)) for it." }
            if holderGone {
                text += " Process \(holder.pid) no longer exists on this host, so the lock was probably "
                    + "left behind by a run that was killed or crashed. If no one else is working on "
                    + "this state, run: pcplan force-unlock \(holder.id)"
            } else {
                text += " Wait for that operation to finish (or pass -lock-timeout to wait for it), "
                    + "or, if it is no longer running, run: pcplan force-unlock \(holder.id)"
            }
            return text
        case let .lockIDMismatch(given, holder):
            return "Lock ID \(given) does not match the lock held on \(holder.path): it is held by "
                + "\(holder.who) for \"\(holder.operation)\" with lock ID \(holder.id). "
                + "Check the ID in the error that reported the lock; nothing was unlocked."
        case let .notLocked(location, given):
            return "The state at \(location) is not locked, so lock ID \(given) cannot be released; nothing to do."
        case let .noSuchInstance(address):
            return "No resource instance \(address) in state. Run pcplan state list to see the addresses recorded."
        case let .instanceExists(address):
            return "A resource instance \(address) is already in state. Remove it first "
                + "(pcplan state rm) or choose another destination."
        case let .deposedKeyExists(address, key):
            return "\(address) already has a deposed object with key \(key)."
        case let .invalidRecord(address, reason):
            return "The state record for \(address) cannot be read: \(reason). "
                + "The state file may have been edited by hand or damaged."
        case let .unreadableJournalEntry(source, reason):
            return "The state journal entry \(source) cannot be read: \(reason). Nothing was changed."
        }
    }

    static func utc(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1fs", value) : "\(Int(value.rounded()))s"
    }
}
