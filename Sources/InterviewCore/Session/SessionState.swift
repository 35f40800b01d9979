/// What one question has gathered so far.
public struct QuestionProgress: Hashable, Sendable {
    /// Seconds the question was open with the clock running, up to `SessionState.clock`.
    public var elapsed: Double = 0
    public var notes: [NoteLine] = []
    /// For each line of `notes`, the session time it was last written at (the report's
    /// time into the interview; a line's own `at` is the question clock).
    public var noteTimes: [Double] = []
    public var rubric: [Bool]
    public var rating: Int?
    public var visited = false
    /// Changed after the interview had ended (ticks, rating, notes): an amendment.
    public var amended = false
    /// `m`: asked, whatever the clock says.
    public var markedAsked = false
    /// `x`: not reached, or no signal; never counted as a low score.
    public var skipped = false
    public var skipReason: String?
    /// The follow-ups (by index in the question's list) that were asked.
    public var followUpsAsked: Set<Int> = []
    /// A question of the interviewer's own, added during the interview (`+`): its prompt.
    public var addedPrompt: String?

    public init(rubricCount: Int) { rubric = Array(repeating: false, count: rubricCount) }

    /// Asked: marked so, or something gathered on it (a note, a tick, a rating), or on
    /// screen for `SessionState.askedAfter` seconds; never when skipped. Passing a
    /// question on the way to another does not make it asked.
    public func isAsked(elapsed: Double) -> Bool {
        Self.isAsked(markedAsked: markedAsked, skipped: skipped, gathered: !notes.isEmpty || rubric.contains(true) || rating != nil,
                     elapsed: elapsed)
    }

    /// The rule, for the fold and for a report read from the summary alike.
    public static func isAsked(markedAsked: Bool, skipped: Bool, gathered: Bool, elapsed: Double) -> Bool {
        !skipped && (markedAsked || gathered || elapsed >= SessionState.askedAfter)
    }
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
    /// For each line of `closingNotes`, the session time it was last written at.
    public var closingNoteTimes: [Double] = []
    /// Time of the last event applied.
    public var clock: Double = 0
    /// Seconds the clock ran (not paused, not interrupted), up to `clock`.
    public var activeSeconds: Double = 0
    /// What takes back each of the last changes, newest last (`u` records the last one).
    public var undoable: [SessionEvent] = []
    /// What does again each change the undos took back, the last undone last (`Esc U`);
    /// emptied by any new change.
    public var redoable: [SessionEvent] = []
    /// When an ended interview was opened again to amend it (nil if it never was).
    public var amendedFrom: Double?
    /// Seconds spent amending the ended interview (its own time): never added to the
    /// interview's clocks, which stopped when it ended.
    public var amendingSeconds: Double = 0
    /// The recommendation or the closing notes changed after the end.
    public var overallAmended = false

    /// The interview's questions in the order they are planned: the plan's, with the
    /// interviewer's own inserted where they were added. Others are extras.
    public var order: [Int]
    /// The questions in the order they were first opened: what the candidate's screens number.
    public var visitOrder: [Int] = []

    /// How many changes back `u` reaches.
    static let undoDepth = 100
    /// Seconds on screen after which a question counts as asked without a note, tick or rating.
    public static let askedAfter = 60.0

    /// The state before the first event: `plan` (question indices in order) or every
    /// question in bank order.
    public init(rubricCounts: [Int], plan: [Int]? = nil) {
        questions = rubricCounts.map { QuestionProgress(rubricCount: $0) }
        let valid = (plan ?? []).filter { rubricCounts.indices.contains($0) }
        order = valid.isEmpty ? Array(rubricCounts.indices) : valid
        current = order.first ?? 0
    }

    public static func fold<Events: Sequence>(rubricCounts: [Int], plan: [Int]? = nil, events: Events) -> SessionState
    where Events.Element == SessionEvent {
        var state = SessionState(rubricCounts: rubricCounts, plan: plan)
        for event in events { state.apply(event) }
        return state
    }

    /// Whether question `index` counts as asked at time `t`.
    public func isAsked(_ index: Int, at t: Double) -> Bool {
        questions[index].isAsked(elapsed: questionElapsed(index, at: t))
    }

    /// What a discard would lose: notes, ticks, ratings, a recommendation; nil when nothing
    /// was recorded.
    public var recorded: String? {
        let questions = self.questions
        var parts: [String] = []
        let noted = questions.filter { !$0.notes.isEmpty }.count
        if noted > 0 { parts.append("notes on \(noted) question\(noted == 1 ? "" : "s")") }
        let ticks = questions.reduce(0) { $0 + $1.rubric.filter { $0 }.count }
        if ticks > 0 { parts.append("\(ticks) tick\(ticks == 1 ? "" : "s")") }
        let ratings = questions.filter { $0.rating != nil }.count
        if ratings > 0 { parts.append("\(ratings) rating\(ratings == 1 ? "" : "s")") }
        if recommendation != nil { parts.append("the recommendation") }
        if !closingNotes.isEmpty { parts.append("the closing notes") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The position of a question in the plan, from 1; nil for an extra.
    public func planNumber(_ index: Int) -> Int? { order.firstIndex(of: index).map { $0 + 1 } }

    public var isRunning: Bool { status == .inProgress && !paused }

    /// Whether the interview's clocks run: running, and not an amendment after the end.
    var clocksRun: Bool { isRunning && amendedFrom == nil }

    /// The question clock at time `t` (at or after the last event).
    public func questionElapsed(_ index: Int, at t: Double) -> Double {
        var value = questions[index].elapsed
        if clocksRun, !wrappingUp, index == current { value += max(0, t - clock) }
        return value
    }

    public func totalElapsed(at t: Double) -> Double {
        activeSeconds + (clocksRun ? max(0, t - clock) : 0)
    }

    private mutating func advance(to t: Double) {
        let delta = max(0, t - clock)
        if clocksRun {
            activeSeconds += delta
            if !wrappingUp, questions.indices.contains(current) { questions[current].elapsed += delta }
        } else if isRunning {
            amendingSeconds += delta
        }
        clock = max(clock, t)
    }

    public mutating func apply(_ event: SessionEvent) {
        advance(to: event.at)
        let inverse = self.inverse(of: event)
        change(by: event)
        // An undo's inverse is the change it took back: that is what a redo does again.
        if event.undo == true {
            _ = undoable.popLast()
            if let inverse { redoable.append(inverse) }
        } else if let inverse {
            if event.redo == true { _ = redoable.popLast() } else { redoable.removeAll() }
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
        case .markedAsked, .skipped:
            return q.map { SessionEvent(at: 0, type: event.type, question: $0, on: !(event.on ?? true)) }
        case .followUpAsked:
            return q.map { SessionEvent(at: 0, type: .followUpAsked, question: $0, item: event.item, on: !(event.on ?? true)) }
        case .started, .notesEdited, .closingNotesEdited, .interrupted, .reopened, .reopenedAfterEnd, .ended, .questionAdded, .redacted:
            return nil
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
            if !questions.isEmpty { visit(current) }
        case .questionOpened:
            guard let q else { return }
            current = q
            wrappingUp = false
            visit(q)
        case .questionAdded:
            // Added at the end of the questions (indices stay), after the current one in the plan.
            var progress = QuestionProgress(rubricCount: 0)
            progress.addedPrompt = event.text ?? ""
            questions.append(progress)
            let at = order.firstIndex(of: current).map { $0 + 1 } ?? order.count
            order.insert(questions.count - 1, at: at)
        case .markedAsked:
            guard let q else { return }
            questions[q].markedAsked = event.on ?? true
            if questions[q].markedAsked { questions[q].skipped = false }
        case .skipped:
            guard let q else { return }
            questions[q].skipped = event.on ?? true
            questions[q].skipReason = questions[q].skipped ? event.text : nil
            if questions[q].skipped { questions[q].markedAsked = false }
        case .followUpAsked:
            guard let q, let item = event.item, item >= 0, item < 64 else { return }
            if event.on ?? true { questions[q].followUpsAsked.insert(item) } else { questions[q].followUpsAsked.remove(item) }
        case .rubricToggled:
            guard let q, let item = event.item, questions[q].rubric.indices.contains(item) else { return }
            questions[q].rubric[item].toggle()
        case .rated:
            guard let q else { return }
            questions[q].rating = Self.validRating(event.rating)
        case .notesEdited:
            guard let q else { return }
            var progress = questions[q]
            Self.splice(&progress.notes, times: &progress.noteTimes, event)
            questions[q] = progress
        case .closingNotesEdited:
            Self.splice(&closingNotes, times: &closingNoteTimes, event)
        case .paused: paused = true
        case .resumed: paused = false
        case .shareSafe: shareSafe = event.on ?? !shareSafe
        case .wrapUp: wrappingUp = true
        case .recommended:
            recommendation = event.rating == Rating.noDecision ? Rating.noDecision : Self.validRating(event.rating)
        case .interrupted: status = .interrupted
        case .reopened: status = .inProgress
        case .reopenedAfterEnd:
            status = .inProgress
            if amendedFrom == nil { amendedFrom = event.at }
        case .ended: status = .completed
        case .redacted: break
        }
    }

    private mutating func visit(_ index: Int) {
        guard questions.indices.contains(index) else { return }
        if !questions[index].visited { visitOrder.append(index) }
        questions[index].visited = true
    }

    private static func validRating(_ rating: Int?) -> Int? {
        guard let rating, (1...4).contains(rating) else { return nil }
        return rating
    }

    private static func splice(_ notes: inout [NoteLine], times: inout [Double], _ event: SessionEvent) {
        let from = min(max(0, event.from ?? notes.count), notes.count)
        let removed = min(max(0, event.removed ?? 0), notes.count - from)
        let lines = event.lines ?? []
        notes.replaceSubrange(from..<(from + removed), with: lines)
        times.replaceSubrange(from..<(from + removed), with: Array(repeating: event.at, count: lines.count))
    }
}
