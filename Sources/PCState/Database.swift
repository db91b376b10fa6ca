import CSQLite

/// One SQLite connection, closed when the last reference goes, with a cache
/// of prepared statements keyed by their SQL text.
///
/// Not thread-safe, and opened without SQLite's own mutex: one thread at a
/// time, which owners such as `SQLiteStateBackend` guarantee with a lock.
public final class Database {
    private let handle: OpaquePointer
    public let path: String
    private var cache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// Opens (and by default creates) the database file at `path`.
    /// Opening reads nothing yet: a file that is not a database is only
    /// noticed by the first statement, with `SQLITE_NOTADB`.
    public init(path: String, create: Bool = true, readOnly: Bool = false, busyTimeout: Double = 5) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError(db: db, code: code)
            // A failed open may still allocate a handle that must be closed.
            sqlite3_close_v2(db)
            throw error
        }
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, Int32(max(0, min(busyTimeout * 1000, Double(Int32.max)))))
    }

    deinit {
        // Statements must go before the connection; close_v2 would wait for
        // any still held elsewhere rather than fail.
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Statements

    /// The prepared statement for `sql`, from the cache when it was prepared
    /// before, reset and with no bindings. Do not ask for the same SQL again
    /// while iterating over its rows: both uses share one statement.
    public func statement(_ sql: String) throws -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            cached.clearBindings()
            return cached
        }
        let statement = try Statement(db: handle, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// A statement that is not cached, for SQL run once.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(db: handle, sql: sql)
    }

    /// Runs one or more statements separated by semicolons, without
    /// parameters (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            var error = SQLiteError(db: handle, code: code, sql: sql)
            if let message {
                error.message = String(cString: message)
            }
            sqlite3_free(message)
            throw error
        }
    }

    /// Runs a cached statement with the values bound to parameters 1, 2, …
    /// and returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int {
        let statement = try statement(sql)
        try statement.bind(values)
        try statement.run()
        return changes
    }

    /// Maps every row of a cached query.
    public func query<Row>(_ sql: String, _ values: [SQLiteValue] = [], row: (Statement) throws -> Row) throws -> [Row] {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// The first row of a cached query, mapped, or nil when there is none.
    public func first<Row>(_ sql: String, _ values: [SQLiteValue] = [], row: (Statement) throws -> Row) throws -> Row? {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? try row(statement) : nil
    }

    // MARK: Transactions

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE` takes the write
    /// lock up front (waiting up to the busy timeout), so the body never
    /// fails half-way for want of it; an error thrown by the body rolls
    /// everything back. Nested calls become savepoints.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        if !isAutocommit {
            return try savepoint(body)
        }
        return try outermostTransaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction, so that every query in it sees the
    /// same committed state even while other connections write.
    public func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        if !isAutocommit {
            return try body()
        }
        return try outermostTransaction(begin: "BEGIN DEFERRED", body)
    }

    /// `begin`, then `body`, then `COMMIT`; a rollback when anything throws.
    private func outermostTransaction<Result>(begin: String, _ body: () throws -> Result) throws -> Result {
        try statement(begin).run()
        do {
            let result = try body()
            try statement("COMMIT").run()
            return result
        } catch {
            rollbackIfOpen()
            throw error
        }
    }

    private func savepoint<Result>(_ body: () throws -> Result) throws -> Result {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "pc_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name); RELEASE \(name)")
            throw error
        }
    }

    private func rollbackIfOpen() {
        // Some failures (I/O, full disk) roll the transaction back on their
        // own; a second ROLLBACK would only report "no transaction".
        if !isAutocommit {
            try? statement("ROLLBACK").run()
        }
    }

    // MARK: Connection facts

    /// False while a transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Rows changed by the latest INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Reads an integer pragma such as `user_version` or `application_id`.
    public func integerPragma(_ name: String) throws -> Int64 {
        try first("PRAGMA \(name)") { $0.int64(0) } ?? 0
    }

    /// Sets a pragma to an integer; the name is trusted SQL.
    public func setIntegerPragma(_ name: String, _ value: Int64) throws {
        try execute("PRAGMA \(name) = \(value)")
    }
}
