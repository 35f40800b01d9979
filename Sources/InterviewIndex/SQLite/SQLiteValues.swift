import CSQLite

/// A Swift value a statement takes as an argument.
protocol SQLiteBindable {
    /// Binds the value to parameter `index` (from 1) of `statement`; SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// A Swift value a column of a row is read as. A NULL reads as zero or empty, except as an Optional.
protocol SQLiteColumn {
    init(column index: Int32, of statement: OpaquePointer)
}

extension Int64: SQLiteBindable, SQLiteColumn {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
    init(column index: Int32, of statement: OpaquePointer) { self = sqlite3_column_int64(statement, index) }
}

extension Int: SQLiteBindable, SQLiteColumn {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
    init(column index: Int32, of statement: OpaquePointer) { self = Int(sqlite3_column_int64(statement, index)) }
}

extension Double: SQLiteBindable, SQLiteColumn {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
    init(column index: Int32, of statement: OpaquePointer) { self = sqlite3_column_double(statement, index) }
}

/// Stored as 1 or 0, as SQLite has no booleans.
extension Bool: SQLiteBindable, SQLiteColumn {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int(statement, index, self ? 1 : 0) }
    init(column index: Int32, of statement: OpaquePointer) { self = sqlite3_column_int64(statement, index) != 0 }
}

/// UTF-8 text, copied by SQLite when bound and by Swift when read.
extension String: SQLiteBindable, SQLiteColumn {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        // Passed as a C string (never a null address, which would bind NULL), with its length
        // in bytes, so that a NUL inside is kept.
        sqlite3_bind_text(statement, index, self, Int32(utf8.count), isqlite_transient())
    }

    init(column index: Int32, of statement: OpaquePointer) {
        // The text first, then its length: the order SQLite asks for.
        guard let text = sqlite3_column_text(statement, index) else { self = ""; return }
        self = String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }
}

/// nil is NULL.
extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        guard let self else { return sqlite3_bind_null(statement, index) }
        return self.bind(to: statement, at: index)
    }
}

extension Optional: SQLiteColumn where Wrapped: SQLiteColumn {
    init(column index: Int32, of statement: OpaquePointer) {
        self = sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : Wrapped(column: index, of: statement)
    }
}
