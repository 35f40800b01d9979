import Foundation

/// What a report says about one session, built from its events (the fold), not from the
/// summary saved beside them: ticks, notes, ratings, recommendation and closing notes
/// come from `SessionFile.finalState`, times from the question clocks at `clockSeconds`,
/// and the prompt, budget and rubric texts from the copy of each question in the file.
///
/// It is also the JSON report's schema (docs/reports.md): every key is always present,
/// with `null` for a missing value, so tools need no special cases.
public struct SessionReport: Hashable, Sendable, Encodable {
    /// The bank as the session file names it.
    public typealias BankInfo = SessionFile.BankInfo

    public struct FollowUp: Hashable, Sendable, Encodable {
        public var text: String
        public var asked: Bool
    }

    public struct QuestionReport: Hashable, Sendable, Encodable {
        /// 1-based position in the session.
        public var number: Int
        public var id: String
        public var prompt: String
        public var budgetSeconds: Int
        public var elapsedSeconds: Int
        public var overBudget: Bool
        /// Asked: marked so (`m`), or a note, tick or rating on it, or a minute on screen;
        /// never when skipped. A question passed on the way to another is not asked, and
        /// neither an unasked nor a skipped question counts as a low score.
        public var asked: Bool
        /// `x`: not reached, or no signal; and why, when the interviewer said.
        public var skipped: Bool
        public var skipReason: String?
        /// A question of the interviewer's own, added during the interview.
        public var added: Bool
        /// The question's follow-ups, each with whether it was asked.
        public var followUps: [FollowUp]
        public var competencies: [String]
        public var rating: Int?
        public var rubric: [SessionFile.RubricItem]
        public var notes: [NoteLine]
        /// Its ticks, rating or notes changed after the interview had ended.
        public var amendedAfterEnd: Bool

        public var checkedCount: Int { rubric.filter(\.checked).count }

        /// The question as asked in the session (prompt, budget), with what it gathered.
        init(number: Int, _ record: SessionFile.QuestionRecord, elapsedSeconds: Int, rating: Int?,
             rubric: [SessionFile.RubricItem], notes: [NoteLine], amendedAfterEnd: Bool, exactElapsed: Double,
             markedAsked: Bool, skipped: Bool, skipReason: String?, followUpsAsked: Set<Int>) {
            self.number = number
            id = record.id
            prompt = record.prompt
            budgetSeconds = record.timeSeconds
            self.elapsedSeconds = elapsedSeconds
            overBudget = Durations.isOver(elapsedSeconds, budget: record.timeSeconds)
            asked = QuestionProgress.isAsked(markedAsked: markedAsked, skipped: skipped,
                                             gathered: !notes.isEmpty || rubric.contains(where: \.checked) || rating != nil,
                                             elapsed: exactElapsed)
            self.skipped = skipped
            self.skipReason = skipReason
            added = record.added == true
            followUps = (record.followUps ?? []).enumerated().map { FollowUp(text: $1, asked: followUpsAsked.contains($0)) }
            competencies = record.competencies ?? []
            self.rating = rating
            self.rubric = rubric
            self.notes = notes
            self.amendedAfterEnd = amendedAfterEnd
        }

        enum CodingKeys: String, CodingKey {
            case number, id, prompt, budgetSeconds, elapsedSeconds, overBudget, asked, skipped, skipReason, added, followUps,
                 competencies, rating, rubric, notes, amendedAfterEnd
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(id, forKey: .id)
            try c.encode(prompt, forKey: .prompt)
            try c.encode(budgetSeconds, forKey: .budgetSeconds)
            try c.encode(elapsedSeconds, forKey: .elapsedSeconds)
            try c.encode(overBudget, forKey: .overBudget)
            try c.encode(asked, forKey: .asked)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(skipReason, forKey: .skipReason)
            try c.encode(added, forKey: .added)
            try c.encode(followUps, forKey: .followUps)
            try c.encode(competencies, forKey: .competencies)
            try c.encode(rating, forKey: .rating)
            try c.encode(rubric, forKey: .rubric)
            try c.encode(notes, forKey: .notes)
            try c.encode(amendedAfterEnd, forKey: .amendedAfterEnd)
        }
    }

    /// The session file as it was named (for a report of many sessions).
    public var file: String
    public var id: String
    public var candidate: String
    public var interviewer: String
    public var startedAt: String
    public var endedAt: String?
    public var bank: BankInfo
    public var mode: SessionMode
    public var status: SessionStatus
    public var recommendation: Int?
    public var closingNotes: [NoteLine]
    /// The total clock: seconds the interview ran, pauses excluded.
    public var totalSeconds: Int
    public var questions: [QuestionReport]
    /// When the ended interview was opened again to amend it (session seconds), or nil.
    public var amendedAt: Double?
    /// The recommendation or the closing notes changed after the end.
    public var overallAmended: Bool

    public init(_ session: SessionFile, file: String) {
        let state = session.finalState
        let at = session.clockSeconds
        self.init(file: file, session.id, session.candidate, session.interviewer, session.startedAt, session.endedAt,
                  session.bank, session.mode, status: state.status, recommendation: state.recommendation,
                  closingNotes: state.closingNotes, totalSeconds: Int(state.totalElapsed(at: at).rounded()),
                  questions: session.questions.indices.map { index in
                      let record = session.questions[index]
                      let progress = state.questions.indices.contains(index) ? state.questions[index] : nil
                      let rubric = record.rubric.indices.map { item in
                          SessionFile.RubricItem(text: record.rubric[item].text,
                                                 checked: progress.map { $0.rubric.indices.contains(item) && $0.rubric[item] } ?? false)
                      }
                      return QuestionReport(number: index + 1, record,
                                            elapsedSeconds: progress == nil ? 0 : Int(state.questionElapsed(index, at: at).rounded()),
                                            rating: progress?.rating, rubric: rubric, notes: progress?.notes ?? [],
                                            amendedAfterEnd: progress?.amended ?? false,
                                            exactElapsed: progress == nil ? 0 : state.questionElapsed(index, at: at),
                                            markedAsked: progress?.markedAsked ?? false, skipped: progress?.skipped ?? false,
                                            skipReason: progress?.skipReason, followUpsAsked: progress?.followUpsAsked ?? [])
                  }, amendedAt: state.amendedFrom, overallAmended: state.overallAmended)
    }

    /// The same report from the summary saved beside the events (`SessionSummary`), which
    /// the engine derives from them at `clockSeconds` on every save; nil for a file written
    /// before the summary carried the total time, whose report needs the events.
    init?(_ summary: SessionSummary, file: String) {
        guard let totalSeconds = summary.totalSeconds else { return nil }
        self.init(file: file, summary.id, summary.candidate, summary.interviewer, summary.startedAt, summary.endedAt,
                  summary.bank, summary.mode, status: summary.status, recommendation: summary.recommendation,
                  closingNotes: summary.closingNotes, totalSeconds: totalSeconds,
                  questions: summary.questions.enumerated().map { index, record in
                      QuestionReport(number: index + 1, record, elapsedSeconds: record.elapsedSeconds,
                                     rating: record.rating, rubric: record.rubric, notes: record.notes,
                                     amendedAfterEnd: record.amendedAfterEnd ?? false, exactElapsed: Double(record.elapsedSeconds),
                                     markedAsked: record.markedAsked ?? false, skipped: record.skipped ?? false,
                                     skipReason: record.skipReason, followUpsAsked: Set(record.followUpsAsked ?? []))
                  }, amendedAt: summary.amendedAt, overallAmended: summary.overallAmended ?? false)
    }

    private init(file: String, _ id: String, _ candidate: String, _ interviewer: String, _ startedAt: String,
                 _ endedAt: String?, _ bank: BankInfo, _ mode: SessionMode, status: SessionStatus,
                 recommendation: Int?, closingNotes: [NoteLine], totalSeconds: Int, questions: [QuestionReport],
                 amendedAt: Double?, overallAmended: Bool) {
        self.file = file
        self.id = id
        self.candidate = candidate
        self.interviewer = interviewer
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.bank = bank
        self.mode = mode
        self.status = status
        self.recommendation = recommendation
        self.closingNotes = closingNotes
        self.totalSeconds = totalSeconds
        self.questions = questions
        self.amendedAt = amendedAt
        self.overallAmended = overallAmended
    }

    /// Ratings rolled up per competency: the questions asked that give evidence of it,
    /// and their mean rating (nil when none of them is rated).
    public struct Competency: Hashable, Sendable, Encodable {
        public var name: String
        public var questions: [Int]
        public var averageRating: Double?
    }

    /// Every competency an asked question names, in the order they first appear.
    public var competencies: [Competency] {
        var names: [String] = []
        for q in questions where q.asked { for name in q.competencies where !names.contains(name) { names.append(name) } }
        return names.map { name in
            let behind = questions.filter { $0.asked && $0.competencies.contains(name) }
            let ratings = behind.compactMap(\.rating)
            return Competency(name: name, questions: behind.map(\.number),
                              averageRating: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count))
        }
    }

    /// Competencies of the bank's questions that no asked question covered.
    public var uncoveredCompetencies: [String] {
        let covered = Set(competencies.map(\.name))
        var out: [String] = []
        for q in questions { for name in q.competencies where !covered.contains(name) && !out.contains(name) { out.append(name) } }
        return out
    }

    /// The mean rating of the rated questions, nil when none is rated.
    public var averageRating: Double? {
        let ratings = questions.compactMap(\.rating)
        return ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
    }

    enum CodingKeys: String, CodingKey {
        case file, id, candidate, interviewer, startedAt, endedAt, bank, mode, status, recommendation,
             closingNotes, totalSeconds, questions, amendedAt, overallAmended, competencies, uncoveredCompetencies
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(id, forKey: .id)
        try c.encode(candidate, forKey: .candidate)
        try c.encode(interviewer, forKey: .interviewer)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(endedAt, forKey: .endedAt)
        try c.encode(bank, forKey: .bank)
        try c.encode(mode, forKey: .mode)
        try c.encode(status, forKey: .status)
        try c.encode(recommendation, forKey: .recommendation)
        try c.encode(closingNotes, forKey: .closingNotes)
        try c.encode(totalSeconds, forKey: .totalSeconds)
        try c.encode(questions, forKey: .questions)
        try c.encode(amendedAt, forKey: .amendedAt)
        try c.encode(overallAmended, forKey: .overallAmended)
        try c.encode(competencies, forKey: .competencies)
        try c.encode(uncoveredCompetencies, forKey: .uncoveredCompetencies)
    }
}
