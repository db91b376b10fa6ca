import Foundation

extension SQLiteStateBackend {
    /// Writes a consistent, compacted copy of the whole state to a new file
    /// at `path` (SQLite's `VACUUM INTO`), without stopping writers for
    /// longer than the copy: what a shared backend uploads as its snapshot.
    /// Fails if `path` exists.
    public func exportCopy(to path: String) throws {
        mutex.lock()
        defer { mutex.unlock() }
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "''") + "'"
        try db.execute("VACUUM INTO \(quoted)")
    }
}
