import InterviewKit

/// A clock against its budget: within it, past 80 % of it, or over it. Over budget also
/// changes the text (a `+` and the overrun), so colour never carries the meaning alone.
struct ClockText {
    var text: String
    var role: Role

    static func make(elapsed: Int, budget: Int) -> ClockText {
        let base = Durations.clock(elapsed) + "/" + Durations.clock(budget)
        if budget > 0, Durations.isOver(elapsed, budget: budget) { return ClockText(text: base + " +" + Durations.clock(elapsed - budget), role: .clockOver) }
        if budget > 0, elapsed * 10 >= budget * 8 { return ClockText(text: base, role: .clockWarn) }
        return ClockText(text: base, role: .clockOK)
    }
}
