import InterviewCore

/// A session as the screens show it: the fold of its events at one moment, and what
/// it is a session of. Live mode makes it from its engine, replay from the timeline.
public struct SessionView: Hashable, Sendable {
    public var questions: [Question]
    public var state: SessionState
    public var title: String
    public var candidate: String
    public var durationSeconds: Int
    /// The session clock of this view.
    public var now: Double
    /// Which clocks a candidate's screen shows.
    public var candidateClocks: CandidateView.Clocks = .question
    /// What the evidence check says of the session, a line each (made when the quit box
    /// opens, before the interview ends: not on every frame).
    public var evidence: [String] = []

    public init(questions: [Question], state: SessionState, title: String, candidate: String, durationSeconds: Int, now: Double) {
        self.questions = questions
        self.state = state
        self.title = title
        self.candidate = candidate
        self.durationSeconds = durationSeconds
        self.now = now
    }

    public init(file: SessionFile, questions: [Question], state: SessionState, now: Double) {
        self.init(questions: questions, state: state, title: file.bank.title, candidate: file.candidate,
                  durationSeconds: file.bank.durationSeconds, now: now)
        candidateClocks = file.candidateClock.flatMap(CandidateView.Clocks.init(rawValue:)) ?? .question
    }
}

/// What a screen is drawn from: the session's view and the screen's own state. The
/// screen state's fields read through it (`display.focus`).
@dynamicMemberLookup
public struct Display: Hashable, Sendable {
    public var view: SessionView
    public var screen: ScreenState

    public init(view: SessionView, screen: ScreenState) {
        self.view = view
        self.screen = screen
    }

    public subscript<T>(dynamicMember path: KeyPath<ScreenState, T>) -> T { screen[keyPath: path] }

    public var session: SessionState { view.state }
    public var questions: [Question] { view.questions }
    public var question: Question { view.questions[min(view.state.current, view.questions.count - 1)] }
    public var now: Double { view.now }
    /// The prompt open while a command waits for its second key (`rating` after `Esc r`).
    public var prompt: String? {
        guard case .then(let first)? = screen.pending else { return nil }
        return LiveKeys.screen(for: self).binding(after: first, in: self)?.prompt
    }

    /// Whether the answer key of the question on screen may be shown.
    public var answerKeyShown: Bool { !screen.practice || screen.revealed.contains(session.current) }

    public func questionElapsed(_ index: Int? = nil) -> Double {
        session.questionElapsed(index ?? session.current, at: now)
    }
}
