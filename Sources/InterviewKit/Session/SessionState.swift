/// What one question has gathered so far.
public struct QuestionProgress: Hashable, Sendable {
    /// Seconds the question was open with the clock running, up to `SessionState.clock`.
    public var elapsed: Double = 0
    public var notes: [NoteLine] = []
    public var rubric: [Bool]
    public var rating: Int?
    public var visited = false
    /// Changed after the interview had ended (ticks, rating, notes): an amendment.
    public var amended = false

    public init(rubricCount: Int) { rubric = Array(repeating: false, count: rubricCount) }
}

/// A session at one moment: a pure fold of its events. Live mode, resume and replay
/// all build it the same way, by `apply`.
public struct SessionState: Hashable, Sendable {
    public var questions: [QuestionProgress]
    public var current = 0
    public var paused = false
    public var shareSafe = false
    public var wrappingUp = false
    public var status: SessionStatus = .inProgress
    public var recommendation: Int?
    public var closingNotes: [NoteLine] = []
    /// Time of the last event applied.
    public var clock: Double = 0
    /// Seconds the clock ran (not paused, not interrupted), up to `clock`.
    public var activeSeconds: Double = 0
    /// What takes back each of the last changes, newest last (`u` records the last one).
    public var undoable: [SessionEvent] = []
    /// When an ended interview was opened again to amend it (nil if it never was).
    public var amendedFrom: Double?
    /// The recommendation or the closing notes changed after the end.
    public var overallAmended = false

    /// How many changes back `u` reaches.
    static let undoDepth = 100

    public init(rubricCounts: [Int]) {
        questions = rubricCounts.map { QuestionProgress(rubricCount: $0) }
    }

    public static func fold<Events: Sequence>(rubricCounts: [Int], events: Events) -> SessionState
    where Events.Element == SessionEvent {
        var state = SessionState(rubricCounts: rubricCounts)
        for event in events { state.apply(event) }
        return state
    }

    public var isRunning: Bool { status == .inProgress && !paused }

    /// The question clock at time `t` (at or after the last event).
    public func questionElapsed(_ index: Int, at t: Double) -> Double {
        var value = questions[index].elapsed
        if isRunning, !wrappingUp, index == current { value += max(0, t - clock) }
        return value
    }

    public func totalElapsed(at t: Double) -> Double {
        activeSeconds + (isRunning ? max(0, t - clock) : 0)
    }

    private mutating func advance(to t: Double) {
        if isRunning {
            let delta = max(0, t - clock)
            activeSeconds += delta
            if !wrappingUp, questions.indices.contains(current) { questions[current].elapsed += delta }
        }
        clock = max(clock, t)
    }

    public mutating func apply(_ event: SessionEvent) {
        advance(to: event.at)
        let inverse = self.inverse(of: event)
        change(by: event)
        if event.undo == true {
            _ = undoable.popLast()
        } else if let inverse {
            undoable.append(inverse)
            if undoable.count > Self.undoDepth { undoable.removeFirst(undoable.count - Self.undoDepth) }
        }
    }

    /// The event that takes `event` back, from the state before it; nil for what `u`
    /// does not take back (notes, which are edited; the start, the end, interruptions).
    private func inverse(of event: SessionEvent) -> SessionEvent? {
        let q = event.question.flatMap { questions.indices.contains($0) ? $0 : nil }
        switch event.type {
        case .questionOpened:
            guard q != nil else { return nil }
            return wrappingUp ? SessionEvent(at: 0, type: .wrapUp) : SessionEvent(at: 0, type: .questionOpened, question: current)
        case .wrapUp:
            return wrappingUp ? nil : SessionEvent(at: 0, type: .questionOpened, question: current)
        case .rubricToggled:
            return q == nil ? nil : SessionEvent(at: 0, type: .rubricToggled, question: q, item: event.item)
        case .rated:
            return q.map { SessionEvent(at: 0, type: .rated, question: $0, rating: questions[$0].rating ?? 0) }
        case .recommended:
            return SessionEvent(at: 0, type: .recommended, rating: recommendation ?? 0)
        case .shareSafe:
            return SessionEvent(at: 0, type: .shareSafe, on: shareSafe)
        case .paused: return paused ? nil : SessionEvent(at: 0, type: .resumed)
        case .resumed: return paused ? SessionEvent(at: 0, type: .paused) : nil
        case .started, .notesEdited, .closingNotesEdited, .interrupted, .reopened, .reopenedAfterEnd, .ended, .redacted: return nil
        }
    }

    private mutating func change(by event: SessionEvent) {
        let q = event.question.flatMap { questions.indices.contains($0) ? $0 : nil }
        if amendedFrom != nil {
            switch event.type {
            case .rubricToggled, .rated, .notesEdited: if let q { questions[q].amended = true }
            case .recommended, .closingNotesEdited: overallAmended = true
            default: break
            }
        }
        switch event.type {
        case .started:
            status = .inProgress
            if !questions.isEmpty { questions[current].visited = true }
        case .questionOpened:
            guard let q else { return }
            current = q
            wrappingUp = false
            questions[q].visited = true
        case .rubricToggled:
            guard let q, let item = event.item, questions[q].rubric.indices.contains(item) else { return }
            questions[q].rubric[item].toggle()
        case .rated:
            guard let q else { return }
            questions[q].rating = Self.validRating(event.rating)
        case .notesEdited:
            guard let q else { return }
            Self.splice(&questions[q].notes, event)
        case .closingNotesEdited:
            Self.splice(&closingNotes, event)
        case .paused: paused = true
        case .resumed: paused = false
        case .shareSafe: shareSafe = event.on ?? !shareSafe
        case .wrapUp: wrappingUp = true
        case .recommended: recommendation = Self.validRating(event.rating)
        case .interrupted: status = .interrupted
        case .reopened: status = .inProgress
        case .reopenedAfterEnd:
            status = .inProgress
            if amendedFrom == nil { amendedFrom = event.at }
        case .ended: status = .completed
        case .redacted: break
        }
    }

    private static func validRating(_ rating: Int?) -> Int? {
        guard let rating, (1...4).contains(rating) else { return nil }
        return rating
    }

    private static func splice(_ notes: inout [NoteLine], _ event: SessionEvent) {
        let from = min(max(0, event.from ?? notes.count), notes.count)
        let removed = min(max(0, event.removed ?? 0), notes.count - from)
        notes.replaceSubrange(from..<(from + removed), with: event.lines ?? [])
    }
}
