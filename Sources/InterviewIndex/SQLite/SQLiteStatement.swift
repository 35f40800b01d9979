import CSQLite

/// A prepared statement: arguments bound by position, rows stepped through, columns read
/// by position with the type the reader asks for (`let name: String = statement[1]`).
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ handle: OpaquePointer, connection: OpaquePointer) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `arguments` to the statement's parameters, the first to `?1`.
    func bind(_ arguments: [any SQLiteBindable]) throws(SQLiteError) {
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            let code = argument.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection) }
        }
    }

    /// The next row: true when there is one to read, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = SQLiteError(code: code, connection: connection)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Back to before the first row, ready to run again (its bindings kept).
    func reset() { sqlite3_reset(handle) }

    /// The column at `index` (from 0) of the current row.
    subscript<Value: SQLiteColumn>(_ index: Int32) -> Value { Value(column: index, of: handle) }

    /// Whether the column at `index` of the current row is the text `value`, compared where
    /// SQLite holds it: no string made.
    func column(_ index: Int32, is value: String) -> Bool {
        guard let text = sqlite3_column_text(handle, index) else { return value.isEmpty }
        let column = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
        // Byte buffers against each other: a tight loop, where the string's UTF-8 view is a slow one.
        var value = value
        return value.withUTF8 { $0.elementsEqual(column) }
    }
}
