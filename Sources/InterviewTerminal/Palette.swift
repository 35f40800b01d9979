import CNcursesW
import InterviewCore

/// Turns a cell's style into ncurses attributes and a colour pair, allocating pairs as
/// combinations first appear. Without colour (or with NO_COLOR) only attributes remain.
final class Palette {
    private let theme: Theme
    private let colors: Int
    private var pairs: [[Int]: Int32] = [:]
    private var cache: [Style: (attr_t, Int32)] = [:]
    /// The last style asked: neighbouring cells mostly share one, and hashing a style for
    /// every cell of a frame cost as much as handing the cells to ncurses.
    private var last: (style: Style, look: (attr_t, Int32))?

    /// `colors` as `ColorFallback.colorCount` says: 0 for attributes only.
    init(theme: Theme, colors: Int) {
        self.theme = theme
        self.colors = colors
    }

    func attributes(_ style: Style) -> (attr_t, Int32) {
        if let last, last.style == style { return last.look }
        let look = lookUp(style)
        last = (style, look)
        return look
    }

    private func lookUp(_ style: Style) -> (attr_t, Int32) {
        if let known = cache[style] { return known }
        var look = theme.style(style.role)
        if style.inline.contains(.strong) { look.bold = true }
        if style.inline.contains(.emphasis) { look.italic = true }
        if style.inline.contains(.code), style.role != .code { look.foreground = theme.style(.code).foreground }
        var attributes = ishim_a_normal()
        if look.bold { attributes |= ishim_a_bold() }
        if look.dim { attributes |= ishim_a_dim() }
        if look.italic { attributes |= ishim_a_italic() }
        if look.underline { attributes |= ishim_a_underline() }
        if look.reverse { attributes |= ishim_a_reverse() }
        var pair: Int32 = 0
        if colors > 0 {
            let colours = ColorFallback.pair(foreground: look.foreground, background: look.background, colors: colors)
            let key = [colours.foreground, colours.background]
            if key != [-1, -1] {
                if let known = pairs[key] {
                    pair = known
                } else {
                    pair = Int32(pairs.count + 1)
                    init_extended_pair(pair, Int32(key[0]), Int32(key[1]))
                    pairs[key] = pair
                }
            }
        }
        cache[style] = (attributes, pair)
        return (attributes, pair)
    }
}
