#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// Many sessions side by side (`interview stats`): a row per session, per interviewer
/// how they rate and recommend, and per question of each bank how many sessions asked
/// it, how often it ran over its budget, how it was rated and how often each rubric item
/// was ticked: the calibration view. Built from the same `SessionReport`s as reports,
/// read from the summary the engine saves beside the events (`SessionStats.report`).
///
/// Sessions the filter (`StatsFilter`) leaves out are not counted anywhere; sessions in
/// which nothing was recorded (no note, tick, rating, recommendation or closing note:
/// started and quit at once) are left out of every figure and counted apart
/// (`nothingRecorded`), so that they do not pull the averages.
public struct SessionStats: Hashable, Sendable {
    /// How often one rubric item of a question was ticked when the question was asked.
    public struct RubricItemStats: Hashable, Sendable {
        public var text: String
        /// Sessions that asked the question with this item in its rubric.
        public var asked = 0
        public var ticked = 0

        public var hitRate: Double? { asked == 0 ? nil : Double(ticked) / Double(asked) }
    }

    /// One question of one bank (bank title + question id), over every session.
    public struct QuestionStats: Hashable, Sendable {
        public var id: String
        /// The smallest 1-based position it had in a session, to keep the bank's order.
        public var number: Int
        /// The prompt of the newest session that has it.
        public var prompt: String
        public var budgetSeconds: Int
        /// Sessions that have it, asked or not.
        public var sessions = 0
        public var asked = 0
        /// Sessions that skipped it (`x`: not reached, or no signal).
        public var skipped = 0
        public var overBudget = 0
        public var rated = 0
        public var ratingSum = 0
        /// How many ratings of each value: `ratingCounts[0]` is the number of 1s … `[3]` of 4s.
        public var ratingCounts = [0, 0, 0, 0]
        public var elapsedSum = 0
        /// Its rubric items in the newest session's order (by text), then items only older
        /// sessions had.
        public var rubric: [RubricItemStats] = []

        public var averageRating: Double? { rated == 0 ? nil : Double(ratingSum) / Double(rated) }
        public var averageSeconds: Int? { asked == 0 ? nil : Durations.wholeSeconds(Double(elapsedSum) / Double(asked)) }
        public var overBudgetShare: Double? { asked == 0 ? nil : Double(overBudget) / Double(asked) }
    }

    public struct BankStats: Hashable, Sendable {
        /// The bank's title, with " (practice)" for its practice sessions.
        public var title: String
        /// The bank's title as sessions name it.
        public var bankTitle: String
        public var mode: SessionMode
        public var sessions: Int
        public var questions: [QuestionStats]
    }

    /// One interviewer's sessions (by name; practice sessions apart, as for banks).
    public struct InterviewerStats: Hashable, Sendable {
        public var name: String
        public var mode: SessionMode
        public var sessions = 0
        /// Over every question they rated.
        public var rated = 0
        public var ratingSum = 0
        /// Per `RecommendationColumn.all`, in its order: how many sessions ended so.
        public var recommendations = Array(repeating: 0, count: RecommendationColumn.all.count)
        public var questionsAsked = 0
        public var questionsOverBudget = 0

        /// The name with " (practice)" for practice sessions, as the table shows it.
        public var title: String { mode == .practice ? name + " (practice)" : name }
        public var averageRating: Double? { rated == 0 ? nil : Double(ratingSum) / Double(rated) }
        public var questionsPerInterview: Double? { sessions == 0 ? nil : Double(questionsAsked) / Double(sessions) }
        public var overBudgetShare: Double? {
            questionsAsked == 0 ? nil : Double(questionsOverBudget) / Double(questionsAsked)
        }
    }

    public var folder: String
    /// What was asked for; `nothingRecorded` and `sessions` are what it kept.
    public var filter: StatsFilter
    /// Sorted by start date, then file name; only those the filter keeps and that recorded something.
    public var sessions: [StatsSession]
    /// Sessions the filter kept in which nothing was recorded, left out of every figure.
    public var nothingRecorded: Int
    /// Sessions the filter left out.
    public var filteredOut: Int
    /// The files that could not be read, one error each, in file name order.
    public var skipped: [InputError]
    /// By bank title; practice sessions of a bank apart, as "TITLE (practice)".
    public var banks: [BankStats]
    /// By name; practice sessions apart.
    public var interviewers: [InterviewerStats]
    /// Where panel members rated the same answers: how far each sits from the others.
    public var calibration: Calibration

    /// 0 when every file was read, 1 when any was skipped.
    public var exitCode: Int32 { skipped.isEmpty ? 0 : 1 }

    public init(folder: String, sessions: [SessionReport], skipped: [InputError], filter: StatsFilter = StatsFilter()) {
        self.init(folder: folder, facts: sessions.map(StatsSession.init), skipped: skipped, filter: filter)
    }

    /// The figures of the sessions' facts (`StatsSession`: read from the files, or from the index).
    public init(folder: String, facts sessions: [StatsSession], skipped: [InputError], filter: StatsFilter = StatsFilter()) {
        self.folder = folder
        self.skipped = skipped
        self.filter = filter
        let matching = sessions.filter(filter.matches)
        filteredOut = sessions.count - matching.count
        let kept = matching.filter(\.recordedAnything)
        nothingRecorded = matching.count - kept.count
        let keyed = kept.map { (date: StatsFilter.date($0.startedAt) ?? .distantPast, report: $0) }
        self.sessions = keyed.sorted { a, b in
            a.date != b.date ? a.date < b.date : (a.report.file, a.report.id) < (b.report.file, b.report.id)
        }.map(\.report)

        var byBank: [String: BankStats] = [:]
        // Per bank, each question's place in its `questions`, by id.
        var places: [String: [String: Int]] = [:]
        var byInterviewer: [String: InterviewerStats] = [:]
        for session in self.sessions {
            // Practice is counted apart: self-ratings are not an interviewer's, and the
            // practice rows are the candidate's progress per question.
            let key = session.mode == .practice ? session.bank.title + " (practice)" : session.bank.title
            var bank = byBank[key] ?? BankStats(title: key, bankTitle: session.bank.title, mode: session.mode,
                                                sessions: 0, questions: [])
            bank.sessions += 1
            var questions = places[key] ?? [:]
            // The interviewer's own questions are no bank question's: each stays in its report.
            for q in session.questions where !q.added {
                let index: Int
                if let existing = questions[q.id] {
                    index = existing
                } else {
                    index = bank.questions.count
                    questions[q.id] = index
                    bank.questions.append(QuestionStats(id: q.id, number: q.bankNumber ?? q.number, prompt: q.prompt,
                                                        budgetSeconds: q.budgetSeconds))
                }
                bank.questions[index].add(q)
            }
            byBank[key] = bank
            places[key] = questions

            let name = session.interviewer.trimmed
            let who = (session.mode == .practice ? "p:" : "l:") + name
            var interviewer = byInterviewer[who] ?? InterviewerStats(name: name, mode: session.mode)
            interviewer.add(session)
            byInterviewer[who] = interviewer
        }
        banks = byBank.keys.sorted().map { title in
            var bank = byBank[title]!
            bank.questions.sort { ($0.number, $0.id) < ($1.number, $1.id) }
            return bank
        }
        interviewers = byInterviewer.values.sorted { ($0.name, $0.mode.rawValue) < ($1.name, $1.mode.rawValue) }
        calibration = Calibration(sessions: self.sessions)
    }

    /// Reads every `*.json` file of `folder` (not hidden ones, not in subfolders),
    /// several at once (one per core), a few hundred at a time, keeping what their facts
    /// repeat once (`SharedFacts`); a file that is not a readable session is skipped with
    /// its error. The filter is applied once they are read.
    public static func load(folder: URL, filter: StatsFilter = StatsFilter()) throws(InputError) -> SessionStats {
        let paths = try sessionPaths(in: folder)
        var sessions: [StatsSession] = []
        var skipped: [InputError] = []
        var shared = SharedFacts()
        for start in stride(from: 0, to: paths.count, by: batch) {
            let results = concurrentMap(Array(paths[start..<min(start + batch, paths.count)])) { path -> Result<StatsSession, InputError> in
                do throws(InputError) {
                    return .success(try StatsSession.read(path))
                } catch {
                    return .failure(error)
                }
            }
            for result in results {
                switch result {
                case .success(let session): sessions.append(shared.share(session))
                case .failure(let error): skipped.append(error)
                }
            }
        }
        return SessionStats(folder: folder.path, facts: sessions, skipped: skipped, filter: filter)
    }

    /// Files read at once: the facts of a few hundred sessions before they are shared.
    static let batch = 256

    /// The session files `stats` reads in `folder`: its `*.json` files (not hidden ones,
    /// not in subfolders), in name order.
    public static func sessionPaths(in folder: URL) throws(InputError) -> [String] {
        guard PathKind(atPath: folder.path) == .folder else {
            throw InputError(file: folder.path, message: "no such folder: expected a folder of session files")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(file: folder.path, message: "cannot be read: expected a folder of session files")
        }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// The report of one session file's bytes, from its summary (`SessionSummary`: everything
    /// but the events, about a third of the decoding time); from the events for a file
    /// written before the summary carried the total time. Either way the same report as
    /// `SessionReport(SessionStore.read(path), file: name)`, or its exact error, for any
    /// file the program saved; only a file whose events alone were damaged since is read
    /// here (from its summary) and refused there.
    ///
    /// Read from the summary, without what `stats` does not show (`SessionReport.Detail.statsFacts`).
    static func report(_ path: String, data: Data, name: String) throws(InputError) -> SessionReport {
        if let report = SessionReport(try SessionSummary.decode(data, file: path), file: name, detail: .statsFacts) {
            return report
        }
        return SessionReport(try SessionFile.decode(data, file: path), file: name)
    }
}

extension SessionStats.QuestionStats {
    mutating func add(_ q: StatsSession.Question) {
        sessions += 1
        number = min(number, q.bankNumber ?? q.number)
        // Sessions come oldest first: the newest wording wins.
        prompt = q.prompt
        budgetSeconds = q.budgetSeconds
        if q.skipped { skipped += 1 }
        if q.asked {
            asked += 1
            elapsedSum += q.elapsedSeconds
            if q.overBudget { overBudget += 1 }
            addRubric(q.rubric)
        }
        if let rating = q.rating {
            rated += 1
            ratingSum += rating
            if (1...4).contains(rating) { ratingCounts[rating - 1] += 1 }
        }
    }
}

extension SessionStats.QuestionStats {
    /// Counts the items of a session that asked the question.
    mutating func addRubric(_ items: [SessionFile.RubricItem]) {
        // Most often the rubric is the one counted so far, item for item.
        if rubric.count == items.count, zip(rubric, items).allSatisfy({ $0.text == $1.text }) {
            for (index, item) in items.enumerated() {
                rubric[index].asked += 1
                if item.checked { rubric[index].ticked += 1 }
            }
            return
        }
        // The newest session's items first, in its order; an item only older sessions had
        // keeps its place after them.
        var order: [SessionStats.RubricItemStats] = []
        var rest = rubric
        for item in items {
            var entry = rest.firstIndex { $0.text == item.text }.map { rest.remove(at: $0) }
                ?? SessionStats.RubricItemStats(text: item.text)
            entry.asked += 1
            if item.checked { entry.ticked += 1 }
            order.append(entry)
        }
        rubric = order + rest
    }
}

extension SessionStats.InterviewerStats {
    mutating func add(_ session: StatsSession) {
        sessions += 1
        if let column = RecommendationColumn.all.firstIndex(where: { $0.counts(session) }) {
            recommendations[column] += 1
        }
        for q in session.questions {
            if let rating = q.rating {
                rated += 1
                ratingSum += rating
            }
            if q.asked {
                questionsAsked += 1
                if q.overBudget { questionsOverBudget += 1 }
            }
        }
    }
}

/// A column of the recommendation counts of `stats` (per interviewer): the table's
/// heading, the CSV's and JSON's key, and which sessions it counts. A session counts in
/// the first column that takes it: a new kind of recommendation is one more line in `all`.
public struct RecommendationColumn: Sendable {
    /// The JSON key and the CSV column's suffix: `1` … `4`, `none`.
    public var key: String
    /// The table's heading.
    public var heading: String
    public var counts: @Sendable (StatsSession) -> Bool

    public static let all: [RecommendationColumn] = [
        rating(1), rating(2), rating(3), rating(4),
        RecommendationColumn(key: "noDecision", heading: "NO DECISION") { $0.recommendation == Rating.noDecision },
        RecommendationColumn(key: "none", heading: "NONE") { $0.recommendation == nil },
    ]

    static func rating(_ value: Int) -> RecommendationColumn {
        RecommendationColumn(key: "\(value)", heading: Rating.label(value).uppercased()) { $0.recommendation == value }
    }
}

extension SessionReport {
    /// Whether anything was recorded in the session: a note, a tick or a rating on any
    /// question, a recommendation (no decision included) or closing notes, as the quit
    /// box's discard counts them (`SessionState.recorded`). Time alone is not something
    /// recorded: a session started and quit at once has some.
    public var recordedAnything: Bool {
        recommendation != nil || !closingNotes.isEmpty || questions.contains { q in
            q.rating != nil || q.rubric.contains(where: \.checked) || !q.notes.isEmpty
        }
    }
}
