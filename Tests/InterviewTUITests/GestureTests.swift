import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// Every documented command, given as `Esc` then the key (two writes, the ESC alone long
/// enough to be Esc) and as Alt with the key (one write), through the real decoder and
/// grammar: exactly its command, and no text.
@Suite struct GestureTests {
    typealias Step = ScriptedTerminal.Step
    static let esc = Bytes.esc

    /// The steps of a command given both ways: `Esc` at `t`, then the key 0.2 s later; or
    /// `ESC key` in one write at `t`.
    static func command(_ keys: String, at t: Double, alt: Bool) -> [Step] {
        guard let first = keys.first else { return [] }
        let rest = keys.dropFirst().enumerated().map { Step(at: t + 0.4 + 0.1 * Double($0.offset), bytes: String($0.element)) }
        if alt { return [Step(at: t, bytes: Self.esc + String(first))] + rest }
        return [Step(at: t, bytes: Self.esc), Step(at: t + 0.2, bytes: String(first))] + rest
    }

    /// What each command must have done, on question 2 of the built-in bank.
    static let cases: [(keys: String, check: @Sendable (LiveState) -> Bool)] = [
        ("n", { $0.session.current == 2 }),
        ("p", { $0.session.current == 0 }),
        ("1", { $0.session.questions[1].rubric[0] }),
        ("9", { !$0.session.questions[1].rubric.contains(true) }),
        ("r3", { $0.session.questions[1].rating == 3 }),
        ("r0", { $0.session.questions[1].rating == nil && $0.engine.file.events.last { $0.type == .rated } == nil }),
        ("f2", { $0.session.questions[1].followUpsAsked == [1] }),
        ("x", { $0.session.questions[1].skipped }),
        ("m", { $0.session.questions[1].markedAsked }),
        ("w", { $0.session.wrappingUp }),
        ("s", { $0.session.shareSafe }),
        (" ", { $0.session.paused || $0.engine.file.events.contains { $0.type == .paused } }),
        ("ql", { $0.exit == .leftForLater }),
        ("qy", { $0.exit == .completed && $0.session.status == .completed }),
        ("g3\r", { $0.session.current == 2 }),
        ("+why not?\r", { $0.session.questions.count == 16 && $0.session.current == 15 }),
    ]

    @Test(arguments: [false, true])
    func everyCommandIsItsCommandAndNoText(alt: Bool) throws {
        for (keys, check) in Self.cases {
            let (state, _) = try Bytes.run(.live, Self.command(keys, at: 2, alt: alt))
            let way = alt ? "Alt-\(keys)" : "Esc \(keys)"
            #expect(check(state), "\(way) did not do its command")
            #expect(state.session.questions.allSatisfy { $0.notes.isEmpty }, "\(way) typed text")
        }
    }

    @Test func ctrlNAndCtrlPMoveAtOnce() throws {
        let next = try Bytes.run(.live, [Step(at: 2, bytes: "\u{0E}")]).state
        #expect(next.session.current == 2)
        let previous = try Bytes.run(.live, [Step(at: 2, bytes: "\u{10}")]).state
        #expect(previous.session.current == 0)
    }

    @Test func helpOpensWithEscQuestionMarkAndF1() throws {
        for bytes in [Self.esc + "?", Self.esc + "OP"] {
            let (_, terminal) = try Bytes.run(.live, [Step(at: 2, bytes: bytes)])
            #expect(terminal.frames.contains { $0.canvas.text.contains("Keys ·") }, "\(bytes.debugDescription) opened no help")
        }
    }

    @Test func oneEscapeGivesOneCommandAndTheNextKeyIsTextAgain() throws {
        let (state, _) = try Bytes.run(.live, Self.command("1", at: 2, alt: false) + Step.typing("2 layers", at: 3, every: 0.08))
        #expect(state.session.questions[1].rubric[0])
        #expect(!state.session.questions[1].rubric[1])
        #expect(Bytes.notes(state, .live) == "2 layers")
    }

    /// Esc and a key in one read inside the quit box is Esc: the box closes, nothing ends.
    @Test func altKeyInABoxIsEscapeAlone() throws {
        let (state, _) = try Bytes.run(.live, Self.command("q", at: 2, alt: true) + [Step(at: 3, bytes: Self.esc + "y")])
        #expect(state.exit == .signal(1) && state.session.status != .completed, "Alt-y in the quit box ended the interview")
    }

    @Test func escapeTwiceCancelsAndAKeyNoCommandHasIsText() throws {
        let cancelled = try Bytes.run(.live, [Step(at: 2, bytes: Self.esc), Step(at: 2.2, bytes: Self.esc), Step(at: 2.4, bytes: "n")]).state
        #expect(cancelled.session.current == 1)
        #expect(Bytes.notes(cancelled, .live) == "n")
        let (unknown, terminal) = try Bytes.run(.live, [Step(at: 2, bytes: Self.esc), Step(at: 2.2, bytes: "h"), Step(at: 2.3, bytes: "i")])
        #expect(Bytes.notes(unknown, .live) == "hi", "nothing typed is lost")
        #expect(terminal.frames.contains { $0.canvas.text.contains("Esc h is no command") },
                "\(terminal.frames.map { $0.canvas.text.split(separator: "\n").last ?? "" }.suffix(8))")
    }

    @Test func aPendingCommandShowsWhatTheNextKeyDoesWithinTheEscapeDelay() throws {
        let (_, terminal) = try Bytes.run(.live, [Step(at: 2, bytes: Self.esc)])
        let frame = try #require(terminal.frames.first { $0.at > 2 })
        #expect(frame.at <= 2 + ScriptedTerminal.escapeDelay + 1e-9, "Esc drawn \(frame.at - 2) s after its byte")
        let status = frame.canvas.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("Esc ▸") && status.contains("n next") && status.contains("Esc cancel"), "\(status)")
        let rating = try Bytes.run(.live, [Step(at: 2, bytes: Self.esc + "r")]).terminal
        let scale = rating.frames.last { $0.at < 3 }?.canvas.text ?? ""
        #expect(scale.contains("strong no") && scale.contains("Rate this answer"), "Esc r shows the scale and the anchors")
    }

    @Test func undoSaysWhatItUndidAndRedoDoesItAgain() throws {
        let steps = Self.command("1", at: 2, alt: true) + Self.command("u", at: 3, alt: true)
        let (undone, terminal) = try Bytes.run(.live, steps, size: Size(width: 120, height: 40))
        #expect(!undone.session.questions[1].rubric[0])
        #expect(terminal.frames.contains { $0.canvas.text.contains("undone: tick 1 \"Defines overfitting") })
        let (redone, again) = try Bytes.run(.live, steps + Self.command("U", at: 4, alt: true), size: Size(width: 120, height: 40))
        #expect(redone.session.questions[1].rubric[0])
        #expect(again.frames.contains { $0.canvas.text.contains("redone: tick 1") })
        var nothing = try Live.state()
        Live.send(Self.esc + "u", &nothing, at: 1)
        #expect(LiveScreen.render(nothing).text.contains("nothing to undo"))
        // A new change after an undo: nothing left to redo.
        let (fresh, _) = try Bytes.run(.live, steps + Self.command("2", at: 4, alt: true) + Self.command("U", at: 5, alt: true))
        #expect(!fresh.session.questions[1].rubric[0] && fresh.session.questions[1].rubric[1])
    }

    @Test func shareSafeTicksRatesAndMovesWithTheSameKeysAndShowsNoScale() throws {
        let steps = Self.command("1", at: 2, alt: false) + Self.command("r4", at: 3, alt: false) + Self.command("f1", at: 4, alt: true)
        let (state, terminal) = try Bytes.run(.shareSafe, steps + Self.command("n", at: 5, alt: false))
        #expect(state.session.questions[1].rubric[0])
        #expect(state.session.questions[1].rating == 4)
        #expect(state.session.questions[1].followUpsAsked == [0])
        #expect(state.session.current == 2 && state.session.shareSafe)
        for frame in terminal.frames where frame.at > 1.1 {
            for word in ["strong", "Rate", "Defines overfitting", "Rubric", "follow-up", "tick"] {
                #expect(!frame.canvas.text.contains(word), "the shared screen showed \(word) at \(frame.at)")
            }
        }
    }
}

/// The mouse: a click ticks, rates, focuses; the wheel scrolls the pane under it.
@Suite struct MouseTests {
    typealias Step = ScriptedTerminal.Step

    static func click(_ x: Int, _ y: Int, button: Int = 0) -> String { "\u{1B}[<\(button);\(x + 1);\(y + 1)M" }

    /// Where `text` first shows on the screen drawn at `size` after `steps`.
    static func place(of text: String, after steps: [Step], size: Size) throws -> (x: Int, y: Int) {
        let (_, terminal) = try Bytes.run(.live, steps, size: size)
        let screen = try #require(terminal.frames.last { $0.at < 5 }?.canvas.text)
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        Issue.record("\(text) is not on the screen")
        return (0, 0)
    }

    @Test func aClickTicksARubricItemAndRatesInThePrompt() throws {
        let size = Size(width: 120, height: 40)
        let item = try Self.place(of: "Mentions the train", after: [], size: size)
        let (ticked, _) = try Bytes.run(.live, [Step(at: 6, bytes: Self.click(item.x, item.y))], size: size)
        #expect(ticked.session.questions[1].rubric == [false, true, false, false, false, false])
        let prompt = [Step(at: 2, bytes: Bytes.esc + "r")]
        let three = try Self.place(of: "3 yes", after: prompt, size: size)
        let (rated, _) = try Bytes.run(.live, prompt + [Step(at: 6, bytes: Self.click(three.x, three.y))], size: size)
        #expect(rated.session.questions[1].rating == 3)
        #expect(rated.session.questions[1].notes.isEmpty)
    }

    @Test func theWheelScrollsThePaneUnderThePointerAndAClickFocusesIt() throws {
        let size = Size(width: 80, height: 24)
        let pane = try Self.place(of: "Expected answer", after: [], size: size)
        let (scrolled, _) = try Bytes.run(.live, [Step(at: 6, bytes: Self.click(pane.x, pane.y + 2, button: 65))], size: size)
        #expect((scrolled.scroll[.expected] ?? 0) > 0)
        let notes = try Self.place(of: "Notes", after: [], size: size)
        let (focused, _) = try Bytes.run(.live, [Step(at: 6, bytes: Self.click(notes.x, notes.y + 1))], size: size)
        #expect(focused.focus == .notes)
    }
}
