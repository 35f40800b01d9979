#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import InterviewCore

/// `transform` of every element, several at once (one per core), in the elements' order:
/// the readers of many session files (`stats`, the index) keep both cores busy with it.
public func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    let results = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        results.set(index, transform(elements[index]))
    }
    return results.values.map { $0! }
}

/// Results written by concurrent workers, one slot each, read once they are all done.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = Lock()
    private var storage: [Value?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
    var values: [Value?] { lock.withLock { storage } }
}
