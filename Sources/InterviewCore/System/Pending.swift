import Dispatch

/// A value worked out on another thread while this one does something else: the index
/// reads the next batch of session files while it writes the rows of this one (SQLite's
/// writes are on one thread), and `run` parses its bank while the terminal is asked its
/// background, so that the other core is not left idle.
public struct Pending<Value: Sendable>: Sendable {
    private let box = Box()
    private let done = DispatchGroup()

    /// Starts `work` at once, on a thread of its own.
    public init(_ work: @escaping @Sendable () -> Value) {
        let (box, done) = (box, done)
        done.enter()
        DispatchQueue.global().async {
            box.value = work()
            done.leave()
        }
    }

    /// The value, once `work` has finished.
    public func wait() -> Value {
        done.wait()
        return box.value!
    }

    /// Written once by the worker before `done.leave()`, read only after `done.wait()`:
    /// the group orders the two, so no lock is needed.
    private final class Box: @unchecked Sendable {
        var value: Value?
    }
}
