/// A short line that shows a theme's main roles in its own colours, as SGR escape
/// sequences (for `interview themes`, outside the curses screen).
public enum ThemeSample {
    public static let parts: [(String, Role)] = [
        ("Question", .titleFocused), (" ", .body), ("[x]", .rubricChecked), (" ", .body),
        ("01:10/03:00", .clockOK), (" ", .body), ("02:30/03:00", .clockWarn), (" ", .body),
        ("03:20/03:00 +00:20", .clockOver), (" ", .body), ("SHARE-SAFE", .banner),
    ]

    /// `colors` as `ColorFallback.colorCount`: 0 gives attributes only.
    public static func line(_ theme: Theme, colors: Int) -> String {
        parts.map { text, role in
            let start = sgr(theme.style(role), colors: colors)
            return start.isEmpty ? text : start + text + "\u{1B}[0m"
        }.joined()
    }

    static func sgr(_ style: RoleStyle, colors: Int) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if colors > 0 {
            codes += color(style.foreground, colors: colors, base: 38)
            codes += color(style.background, colors: colors, base: 48)
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ color: ThemeColor, colors: Int, base: Int) -> [String] {
        if colors >= ColorFallback.directColors, let (r, g, b) = ColorFallback.rgb(color) {
            return ["\(base);2;\(r);\(g);\(b)"]
        }
        let index = ColorFallback.index(color, colors: min(colors, 256))
        return index < 0 ? [] : ["\(base);5;\(index)"]
    }
}
