import InterviewKit

/// The keys of the live and practice screens, one table per mode. What a key means
/// depends on the moment: an overlay, typing, a rating being given, wrap-up.
public enum LiveKeys {
    public typealias Table = KeyTable<Display, LiveAction>
    typealias Binding = KeyBinding<Display, LiveAction>

    /// The table in force at this moment.
    public static func table(for display: Display, underOverlay: Bool = false) -> Table {
        switch underOverlay ? nil : display.overlay {
        case .quitConfirm?: return quit
        case .help?: return help
        case nil: break
        }
        if display.isTyping { return typing }
        if display.awaitingRating { return rating }
        if display.session.wrappingUp { return wrapUp }
        return display.practice ? practice : questions
    }

    public static func action(for key: Key, in display: Display) -> LiveAction? {
        table(for: display).action(for: key, in: display)
    }

    /// The tables the help overlay lists, in order.
    public static func helpTables(for display: Display) -> [Table] {
        display.practice ? [practice, typing] : [questions, wrapUp, rating, typing, quit]
    }

    static let panes: [Binding] = ViewKeys.panes { .view($0) }

    public static let questions = Table(name: "live", title: "Live interview", [
        Binding([.character("n"), .right], "n →", "next question (after the last: wrap-up)",
                hint: Hint("n", "next", rank: 0), .session(.next)),
        Binding([.character("p"), .left], "p ←", "previous question (its clock goes on where it stopped)",
                hint: Hint("p", "prev", rank: 4), .session(.previous)),
        Binding(Key.digits(1...9), "1–9", "tick or untick rubric item N",
                hint: Hint("1-9", "tick", rank: 1), when: { !$0.session.shareSafe }) { key, _ in
            key.digit.map { .session(.toggleRubric($0 - 1)) }
        },
        Binding(Key.digits(1...9), "1–9", nil) { key, _ in key.digit.map { .session(.toggleRubric($0 - 1)) } },
        Binding([.character("i"), .character("a")], "i a", "type notes for this question; Esc stops",
                hint: Hint("i", "note", rank: 2), when: { !$0.session.shareSafe }, .startTyping),
        Binding([.character("i"), .character("a")], "i a", nil, .startTyping),
        Binding([.character("r")], "r 1–4", "rate: 1 strong no, 2 no, 3 yes, 4 strong yes; r 0 clears",
                hint: Hint("r", "rate", rank: 3), when: { !$0.session.shareSafe }, .awaitRating),
        Binding([.character("r")], "r", nil, .awaitRating),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("s")], "s", "share-safe: hide every interviewer-only pane",
                hint: Hint("s", "share-safe", rank: 5), when: { !$0.session.shareSafe }, .toggleShareSafe),
        Binding([.character("s")], "s", nil, hint: Hint("s", "show panes", rank: -1), .toggleShareSafe),
        Binding([.character("w")], "w", "wrap-up: recommendation, closing notes, summary", .session(.wrapUp)),
        Binding([.character("q")], "q", "quit: y end now, n go back, l leave to resume later",
                hint: Hint("q", "quit", rank: 6), when: { !$0.session.shareSafe }, .askQuit),
        Binding([.character("q")], "q", nil, .askQuit),
    ] + panes)

    public static let wrapUp = Table(name: "wrap-up", title: "Wrap-up", [
        Binding([.character("r")], "r 1–4", "recommend: 1 strong no … 4 strong yes; r 0 clears",
                hint: Hint("r", "recommend", rank: 0), .awaitRating),
        Binding(Key.digits(1...4), "1–4", "recommend directly") { key, _ in key.digit.map(LiveAction.rate) },
        Binding([.character("i"), .character("a")], "i", "type closing notes; Esc stops",
                hint: Hint("i", "closing notes", rank: 1), .startTyping),
        Binding([.character("e")], "e", "end the interview (completed)", hint: Hint("e", "end", rank: 2), .endInterview),
        Binding([.character("p"), .left], "p ←", "back to the questions", hint: Hint("p", "back", rank: 3), .session(.previous)),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("s")], "s", "share-safe on or off", .toggleShareSafe),
        Binding([.character("q")], "q", "quit: y end now, n go back, l leave to resume later",
                hint: Hint("q", "quit", rank: 95), .askQuit),
    ] + panes)

    public static let practice = Table(name: "practice", title: "Practice", [
        Binding([.character("n"), .right], "n →", "next question", hint: Hint("n", "next", rank: 2), .session(.next)),
        Binding([.character("p"), .left], "p ←", "previous question", hint: Hint("p", "prev", rank: 4), .session(.previous)),
        Binding([.character("i"), .character("a")], "i", "type your answer; Esc stops",
                hint: Hint("i", "answer", rank: 0), when: { !$0.answerKeyShown }, .startTyping),
        Binding([.character("i"), .character("a")], "i", nil, hint: Hint("i", "answer", rank: 3), .startTyping),
        Binding([.character("v")], "v", "reveal the expected answer, guidance and rubric",
                hint: Hint("v", "reveal", rank: 1), when: { !$0.answerKeyShown }, .reveal),
        Binding([.character("v")], "v", nil, .reveal),
        Binding(Key.digits(1...9), "1–9", "after v: tick the rubric items your answer covered",
                hint: Hint("1-9", "tick", rank: 2), when: { $0.answerKeyShown }) { key, _ in
            key.digit.map { .session(.toggleRubric($0 - 1)) }
        },
        Binding([.character("r")], "r 1–4", "after v: rate yourself, 1 strong no … 4 strong yes",
                hint: Hint("r", "rate yourself", rank: 2), when: { $0.answerKeyShown }, .awaitRating),
        Binding([.character(" ")], "space", "pause or resume the clocks", .session(.togglePause)),
        Binding([.character("w")], "w", "wrap-up: summary and closing notes", .session(.wrapUp)),
        Binding([.character("q")], "q", "quit: y end now, n go back, l leave it", hint: Hint("q", "quit", rank: 6), .askQuit),
    ] + panes)

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
        Binding([.backspace], "⌫", "delete the character before the cursor", .edit(.backspace)),
        Binding([.delete], "Del", "delete the character under the cursor", .edit(.deleteForward)),
        Binding([.control("w")], "^W", "delete the word before the cursor", .edit(.deleteWordBackward)),
        Binding([.tab], "Tab", "four spaces", .edit(.insert("    "))),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .edit(.insert(String(c))) }
        return nil
    }, otherwiseHelp: ("any other key, a paste", "text (a paste opens the notes when they are closed)"))

    public static let rating = Table(name: "rating", title: "Rating (after r)", [
        Binding([], "", nil, hint: Hint("Rate:", "", rank: 0), when: { !$0.session.wrappingUp }) { _, _ in nil },
        Binding([], "", nil, hint: Hint("Recommend:", "", rank: 0), when: { $0.session.wrappingUp }) { _, _ in nil },
        Binding(Key.digits(1...4), "1–4", "1 strong no, 2 no, 3 yes, 4 strong yes") { key, _ in key.digit.map(LiveAction.rate) },
        Binding(Key.digits(0...0), "0", "clear the rating", hint: Hint("0", "clear", rank: 5)) { _, _ in .rate(0) },
        Binding([], "", nil, hint: Hint("1", "strong no", rank: 1)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("2", "no", rank: 2)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("3", "yes", rank: 3)) { _, _ in nil },
        Binding([], "", nil, hint: Hint("4", "strong yes", rank: 4)) { _, _ in nil },
        Binding([.escape], "Esc", "cancel", hint: Hint("Esc", "cancel", rank: 6), .view(.closeOverlay)),
    ], otherwise: { _, _ in .view(.closeOverlay) }, otherwiseHelp: ("any other key", "cancel"))

    public static let quit = Table(name: "quit", title: "Quit box (after q)", [
        Binding([.character("y"), .character("Y")], "y", "end the interview now (completed)", .endInterview),
        Binding([.character("n"), .character("N"), .escape], "n Esc", "go back to the interview", .view(.closeOverlay)),
        Binding([.character("l"), .character("L")], "l", "leave it, to resume later (interrupted)", .leaveForLater),
    ])

    public static let help: Table = ViewKeys.help { .view($0) }
}
