import InterviewKit

enum Overlays {
    static func quitConfirm(_ state: Display, into canvas: inout Canvas, box: BoxChars) {
        var lines = [StyledLine(glyphs: Wrap.glyphs("The interview is not finished.", Style(.strong))), StyledLine()]
        if case .failed(let reason) = state.saveStatus {
            // Never a quiet "saved": the box says the disk refuses, before y or l is pressed.
            lines += Wrap.hanging(Wrap.glyphs("⚠ The last changes are NOT SAVED (\(reason)). y and l try again, and write the session elsewhere if the disk still refuses.",
                                              Style(.warning)), prefix: [], width: max(20, min(70, canvas.width - 8)))
            lines.append(StyledLine())
        }
        lines += LiveKeys.quit.rows.map { row in
                StyledLine(glyphs: Wrap.glyphs(row.keys.padding(toLength: 7, withPad: " ", startingAt: 0), Style(.statusKey))
                    + Wrap.glyphs(row.action, Style(.help)))
            }
        centredPane(lines, title: "Quit?", size: Size(width: canvas.width, height: canvas.height)).draw(into: &canvas, box: box)
    }

    /// A centred box over the screen, as large as its lines or the screen allows.
    static func centredPane(_ lines: [StyledLine], title: String, size: Size) -> Pane {
        let contentWidth = max(DisplayWidth.of(title) + 4, lines.map { ($0.prefix + $0.glyphs).reduce(0) { $0 + $1.width } }.max() ?? 0)
        let width = min(size.width - 2, contentWidth + 4)
        let height = min(size.height - 2, lines.count + 2)
        let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        return Pane(rect: rect, title: title, focused: true, lines: lines)
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
