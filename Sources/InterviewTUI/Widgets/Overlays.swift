import InterviewCore
import InterviewStore

enum Overlays {
    static func quitConfirm(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        var lines = [StyledLine(glyphs: Wrap.glyphs("The interview is not finished.", Style(.strong))), StyledLine()]
        // Ending asks once, and says what is missing: asked but not rated, no recommendation.
        if !state.session.shareSafe, state.mode != .practice {
            let unrated = state.session.order.filter { state.session.isAsked($0, at: state.now) && state.session.questions[$0].rating == nil }
                .compactMap { state.session.planNumber($0).map(String.init) }
            var missing: [String] = []
            if !unrated.isEmpty { missing.append("asked but not rated: " + unrated.joined(separator: ", ")) }
            if state.session.recommendation == nil { missing.append("no recommendation yet") }
            if !missing.isEmpty {
                lines.append(StyledLine(glyphs: Wrap.glyphs(missing.joined(separator: " · ").prefix(1).uppercased()
                    + missing.joined(separator: " · ").dropFirst(), Style(.warning))))
                lines.append(StyledLine())
            }
            let evidence = state.evidence
            if !evidence.isEmpty {
                lines.append(StyledLine(glyphs: Wrap.glyphs("Evidence check (it warns, it never blocks):", Style(.title))))
                for line in evidence {
                    lines += Wrap.hanging(Wrap.glyphs(line, Style(.help)), prefix: Wrap.glyphs("• ", Style(.dim)),
                                          width: max(20, min(70, canvas.width - 10)))
                }
                lines.append(StyledLine())
            }
        }
        if case .failed(let reason) = state.saveStatus {
            // Never a quiet "saved": the box says the disk refuses, before y or l is pressed.
            lines += Wrap.hanging(Wrap.glyphs("⚠ The last changes are NOT SAVED (\(reason)). y and l try again, and write the session elsewhere if the disk still refuses.",
                                              Style(.warning)), prefix: [], width: max(20, min(70, canvas.width - 8)))
            lines.append(StyledLine())
        }
        lines += keyRows(LiveKeys.quit, width: max(20, min(70, canvas.width - 8)))
        centredPane(lines, title: "Quit?", size: Size(width: canvas.width, height: canvas.height)).draw(into: &canvas, box: box)
    }

    /// `q` then `d`: what discarding would lose, and the keys.
    static func discardConfirm(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        let width = max(20, min(canvas.width - 8, 70))
        var lines: [StyledLine]
        if let lost = state.session.recorded {
            lines = Wrap.hanging(Wrap.glyphs("Discarding deletes what was recorded: \(lost).", Style(.warning)), prefix: [], width: width)
        } else {
            lines = Wrap.hanging(Wrap.glyphs("Nothing was recorded: no note, tick, rating or recommendation.", Style(.strong)),
                                 prefix: [], width: width)
        }
        lines.append(StyledLine())
        lines += keyRows(LiveKeys.discard, width: width)
        centredPane(lines, title: "Discard this interview?", size: Size(width: canvas.width, height: canvas.height)).draw(into: &canvas, box: box)
    }

    /// What a 1, 2, 3 and 4 look like for the question on screen, beside the scale, while
    /// `r` waits for its digit: the question's anchors, else the scale's words.
    static func anchors(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        let anchors = state.question.anchors
        let width = max(20, min(canvas.width - 8, 90))
        var lines: [StyledLine] = []
        for level in 1...4 {
            let text = anchors.count == 4 ? anchors[level - 1] : Rating.label(level)
            lines += Wrap.hanging(Wrap.glyphs(text, Style(.help)),
                                  prefix: Wrap.glyphs("\(level) \(Rating.label(level))".padded(toLength: 14),
                                                      Style(.statusKey)), width: width)
                .map { StyledLine(prefix: $0.prefix, glyphs: $0.glyphs, click: .rating(level)) }
        }
        lines += [StyledLine(), StyledLine(glyphs: Wrap.glyphs("0 clears · Esc cancels · a click rates", Style(.dim)))]
        centredPane(lines, title: "Rate this answer", size: Size(width: canvas.width, height: canvas.height)).draw(into: &canvas, box: box)
    }

    /// A box's keys, a row each: the keys in a column as wide as the widest, then what they
    /// do, wrapped under itself to `width` (a box never cuts it at its border).
    static func keyRows(_ table: LiveKeys.Table, width: Int) -> [StyledLine] {
        let rows = table.rows()
        let column = (rows.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2
        return rows.flatMap { row in
            Wrap.hanging(Wrap.glyphs(row.action, Style(.help)),
                         prefix: Wrap.glyphs(row.keys + String(repeating: " ", count: column - DisplayWidth.of(row.keys)), Style(.statusKey)),
                         width: width)
        }
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
