#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewPrivacy
import InterviewReports
import InterviewStore

extension SessionIndex {
    /// What the listings of the sessions folder read of a session row: `forget` and `purge`
    /// its facts, `resume` whether it ended, `run` whether it is an unfinished live one.
    public struct Listed: Hashable, Sendable {
        public var facts: StoredSession.Facts
        public var status: SessionStatus
        public var mode: SessionMode
    }

    /// The sessions of `folder` the index holds, once its rows are brought up to date with
    /// the files as for `stats` (`refresh`: the new and changed files read, the rows of those
    /// gone dropped), by path (`folder.appendingPathComponent(name).path`, as
    /// `SessionStore.sessionPaths` gives them). A file that is not a readable session has no
    /// row: the listings read it themselves. Empty when there is no such folder.
    public func listed(folder: URL) throws -> [String: Listed] {
        guard PathKind(atPath: folder.path) == .folder else { return [:] }
        let key = folder.standardizedFileURL.path
        _ = try refresh(folder: key, paths: try SessionStats.sessionPaths(in: folder))
        var listed: [String: Listed] = [:]
        try database.query("SELECT name, id, candidate, started_at, status, mode FROM sessions WHERE folder = ?", key) { row in
            listed[folder.appendingPathComponent(row[0], isDirectory: false).path] = Listed(
                facts: StoredSession.Facts(id: row[1], candidate: row[2], startedAt: row[3]),
                status: try Self.status(row[4]), mode: try Self.mode(row[5]))
        }
        return listed
    }

    /// For `SessionStore.newestUnfinished(waiting:)`, which `run` asks before its first
    /// screen: per path of `folder`, whether the index holds the file as an unfinished live
    /// session, when its row's stamp is the file's own (`stat`, nothing read); nil when it
    /// has no row for the file or the file changed since (a session a run wrote since the
    /// last refresh, say): then the file itself tells. Reads the index, never writes it.
    public func waiting(folder: URL) throws -> (String) -> Bool? {
        // By file name: `run` asks of every file before its first screen, and a path made
        // per row would cost a `stat` each.
        var rows: [Substring: (stamp: FileStamp, waiting: Bool)] = [:]
        try database.query("SELECT name, size, mtime_ns, status, mode FROM sessions WHERE folder = ?",
                           folder.standardizedFileURL.path) { row in
            let waiting = try Self.status(row[3]) != .completed && Self.mode(row[4]) == .live
            rows[Substring(row[0] as String)] = (FileStamp(size: row[1], mtimeNanoseconds: row[2]), waiting)
        }
        return { path in
            let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
            guard let row = rows[name], FileStamp(path: path) == row.stamp else { return nil }
            return row.waiting
        }
    }

    static func status(_ text: String) throws -> SessionStatus {
        guard let status = SessionStatus(rawValue: text) else { throw SQLiteError.damaged("a session row of another making") }
        return status
    }

    static func mode(_ text: String) throws -> SessionMode {
        guard let mode = SessionMode(rawValue: text) else { throw SQLiteError.damaged("a session row of another making") }
        return mode
    }
}
