import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports
@testable import InterviewTUI

/// A whole interview given as the bytes a terminal sends, through the real decoder,
/// grammar and loop: the list, a skip, a question of one's own with its rating and a note,
/// a digit in wrap-up that recommends nothing, no decision, the end. What the report says
/// of it. Was a tmux test of the real binary.
@Suite struct InterviewBytesTests {
    typealias Step = ScriptedTerminal.Step

    /// `keys` from `start`, one write every 0.3 s (each an `Esc` and its key, or text).
    static func script(_ writes: [String], from start: Double) -> [Step] {
        writes.enumerated().map { Step(at: start + 0.3 * Double($0.offset), bytes: $0.element) }
    }

    @Test func theListASkipAQuestionOfOnesOwnAndNoDecisionReachTheReport() throws {
        let esc = Bytes.esc
        let own = "How would you explain drift to a manager?"
        let writes = [esc + "g", "7", "\r", esc + "x", esc + "+", own, "\r", esc, "r", "3", "clear, used an analogy",
                      esc + "w", esc + "4", esc + "r", "d", esc + "e", "y"]
        let (state, terminal) = try Bytes.run(.live, Self.script(writes, from: 2))
        let shown = { (text: String) in terminal.frames.contains { $0.canvas.text.contains(text) } }
        #expect(shown("Questions · number or") && shown("· skipped") && shown("Your question 8/16") && shown("rated 3: yes"))
        #expect(shown("Esc r, then 1–4, recommends"), "Esc and a digit in wrap-up says how to recommend")
        #expect(state.exit == .completed && state.session.status == .completed)
        #expect(state.session.recommendation == Rating.noDecision)
        #expect(state.session.closingNotes.isEmpty, "no key of the script was closing text")

        let report = SessionReport(state.engine.snapshot(at: state.now), file: "flow.json")
        // The report lists questions as the interview numbered them: found by id.
        let bank = state.engine.questions
        let seventh = try #require(report.questions.first { $0.id == bank[6].id })
        #expect(seventh.skipped && !seventh.asked)
        #expect(bank[2...5].allSatisfy { question in report.questions.first { $0.id == question.id }?.asked != true },
                "nothing passed on the way to 7 counts as asked")
        let added = try #require(report.questions.first { $0.added })
        #expect(added.added && added.prompt == own && added.rating == 3)
        #expect(added.notes.map(\.text) == ["clear, used an analogy"])
        let markdown = Scorecard.render([report], as: .markdown)
        #expect(markdown.contains("## Recommendation: no decision") && markdown.contains("(skipped)")
                && markdown.contains(own + " (added during the interview)"), "\(markdown)")
    }

    /// README: "The first key after a command starts a new line". The same whether `Esc`
    /// and its key come in two reads or in one (Alt-1, or Esc then 1 typed fast: tmux's
    /// `send-keys Escape 1`).
    @Test(arguments: [false, true])
    func theFirstKeyAfterACommandStartsANewLine(together: Bool) throws {
        let esc = Bytes.esc
        let command = { (key: String, t: Double) in
            together ? [Step(at: t, bytes: esc + key)] : [Step(at: t, bytes: esc), Step(at: t + 0.2, bytes: key)]
        }
        let steps = Step.typing("one", at: 2, every: 0.05) + command("1", 3) + Step.typing("two", at: 4, every: 0.05)
            + command("s", 5) + Step.typing("three", at: 6, every: 0.05)
        let (state, _) = try Bytes.run(.live, steps)
        #expect(Bytes.notes(state, .live) == "one\ntwo\nthree", "\(together ? "Alt" : "Esc, then"): \(Bytes.notes(state, .live).debugDescription)")
        #expect(state.session.questions[1].rubric[0] && state.session.shareSafe)
    }
}
