import Testing
@testable import InterviewCore
@testable import InterviewTUI

@Suite struct LiveReducerTests {
    @Test func typingGoesToTheNotesAndIsRecordedTwiceASecond() throws {
        var state = try Live.state()
        Live.type("n é 日本 🚀", &state, at: 1.2)
        #expect(state.isTyping)
        #expect(state.session.current == 0, "n is a letter, not next question")
        #expect(state.session.questions[0].notes.isEmpty, "not recorded within the first half second")
        LiveReducer.reduce(&state, .tick, now: 2)
        #expect(state.session.questions[0].notes == [NoteLine(at: 1.2, text: "n é 日本 🚀")])
        let edits = state.engine.file.events.filter { $0.type == .notesEdited }
        #expect(edits.count == 1, "one event for a stretch of typing")
        Live.type(" and on", &state, at: 2.3)
        #expect(state.session.questions[0].notes.first?.text == "n é 日本 🚀", "within half a second: not yet")
        Live.type("!", &state, at: 2.6)
        #expect(state.session.questions[0].notes.first?.text == "n é 日本 🚀 and on!", "recorded every half second while typing")
        Live.press([.escape], &state, at: 4)
        #expect(!state.isTyping, "Esc starts a command: the notes are recorded and closed")
        #expect(state.pending == .command)
    }

    @Test func theFirstKeyAfterACommandStartsANewStampedLine() throws {
        var state = try Live.state()
        Live.type("first", &state, at: 3)
        Live.command("1", &state, at: 10)
        Live.type("second", &state, at: 12)
        LiveReducer.reduce(&state, .tick, now: 13)
        #expect(state.session.questions[0].notes == [NoteLine(at: 3, text: "first"), NoteLine(at: 12, text: "second")])
        #expect(state.session.questions[0].rubric[0])
    }

    @Test func arrowsAndBackspaceEditTheNotesWhereTheyEnd() throws {
        var state = try Live.state()
        Live.type("abc", &state, at: 1)
        Live.command("1", &state, at: 2)
        Live.press([.backspace, .left], &state, at: 3)
        Live.type("x", &state, at: 3)
        LiveReducer.reduce(&state, .tick, now: 4)
        #expect(state.session.questions[0].notes.map(\.text) == ["axb"], "no new line for an edit: it fixes what is there")
    }

    @Test func aPasteIsTextInTheNotesWhateverIsOnScreen() throws {
        var state = try Live.state()
        LiveReducer.reduce(&state, .paste("query: yes\nn q 3"), now: 1)
        #expect(state.isTyping)
        #expect(state.overlay == nil && state.exit == nil && state.session.current == 0)
        Live.command("q", &state, at: 3)
        #expect(state.overlay == .quitConfirm)
        LiveReducer.reduce(&state, .paste("y"), now: 4)
        #expect(state.overlay == nil, "a paste is not the answer to the quit question")
        #expect(state.exit == nil)
        Live.command("r", &state, at: 5)
        #expect(state.pending == .then(.character("r")))
        LiveReducer.reduce(&state, .paste("4"), now: 6)
        #expect(state.session.questions[0].rating == nil, "nor a rating")
        #expect(state.pending == nil)
        LiveReducer.reduce(&state, .tick, now: 7)
        #expect(state.session.questions[0].notes.map(\.text) == ["query: yes", "n q 3", "y", "4"],
                "after a command a paste starts a line of its own, stamped when it came")
    }

    @Test func aPasteAfterTheEndChangesNothing() throws {
        var state = try Live.state()
        Live.command("qy", &state, at: 1)
        #expect(state.session.status == .completed)
        LiveReducer.reduce(&state, .paste("late"), now: 2)
        #expect(!state.isTyping)
        #expect(state.session.questions[0].notes.isEmpty)
    }

    @Test func escapeTicksRatesAndCancels() throws {
        var state = try Live.state()
        Live.command("1", &state, at: 1)
        Live.command("3", &state, at: 1)
        Live.command("3", &state, at: 1)
        #expect(state.session.questions[0].rubric == [true, false, false, false, false])
        Live.command("r4", &state, at: 2)
        #expect(state.session.questions[0].rating == 4)
        #expect(state.pending == nil)
        Live.press([.escape, .character("r"), .escape], &state, at: 3)
        #expect(state.session.questions[0].rating == 4, "Esc cancels a rating")
        #expect(state.pending == nil)
        Live.press([.escape, .character("r"), .character("z")], &state, at: 4)
        #expect(state.session.questions[0].rating == 4 && state.pending == nil, "a key that is no rating cancels it")
        LiveReducer.reduce(&state, .tick, now: 5)
        #expect(state.session.questions[0].notes.map(\.text) == ["z"], "and is text: no keystroke is lost")
    }

    @Test func navigationKeysAndClocks() throws {
        var state = try Live.state()
        Live.command("n", &state, at: 30)
        Live.press([.control("n")], &state, at: 40)
        Live.press([.control("p")], &state, at: 45)
        Live.command("p", &state, at: 45)
        #expect(state.session.current == 0)
        LiveReducer.reduce(&state, .tick, now: 50)
        #expect(state.questionElapsed(0) == 35)
        #expect(state.questionElapsed(1) == 10)
        #expect(state.questionElapsed(2) == 5)
    }

    @Test func quitAsksAndLeaveForLaterInterrupts() throws {
        var state = try Live.state()
        Live.command("q", &state, at: 1)
        #expect(state.overlay == .quitConfirm)
        Live.press([.character("n")], &state, at: 2)
        #expect(state.overlay == nil)
        #expect(state.exit == nil)
        Live.command("ql", &state, at: 3)
        #expect(state.exit == .leftForLater)
        #expect(state.session.status == .interrupted)
    }

    @Test func aLetterInTheQuitBoxGoesBackToTheNotes() throws {
        var state = try Live.state()
        Live.command("q", &state, at: 1)
        Live.type("quite so", &state, at: 2)
        #expect(state.overlay == nil && state.exit == nil)
        LiveReducer.reduce(&state, .tick, now: 3)
        #expect(state.session.questions[0].notes.map(\.text) == ["quite so"])
    }

    @Test func quitAndEndCompletesTheSession() throws {
        var state = try Live.state()
        Live.type("unsaved words", &state, at: 2)
        Live.command("qy", &state, at: 3)
        #expect(state.exit == .completed)
        #expect(state.session.status == .completed)
        #expect(state.session.questions[0].notes.map(\.text) == ["unsaved words"])
    }

    @Test func wrapUpTakesARecommendationAndClosingNotes() throws {
        var state = try Live.state()
        Live.command("w", &state, at: 1)
        #expect(state.session.wrappingUp)
        Live.command("r3", &state, at: 2)
        #expect(state.session.recommendation == 3)
        Live.command("2", &state, at: 2)
        #expect(state.session.recommendation == 3, "a digit alone never recommends")
        #expect(state.notice?.contains("Esc r") == true, "it says what to press")
        Live.command("rd", &state, at: 2.5)
        #expect(state.session.recommendation == Rating.noDecision)
        Live.type("hire", &state, at: 4)
        Live.command("e", &state, at: 5)
        #expect(state.overlay == .quitConfirm, "Esc e asks, as Esc q does")
        Live.press([.character("y")], &state, at: 6)
        #expect(state.session.closingNotes.map(\.text) == ["hire"])
        #expect(state.exit == .completed)
    }

    @Test func aSignalSavesTheNoteBeingTypedAndInterrupts() throws {
        var state = try Live.state()
        Live.type("mid-sentence", &state, at: 2)
        LiveReducer.reduce(&state, .signal(1), now: 2.2)
        #expect(state.exit == .signal(1))
        #expect(state.session.status == .interrupted)
        #expect(state.session.questions[0].notes.map(\.text) == ["mid-sentence"])
    }

    @Test func scrollingStopsAtTheEndOfThePaneAndHomeAndEndReachItsEnds() throws {
        var state = try Live.state(width: 80, height: 24)
        Live.press([.tab], &state, at: 1)
        #expect(state.focus == .evaluate)
        Live.press([.backTab], &state, at: 1)
        for _ in 0..<200 { Live.press([.pageDown], &state, at: 1) }
        let limit = LiveScreen.maxScroll(.expected, in: state)
        #expect(limit > 0)
        #expect(state.scroll[.expected] == limit)
        Live.press([.home], &state, at: 1)
        #expect(state.scroll[.expected] == nil)
        Live.press([.end], &state, at: 1)
        #expect(state.scroll[.expected] == limit)
        Live.press([.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp], &state, at: 1)
        #expect(state.scroll[.expected] == nil)
        #expect(state.session.questions[0].notes.isEmpty, "Home and End outside the notes type nothing")
    }

    @Test func shareSafeIsAnEventAndTypingStillWorks() throws {
        var state = try Live.state()
        Live.command("s", &state, at: 1)
        Live.type("hidden", &state, at: 2)
        #expect(state.isTyping, "in share-safe a letter is typed into the hidden notes")
        Live.command("1", &state, at: 3)
        #expect(state.session.shareSafe)
        #expect(state.session.questions[0].rubric[0], "the same keys as the live screen")
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
        Live.command("1", &state, at: 3)
        Live.command("n", &state, at: 3)
        #expect(state.session.current == 1, "keys still work while saving fails")
        state.saveStatus = .saved
        text = LiveScreen.render(state).text
        #expect(text.contains("✓ saved"))
        #expect(!text.contains("NOT SAVED"))
    }
}
