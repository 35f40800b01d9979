#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// What an editing key does to the notes (text itself comes as `LiveAction.type`).
public enum EditCommand: Hashable, Sendable {
    case newline, backspace, deleteForward, deleteWordBackward
    case left, right, up, down, home, end, wordLeft, wordRight
}

/// What moves the screen around a session without changing it: focus, scrolling, the
/// help overlay, the terminal's size. Live, practice and replay share them.
public enum ViewAction: Hashable, Sendable {
    case focusNext
    case focusPrevious
    case scroll(Int)
    case page(Int)
    case toggleHelp
    case closeOverlay
    /// Scrolls the help overlay by lines, or by pages.
    case helpScroll(Int)
    case helpPage(Int)
    case resize(Size)
    /// A click on a pane.
    case focus(PaneID)
    /// The wheel over a pane.
    case scrollPane(PaneID, Int)
    /// Home and End: the focused pane to its top, or its end.
    case scrollToEnd(Bool)
}

/// What a key, the clock or the saver asks of the live screen.
public enum LiveAction: Hashable, Sendable {
    case session(SessionAction)
    case view(ViewAction)
    /// What the command grammar waits for now (`Esc` pressed, `Esc r` waiting for its digit).
    case pending(PendingCommand?)
    case edit(EditCommand)
    /// Text pasted (bracketed paste): it goes into the notes, never taken for keys, and
    /// closes any box or pending command.
    case paste(String)
    /// Typed text, into the notes of the question on screen (in wrap-up the closing notes,
    /// in practice the answer): the first key after a command starts a new line, stamped
    /// with the moment it came.
    case type(String)
    /// A word in the status line until the next key (a digit in wrap-up: Esc r first).
    case remind(String)
    /// The question list (`Esc g`): open it; then its keys and clicks.
    case openList
    case list(ListAction)
    /// A question of one's own (`+`): open the line, type, erase, add it.
    case openAddQuestion
    case addText(String)
    case addErase
    case addConfirm
    /// Follow-up N of the question on screen was asked (toggles).
    case follow(Int)
    /// A rating, or in wrap-up a recommendation.
    case rate(Int)
    case toggleShareSafe
    /// Practice: show the expected answer, guidance and rubric of this question.
    case reveal
    case askQuit
    case askDiscard
    case discard
    case endInterview
    case leaveForLater
    /// Time passed (once a second): clocks move, typed notes are recorded.
    case tick
    case signal(Int32)
    /// The first key after a notice: it goes.
    case dismissNotice
    /// What the saver last said.
    case saved(SessionSaver.Status)
    /// The wall-clock end of the interview, recorded as a label once it has ended.
    case markEnded(Date)
    /// How the last save went, once the screen has closed.
    case lastSave(LastSave)
}
