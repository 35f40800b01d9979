import InterviewCore

/// Wrap-up: the overall recommendation, closing notes, and a table of every question
/// with its time against budget, rubric items ticked and rating.
enum WrapUpScreen {
    static func draw(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        let (panes, cursor) = self.panes(state)
        LiveScreen.draw(panes, into: &canvas, box: box)
        canvas.cursor = cursor
    }

    static func panes(_ state: LiveState) -> ([PaneID?: Pane], Point?) {
        let w = state.size.width
        let h = state.size.height
        let recommendation = state.session.recommendation
        // The keys in full where they fit, in short on a narrow screen rather than cut off.
        let keys = ["type closing notes · Esc r recommend · Esc e end · Esc p back to the questions",
                    "Esc r recommend · Esc e end · Esc p back", "Esc r · Esc e end · Esc p back"]
            .first { DisplayWidth.of($0) <= w - 4 } ?? "Esc e end"
        let header = [
            StyledLine(glyphs: Wrap.glyphs(state.mode == .practice ? "Overall, how did it go: " : "Overall recommendation: ", Style(.body))
                + Wrap.glyphs(recommendation.map { $0 == Rating.noDecision ? "no decision" : "\($0) \(Rating.label($0))" }
                              ?? "none yet (Esc r then 1–4, or d)",
                              Style(recommendation == nil ? .dim : .rating))),
            StyledLine(glyphs: Wrap.glyphs(keys, Style(.dim))),
        ]
        let top = Rect(x: 0, y: 0, width: w, height: 4)
        let rest = h - 1 - top.height
        // Every question of the summary first; the closing notes get the rows left (at least five).
        let summaryLines = summary(state, width: w - 4)
        let summaryHeight = max(3, min(summaryLines.count + 2, rest - 5))
        let summaryRect = Rect(x: 0, y: top.maxY, width: w, height: summaryHeight)
        let notesRect = Rect(x: 0, y: summaryRect.maxY, width: w, height: h - 1 - summaryRect.maxY)
        var panes: [PaneID?: Pane] = [:]
        let whose = state.engine.file.candidate.isEmpty ? "" : " · " + state.engine.file.candidate
        panes[nil] = Pane(rect: top, title: "Wrap-up · \(state.engine.file.bank.title)" + whose, lines: header)
        panes[.summary] = Pane(rect: summaryRect, title: "Summary", focused: state.focus == .summary,
                               lines: summaryLines, scroll: state.scroll[.summary] ?? 0)
        let (notes, cursor) = LiveScreen.notesPane(state, title: "Closing notes", rect: notesRect,
                                                   notes: state.session.closingNotes)
        panes[.notes] = notes
        return (panes, cursor)
    }

    static func summary(_ state: LiveState, width: Int) -> [StyledLine] {
        let timeWidth = 15
        let rubricWidth = 8
        let ratingWidth = 12
        let promptWidth = max(8, width - 4 - timeWidth - rubricWidth - ratingWidth)
        func cell(_ text: String, _ width: Int) -> String {
            var out = ""
            var used = 0
            for c in text {
                let w = DisplayWidth.of(c)
                if used + w > width - 2 { out += "…"; used += 1; break }
                out.append(c)
                used += w
            }
            return out + String(repeating: " ", count: max(0, width - used))
        }
        var lines = [StyledLine(glyphs: Wrap.glyphs(
            " #  " + cell("Question", promptWidth) + cell("Time/budget", timeWidth) + cell("Rubric", rubricWidth) + "Rating",
            Style(.title)))]
        // The plan's questions, and the extras that were opened; numbers are the plan's.
        let rows = QuestionList.rows(state).filter { state.session.order.contains($0) || state.session.questions[$0].visited }
        for index in rows {
            let question = state.questions[index]
            let progress = state.session.questions[index]
            let elapsed = Durations.wholeSeconds(state.questionElapsed(index))
            let clock = ClockText.make(elapsed: elapsed, budget: question.timeSeconds)
            let label = state.session.planNumber(index).map(String.init) ?? "x"
            let number = label.count < 2 ? " \(label)  " : "\(label)  "
            let asked = state.session.isAsked(index, at: state.now)
            var glyphs = Wrap.glyphs(number + cell(question.prompt, promptWidth), Style(asked ? .body : .dim))
            glyphs += Wrap.glyphs(cell(clock.text, timeWidth), Style(clock.role))
            glyphs += Wrap.glyphs(cell("\(progress.rubric.filter { $0 }.count)/\(progress.rubric.count)", rubricWidth), Style(.body))
            let rating = progress.skipped ? "skipped" : !asked ? "not asked" : progress.rating.map(Rating.label) ?? "–"
            glyphs += Wrap.glyphs(rating, Style(progress.rating == nil ? .dim : .rating))
            lines.append(StyledLine(glyphs: glyphs))
        }
        return lines
    }
}
