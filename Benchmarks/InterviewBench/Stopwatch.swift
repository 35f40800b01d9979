import Foundation
import InterviewCore

/// Times a body of code and keeps every result, named, in the order measured.
struct Stopwatch {
    struct Result: Encodable {
        let key: String
        let label: String
        let seconds: Double

        var text: String {
            seconds < 0.001 ? String(format: "%.1f µs", seconds * 1e6) : String(format: "%.2f ms", seconds * 1e3)
        }
    }

    private(set) var results: [Result] = []
    private let clock = SystemClock()

    /// The mean time of `count` runs of `body`, recorded under `key`.
    mutating func measure(_ key: String, _ label: String, repeat count: Int = 1, _ body: () throws -> Void) rethrows {
        let start = clock.now()
        for _ in 0..<count { try body() }
        results.append(Result(key: key, label: label, seconds: (clock.now() - start) / Double(count)))
    }
}
