import Foundation

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
public final class SessionSaver: SessionSaving, @unchecked Sendable {
    public enum Status: Hashable, Sendable {
        case idle
        case saved
        case failed(String)
    }

    public let url: URL
    private let queue = DispatchQueue(label: "interview.session-saver")
    private let lock = NSLock()
    private var pending: SessionFile?
    private var scheduled = false
    private var currentStatus: Status = .idle

    private let calls: SessionStore.FileCalls

    public convenience init(url: URL) { self.init(url: url, calls: .system) }

    /// With the file calls given: tests make one fail (a full disk).
    init(url: URL, calls: SessionStore.FileCalls) {
        self.url = url
        self.calls = calls
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
                try SessionStore.writeAtomically(try file.encoded(), to: url, calls: calls)
                outcome = .saved
            } catch {
                outcome = .failed("\(error)")
            }
            lock.withLock { currentStatus = outcome }
        }
    }
}
