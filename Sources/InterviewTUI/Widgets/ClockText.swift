import InterviewCore

/// A clock against its budget: within it, past 80 % of it, or over it. Over budget also
/// changes the text (a `+` and the overrun), so colour never carries the meaning alone.
struct ClockText {
    var text: String
    var role: Role

    /// `elapsed` in whole seconds, rounded down as `Durations.wholeSeconds` rounds; the
    /// level is the reports' (`Durations.level`).
    static func make(elapsed: Int, budget: Int) -> ClockText {
        let base = Durations.clock(elapsed) + "/" + Durations.clock(budget)
        switch Durations.level(elapsed, budget: budget) {
        case .over: return ClockText(text: base + " +" + Durations.clock(elapsed - budget), role: .clockOver)
        case .near: return ClockText(text: base, role: .clockWarn)
        case .within: return ClockText(text: base, role: .clockOK)
        }
    }
}
