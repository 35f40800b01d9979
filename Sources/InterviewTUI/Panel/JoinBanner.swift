import InterviewCore

/// The panel member's line on the top border: whom they follow, or where the lead is
/// while they look elsewhere, and plainly when the lead's file has stopped changing or
/// the lead has ended. Never anything the lead recorded.
enum JoinBanner {
    static func draw(_ state: JoinState, into canvas: inout Canvas) {
        guard LiveLayout.fits(state.live.size), state.live.overlay == nil else { return }
        let (text, role) = line(state)
        let shown = " " + Words.fit(text, width: max(0, canvas.width - 6)) + " "
        canvas.put(shown, x: max(2, canvas.width - 2 - DisplayWidth.of(shown)), y: 0, style: Style(role))
    }

    static func line(_ state: JoinState) -> (String, Role) {
        let name = state.leadName.trimmed.isEmpty ? "the lead" : state.leadName
        guard let lead = state.lead.position else {
            if case .waiting(let text) = state.lead { return ("⚠ " + text, .warning) }
            return ("", .status)
        }
        switch lead.status {
        case .completed: return ("■ \(name) ended the interview: Esc q y submits your scores", .warning)
        case .interrupted: return ("⏸ \(name) left the interview for later", .warning)
        case .inProgress: break
        }
        if !lead.running {
            return ("⚠ \(name)'s session file has not changed for \(Durations.clock(lead.quietSeconds)): their program is not running, "
                    + "or the sync is behind", .warning)
        }
        let place = lead.wrappingUp ? "in wrap-up" : "on \(number(lead.current, state))"
        if state.following { return ("◆ following \(name), \(place)", .title) }
        return ("\(name) is \(place) · \(JoinKeys.backLabel) back to it", .warning)
    }

    /// A question as the member's screen numbers it: its place in the plan, else the bank's.
    static func number(_ index: Int, _ state: JoinState) -> String {
        if let n = state.live.session.planNumber(index) { return "question \(n)" }
        guard state.live.session.questions.indices.contains(index) else { return "a question of their own" }
        return "bank question \(index + 1)"
    }
}
