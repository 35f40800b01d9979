import InterviewKit

public enum EditCommand: Hashable, Sendable {
    case insert(String)
    case newline, backspace, deleteForward, deleteWordBackward
    case left, right, up, down, home, end, wordLeft, wordRight
}

/// What a key asks of the live screen.
public enum LiveAction: Hashable, Sendable {
    case session(SessionAction)
    case startTyping
    case stopTyping
    case edit(EditCommand)
    /// Text pasted (bracketed paste): it goes into the notes, never taken for keys.
    case paste(String)
    case focusNext
    case focusPrevious
    case scroll(Int)
    case page(Int)
    case awaitRating
    case rate(Int)
    case toggleShareSafe
    /// Practice: show the expected answer, guidance and rubric of this question.
    case reveal
    case toggleHelp
    case askQuit
    case endInterview
    case leaveForLater
    case closeOverlay
    case resize(Size)
    /// Time passed (once a second): clocks move, typed notes are recorded.
    case tick
    case signal(Int32)
}

/// Keys to actions. What a key means depends on the moment: typing, a question
/// asked by an overlay, or a rating being given.
public enum LiveKeymap {
    public static func action(for key: Key, in state: LiveState) -> LiveAction? {
        if let overlay = state.overlay {
            switch (overlay, key) {
            case (.quitConfirm, .character("y")), (.quitConfirm, .character("Y")): return .endInterview
            case (.quitConfirm, .character("l")), (.quitConfirm, .character("L")): return .leaveForLater
            case (.quitConfirm, .character("n")), (.quitConfirm, .character("N")), (_, .escape), (.help, .character("?")),
                 (.help, .character("q")):
                return .closeOverlay
            default: return nil
            }
        }
        if state.isTyping { return typing(key) }
        if state.awaitingRating {
            if case .character(let c) = key, let n = c.wholeNumberValue, (0...4).contains(n) { return .rate(n) }
            return .closeOverlay
        }
        let wrapUp = state.session.wrappingUp
        switch key {
        case .character("n"), .right: return .session(.next)
        case .character("p"), .left: return .session(.previous)
        case .character("i"), .character("a"): return .startTyping
        case .character("r") where state.answerKeyShown || wrapUp: return .awaitRating
        case .character(" "): return .session(.togglePause)
        case .character("s") where !state.practice: return .toggleShareSafe
        case .character("v") where state.practice: return .reveal
        case .character("w"): return .session(.wrapUp)
        case .character("e") where wrapUp: return .endInterview
        case .character("?"): return .toggleHelp
        case .character("q"): return .askQuit
        case .tab: return .focusNext
        case .backTab: return .focusPrevious
        case .character("j"), .down: return .scroll(1)
        case .character("k"), .up: return .scroll(-1)
        case .pageDown: return .page(1)
        case .pageUp: return .page(-1)
        case .character(let c):
            if let n = c.wholeNumberValue, (1...9).contains(n) {
                if wrapUp { return n <= 4 ? .rate(n) : nil }
                return state.answerKeyShown ? .session(.toggleRubric(n - 1)) : nil
            }
            return nil
        default: return nil
        }
    }

    static func typing(_ key: Key) -> LiveAction? {
        switch key {
        case .escape: .stopTyping
        case .character(let c): .edit(.insert(String(c)))
        case .enter: .edit(.newline)
        case .backspace: .edit(.backspace)
        case .delete: .edit(.deleteForward)
        case .control("w"): .edit(.deleteWordBackward)
        case .left: .edit(.left)
        case .right: .edit(.right)
        case .up: .edit(.up)
        case .down: .edit(.down)
        case .home, .control("a"): .edit(.home)
        case .end, .control("e"): .edit(.end)
        case .wordLeft: .edit(.wordLeft)
        case .wordRight: .edit(.wordRight)
        case .tab: .edit(.insert("    "))
        default: nil
        }
    }
}

/// The keys of live mode, as the help overlay and README list them.
public enum LiveKeyHelp {
    public static let entries: [(keys: String, action: String)] = [
        ("n →", "next question (after the last: wrap-up)"),
        ("p ←", "previous question"),
        ("1–9", "tick or untick rubric item N"),
        ("i", "type notes for this question; Esc stops"),
        ("r 1–4", "rate: 1 strong no, 2 no, 3 yes, 4 strong yes; r 0 clears"),
        ("space", "pause or resume the clocks"),
        ("s", "share-safe: hide every interviewer-only pane"),
        ("Tab ⇧Tab", "move focus between panes"),
        ("j k ↓ ↑", "scroll the focused pane a line"),
        ("PgDn PgUp", "scroll the focused pane a page"),
        ("w", "wrap-up: recommendation, closing notes, summary"),
        ("e", "in wrap-up: end the interview (completed)"),
        ("?", "this help"),
        ("q", "quit: y end now, n go back, l leave to resume later"),
    ]

    public static let practice: [(keys: String, action: String)] = [
        ("n →", "next question"),
        ("p ←", "previous question"),
        ("i", "type your answer; Esc stops"),
        ("v", "reveal the expected answer, guidance and rubric"),
        ("1–9", "after v: tick the rubric items your answer covered"),
        ("r 1–4", "after v: rate yourself, 1 strong no … 4 strong yes"),
        ("space", "pause or resume the clocks"),
        ("Tab j k PgDn PgUp", "focus and scroll the panes"),
        ("w", "wrap-up: summary and closing notes"),
        ("?", "this help"),
        ("q", "quit: y end now, n go back, l leave it"),
    ]

    public static let typing: [(keys: String, action: String)] = [
        ("Esc", "stop typing (notes are kept)"),
        ("Enter", "new line, stamped with the question clock"),
        ("←→↑↓ Home End", "move; Ctrl-← Ctrl-→ by word"),
        ("⌫ Del ^W", "delete a character back or forward, a word back"),
        ("paste", "always text: opens the notes if they are closed"),
    ]
}
