#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewReports

/// A session's facts to rows and back: a `sessions` row, a `ratings` row per question, its
/// texts in `question_texts` (IndexSchema).
enum IndexRows {
    static func replace(_ path: String, folder: String, stamp: FileStamp, hash: String, session s: StatsSession,
                        texts: inout QuestionTexts, in db: SQLiteConnection) throws {
        try db.run("DELETE FROM sessions WHERE path = ?", path)
        try db.run("""
            INSERT INTO sessions (path, folder, name, size, mtime_ns, hash, id, candidate, interviewer, started_at, ended_at,
                bank_title, bank_source, bank_hash, bank_seconds, mode, status, recommendation, total_seconds, recorded_anything,
                panel_interview, panel_role, panel_lead)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
                path, folder, s.file, stamp.size, stamp.mtimeNanoseconds, hash, s.id, s.candidate, s.interviewer, s.startedAt,
                s.endedAt, s.bank.title, s.bank.source, s.bank.hash, s.bank.durationSeconds, s.mode.rawValue, s.status.rawValue,
                s.recommendation, s.totalSeconds, s.recordedAnything,
                s.panel?.interview, s.panel?.role.rawValue, s.panel?.lead)
        let insert = """
            INSERT INTO ratings (path, position, number, bank_number, question_id, text_id, budget_seconds, elapsed_seconds,
                over_budget, asked, skipped, added, rating, ticks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        for (position, q) in s.questions.enumerated() {
            let textID = try texts.id(prompt: q.prompt, rubric: q.rubric.map(\.text), in: db)
            try db.run(insert,
                path, position, q.number, q.bankNumber, q.id, textID, q.budgetSeconds, q.elapsedSeconds, q.overBudget,
                q.asked, q.skipped, q.added, q.rating, String(q.rubric.map { $0.checked ? "1" : "0" }))
        }
    }
}

extension IndexRows {
    /// A `sessions` row's panel link, nil for a solo interview or a lead.
    /// `row`'s columns from `first` on: panel_interview, panel_role, panel_lead.
    static func panel(_ row: SQLiteStatement, from first: Int32) -> SessionFile.Panel? {
        let interview: String? = row[first], role: String? = row[first + 1]
        guard let interview, let role else { return nil }
        guard let known = SessionFile.Panel.Role(rawValue: role) else { return nil }
        return SessionFile.Panel(interview: interview, role: known, lead: row[first + 2] ?? "")
    }
}

/// The ids of question texts in `question_texts`, remembered for the rest of a refresh:
/// the sessions of a bank share them.
struct QuestionTexts {
    struct Key: Hashable {
        var prompt: String
        var rubric: [String]
    }

    private var ids: [Key: Int64] = [:]

    mutating func id(prompt: String, rubric: [String], in db: SQLiteConnection) throws -> Int64 {
        let key = Key(prompt: prompt, rubric: rubric)
        if let id = ids[key] { return id }
        let encoded = String(decoding: try JSONEncoder().encode(rubric), as: UTF8.self)
        var found: Int64?
        try db.query("SELECT id FROM question_texts WHERE prompt = ? AND rubric = ?", prompt, encoded) { found = $0[0] }
        let id: Int64
        if let found {
            id = found
        } else {
            try db.run("INSERT INTO question_texts (prompt, rubric) VALUES (?, ?)", prompt, encoded)
            id = db.lastInsertedRowID
        }
        ids[key] = id
        return id
    }
}
