import Testing
@testable import InterviewCore
@testable import InterviewTUI

@Suite struct ScreenSnapshotTests {
    static let longNote = "候補者は過学習について説明し、正則化と交差検証を挙げた。具体例として画像分類の経験を語った 🚀 e\u{301}tude"

    func interviewInProgress(width: Int, height: Int) throws -> LiveState {
        var state = try Live.state(width: width, height: height)
        for command in ["n", "1", "3", "r3"] { Live.command(command, &state, at: 42) }
        Live.type(Self.longNote + "\nsecond line", &state, at: 80)
        Live.press([.escape, .escape], &state, at: 81)
        LiveReducer.reduce(&state, .tick, now: 95)
        return state
    }

    @Test func wide120x40ShowsEveryPaneSideBySide() throws {
        let state = try interviewInProgress(width: 120, height: 40)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "live-120x40")
        for title in ["Why ask", "Expected answer", "How to evaluate", "Rubric 2/6", "Notes", "Question 2/15"] {
            #expect(canvas.text.contains(title), "missing \(title)")
        }
    }

    @Test func narrow80x24KeepsRubricAndNotesVisible() throws {
        let state = try interviewInProgress(width: 80, height: 24)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "live-80x24")
        #expect(canvas.text.contains("[Expected answer]"))
        #expect(canvas.text.contains("1 [x]"))
        #expect(canvas.text.contains("候補者"))
    }

    @Test func typingShowsTheCursorInTheNotes() throws {
        var state = try interviewInProgress(width: 80, height: 24)
        Live.press([.enter], &state, at: 100)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "live-80x24-typing")
        let cursor = try #require(canvas.cursor)
        let notes = try #require(LiveScreen.panes(state).0[.notes]).rect
        #expect(cursor.x == notes.x + 2 + LiveScreen.stampWidth, "Enter after a command starts a new line")
        #expect(canvas.text.split(separator: "\n")[cursor.y - 1].contains("second line"), "below the last one")
        #expect(state.editor?.lines.last == NoteLine(at: 58, text: ""), "stamped with the question clock now")
    }

    /// A replay shows the session as it was: before the first note, the notes pane says
    /// so instead of offering a key that a replay does not have.
    @Test func replayShowsTheSessionAtItsPosition() throws {
        let file = try interviewInProgress(width: 80, height: 24).engine.snapshot(at: 95)
        var replay = ReplayState(file: file, size: Size(width: 80, height: 24))
        let start = ReplayScreen.render(replay)
        assertSnapshot(start, named: "replay-80x24-start")
        #expect(start.text.contains("no notes yet at this moment"))
        #expect(!start.text.contains("i to type"))
        replay.seek(to: 95)
        let end = ReplayScreen.render(replay)
        assertSnapshot(end, named: "replay-80x24-end")
        #expect(end.text.contains("Question 2/15"))
        #expect(end.text.contains("候補者"))
    }

    @Test func tooSmallSaysWhatItNeeds() throws {
        let state = try interviewInProgress(width: 50, height: 12)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "too-small-50x12")
        #expect(canvas.text.contains("need 60x18"))
    }

    @Test func tinyAndDegenerateSizesDoNotCrash() throws {
        for (w, h) in [(0, 0), (1, 1), (2, 40), (200, 1), (60, 18), (61, 19), (119, 29), (120, 30), (300, 100)] {
            var state = try interviewInProgress(width: 120, height: 40)
            LiveReducer.reduce(&state, .view(.resize(Size(width: w, height: h))), now: 96)
            let canvas = LiveScreen.render(state)
            #expect(canvas.width == w && canvas.height == h)
        }
    }

    /// The help overlay scrolls: paged through, it shows every row of every table, at
    /// the smallest size too.
    @Test(arguments: [(60, 18), (80, 24), (120, 40)])
    func helpListsEveryKey(width: Int, height: Int) throws {
        for practice in [false, true] {
            var state = try Live.state(width: width, height: height)
            state.mode = practice ? .practice : .live
            Live.command("?", &state, at: 1)
            var seen = LiveScreen.render(state).text
            for _ in 0..<20 {
                Live.press([.pageDown], &state, at: 1)
                seen += LiveScreen.render(state).text
            }
            #expect(state.overlay?.isHelp == true, "paging does not close the help")
            for table in LiveKeys.helpTables(for: state) + [LiveKeys.help] {
                for row in table.rows() {
                    #expect(seen.contains(row.keys), "help at \(width)x\(height) misses \(row.keys)")
                    #expect(seen.contains(String(row.action.prefix(20))), "help at \(width)x\(height) misses \(row.action)")
                }
            }
            Live.press([.escape], &state, at: 2)
            #expect(state.overlay == nil)
        }
    }

    @Test func wrapUpShowsTheSummary() throws {
        var state = try interviewInProgress(width: 120, height: 40)
        Live.command("w", &state, at: 120)
        Live.command("r4", &state, at: 120)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "wrap-up-120x40")
        #expect(canvas.text.contains("Overall recommendation: 4 strong yes"))
    }

    /// At the smallest size the keys of the wrap-up are said in short, not cut off.
    @Test func wrapUpAtTheSmallestSizeSaysItsKeysWhole() throws {
        var state = try interviewInProgress(width: 60, height: 18)
        Live.command("w", &state, at: 120)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "wrap-up-60x18")
        #expect(canvas.text.contains("│ Esc r recommend · Esc e end · Esc p back "))
        #expect(!canvas.text.contains("p back to the"))
    }

    @Test func controlCharactersAreShownNotSent() throws {
        var state = try Live.state(width: 120, height: 40)
        // A terminal sends ESC as a key; in text it comes only in a paste.
        Live.send("\u{1B}[200~\u{1B}[2J\u{1B}[201~", &state, at: 1)
        let canvas = LiveScreen.render(state)
        #expect(canvas.text.contains("^[[2J"))
        #expect(!canvas.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func shareSafeShowsNothingOfTheAnswerKey(width: Int, height: Int) throws {
        var state = try interviewInProgress(width: width, height: height)
        Live.command("s", &state, at: 100)
        Live.type("secret remark", &state, at: 101)
        let canvas = LiveScreen.render(state)
        assertSnapshot(canvas, named: "share-safe-\(width)x\(height)")
        let text = canvas.text
        #expect(text.contains("SHARE-SAFE"))
        #expect(text.contains(state.question.prompt.prefix(20)))
        #expect(text.contains("typing hidden"))
        #expect(canvas.cursor == nil, "no cursor to show where hidden text goes")
        let question = state.question
        var secrets = question.rubric + ["secret remark", "候補者", "Rubric", "Notes", "Expected answer", "rated"]
        for section in [question.expectedAnswer, question.whyAsk, question.howToEvaluate] {
            secrets += section.blocks.map { String($0.plainText.prefix(24)) }
        }
        for secret in secrets { #expect(!text.contains(secret), "share-safe shows \(secret)") }
    }
}
