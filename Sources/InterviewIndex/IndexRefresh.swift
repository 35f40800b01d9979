#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewReports

extension SessionIndex {
    /// `interview stats` of `folder` through the index: the same figures as
    /// `SessionStats.load(folder:filter:)`, with only the files the index has not seen
    /// or that changed read (several at once, a few hundred at a time, so that memory
    /// does not grow with them). Throws `InputError` for a folder that cannot be listed,
    /// as `load` does; any other error is the index's, and the caller reads the files.
    public func stats(folder: URL, filter: StatsFilter = StatsFilter()) throws -> SessionStats {
        let key = folder.standardizedFileURL.path
        let paths = try SessionStats.sessionPaths(in: folder)
        let skipped = try refresh(folder: key, paths: paths)
        return SessionStats(folder: folder.path, facts: try facts(folder: key), skipped: skipped, filter: filter)
    }

    /// What the index knows of a file: enough to tell whether it changed.
    struct Known {
        var stamp: FileStamp
        var hash: String
    }

    /// What reading one file gave.
    enum Outcome: Sendable {
        /// Its stamp changed, its content did not.
        case unchanged(FileStamp)
        /// `observed`: the file's stamp when it was read, nil when it changed meanwhile.
        case read(FileStamp, hash: String, StatsSession, observed: FileStamp?)
        case failed(InputError)
    }

    /// Brings the rows of `folder` (a standardized path) up to date with its files
    /// (`paths`, in name order): reads the new and changed ones, drops the rows of those
    /// gone. Returns the errors of the files that are not readable sessions, in name order.
    /// `afterReading` runs between the reading of a batch and its writing (tests put an
    /// erasure there). `batch`: files read between two writes.
    func refresh(folder: String, paths: [String], batch size: Int = SessionIndex.batch, afterReading: () -> Void = {}) throws -> [InputError] {
        let known = try known(folder: folder)
        var seen: Set<String> = []
        var toRead: [(file: String, key: String)] = []
        for path in paths {
            let key = folder + "/" + URL(fileURLWithPath: path).lastPathComponent
            seen.insert(key)
            if let stamp = FileStamp(path: path), known[key]?.stamp == stamp { continue }
            toRead.append((path, key))
        }
        var skipped: [InputError] = []
        var texts = QuestionTexts()
        let batches = stride(from: 0, to: toRead.count, by: size).map { Array(toRead[$0..<min($0 + size, toRead.count)]) }
        func reading(_ batch: [(file: String, key: String)]) -> Pending<[Outcome]> {
            Pending { concurrentMap(batch) { Self.read($0.file, knownHash: known[$0.key]?.hash) } }
        }
        var next = batches.first.map(reading)
        for (number, batch) in batches.enumerated() {
            let outcomes = next!.wait()
            afterReading()
            // The next batch is read while this one is written (SQLite writes on one thread).
            next = batches.indices.contains(number + 1) ? reading(batches[number + 1]) : nil
            try database.immediateTransaction {
                for (file, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .unchanged(let stamp):
                        try database.run("UPDATE sessions SET size = ?, mtime_ns = ? WHERE path = ?",
                                         stamp.size, stamp.mtimeNanoseconds, file.key)
                    case .read(_, _, _, let observed?) where FileStamp(path: file.file) != observed:
                        // Gone or rewritten since it was read: an erasure (which changes the file
                        // before it takes the rows out, in a write of its own) may have taken out
                        // what these facts hold. Read again next time.
                        try database.run("DELETE FROM sessions WHERE path = ?", file.key)
                    case .read(let stamp, let hash, let session, _):
                        try IndexRows.replace(file.key, folder: folder, stamp: stamp, hash: hash, session: session,
                                              texts: &texts, in: database)
                    case .failed(let error):
                        skipped.append(error)
                        try database.run("DELETE FROM sessions WHERE path = ?", file.key)
                    }
                }
            }
        }
        let gone = known.keys.filter { !seen.contains($0) }
        if !gone.isEmpty {
            try database.immediateTransaction {
                for path in gone { try database.run("DELETE FROM sessions WHERE path = ?", path) }
            }
        }
        return skipped
    }

    /// What the index knows of the files of `folder`, by path.
    private func known(folder: String) throws -> [String: Known] {
        var known: [String: Known] = [:]
        try database.query("SELECT path, size, mtime_ns, hash FROM sessions WHERE folder = ?", folder) { row in
            known[row[0]] = Known(stamp: FileStamp(size: row[1], mtimeNanoseconds: row[2]), hash: row[3])
        }
        return known
    }

    /// Files read between two writes: a few hundred sessions' facts at most in memory.
    static let batch = 256

    /// A stamp this close to now may change again within the same tick of the clock
    /// without its stamp changing: it is stored as one that never matches, so the file
    /// is hashed again next time (and its real stamp kept then).
    static let settling: Int64 = 2_000_000_000

    /// Reads the file at `path`: its stamp first, so that a change while it is read
    /// shows next time; its facts only when its content is not the one the index has.
    static func read(_ path: String, knownHash: String?) -> Outcome {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard var stamp = FileStamp(path: path), let data = FileManager.default.contents(atPath: path) else {
            do throws(InputError) {
                // Read after all (it changed meanwhile): kept with a stamp that never matches.
                return .read(FileStamp(size: -1, mtimeNanoseconds: -1), hash: "", try StatsSession.unreadable(path), observed: nil)
            } catch {
                return .failed(error)
            }
        }
        let observed = stamp
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        if now - stamp.mtimeNanoseconds < settling { stamp.mtimeNanoseconds = -1 }
        let hash = data.withUnsafeBytes { ContentHash.of($0) }
        if hash == knownHash { return .unchanged(stamp) }
        do throws(InputError) {
            return .read(stamp, hash: hash, try StatsSession.read(path, data: data, name: name), observed: observed)
        } catch {
            return .failed(error)
        }
    }
}
