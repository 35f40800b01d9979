import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

@Suite struct PracticeScreenTests {
    func practice(width: Int, height: Int) throws -> LiveState {
        var state = try Live.state(width: width, height: height)
        state.mode = .practice
        Live.type("labels versus no labels", &state, at: 5)
        Live.press([.escape, .escape], &state, at: 6)
        return state
    }

    func secrets(_ state: LiveState) -> [String] {
        let question = state.question
        var out = question.rubric + ["Expected answer", "How to evaluate", "Rubric"]
        for section in [question.expectedAnswer, question.whyAsk, question.howToEvaluate] {
            out += section.blocks.map { String($0.plainText.prefix(24)) }
        }
        return out
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func nothingOfTheAnswerKeyBeforeV(width: Int, height: Int) throws {
        var state = try practice(width: width, height: height)
        Live.command("1", &state, at: 7)
        Live.command("r4", &state, at: 7)
        #expect(state.session.questions[0].rubric.allSatisfy { !$0 }, "no ticking what you cannot see")
        #expect(state.session.questions[0].rating == nil)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "practice-before-\(width)x\(height)")
        #expect(canvas.text.contains("labels versus no labels"))
        for secret in secrets(state) { #expect(!canvas.text.contains(secret), "shows \(secret) before v") }
    }

    @Test func vRevealsTheKeyAndDigitsTickIt() throws {
        var state = try practice(width: 120, height: 40)
        for command in ["v", "1", "r3"] { Live.command(command, &state, at: 8) }
        #expect(state.session.questions[0].rubric.first == true)
        #expect(state.session.questions[0].rating == 3)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "practice-after-120x40")
        #expect(canvas.text.contains("Expected answer"))
        #expect(canvas.text.contains("Your answer"))
        Live.command("n", &state, at: 9)
        #expect(!LiveScreen.render(state).text.contains("Expected answer"), "the next question starts hidden again")
    }
}
