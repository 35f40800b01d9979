#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
/// Within a run, one thread at a time uses it (one connection, `SQLiteConnection`).
public struct SessionIndex {
    public let url: URL
    let database: SQLiteConnection

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
        } catch let error as SQLiteError where error.isDamage {
            // Not a database, or a damaged one: the files tell again.
            removeFiles(url)
            return try attempt(url)
        }
    }

    /// Opens the index at `url` only if there is one (the privacy commands: no index, nothing to erase).
    public static func openExisting(_ url: URL = standardURL()) throws -> SessionIndex? {
        FileManager.default.fileExists(atPath: url.path) ? try open(url) : nil
    }

    /// Opens the index at `url` to read it only, if there is one of this schema version:
    /// for `run`, which asks it before its first screen and must neither make nor fill an
    /// index, nor wait for another program's write.
    public static func openForReading(_ url: URL = standardURL()) throws -> SessionIndex? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let database = try SQLiteConnection(path: url.path, readingOnly: true)
        var version = 0
        try database.query("PRAGMA user_version") { version = $0[0] }
        return version == IndexSchema.version ? SessionIndex(url: url, database: database) : nil
    }

    private static func attempt(_ url: URL) throws -> SessionIndex {
        try SessionStore.createFolder(url.deletingLastPathComponent())
        // SQLite makes its files with the mode of the database (the -wal and -shm too): 0600 from the start.
        do throws(SessionStore.CreateError) {
            try SessionStore.createExclusively(url)
        } catch {
            if case .failed(let failure) = error { throw failure }
        }
        let database = try SQLiteConnection(path: url.path)
        try database.immediateTransaction { try IndexSchema.prepare(database) }
        return SessionIndex(url: url, database: database)
    }

    /// The database and its WAL and shared-memory files.
    public static func files(_ url: URL) -> [URL] {
        [url, URL(fileURLWithPath: url.path + "-wal"), URL(fileURLWithPath: url.path + "-shm")]
    }

    static func removeFiles(_ url: URL) {
        for file in files(url) { try? FileManager.default.removeItem(at: file) }
    }

    /// Empties the index: `interview index --rebuild` fills it again from the files.
    public func clear() throws {
        try database.immediateTransaction {
            try database.execute("DELETE FROM ratings; DELETE FROM sessions; DELETE FROM question_texts")
        }
        try database.checkpoint()
    }
}
