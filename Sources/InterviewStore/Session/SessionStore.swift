#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
import InterviewCore
#endif

/// Where sessions live, and how they reach the disk without ever leaving a broken file:
/// write a temporary file beside the target, flush it, rename it over the target.
public struct SessionStore: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$XDG_DATA_HOME/interview/sessions`, by default `~/.local/share/interview/sessions`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SessionStore {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path).appendingPathComponent(".local/share")
        return SessionStore(folder: data.appendingPathComponent("interview/sessions"))
    }

    /// Creates a new session file, empty, sortable by time and named for the candidate:
    /// `2026-11-26T10-04-05-ada-lovelace.json`, or `…-2.json` and on when that is taken.
    /// With `id` (config.toml's `file_names = "id"`), named by the session's short id instead
    /// and never by the candidate: `2026-11-26T10-04-05-3f2a9c1e.json`.
    /// Created exclusively (`O_EXCL`), so two interviews started in the same second never
    /// share a file; the first save fills it.
    public func createNewFile(candidate: String, startedAt: Date, id: String? = nil) throws(WriteError) -> URL {
        let stamp = SessionNames.stamp(startedAt)
        let name = id.map { "-" + SessionNames.shortID($0) } ?? (candidate.isEmpty ? "" : "-" + Slug.make(candidate, limit: 30))
        try Self.createFolder(folder)
        var n = 1
        while true {
            let url = folder.appendingPathComponent(stamp + name + (n == 1 ? "" : "-\(n)") + ".json")
            do throws(CreateError) {
                try Self.createExclusively(url)
                return url
            } catch {
                guard case .failed(let failure) = error else { n += 1; continue }
                throw failure
            }
        }
    }

    public enum CreateError: Error {
        case exists
        case failed(WriteError)
    }

    /// Creates `url` empty, with mode 0600, only if nothing is there (not even a link).
    public static func createExclusively(_ url: URL) throws(CreateError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw errno == EEXIST ? .exists : .failed(.failed("cannot create \(url.path)", errno: errno))
        }
        close(fd)
    }

    public enum WriteError: Error, CustomStringConvertible {
        case failed(String, errno: Int32)
        public var description: String {
            switch self {
            case .failed(let step, let code): "\(step): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Writes `data` to `url` atomically with mode 0600, creating the folder 0700.
    /// On any failure the file that was there stays as it was.
    public static func writeAtomically(_ data: Data, to url: URL) throws(WriteError) {
        try writeAtomically(data, to: url, calls: .system)
    }

    /// The same with the file calls given: in this order, create a temporary file beside
    /// `url` (`temporaryPath`), write it whole, fsync it, close it, rename it over `url`,
    /// fsync the folder. When the write or the fsync fails, the temporary file is unlinked
    /// and never renamed.
    static func writeAtomically(_ data: Data, to url: URL, calls: FileCalls) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder)
        let (fd, temporary) = try createTemporary(for: url, calls: calls)
        var written = 0
        let failure: WriteError? = data.withUnsafeBytes { buffer -> WriteError? in
            while written < buffer.count {
                let n = calls.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failed("cannot write \(temporary)", errno: errno)
                }
                written += n
            }
            return calls.fsync(fd) == 0 ? nil : .failed("cannot flush \(temporary)", errno: errno)
        }
        _ = calls.close(fd)
        if let failure {
            _ = calls.unlink(temporary)
            throw failure
        }
        guard calls.rename(temporary, url.path) == 0 else {
            let code = errno
            _ = calls.unlink(temporary)
            throw .failed("cannot replace \(url.path)", errno: code)
        }
        let folderFD = calls.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if folderFD >= 0 {
            _ = calls.fsync(folderFD)
            _ = calls.close(folderFD)
        }
    }

    /// Writes `file` where it can when its own file cannot be written (a full disk, a
    /// folder gone read-only): `interview-rescue-ID.json` in the home folder, else in the
    /// temporary folder, 0600. The path, or nil when neither took it.
    public static func rescue(_ file: SessionFile, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let data = try? file.encoded() else { return nil }
        let name = "interview-rescue-\(Slug.make(file.id, limit: 40)).json"
        let folders = [environment["HOME"], environment["TMPDIR"], "/tmp"].compactMap { $0 }.filter { !$0.isEmpty }
        for folder in folders {
            let url = URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(name)
            if (try? writeAtomically(data, to: url)) != nil { return url.path }
        }
        return nil
    }

    /// Deletes a file for good: unlinked, and its folder flushed so that the deletion
    /// survives a power loss.
    public static func delete(_ path: String) throws(WriteError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .failed("cannot delete \(path)", errno: errno) }
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// A temporary name for a new version of `url`, in its folder: `.NAME.<16 hex>.tmp`,
    /// the hex from the system's random source, so that nobody can guess it in advance.
    public static func temporaryPath(for url: URL) -> String {
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        let hex = String(repeating: "0", count: 16 - suffix.count) + suffix
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(hex).tmp").path
    }

    /// Creates a temporary file for `url`, 0600, only where nothing is (`O_EXCL`: not even a
    /// link, which is never followed), trying another name when one is taken.
    static func createTemporary(for url: URL, calls: FileCalls) throws(WriteError) -> (Int32, String) {
        for _ in 0..<100 {
            let temporary = temporaryPath(for: url)
            let fd = calls.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            guard errno == EEXIST else {
                throw .failed("cannot write in \(url.deletingLastPathComponent().path)", errno: errno)
            }
        }
        throw .failed("cannot write in \(url.deletingLastPathComponent().path)", errno: EEXIST)
    }

    /// Whether `name` is a name `temporaryPath` gives, and then of which file.
    static func temporaryTarget(_ name: String) -> String? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let core = name.dropFirst().dropLast(4)
        guard let dot = core.lastIndex(of: "."), core.distance(from: dot, to: core.endIndex) == 17 else { return nil }
        let hex = core[core.index(after: dot)...]
        guard hex.allSatisfy(\.isHexDigit), dot > core.startIndex else { return nil }
        return String(core[..<dot])
    }

    /// How old a temporary file of another session must be to count as a leftover: a save
    /// takes well under a second, so one a minute old belongs to a program that died.
    public static let staleTemporaryAge: Double = 60

    /// Removes the temporary files a killed program left beside `session` (`kill -9`, a
    /// power cut in the middle of a save): every `.NAME.<hex>.tmp` of `session` itself,
    /// whose lock the caller holds, so no one else is writing it; and, in the same
    /// folder, those of other files older than `staleTemporaryAge`, unless a program holds
    /// the lock of the session they belong to. Without `holdingLock` (files that have no
    /// lock: the record of known sessions, of written reports), `session`'s own are
    /// treated like the others. Returns the paths removed.
    @discardableResult
    public static func removeStaleTemporaries(beside session: String, holdingLock: Bool = true, now: Date = Date()) -> [String] {
        let url = URL(fileURLWithPath: session)
        let folder = url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed: [String] = []
        for name in names {
            guard let target = temporaryTarget(name) else { continue }
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            // Only what this program would have made: a regular file or a link, owned by us.
            guard lstat(path, &info) == 0, info.st_uid == getuid(),
                  info.st_mode & 0o170000 == 0o100000 || info.st_mode & 0o170000 == 0o120000 else { continue }
            if target != url.lastPathComponent || !holdingLock {
                let age = now.timeIntervalSince1970 - (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
                guard age >= staleTemporaryAge else { continue }
                if SessionLock.isHeld(session: folder.appendingPathComponent(target).path) { continue }
            }
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// Tightens the data folder (where the records of sessions and reports are) and the
    /// sessions folder in it to 0700 when they are open to others (made by hand, or by an
    /// older program): returns what it did, a line per folder for stderr, or nil when there
    /// was nothing to do (or no folder yet: it is made 0700).
    public func tightenFolder() -> String? {
        let lines = [(folder.deletingLastPathComponent(), "data"), (folder, "sessions")].compactMap { Self.tighten($0, $1) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func tighten(_ folder: URL, _ name: String) -> String? {
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & 0o170000 == 0o040000,
              info.st_mode & 0o077 != 0, info.st_uid == getuid() else { return nil }
        let before = String(info.st_mode & 0o777, radix: 8)
        guard chmod(folder.path, 0o700) == 0 else {
            return "the \(name) folder \(folder.path) is open to others (\(before)) and cannot be made 0700: \(String(cString: strerror(errno)))"
        }
        return "the \(name) folder \(folder.path) was open to others (\(before)): made it 0700"
    }

    /// Creates `folder` (and its parents) with mode 0700 when it is missing.
    public static func createFolder(_ folder: URL) throws(WriteError) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .failed("cannot create \(folder.path)", errno: errno == 0 ? EACCES : errno)
        }
    }

    /// The system calls `writeAtomically` makes, as values: the real ones (`system`) in the
    /// program, others in tests, to record their order or to make one fail. Each keeps its
    /// C contract: a negative result with `errno` set on failure.
    struct FileCalls: Sendable {
        var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
        var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
        var fsync: @Sendable (_ fd: Int32) -> Int32
        var close: @Sendable (_ fd: Int32) -> Int32
        var rename: @Sendable (_ from: String, _ to: String) -> Int32
        var unlink: @Sendable (_ path: String) -> Int32

        static let system = FileCalls(open: systemOpen, write: systemWrite, fsync: systemFsync, close: systemClose,
                                      rename: systemRename, unlink: systemUnlink)
    }

    public static func read(_ path: String) throws(InputError) -> SessionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw InputError(file: path, message: "\(reason): expected a session file")
        }
        guard !data.isEmpty else {
            throw InputError(file: path,
                             message: "empty: a session being started, or one that never got its first save; expected a session file")
        }
        return try SessionFile.decode(data, file: path)
    }

    /// The file that remembers sessions saved outside the folder (`run --out`), so that
    /// `resume` can offer them: one path a line, 0600 beside the sessions folder.
    public var knownFile: URL { folder.deletingLastPathComponent().appendingPathComponent("known-sessions") }

    /// The sessions saved outside the folder that the program remembers.
    public func knownPaths() -> [String] {
        guard let text = try? String(contentsOf: knownFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Remembers (or, with `false`, forgets) a session saved outside the folder.
    public func remember(_ path: String, _ keep: Bool = true) throws(WriteError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var paths = knownPaths().filter { $0 != absolute }
        if keep { paths.append(absolute) }
        Self.removeStaleTemporaries(beside: knownFile.path, holdingLock: false)
        try Self.writeAtomically(Data(paths.map { $0 + "\n" }.joined().utf8), to: knownFile)
    }

    /// Session files in the folder, newest first by name (names start with the date).
    /// Only regular files: a FIFO named like a session would hang whoever read it.
    /// `run` asks this before its first screen, of a folder that grows by a file per
    /// interview: the folder's entries say what each is, so no file is asked (`lstat`)
    /// unless its file system does not say, and no path asks whether it is a folder.
    public func sessionPaths() -> [String] {
        Self.regularFileNames(in: folder.path).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted(by: >)
            .map { folder.appendingPathComponent($0, isDirectory: false).path }
    }

    /// The names of the regular files (not links) in `folder`, in no order; none when it cannot be read.
    static func regularFileNames(in folder: String) -> [String] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): names.append(name)
            case Int32(DT_UNKNOWN) where name != "." && name != "..":
                if isRegularFile(folder + "/" + name) { names.append(name) }
            default: continue
            }
        }
        return names
    }

    /// Whether `path` is a regular file itself (not a link, a FIFO, a device or a folder).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & 0o170000 == 0o100000
    }

    /// The newest session that was left unfinished, if any. Every `run` asks this, with
    /// a folder that grows by a file per interview: completed files are told apart by
    /// their last bytes, and only the others are read whole. `waiting(path)`: whether the
    /// index of session files, knowing the file as it is now, holds it as an unfinished live
    /// session (then its bytes are read only if so), nil when it does not know it.
    public func newestUnfinished(waiting: (String) -> Bool? = { _ in nil }) -> (path: String, file: SessionFile)? {
        // One live in another window is not waiting: it is being run.
        for path in sessionPaths() where (waiting(path) ?? !Self.endsAsCompleted(path)) && !SessionLock.isHeld(session: path) {
            if let file = try? Self.read(path), file.status != .completed, file.mode == .live { return (path, file) }
        }
        return nil
    }

    /// Whether the file's top-level `status` says completed. Keys are written sorted and
    /// pretty-printed, so that line is among the last few, two spaces in; a note cannot
    /// forge it, since quotes inside strings are escaped.
    static func endsAsCompleted(_ path: String) -> Bool {
        guard let tail = FileReading.tail(of: path, count: 512) else { return false }
        return String(decoding: tail, as: UTF8.self).contains("\n  \"status\" : \"completed\",\n")
    }
}

// The C library's calls, named apart so that `FileCalls`' members do not hide them.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemFsync(_ fd: Int32) -> Int32 { fsync(fd) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
