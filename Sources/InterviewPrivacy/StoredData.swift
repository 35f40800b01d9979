#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
import InterviewCore
import InterviewStore
#endif

/// A session file the program keeps: one in the sessions folder, or one saved elsewhere
/// with `run --out` and remembered in `known-sessions`.
public struct StoredSession: Hashable, Sendable {
    /// What the privacy listings read of a session: whose it is, which, and when it started.
    /// Read from the file, or from the index of session files when it knows the file as it is.
    public struct Facts: Hashable, Sendable {
        public var id: String
        public var candidate: String
        /// As in the file (ISO 8601).
        public var startedAt: String

        public init(id: String, candidate: String, startedAt: String) {
            (self.id, self.candidate, self.startedAt) = (id, candidate, startedAt)
        }

        public init(_ file: SessionFile) { self.init(id: file.id, candidate: file.candidate, startedAt: file.startedAt) }
    }

    public var path: String
    /// What it says of itself, or nil when the file cannot be read as a session (`error` says why).
    public var facts: Facts?
    public var error: InputError?
    /// Bytes on disk.
    public var size: Int
    /// When the interview started: the file's `startedAt`, else the date its name begins with.
    public var startedAt: Date?
    /// Saved outside the sessions folder (`run --out`), remembered in `known-sessions`.
    public var remembered: Bool
    /// A rescue copy (`interview-rescue-ID.json`), written when its own file could not be.
    public var rescue = false

    public var candidate: String { facts?.candidate ?? "" }
    public var id: String { facts?.id ?? "" }
}

/// Everything of candidates the program stores: its sessions (the folder and the
/// remembered `--out` files) and the reports it wrote (`reports-written`).
public struct StoredData: Sendable {
    public var store: SessionStore
    public var sessions: [StoredSession]
    /// Remembered `--out` sessions that are no longer where they were saved.
    public var missingSessions: [String]
    public var reports: [RecordedReport]

    /// Reads every session and recorded report (sessions newest first by their start): the
    /// sessions folder, the remembered `--out` files, and the rescue copies in the home and
    /// temporary folders (`SessionStore.rescue`). `known`: the facts of sessions, by path,
    /// that need not be read (the index's, of files it holds as they are now).
    public static func load(_ store: SessionStore, known: [String: StoredSession.Facts] = [:],
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> StoredData {
        var sessions: [StoredSession] = []
        var missing: [String] = []
        var seen: Set<String> = []
        let inFolder = store.sessionPaths()
        let remembered = store.knownPaths().filter { !inFolder.contains($0) }
        for (path, isRemembered) in inFolder.map({ ($0, false) }) + remembered.map({ ($0, true) }) {
            guard seen.insert(path).inserted else { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                missing.append(path)
                continue
            }
            guard SessionStore.isRegularFile(path) else { continue }
            if let facts = known[path] {
                sessions.append(StoredSession(path, facts: facts, remembered: isRemembered))
            } else {
                sessions.append(read(path, remembered: isRemembered))
            }
        }
        for path in rescuePaths(environment: environment) where seen.insert(path).inserted {
            sessions.append(read(path, remembered: false))
        }
        // Newest first, those saved elsewhere among the others; undated ones last.
        sessions.sort { ($0.startedAt ?? .distantPast, $1.path) > ($1.startedAt ?? .distantPast, $0.path) }
        return StoredData(store: store, sessions: sessions, missingSessions: missing,
                          reports: RecordedReport.all(store))
    }

    /// The rescue copies where `SessionStore.rescue` writes them.
    public static func rescuePaths(environment: [String: String]) -> [String] {
        let folders = [environment["HOME"], environment["TMPDIR"], "/tmp"].compactMap { $0 }.filter { !$0.isEmpty }
        var out: [String] = []
        for folder in Set(folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).sorted() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasPrefix("interview-rescue-") && name.hasSuffix(".json") {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if SessionStore.isRegularFile(path), access(path, R_OK | W_OK) == 0 { out.append(path) }
            }
        }
        return out
    }

    /// The session at `path`, read whole (`error` says why it cannot be).
    public static func read(_ path: String, remembered: Bool) -> StoredSession {
        readWhole(path, remembered: remembered).session
    }

    /// The session at `path` and its file, read whole (nil, and `error` says why, when it cannot be).
    public static func readWhole(_ path: String, remembered: Bool) -> (session: StoredSession, file: SessionFile?) {
        do {
            let file = try SessionStore.read(path)
            return (StoredSession(path, facts: StoredSession.Facts(file), remembered: remembered), file)
        } catch {
            var session = StoredSession(path, facts: nil, remembered: remembered)
            session.error = error
            return (session, nil)
        }
    }
}

extension StoredSession {
    /// The session at `path`, whose facts are known (nil: not a readable session): its size
    /// and date as `StoredData.read` gives them.
    init(_ path: String, facts: Facts?, remembered: Bool) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let started = facts.flatMap { try? Date($0.startedAt, strategy: .iso8601) } ?? SessionNames.date(inFileName: name)
        self.init(path: path, facts: facts, error: nil, size: Erasure.size(of: path), startedAt: started,
                  remembered: remembered, rescue: name.hasPrefix("interview-rescue-"))
    }
}

/// How names are compared: an exact match ignores case and runs of spaces; a near one
/// is shown, never acted on.
public enum NameMatch {
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func isExact(_ a: String, _ b: String) -> Bool {
        let a = key(a)
        return !a.isEmpty && a == key(b)
    }

    /// Close but not equal: the same without accents, a word in common (`Ada` and `Ada
    /// Lovelace`, `Ada Byron`; words of three letters or more), or a typo apart.
    public static func isNear(_ name: String, _ other: String) -> Bool {
        let a = key(name), b = key(other)
        guard !a.isEmpty, !b.isEmpty, a != b else { return false }
        let fold = { (s: String) in s.folded() }
        if fold(a) == fold(b) { return true }
        let wordsA = Set(fold(a).split(separator: " ")), wordsB = Set(fold(b).split(separator: " "))
        if wordsA.isSubset(of: wordsB) || wordsB.isSubset(of: wordsA)
            || wordsA.intersection(wordsB).contains(where: { $0.count >= 3 }) { return true }
        return Suggestion.distance(from: a, to: b) <= min(4, max(2, a.count / 3))
    }
}
