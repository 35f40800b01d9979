import Foundation
import InterviewStore
import InterviewSamples

/// What `scripts/bench` measures the program on, written into one folder:
/// - `bank-QUESTIONS.md`: a bank of many questions (`GeneratedBank`);
/// - `long-session.json`: a 2-hour session of 20,000 events;
/// - `sessions/`: completed 45-minute interviews on the built-in bank, for `stats`.
enum Fixtures {
    static func write(to folder: URL, questions: Int, sessions: Int) throws {
        let manager = FileManager.default
        let sessionsFolder = folder.appendingPathComponent("sessions")
        try manager.createDirectory(at: sessionsFolder, withIntermediateDirectories: true)

        try Data(GeneratedBank.markdown(questions: questions).utf8)
            .write(to: folder.appendingPathComponent("bank-\(questions).md"))

        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 45)
        let (engine, t) = SampleSessions.long(bank: bank, rng: &rng)
        try engine.snapshot(at: t).encoded().write(to: folder.appendingPathComponent("long-session.json"))

        for index in 0..<sessions {
            let file = SampleSessions.interview(bank: bank, index: index, rng: &rng)
            try file.encoded().write(to: sessionsFolder.appendingPathComponent(String(format: "session-%04d.json", index)))
        }
    }
}
