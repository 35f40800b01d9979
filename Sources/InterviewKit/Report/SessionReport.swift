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

    public struct QuestionReport: Hashable, Sendable, Encodable {
        /// 1-based position in the session.
        public var number: Int
        public var id: String
        public var prompt: String
        public var budgetSeconds: Int
        public var elapsedSeconds: Int
        public var overBudget: Bool
        /// False for a question never opened: no time, notes, ticks or rating.
        public var asked: Bool
        public var rating: Int?
        public var rubric: [SessionFile.RubricItem]
        public var notes: [NoteLine]

        public var checkedCount: Int { rubric.filter(\.checked).count }

        enum CodingKeys: String, CodingKey {
            case number, id, prompt, budgetSeconds, elapsedSeconds, overBudget, asked, rating, rubric, notes
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
            try c.encode(rating, forKey: .rating)
            try c.encode(rubric, forKey: .rubric)
            try c.encode(notes, forKey: .notes)
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

    public init(_ session: SessionFile, file: String) {
        let state = session.finalState
        let at = session.clockSeconds
        self.file = file
        id = session.id
        candidate = session.candidate
        interviewer = session.interviewer
        startedAt = session.startedAt
        endedAt = session.endedAt
        bank = session.bank
        mode = session.mode
        status = state.status
        recommendation = state.recommendation
        closingNotes = state.closingNotes
        totalSeconds = Int(state.totalElapsed(at: at).rounded())
        questions = session.questions.indices.map { index in
            let record = session.questions[index]
            let progress = state.questions.indices.contains(index) ? state.questions[index] : nil
            let elapsed = progress == nil ? 0 : Int(state.questionElapsed(index, at: at).rounded())
            let rubric = record.rubric.indices.map { item in
                SessionFile.RubricItem(text: record.rubric[item].text,
                                       checked: progress.map { $0.rubric.indices.contains(item) && $0.rubric[item] } ?? false)
            }
            let notes = progress?.notes ?? []
            let rating = progress?.rating
            let asked = elapsed > 0 || !notes.isEmpty || rubric.contains(where: \.checked) || rating != nil
            return QuestionReport(number: index + 1, id: record.id, prompt: record.prompt,
                                  budgetSeconds: record.timeSeconds, elapsedSeconds: elapsed,
                                  overBudget: elapsed > record.timeSeconds, asked: asked, rating: rating,
                                  rubric: rubric, notes: notes)
        }
    }

    /// The mean rating of the rated questions, nil when none is rated.
    public var averageRating: Double? {
        let ratings = questions.compactMap(\.rating)
        return ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
    }

    enum CodingKeys: String, CodingKey {
        case file, id, candidate, interviewer, startedAt, endedAt, bank, mode, status, recommendation,
             closingNotes, totalSeconds, questions
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
    }
}
