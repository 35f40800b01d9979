/// The tables of the index (docs/index.md documents them for analysts). Its version is
/// SQLite's `user_version`: a database of another version is emptied and filled again
/// from the files, so a change here is one more `version`.
enum IndexSchema {
    /// 1: sessions, ratings and question_texts as below; 2: a panel member's link.
    static let version = 2

    /// One row per session file `stats` could read, with what `StatsSession` holds.
    /// `ratings` has a row per question of it, in the report's order; a question's
    /// prompt and rubric texts are in `question_texts`, once for all the sessions that
    /// share them. `ticks` has a `1` or `0` per rubric item, in the rubric's order.
    static let statements = [
        """
        CREATE TABLE sessions (
            path TEXT PRIMARY KEY NOT NULL,
            folder TEXT NOT NULL,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            hash TEXT NOT NULL,
            id TEXT NOT NULL,
            candidate TEXT NOT NULL,
            interviewer TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            bank_title TEXT NOT NULL,
            bank_source TEXT NOT NULL,
            bank_hash TEXT NOT NULL,
            bank_seconds INTEGER NOT NULL,
            mode TEXT NOT NULL,
            status TEXT NOT NULL,
            recommendation INTEGER,
            total_seconds INTEGER NOT NULL,
            recorded_anything INTEGER NOT NULL,
            panel_interview TEXT,
            panel_role TEXT,
            panel_lead TEXT
        )
        """,
        "CREATE INDEX sessions_by_folder ON sessions(folder)",
        """
        CREATE TABLE question_texts (
            id INTEGER PRIMARY KEY,
            prompt TEXT NOT NULL,
            rubric TEXT NOT NULL,
            UNIQUE (prompt, rubric)
        )
        """,
        """
        CREATE TABLE ratings (
            path TEXT NOT NULL REFERENCES sessions(path) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number INTEGER NOT NULL,
            bank_number INTEGER,
            question_id TEXT NOT NULL,
            text_id INTEGER NOT NULL REFERENCES question_texts(id),
            budget_seconds INTEGER NOT NULL,
            elapsed_seconds INTEGER NOT NULL,
            over_budget INTEGER NOT NULL,
            asked INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            added INTEGER NOT NULL,
            rating INTEGER,
            ticks TEXT NOT NULL,
            PRIMARY KEY (path, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX ratings_by_text ON ratings(text_id)",
    ]

    /// Makes the tables of this version, emptying a database of another version first.
    static func prepare(_ db: SQLiteConnection) throws {
        var found = 0
        try db.query("PRAGMA user_version") { found = $0[0] }
        guard found != version else { return }
        // The children first, so that no drop leaves a row naming a row gone.
        var tables: [String] = []
        try db.query("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            ORDER BY name = 'sessions', name = 'question_texts'
            """) { tables.append($0[0]) }
        for table in tables { try db.execute("DROP TABLE IF EXISTS \(quoted(table))") }
        for statement in statements { try db.execute(statement) }
        try db.execute("PRAGMA user_version = \(version)")
    }

    /// `name` as an SQL identifier, whatever it holds.
    private static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
