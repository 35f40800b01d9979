import InterviewKit

enum Overlays {
    static func help(_ entries: [(keys: String, action: String)], into canvas: inout Canvas, box: BoxChars) {
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let width = min(canvas.width - 6, keyWidth + 2 + 56)
        let lines = entries.flatMap { entry in
            Wrap.hanging(Wrap.glyphs(entry.action, Style(.help)),
                         prefix: Wrap.glyphs(entry.keys.padding(toLength: keyWidth + 2, withPad: " ", startingAt: 0), Style(.statusKey)),
                         width: width)
        }
        centred(lines, title: "Keys · ? or Esc closes", into: &canvas, chars: box)
    }

    static func quitConfirm(into canvas: inout Canvas, box: BoxChars) {
        let lines = [
            StyledLine(glyphs: Wrap.glyphs("The interview is not finished.", Style(.strong))),
            StyledLine(),
            StyledLine(glyphs: Wrap.glyphs("y  ", Style(.statusKey)) + Wrap.glyphs("end it now (completed)", Style(.help))),
            StyledLine(glyphs: Wrap.glyphs("n  ", Style(.statusKey)) + Wrap.glyphs("go back to the interview", Style(.help))),
            StyledLine(glyphs: Wrap.glyphs("l  ", Style(.statusKey)) + Wrap.glyphs("leave it, to resume later", Style(.help))),
        ]
        centred(lines, title: "Quit?", into: &canvas, chars: box)
    }

    /// A centred box over the screen, as large as its lines or the screen allows.
    static func centred(_ lines: [StyledLine], title: String, into canvas: inout Canvas, chars: BoxChars) {
        let contentWidth = max(DisplayWidth.of(title) + 4, lines.map { ($0.prefix + $0.glyphs).reduce(0) { $0 + $1.width } }.max() ?? 0)
        let width = min(canvas.width - 2, contentWidth + 4)
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        Pane(rect: rect, title: title, focused: true, lines: lines).draw(into: &canvas, box: chars)
    }
}

enum TooSmall {
    static func draw(into canvas: inout Canvas, need: Size) {
        let lines = ["Terminal too small: need \(need.width)x\(need.height),",
                     "now \(canvas.width)x\(canvas.height).",
                     "Enlarge it: the interview goes on."]
        for (n, line) in lines.enumerated() {
            let y = max(0, canvas.height / 2 - 1) + n
            canvas.put(line, x: max(0, (canvas.width - DisplayWidth.of(line)) / 2), y: y, style: Style(n == 0 ? .warning : .body))
        }
    }
}
