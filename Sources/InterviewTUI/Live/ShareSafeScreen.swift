import InterviewCore

/// Share-safe: only what the candidate may see. It draws from the prompt, the question
/// number and the clocks alone; nothing else of the state reaches this code.
enum ShareSafeScreen {
    static func draw(_ state: LiveState, into canvas: inout Canvas, box: BoxChars) {
        let w = canvas.width
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), Style(.banner))
        // In wrap-up the question stays on screen; a mark that means nothing to the
        // candidate tells the interviewer where they are.
        let mark = state.session.wrappingUp ? "◆ " : ""
        // The longest that fits: a narrow screen still says what is hidden, and the way back.
        let banner = [" SHARE-SAFE: answer key, rubric and notes hidden · Esc s shows them again ", " SHARE-SAFE: answer key, rubric and notes hidden · Esc s ",
                      " SHARE-SAFE · Esc s "].map { $0 + mark }.first { DisplayWidth.of($0) <= w } ?? " SHARE-SAFE "
        canvas.put(banner, x: max(0, (w - DisplayWidth.of(banner)) / 2), y: 0, style: Style(.banner))
        let rect = Rect(x: 0, y: 1, width: w, height: canvas.height - 2)
        let view = CandidateView(questions: state.questions, durationSeconds: state.engine.durationSeconds,
                                 state: state.session, at: state.now)
        var pane = Pane(rect: rect, title: "Question \(view.number)",
                        lines: Wrap.hanging(limit: rect.height, prefix: [], width: rect.width - 4) {
                            Wrap.glyphs(view.prompt.prefix($0), Style(.strong))
                        })
        pane.lines.insert(StyledLine(), at: 0)
        pane.draw(into: &canvas, box: box)
    }
}
