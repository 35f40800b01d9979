import Foundation
import Testing
import InterviewCore

/// The program reads what it writes, refuses what it cannot read with FILE:LINE:COL
/// (never a trap), and writes nothing raw to a terminal from an article: each case of
/// issue 26 as it was seen, with the real binary.
@Suite("Readers", .serialized)
struct ReadersCLITests {
    static let sessionFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../InterviewKitTests/Fixtures/Fuzz/session").standardized

    /// A session in the sessions folder of `scratch`: one question with one rubric item
    /// and three follow-ups, the third asked (`f 3`), as the live program saves it.
    static func followUpSession(_ scratch: CLITests.Scratch) throws -> String {
        let question = Question(id: "q", prompt: "Tell me about a model you shipped?", timeSeconds: 300,
                                expectedAnswer: RichText.parse("One."), rubric: ["impact"],
                                followUps: ["What broke?", "What would you change?", "Who used it?"])
        let bank = Bank(title: "One", durationSeconds: 600, questions: [question], source: "one.md", hash: "h")
        var engine = SessionEngine(bank: bank, id: "9d3c2b1a-0000-4000-8000-000000000026", candidate: "Ada Follow",
                                   interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.toggleRubric(0), at: 3)
        engine.perform(.rate(3), at: 4)
        engine.perform(.toggleFollowUp(2), at: 5)
        engine.perform(.interrupt, at: 6)
        let folder = scratch.url.appendingPathComponent("data/interview/sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("2027-01-15T08-00-00-ada-follow.json").path
        try engine.snapshot(at: 6).encoded().write(to: URL(fileURLWithPath: path))
        return path
    }

    /// As it was seen: every command read the program's own file as broken.
    @Test func aFollowUpPastTheRubricReadsInEveryCommand() throws {
        let scratch = try CLITests.Scratch()
        let path = try Self.followUpSession(scratch)
        let report = try Binary.run(["report", path], environment: scratch.environment)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("- [x] Who used it?"), "\(report.stdout)")
        let stats = try Binary.run(["stats", scratch.url.appendingPathComponent("data/interview/sessions").path], environment: scratch.environment)
        #expect(stats.status == 0 && !stats.stderr.contains(path), "\(stats.stderr)")
        #expect(stats.stdout.contains("1 session") && !stats.stdout.contains("No sessions"), "\(stats.stdout)")
        // Without a terminal, replay and resume stop after reading the file: at the terminal, not at the file.
        for command in ["replay", "resume"] {
            let read = try Binary.run([command, path], environment: scratch.environment)
            #expect(read.status == 2 && read.stderr.contains("needs a terminal") && !read.stderr.contains(path + ":"), "\(command): \(read.stderr)")
        }
        let anonymized = try Binary.run(["anonymize", path, "--yes"], environment: scratch.environment)
        #expect(anonymized.status == 0, "\(anonymized.stderr)")
        let forgotten = try Binary.run(["forget", "anonymous-9d3c2b1a", "--yes"], environment: scratch.environment)
        #expect(forgotten.status == 0, "\(forgotten.stdout) \(forgotten.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("data/interview/sessions").path)
        #expect(left.filter { $0.hasSuffix(".json") }.isEmpty, "\(left)")
    }

    /// As it was seen: `replay` and `resume` died with SIGILL (exit 132, no message).
    @Test(arguments: ["added-event-without-its-question.json", "added-twice-one-question.json"])
    func addedQuestionsThatDisagreeAreRefusedNotATrap(_ name: String) throws {
        let scratch = try CLITests.Scratch()
        let path = Self.sessionFixtures.appendingPathComponent(name).path
        for command in ["replay", "resume", "report"] {
            let result = try Binary.run([command, path], environment: scratch.environment)
            #expect(result.status == 2, "\(command) \(name): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.range(of: #"^interview: [^\n]+\.json:\d+:\d+: "#, options: .regularExpression) != nil,
                    "\(command) \(name): \(result.stderr)")
        }
    }

    /// As it was seen: OSC 0, OSC 52, CSI 2J, C1 CSI, RLO, DCS and BEL went raw to the
    /// terminal and into the bank, and validate took the bank.
    @Test func anArticlesControlSequencesNeverReachTheTerminalNorTheBank() throws {
        let scratch = try CLITests.Scratch()
        let payloads = ["\u{1B}]0;owned\u{07}", "\u{1B}]52;c;b3duZWQ=\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{202E}exe", "\u{1B}Pq\u{1B}\\", "\u{07}"]
        let article = "Questions \(payloads[0])\n\n" + payloads.enumerated().map { n, payload in
            "\(n + 1). What is \(payload) thing \(n + 1)?\n\nIt is \(payload) a thing.\n"
        }.joined(separator: "\n")
        let articlePath = scratch.url.appendingPathComponent("article.txt")
        try Data(article.utf8).write(to: articlePath)
        let bank = scratch.url.appendingPathComponent("bank.md").path
        func raw(_ text: String) -> [String] {
            text.unicodeScalars.filter { VisibleText.isUnsafe($0) && $0 != "\n" }.map { String($0.value, radix: 16) }
        }
        for arguments in [["import", articlePath.path], ["import", articlePath.path, "--report"], ["import", articlePath.path, "-o", bank]] {
            let result = try Binary.run(arguments, environment: scratch.environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(raw(result.stdout).isEmpty && raw(result.stderr).isEmpty, "\(arguments): \(raw(result.stdout)) \(raw(result.stderr))")
        }
        #expect(raw(try String(contentsOfFile: bank, encoding: .utf8)).isEmpty)
        let validated = try Binary.run(["validate", bank], environment: scratch.environment)
        #expect(validated.status == 0, "\(validated.stderr)")

        let hostile = scratch.url.appendingPathComponent("hostile.md").path
        try Data("---\ntitle: T\n---\n## Q?\n### Expected answer\nAn \u{1B}]52;c;eA==\u{07} answer.\n".utf8).write(to: URL(fileURLWithPath: hostile))
        let refused = try Binary.run(["validate", hostile], environment: scratch.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("hostile.md:6:4: a control character (^[)"), "\(refused.stderr)")
        #expect(raw(refused.stderr).isEmpty)
    }

    @Test func importFromStandardInputStopsPast16MB() throws {
        let scratch = try CLITests.Scratch()
        let line = "1. What is a very long article, line after line, that never ends?\n"
        let input = String(repeating: line, count: (16 << 20) / line.utf8.count + 10)
        let result = try Binary.run(["import", "-"], environment: scratch.environment, input: input, timeout: 60)
        #expect(result.status == 2, "\(result.stderr.prefix(300))")
        #expect(result.stderr == "interview: stdin: more than 16 MB on standard input: expected an article (a page of questions is far less)\n")
        #expect(result.stdout.isEmpty)
    }
}
