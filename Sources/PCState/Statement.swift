import CSQLite
import Foundation

/// One prepared SQLite statement, finalized when the last reference goes.
///
/// Parameter and column indexes follow the C API: parameters count from 1,
/// columns from 0. Not thread-safe: use it from one thread at a time, as the
/// `Database` that made it.
public final class Statement {
    private let handle: OpaquePointer
    /// The SQL text, kept for error reports.
    public let sql: String

    init(db: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(db: db, code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private func failure(_ code: Int32) -> SQLiteError {
        SQLiteError(db: sqlite3_db_handle(handle), code: code, sql: sql)
    }

    private func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw failure(code) }
    }

    // MARK: Running

    /// Steps once: true when a row is available, false when the statement
    /// has finished.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = failure(code)
            // Resetting right away releases the statement's hold on the
            // transaction; sqlite3_reset repeats the error code, ignored.
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows (or whose rows are not wanted)
    /// to completion and resets it.
    public func run() throws {
        defer { reset() }
        while try step() {}
    }

    /// Makes the statement ready to run again. Bindings are kept.
    /// A statement left mid-way holds a read snapshot of the database open,
    /// so every user resets when done.
    public func reset() {
        sqlite3_reset(handle)
    }

    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding

    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws {
        try bind(Int64(value), at: index)
    }

    public func bind(_ value: Bool, at index: Int32) throws {
        try bind(Int64(value ? 1 : 0), at: index)
    }

    public func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    public func bind(_ value: String, at index: Int32) throws {
        var text = value
        let code = text.withUTF8 { bytes -> Int32 in
            guard bytes.count <= Int32.max else { return SQLITE_TOOBIG }
            // An empty string may have no buffer, but SQLite must still see
            // text and not NULL, which a nil pointer would mean.
            guard let base = bytes.baseAddress else {
                return pc_sqlite3_bind_text_transient(handle, index, "", 0)
            }
            let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return pc_sqlite3_bind_text_transient(handle, index, text, Int32(bytes.count))
        }
        try check(code)
    }

    public func bind(_ value: [UInt8], at index: Int32) throws {
        let code = value.withUnsafeBytes { bytes -> Int32 in
            guard bytes.count <= Int32.max else { return SQLITE_TOOBIG }
            if bytes.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return pc_sqlite3_bind_blob_transient(handle, index, bytes.baseAddress, Int32(bytes.count))
        }
        try check(code)
    }

    public func bind(_ value: Data, at index: Int32) throws {
        try bind([UInt8](value), at: index)
    }

    /// Binds any of the optional kinds: nil binds NULL.
    public func bind(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: Double?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds parameters 1, 2, … from the values, in order.
    public func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: try bindNull(at: index)
            case .integer(let v): try bind(v, at: index)
            case .real(let v): try bind(v, at: index)
            case .text(let v): try bind(v, at: index)
            case .blob(let v): try bind(v, at: index)
            }
        }
    }

    // MARK: Columns of the current row

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    public func bool(_ index: Int32) -> Bool {
        sqlite3_column_int64(handle, index) != 0
    }

    public func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// The column as text; NULL reads as the empty string.
    public func string(_ index: Int32) -> String {
        // The pointer must be fetched before the length: asking for the text
        // may convert the value, and the byte count describes the result.
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    public func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    public func optionalDouble(_ index: Int32) -> Double? {
        isNull(index) ? nil : double(index)
    }

    /// The column as bytes; NULL reads as no bytes.
    public func bytes(_ index: Int32) -> [UInt8] {
        guard let blob = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    public func data(_ index: Int32) -> Data {
        Data(bytes(index))
    }

    /// The column as whichever storage class SQLite holds it in.
    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index))
        case SQLITE_BLOB: return .blob(bytes(index))
        default: return .null
        }
    }
}

/// A value of one of SQLite's storage classes.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}
