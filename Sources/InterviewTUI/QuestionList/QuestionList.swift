import InterviewCore

/// The question list (`g`): every question of the interview in the plan's order, then
/// the bank's others as extras, each with its state; a number or the arrows, then Enter,
/// jump to it. Replay shows the same list.
enum QuestionList {
    /// The questions in the list's order: the plan, then the extras.
    static func rows(_ state: LiveState) -> [Int] {
        let order = state.session.order
        let planned = Set(order)
        return order + state.questions.indices.filter { !planned.contains($0) && state.session.questions.indices.contains($0) }
    }

    /// What a question's row says of it.
    static func status(_ state: LiveState, _ index: Int) -> (String, Role) {
        let progress = state.session.questions[index]
        if index == state.session.current, !state.session.wrappingUp { return ("● on screen", .rating) }
        if progress.skipped { return ("skipped" + (progress.skipReason.map { ": " + $0 } ?? ""), .dim) }
        guard state.session.isAsked(index, at: state.now) else { return (progress.visited ? "opened, not asked" : "not asked", .dim) }
        let time = Durations.clock(Durations.wholeSeconds(state.questionElapsed(index)))
        let ticks = progress.rubric.isEmpty ? "" : " · \(progress.rubric.filter { $0 }.count)/\(progress.rubric.count)"
        let rating = progress.rating.map { " · rated \($0)" } ?? " · not rated"
        return ("asked \(time)\(ticks)\(rating)", .body)
    }

    static func draw(_ state: LiveState, selection: Int, typed: String, into canvas: inout Canvas, box: BoxChars) {
        let rows = rows(state)
        let width = min(canvas.width - 4, 110)
        let statusWidth = 32
        let promptWidth = max(10, width - 4 - 5 - statusWidth)
        var lines: [StyledLine] = []
        var selectedLine = 0
        let planned = state.session.order.count
        for (row, index) in rows.enumerated() {
            if row == planned, row > 0 { lines += [StyledLine(), StyledLine(glyphs: Wrap.glyphs("Extra: the bank's other questions", Style(.title)))] }
            let question = state.questions[index]
            let number = String(row + 1).padded(toLength: 4)
            var prompt = question.prompt
            if !question.tags.isEmpty { prompt += " · " + question.tags.joined(separator: ", ") }
            // At a word, with `…`; in the middle of one only when the first word alone is too long.
            let fitted = Words.fit(prompt, width: promptWidth)
            let cut = fitted.isEmpty ? String(prompt.prefix(promptWidth - 1)) + "…" : fitted
            let (status, role) = status(state, index)
            let selected = row == selection
            if selected { selectedLine = lines.count }
            let base = Style(selected ? .titleFocused : .body)
            lines.append(StyledLine(glyphs: Wrap.glyphs((selected ? "▶ " : "  ") + number, Style(.statusKey))
                + Wrap.glyphs(cut.padded(toLength: promptWidth + 1), base)
                + Wrap.glyphs(status, Style(selected ? .titleFocused : role)), click: .listRow(row)))
        }
        let title = "Questions · number or ↑↓, Enter goes · Esc closes" + (typed.isEmpty ? "" : " · typed \(typed)")
        var pane = Overlays.centredPane(lines, title: title, size: Size(width: canvas.width, height: canvas.height))
        pane.scroll = max(0, min(selectedLine - pane.visibleLines / 2, pane.maxScroll))
        pane.draw(into: &canvas, box: box)
    }

    /// The line a question of one's own is written in (`+`).
    static func drawAddQuestion(_ text: String, into canvas: inout Canvas, box: BoxChars) -> Point? {
        let width = min(canvas.width - 6, 90)
        let shown = text.count > width - 6 ? "…" + String(text.suffix(width - 7)) : text
        let lines = Wrap.hanging(Wrap.glyphs("Your question, asked after this one (Enter adds it, Esc gives it up):", Style(.help)),
                                 prefix: [], width: width)
            + [StyledLine(), StyledLine(glyphs: Wrap.glyphs("> " + shown, Style(.strong)))]
        let pane = Overlays.centredPane(lines, title: "A question of your own", size: Size(width: canvas.width, height: canvas.height))
        pane.draw(into: &canvas, box: box)
        guard pane.rect.height >= lines.count + 2 else { return nil }
        return Point(x: min(pane.rect.maxX - 2, pane.rect.x + 4 + DisplayWidth.of(shown)), y: pane.rect.y + lines.count)
    }
}
