import Foundation

extension SQLiteStateBackend {
    /// Writes a consistent, compacted copy of the whole state to a new file
    /// at `path` (SQLite's `VACUUM INTO`), without stopping writers for
    /// longer than the copy: what a shared backend uploads as its snapshot,
    /// and what a migration moves. The copy carries no lock: a lock belongs
    /// to the place it was taken in, not to the state. Fails if `path`
    /// exists.
    public func exportCopy(to path: String) throws {
        mutex.lock()
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "''") + "'"
        do {
            try db.execute("VACUUM INTO \(quoted)")
        } catch {
            mutex.unlock()
            throw error
        }
        mutex.unlock()
        let copy = try Database(path: path, create: false, busyTimeout: 1)
        try copy.execute("DELETE FROM state_lock")
    }
}
