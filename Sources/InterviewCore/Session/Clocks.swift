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
/// reads the clock every `period` seconds; `StopAccount` turns the beats and the count
/// into the seconds stopped. Costs one wakeup every quarter second.
public final class StoppedTime: @unchecked Sendable {
    public static let shared = StoppedTime()

    private let lock = Lock()
    private var started = false
    private var account = StopAccount(start: SystemClock.monotonic(), continuations: 0)

    /// The seconds taken out so far.
    public var total: Double { lock.withLock { account.stopped } }

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
            account = StopAccount(start: SystemClock.monotonic(), continuations: continuations.load(ordering: .relaxed))
        }
        // A queue of its own: its one block runs for the life of the process.
        DispatchQueue(label: "interview.stopped-time").async { [self] in
            while true {
                pauseThread(seconds: StopAccount.period)
                _ = now()
            }
        }
    }

    /// The monotonic clock less the stops, noting a continuation since the last read.
    func now() -> Double {
        lock.withLock {
            let raw = SystemClock.monotonic()
            account.read(at: raw, continuations: continuations.load(ordering: .relaxed))
            return raw - account.stopped
        }
    }
}

/// The arithmetic of `StoppedTime`, apart from the clock and the signal: after a
/// continuation, the gap since the last beat before it, less one period, was the stop. So a
/// stop is taken out to within `period`, never more than it lasted, and a `SIGCONT` without
/// a stop (or a thread that was only late) takes nothing out.
///
/// The continuation may be counted after the first beat that follows the stop: the threads
/// run again as the signal is sent, and its handler runs on whichever thread takes it (the
/// heartbeat's queue thread blocks signals, so never that one). So a gap is kept for
/// `window` seconds, and a continuation counted within that time takes it out.
struct StopAccount: Sendable {
    static let period = 0.25
    /// Far longer than a signal takes to be handled, far shorter than a stop worth noting.
    static let window = 1.0

    private(set) var stopped = 0.0
    private var lastBeat: Double
    private var seen: Int
    /// The last gap not yet explained by a continuation, and when it ended.
    private var pending: (gap: Double, at: Double)?

    init(start: Double, continuations: Int) {
        lastBeat = start
        seen = continuations
    }

    mutating func read(at raw: Double, continuations count: Int) {
        let gap = max(0, raw - lastBeat - Self.period)
        if let held = pending, raw - held.at > Self.window { pending = nil }
        if count != seen {
            seen = count
            stopped += max(gap, pending?.gap ?? 0)
            pending = nil
        } else if gap > (pending?.gap ?? 0) {
            // A later, smaller gap (the next beat after a stop) must not hide the stop.
            pending = (gap, raw)
        }
        lastBeat = raw
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
