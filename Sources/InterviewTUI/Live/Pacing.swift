import InterviewCore

/// How the plan stands against the clock: the time left in the interview against the
/// budgets of the planned questions not yet asked, plus what is left of the current
/// one's. Said in words (`behind 04:30`, `on time`), amber from 2 minutes behind, red
/// from 5. Under a minute behind is on time: a plan that fills the interview exactly is
/// seconds behind from its first question on, and a clock of seconds there only worries.
/// Interviewer-only: never on a candidate's screen.
struct Pacing {
    var text: String
    var role: Role
    var behindSeconds: Int

    static let behindAfter = 60, amberAfter = 120, redAfter = 300

    static func make(_ state: LiveState) -> Pacing? {
        guard state.engine.durationSeconds > 0, state.session.status == .inProgress else { return nil }
        let session = state.session
        let left = state.engine.durationSeconds - Durations.wholeSeconds(session.totalElapsed(at: state.now))
        var need = 0
        for index in session.order where index != session.current || session.wrappingUp {
            guard !session.isAsked(index, at: state.now), !session.questions[index].skipped else { continue }
            need += state.questions[index].timeSeconds
        }
        if !session.wrappingUp, session.order.contains(session.current) {
            need += max(0, state.question.timeSeconds - Durations.wholeSeconds(state.questionElapsed()))
        }
        let behind = need - max(0, left)
        guard behind >= behindAfter else { return Pacing(text: "on time", role: .clockOK, behindSeconds: 0) }
        let role: Role = behind >= redAfter ? .clockOver : behind >= amberAfter ? .clockWarn : .clockOK
        return Pacing(text: "behind " + Durations.clock(behind), role: role, behindSeconds: behind)
    }
}
