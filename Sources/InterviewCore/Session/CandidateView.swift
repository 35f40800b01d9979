/// What a candidate may see of a session, and nothing more: the question's number,
/// its prompt and the clocks. Not even that the interviewer peeks at wrap-up: the
/// question on screen stays. There is no field here through which an answer, a note,
/// a tick or a rating could reach a screen, so the share-safe screen and the mirror,
/// which draw from this alone, cannot show them.
public struct CandidateView: Hashable, Sendable {
    /// Which clocks a candidate's screen shows (`run --candidate-clock`).
    public enum Clocks: String, CaseIterable, Hashable, Sendable {
        case none, question, both
    }

    /// The question's place in the order the questions were asked (`Question 2`), not
    /// in the bank or the plan: no total, nothing of what was skipped or is to come.
    public var number: Int
    public var prompt: String
    public var clocks: Clocks
    public var questionSeconds: Int
    public var budgetSeconds: Int
    public var totalSeconds: Int
    public var durationSeconds: Int
    public var paused: Bool
    public var status: SessionStatus

    /// The view of `state` (a session of `questions`) at session time `t`.
    public init(questions: [Question], durationSeconds: Int, state: SessionState, at t: Double, clocks: Clocks = .question) {
        let current = min(state.current, max(0, questions.count - 1))
        number = (state.visitOrder.firstIndex(of: current) ?? state.visitOrder.count) + 1
        self.clocks = clocks
        prompt = questions.isEmpty ? "" : questions[current].prompt
        questionSeconds = questions.isEmpty ? 0 : Int(state.questionElapsed(current, at: t))
        budgetSeconds = questions.isEmpty ? 0 : questions[current].timeSeconds
        totalSeconds = Int(state.totalElapsed(at: t))
        self.durationSeconds = durationSeconds
        paused = state.paused
        status = state.status
    }
}
