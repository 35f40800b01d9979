import InterviewCore

/// Line-drawing characters: Unicode box drawing, or ASCII where the locale is not UTF-8.
public struct BoxChars: Sendable {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    let more, above: String

    static let unicode = BoxChars(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                  bottomLeft: "└", bottomRight: "┘", more: "▼ more", above: "▲")
    static let ascii = BoxChars(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                bottomLeft: "+", bottomRight: "+", more: "v more", above: "^")

    /// The focused pane's lines: heavier, so the focus shows without colour (NO_COLOR,
    /// monochrome) as well as with it.
    static let heavy = BoxChars(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                bottomLeft: "┗", bottomRight: "┛", more: "▼ more", above: "▲")
    static let asciiHeavy = BoxChars(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#",
                                     bottomLeft: "#", bottomRight: "#", more: "v more", above: "^")

    static func of(_ ascii: Bool) -> BoxChars { ascii ? .ascii : .unicode }

    /// The lines of a pane: heavy when it has the focus.
    func focused(_ focused: Bool) -> BoxChars {
        guard focused else { return self }
        return vertical == "|" ? .asciiHeavy : .heavy
    }
}

/// A bordered pane with a title, scrolled content, and marks when there is more
/// above or below.
struct Pane {
    var rect: Rect
    var title: String
    var focused = false
    var lines: [StyledLine]
    var scroll = 0
    var titleRight: [Glyph] = []
    /// The pane a click on it focuses, if it can take the focus.
    var id: PaneID?

    var visibleLines: Int { max(0, rect.height - 2) }
    var maxScroll: Int { max(0, lines.count - visibleLines) }

    func draw(into canvas: inout Canvas, box plain: BoxChars) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let box = plain.focused(focused && id != nil)
        let border = Style(focused ? .borderFocused : .border)
        canvas.fill(rect, Style(.body))
        let inner = String(repeating: box.horizontal, count: rect.width - 2)
        canvas.put(box.topLeft + inner + box.topRight, x: rect.x, y: rect.y, style: border)
        canvas.put(box.bottomLeft + inner + box.bottomRight, x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put(box.vertical, x: rect.x, y: y, style: border)
            canvas.put(box.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        // A title that does not fit is cut at a word, with `…`, never in the middle of one; it
        // leaves the room of the right-hand title (whose interview it is) when it has half the width.
        let room = rect.width - 6
        let right = titleRight.isEmpty ? 0 : titleRight.reduce(0) { $0 + $1.width } + 3
        let titleWidth = max(min(DisplayWidth.of(title), room / 2), room - right)
        let titleEnd = canvas.put(" \(Words.fit(title, width: titleWidth)) ", x: rect.x + 2, y: rect.y,
                                  style: Style(focused ? .titleFocused : .title), limit: rect.maxX - 2)
        if !titleRight.isEmpty {
            let width = titleRight.reduce(0) { $0 + $1.width } + 2
            let x = rect.maxX - 2 - width
            if x > titleEnd { Pane.draw([Glyph(" ", border)] + titleRight + [Glyph(" ", border)], into: &canvas, x: x, y: rect.y, limit: rect.maxX - 2) }
        }
        if let id { canvas.mark(rect, .pane(id)) }
        let offset = min(scroll, maxScroll)
        for (row, line) in lines.dropFirst(offset).prefix(visibleLines).enumerated() {
            Pane.draw(line, into: &canvas, x: rect.x + 2, y: rect.y + 1 + row, limit: rect.maxX - 1)
            if let click = line.click { canvas.mark(Rect(x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2, height: 1), click) }
        }
        if offset > 0 {
            canvas.put(box.above, x: rect.maxX - 3, y: rect.y, style: Style(.borderFocused))
        }
        if offset < maxScroll {
            let mark = " \(box.more) "
            canvas.put(mark, x: rect.maxX - 2 - DisplayWidth.of(mark), y: rect.maxY - 1, style: Style(.borderFocused))
        }
    }

    static func draw(_ line: StyledLine, into canvas: inout Canvas, x: Int, y: Int, limit: Int) {
        draw(line.prefix + line.glyphs, into: &canvas, x: x, y: y, limit: limit)
    }

    static func draw(_ glyphs: [Glyph], into canvas: inout Canvas, x: Int, y: Int, limit: Int) {
        var column = x
        for glyph in glyphs {
            let next = canvas.put(glyph.character, x: column, y: y, style: glyph.style, limit: limit)
            if next == column, glyph.width > 0 { break }
            column = next
        }
    }
}
