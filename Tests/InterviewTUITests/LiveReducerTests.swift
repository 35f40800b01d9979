import Testing
@testable import InterviewKit
@testable import InterviewTUI

@Suite struct LiveReducerTests {
    @Test func typingGoesToTheEditorAndIsRecordedOnTheNextTick() throws {
        var state = try Live.state()
        Live.press([.character("i")], &state, at: 1)
        #expect(state.isTyping)
        #expect(state.focus == .notes)
        Live.type("n é 日本 🚀", &state, at: 1.2)
        #expect(state.session.current == 0, "n while typing is a letter, not next question")
        #expect(state.session.questions[0].notes.isEmpty, "not recorded before the burst ends")
        LiveReducer.reduce(&state, .tick, now: 2)
        #expect(state.session.questions[0].notes == [NoteLine(at: 1.2, text: "n é 日本 🚀")])
        let edits = state.engine.file.events.filter { $0.type == .notesEdited }
        #expect(edits.count == 1, "one event for a burst of typing")
        Live.type(" and on", &state, at: 2.3)
        #expect(state.session.questions[0].notes.first?.text == "n é 日本 🚀", "within half a second: not yet")
        Live.type("!", &state, at: 2.6)
        #expect(state.session.questions[0].notes.first?.text == "n é 日本 🚀 and on!", "recorded every half second while typing")
        Live.press([.escape], &state, at: 4)
        #expect(!state.isTyping)
    }

    @Test func aPasteIsTextInTheNotesWhateverIsOnScreen() throws {
        var state = try Live.state()
        LiveReducer.reduce(&state, .paste("query: yes\nn q 3"), now: 1)
        #expect(state.isTyping, "a paste outside the notes opens them")
        #expect(state.focus == .notes)
        #expect(state.overlay == nil && state.exit == nil && state.session.current == 0)
        Live.press([.escape], &state, at: 2)
        #expect(state.session.questions[0].notes.map(\.text) == ["query: yes", "n q 3"])

        Live.press([.character("q")], &state, at: 3)
        #expect(state.overlay == .quitConfirm)
        LiveReducer.reduce(&state, .paste("y"), now: 4)
        #expect(state.overlay == nil, "a paste is not the answer to the quit question")
        #expect(state.exit == nil)
        Live.press([.escape, .character("r")], &state, at: 5)
        LiveReducer.reduce(&state, .paste("4"), now: 6)
        #expect(state.session.questions[0].rating == nil, "nor a rating")
        #expect(!state.awaitingRating)
        Live.press([.escape], &state, at: 7)
        #expect(state.session.questions[0].notes.map(\.text) == ["query: yes", "n q 3", "y", "4"],
                "a paste while not typing starts a line of its own, stamped when it came")
    }

    @Test func aPasteAfterTheEndChangesNothing() throws {
        var state = try Live.state()
        Live.press([.character("q"), .character("y")], &state, at: 1)
        #expect(state.session.status == .completed)
        LiveReducer.reduce(&state, .paste("late"), now: 2)
        #expect(!state.isTyping)
        #expect(state.session.questions[0].notes.isEmpty)
    }

    @Test func escapeRecordsTheNotes() throws {
        var state = try Live.state()
        Live.press([.character("i")], &state, at: 1)
        Live.type("first\nsecond", &state, at: 5)
        Live.press([.backspace, .escape], &state, at: 6)
        #expect(state.session.questions[0].notes.map(\.text) == ["first", "secon"])
    }

    @Test func digitsTickAndRThenADigitRates() throws {
        var state = try Live.state()
        Live.press([.character("1"), .character("3"), .character("3")], &state, at: 1)
        #expect(state.session.questions[0].rubric == [true, false, false, false, false])
        Live.press([.character("r"), .character("4")], &state, at: 2)
        #expect(state.session.questions[0].rating == 4)
        #expect(!state.awaitingRating)
        Live.press([.character("r"), .escape], &state, at: 3)
        #expect(state.session.questions[0].rating == 4, "Esc cancels a rating")
    }

    @Test func navigationKeysAndClocks() throws {
        var state = try Live.state()
        Live.press([.character("n")], &state, at: 30)
        Live.press([.right], &state, at: 40)
        Live.press([.left, .character("p")], &state, at: 45)
        #expect(state.session.current == 0)
        LiveReducer.reduce(&state, .tick, now: 50)
        #expect(state.questionElapsed(0) == 35)
        #expect(state.questionElapsed(1) == 10)
        #expect(state.questionElapsed(2) == 5)
    }

    @Test func quitAsksAndLeaveForLaterInterrupts() throws {
        var state = try Live.state()
        Live.press([.character("q")], &state, at: 1)
        #expect(state.overlay == .quitConfirm)
        Live.press([.character("n")], &state, at: 2)
        #expect(state.overlay == nil)
        #expect(state.exit == nil)
        Live.press([.character("q"), .character("l")], &state, at: 3)
        #expect(state.exit == .leftForLater)
        #expect(state.session.status == .interrupted)
    }

    @Test func quitAndEndCompletesTheSession() throws {
        var state = try Live.state()
        Live.press([.character("i")], &state, at: 1)
        Live.type("unsaved words", &state, at: 2)
        Live.press([.escape, .character("q"), .character("y")], &state, at: 3)
        #expect(state.exit == .completed)
        #expect(state.session.status == .completed)
        #expect(state.session.questions[0].notes.map(\.text) == ["unsaved words"])
    }

    @Test func wrapUpTakesARecommendationAndClosingNotes() throws {
        var state = try Live.state()
        Live.press([.character("w")], &state, at: 1)
        #expect(state.session.wrappingUp)
        Live.press([.character("r"), .character("3")], &state, at: 2)
        #expect(state.session.recommendation == 3)
        Live.press([.character("2")], &state, at: 2)
        #expect(state.session.recommendation == 3, "a digit alone never recommends")
        #expect(state.notice?.contains("press r") == true, "it says what to press")
        Live.press([.character("i")], &state, at: 3)
        Live.type("hire", &state, at: 4)
        Live.press([.escape, .character("e")], &state, at: 5)
        #expect(state.overlay == .quitConfirm, "e asks, as q does")
        Live.press([.character("y")], &state, at: 6)
        #expect(state.session.closingNotes.map(\.text) == ["hire"])
        #expect(state.exit == .completed)
    }

    @Test func aSignalSavesTheNoteBeingTypedAndInterrupts() throws {
        var state = try Live.state()
        Live.press([.character("i")], &state, at: 1)
        Live.type("mid-sentence", &state, at: 2)
        LiveReducer.reduce(&state, .signal(1), now: 2.5)
        #expect(state.exit == .signal(1))
        #expect(state.session.status == .interrupted)
        #expect(state.session.questions[0].notes.map(\.text) == ["mid-sentence"])
    }

    @Test func scrollingStopsAtTheEndOfThePane() throws {
        var state = try Live.state(width: 80, height: 24)
        Live.press([.tab], &state, at: 1)
        #expect(state.focus == .evaluate)
        Live.press([.backTab], &state, at: 1)
        for _ in 0..<200 { Live.press([.character("j")], &state, at: 1) }
        let limit = LiveScreen.maxScroll(.expected, in: state)
        #expect(limit > 0)
        #expect(state.scroll[.expected] == limit)
        Live.press([.pageUp, .pageUp, .pageUp, .pageUp, .pageUp], &state, at: 1)
        #expect(state.scroll[.expected] == nil)
    }

    @Test func shareSafeIsAnEventAndTypingStillWorks() throws {
        var state = try Live.state()
        Live.press([.character("s")], &state, at: 1)
        Live.type("hidden", &state, at: 2)
        #expect(state.isTyping, "in share-safe a letter is typed into the hidden notes at once")
        Live.press([.escape], &state, at: 3)
        #expect(state.session.shareSafe)
        #expect(state.session.questions[0].notes.map(\.text) == ["hidden"])
        #expect(state.engine.file.events.contains { $0.type == .shareSafe && $0.on == true })
    }
}

@Suite struct SaveStateOnScreenTests {
    @Test func aFailingDiskShowsOnTheStatusLineAndTheInterviewGoesOn() throws {
        var state = try Live.state(width: 120, height: 40)
        state.saveStatus = .failed("cannot write in /full: No space left on device")
        var text = LiveScreen.render(state).text
        #expect(text.contains("⚠ NOT SAVED (retrying): cannot write in /full: No space left on device"))
        Live.press([.character("1"), .character("n")], &state, at: 3)
        #expect(state.session.current == 1, "keys still work while saving fails")
        state.saveStatus = .saved
        text = LiveScreen.render(state).text
        #expect(text.contains("✓ saved"))
        #expect(!text.contains("NOT SAVED"))
    }
}
