#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Seconds from a fixed origin that never jump back (not the wall clock).
public protocol MonotonicClock: Sendable {
    func now() -> Double
}

/// The program's clock: `CLOCK_MONOTONIC` less the time the process was stopped
/// (`Ctrl-Z`, `kill -STOP`), which `CLOCK_MONOTONIC` counts and an interview must not.
/// See `StoppedTime`.
public struct SystemClock: MonotonicClock {
    public init() { StoppedTime.shared.start() }
    public func now() -> Double { StoppedTime.shared.now() }

    /// `CLOCK_MONOTONIC` itself, in seconds.
    public static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// How many times the process was continued (`SIGCONT`), counted by its handler.
private let continuations = Atomic<Int>(0)

/// The time the process spent stopped, taken out of `SystemClock`.
///
/// A stopped process runs nothing, so the stop cannot be seen as it starts (`SIGSTOP`
/// cannot be caught); its end can: `SIGCONT`, whose handler counts it. A heartbeat thread
/// reads the clock every `period` seconds; after a continuation, the gap since the last
/// beat before it, less one period, was the stop. So a stop is taken out to within
/// `period`, never more than it lasted, and a `SIGCONT` without a stop (or a thread
/// that was only late) takes nothing out. Costs one wakeup every quarter second.
public final class StoppedTime: @unchecked Sendable {
    public static let shared = StoppedTime()
    static let period = 0.25

    private let lock = Lock()
    private var started = false
    private var lastBeat = SystemClock.monotonic()
    private var seen = 0
    private var stopped = 0.0

    /// The seconds taken out so far.
    public var total: Double { lock.withLock { stopped } }

    /// Installs the `SIGCONT` handler and starts the heartbeat, once.
    func start() {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        _ = continuations.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in continuations.add(1, ordering: .relaxed) }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGCONT, &action, nil)
        lock.withLock {
            lastBeat = SystemClock.monotonic()
            seen = continuations.load(ordering: .relaxed)
        }
        // A queue of its own: its one block runs for the life of the process.
        DispatchQueue(label: "interview.stopped-time").async { [self] in
            while true {
                pauseThread(seconds: Self.period)
                _ = now()
            }
        }
    }

    /// The monotonic clock less the stops, noting a continuation since the last read.
    func now() -> Double {
        lock.withLock {
            let raw = SystemClock.monotonic()
            let count = continuations.load(ordering: .relaxed)
            if count != seen {
                seen = count
                stopped += max(0, raw - lastBeat - Self.period)
            }
            lastBeat = raw
            return raw - stopped
        }
    }
}
/// A clock tests move by hand.
public final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = Lock()
    private var value: Double
    public init(_ start: Double = 0) { value = start }
    public func now() -> Double { lock.withLock { value } }
    public func advance(_ seconds: Double) { lock.withLock { value += seconds } }
}

/// The session's own time: seconds since it started, continuing from `offset` after a
/// resume, so the time the program was not running does not count.
public struct SessionClock: MonotonicClock {
    private let base: any MonotonicClock
    private let origin: Double
    private let offset: Double

    public init(_ base: any MonotonicClock, continuingFrom offset: Double = 0) {
        self.base = base
        origin = base.now()
        self.offset = offset
    }

    public func now() -> Double { offset + base.now() - origin }
}
