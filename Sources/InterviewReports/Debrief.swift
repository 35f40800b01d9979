#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// One candidate's sessions side by side, for the debrief of an interview loop
/// (`interview debrief`): a row per question asked by anyone, a column per session (its
/// interviewer's rating, time and rubric items ticked), the recommendations and closing
/// notes, a roll-up by the questions' tags, and where interviewers disagree by two points
/// or more. Built from the events, as reports are.
///
/// Questions are matched across sessions by their id, else by their prompt (ignoring
/// case, spaces and controls), so that two banks that share a question line it up. The
/// roll-up is by the questions' competencies; when no question of any session names one
/// (banks without `competencies:` lines, sessions saved before them), by their tags, and
/// it says which (`rollUpBy`).
public struct Debrief: Hashable, Sendable {
    /// One session: a column.
    public struct Column: Hashable, Sendable {
        public var report: SessionReport
        /// The heading: the interviewer, with the date when one interviewer has two sessions.
        public var title: String
    }

    /// One session's answer to a question: a cell.
    public struct Answer: Hashable, Sendable {
        public var number: Int
        public var asked: Bool
        /// `x`: not reached, or no signal; and why, when the interviewer said.
        public var skipped: Bool
        public var skipReason: String?
        /// A question of the interviewer's own, added during the interview.
        public var added: Bool
        public var rating: Int?
        public var elapsedSeconds: Int
        public var budgetSeconds: Int
        public var overBudget: Bool
        public var rubricCount: Int
        /// The texts of the items ticked, in the rubric's order.
        public var ticked: [String]
        public var amendedAfterEnd: Bool
        public var tags: [String]
        public var competencies: [String]
    }

    /// A question asked by at least one session: a row.
    public struct Row: Hashable, Sendable {
        public var id: String
        /// The wording of the first session that has it.
        public var prompt: String
        /// Every session's tags for it, in order of first appearance.
        public var tags: [String]
        /// Every session's competencies for it, in order of first appearance.
        public var competencies: [String]
        /// One per column: nil where the session does not have the question.
        public var answers: [Answer?]

        public var ratings: [Int] { answers.compactMap { $0?.rating } }
        /// The highest rating less the lowest, when two or more sessions rated it.
        public var spread: Int? { ratings.count < 2 ? nil : ratings.max()! - ratings.min()! }
        public var disagreement: Bool { (spread ?? 0) >= Debrief.disagreementPoints }
    }

    /// The ratings of the questions that carry one tag, per session and over all.
    public struct RollUp: Hashable, Sendable {
        public var name: String
        /// Per column: how many ratings, and their sum.
        public var perColumn: [(rated: Int, sum: Int)]
        public var rated: Int { perColumn.reduce(0) { $0 + $1.rated } }
        public var averageRating: Double? {
            rated == 0 ? nil : Double(perColumn.reduce(0) { $0 + $1.sum }) / Double(rated)
        }

        public func average(_ column: Int) -> Double? {
            let cell = perColumn[column]
            return cell.rated == 0 ? nil : Double(cell.sum) / Double(cell.rated)
        }

        public static func == (a: RollUp, b: RollUp) -> Bool {
            a.name == b.name && a.perColumn.map(\.rated) == b.perColumn.map(\.rated) && a.perColumn.map(\.sum) == b.perColumn.map(\.sum)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(perColumn.map(\.rated))
            hasher.combine(perColumn.map(\.sum))
        }
    }

    /// Interviewers disagree when their ratings of one question (or their
    /// recommendations) are this many points apart or more.
    public static let disagreementPoints = 2
    public enum RollUpBy: String, Hashable, Sendable {
        case competencies, tags
    }

    /// The first session's spelling.
    public var candidate: String
    /// By start date, then file name.
    public var columns: [Column]
    public var rows: [Row]
    /// What the roll-up groups by: competencies where questions name them, else tags.
    public var rollUpBy: RollUpBy
    public var rollUp: [RollUp]

    /// The name of the roll-up's group of the rated questions that name none.
    public var ungrouped: String { rollUpBy == .competencies ? "(no competency)" : "(no tag)" }

    /// The recommendations on the scale (1 to 4): no decision is no point on it.
    public var recommendations: [Int] { columns.compactMap(\.report.recommendation).filter { (1...4).contains($0) } }
    public var recommendationSpread: Int? {
        let r = recommendations
        return r.count < 2 ? nil : r.max()! - r.min()!
    }
    public var recommendationsDisagree: Bool { (recommendationSpread ?? 0) >= Self.disagreementPoints }
    public var disagreements: [Row] { rows.filter(\.disagreement) }

    /// The debrief of `sessions` (a file's name, as given, and its session), which must be
    /// of one candidate: names that differ (ignoring case and spaces) are an error at the
    /// later file, naming both candidates and both files.
    public init(_ sessions: [(file: String, session: SessionFile)]) throws(InputError) {
        guard let first = sessions.first else {
            throw InputError(file: "debrief", message: "no session: expected one or more session files")
        }
        for (file, session) in sessions.dropFirst() where Self.key(session.candidate) != Self.key(first.session.candidate) {
            throw InputError(file: file,
                             message: "is a session of \(Self.quoted(session.candidate)), and \(VisibleText.visible(first.file)) of \(Self.quoted(first.session.candidate)): expected sessions of one candidate")
        }
        candidate = first.session.candidate

        let entries = sessions.map { (report: SessionReport($0.session, file: $0.file), tags: $0.session.questions.map(\.tags)) }
            .enumerated().sorted { a, b in
                let da = StatsFilter.date(a.element.report.startedAt) ?? .distantPast
                let db = StatsFilter.date(b.element.report.startedAt) ?? .distantPast
                return da != db ? da < db : (a.element.report.file, a.offset) < (b.element.report.file, b.offset)
            }.map(\.element)
        let names = entries.map { Self.name($0.report.interviewer) }
        columns = entries.enumerated().map { index, entry in
            let name = names[index]
            let twice = names.filter { $0 == name }.count > 1
            return Column(report: entry.report, title: twice ? "\(name) (\(ReportText.date(entry.report.startedAt)))" : name)
        }

        var rows: [Row] = []
        var byID: [String: Int] = [:]
        var byPrompt: [String: Int] = [:]
        for (column, entry) in entries.enumerated() {
            for (index, q) in entry.report.questions.enumerated() {
                let tags = entry.tags.indices.contains(index) ? entry.tags[index] : []
                let answer = Answer(number: q.number, asked: q.asked, skipped: q.skipped, skipReason: q.skipReason, added: q.added,
                                    rating: q.rating, elapsedSeconds: q.elapsedSeconds,
                                    budgetSeconds: q.budgetSeconds, overBudget: q.overBudget, rubricCount: q.rubric.count,
                                    ticked: q.rubric.filter(\.checked).map(\.text), amendedAfterEnd: q.amendedAfterEnd, tags: tags,
                                    competencies: q.competencies)
                let prompt = Self.key(q.prompt)
                // A row this session has no answer in yet: by id, else by prompt.
                let free = { (row: Int?) in row.flatMap { rows[$0].answers[column] == nil ? $0 : nil } }
                if let row = free(byID[q.id]) ?? free(byPrompt[prompt]) {
                    rows[row].answers[column] = answer
                    for tag in tags where !rows[row].tags.contains(tag) { rows[row].tags.append(tag) }
                    for name in q.competencies where !rows[row].competencies.contains(name) { rows[row].competencies.append(name) }
                    byID[q.id] = byID[q.id] ?? row
                    byPrompt[prompt] = byPrompt[prompt] ?? row
                } else {
                    var answers: [Answer?] = Array(repeating: nil, count: entries.count)
                    answers[column] = answer
                    rows.append(Row(id: q.id, prompt: q.prompt, tags: tags, competencies: q.competencies, answers: answers))
                    byID[q.id] = byID[q.id] ?? rows.count - 1
                    byPrompt[prompt] = byPrompt[prompt] ?? rows.count - 1
                }
            }
        }
        // Asked or skipped by someone: a skip is a fact the committee reads, with its reason.
        self.rows = rows.filter { $0.answers.contains { $0?.asked == true || $0?.skipped == true } }

        // Each session's own competencies (or tags) for the question count for its ratings.
        let by: RollUpBy = self.rows.contains { row in row.answers.contains { !($0?.competencies.isEmpty ?? true) } }
            ? .competencies : .tags
        rollUpBy = by
        let ungrouped = by == .competencies ? "(no competency)" : "(no tag)"
        var groups: [String] = []
        var sums: [String: [(rated: Int, sum: Int)]] = [:]
        for row in self.rows {
            for (column, answer) in row.answers.enumerated() {
                guard let answer, let rating = answer.rating else { continue }
                let names = by == .competencies ? answer.competencies : answer.tags
                for tag in names.isEmpty ? [ungrouped] : names {
                    if sums[tag] == nil {
                        groups.append(tag)
                        sums[tag] = Array(repeating: (0, 0), count: entries.count)
                    }
                    sums[tag]![column].rated += 1
                    sums[tag]![column].sum += rating
                }
            }
        }
        // In order of first appearance, the ungrouped last.
        groups = groups.filter { $0 != ungrouped } + groups.filter { $0 == ungrouped }
        rollUp = groups.map { RollUp(name: $0, perColumn: sums[$0]!) }
    }

    /// A name as it is compared: visible, lowercased, spaces collapsed.
    static func key(_ text: String) -> String {
        VisibleText.visible(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func name(_ interviewer: String) -> String {
        let trimmed = interviewer.trimmed
        return trimmed.isEmpty ? "(no interviewer name)" : trimmed
    }

    static func quoted(_ name: String) -> String {
        name.isEmpty ? "no candidate name" : "\"\(VisibleText.visible(name))\""
    }

    /// The JSON document's `format` and `version`.
    public static let jsonFormat = "interview-debrief"
    public static let jsonVersion = 1

    /// The debrief in a report format.
    public func render(as format: Scorecard.Format) -> String {
        switch format {
        case .markdown: DebriefMarkdown.render(self)
        case .html: DebriefHTML.render(self)
        case .json: ReportText.jsonText(DebriefDocument(self))
        }
    }
}
