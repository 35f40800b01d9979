import InterviewCore

/// The JSON document of `interview debrief --format json` (docs/reports.md).
struct DebriefDocument: Encodable {
    struct Session: Encodable {
        var file, id, interviewer, title, startedAt: String
        var endedAt: String?
        var bank: SessionFile.BankInfo
        var mode: SessionMode
        var status: SessionStatus
        @RecommendationJSON var recommendation: Int?
        var closingNotes: [SessionReport.Note]
        var totalSeconds: Int
        var averageRating: Double?
        var evidence: [EvidenceWarning]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(id, forKey: .id)
            try c.encode(interviewer, forKey: .interviewer)
            try c.encode(title, forKey: .title)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(endedAt, forKey: .endedAt)
            try c.encode(bank, forKey: .bank)
            try c.encode(mode, forKey: .mode)
            try c.encode(status, forKey: .status)
            try c.encode(_recommendation, forKey: .recommendation)
            try c.encode(closingNotes, forKey: .closingNotes)
            try c.encode(totalSeconds, forKey: .totalSeconds)
            try c.encode(averageRating, forKey: .averageRating)
            try c.encode(evidence, forKey: .evidence)
        }

        enum CodingKeys: String, CodingKey {
            case file, id, interviewer, title, startedAt, endedAt, bank, mode, status, recommendation, closingNotes,
                 totalSeconds, averageRating, evidence
        }
    }

    struct Answer: Encodable {
        var number: Int
        var asked: Bool
        var skipped: Bool
        var skipReason: String?
        var added: Bool
        var rating: Int?
        var elapsedSeconds, budgetSeconds: Int
        var overBudget: Bool
        var rubricItems: Int
        var ticked: [String]
        var amendedAfterEnd: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(asked, forKey: .asked)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(skipReason, forKey: .skipReason)
            try c.encode(added, forKey: .added)
            try c.encode(rating, forKey: .rating)
            try c.encode(elapsedSeconds, forKey: .elapsedSeconds)
            try c.encode(budgetSeconds, forKey: .budgetSeconds)
            try c.encode(overBudget, forKey: .overBudget)
            try c.encode(rubricItems, forKey: .rubricItems)
            try c.encode(ticked, forKey: .ticked)
            try c.encode(amendedAfterEnd, forKey: .amendedAfterEnd)
        }

        enum CodingKeys: String, CodingKey {
            case number, asked, skipped, skipReason, added, rating, elapsedSeconds, budgetSeconds, overBudget, rubricItems, ticked,
                 amendedAfterEnd
        }
    }

    struct Question: Encodable {
        var id, prompt: String
        var tags: [String]
        var competencies: [String]
        /// One per session, in `sessions` order; null where the session does not have it.
        var answers: [Answer?]
        var spread: Int?
        var disagreement: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(prompt, forKey: .prompt)
            try c.encode(tags, forKey: .tags)
            try c.encode(competencies, forKey: .competencies)
            var list = c.nestedUnkeyedContainer(forKey: .answers)
            for answer in answers {
                if let answer { try list.encode(answer) } else { try list.encodeNil() }
            }
            try c.encode(spread, forKey: .spread)
            try c.encode(disagreement, forKey: .disagreement)
        }

        enum CodingKeys: String, CodingKey { case id, prompt, tags, competencies, answers, spread, disagreement }
    }

    struct Group: Encodable {
        var name: String
        var rated: Int
        var averageRating: Double?
        /// One per session: its average over the group's questions it rated, or null.
        var averages: [Double?]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(rated, forKey: .rated)
            try c.encode(averageRating, forKey: .averageRating)
            var list = c.nestedUnkeyedContainer(forKey: .averages)
            for value in averages {
                if let value { try list.encode(value) } else { try list.encodeNil() }
            }
        }

        enum CodingKeys: String, CodingKey { case name, rated, averageRating, averages }
    }

    struct RollUp: Encodable {
        var by: String
        var groups: [Group]
    }

    struct Recommendations: Encodable {
        var spread: Int?
        var disagreement: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(spread, forKey: .spread)
            try c.encode(disagreement, forKey: .disagreement)
        }

        enum CodingKeys: String, CodingKey { case spread, disagreement }
    }

    var format = Debrief.jsonFormat
    var version = Debrief.jsonVersion
    var candidate: String
    var disagreementPoints = Debrief.disagreementPoints
    var sessions: [Session]
    var questions: [Question]
    var recommendations: Recommendations
    var rollUp: RollUp

    init(_ d: Debrief) {
        candidate = d.candidate
        sessions = d.columns.map { c in
            let r = c.report
            return Session(file: r.file, id: r.id, interviewer: r.interviewer, title: c.title, startedAt: r.startedAt,
                           endedAt: r.endedAt, bank: r.bank, mode: r.mode, status: r.status, recommendation: r.recommendation,
                           closingNotes: r.closingNotes, totalSeconds: r.totalSeconds,
                           averageRating: StatsDocument.rounded(r.averageRating), evidence: r.evidence)
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
