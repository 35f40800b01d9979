import InterviewCore

/// The help overlay: every key of the screen's tables, a section per table, scrolled
/// with `j` `k` `PgDn` `PgUp` when it is taller than the screen (at 60x18 it is).
enum HelpOverlay {
    static func sections(_ state: LiveState) -> [(title: String, rows: [(keys: String, action: String)])] {
        // On a shared screen, only what may be seen there: no rating scale, no rubric, no follow-ups.
        let shared = state.session.shareSafe
        let tables = state.mode == .replay ? [(ReplayKeys.table.title, ReplayKeys.table.rows()), (LiveKeys.help.title, LiveKeys.help.rows())]
            : LiveKeys.helpTables(for: state).map { ($0.title, $0.rows(shared: shared)) } + [(LiveKeys.help.title, LiveKeys.help.rows())]
        return tables.map { (title: $0.0, rows: $0.1) }
    }

    static func width(_ canvas: Size, keyWidth: Int) -> Int { min(canvas.width - 6, keyWidth + 2 + 56) }

    static func lines(_ state: LiveState) -> [StyledLine] {
        let sections = sections(state)
        let keyWidth = sections.flatMap { $0.rows.map { DisplayWidth.of($0.keys) } }.max() ?? 0
        let width = width(state.size, keyWidth: keyWidth)
        var lines: [StyledLine] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(StyledLine()) }
            lines.append(StyledLine(glyphs: Wrap.glyphs(section.title, Style(.title))))
            for row in section.rows {
                lines += Wrap.hanging(Wrap.glyphs(row.action, Style(.help)),
                                      prefix: Wrap.glyphs(row.keys.padded(toLength: keyWidth + 2), Style(.statusKey)),
                                      width: width)
            }
        }
        return lines
    }

    static func pane(_ state: LiveState) -> Pane {
        let lines = lines(state)
        let scroll: Int
        if case .help(let offset)? = state.overlay { scroll = offset } else { scroll = 0 }
        var pane = Overlays.centredPane(lines, title: "Keys · Esc closes · j k PgDn PgUp scroll", size: state.size)
        pane.scroll = min(scroll, pane.maxScroll)
        return pane
    }

    static func draw(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        pane(state).draw(into: &canvas, box: box)
    }

    static func visibleLines(in state: LiveState) -> Int { pane(state).visibleLines }
    static func maxScroll(in state: LiveState) -> Int { pane(state).maxScroll }
}
