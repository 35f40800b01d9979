extension ColorFallback {
    /// The number of colours ncurses reports for a direct-colour terminal
    /// (terminfo `*-direct`, e.g. `TERM=xterm-direct`): 2^24. With it,
    /// `index(_:colors:)` returns packed `0xRRGGBB` values for `init_extended_pair`.
    public static let directColors = 1 << 24

    /// True when the terminal says it shows 24-bit colour: `COLORTERM` is
    /// `truecolor` or `24bit` (any case).
    public static func supportsTruecolor(environment: [String: String]) -> Bool {
        guard let value = environment["COLORTERM"]?.lowercased() else { return false }
        return value == "truecolor" || value == "24bit"
    }

    /// True when `NO_COLOR` is set, to any value, the empty one included
    /// (https://no-color.org): draw with attributes only.
    public static func noColor(environment: [String: String]) -> Bool {
        environment["NO_COLOR"] != nil
    }

    /// How many colours to draw with: 0 with `NO_COLOR` or a terminal without colour,
    /// `directColors` on a direct-colour terminal, else what the terminal reports
    /// (256, 16, 8). `COLORTERM=truecolor` alone does not make an indexed terminal
    /// direct: ncurses can only send 24-bit colours through a `*-direct` terminfo entry.
    public static func colorCount(terminalColors: Int, environment: [String: String]) -> Int {
        if noColor(environment: environment) || terminalColors < 8 { return 0 }
        return terminalColors >= directColors ? directColors : terminalColors
    }

    /// The 24-bit value of a colour, for a backend that writes SGR sequences itself
    /// (`ESC[38;2;R;G;Bm`); nil for the terminal's default colour. ANSI colours take
    /// xterm's values.
    public static func rgb(_ color: ThemeColor) -> (red: Int, green: Int, blue: Int)? {
        switch color {
        case .terminalDefault: return nil
        case .ansi(let n): let c = rgb(ofIndex: min(15, max(0, n))); return (c.0, c.1, c.2)
        case .indexed(let n): let c = rgb(ofIndex: min(255, max(0, n))); return (c.0, c.1, c.2)
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    /// A colour for a direct-colour ncurses terminal: ANSI colours keep their index
    /// 0–7 (the terminal's own palette); everything else is packed `0xRRGGBB`, never
    /// below 8 so that it cannot be mistaken for an ANSI index.
    static func direct(_ color: ThemeColor) -> Int {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n) where n < 8: return max(0, n)
        default:
            guard let (r, g, b) = rgb(color) else { return -1 }
            return max(8, r << 16 | g << 8 | b)
        }
    }
}
