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
            var shared = SharedValues()
            try database.query("""
                SELECT s.rowid, r.number, r.bank_number, r.question_id, r.text_id, r.budget_seconds, r.elapsed_seconds,
                    r.over_budget, r.asked, r.skipped, r.added, r.rating, r.ticks
                FROM sessions s JOIN ratings r ON r.path = s.path WHERE s.folder = ? ORDER BY s.rowid, r.position
                """, folder) { row in
                let textID: Int64 = row[4]
                let text = texts[textID] ?? ("", [])
                let question = StatsSession.Question(
                    number: row[1], bankNumber: row[2], id: shared.questionID(row, 3, textID: textID), prompt: text.prompt,
                    budgetSeconds: row[5], elapsedSeconds: row[6], overBudget: row[7], asked: row[8], skipped: row[9],
                    added: row[10], rating: row[11], rubric: shared.rubric(textID: textID, items: text.rubric, ticks: row[12]))
                questions[row[0], default: []].append(question)
            }
            var sessions: [StatsSession] = []
            try database.query("""
                SELECT rowid, name, id, candidate, interviewer, started_at, ended_at, bank_title, bank_source, bank_hash,
                    bank_seconds, mode, status, recommendation, total_seconds, recorded_anything,
                    panel_interview, panel_role, panel_lead
                FROM sessions WHERE folder = ?
                """, folder) { row in
                let (mode, status) = (try Self.mode(row[11]), try Self.status(row[12]))
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

/// What many ratings rows repeat, made once and shared (arrays and strings are copied only
/// when written): a rubric with the same ticks, a question's id. The 150,000 rows of
/// 10,000 sessions hold a few thousand of each, and `stats` keeps them all in memory.
private struct SharedValues {
    private struct Ticked: Hashable {
        var textID: Int64
        var ticks: String
    }

    private var rubrics: [Ticked: [SessionFile.RubricItem]] = [:]
    /// Per text, the question id last read with it: almost always the one read next.
    private var questionIDs: [Int64: String] = [:]

    /// The rubric of text `textID`, `items`, with `ticks` (a `1` or `0` per item).
    mutating func rubric(textID: Int64, items: [String], ticks: String) -> [SessionFile.RubricItem] {
        let key = Ticked(textID: textID, ticks: ticks)
        if let rubric = rubrics[key] { return rubric }
        let rubric = zip(items, ticks.utf8).map { SessionFile.RubricItem(text: $0, checked: $1 == UInt8(ascii: "1")) }
        rubrics[key] = rubric
        return rubric
    }

    /// The question id in column `index` of `row`, a question of text `textID`.
    mutating func questionID(_ row: SQLiteStatement, _ index: Int32, textID: Int64) -> String {
        if let id = questionIDs[textID], row.column(index, is: id) { return id }
        let id: String = row[index]
        questionIDs[textID] = id
        return id
    }
}
