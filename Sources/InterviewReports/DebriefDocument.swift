import InterviewCore

/// The JSON document of `interview debrief --format json` (docs/reports.md).
/// Every key is always present: `null` for a missing value (`Nullable`, and an optional
/// in an array, which the encoder writes as `null`).
struct DebriefDocument: Encodable {
    /// What the debrief says of a session besides its header.
    struct Session: Encodable {
        var title: String
        var closingNotes: [SessionReport.Note]
        @Nullable var averageRating: Double?
        var evidence: [EvidenceWarning]
    }

    struct Answer: Encodable {
        var number: Int
        var asked: Bool
        var skipped: Bool
        @Nullable var skipReason: String?
        var added: Bool
        @Nullable var rating: Int?
        var elapsedSeconds, budgetSeconds: Int
        var overBudget: Bool
        var rubricItems: Int
        var ticked: [String]
        var amendedAfterEnd: Bool
    }

    struct Question: Encodable {
        var id, prompt: String
        var tags: [String]
        var competencies: [String]
        /// One per session, in `sessions` order; null where the session does not have it.
        var answers: [Answer?]
        @Nullable var spread: Int?
        var disagreement: Bool
    }

    struct Group: Encodable {
        var name: String
        var rated: Int
        @Nullable var averageRating: Double?
        /// One per session: its average over the group's questions it rated, or null.
        var averages: [Double?]
    }

    struct RollUp: Encodable {
        var by: String
        var groups: [Group]
    }

    struct Recommendations: Encodable {
        @Nullable var spread: Int?
        var disagreement: Bool
    }

    var format = Debrief.jsonFormat
    var version = Debrief.jsonVersion
    var candidate: String
    var disagreementPoints = Debrief.disagreementPoints
    var sessions: [HeadedSession<Session>]
    var questions: [Question]
    var recommendations: Recommendations
    var rollUp: RollUp

    init(_ d: Debrief) {
        candidate = d.candidate
        sessions = d.columns.map { c in
            HeadedSession(c.report, Session(title: c.title, closingNotes: c.report.closingNotes,
                                            averageRating: StatsDocument.rounded(c.report.averageRating), evidence: c.report.evidence))
        }
        questions = d.rows.map { row in
            Question(id: row.id, prompt: row.prompt, tags: row.tags, competencies: row.competencies, answers: row.answers.map { a in
                a.map { Answer(number: $0.number, asked: $0.asked, skipped: $0.skipped, skipReason: $0.skipReason, added: $0.added,
                               rating: $0.rating, elapsedSeconds: $0.elapsedSeconds,
                               budgetSeconds: $0.budgetSeconds, overBudget: $0.overBudget, rubricItems: $0.rubricCount,
                               ticked: $0.ticked, amendedAfterEnd: $0.amendedAfterEnd) }
            }, spread: row.spread, disagreement: row.disagreement)
        }
        recommendations = Recommendations(spread: d.recommendationSpread, disagreement: d.recommendationsDisagree)
        rollUp = RollUp(by: d.rollUpBy.rawValue, groups: d.rollUp.map { group in
            Group(name: group.name, rated: group.rated, averageRating: StatsDocument.rounded(group.averageRating),
                  averages: d.columns.indices.map { StatsDocument.rounded(group.average($0)) })
        })
    }
}
