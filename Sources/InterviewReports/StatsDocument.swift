import InterviewCore

/// The JSON document of `interview stats --format json` (docs/reports.md).
/// Every key is always present: `null` for a missing value (`Nullable`).
struct StatsDocument: Encodable {
    struct Filter: Encodable {
        @Nullable var bank: String?
        @Nullable var interviewer: String?
        @Nullable var candidate: String?
        @Nullable var since: String?
        @Nullable var until: String?
        @Nullable var mode: String?
    }

    struct Skipped: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    /// What stats says of a session besides its header.
    struct Session: Encodable {
        var candidate: String
        @Nullable var averageRating: Double?
        var questions: Int
        var questionsAsked: Int
        var questionsOverBudget: Int
    }

    struct Interviewer: Encodable {
        var name: String
        var mode: SessionMode
        var sessions: Int
        var rated: Int
        @Nullable var averageRating: Double?
        /// By `RecommendationColumn.key`: `1` … `4`, `noDecision`, `none`.
        var recommendations: [String: Int]
        var questionsAsked: Int
        @Nullable var questionsPerInterview: Double?
        var questionsOverBudget: Int
        @Nullable var overBudgetShare: Double?
    }

    struct RubricItem: Encodable {
        var text: String
        var asked: Int
        var ticked: Int
        @Nullable var hitRate: Double?
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
        @Nullable var averageRating: Double?
        @Nullable var averageSeconds: Int?
        var rubric: [RubricItem]
    }

    var format = SessionStats.jsonFormat
    var version = SessionStats.jsonVersion
    var folder: String
    var filter: Filter
    var skipped: [Skipped]
    var nothingRecorded: Int
    var filteredOut: Int
    var sessions: [HeadedSession<Session>]
    var interviewers: [Interviewer]
    var questions: [Question]
    var calibration: Calibration.Document

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
            return HeadedSession(s, Session(candidate: s.candidate, averageRating: Self.rounded(s.averageRating),
                                            questions: s.questions.count, questionsAsked: asked.count,
                                            questionsOverBudget: asked.filter(\.overBudget).count))
        }
        interviewers = stats.interviewers.map { i in
            Interviewer(name: i.name, mode: i.mode, sessions: i.sessions, rated: i.rated,
                        averageRating: Self.rounded(i.averageRating),
                        recommendations: Dictionary(uniqueKeysWithValues: zip(RecommendationColumn.all.map(\.key), i.recommendations)),
                        questionsAsked: i.questionsAsked, questionsPerInterview: Self.rounded(i.questionsPerInterview),
                        questionsOverBudget: i.questionsOverBudget, overBudgetShare: Self.rounded(i.overBudgetShare))
        }
        calibration = Calibration.Document(stats.calibration)
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
