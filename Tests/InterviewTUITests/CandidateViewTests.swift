import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

@Suite struct CandidateViewTests {
    func sessionWithEverything() throws -> LiveState {
        var state = try Live.state(width: 100, height: 30)
        Live.command("1", &state, at: 5)
        Live.command("r4", &state, at: 5)
        Live.type("candidate hesitated on bias", &state, at: 6)
        Live.press([.escape, .escape], &state, at: 7)
        return state
    }

    @Test func hasOnlyWhatACandidateMaySee() throws {
        let state = try sessionWithEverything()
        let view = CandidateView(questions: state.engine.questions, durationSeconds: 2700, state: state.session, at: 8)
        let fields = Set(Swift.Mirror(reflecting: view).children.compactMap(\.label))
        #expect(fields == ["number", "prompt", "clocks", "questionSeconds", "budgetSeconds", "totalSeconds",
                           "durationSeconds", "paused", "status"],
                "a new field must be something a candidate may see")
        let everything = String(describing: view)
        let question = state.question
        for secret in question.rubric + [question.expectedAnswer.plainText, question.howToEvaluate.plainText,
                                         question.whyAsk.plainText, "candidate hesitated", "strong yes"] {
            #expect(!everything.contains(secret))
        }
        #expect(view.number == 1 && view.questionSeconds == 8, "numbered in the order asked, with no total")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theMirrorScreenShowsThePromptAndClocksOnly(width: Int, height: Int) throws {
        let state = try sessionWithEverything()
        let view = CandidateView(questions: state.engine.questions, durationSeconds: 2700, state: state.session, at: 65)
        let canvas = MirrorScreen.render(.following(view, running: true), size: Size(width: width, height: height))
        assertSnapshot(canvas, named: "mirror-\(width)x\(height)")
        let text = canvas.text
        #expect(text.contains("Question 1") && !text.contains("1/15"), "numbered as asked, with no total")
        #expect(text.contains(state.question.prompt))
        #expect(text.contains("Q 01:05/02:00"))
        for secret in state.question.rubric + ["candidate hesitated", "Expected answer", "Rubric", "Notes", "rated"] {
            #expect(!text.contains(secret), "mirror shows \(secret)")
        }
        for block in state.question.expectedAnswer.blocks { #expect(!text.contains(block.plainText.prefix(24))) }
    }

    @Test func theMirrorSaysWhyItWaits() {
        let canvas = MirrorScreen.render(.waiting("Waiting for x.json: no such file yet."), size: Size(width: 80, height: 24))
        #expect(canvas.text.contains("no such file yet"))
    }
}

/// The live clock says over only past the budget, like the reports: exactly on it is the
/// warning colour, with no `+`.
@Suite struct ClockTextTests {
    @Test func exactlyOnBudgetIsNotOver() {
        #expect(ClockText.make(elapsed: 180, budget: 180).role == .clockWarn)
        #expect(ClockText.make(elapsed: 180, budget: 180).text == "03:00/03:00")
        #expect(ClockText.make(elapsed: 181, budget: 180).role == .clockOver)
        #expect(ClockText.make(elapsed: 181, budget: 180).text == "03:01/03:00 +00:01")
        #expect(ClockText.make(elapsed: 143, budget: 180).role == .clockOK)
        #expect(ClockText.make(elapsed: 144, budget: 180).role == .clockWarn)
    }
}
