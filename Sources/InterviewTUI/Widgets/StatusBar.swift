import InterviewCore

/// The parts of a status line every screen draws alike (live, replay, the mirror): the
/// clocks against their budgets, and as many whole key hints as fit.
enum StatusBar {
    typealias Segment = (text: String, role: Role)

    /// ` Q 01:00/05:00`, ` Total 10:00/45:00` and ` ⏸ PAUSED `: the clocks given (whole
    /// seconds against their budgets), coloured by how near the budget they are.
    static func clocks(question: (elapsed: Int, budget: Int)?, total: (elapsed: Int, budget: Int)?, paused: Bool) -> [Segment] {
        var segments: [Segment] = []
        if let question {
            let clock = ClockText.make(elapsed: question.elapsed, budget: question.budget)
            segments.append((" Q " + clock.text, clock.role))
        }
        if let total {
            let clock = ClockText.make(elapsed: total.elapsed, budget: total.budget)
            segments.append((" Total " + clock.text, clock.role))
        }
        if paused { segments.append((" ⏸ PAUSED ", .warning)) }
        return segments
    }

    /// Writes the segments from `x` on row `y`; returns the column after them.
    @discardableResult
    static func put(_ segments: [Segment], x: Int, y: Int, into canvas: inout Canvas) -> Int {
        segments.reduce(x) { column, segment in canvas.put(segment.text, x: column, y: y, style: Style(segment.role)) }
    }

    /// Whole hints only, from `x` on row `y` (a key without its label would be a riddle),
    /// and the way to the help overlay, last, which lists the rest: always, but where what
    /// is left of the line (after a notice) cannot hold it whole (never half a key).
    static func hints(_ hints: [(keys: String, label: String)], x: Int, y: Int, into canvas: inout Canvas) {
        var hints = hints
        var help = hints.firstIndex { $0.label == "help" }.map { hints.remove(at: $0) }
        func width(_ hint: (keys: String, label: String)) -> Int {
            DisplayWidth.of(hint.label.isEmpty ? hint.keys : hint.keys + " " + hint.label) + 2
        }
        var reserved = help.map(width) ?? 0
        if x + reserved > canvas.width { (help, reserved) = (nil, 0) }
        var shown: [(keys: String, label: String)] = []
        var used = x
        for hint in hints {
            guard used + width(hint) + reserved <= canvas.width else { break }
            shown.append(hint)
            used += width(hint)
        }
        if let help { shown.append(help) }
        var column = x
        for (keys, label) in shown {
            column = canvas.put(keys, x: column, y: y, style: Style(.statusKey))
            column = canvas.put((label.isEmpty ? "" : " " + label) + "  ", x: column, y: y, style: Style(.status))
        }
    }
}
