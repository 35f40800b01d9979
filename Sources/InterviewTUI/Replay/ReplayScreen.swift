import InterviewCore

/// The live screen as it was at the replay's position, above a timeline: elapsed and
/// total, a mark per question change (┃) and per note (·), and where we are (●).
public enum ReplayScreen {
    public static func render(_ state: ReplayState) -> Canvas {
        let size = state.screen.size
        var canvas = Canvas(width: size.width, height: size.height + ReplayState.timelineRows)
        canvas.draw(LiveScreen.render(state.screen), x: 0, y: 0)
        guard LiveLayout.fits(size) else { return canvas }
        drawTimeline(state, into: &canvas, y: size.height)
        return canvas
    }

    static func drawTimeline(_ state: ReplayState, into canvas: inout Canvas, y: Int) {
        let timeline = state.timeline
        let w = canvas.width
        canvas.fill(Rect(x: 0, y: y, width: w, height: ReplayState.timelineRows), Style(.status))
        let head = " \(state.playing ? "▶" : "⏸") \(Durations.clock(Durations.wholeSeconds(state.position)))/\(Durations.clock(Durations.wholeSeconds(timeline.end))) \(Int(state.speed))x "
        let start = canvas.put(head, x: 0, y: y, style: Style(.statusKey))
        let width = max(1, w - start - 2)
        var bar = Array(repeating: "─", count: width)
        func column(_ t: Double) -> Int {
            timeline.end > 0 ? min(width - 1, Int(t / timeline.end * Double(width - 1))) : 0
        }
        for event in timeline.events where Timeline.isNote(event) { bar[column(event.at)] = "·" }
        for event in timeline.events where Timeline.isQuestionChange(event) { bar[column(event.at)] = "┃" }
        let here = column(state.position)
        for (index, mark) in bar.enumerated() {
            canvas.put(index == here ? "●" : mark, x: start + 1 + index, y: y, style: Style(index == here ? .statusKey : .timeline))
        }
        StatusBar.hints(ReplayKeys.table.hints(in: state).map { ($0.keys, $0.label) }, x: 1, y: y + 1, into: &canvas)
    }
}
