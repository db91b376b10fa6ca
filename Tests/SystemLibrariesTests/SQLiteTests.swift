import CSQLite
import Testing

/// One round trip through SQLite: open an in-memory database, create a
/// table, insert with a bound parameter through the transient shim and read
/// the row back.
@Suite struct SQLiteTests {
    @Test func inMemoryRoundTripWithBoundText() throws {
        var db: OpaquePointer?
        #expect(sqlite3_open(":memory:", &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        let connection = try #require(db)

        #expect(sqlite3_exec(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", nil, nil, nil)
            == SQLITE_OK)

        var insert: OpaquePointer?
        #expect(sqlite3_prepare_v2(connection, "INSERT INTO t (name) VALUES (?1)", -1, &insert, nil) == SQLITE_OK)
        // A temporary Swift buffer: the transient binding must copy it.
        let name = "grüße, ✓"
        let bound = name.withCString { pc_sqlite3_bind_text_transient(insert, 1, $0, -1) }
        #expect(bound == SQLITE_OK)
        #expect(sqlite3_step(insert) == SQLITE_DONE)
        #expect(sqlite3_finalize(insert) == SQLITE_OK)
        #expect(sqlite3_last_insert_rowid(connection) == 1)

        var select: OpaquePointer?
        #expect(sqlite3_prepare_v2(connection, "SELECT id, name FROM t", -1, &select, nil) == SQLITE_OK)
        defer { sqlite3_finalize(select) }
        #expect(sqlite3_step(select) == SQLITE_ROW)
        #expect(sqlite3_column_int64(select, 0) == 1)
        let text = try #require(sqlite3_column_text(select, 1))
        #expect(String(cString: text) == name)
        #expect(sqlite3_step(select) == SQLITE_DONE)
    }

    @Test func libraryVersionIsSQLite3() {
        let version = String(cString: sqlite3_libversion())
        #expect(version.hasPrefix("3."))
        #expect(sqlite3_libversion_number() >= 3_031_000)
    }
}
