import Foundation
import Testing
@testable import PCState

/// The thin wrapper over the C API: binding and reading every kind of value,
/// the statement cache, transactions and errors.
@Suite struct DatabaseTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
            let insert = try db.statement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            try insert.bind(Int64.min, at: 1)
            try insert.bind(-0.125, at: 2)
            try insert.bind("héllo \"wörld\" \u{1F600}", at: 3)
            try insert.bind([0, 1, 255] as [UInt8], at: 4)
            try insert.bindNull(at: 5)
            try insert.run()
            #expect(db.changes == 1)

            let row = try #require(try db.first("SELECT i, r, s, b, n FROM t") { row in
                (row.int64(0), row.double(1), row.string(2), row.bytes(3), row.isNull(4), row.optionalString(4), row.data(3))
            })
            #expect(row.0 == Int64.min)
            #expect(row.1 == -0.125)
            #expect(row.2 == "héllo \"wörld\" \u{1F600}")
            #expect(row.3 == [0, 1, 255])
            #expect(row.4)
            #expect(row.5 == nil)
            #expect(row.6 == Data([0, 1, 255]))
        }
    }

    @Test func emptyStringAndEmptyBlobAreNotNull() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (s TEXT, b BLOB)")
            try db.run("INSERT INTO t VALUES (?, ?)", [.text(""), .blob([])])
            let kinds = try db.first("SELECT typeof(s), typeof(b) FROM t") { [$0.string(0), $0.string(1)] }
            #expect(kinds == ["text", "blob"])
            let values = try db.first("SELECT s, b FROM t") { [$0.value(0), $0.value(1)] }
            #expect(values == [.text(""), .blob([])])
        }
    }

    @Test func statementsAreCachedBySQLText() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            let first = try db.statement("SELECT 1")
            let second = try db.statement("SELECT 1")
            let other = try db.statement("SELECT 2")
            #expect(first === second)
            #expect(first !== other)
        }
    }

    @Test func cachedStatementComesBackWithoutOldBindings() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            let values = try db.query("SELECT ?", [.integer(7)]) { $0.value(0) }
            #expect(values == [.integer(7)])
            let again = try db.first("SELECT ?") { $0.value(0) }
            #expect(again == .null)
        }
    }

    @Test func failedTransactionRollsBackEverything() throws {
        struct Stop: Error {}
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (v INTEGER)")
            #expect(throws: Stop.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (1)")
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Stop()
                }
            }
            #expect(db.isAutocommit)
            #expect(try db.first("SELECT count(*) FROM t") { $0.int(0) } == 0)

            let result = try db.transaction {
                try db.run("INSERT INTO t VALUES (3)")
                return "done"
            }
            #expect(result == "done")
            #expect(try db.query("SELECT v FROM t") { $0.int(0) } == [3])
        }
    }

    @Test func nestedTransactionIsASavepoint() throws {
        struct Stop: Error {}
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (v INTEGER)")
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                try? db.transaction {
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Stop()
                }
                try db.run("INSERT INTO t VALUES (3)")
            }
            #expect(try db.query("SELECT v FROM t ORDER BY v") { $0.int(0) } == [1, 3])
        }
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (v INTEGER NOT NULL CHECK (v > 0))")
            let sql = "INSERT INTO t VALUES (?)"
            do {
                try db.run(sql, [.integer(-1)])
                Issue.record("a CHECK violation was accepted")
            } catch let error as SQLiteError {
                #expect(error.code == 275)  // SQLITE_CONSTRAINT_CHECK
                #expect(error.isConstraintViolation)
                #expect(error.message.contains("CHECK constraint failed"))
                #expect(error.sql == sql)
                #expect(error.description.contains("SQLite error 275"))
            }
            do {
                _ = try db.statement("SELEKT 1")
                Issue.record("bad SQL was prepared")
            } catch let error as SQLiteError {
                #expect(error.primaryCode == 1)  // SQLITE_ERROR
                #expect(error.message.contains("syntax error"))
            }
        }
    }

    @Test func openingInAMissingDirectoryFails() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("no/such/dir/t.db").path
            #expect(throws: SQLiteError.self) { try Database(path: path) }
        }
    }
}
