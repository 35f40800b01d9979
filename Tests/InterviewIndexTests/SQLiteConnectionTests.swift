import Foundation
@testable import InterviewIndex
import Testing

/// The index's own wrapper of SQLite's C API: values go in and come back as they were,
/// a transaction that throws leaves nothing, a file that is not a database is said to be damage.
@Suite("SQLite connection")
struct SQLiteConnectionTests {
    struct Refused: Error {}

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interview-sqlite-\(UUID().uuidString)")

    func connection() throws -> SQLiteConnection {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteConnection(path: folder.appendingPathComponent("test.sqlite").path)
    }

    /// An empty string is text, not NULL; text keeps its every byte, a NUL inside too.
    @Test func valuesComeBackAsTheyWent() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try connection()
        try db.execute("CREATE TABLE t (i INTEGER, d REAL, s TEXT NOT NULL, e TEXT NOT NULL, b INTEGER, n TEXT)")
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", Int64.min, 2.5, "Grüße 👋\u{0}!", "", true, String?.none)
        var rows = 0
        try db.query("SELECT i, d, s, e, b, n, typeof(e) FROM t") { row in
            rows += 1
            #expect(row[0] as Int64 == .min)
            #expect(row[1] as Double == 2.5)
            #expect(row[2] as String == "Grüße 👋\u{0}!")
            #expect(row[3] as String? == "")
            #expect(row[4] as Bool)
            #expect(row[5] as String? == nil)
            #expect(row[6] as String == "text")
            #expect(row.column(2, is: "Grüße 👋\u{0}!") && !row.column(2, is: "Grüße 👋"))
        }
        #expect(rows == 1)
    }

    @Test func aTransactionThatThrowsIsRolledBack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try connection()
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Refused.self) {
            try db.immediateTransaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Refused()
            }
        }
        try db.immediateTransaction { try db.run("INSERT INTO t VALUES (2)") }
        var values: [Int] = []
        try db.query("SELECT x FROM t") { values.append($0[0]) }
        #expect(values == [2])
    }

    @Test func aFileThatIsNotADatabaseIsDamage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("test.sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        #expect(error?.isDamage == true, "\(String(describing: error))")
    }
}
