import InterviewCore

/// The keys of the live and practice screens, one table per moment (docs/keys.md).
///
/// Typing first: a printable key is always text (the notes of the question on screen,
/// in wrap-up the closing notes, in practice the answer; in share-safe the same notes,
/// hidden). Commands are `Esc` then a key, or Alt with it; keys that are never text (Tab,
/// PgDn, Ctrl-N, F1, the arrows) act at once. Share-safe has the same keys: only what
/// the screen shows of them differs.
public enum LiveKeys {
    public typealias Table = KeyTable<LiveState, LiveAction>
    typealias Binding = KeyBinding<LiveState, LiveAction>

    /// The table in force at this moment: a box's, or the screen's.
    public static func table(for state: LiveState) -> Table {
        switch state.overlay {
        case .quitConfirm?: quit
        case .discardConfirm?: discard
        case .help?: help
        case .questionList?: questionList
        case .addQuestion?: addQuestion
        case nil: screen(for: state)
        }
    }

    /// The screen's table, under any box.
    public static func screen(for state: LiveState) -> Table {
        state.session.wrappingUp ? wrapUp : state.mode == .practice ? practice : questions
    }

    /// The tables the help overlay lists, in order.
    public static func helpTables(for state: LiveState) -> [Table] {
        if state.mode == .practice { return [practice, notes, panes] }
        return [questions, wrapUp, notes, panes, quit, questionList, addQuestion]
    }

    /// Every table of the live screen, for README's and the man page's key sections.
    public static let all: [Table] = [questions, wrapUp, practice, notes, panes, quit, discard, questionList, addQuestion, help]

    /// The words of the rating scale on the status line, while `Esc r` waits for its digit.
    static func scale(recommending: Bool) -> [Hint] {
        [Hint(recommending ? "Recommend:" : "Rate:", "", rank: 0)] + (1...4).map { Hint("\($0)", Rating.label($0), rank: $0) }
            + [Hint("0", "clear", rank: 5)] + (recommending ? [Hint("d", "no decision", rank: 6)] : [])
    }

    static func text(_ key: Key, _ state: LiveState) -> LiveAction? {
        if case .character(let c) = key { return .type(String(c)) }
        return nil
    }

    /// Keys that act at once on every question screen: focus and scrolling.
    static let paneKeys: [Binding] = [
        Binding(.key, [.tab], "move the focus to the next pane", .view(.focusNext)),
        Binding(.key, [.backTab], "move the focus to the previous pane", .view(.focusPrevious)),
        Binding(.key, [.pageDown, .pageUp], "scroll the focused pane a page") { key, _ in .view(.page(key == .pageDown ? 1 : -1)) },
        Binding(.key, [.home, .end], "scroll the focused pane to its top or its end (while typing: the line's start or end)",
                when: { $0.focus != .notes && $0.editor == nil }) { key, _ in .view(.scrollToEnd(key == .end)) },
    ]

    /// The notes: printable keys are text, these edit it.
    static let editing: [Binding] = [
        Binding(.key, [.enter], "a new line, stamped with the question clock", .edit(.newline)),
        Binding(.key, [.left, .right], "move the cursor") { key, _ in .edit(key == .left ? .left : .right) },
        Binding(.key, [.up, .down], "the line above or below") { key, _ in .edit(key == .up ? .up : .down) },
        Binding(.key, [.home, .end], "the start or the end of the line, while typing", when: { $0.focus == .notes || $0.editor != nil }) {
            key, _ in .edit(key == .home ? .home : .end)
        },
        Binding(.key, [.control("a"), .control("e")], "the start or the end of the line") { key, _ in
            .edit(key == .control("a") ? .home : .end)
        },
        Binding(.key, [.wordLeft, .wordRight], "a word back or on (Alt-← Alt-→ too)") { key, _ in
            .edit(key == .wordLeft ? .wordLeft : .wordRight)
        },
        Binding(.key, [.backspace], "delete the character before the cursor", .edit(.backspace)),
        Binding(.key, [.delete], "delete the character under the cursor", .edit(.deleteForward)),
        Binding(.key, [.control("w")], "delete the word before the cursor", .edit(.deleteWordBackward)),
    ]

    static let helpKey = Binding(.command, [.character("?")], or: [.function(1)], "this help", hint: ("help", 90), .view(.toggleHelp))
    static let undo = Binding(.command, [.character("u")], "undo the last change, and say what it was", hint: ("undo", 7),
                              .session(.undo))
    static let redo = Binding(.command, [.character("U")], "redo what was undone", .session(.redo))
    static let pause = Binding(.command, [.character(" ")], "pause or resume the clocks", .session(.togglePause))

    static let mouse: [(label: String, help: String)] = [
        ("click", "a rubric item ticks it, a rating in the prompt gives it, a pane takes the focus"),
        ("wheel", "scrolls the pane under the pointer"),
    ]

    public static let questions = Table(name: "live", title: "Live interview", [
        Binding(.command, [.character("n")], or: [.control("n")], "next question (after the last: wrap-up)",
                hint: ("next", 0), .session(.next)),
        Binding(.command, [.character("p")], or: [.control("p")], "previous question (its clock goes on where it stopped)",
                hint: ("prev", 3), .session(.previous)),
        Binding(.command, Key.digits(1...9), "tick or untick rubric item N", hint: ("tick", 1), shown: false) { key, _ in
            key.digit.map { .session(.toggleRubric($0 - 1)) }
        },
        Binding(.command, [.character("r")], then: Key.digits(0...4), "rate: 1 strong no, 2 no, 3 yes, 4 strong yes; 0 clears",
                hint: ("rate", 2), thenHints: scale(recommending: false), shown: false, prompt: "rating") { key, _ in
            key.digit.map(LiveAction.rate)
        },
        Binding(.command, [.character("f")], then: Key.digits(1...9), "mark follow-up N of this question asked (again: not)",
                hint: ("follow-up", 4), thenHints: [Hint("1-9", "follow-up asked", rank: 0)], shown: false,
                when: { !$0.question.followUps.isEmpty }) { key, _ in key.digit.map { .follow($0 - 1) } },
        Binding(.command, [.character("f")], nil, shown: false, when: { $0.question.followUps.isEmpty },
                .remind("this question has no follow-ups")),
        Binding(.command, [.character("x")], "skip this question: not reached, or no signal (again: not)", hint: ("skip", 5),
                .session(.skip(reason: nil))),
        Binding(.command, [.character("m")], "mark this question asked (again: not)", .session(.markAsked)),
        Binding(.command, [.character("+")], "a question of your own, after this one", hint: ("own question", 8), .openAddQuestion),
        Binding(.command, [.character("g")], "the question list: jump to any question, see what was asked (not in share-safe)",
                hint: ("list", 6), shown: false, when: { !$0.session.shareSafe }, .openList),
        undo, redo, pause,
        Binding(.command, [.character("s")], "share-safe: hide every interviewer-only pane (again: show them)",
                hint: ("share-safe", 9), .toggleShareSafe),
        Binding(.command, [.character("w")], "wrap-up: recommendation, closing notes, summary", hint: ("wrap-up", 10), .session(.wrapUp)),
        Binding(.command, [.character("q")], "quit: then y end now, n go back, l leave to resume later, d discard",
                hint: ("quit", 11), .askQuit),
        helpKey,
    ], also: paneKeys + editing, otherwise: text, notes: [("any other key, a paste", "text: the notes of the question on screen")] + mouse)

    public static let wrapUp = Table(name: "wrap-up", title: "Wrap-up", [
        Binding(.command, [.character("r")], then: Key.digits(0...4) + [.character("d")],
                "recommend: 1 strong no … 4 strong yes; 0 clears, d no decision", hint: ("recommend", 0),
                thenHints: scale(recommending: true), shown: false) { key, _ in
            key == .character("d") ? .rate(Rating.noDecision) : key.digit.map(LiveAction.rate)
        },
        Binding(.command, Key.digits(1...9), "nothing: a digit never recommends (Esc r first)", shown: false) { _, _ in
            .remind("Esc r, then 1–4, recommends")
        },
        Binding(.command, [.character("e")], "end the interview: asks, as Esc q does", hint: ("end", 1), .askQuit),
        Binding(.command, [.character("p")], or: [.control("p")], "back to the questions", hint: ("back", 2), .session(.previous)),
        undo, redo, pause,
        Binding(.command, [.character("s")], "share-safe on or off", hint: ("share-safe", 3), .toggleShareSafe),
        Binding(.command, [.character("q")], "quit: then y end now, n go back, l leave to resume later", hint: ("quit", 4), .askQuit),
        helpKey,
    ], also: paneKeys + editing, otherwise: text, notes: [("any other key, a paste", "text: the closing notes")])

    public static let practice = Table(name: "practice", title: "Practice", [
        Binding(.command, [.character("v")], "reveal the expected answer, guidance and rubric", hint: ("reveal", 0),
                when: { !$0.answerKeyShown }, .reveal),
        Binding(.command, [.character("n")], or: [.control("n")], "next question", hint: ("next", 1), .session(.next)),
        Binding(.command, [.character("p")], or: [.control("p")], "previous question", hint: ("prev", 4), .session(.previous)),
        Binding(.command, Key.digits(1...9), "after Esc v: tick the rubric items your answer covered", hint: ("tick", 2),
                when: { $0.answerKeyShown }) { key, _ in key.digit.map { .session(.toggleRubric($0 - 1)) } },
        Binding(.command, [.character("r")], then: Key.digits(0...4), "after Esc v: rate yourself, 1 strong no … 4 strong yes",
                hint: ("rate yourself", 3), thenHints: scale(recommending: false), when: { $0.answerKeyShown }) { key, _ in
            key.digit.map(LiveAction.rate)
        },
        undo, redo, pause,
        Binding(.command, [.character("w")], "wrap-up: summary and closing notes", .session(.wrapUp)),
        Binding(.command, [.character("q")], "quit: then y end now, n go back, l leave it", hint: ("quit", 6), .askQuit),
        helpKey,
    ], also: paneKeys + editing, otherwise: text, notes: [("any other key, a paste", "text: your answer")] + mouse)

    /// The notes' keys and the panes', for the help overlay and README (they are part of
    /// the screen tables above).
    public static let notes = Table(name: "notes", title: "Writing notes", editing)
    public static let panes = Table(name: "panes", title: "Panes", paneKeys + [helpKey])

    public static let quit = Table(name: "quit", title: "Quit box (after Esc q)", [
        Binding(.key, [.character("y"), .character("Y")], "end the interview now (completed)", .endInterview),
        Binding(.key, [.character("n"), .character("N"), .escape], "go back to the interview", .view(.closeOverlay)),
        Binding(.key, [.character("l"), .character("L")], "leave it, to resume later (interrupted)", .leaveForLater),
        Binding(.key, [.character("d"), .character("D")], "discard it: the interview never happened (asks first)", .askDiscard),
    ], otherwise: closeTyping, notes: [("any other key", "go back; a letter goes into the notes")])

    public static let discard = Table(name: "discard", title: "Discard (after Esc q d)", [
        Binding(.key, [.character("y"), .character("Y")], "delete the session file: nothing of this interview is kept", .discard),
        Binding(.key, [.character("n"), .character("N"), .escape], "keep it: back to the interview", .view(.closeOverlay)),
    ], otherwise: closeTyping, notes: [("any other key", "keep it; a letter goes into the notes")])

    /// Any other key closes a box; a printable one is text, so no keystroke of a note is lost.
    static func closeTyping(_ key: Key, _ state: LiveState) -> LiveAction? {
        if case .character(let c) = key { return .type(String(c)) }
        return .view(.closeOverlay)
    }

    public static let help: Table = ViewKeys.help { .view($0) }

    public static let questionList: Table = QuestionList.keys(
        name: "question-list", title: "Question list (after Esc g)", going: "go to the question chosen",
        notes: [("click", "goes to the question clicked")], { .list($0) }, view: { .view($0) })

    public static let addQuestion = Table(name: "add-question", title: "Your own question (after Esc +)", [
        Binding(.key, [.enter], "add it after this question, and go to it", hint: ("add", 0), .addConfirm),
        Binding(.key, [.backspace], "take back a character", .addErase),
        Binding(.key, [.escape], "give it up", hint: ("cancel", 1), .view(.closeOverlay)),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .addText(String(c)) }
        return nil
    }, notes: [("any other key, a paste", "the question's text, one line")])
}
