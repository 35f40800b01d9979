import InterviewCore

/// The JSON document of `interview stats --format json` (docs/reports.md).
struct StatsDocument: Encodable {
    struct Filter: Encodable {
        var bank, interviewer, candidate, since, until, mode: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bank, forKey: .bank)
            try c.encode(interviewer, forKey: .interviewer)
            try c.encode(candidate, forKey: .candidate)
            try c.encode(since, forKey: .since)
            try c.encode(until, forKey: .until)
            try c.encode(mode, forKey: .mode)
        }

        enum CodingKeys: String, CodingKey { case bank, interviewer, candidate, since, until, mode }
    }

    struct Skipped: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    struct Session: Encodable {
        var file, id, candidate, interviewer, startedAt: String
        var endedAt: String?
        var bank: SessionFile.BankInfo
        var mode: SessionMode
        var status: SessionStatus
        @RecommendationJSON var recommendation: Int?
        var averageRating: Double?
        var questions: Int
        var questionsAsked: Int
        var questionsOverBudget: Int
        var totalSeconds: Int

        func encode(to encoder: any Encoder) throws {
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
            try c.encode(_recommendation, forKey: .recommendation)
            try c.encode(averageRating, forKey: .averageRating)
            try c.encode(questions, forKey: .questions)
            try c.encode(questionsAsked, forKey: .questionsAsked)
            try c.encode(questionsOverBudget, forKey: .questionsOverBudget)
            try c.encode(totalSeconds, forKey: .totalSeconds)
        }

        enum CodingKeys: String, CodingKey {
            case file, id, candidate, interviewer, startedAt, endedAt, bank, mode, status, recommendation, averageRating,
                 questions, questionsAsked, questionsOverBudget, totalSeconds
        }
    }

    struct Interviewer: Encodable {
        var name: String
        var mode: SessionMode
        var sessions: Int
        var rated: Int
        var averageRating: Double?
        /// By `RecommendationColumn.key`: `1` … `4`, `none`.
        var recommendations: [String: Int]
        var questionsAsked: Int
        var questionsPerInterview: Double?
        var questionsOverBudget: Int
        var overBudgetShare: Double?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(mode, forKey: .mode)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(rated, forKey: .rated)
            try c.encode(averageRating, forKey: .averageRating)
            try c.encode(recommendations, forKey: .recommendations)
            try c.encode(questionsAsked, forKey: .questionsAsked)
            try c.encode(questionsPerInterview, forKey: .questionsPerInterview)
            try c.encode(questionsOverBudget, forKey: .questionsOverBudget)
            try c.encode(overBudgetShare, forKey: .overBudgetShare)
        }

        enum CodingKeys: String, CodingKey {
            case name, mode, sessions, rated, averageRating, recommendations, questionsAsked, questionsPerInterview,
                 questionsOverBudget, overBudgetShare
        }
    }

    struct RubricItem: Encodable {
        var text: String
        var asked: Int
        var ticked: Int
        var hitRate: Double?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(asked, forKey: .asked)
            try c.encode(ticked, forKey: .ticked)
            try c.encode(hitRate, forKey: .hitRate)
        }

        enum CodingKeys: String, CodingKey { case text, asked, ticked, hitRate }
    }

    struct Question: Encodable {
        var bank: String
        var mode: SessionMode
        var number: Int
        var id, prompt: String
        var budgetSeconds: Int
        var sessions, asked, skipped, overBudget, rated: Int
        /// `1` … `4`: how many ratings of each value.
        var ratings: [String: Int]
        var averageRating: Double?
        var averageSeconds: Int?
        var rubric: [RubricItem]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bank, forKey: .bank)
            try c.encode(mode, forKey: .mode)
            try c.encode(number, forKey: .number)
            try c.encode(id, forKey: .id)
            try c.encode(prompt, forKey: .prompt)
            try c.encode(budgetSeconds, forKey: .budgetSeconds)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(asked, forKey: .asked)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(overBudget, forKey: .overBudget)
            try c.encode(rated, forKey: .rated)
            try c.encode(ratings, forKey: .ratings)
            try c.encode(averageRating, forKey: .averageRating)
            try c.encode(averageSeconds, forKey: .averageSeconds)
            try c.encode(rubric, forKey: .rubric)
        }

        enum CodingKeys: String, CodingKey {
            case bank, mode, number, id, prompt, budgetSeconds, sessions, asked, skipped, overBudget, rated, ratings,
                 averageRating, averageSeconds, rubric
        }
    }

    var format = SessionStats.jsonFormat
    var version = SessionStats.jsonVersion
    var folder: String
    var filter: Filter
    var skipped: [Skipped]
    var nothingRecorded: Int
    var filteredOut: Int
    var sessions: [Session]
    var interviewers: [Interviewer]
    var questions: [Question]

    /// Averages and shares to 1/1000: enough to sort and compare, short enough to read.
    static func rounded(_ value: Double?) -> Double? {
        value.map { ($0 * 1000).rounded() / 1000 }
    }

    init(_ stats: SessionStats) {
        folder = stats.folder
        let f = stats.filter
        filter = Filter(bank: f.bank, interviewer: f.interviewer, candidate: f.candidate, since: f.since, until: f.until,
                        mode: f.mode?.rawValue)
        skipped = stats.skipped.map { Skipped(file: $0.file, line: $0.line, column: $0.column, message: $0.message) }
        nothingRecorded = stats.nothingRecorded
        filteredOut = stats.filteredOut
        sessions = stats.sessions.map { s in
            let asked = s.questions.filter(\.asked)
            return Session(file: s.file, id: s.id, candidate: s.candidate, interviewer: s.interviewer, startedAt: s.startedAt,
                           endedAt: s.endedAt, bank: s.bank, mode: s.mode, status: s.status, recommendation: s.recommendation,
                           averageRating: Self.rounded(s.averageRating), questions: s.questions.count,
                           questionsAsked: asked.count, questionsOverBudget: asked.filter(\.overBudget).count,
                           totalSeconds: s.totalSeconds)
        }
        interviewers = stats.interviewers.map { i in
            Interviewer(name: i.name, mode: i.mode, sessions: i.sessions, rated: i.rated,
                        averageRating: Self.rounded(i.averageRating),
                        recommendations: Dictionary(uniqueKeysWithValues: zip(RecommendationColumn.all.map(\.key), i.recommendations)),
                        questionsAsked: i.questionsAsked, questionsPerInterview: Self.rounded(i.questionsPerInterview),
                        questionsOverBudget: i.questionsOverBudget, overBudgetShare: Self.rounded(i.overBudgetShare))
        }
        questions = stats.banks.flatMap { bank in
            bank.questions.map { q in
                Question(bank: bank.bankTitle, mode: bank.mode, number: q.number, id: q.id, prompt: q.prompt,
                         budgetSeconds: q.budgetSeconds, sessions: q.sessions, asked: q.asked, skipped: q.skipped,
                         overBudget: q.overBudget, rated: q.rated,
                         ratings: Dictionary(uniqueKeysWithValues: q.ratingCounts.enumerated().map { ("\($0 + 1)", $1) }),
                         averageRating: Self.rounded(q.averageRating), averageSeconds: q.averageSeconds,
                         rubric: q.rubric.map { RubricItem(text: $0.text, asked: $0.asked, ticked: $0.ticked,
                                                          hitRate: Self.rounded($0.hitRate)) })
            }
        }
    }
}
