import Foundation
import InterviewKit

public enum EditCommand: Hashable, Sendable {
    case insert(String)
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
}

/// What a key, the clock or the saver asks of the live screen.
public enum LiveAction: Hashable, Sendable {
    case session(SessionAction)
    case view(ViewAction)
    case startTyping
    case stopTyping
    case edit(EditCommand)
    /// Text pasted (bracketed paste): it goes into the notes, never taken for keys.
    case paste(String)
    /// Text into the notes, opening them when they are closed (a new line, stamped now).
    case type(String)
    /// A printable key with the notes closed: judged with its burst (`LiveKeys.burstGap`).
    case held(Key)
    /// The burst waiting is judged now: a command, or prose.
    case resolve
    /// A key looked up in the table in force once what came before it was reduced.
    case press(Key)
    /// Share-safe: the next key is a command (`Esc`), or no longer is.
    case armCommand
    case disarm
    /// A word in the status line until the next key (a digit in wrap-up: press r first).
    case remind(String)
    /// The question list (`g`): open it, move, type a number, jump.
    case openList
    case listMove(Int)
    case listType(Character)
    case listErase
    case listJump
    /// A question of one's own (`+`): open the line, type, erase, add it.
    case openAddQuestion
    case addText(String)
    case addErase
    case addConfirm
    /// `f`: the next digit marks a follow-up asked (`follow`).
    case awaitFollowUp
    case follow(Int)
    case awaitRating
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
}
