import CSQLite

/// One connection to a SQLite database through its C API: the few calls the index needs.
/// Several processes share the database (WAL mode; a writer waits up to `busySeconds`
/// for another); within a process the connection belongs to one thread at a time (it is
/// opened without SQLite's own mutexes), which is why it is not `Sendable`.
final class SQLiteConnection {
    private let handle: OpaquePointer
    /// The statements `cached` prepared, by their SQL: the write loop runs the same few
    /// thousands of times.
    private var cache: [String: SQLiteStatement] = [:]

    static let busySeconds: Int32 = 10

    /// Opens (creating it when missing) the database at `path` in WAL mode, with deleted
    /// content overwritten (`secure_delete`) and foreign keys enforced (the index's
    /// `ON DELETE CASCADE`). `readingOnly`: an existing database, only read, waiting for
    /// no one (a reader of a WAL database is not kept waiting by a writer).
    init(path: String, readingOnly: Bool = false) throws(SQLiteError) {
        var opened: OpaquePointer?
        let flags = (readingOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else { throw SQLiteError(code: code, message: "cannot allocate a connection to \(path)") }
        guard code == SQLITE_OK else {
            let error = SQLiteError(code: code, connection: opened)
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        guard !readingOnly else { return }
        sqlite3_busy_timeout(handle, Self.busySeconds * 1000)
        try execute("PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON")
    }

    deinit {
        cache.removeAll()
        // Statements still held elsewhere keep the connection until they go (`close_v2`). The last connection to close copies the WAL into the database and removes it.
        sqlite3_close_v2(handle)
    }

    /// Runs `sql`, one statement or several separated by `;`, without arguments; rows are dropped.
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code != SQLITE_OK else { return }
        let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        sqlite3_free(message)
        throw SQLiteError(code: code, message: text)
    }

    /// A statement of `sql` for this use only (finalized when it goes).
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else { throw SQLiteError(code: code, connection: handle) }
        return SQLiteStatement(prepared, connection: handle)
    }

    /// The statement of `sql`, prepared the first time and kept with the connection.
    func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments`, then `row` for each row it gives.
    func query(_ sql: String, _ arguments: any SQLiteBindable..., row: (SQLiteStatement) throws -> Void) throws {
        let statement = try cached(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() { try row(statement) }
    }

    /// Runs `sql` with `arguments`, a statement that gives no rows (or whose rows do not matter).
    func run(_ sql: String, _ arguments: any SQLiteBindable...) throws(SQLiteError) {
        let statement = try cached(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// The rowid of the last row inserted.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// `body` in an immediate transaction (the write lock taken at once, so that two writers
    /// wait for each other instead of one failing), committed when it returns, rolled back
    /// when it throws.
    func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `body` in a read transaction: what it reads is one state of the database, whatever
    /// other processes write meanwhile.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Copies the WAL into the database and empties it (`TRUNCATE`), so that what was
    /// deleted (and overwritten there) is in neither file any more.
    func checkpoint() throws(SQLiteError) {
        var logged: Int32 = 0, copied: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &logged, &copied)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: handle) }
    }
}
