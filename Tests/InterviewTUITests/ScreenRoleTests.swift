import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// What colour carries, tested through the roles of the cells: clocks against their
/// budget, the focused pane, the share-safe banner; and what share-safe hides.
@Suite struct ScreenRoleTests {
    @Test func theQuestionClockTurnsAmberThenRed() throws {
        var state = try Live.state(width: 120, height: 40)
        let budget = Double(state.question.timeSeconds)
        LiveReducer.reduce(&state, .tick, now: budget * 0.5)
        #expect(LiveScreen.render(state).role(of: "Q 0") == .clockOK)
        LiveReducer.reduce(&state, .tick, now: budget * 0.8)
        #expect(LiveScreen.render(state).role(of: "Q 0") == .clockWarn)
        LiveReducer.reduce(&state, .tick, now: budget)
        #expect(LiveScreen.render(state).role(of: "Q 0") == .clockWarn, "exactly on budget is not over")
        LiveReducer.reduce(&state, .tick, now: budget + 1)
        let over = LiveScreen.render(state)
        #expect(over.role(of: "Q 0") == .clockOver)
        #expect(over.text.contains("+00:01"), "over budget says so in words too")
    }

    @Test func tabMovesTheFocusForwardAndShiftTabBack() throws {
        var state = try Live.state(width: 120, height: 40)
        #expect(state.focus == .expected)
        var seen: [PaneID] = []
        for _ in 0..<5 {
            Live.press([.tab], &state, at: 1)
            seen.append(state.focus)
        }
        #expect(seen == [.evaluate, .rubric, .notes, .whyAsk, .expected])
        seen = []
        for _ in 0..<5 {
            Live.press([.backTab], &state, at: 1)
            seen.append(state.focus)
        }
        #expect(seen == [.whyAsk, .notes, .rubric, .evaluate, .expected])
        Live.press([.tab], &state, at: 1)
        let canvas = LiveScreen.render(state)
        #expect(canvas.role(of: " How to evaluate ") == .titleFocused)
        #expect(canvas.role(of: " Expected answer ") == .title)
    }

    @Test func theShareSafeBannerStandsOut() throws {
        var state = try Live.state(width: 80, height: 24)
        Live.command("s", &state, at: 1)
        #expect(LiveScreen.render(state).role(of: "SHARE-SAFE") == .banner)
    }

    /// Share-safe comes before wrap-up: `w` while sharing shows nothing of the
    /// recommendation, the ratings or the closing notes.
    @Test func wrapUpWhileSharingShowsNothingInterviewerOnly() throws {
        var state = try Live.state(width: 120, height: 40)
        Live.command("r4", &state, at: 1)
        Live.command("n", &state, at: 1)
        Live.command("w", &state, at: 2)
        Live.command("r2", &state, at: 2)
        Live.type("closing thought", &state, at: 3)
        Live.command("s", &state, at: 4)
        Live.command("p", &state, at: 5)
        Live.command("w", &state, at: 5)
        #expect(state.session.shareSafe && state.session.wrappingUp)
        let text = LiveScreen.render(state).text
        for hidden in ["Overall recommendation", "strong yes", "no", "closing thought", "Summary", "Rating"] where hidden != "no" {
            #expect(!text.contains(hidden), "share-safe wrap-up shows \(hidden)")
        }
        #expect(!text.contains(" no "), "no rating word")
        #expect(text.contains("◆"), "a neutral mark tells the interviewer it is wrap-up")
        Live.command("p", &state, at: 6)
        #expect(!LiveScreen.render(state).text.contains("◆"), "and only in wrap-up")
    }

    @Test func rThenZeroClearsARatingAtTheKeys() throws {
        var state = try Live.state()
        Live.command("r3", &state, at: 1)
        #expect(state.session.questions[0].rating == 3)
        Live.command("r0", &state, at: 2)
        #expect(state.session.questions[0].rating == nil)
        #expect(state.pending == nil)
        #expect(state.engine.file.events.last?.type == .rated && state.engine.file.events.last?.rating == 0)
    }
}
