import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per session file: a program that writes a session holds a lock on a
/// file beside it (`.NAME.lock`) for as long as it runs. The lock is an open file
/// description lock (`F_OFD_SETLK`): the kernel drops it when the process dies, even
/// by `kill -9`, and another process can ask whether it is held without taking it
/// (the mirror does, to say that the interviewer's program is not running).
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
    private var descriptor: Int32

    /// The lock file of a session file.
    public static func lockPath(for session: String) -> String {
        let url = URL(fileURLWithPath: session)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
    }

    /// Takes the lock of `session`, or says who has it. Once it holds the lock, it removes
    /// the temporary files a killed program left beside the session
    /// (`SessionStore.removeStaleTemporaries`): every start of run, resume and practice.
    public init(session: String) throws(LockError) {
        path = Self.lockPath(for: session)
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .failed(path, errno: errno) }
        var request = Self.request(type: Int16(F_WRLCK))
        if fcntl(descriptor, Self.setLock, &request) != 0 {
            let code = errno
            close(descriptor)
            throw code == EAGAIN || code == EACCES ? .held(session) : .failed(path, errno: code)
        }
        SessionStore.removeStaleTemporaries(beside: session)
    }

    /// Whether a live program holds the lock of `session` now.
    public static func isHeld(session: String) -> Bool {
        let fd = open(lockPath(for: session), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var query = request(type: Int16(F_WRLCK))
        return fcntl(fd, getLock, &query) == 0 && query.l_type != Int16(F_UNLCK)
    }

    /// Gives the lock up and removes its file (a killed process leaves the file, empty
    /// and unlocked: the next start takes it).
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func request(type: Int16) -> flock {
        var request = flock()
        request.l_type = type
        request.l_whence = Int16(SEEK_SET)
        return request
    }
}
