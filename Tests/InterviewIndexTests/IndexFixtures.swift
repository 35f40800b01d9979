import Foundation
import InterviewCore
import InterviewIndex
import InterviewReports
import InterviewSamples
import InterviewStore

/// A scratch folder with generated sessions (`SampleSessions`, as `interview-bench
/// generate` makes them) and an index of its own.
final class IndexFixture {
    let root: URL
    var sessions: URL { root.appendingPathComponent("sessions") }
    var indexURL: URL { root.appendingPathComponent("data/index.sqlite") }

    init(sessions count: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("interview-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 33)
        for index in 0..<count {
            try write(SampleSessions.interview(bank: bank, index: index, rng: &rng), as: "session-\(index).json")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func write(_ session: SessionFile, as name: String) throws -> URL {
        let url = sessions.appendingPathComponent(name)
        try session.encoded().write(to: url)
        return url
    }

    func index() throws -> SessionIndex { try SessionIndex.open(indexURL) }

    /// An interview left at its second question, started `index` hours after the generated ones' first.
    static func unfinished(_ candidate: String, index: Int, mode: SessionMode = .live) throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "unfinished-\(index)", mode: mode,
                                   candidate: candidate, interviewer: "Bench",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(index) * 3_600))
        engine.perform(.next, at: 60)
        return engine.snapshot(at: 90)
    }

    /// Makes every session file a day old: the index keeps the stamps of files not just
    /// written (those are read again each time), so that it serves them as they are.
    func age() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: sessions.path) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)],
                                                  ofItemAtPath: sessions.appendingPathComponent(name).path)
        }
    }

    /// Every byte of the database and of its WAL, as text (for the erasure checks).
    func indexBytes() -> String {
        SessionIndex.files(indexURL).prefix(2).compactMap { FileManager.default.contents(atPath: $0.path) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    /// The whole output of `stats` in every format, so that two loads compare as a user sees them.
    static func outputs(_ stats: SessionStats) -> [String] {
        [stats.render(.table, questions: false), stats.render(.table, questions: true), stats.render(.csv, questions: false),
         stats.render(.csv, questions: true), stats.render(.json, questions: false)]
    }
}
