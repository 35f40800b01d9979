/// A key as the app sees it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case wordLeft, wordRight
    /// F1 to F12: `.function(1)` is F1.
    case function(Int)
}
