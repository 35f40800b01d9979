import Foundation

// The in-process half of the benchmark suite; `scripts/bench` runs it and the
// terminal measurements, and prints one table.
//
//   interview-bench                      the in-process measurements, one line each
//   interview-bench --json               the same as one JSON array (key, label, seconds)
//   interview-bench generate DIR [QUESTIONS] [SESSIONS]
//                                        write the bench's inputs into DIR (see Fixtures)

let usage = "usage: interview-bench [--json] | interview-bench generate DIR [QUESTIONS] [SESSIONS]"
let arguments = Array(CommandLine.arguments.dropFirst())

do {
    switch arguments.first {
    case "generate":
        guard arguments.count >= 2, arguments.count <= 4 else { throw UsageError() }
        let numbers = try arguments.dropFirst(2).map { text -> Int in
            guard let number = Int(text), number > 0 else { throw UsageError() }
            return number
        }
        try Fixtures.write(to: URL(fileURLWithPath: arguments[1], isDirectory: true),
                           questions: numbers.first ?? 3_000, sessions: numbers.dropFirst().first ?? 1_000)
    case nil, "--json":
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interview-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try InProcessBenchmarks.run(scratch: folder)
        if arguments.first == "--json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            print(String(decoding: try encoder.encode(watch.results), as: UTF8.self))
        } else {
            for result in watch.results { print("\(result.label): \(result.text)") }
        }
    default:
        throw UsageError()
    }
} catch is UsageError {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("interview-bench: \(error)\n".utf8))
    exit(1)
}

struct UsageError: Error {}
