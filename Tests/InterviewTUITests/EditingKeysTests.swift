import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// Editing and paging keys in the bytes terminals send for them (tmux, xterm and screen
/// spell Home and End differently), through the whole loop: they edit the notes and never
/// tick, rate or recommend. Were tmux tests of the real binary; its smoke test keeps one
/// of each (SmokeEndToEndTests).
@Suite struct EditingKeysTests {
    typealias Step = ScriptedTerminal.Step
    static let esc = Bytes.esc
    static let homes = ["[1~", "[H", "OH", "[7~"].map { esc + $0 }
    static let ends = ["[4~", "[F", "OF", "[8~"].map { esc + $0 }

    @Test(arguments: zip(EditingKeysTests.homes, EditingKeysTests.ends))
    func homeAndEndMoveInTheNoteAndTickNothing(home: String, end: String) throws {
        let steps = Step.typing("middle", at: 2, every: 0.05) + [Step(at: 3, bytes: home)] + Step.typing("start ", at: 3.5, every: 0.05)
            + [Step(at: 4, bytes: end)] + Step.typing(" end", at: 4.5, every: 0.05)
        let (state, _) = try Bytes.run(.live, steps)
        #expect(Bytes.notes(state, .live) == "start middle end", "\(home.debugDescription) \(end.debugDescription)")
        #expect(!state.session.questions[1].rubric.contains(true) && state.session.questions[1].rating == nil)
    }

    /// Ctrl and Alt with the arrows (xterm's `ESC [ 1 ; 5 D`, `ESC [ 1 ; 3 C`) move by words.
    @Test func controlAndAltArrowsMoveByWordsInANote() throws {
        let steps = Step.typing("alpha beta gamma", at: 2, every: 0.05)
            + [Step(at: 3, bytes: Self.esc + "[1;5D"), Step(at: 3.1, bytes: Self.esc + "[1;5D"), Step(at: 3.2, bytes: "X"),
               Step(at: 3.3, bytes: Self.esc + "[1;3C"), Step(at: 3.4, bytes: "Y")]
        let (state, _) = try Bytes.run(.live, steps)
        #expect(Bytes.notes(state, .live) == "alpha XbetaY gamma")
    }

    /// In wrap-up End, Home, Insert, Delete and F2 are no digits: nothing is recommended,
    /// nothing typed, and the interview goes on.
    @Test func keysThatAreNoDigitsNeverRecommend() throws {
        let keys = Self.ends + Self.homes + ["[2~", "[3~", "OQ", "[12~"].map { Self.esc + $0 }
        let steps = keys.enumerated().map { Step(at: 2 + 0.2 * Double($0.offset), bytes: $0.element) }
        let (state, _) = try Bytes.run(.wrapUp, steps)
        #expect(state.session.recommendation == nil)
        #expect(state.session.closingNotes.isEmpty)
        #expect(state.session.wrappingUp && state.exit == .signal(1))
    }
}
