#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

// What the program used of Foundation's `NSLock` and `Thread`, without full Foundation
// (which brings ICU's data into the binary: docs/architecture.md).

/// A lock around state a class keeps in its own stored properties.
public final class Lock: Sendable {
    private let mutex = Mutex(())

    public init() {}

    public func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try mutex.withLock { _ throws(Failure) in try body() }
    }
}

/// Blocks the calling thread for `seconds`.
public func pauseThread(seconds: Double) {
    guard seconds > 0 else { return }
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
