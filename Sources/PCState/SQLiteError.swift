import CSQLite

/// A failure reported by SQLite: the result code (extended, when SQLite
/// gave one) and its message, plus the statement that failed when there was
/// one, so that a report names what was being done.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_CHECK` (275).
    public var code: Int32
    public var message: String
    /// The SQL being run, when the error came from a statement.
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Reads the code and message of the latest failure on `db`.
    init(db: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's error slot may belong to an older call when the
        // code passed in is not the one recorded there.
        let recorded = (extended & 0xFF) == (code & 0xFF)
        let message: String
        if recorded, let db, let text = sqlite3_errmsg(db) {
            message = String(cString: text)
        } else {
            message = String(cString: sqlite3_errstr(code))
        }
        self.init(code: recorded ? extended : code, message: message, sql: sql)
    }

    /// The primary result code, e.g. `SQLITE_CONSTRAINT` (19) for any kind
    /// of constraint failure.
    public var primaryCode: Int32 { code & 0xFF }

    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// The file is not an SQLite database (random bytes, encrypted, …).
    public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB }

    public var description: String {
        "SQLite error \(code): \(message)"
    }
}
