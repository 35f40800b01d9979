import Foundation
import Testing
@testable import InterviewKit
@testable import InterviewTUI

/// A whole interview given as the bytes a terminal sends, through the real decoder,
/// grammar and loop: the list, a skip, a question of one's own with its rating and a note,
/// a digit in wrap-up that recommends nothing, no decision, the end. What the report says
/// of it. Was a tmux test of the real binary.
@Suite struct InterviewBytesTests {
    typealias Step = ScriptedTerminal.Step
    static let esc = Bytes.esc

    /// `keys` from `start`, one write every 0.3 s (each an `Esc` and its key, or text).
    static func script(_ writes: [String], from start: Double) -> [Step] {
        writes.enumerated().map { Step(at: start + 0.3 * Double($0.offset), bytes: $0.element) }
    }

    @Test func theListASkipAQuestionOfOnesOwnAndNoDecisionReachTheReport() throws {
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
        #expect(report.questions[6].skipped && !report.questions[6].asked)
        #expect(report.questions[2...5].allSatisfy { !$0.asked }, "nothing passed on the way to 7 counts as asked")
        let added = try #require(report.questions.last)
        #expect(added.added && added.prompt == own && added.rating == 3)
        #expect(added.notes.map(\.text) == ["clear, used an analogy"])
        let markdown = Scorecard.render([report], as: .markdown)
        #expect(markdown.contains("## Recommendation: no decision") && markdown.contains("(skipped)")
                && markdown.contains(own + " (added during the interview)"), "\(markdown)")
    }
}
