#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the interviewer can do to a session. Each becomes zero or more events.
public enum SessionAction: Hashable, Sendable {
    case open(Int)
    case next
    case previous
    case toggleRubric(Int)
    case rate(Int)
    case togglePause
    case setShareSafe(Bool)
    case wrapUp
    case recommend(Int)
    case setNotes([NoteLine])
    case setClosingNotes([NoteLine])
    case end
    case interrupt
    case reopen
    /// Opens an ended interview again, to amend it.
    case reopenEnded
    /// `m`, `x`: the current question counts as asked, or as skipped (each toggles).
    case markAsked
    case skip(reason: String?)
    /// `+`: a question of the interviewer's own, after the current one.
    case addQuestion(String)
    /// `f` and a digit: follow-up N of the current question was asked (toggles).
    case toggleFollowUp(Int)
    /// Takes back the last change (a tick, a rating, a recommendation, share-safe, wrap-up, a question move).
    case undo
    /// Does again what the last undo took back, until another change is made.
    case redo
}

/// The session engine: reduces actions into events, and events into state. Time is
/// given by the caller, so tests drive it with a manual clock.
public struct SessionEngine: Hashable, Sendable {
    public private(set) var file: SessionFile
    public private(set) var state: SessionState
    public private(set) var questions: [Question]

    /// A new session on `bank`, started at time 0: `plan` chooses questions (indices, in
    /// order), nil asks the whole bank.
    public init(bank: Bank, id: String, mode: SessionMode = .live, candidate: String, interviewer: String,
                startedAt: Date, durationSeconds: Int? = nil, plan: [Int]? = nil, candidateClock: String? = nil) {
        questions = bank.questions
        file = SessionFile(
            format: SessionFile.format, version: SessionFile.currentVersion, id: id, mode: mode, status: .inProgress,
            candidate: candidate, interviewer: interviewer, startedAt: ISO8601.string(startedAt), endedAt: nil,
            bank: .init(title: bank.title, source: bank.source, hash: bank.hash,
                        durationSeconds: durationSeconds ?? bank.durationSeconds),
            questions: bank.questions.map { question in
                SessionFile.QuestionRecord(
                    id: question.id, prompt: question.prompt, timeSeconds: question.timeSeconds, tags: question.tags,
                    whyAsk: question.whyAsk.markdown, expectedAnswer: question.expectedAnswer.markdown,
                    howToEvaluate: question.howToEvaluate.markdown,
                    rubric: question.rubric.map { .init(text: $0, checked: false) },
                    elapsedSeconds: 0, notes: [], rating: nil, amendedAfterEnd: nil,
                    competencies: question.competencies.isEmpty ? nil : question.competencies,
                    followUps: question.followUps.isEmpty ? nil : question.followUps,
                    anchors: question.anchors.isEmpty ? nil : question.anchors)
            },
            recommendation: nil, closingNotes: [], clockSeconds: 0, totalSeconds: 0, amendedAt: nil, overallAmended: nil,
            events: EventLog())
        file.plan = plan
        file.candidateClock = candidateClock
        state = file.initialState
        record(SessionEvent(at: 0, type: .started))
    }

    /// A saved session, to go on with (resume) or to look at.
    public init(file: SessionFile) {
        self.file = file
        questions = file.bankQuestions
        state = file.finalState
    }

    /// A saved session shown as it was at some moment (replay): `state` is given,
    /// not folded again, and nothing is ever performed on it.
    public init(file: SessionFile, questions: [Question], showing state: SessionState) {
        self.file = file
        self.questions = questions
        self.state = state
    }

    public var durationSeconds: Int { file.bank.durationSeconds }

    /// Applies an action at time `t` (seconds on the session's monotonic clock).
    /// Returns whether anything changed.
    @discardableResult
    public mutating func perform(_ action: SessionAction, at t: Double) -> Bool {
        let count = file.events.count
        for event in events(for: action, at: t) { record(event) }
        return file.events.count != count
    }

    private func events(for action: SessionAction, at t: Double) -> [SessionEvent] {
        let s = state
        let open = s.status == .inProgress
        switch action {
        case .open(let q):
            guard open, questions.indices.contains(q), q != s.current || s.wrappingUp else { return [] }
            return [SessionEvent(at: t, type: .questionOpened, question: q)]
        case .next:
            guard open, !s.wrappingUp else { return [] }
            // Along the plan; from an extra, on to the first planned question not yet opened.
            let next = s.order.firstIndex(of: s.current).map { $0 + 1 < s.order.count ? s.order[$0 + 1] : nil }
                ?? s.order.first { !s.questions[$0].visited }
            return next.map { [SessionEvent(at: t, type: .questionOpened, question: $0)] } ?? [SessionEvent(at: t, type: .wrapUp)]
        case .previous:
            guard open else { return [] }
            if s.wrappingUp { return [SessionEvent(at: t, type: .questionOpened, question: s.current)] }
            let previous = s.order.firstIndex(of: s.current).map { $0 > 0 ? s.order[$0 - 1] : nil }
                ?? s.order.last { s.questions[$0].visited }
            return previous.map { [SessionEvent(at: t, type: .questionOpened, question: $0)] } ?? []
        case .toggleRubric(let item):
            guard open, !s.wrappingUp, s.questions[s.current].rubric.indices.contains(item) else { return [] }
            return [SessionEvent(at: t, type: .rubricToggled, question: s.current, item: item)]
        case .rate(let rating):
            guard open, !s.wrappingUp, (0...4).contains(rating), s.questions[s.current].rating != (rating == 0 ? nil : rating) else { return [] }
            return [SessionEvent(at: t, type: .rated, question: s.current, rating: rating)]
        case .togglePause:
            guard open else { return [] }
            return [SessionEvent(at: t, type: s.paused ? .resumed : .paused)]
        case .setShareSafe(let on):
            guard on != s.shareSafe else { return [] }
            return [SessionEvent(at: t, type: .shareSafe, on: on)]
        case .wrapUp:
            guard open, !s.wrappingUp else { return [] }
            return [SessionEvent(at: t, type: .wrapUp)]
        case .recommend(let rating):
            guard open, (0...4).contains(rating) || rating == Rating.noDecision, s.recommendation != (rating == 0 ? nil : rating)
            else { return [] }
            return [SessionEvent(at: t, type: .recommended, rating: rating)]
        case .setNotes(let lines):
            guard open else { return [] }
            return SessionEvent.notesEdit(at: t, type: .notesEdited, question: s.current,
                                          from: s.questions[s.current].notes, to: lines).map { [$0] } ?? []
        case .setClosingNotes(let lines):
            guard open else { return [] }
            return SessionEvent.notesEdit(at: t, type: .closingNotesEdited, question: nil,
                                          from: s.closingNotes, to: lines).map { [$0] } ?? []
        case .end:
            guard s.status != .completed else { return [] }
            return [SessionEvent(at: t, type: .ended)]
        case .interrupt:
            guard open else { return [] }
            return [SessionEvent(at: t, type: .interrupted)]
        case .reopen:
            guard s.status == .interrupted else { return [] }
            return [SessionEvent(at: max(t, s.clock), type: .reopened)]
        case .reopenEnded:
            guard s.status == .completed else { return [] }
            return [SessionEvent(at: max(t, s.clock), type: .reopenedAfterEnd)]
        case .markAsked:
            guard open, !s.wrappingUp else { return [] }
            return [SessionEvent(at: t, type: .markedAsked, question: s.current, on: !s.questions[s.current].markedAsked)]
        case .skip(let reason):
            guard open, !s.wrappingUp else { return [] }
            let on = !s.questions[s.current].skipped
            return [SessionEvent(at: t, type: .skipped, question: s.current, on: on, text: on ? reason : nil)]
        case .addQuestion(let prompt):
            let text = prompt.trimmed
            guard open, !text.isEmpty else { return [] }
            return [SessionEvent(at: t, type: .questionAdded, question: s.questions.count, text: text),
                    SessionEvent(at: t, type: .questionOpened, question: s.questions.count)]
        case .toggleFollowUp(let item):
            guard open, !s.wrappingUp, questions[s.current].followUps.indices.contains(item) else { return [] }
            return [SessionEvent(at: t, type: .followUpAsked, question: s.current, item: item,
                                 on: !s.questions[s.current].followUpsAsked.contains(item))]
        case .undo:
            guard open, var inverse = s.undoable.last else { return [] }
            inverse = SessionEvent(at: t, type: inverse.type, question: inverse.question, item: inverse.item,
                                   rating: inverse.rating, on: inverse.on, undo: true)
            return [inverse]
        case .redo:
            guard open, let again = s.redoable.last else { return [] }
            return [SessionEvent(at: t, type: again.type, question: again.question, item: again.item,
                                 rating: again.rating, on: again.on, redo: true)]
        }
    }

    private mutating func record(_ event: SessionEvent) {
        file.events.append(event)
        state.apply(event)
        if event.type == .questionAdded, questions.count < state.questions.count {
            questions.append(Self.added(event.text ?? "", index: questions.count))
        }
    }

    /// A question of the interviewer's own: a prompt, its own clock and notes, a rating,
    /// no budget, no rubric.
    static func added(_ prompt: String, index: Int) -> Question {
        Question(id: "added-\(index + 1)", prompt: prompt, timeSeconds: 0, expectedAnswer: RichText())
    }

    /// The file to write at time `t`: the events, and the summary derived from them. The
    /// times are taken at `clockSeconds` as saved (to the millisecond), the moment a
    /// report computes them at from the events, so that the two never differ.
    public func snapshot(at t: Double) -> SessionFile {
        var out = file
        out.status = state.status
        out.clockSeconds = (max(t, state.clock) * 1000).rounded() / 1000
        let at = out.clockSeconds
        out.totalSeconds = Durations.wholeSeconds(state.totalElapsed(at: at))
        out.amendedAt = state.amendedFrom
        out.overallAmended = state.amendedFrom == nil ? nil : state.overallAmended
        out.recommendation = state.recommendation
        out.closingNotes = state.closingNotes
        // The interviewer's own questions, after the bank's, as their events made them.
        out.questions = out.questions.filter { $0.added != true }
        for index in out.questions.count..<min(questions.count, state.questions.count) {
            out.questions.append(SessionFile.QuestionRecord(
                id: questions[index].id, prompt: questions[index].prompt, timeSeconds: 0, tags: [], whyAsk: "", expectedAnswer: "",
                howToEvaluate: "", rubric: [], elapsedSeconds: 0, notes: [], rating: nil, added: true))
        }
        for index in out.questions.indices {
            let progress = state.questions[index]
            out.questions[index].skipped = progress.skipped ? true : nil
            out.questions[index].skipReason = progress.skipReason
            out.questions[index].markedAsked = progress.markedAsked ? true : nil
            out.questions[index].followUpsAsked = progress.followUpsAsked.isEmpty ? nil : progress.followUpsAsked.sorted()
            out.questions[index].elapsedSeconds = Durations.wholeSeconds(state.questionElapsed(index, at: at))
            out.questions[index].notes = progress.notes
            out.questions[index].rating = progress.rating
            out.questions[index].amendedAfterEnd = state.amendedFrom == nil ? nil : progress.amended
            for item in out.questions[index].rubric.indices {
                out.questions[index].rubric[item].checked = progress.rubric[item]
            }
        }
        return out
    }

    /// Records the wall-clock end of the interview, as a label (only the first call counts).
    public mutating func markEnded(now: Date) {
        if file.endedAt == nil { file.endedAt = ISO8601.string(now) }
    }
}

public enum ISO8601 {
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
