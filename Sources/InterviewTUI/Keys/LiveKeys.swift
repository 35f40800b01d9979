import InterviewKit

/// The keys of the live and practice screens, one table per mode. What a key means
/// depends on the moment: an overlay, typing, a rating being given, wrap-up,
/// share-safe.
///
/// Prose typed with the notes closed is text, not commands (docs/keys.md): a letter,
/// digit or mark with the notes closed is held until the burst it belongs to ends
/// (`burstGap` without a key). A burst that is one command (`n`, `r 3`, digits that
/// tick) does it; any other burst is typed into the notes. In share-safe every such key
/// is typed into the hidden notes at once, the arrows move between questions, and
/// commands take `Esc` first.
public enum LiveKeys {
    public typealias Table = KeyTable<Display, LiveAction>
    typealias Binding = KeyBinding<Display, LiveAction>

    /// Keys closer together than this are one burst of typing: a person types prose at
    /// 50–150 ms a key, and gives a command with a pause around it.
    public static let burstGap = 0.3

    /// The table in force at this moment.
    public static func table(for display: Display, underOverlay: Bool = false) -> Table {
        switch underOverlay ? nil : display.overlay {
        case .quitConfirm?: return quit
        case .discardConfirm?: return discard
        case .help?: return help
        case .questionList?: return questionList
        case .addQuestion?: return addQuestion
        case nil: break
        }
        if display.session.shareSafe {
            if display.isTyping { return shareSafeTyping }
            return display.commandArmed ? shareSafeCommand : shareSafe
        }
        if display.isTyping { return typing }
        if display.awaitingRating { return rating }
        if display.awaitingFollowUp { return followUp }
        if display.session.wrappingUp { return wrapUp }
        return display.practice ? practice : questions
    }

    public static func action(for key: Key, in display: Display) -> LiveAction? {
        table(for: display).action(for: key, in: display)
    }

    /// Whether a printable key waits for the end of its burst before it means anything:
    /// with the notes closed, outside share-safe and the help overlay.
    static func holdsPrintable(_ display: Display) -> Bool {
        !display.isTyping && !display.session.shareSafe && !(display.overlay?.takesKeysAtOnce ?? false)
            && display.session.status == .inProgress
    }

    /// The tables the help overlay lists, in order.
    public static func helpTables(for display: Display) -> [Table] {
        if display.session.shareSafe { return [shareSafe, shareSafeCommand, shareSafeTyping] }
        return display.practice ? [practice, typing] : [questions, wrapUp, rating, questionList, addQuestion, followUp, typing, quit, discard]
    }

    static let panes: [Binding] = ViewKeys.panes { .view($0) }

    public static let questions = Table(name: "live", title: "Live interview", [
        Binding([.character("n"), .right], "n →", "next question (after the last: wrap-up)",
                hint: Hint("n", "next", rank: 0), .session(.next)),
        Binding([.character("p"), .left], "p ←", "previous question (its clock goes on where it stopped)",
                hint: Hint("p", "prev", rank: 4), .session(.previous)),
        Binding(Key.digits(1...9), "1–9", "tick or untick rubric item N", hint: Hint("1-9", "tick", rank: 1)) { key, _ in
            key.digit.map { .session(.toggleRubric($0 - 1)) }
        },
        Binding([.character("i")], "i", "type notes for this question (a new line, stamped now); Esc stops",
                hint: Hint("i", "note", rank: 2), .startTyping),
        Binding([.character("r")], "r 1–4", "rate: 1 strong no, 2 no, 3 yes, 4 strong yes; r 0 clears",
                hint: Hint("r", "rate", rank: 3), .awaitRating),
        Binding([.character("g")], "g", "the question list: jump to any question, see what was asked",
                hint: Hint("g", "list", rank: 4), .openList),
        Binding([.character("m")], "m", "mark this question asked (again: not)", .session(.markAsked)),
        Binding([.character("x")], "x", "skip this question: not reached, or no signal (again: not)",
                hint: Hint("x", "skip", rank: 8), .session(.skip(reason: nil))),
        Binding([.character("+")], "+", "a question of your own, after this one", hint: Hint("+", "own question", rank: 9),
                .openAddQuestion),
        Binding([.character("f")], "f 1–9", "mark follow-up N of this question asked", .awaitFollowUp),
        Binding([.character("u")], "u", "undo the last change (a tick, rating, move, share-safe, wrap-up)",
                hint: Hint("u", "undo", rank: 7), .session(.undo)),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("s")], "s", "share-safe: hide every interviewer-only pane",
                hint: Hint("s", "share-safe", rank: 5), .toggleShareSafe),
        Binding([.character("w")], "w", "wrap-up: recommendation, closing notes, summary", .session(.wrapUp)),
        Binding([.character("q")], "q", "quit: then y end now, n go back, l leave to resume later",
                hint: Hint("q", "quit", rank: 6), .askQuit),
    ] + panes)

    public static let wrapUp = Table(name: "wrap-up", title: "Wrap-up", [
        Binding([.character("r")], "r 1–4", "recommend: 1 strong no … 4 strong yes; r 0 clears",
                hint: Hint("r", "recommend", rank: 0), .awaitRating),
        Binding(Key.digits(1...9), "1–9", "nothing: a digit alone never recommends (r first)") { _, _ in
            .remind("press r, then 1–4, to recommend")
        },
        Binding([.character("i")], "i", "type closing notes; Esc stops", hint: Hint("i", "closing notes", rank: 1), .startTyping),
        Binding([.character("e")], "e", "end the interview: asks, as q does", hint: Hint("e", "end", rank: 2), .askQuit),
        Binding([.character("p"), .left], "p ←", "back to the questions", hint: Hint("p", "back", rank: 3), .session(.previous)),
        Binding([.character("u")], "u", "undo the last change", .session(.undo)),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("s")], "s", "share-safe on", .toggleShareSafe),
        Binding([.character("q")], "q", "quit: then y end now, n go back, l leave to resume later",
                hint: Hint("q", "quit", rank: 95), .askQuit),
    ] + panes)

    public static let practice = Table(name: "practice", title: "Practice", [
        Binding([.character("n"), .right], "n →", "next question", hint: Hint("n", "next", rank: 2), .session(.next)),
        Binding([.character("p"), .left], "p ←", "previous question", hint: Hint("p", "prev", rank: 4), .session(.previous)),
        Binding([.character("i")], "i", "type your answer; Esc stops",
                hint: Hint("i", "answer", rank: 0), when: { !$0.answerKeyShown }, .startTyping),
        Binding([.character("i")], "i", nil, hint: Hint("i", "answer", rank: 3), .startTyping),
        Binding([.character("v")], "v", "reveal the expected answer, guidance and rubric",
                hint: Hint("v", "reveal", rank: 1), when: { !$0.answerKeyShown }, .reveal),
        Binding([.character("v")], "v", nil, .reveal),
        Binding(Key.digits(1...9), "1–9", "after v: tick the rubric items your answer covered",
                hint: Hint("1-9", "tick", rank: 2), when: { $0.answerKeyShown }) { key, _ in
            key.digit.map { .session(.toggleRubric($0 - 1)) }
        },
        Binding([.character("r")], "r 1–4", "after v: rate yourself, 1 strong no … 4 strong yes",
                hint: Hint("r", "rate yourself", rank: 2), when: { $0.answerKeyShown }, .awaitRating),
        Binding([.character("u")], "u", "undo the last change", .session(.undo)),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("w")], "w", "wrap-up: summary and closing notes", .session(.wrapUp)),
        Binding([.character("q")], "q", "quit: then y end now, n go back, l leave it", hint: Hint("q", "quit", rank: 6), .askQuit),
    ] + panes)

    static let editing: [Binding] = [
        Binding([.backspace], "⌫", "delete the character before the cursor", .edit(.backspace)),
        Binding([.delete], "Del", "delete the character under the cursor", .edit(.deleteForward)),
        Binding([.control("w")], "^W", "delete the word before the cursor", .edit(.deleteWordBackward)),
        Binding([.tab], "Tab", "four spaces", .edit(.insert("    "))),
    ]

    static func text(_ key: Key, _ display: Display) -> LiveAction? {
        if case .character(let c) = key { return .edit(.insert(String(c))) }
        return nil
    }

    public static let typing = Table(name: "typing", title: "While typing", [
        Binding([.escape], "Esc", "stop typing (notes are kept)", hint: Hint("Esc", "stop typing", rank: 0), .stopTyping),
        Binding([.enter], "Enter", "new line, stamped with the question clock", .edit(.newline)),
        Binding([.left, .right, .up, .down], "← → ↑ ↓", "move the cursor") { key, _ in
            .edit(key == .left ? .left : key == .right ? .right : key == .up ? .up : .down)
        },
        Binding([.home, .control("a"), .end, .control("e")], "Home End ^A ^E", "to the start or the end of the line") { key, _ in
            .edit(key == .home || key == .control("a") ? .home : .end)
        },
        Binding([.wordLeft, .wordRight], "Ctrl-← Ctrl-→", "a word back or on (Alt-← Alt-→ too)") { key, _ in
            .edit(key == .wordLeft ? .wordLeft : .wordRight)
        },
    ] + editing, otherwise: text, otherwiseHelp: ("any other key, a paste", "text (a paste opens the notes when they are closed)"))

    public static let rating = Table(name: "rating", title: "Rating (after r)", [
        Binding([], "", nil, hint: Hint("Rate:", "", rank: 0), when: { !$0.session.wrappingUp }) { _, _ in nil },
        Binding([], "", nil, hint: Hint("Recommend:", "", rank: 0), when: { $0.session.wrappingUp }) { _, _ in nil },
        Binding(Key.digits(1...4), "1–4", "1 strong no, 2 no, 3 yes, 4 strong yes") { key, _ in key.digit.map(LiveAction.rate) },
        Binding(Key.digits(0...0), "0", "clear the rating", hint: Hint("0", "clear", rank: 5)) { _, _ in .rate(0) },
        Binding([.character("d")], "d", "in wrap-up: no decision", hint: Hint("d", "no decision", rank: 5),
                when: { $0.session.wrappingUp }) { _, _ in .rate(Rating.noDecision) },
        Binding([], "", nil, hint: Hint("1", "strong no", rank: 1)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("2", "no", rank: 2)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("3", "yes", rank: 3)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("4", "strong yes", rank: 4)) { _, _ in nil },
        Binding([.escape], "Esc", "cancel", hint: Hint("Esc", "cancel", rank: 6), .view(.closeOverlay)),
    ], otherwise: { _, _ in .view(.closeOverlay) }, otherwiseHelp: ("any other key", "cancel; typing goes into the notes, the r with it"))

    public static let quit = Table(name: "quit", title: "Quit box (after q)", [
        Binding([.character("y"), .character("Y")], "y", "end the interview now (completed)", .endInterview),
        Binding([.character("n"), .character("N"), .escape], "n Esc", "go back to the interview", .view(.closeOverlay)),
        Binding([.character("l"), .character("L")], "l", "leave it, to resume later (interrupted)", .leaveForLater),
        Binding([.character("d"), .character("D")], "d", "discard it: the interview never happened (asks first)", .askDiscard),
    ], otherwise: { _, _ in .view(.closeOverlay) }, otherwiseHelp: ("any other key", "go back; typing goes into the notes, the q with it"))

    public static let help: Table = ViewKeys.help { .view($0) }

    public static let discard = Table(name: "discard", title: "Discard (after q d)", [
        Binding([.character("y"), .character("Y")], "y", "delete the session file: nothing of this interview is kept", .discard),
        Binding([.character("n"), .character("N"), .escape], "n Esc", "keep it: back to the interview", .view(.closeOverlay)),
    ], otherwise: { _, _ in .view(.closeOverlay) }, otherwiseHelp: ("any other key", "keep it"))

    public static let questionList = Table(name: "question-list", title: "Question list (after g)", [
        Binding([.up, .character("k")], "↑ k", "the question above", .listMove(-1)),
        Binding([.down, .character("j")], "↓ j", "the question below", .listMove(1)),
        Binding(Key.digits(0...9), "0–9", "a question's number") { key, _ in
            if case .character(let c) = key { return .listType(c) }
            return nil
        },
        Binding([.backspace], "⌫", "take back a digit", .listErase),
        Binding([.enter], "Enter", "go to the question chosen", hint: Hint("Enter", "go", rank: 0), .listJump),
        Binding([.escape, .character("g"), .character("q")], "Esc g", "close the list", hint: Hint("Esc", "close", rank: 1),
                .view(.closeOverlay)),
    ])

    public static let addQuestion = Table(name: "add-question", title: "Your own question (after +)", [
        Binding([.enter], "Enter", "add it after this question, and go to it", hint: Hint("Enter", "add", rank: 0), .addConfirm),
        Binding([.backspace], "⌫", "take back a character", .addErase),
        Binding([.escape], "Esc", "give it up", hint: Hint("Esc", "cancel", rank: 1), .view(.closeOverlay)),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .addText(String(c)) }
        return nil
    }, otherwiseHelp: ("any other key, a paste", "the question's text, one line"))

    public static let followUp = Table(name: "follow-up", title: "Follow-ups (after f)", [
        Binding(Key.digits(1...9), "1–9", "follow-up N was asked (again: not)") { key, _ in key.digit.map { .follow($0 - 1) } },
        Binding([.escape], "Esc", "cancel", hint: Hint("Esc", "cancel", rank: 9), .view(.closeOverlay)),
    ], otherwise: { _, _ in .view(.closeOverlay) }, otherwiseHelp: ("any other key", "cancel; typing goes into the notes, the f with it"))

    static let move: [Binding] = [
        Binding([.right], "→", "next question", hint: Hint("→", "next", rank: 1), .session(.next)),
        Binding([.left], "←", "previous question", hint: Hint("←", "prev", rank: 2), .session(.previous)),
    ]

    public static let shareSafe = Table(name: "share-safe", title: "Share-safe", move + [
        Binding([.escape], "Esc", "then a command key: s shows the panes, w wrap-up, q quit",
                hint: Hint("Esc", "then s: show panes", rank: 0), .armCommand),
        Binding([.enter], "Enter", "start a new line in the hidden notes", .type("\n")),
        Binding([.character("?"), .function(1)], "F1", "this help (? is text here)", .view(.toggleHelp)),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .type(String(c)) }
        return nil
    }, otherwiseHelp: ("any other key, a paste", "typed into your notes, which stay hidden"))

    public static let shareSafeCommand = Table(name: "share-safe-command", title: "Share-safe, after Esc", [
        Binding([.character("s")], "s", "show every pane again (share-safe off)", hint: Hint("s", "show panes", rank: 0),
                .toggleShareSafe),
        Binding([.character("w")], "w", "wrap-up", .session(.wrapUp)),
        Binding([.character("q")], "q", "quit: then y end now, n go back, l leave to resume later",
                hint: Hint("q", "quit", rank: 2), .askQuit),
        Binding([.character("n"), .right], "n →", "next question", .session(.next)),
        Binding([.character("p"), .left], "p ←", "previous question", .session(.previous)),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("?"), .function(1)], "? F1", "this help", hint: Hint("?", "help", rank: 90), .view(.toggleHelp)),
        Binding([.escape], "Esc", "back to typing", hint: Hint("Esc", "back", rank: 3), .armCommand),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .type(String(c)) }
        return nil
    }, otherwiseHelp: ("any other key", "typed into the hidden notes, as before Esc"))

    public static let shareSafeTyping = Table(name: "share-safe-typing", title: "Share-safe, typing", move + [
        Binding([.escape], "Esc", "stop typing; the next key is a command (s shows the panes)",
                hint: Hint("Esc", "stop typing", rank: 0), .stopTyping),
        Binding([.function(1)], "F1", "this help", .view(.toggleHelp)),
        Binding([.enter], "Enter", "new line, stamped with the question clock", .edit(.newline)),
    ] + editing, otherwise: text, otherwiseHelp: ("any other key, a paste", "text, hidden"))
}
