import CSQLite

/// An error SQLite returned: its result code (primary: `SQLITE_BUSY`, `SQLITE_CORRUPT`…)
/// and its message, said in one line.
struct SQLiteError: Error, CustomStringConvertible, Equatable {
    var code: Int32
    var message: String

    init(code: Int32, message: String) {
        self.code = code & 0xFF
        self.message = message
    }

    /// The error of the last call on `connection` that failed with `code`.
    init(code: Int32, connection: OpaquePointer) {
        self.init(code: code, message: String(cString: sqlite3_errmsg(connection)))
    }

    /// A database whose content is not what its schema promises, as SQLite says of one it finds damaged.
    static func damaged(_ message: String) -> SQLiteError { SQLiteError(code: SQLITE_CORRUPT, message: message) }

    /// A database whose file is not one, or is damaged: made anew rather than read.
    var isDamage: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    var description: String { "SQLite error \(code): \(message)" }
}
