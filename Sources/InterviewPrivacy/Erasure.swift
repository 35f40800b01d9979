#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewStore

/// Deleting for good: the file is unlinked and its folder fsynced, so that the deletion
/// survives a crash the moment the call returns. (The blocks are freed, not overwritten:
/// on today's file systems and SSDs only disk encryption makes freed blocks unreadable.)
public enum Erasure {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// A live program writes the session: it is not touched.
        case inUse(String)
        /// Not what it was when it was chosen (gone, renamed, or rewritten since): not touched.
        case changed(String)
        case failed(String, errno: Int32)

        public var description: String {
            switch self {
            case .inUse(let path):
                "\(path) is open in a running interview program: not touched (end that interview, then run this again)"
            case .changed(let path):
                "\(path) changed since it was listed (gone, renamed or written by another program): not touched (run this again)"
            case .failed(let path, let code): "cannot delete \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// What could not be done, counted: files not deleted, records not written; and why
    /// each record could not be written, for the command to say on stderr.
    public struct Failures: Sendable {
        public var sessions = 0, reports = 0, records = 0
        /// The messages of the record writes that failed, not yet said.
        public var unsaid: [String] = []
        public var any: Bool { sessions + reports + records > 0 }

        public init() {}

        /// Runs a write of one of the program's records; a failure is counted, and its message kept.
        public mutating func record(_ file: URL, _ write: () throws(SessionStore.WriteError) -> Void) {
            do throws(SessionStore.WriteError) {
                try write()
            } catch {
                unsaid.append("cannot update \(file.path), so it still names files that are gone or moved: \(error)")
                records += 1
            }
        }
    }

    /// Deletes a session file and what the program keeps beside it: its lock file and any
    /// temporary file a save left behind (`.NAME.json.*`). Refused while a program holds
    /// its lock; the lock is held while it is deleted, so no program opens it meanwhile.
    /// `stillChosen` is asked under the lock with the session as it reads then: what was
    /// chosen from an earlier reading may have changed, and is then left alone.
    public static func deleteSession(_ path: String, stillChosen: (StoredSession) -> Bool = { _ in true }) throws(Failure) {
        let lock: SessionLock
        do {
            lock = try SessionLock(session: path)
        } catch {
            switch error {
            case .held: throw .inUse(path)
            case .failed(_, let code): throw .failed(path, errno: code)
            }
        }
        defer { lock.release() }
        guard SessionStore.isRegularFile(path), stillChosen(StoredData.read(path, remembered: false)) else { throw .changed(path) }
        for leftover in leftovers(of: path) { _ = unlink(leftover) }
        try deleteFile(path, sync: false)
        lock.release()
        syncFolder(of: path)
    }

    /// Unlinks `path` (never what a link points to) and fsyncs its folder.
    public static func deleteFile(_ path: String, sync: Bool = true) throws(Failure) {
        guard unlink(path) == 0 else {
            let code = errno
            if code == ENOENT { return }
            throw .failed(path, errno: code)
        }
        if sync { syncFolder(of: path) }
    }

    /// The hidden files beside a session that belong to it (`.NAME.json.*`: temporary
    /// files of saves and of `redact`), but not its lock, which `SessionLock` removes.
    static func leftovers(of path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + "."
        let lock = "." + url.lastPathComponent + ".lock"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0 != lock }.map { folder.appendingPathComponent($0).path }
            .filter(SessionStore.isRegularFile)
    }

    /// Flushes the folder holding `path`, so that a rename or an unlink in it is on disk.
    public static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Bytes of the file at `path` (0 when it cannot be read).
    public static func size(of path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// `812 B`, `12.3 KB`, `4.0 MB`.
    public static func describe(bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return fixedPoint(value, decimals: 1) + " " + units[unit]
    }
}
