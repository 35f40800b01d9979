import Foundation
import InterviewCore
import InterviewStore

extension SessionStore {
    /// Writes `engine`'s session as at `seconds` into a new file named as the program
    /// names it in the sessions folder, or at `outside`, remembered as `run -o` does. Its path.
    func save(_ engine: SessionEngine, at seconds: Double, candidate: String, startedAt: Date, outside: URL? = nil) throws -> String {
        let url: URL
        if let outside {
            url = outside
            try FileManager.default.createDirectory(at: outside.deletingLastPathComponent(), withIntermediateDirectories: true)
            try remember(outside.path)
        } else {
            url = try createNewFile(candidate: candidate, startedAt: startedAt)
        }
        try engine.snapshot(at: seconds).encoded().write(to: url)
        return url.path
    }
}
