#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// What `interview stats` keeps of one session: the facts its rows, filters and sums read
/// (`SessionStats`), without the notes, the timeline and the events. A few kilobytes where
/// the report is tens: `stats` holds one per session, and the index (`InterviewIndex`)
/// stores it as it is, so that a warm `stats` decodes it instead of the file.
///
/// A fact that `stats` comes to read goes here and into the index's tables, whose schema
/// version goes up with it (`IndexSchema`: its rows are then made again from the files).
public struct StatsSession: Hashable, Sendable {
    /// One question as `stats` counts it (`SessionReport.QuestionReport`, less the notes).
    public struct Question: Hashable, Sendable {
        public var number: Int
        public var bankNumber: Int?
        public var id: String
        public var prompt: String
        public var budgetSeconds: Int
        public var elapsedSeconds: Int
        public var overBudget: Bool
        public var asked: Bool
        public var skipped: Bool
        public var added: Bool
        public var rating: Int?
        public var rubric: [SessionFile.RubricItem]

        public init(number: Int, bankNumber: Int?, id: String, prompt: String, budgetSeconds: Int, elapsedSeconds: Int,
                    overBudget: Bool, asked: Bool, skipped: Bool, added: Bool, rating: Int?, rubric: [SessionFile.RubricItem]) {
            (self.number, self.bankNumber, self.id, self.prompt, self.budgetSeconds) = (number, bankNumber, id, prompt, budgetSeconds)
            (self.elapsedSeconds, self.overBudget, self.asked, self.skipped) = (elapsedSeconds, overBudget, asked, skipped)
            (self.added, self.rating, self.rubric) = (added, rating, rubric)
        }
    }

    /// The session file's name, as `stats` shows it.
    public var file: String
    public var id: String
    public var candidate: String
    public var interviewer: String
    public var startedAt: String
    public var endedAt: String?
    public var bank: SessionFile.BankInfo
    public var mode: SessionMode
    public var status: SessionStatus
    public var recommendation: Int?
    public var totalSeconds: Int
    /// `SessionReport.recordedAnything`: it needs the notes, which are not kept.
    public var recordedAnything: Bool
    public var questions: [Question]
    /// A panel member's link to the interview; nil for a solo interview or a lead.
    public var panel: SessionFile.Panel?

    /// The mean rating of the rated questions, nil when none is rated.
    public var averageRating: Double? {
        let ratings = questions.compactMap(\.rating)
        return ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
    }

    public init(file: String, id: String, candidate: String, interviewer: String, startedAt: String, endedAt: String?,
                bank: SessionFile.BankInfo, mode: SessionMode, status: SessionStatus, recommendation: Int?,
                totalSeconds: Int, recordedAnything: Bool, questions: [Question], panel: SessionFile.Panel? = nil) {
        (self.file, self.id, self.candidate, self.interviewer, self.startedAt) = (file, id, candidate, interviewer, startedAt)
        (self.endedAt, self.bank, self.mode, self.status) = (endedAt, bank, mode, status)
        (self.recommendation, self.totalSeconds, self.recordedAnything, self.questions) =
            (recommendation, totalSeconds, recordedAnything, questions)
        self.panel = panel
    }

    public init(_ report: SessionReport) {
        self.init(file: report.file, id: report.id, candidate: report.candidate, interviewer: report.interviewer,
                  startedAt: report.startedAt, endedAt: report.endedAt, bank: report.bank, mode: report.mode,
                  status: report.status, recommendation: report.recommendation, totalSeconds: report.totalSeconds,
                  recordedAnything: report.recordedAnything, questions: report.questions.map { q in
            Question(number: q.number, bankNumber: q.bankNumber, id: q.id, prompt: q.prompt, budgetSeconds: q.budgetSeconds,
                     elapsedSeconds: q.elapsedSeconds, overBudget: q.overBudget, asked: q.asked, skipped: q.skipped,
                     added: q.added, rating: q.rating, rubric: q.rubric)
        }, panel: report.panel)
    }
}

extension StatsSession {
    /// The facts of the session file at `path`, named by its file name.
    public static func read(_ path: String) throws(InputError) -> StatsSession {
        guard let data = FileManager.default.contents(atPath: path) else { return try unreadable(path) }
        return try read(path, data: data, name: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// For a file whose bytes could not be read: the whole-file reader's own error for it
    /// (missing, a folder, no permission), or its facts should it read by now.
    public static func unreadable(_ path: String) throws(InputError) -> StatsSession {
        StatsSession(SessionReport(try SessionStore.read(path), file: URL(fileURLWithPath: path).lastPathComponent))
    }

    /// The facts of the session file `path` (named `name` in the rows), read from its
    /// summary as `SessionStats.report` reads it; the file's exact error otherwise.
    public static func read(_ path: String, data: Data, name: String) throws(InputError) -> StatsSession {
        StatsSession(try SessionStats.report(path, data: data, name: name))
    }
}
