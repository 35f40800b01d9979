import Foundation

/// Seconds from a fixed origin that never jump back (not the wall clock).
public protocol MonotonicClock: Sendable {
    func now() -> Double
}

public struct SystemClock: MonotonicClock {
    public init() {}
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// A clock tests move by hand.
public final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
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
