import Foundation
import Testing
@testable import InterviewCore

/// The program reads every file it writes: random banks and interviews (`SessionScript`,
/// seeded, so a failure replays from its seed), saved as the saver saves them, then read
/// by every reader (`EveryReader`).
@Suite struct ReadsEveryFileItWritesTests {
    /// 8 × 25 interviews of up to 120 actions, each saved halfway and at the end.
    @Test(arguments: 0..<8)
    func everyInterviewSavedReadsBackEverywhere(_ chunk: Int) throws {
        for seed in UInt64(chunk * 25)..<UInt64(chunk * 25 + 25) {
            var script = SessionScript(seed: seed)
            let (engine, t, actions) = script.interview(steps: script.int(1...120))
            let whole = engine.snapshot(at: t + 1)
            let halfway = SessionEngine(file: Self.cut(whole, at: t / 2)).snapshot(at: t / 2)
            for (what, file) in [("at the end", whole), ("halfway", halfway)] {
                let problems = try EveryReader.problems(file)
                #expect(problems.isEmpty, "seed \(seed), \(what), after \(actions): \(problems)")
            }
        }
    }

    /// The session as it was at `t`: its events up to then.
    static func cut(_ file: SessionFile, at t: Double) -> SessionFile {
        var out = file
        out.events = EventLog(file.events.filter { $0.at <= t })
        let added = out.events.filter { $0.type == .questionAdded }.count
        out.questions = Array(file.questions.filter { $0.added != true }) + file.questions.filter { $0.added == true }.prefix(added)
        return out
    }

    /// As it was seen: a bank question with one rubric item and three follow-ups, the
    /// third asked (`f 3`). The reader checked the follow-up against the rubric's count.
    @Test func aFollowUpPastTheRubricsCountReadsEverywhere() throws {
        let question = Question(id: "q", prompt: "Tell me about a model you shipped?", timeSeconds: 300,
                                expectedAnswer: RichText.parse("One."), rubric: ["impact"],
                                followUps: ["What broke?", "What would you change?", "Who used it?"])
        let bank = Bank(title: "One", durationSeconds: 600, questions: [question], source: "one.md", hash: "h")
        var engine = Fixtures.engine(bank)
        let asked = engine.perform(.toggleFollowUp(2), at: 5)
        #expect(asked)
        engine.perform(.interrupt, at: 6)
        let file = engine.snapshot(at: 6)
        #expect(file.questions[0].followUpsAsked == [2])
        #expect(try EveryReader.problems(file) == [])
    }

    /// A follow-up past the question's own is refused, at its place, as a rubric item past the rubric is.
    @Test func aFollowUpPastTheQuestionsFollowUpsIsRefusedAtItsPlace() throws {
        let question = Question(id: "q", prompt: "Q?", timeSeconds: 300, expectedAnswer: RichText.parse("One."),
                                rubric: ["a", "b", "c", "d", "e"], followUps: ["F?"])
        let bank = Bank(title: "One", durationSeconds: 600, questions: [question], source: "one.md", hash: "h")
        var engine = Fixtures.engine(bank)
        engine.perform(.toggleFollowUp(0), at: 5)
        var file = engine.snapshot(at: 6)
        file.events = EventLog(Array(file.events).map { event in
            var event = event
            if event.type == .followUpAsked { event.item = 3 }
            return event
        })
        let text = String(decoding: try file.encoded(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"item\" : 3") })
        let column = lines[line].distance(from: lines[line].startIndex, to: try #require(lines[line].firstIndex(of: "3"))) + 1
        #expect(throws: InputError(file: "f.json", line: line + 1, column: column,
                                   message: ".events[1].item is 3: expected a follow-up index from 0 to 0")) {
            try SessionFile.decode(Data(text.utf8), file: "f.json")
        }
    }
}
