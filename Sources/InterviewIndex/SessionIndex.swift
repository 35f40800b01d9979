import Foundation
import GRDB
import InterviewStore

/// The index of session files: a SQLite database beside the sessions folder
/// (`$XDG_DATA_HOME/interview/index.sqlite`, 0600) with what `stats` reads of each file
/// it has read (`StatsSession`), keyed by the file's path, size, modification time and
/// content hash. The files are the truth: a file the index has not seen, or that
/// changed, is read and its row replaced on the way; the rows of files gone are dropped;
/// a database that is corrupt or of another schema version is emptied and filled again.
///
/// Several runs at once share it safely: SQLite in WAL mode, writes in immediate
/// transactions that wait for each other. Deleted rows are overwritten with zeros
/// (`secure_delete`), so that what the privacy commands erase leaves no trace in the file.
public struct SessionIndex: Sendable {
    public let url: URL
    let pool: DatabasePool

    /// `index.sqlite` in the program's data folder, beside the sessions folder.
    public static func standardURL(store: SessionStore = .standard()) -> URL {
        store.folder.deletingLastPathComponent().appendingPathComponent("index.sqlite")
    }

    /// Opens the index at `url`, making it (0600, in a 0700 folder) when missing and
    /// emptying it when it is of another schema version; a file that is not a readable
    /// database is removed and made anew.
    public static func open(_ url: URL = standardURL()) throws -> SessionIndex {
        do {
            return try attempt(url)
        } catch let error as DatabaseError where isDamage(error) {
            // Not a database, or a damaged one: the files tell again.
            removeFiles(url)
            return try attempt(url)
        }
    }

    /// Opens the index at `url` only if there is one (the privacy commands: no index, nothing to erase).
    public static func openExisting(_ url: URL = standardURL()) throws -> SessionIndex? {
        FileManager.default.fileExists(atPath: url.path) ? try open(url) : nil
    }

    private static func attempt(_ url: URL) throws -> SessionIndex {
        try SessionStore.createFolder(url.deletingLastPathComponent())
        // SQLite makes its files with the mode of the database (the -wal and -shm too): 0600 from the start.
        do throws(SessionStore.CreateError) {
            try SessionStore.createExclusively(url)
        } catch {
            if case .failed(let failure) = error { throw failure }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let pool = try DatabasePool(path: url.path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try IndexSchema.prepare(db)
                return .commit
            }
        }
        return SessionIndex(url: url, pool: pool)
    }

    /// The database and its WAL and shared-memory files.
    public static func files(_ url: URL) -> [URL] {
        [url, URL(fileURLWithPath: url.path + "-wal"), URL(fileURLWithPath: url.path + "-shm")]
    }

    /// A database whose file is not one, or is damaged: made anew rather than read.
    static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    static func removeFiles(_ url: URL) {
        for file in files(url) { try? FileManager.default.removeItem(at: file) }
    }

    /// Empties the index: `interview index --rebuild` fills it again from the files.
    public func clear() throws {
        try write { db in
            try db.execute(sql: "DELETE FROM ratings; DELETE FROM sessions; DELETE FROM question_texts")
        }
        try checkpoint()
    }

    /// Runs `body` in an immediate transaction: one writer at a time, the others wait.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Copies the WAL into the database and empties it, so that what was deleted is in
    /// neither file any more.
    func checkpoint() throws {
        try pool.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }
}
