/// A key as the terminal sent it, whatever terminal it came from: which key, with its
/// modifiers, and no meaning of the program's (Alt-f is Alt-f, not a word to the right).
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    /// A character with Alt: what a terminal sends as ESC then the character, in one write.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Left and Right with Ctrl or Alt.
    case wordLeft, wordRight
    /// F1 to F12: `.function(1)` is F1.
    case function(Int)
}

extension Key {
    /// How help, hints, README and the man page write the key: `n`, `Ctrl-N`, `Esc`, `←`.
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        case .alt(let c): "Alt-" + String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "⇧Tab"
        case .backspace: "⌫"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case .function(let n): "F\(n)"
        }
    }

    /// Whether the key is text wherever text can go: a letter, digit, mark or space.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }

    /// The digit keys `1`…`9` (and `0` when asked).
    static func digits(_ range: ClosedRange<Int>) -> [Key] { range.map { .character(Character("\($0)")) } }

    var digit: Int? {
        if case .character(let c) = self { return c.wholeNumberValue }
        return nil
    }
}

/// A mouse report (SGR 1006): a button pressed or let go, or the wheel, at a cell of the
/// screen counted from 0.
public struct Mouse: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case left, middle, right, wheelUp, wheelDown }
    public var button: Button
    public var x: Int
    public var y: Int
    /// A press (or a wheel step); false when the button is let go.
    public var pressed: Bool

    public init(_ button: Button, x: Int, y: Int, pressed: Bool = true) {
        self.button = button
        self.x = x
        self.y = y
        self.pressed = pressed
    }
}
