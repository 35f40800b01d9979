#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewPrivacy

/// What `interview index` shows: where the index is, how many sessions it holds and from
/// which folders, its size on disk, and how many rows the next `stats` would read again.
public struct IndexState: Sendable {
    public var path: String
    /// Per folder, how many sessions; by folder.
    public var folders: [(folder: String, rows: Int)]
    /// The database and its WAL, in bytes.
    public var bytes: Int64
    /// Rows whose file is gone or whose size or modification time changed.
    public var stale: Int

    public var rows: Int { folders.reduce(0) { $0 + $1.rows } }

    public var text: String {
        var lines = ["index: \(VisibleText.visible(path))",
                     "sessions: \(rows) (\(stale) stale: read again by the next `interview stats`)",
                     "size: \(Erasure.describe(bytes: Int(bytes)))"]
        for entry in folders { lines.append("  \(entry.rows) from \(VisibleText.visible(entry.folder))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension SessionIndex {
    public func state() throws -> IndexState {
        var counts: [String: Int] = [:]
        var stale = 0
        try database.query("SELECT path, folder, size, mtime_ns FROM sessions") { row in
            counts[row[1], default: 0] += 1
            if FileStamp(path: row[0]) != FileStamp(size: row[2], mtimeNanoseconds: row[3]) { stale += 1 }
        }
        let folders = counts.sorted { $0.key < $1.key }.map { (folder: $0.key, rows: $0.value) }
        // lstat, not `attributesOfItem[.size]`: without full Foundation that is no NSNumber,
        // and a cast to Int64 gave 0 in the release build.
        let bytes = Self.files(url).prefix(2).reduce(Int64(0)) { $0 + Int64(Erasure.size(of: $1.path)) }
        return IndexState(path: url.path, folders: folders, bytes: bytes, stale: stale)
    }

    /// The folders the index holds sessions of: `--rebuild` reads them all again.
    public func folders() throws -> [String] {
        var folders: [String] = []
        try database.query("SELECT DISTINCT folder FROM sessions ORDER BY folder") { folders.append($0[0]) }
        return folders
    }
}
