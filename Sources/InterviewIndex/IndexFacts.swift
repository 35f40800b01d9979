#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewReports

extension SessionIndex {
    /// The facts of every session of `folder` the index holds, read in one state of the
    /// database. Rows are matched to their session by its rowid, not its path: a number is
    /// cheaper to read and to look up, and `stats` reads some 15 rows per session. Ordered
    /// by rowid, the ratings come as the folder's index and their key give them: no sort.
    func facts(folder: String) throws -> [StatsSession] {
        try database.readTransaction {
            let texts = try questionTexts()
            var questions: [Int64: [StatsSession.Question]] = [:]
            try database.query("""
                SELECT s.rowid, r.number, r.bank_number, r.question_id, r.text_id, r.budget_seconds, r.elapsed_seconds,
                    r.over_budget, r.asked, r.skipped, r.added, r.rating, r.ticks
                FROM sessions s JOIN ratings r ON r.path = s.path WHERE s.folder = ? ORDER BY s.rowid, r.position
                """, folder) { row in
                let text = texts[row[4] as Int64] ?? ("", [])
                let ticks: String = row[12]
                let rubric = zip(text.rubric, ticks.utf8).map { SessionFile.RubricItem(text: $0, checked: $1 == UInt8(ascii: "1")) }
                let question = StatsSession.Question(
                    number: row[1], bankNumber: row[2], id: row[3], prompt: text.prompt, budgetSeconds: row[5],
                    elapsedSeconds: row[6], overBudget: row[7], asked: row[8], skipped: row[9], added: row[10],
                    rating: row[11], rubric: rubric)
                questions[row[0], default: []].append(question)
            }
            var sessions: [StatsSession] = []
            try database.query("""
                SELECT rowid, name, id, candidate, interviewer, started_at, ended_at, bank_title, bank_source, bank_hash,
                    bank_seconds, mode, status, recommendation, total_seconds, recorded_anything,
                    panel_interview, panel_role, panel_lead
                FROM sessions WHERE folder = ?
                """, folder) { row in
                guard let mode = SessionMode(rawValue: row[11]), let status = SessionStatus(rawValue: row[12]) else {
                    throw SQLiteError.damaged("a session row of another making")
                }
                sessions.append(StatsSession(
                    file: row[1], id: row[2], candidate: row[3], interviewer: row[4], startedAt: row[5], endedAt: row[6],
                    bank: SessionFile.BankInfo(title: row[7], source: row[8], hash: row[9], durationSeconds: row[10]),
                    mode: mode, status: status, recommendation: row[13], totalSeconds: row[14], recordedAnything: row[15],
                    questions: questions[row[0]] ?? [], panel: IndexRows.panel(row, from: 16)))
            }
            return sessions
        }
    }

    /// Every question text of the index by its id: a prompt and its rubric's items.
    private func questionTexts() throws -> [Int64: (prompt: String, rubric: [String])] {
        var texts: [Int64: (prompt: String, rubric: [String])] = [:]
        try database.query("SELECT id, prompt, rubric FROM question_texts") { row in
            let rubric: String = row[2]
            texts[row[0]] = (row[1], try JSONDecoder().decode([String].self, from: Data(rubric.utf8)))
        }
        return texts
    }
}
