#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
#if canImport(Glibc)
import Glibc
#endif

/// One writer per session file: a program that writes a session holds a lock on a
/// file beside it (`.NAME.lock`) for as long as it runs. The lock is an open file
/// description lock (`F_OFD_SETLK`): the kernel drops it when the process dies, even
/// by `kill -9`, and another process can ask whether it is held without taking it
/// (the mirror does, to say that the interviewer's program is not running).
/// Only the holder ever removes the lock file, and only while that file is the one it
/// locked: a refused attempt leaves everything as it found it.
public final class SessionLock: @unchecked Sendable {
    public enum LockError: Error, CustomStringConvertible {
        case held(String)
        case failed(String, errno: Int32)
        public var description: String {
            switch self {
            case .held(let path): "\(path) is open in another interview program: expected it to be closed first (one program writes a session at a time)"
            case .failed(let path, let code): "cannot lock \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    // Linux's fcntl commands for open file description locks (not exported to Swift).
    private static let getLock: Int32 = 36, setLock: Int32 = 37

    public let path: String
    private let session: String
    // The saver's queue re-takes the lock while the main thread may release it.
    private let guardLock = Lock()
    private var descriptor: Int32 = -1

    /// The lock file of a session file.
    public static func lockPath(for session: String) -> String {
        let url = URL(fileURLWithPath: session)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
    }

    /// Takes the lock of `session`, or says who has it. Once it holds the lock, it removes
    /// the temporary files a killed program left beside the session
    /// (`SessionStore.removeStaleTemporaries`): every start of run, resume and practice.
    public init(session: String) throws(LockError) {
        self.session = session
        path = Self.lockPath(for: session)
        descriptor = try Self.take(path, session: session)
        SessionStore.removeStaleTemporaries(beside: session)
    }

    /// Opens and locks the lock file: its descriptor. A refusal closes what it opened and
    /// nothing else. When the file it locked is no longer at `path` (its last holder
    /// removed it between this open and this lock), that lock guards nothing: again.
    private static func take(_ path: String, session: String) throws(LockError) -> Int32 {
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .failed(path, errno: errno) }
            var request = Self.request(type: Int16(F_WRLCK))
            if fcntl(fd, setLock, &request) != 0 {
                let code = errno
                close(fd)
                throw code == EAGAIN || code == EACCES ? .held(session) : .failed(path, errno: code)
            }
            if names(path, fd) { return fd }
            close(fd)
        }
    }

    /// Whether `path` is the very file open at `fd` (not deleted, not replaced).
    private static func names(_ path: String, _ fd: Int32) -> Bool {
        var open = stat(), named = stat()
        return fstat(fd, &open) == 0 && lstat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Whether a live program holds the lock of `session` now.
    public static func isHeld(session: String) -> Bool {
        let fd = open(lockPath(for: session), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var query = request(type: Int16(F_WRLCK))
        return fcntl(fd, getLock, &query) == 0 && query.l_type != Int16(F_UNLCK)
    }

    /// Whether this instance holds the lock and its file is still where others look for
    /// it: false once the lock file, or the folder with it, was deleted.
    public var isIntact: Bool {
        guardLock.withLock { descriptor >= 0 && Self.names(path, descriptor) }
    }

    /// Makes sure the lock is held at its path again after its file went (deleted by hand,
    /// or with its folder, which the caller has made again): true when this instance holds
    /// it; false when another program took the session's lock meanwhile.
    public func retake() -> Bool {
        guardLock.withLock {
            guard descriptor >= 0 else { return false }
            if Self.names(path, descriptor) { return true }
            guard let fresh = try? Self.take(path, session: session) else { return false }
            close(descriptor)
            descriptor = fresh
            return true
        }
    }

    /// Gives the lock up and removes its file, if that file is still the one it locked
    /// (a killed process leaves the file, empty and unlocked: the next start takes it).
    public func release() {
        guardLock.withLock {
            guard descriptor >= 0 else { return }
            if Self.names(path, descriptor) { unlink(path) }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }

    private static func request(type: Int16) -> flock {
        var request = flock()
        request.l_type = type
        request.l_whence = Int16(SEEK_SET)
        return request
    }
}
