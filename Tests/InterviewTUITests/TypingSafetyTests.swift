import Foundation
import Testing
@testable import InterviewKit
@testable import InterviewTUI

/// Keys as the loop hands them over, each at its moment: through `LiveProgram.actions`,
/// so that bursts are judged as they are in the program.
enum Hands {
    /// Types `text` one key every `gap` seconds from `start`, then lets the burst end.
    @discardableResult
    static func type(_ text: String, _ state: inout LiveState, from start: Double, every gap: Double = 0.1) -> Double {
        var t = start
        for character in text {
            let key: Key = character == "\n" ? .enter : .character(character)
            press(key, &state, at: t)
            t += gap
        }
        settle(&state, at: t)
        return t + 1
    }

    static func press(_ key: Key, _ state: inout LiveState, at t: Double) {
        for action in LiveProgram.actions(for: .key(key), in: state) { LiveReducer.reduce(&state, action, now: t) }
    }

    /// A pause: the clock ticks past the end of any burst.
    static func settle(_ state: inout LiveState, at t: Double) {
        for action in LiveProgram.actions(for: .timeout, in: state) {
            LiveReducer.reduce(&state, action, now: t + LiveKeys.burstGap + 0.01)
        }
    }

    /// A key given as a command: a pause before and after it.
    static func command(_ key: Key, _ state: inout LiveState, at t: Double) {
        settle(&state, at: t - 1)
        press(key, &state, at: t)
        settle(&state, at: t)
    }
}

@Suite struct TypingSafetyTests {
    static let prose = ["well explained", "query planner yes", "solid answer", "nice, quick and clear", "Perfect! 10/10 — hire\nnext",
                        "r2d2 and 4 more", "sure", "  q  y  ", "yes"]

    /// Prose typed with the notes closed, at a person's speeds: nothing ends, quits,
    /// rates, recommends, moves on or leaves share-safe; every keystroke is in the notes.
    @Test(arguments: [0.05, 0.1, 0.15])
    func proseWithTheNotesClosedIsText(gap: Double) throws {
        for text in Self.prose {
            for moment in ["live", "share-safe", "wrap-up"] {
                var state = try Live.state()
                Hands.command(.character("n"), &state, at: 1)
                if moment == "share-safe" { Hands.command(.character("s"), &state, at: 2) }
                if moment == "wrap-up" { Hands.command(.character("w"), &state, at: 2) }
                let before = state.session
                var t = Hands.type(text, &state, from: 3, every: gap)
                Hands.press(.escape, &state, at: t)
                Hands.settle(&state, at: t)
                t += 1
                let after = state.session
                let context = "'\(text)' at \(gap) s in \(moment)"
                #expect(after.status == .inProgress && state.exit == nil, "\(context) ended the interview")
                #expect(state.overlay == nil, "\(context) left a prompt open")
                #expect(after.shareSafe == before.shareSafe, "\(context) changed share-safe")
                #expect(after.current == before.current && after.wrappingUp == before.wrappingUp, "\(context) moved")
                #expect(after.recommendation == nil && after.questions.allSatisfy { $0.rating == nil }, "\(context) rated")
                #expect(after.questions.allSatisfy { $0.rubric.allSatisfy { !$0 } }, "\(context) ticked")
                let notes = moment == "wrap-up" ? after.closingNotes : after.questions[1].notes
                #expect(notes.map(\.text).joined(separator: "\n") == text, "\(context): every keystroke is in the notes")
            }
        }
    }

    @Test func aCommandWithAPauseAroundItStillWorks() throws {
        var state = try Live.state()
        Hands.command(.character("n"), &state, at: 1)
        #expect(state.session.current == 1)
        Hands.command(.character("1"), &state, at: 2)
        #expect(state.session.questions[1].rubric[0])
        Hands.command(.character("r"), &state, at: 3)
        #expect(state.awaitingRating)
        Hands.command(.character("3"), &state, at: 4)
        #expect(state.session.questions[1].rating == 3)
        Hands.type("r4", &state, from: 5)
        #expect(state.session.questions[1].rating == 4, "r and a digit typed fast is a rating asked for")
        Hands.type("23", &state, from: 7, every: 0.05)
        #expect(state.session.questions[1].rubric[1] && state.session.questions[1].rubric[2], "digits typed fast tick")
        Hands.command(.character("s"), &state, at: 9)
        #expect(state.session.shareSafe, "s turns share-safe on")
        Hands.command(.character("s"), &state, at: 10)
        #expect(state.session.shareSafe, "in share-safe s is text")
        Hands.command(.escape, &state, at: 11)
        #expect(state.commandArmed, "Esc stops typing, and the next key is a command")
        Hands.command(.escape, &state, at: 12)
        #expect(!state.commandArmed, "Esc again: back to typing")
        Hands.command(.escape, &state, at: 12.5)
        Hands.command(.character("s"), &state, at: 13)
        #expect(!state.session.shareSafe, "Esc then s shows the panes again")
        #expect(!state.commandArmed)
        Hands.command(.character("q"), &state, at: 14)
        #expect(state.overlay == .quitConfirm)
        Hands.command(.character("y"), &state, at: 15)
        #expect(state.session.status == .completed, "q then y with a pause ends the interview")
    }

    @Test func aSlowTypistsPromptTurnsIntoText() throws {
        var state = try Live.state()
        Hands.press(.character("q"), &state, at: 1)
        Hands.settle(&state, at: 1)
        #expect(state.overlay == .quitConfirm, "a q alone asks")
        Hands.type("uite so", &state, from: 1.6, every: 0.4)
        #expect(state.overlay == nil && state.session.status == .inProgress)
        #expect(state.session.questions[0].notes.map(\.text).joined() == "quite so", "the q went into the notes with the rest")
    }

    @Test func aDigitAloneInWrapUpOnlySaysToPressRFirst() throws {
        var state = try Live.state()
        Hands.command(.character("w"), &state, at: 1)
        Hands.command(.character("4"), &state, at: 2)
        #expect(state.session.recommendation == nil)
        #expect(LiveScreen.render(state).text.contains("press r, then 1–4, to recommend"))
        Hands.command(.character("e"), &state, at: 3)
        #expect(state.overlay == .quitConfirm, "e asks before it ends")
        Hands.command(.escape, &state, at: 4)
        #expect(state.session.status == .inProgress)
    }

    @Test func shareSafeShowsNoPromptWithTheRatingScale() throws {
        var state = try Live.state(width: 120, height: 40)
        Hands.command(.character("s"), &state, at: 1)
        for key in ["r", "?"] {
            Hands.command(.character(Character(key)), &state, at: 2)
            let text = LiveScreen.render(state).text
            for word in ["strong no", "strong yes", "Rate", "Recommend"] {
                #expect(!text.contains(word), "share-safe shows \(word) after \(key)")
            }
        }
        Hands.command(.function(1), &state, at: 3)
        let help = LiveScreen.render(state).text
        #expect(help.contains("Keys"), "F1 opens the help in share-safe")
        for word in ["strong no", "strong yes", "rating", "Rate", "Recommend"] { #expect(!help.contains(word), "share-safe help shows \(word)") }
    }
}

@Suite struct UndoTests {
    @Test func uTakesBackEachKindOfChangeAsAnEvent() throws {
        var state = try Live.state()
        Live.press([.character("1")], &state, at: 1)
        Live.press([.character("u")], &state, at: 2)
        #expect(state.session.questions[0].rubric[0] == false, "a tick")
        Live.press([.character("r"), .character("2"), .character("r"), .character("4")], &state, at: 3)
        Live.press([.character("u")], &state, at: 4)
        #expect(state.session.questions[0].rating == 2, "a rating, back to the one before")
        Live.press([.character("n"), .character("u")], &state, at: 5)
        #expect(state.session.current == 0, "a move")
        Live.press([.character("w")], &state, at: 6)
        Live.press([.character("r"), .character("3")], &state, at: 7)
        Live.press([.character("u")], &state, at: 8)
        #expect(state.session.recommendation == nil, "a recommendation")
        Live.press([.character("u")], &state, at: 9)
        #expect(!state.session.wrappingUp, "wrap-up")
        Live.press([.character("s")], &state, at: 10)
        Live.press([.escape, .character("s")], &state, at: 11)
        #expect(!state.session.shareSafe)
        Live.press([.character("u")], &state, at: 12)
        #expect(state.session.shareSafe, "leaving share-safe, taken back, is share-safe again")
        let undos = state.engine.file.events.filter { $0.undo == true }
        #expect(undos.count == 6)
        // Replay is the same fold: the last state of the timeline is the live one.
        let file = state.engine.snapshot(at: 13)
        #expect(Timeline(file).state(at: 13).questions == state.session.questions)
        #expect(Timeline(file).state(at: 13).shareSafe)
    }

    @Test func uInShareSafeIsText() throws {
        var state = try Live.state()
        Live.press([.character("s")], &state, at: 1)
        Live.press([.character("u")], &state, at: 2)
        #expect(state.session.shareSafe, "u never takes share-safe back on a shared screen")
    }
}
