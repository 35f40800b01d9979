#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// The one report model of a session: what every format (Markdown, HTML, JSON, the
/// debrief) renders, built once from the session's fold (`ReportBuilder`). Its questions
/// come in the order they were asked, numbered as the interview numbered them (the plan,
/// with the interviewer's own questions in place), then the planned ones never reached;
/// the bank's questions that were neither planned nor asked are only counted (`notInPlan`).
///
/// It is also the JSON report's schema (docs/schema/report.schema.json, docs/reports.md):
/// every key is always present, with `null` for a missing value.
public struct SessionReport: Hashable, Sendable, Encodable {
    /// The bank as the session file names it.
    public typealias BankInfo = SessionFile.BankInfo

    public struct FollowUp: Hashable, Sendable, Encodable {
        public var text: String
        public var asked: Bool
    }

    /// A line of notes with its three times: the question clock (`at`, as the screen
    /// stamped it), the time into the interview (session seconds) and the clock time it
    /// was written at, when known (an ISO 8601 label; unknown after an interruption, as
    /// the program was not running to see how long it lasted).
    public struct Note: Hashable, Sendable, Encodable {
        public var at: Double
        public var text: String
        @Nullable public var interviewSeconds: Double?
        @Nullable public var clockTime: String?
    }

    public struct QuestionReport: Hashable, Sendable, Encodable {
        /// Its number in the interview: its place in the plan (the interviewer's own
        /// questions in place), as the screens numbered it; an extra question opened from
        /// outside the plan comes after the plan's.
        public var number: Int
        /// Its place in the bank (1-based); null for a question of the interviewer's own.
        @Nullable public var bankNumber: Int?
        public var id: String
        public var prompt: String
        /// In the plan, or the interviewer's own; false for an extra opened from the bank.
        public var planned: Bool
        public var budgetSeconds: Int
        public var elapsedSeconds: Int
        public var overBudget: Bool
        /// Asked: marked so (`m`), or a note, tick or rating on it, or a minute on screen;
        /// never when skipped. A question passed on the way to another is not asked, and
        /// neither an unasked nor a skipped question counts as a low score.
        public var asked: Bool
        /// `x`: not reached, or no signal; and why, when the interviewer said.
        public var skipped: Bool
        @Nullable public var skipReason: String?
        /// A question of the interviewer's own, added during the interview.
        public var added: Bool
        /// The question's follow-ups, each with whether it was asked.
        public var followUps: [FollowUp]
        public var competencies: [String]
        public var tags: [String]
        @Nullable public var rating: Int?
        /// The session time of its first rating (for the evidence check), when rated.
        @Nullable public var ratedAt: Double?
        public var rubric: [SessionFile.RubricItem]
        public var notes: [Note]
        /// Its ticks, rating or notes changed after the interview had ended.
        public var amendedAfterEnd: Bool

        public var checkedCount: Int { rubric.filter(\.checked).count }
        /// How it reads in a list: asked, skipped (and why) or not asked.
        public var state: String { skipped ? "skipped" : asked ? "asked" : "not asked" }
    }

    /// The session file as it was named (for a report of many sessions).
    public var file: String
    public var id: String
    public var candidate: String
    public var interviewer: String
    public var startedAt: String
    @Nullable public var endedAt: String?
    public var bank: BankInfo
    public var mode: SessionMode
    public var status: SessionStatus
    /// 1–4, `Rating.noDecision`, or nil (none given); in JSON 1–4, `"noDecision"` or null.
    @RecommendationJSON public var recommendation: Int?
    public var closingNotes: [Note]
    /// The total clock: seconds the interview ran, pauses excluded, amendments too.
    public var totalSeconds: Int
    public var questions: [QuestionReport]
    /// The bank's questions neither planned nor asked: counted, not listed.
    public var notInPlan: Int
    /// Pauses, undos, interruptions, resumes, reopenings and the end, in order.
    public var timeline: [TimelineEntry]
    /// When the ended interview was opened again to amend it (session seconds), or nil.
    @Nullable public var amendedAt: Double?
    /// Seconds spent amending after the end: the amendment's own time, not the interview's.
    public var amendingSeconds: Int
    /// The recommendation or the closing notes changed after the end.
    public var overallAmended: Bool
    public var competencies: [Competency]
    /// Competencies of the session's questions that no asked question covered.
    public var uncoveredCompetencies: [String]
    /// What a committee should look at before trusting the ratings (`EvidenceCheck`).
    public var evidence: [EvidenceWarning]
    /// A panel member's link to the interview (`interview join`); null for a solo
    /// interview or a panel's lead.
    @Nullable public var panel: SessionFile.Panel?

    /// Ratings rolled up per competency: the questions asked that give evidence of it
    /// (by their numbers), and their mean rating (nil when none of them is rated).
    public struct Competency: Hashable, Sendable, Encodable {
        public var name: String
        public var questions: [Int]
        @Nullable public var averageRating: Double?
    }

    /// The mean rating of the rated questions, nil when none is rated.
    public var averageRating: Double? {
        let ratings = questions.compactMap(\.rating)
        return ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
    }
}
