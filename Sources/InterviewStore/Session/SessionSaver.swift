#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import InterviewCore

/// Where the live screen hands its snapshots: the saver, or a recorder in tests.
public protocol SessionSaving: AnyObject, Sendable {
    var url: URL { get }
    var status: SessionSaver.Status { get }
    /// Hands over the newest snapshot; the write happens elsewhere.
    func save(_ file: SessionFile)
    /// Waits until everything handed over is on disk (or has failed).
    func flush()
}

/// Saves sessions off the interface's thread: `save` only hands over a snapshot (a value,
/// copied on write), a background queue encodes and writes the newest one. A failing
/// disk is reported, retried with the next snapshot, and never damages the last good file.
/// With the session's lock, every write first makes sure the lock is still held where
/// others look for it: a sessions folder or lock file deleted mid-interview is made again
/// and the lock re-taken; if another program took the lock meanwhile, this one stops
/// saving for good (NOT SAVED, and the rescue copy at the end), never writing beside it.
public final class SessionSaver: SessionSaving, @unchecked Sendable {
    public enum Status: Hashable, Sendable {
        case idle
        case saved
        case failed(String)
    }

    public let url: URL
    private let queue = DispatchQueue(label: "interview.session-saver")
    private let lock = Lock()
    private var pending: SessionFile?
    private var scheduled = false
    private var currentStatus: Status = .idle

    private let calls: SessionStore.FileCalls
    private let sessionLock: SessionLock?
    private var lockLost = false
    /// A rescue copy of this session: removed once the session is saved in its own file.
    private var rescue: String?

    /// `lock`: the session's lock, held by the caller for as long as it saves.
    /// `replacing`: a rescue copy this session was resumed from, removed after the first save.
    public convenience init(url: URL, lock: SessionLock? = nil, replacing rescue: String? = nil) {
        self.init(url: url, calls: .system, lock: lock, replacing: rescue)
    }

    /// With the file calls given: tests make one fail (a full disk).
    init(url: URL, calls: SessionStore.FileCalls, lock: SessionLock? = nil, replacing rescue: String? = nil) {
        self.url = url
        self.calls = calls
        self.sessionLock = lock
        self.rescue = rescue
    }

    public var status: Status { lock.withLock { currentStatus } }

    public func save(_ file: SessionFile) {
        let schedule = lock.withLock {
            pending = file
            defer { scheduled = true }
            return !scheduled
        }
        if schedule { queue.async { self.drain() } }
    }

    /// Waits until everything handed over is on disk (or has failed), for exits.
    public func flush() {
        queue.sync {}
    }

    private func drain() {
        while true {
            let next: SessionFile? = lock.withLock {
                let file = pending
                pending = nil
                if file == nil { scheduled = false }
                return file
            }
            guard let file = next else { return }
            let outcome: Status
            do {
                try holdLock()
                try SessionStore.writeAtomically(try file.encoded(), to: url, calls: calls)
                outcome = .saved
                if let rescue, (try? SessionStore.delete(rescue)) != nil { self.rescue = nil }
            } catch {
                outcome = .failed("\(error)")
            }
            lock.withLock { currentStatus = outcome }
        }
    }

    /// The lock is held where others look for it, or this program no longer saves.
    private func holdLock() throws {
        guard let sessionLock, !lockLost else {
            if lockLost { throw LockLost(path: url.path) }
            return
        }
        if sessionLock.isIntact { return }
        try SessionStore.createFolder(url.deletingLastPathComponent())
        guard sessionLock.retake() else {
            lockLost = true
            throw LockLost(path: url.path)
        }
    }

    /// Another program took the session's lock after this one's lock file was deleted.
    struct LockLost: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "its lock file was deleted and another interview program now holds \(path): this one no longer saves it"
        }
    }
}
