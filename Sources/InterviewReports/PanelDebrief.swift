import InterviewCore

/// The debrief of one panel interview (`interview debrief` of a lead's or a member's
/// session): blind until every member has submitted (ended their session), then each
/// question, each competency and the recommendation with every member's rating side by
/// side, the largest disagreement first, and the mechanical combination: the mean of the
/// lead's and seconds' ratings and the rating it implies. A shadow's are shown apart and
/// never combined.
public struct PanelDebrief: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public var name: String
        public var role: SessionFile.Panel.Role
        public var status: SessionStatus
        public var file: String
        /// Ended: what they recorded is final, and may be shown.
        public var submitted: Bool { status == .completed }
        public var title: String { "\(name) (\(role.rawValue))" }
    }

    /// One member's mark on a row: a rating (nil: none given; for a competency the
    /// member's mean over its questions) and their notes.
    public struct Mark: Hashable, Sendable {
        public var member: Int
        public var rating: Double?
        public var notes: [String]
    }

    /// A question, a competency or the recommendation, across the members.
    public struct Row: Hashable, Sendable {
        public var title: String
        /// The lead's and seconds' marks, in `members` order.
        public var marks: [Mark]
        /// The shadows' marks: shown apart, never in `spread` or `mean`.
        public var shadows: [Mark]

        /// The ratings on the 1–4 scale (a recommendation of no decision is none).
        var combined: [Double] { marks.compactMap(\.rating).filter { (1...4).contains($0) } }
        /// Highest rating − lowest, when two or more were given.
        public var spread: Double? { combined.count < 2 ? nil : combined.max()! - combined.min()! }
        public var mean: Double? { combined.isEmpty ? nil : combined.reduce(0, +) / Double(combined.count) }
    }

    public var candidate: String
    public var bankTitle: String
    public var startedAt: String
    /// Lead first, then the members as found.
    public var members: [Member]
    /// Shown although not every member has submitted (`--partial`): only the submitted ones' marks.
    public var partial: Bool
    public var recommendation: Row
    /// By spread, the largest first (rows without two ratings last), then in the interview's order.
    public var questions: [Row]
    public var competencies: [Row]

    public var unsubmitted: [Member] { members.filter { !$0.submitted } }

    /// The members of a panel (`PanelGroups`) who have not submitted: the debrief waits for them.
    public static func unsubmitted(_ group: [SessionReport]) -> [Member] { group.map(member).filter { !$0.submitted } }

    static func member(_ report: SessionReport) -> Member {
        Member(name: PanelGroups.name(report), role: PanelGroups.role(of: report), status: report.status, file: report.file)
    }

    /// The debrief of `group` (a lead first); with `partial`, of the members who submitted.
    public init(_ group: [SessionReport], partial: Bool) {
        let members = group.map(Self.member)
        self.members = members
        self.partial = partial
        let first = group[0]
        (candidate, bankTitle, startedAt) = (first.candidate, first.bank.title, first.startedAt)
        let shown = group.indices.filter { members[$0].submitted }
        func row(_ title: String, _ mark: (SessionReport) -> (Double?, [String])?) -> Row {
            var row = Row(title: title, marks: [], shadows: [])
            for index in shown {
                guard let (rating, notes) = mark(group[index]) else { continue }
                let entry = Mark(member: index, rating: rating, notes: notes)
                if members[index].role == .shadow { row.shadows.append(entry) } else { row.marks.append(entry) }
            }
            return row
        }
        recommendation = row("Recommendation") { report in
            (report.recommendation.map(Double.init), report.closingNotes.map(\.text))
        }
        var questionOrder: [(id: String, title: String)] = []
        for index in shown {
            for q in group[index].questions where !q.added && !questionOrder.contains(where: { $0.id == q.id }) {
                questionOrder.append((q.id, "\(q.number). \(q.prompt)"))
            }
        }
        questions = Self.byDisagreement(questionOrder.map { question in
            row(question.title) { report in
                report.questions.first { $0.id == question.id && !$0.added }.map { ($0.rating.map(Double.init), $0.notes.map(\.text)) }
            }
        })
        var competencyNames: [String] = []
        for index in shown {
            for c in group[index].competencies where !competencyNames.contains(c.name) { competencyNames.append(c.name) }
        }
        competencies = Self.byDisagreement(competencyNames.map { name in
            row(name) { report in
                report.competencies.first { $0.name == name }.map { ($0.averageRating, []) }
            }
        })
    }

    static func byDisagreement(_ rows: [Row]) -> [Row] {
        rows.enumerated().sorted { a, b in
            let (x, y) = (a.element.spread ?? -1, b.element.spread ?? -1)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// What a mean implies on the 1–4 scale: the nearest level, or both when it is halfway.
    public static func implied(_ mean: Double) -> String {
        let low = Int(mean.rounded(.down))
        if mean - Double(low) == 0.5 { return "between \(Rating.label(low)) and \(Rating.label(low + 1))" }
        return Rating.label(Int(mean.rounded()))
    }
}
