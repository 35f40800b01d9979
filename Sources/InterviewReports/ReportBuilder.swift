#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Builds the report model from a session: from its events (the fold), or from the
/// summary saved beside them (`stats`), the same report either way.
extension SessionReport {
    /// What a session gathered on one question, by its index in the session file.
    struct Gathered {
        var rubric: [SessionFile.RubricItem]
        var rating: Int?
        var notes: [NoteLine]
        var elapsed: Double
        var amended: Bool
        var markedAsked: Bool
        var skipped: Bool
        var skipReason: String?
        var followUpsAsked: Set<Int>
    }

    /// The report of a session file, from its events: ticks, notes, ratings,
    /// recommendation and closing notes from `finalState`, times from the question clocks
    /// at `clockSeconds`, prompts, budgets and rubric texts from the file's copy of each question.
    public init(_ session: SessionFile, file: String) {
        let state = session.finalState
        let at = session.clockSeconds
        let gathered = session.questions.indices.map { index -> Gathered in
            let record = session.questions[index]
            let progress = state.questions.indices.contains(index) ? state.questions[index] : nil
            let rubric = record.rubric.indices.map { item in
                SessionFile.RubricItem(text: record.rubric[item].text,
                                       checked: progress.map { $0.rubric.indices.contains(item) && $0.rubric[item] } ?? false)
            }
            return Gathered(rubric: rubric, rating: progress?.rating, notes: progress?.notes ?? [],
                            elapsed: progress == nil ? 0 : state.questionElapsed(index, at: at), amended: progress?.amended ?? false,
                            markedAsked: progress?.markedAsked ?? false, skipped: progress?.skipped ?? false,
                            skipReason: progress?.skipReason, followUpsAsked: progress?.followUpsAsked ?? [])
        }
        let events = Array(session.events)
        self.init(file: file, header: Header(session), records: session.questions, gathered: gathered, state: state,
                  totalSeconds: Durations.wholeSeconds(state.totalElapsed(at: at)), closingNotes: state.closingNotes,
                  events: events, clock: ClockTimes(startedAt: session.startedAt, events: events))
        evidence = EvidenceCheck.warnings(self)
    }

    /// The same report from the summary the engine derives from the events at
    /// `clockSeconds` on every save; nil for a file written before the summary carried the
    /// total time, whose report needs the events. The order of the questions and the times
    /// of the notes, and the clocks, come from a fold of the events as the summary reads them.
    ///
    /// `detail: .statsFacts` leaves out what `stats` keeps none of (`StatsSession`): the
    /// evidence check (the notes' words: half of its reading time), the wall-clock times of
    /// the notes and of the timeline (a date formatted per note, a fifth of what was left).
    init?(_ summary: SessionSummary, file: String, detail: Detail = .whole) {
        guard summary.totalSeconds != nil else { return nil }
        let events = summary.events.map(\.event)
        let state = SessionState.fold(rubricCounts: summary.questions.filter { $0.added != true }.map(\.rubric.count),
                                      plan: summary.plan, events: events)
        // The clocks from the fold too, so that a summary saved under another rounding rule
        // reads as its events do.
        let at = summary.clockSeconds
        let totalSeconds = Durations.wholeSeconds(state.totalElapsed(at: at))
        let gathered = summary.questions.enumerated().map { index, record in
            Gathered(rubric: record.rubric, rating: record.rating, notes: record.notes,
                     elapsed: state.questions.indices.contains(index) ? state.questionElapsed(index, at: at) : 0,
                     amended: record.amendedAfterEnd ?? false, markedAsked: record.markedAsked ?? false,
                     skipped: record.skipped ?? false, skipReason: record.skipReason,
                     followUpsAsked: Set(record.followUpsAsked ?? []))
        }
        var header = Header(summary)
        header.recommendation = summary.recommendation
        self.init(file: file, header: header, records: summary.questions, gathered: gathered, state: state,
                  totalSeconds: totalSeconds, closingNotes: summary.closingNotes, events: events,
                  clock: detail == .whole ? ClockTimes(startedAt: summary.startedAt, events: events) : nil)
        if detail == .whole { evidence = EvidenceCheck.warnings(self) }
    }

    /// How much of the report a summary's is built with.
    enum Detail {
        case whole
        /// What `StatsSession` keeps of it.
        case statsFacts
    }

    /// The session's header, as both the file and its summary give it.
    struct Header {
        var id, candidate, interviewer, startedAt: String
        var endedAt: String?
        var bank: BankInfo
        var mode: SessionMode
        var recommendation: Int?
        var panel: SessionFile.Panel?

        init(_ s: SessionFile) {
            (id, candidate, interviewer, startedAt, endedAt, bank, mode) = (s.id, s.candidate, s.interviewer, s.startedAt, s.endedAt, s.bank, s.mode)
            recommendation = nil
            panel = s.panel
        }

        init(_ s: SessionSummary) {
            (id, candidate, interviewer, startedAt, endedAt, bank, mode) = (s.id, s.candidate, s.interviewer, s.startedAt, s.endedAt, s.bank, s.mode)
            recommendation = s.recommendation
            panel = s.panel
        }
    }

    private init(file: String, header: Header, records: [SessionFile.QuestionRecord], gathered: [Gathered], state: SessionState,
                 totalSeconds: Int, closingNotes: [NoteLine], events: [SessionEvent], clock: ClockTimes?) {
        let numbers = Self.numbers(state: state, count: records.count)
        let ratedAt = Self.firstRatings(events)
        func notes(_ lines: [NoteLine], times: [Double]) -> [Note] {
            lines.indices.map { i in
                let t = times.count == lines.count ? times[i] : nil
                return Note(at: lines[i].at, text: lines[i].text, interviewSeconds: t, clockTime: t.flatMap { clock?.label(at: $0) })
            }
        }
        var shown: [QuestionReport] = []
        for index in Self.shownOrder(state: state, count: records.count, gathered: gathered) {
            let record = records[index], g = gathered[index]
            let elapsed = Durations.wholeSeconds(g.elapsed)
            let times = state.questions.indices.contains(index) ? state.questions[index].noteTimes : []
            let gatheredAny = !g.notes.isEmpty || g.rubric.contains(where: \.checked) || g.rating != nil
            shown.append(QuestionReport(
                number: numbers[index] ?? 0, bankNumber: record.added == true ? nil : index + 1, id: record.id, prompt: record.prompt,
                planned: record.added == true || state.order.contains(index), budgetSeconds: record.timeSeconds,
                elapsedSeconds: elapsed, overBudget: Durations.isOver(elapsed, budget: record.timeSeconds),
                asked: QuestionProgress.isAsked(markedAsked: g.markedAsked, skipped: g.skipped, gathered: gatheredAny, elapsed: g.elapsed),
                skipped: g.skipped, skipReason: g.skipReason, added: record.added == true,
                followUps: (record.followUps ?? []).enumerated().map { FollowUp(text: $1, asked: g.followUpsAsked.contains($0)) },
                competencies: record.competencies ?? [], tags: record.tags, rating: g.rating,
                ratedAt: g.rating == nil ? nil : ratedAt[index], rubric: g.rubric, notes: notes(g.notes, times: times),
                amendedAfterEnd: g.amended))
        }
        let competencies = Self.competencies(shown)
        self.init(file: file, id: header.id, candidate: header.candidate, interviewer: header.interviewer,
                  startedAt: header.startedAt, endedAt: header.endedAt, bank: header.bank, mode: header.mode, status: state.status,
                  recommendation: header.recommendation ?? state.recommendation,
                  closingNotes: notes(closingNotes, times: state.closingNoteTimes), totalSeconds: totalSeconds, questions: shown,
                  notInPlan: records.count - shown.count,
                  timeline: clock.map { clock in
                      TimelineEntry.timeline(events, clock: clock) { numbers.indices.contains($0) ? numbers[$0] : nil }
                  } ?? [],
                  amendedAt: state.amendedFrom, amendingSeconds: Durations.wholeSeconds(state.amendingSeconds),
                  overallAmended: state.overallAmended, competencies: competencies,
                  uncoveredCompetencies: Self.uncovered(records.map { $0.competencies ?? [] }, covered: competencies), evidence: [],
                  panel: header.panel)
    }

    /// The questions a report lists: those opened, in the order first opened, then the
    /// planned ones never reached, in the plan's order; and any other that gathered something.
    static func shownOrder(state: SessionState, count: Int, gathered: [Gathered]) -> [Int] {
        var out = state.visitOrder.filter { $0 < count }
        for index in state.order where index < count && !out.contains(index) { out.append(index) }
        for index in 0..<count where !out.contains(index) {
            let g = gathered[index]
            if g.skipped || g.markedAsked || g.rating != nil || !g.notes.isEmpty || g.rubric.contains(where: \.checked) { out.append(index) }
        }
        return out
    }

    /// Each question's number in the interview: its place in the plan, from 1; an extra
    /// opened from outside the plan after them, in the order opened.
    static func numbers(state: SessionState, count: Int) -> [Int?] {
        var numbers = [Int?](repeating: nil, count: count)
        for (place, index) in state.order.enumerated() where index < count { numbers[index] = place + 1 }
        var next = state.order.count
        for index in state.visitOrder where index < count && numbers[index] == nil {
            next += 1
            numbers[index] = next
        }
        for index in 0..<count where numbers[index] == nil {
            next += 1
            numbers[index] = next
        }
        return numbers
    }

    /// The session time of each question's first rating.
    static func firstRatings(_ events: [SessionEvent]) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for event in events where event.type == .rated && (event.rating ?? 0) != 0 {
            if let q = event.question, out[q] == nil { out[q] = event.at }
        }
        return out
    }

    /// Every competency an asked question names, in the order they first appear.
    static func competencies(_ questions: [QuestionReport]) -> [Competency] {
        var names: [String] = []
        for q in questions where q.asked { for name in q.competencies where !names.contains(name) { names.append(name) } }
        return names.map { name in
            let behind = questions.filter { $0.asked && $0.competencies.contains(name) }
            let ratings = behind.compactMap(\.rating)
            return Competency(name: name, questions: behind.map(\.number),
                              averageRating: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count))
        }
    }

    /// Competencies of the session's questions (all of them: the bank's too) that no asked question covered.
    static func uncovered(_ all: [[String]], covered: [Competency]) -> [String] {
        let names = Set(covered.map(\.name))
        var out: [String] = []
        for list in all { for name in list where !names.contains(name) && !out.contains(name) { out.append(name) } }
        return out
    }
}
