import Foundation
import GRDB
import InterviewCore
import InterviewReports

/// A session's facts to rows and back: a `sessions` row, a `ratings` row per question, its
/// texts in `question_texts` (IndexSchema).
enum IndexRows {
    static func replace(_ path: String, folder: String, stamp: FileStamp, hash: String, session s: StatsSession,
                        texts: inout QuestionTexts, in db: Database) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE path = ?", arguments: [path])
        try db.cachedStatement(sql: """
            INSERT INTO sessions (path, folder, name, size, mtime_ns, hash, id, candidate, interviewer, started_at, ended_at,
                bank_title, bank_source, bank_hash, bank_seconds, mode, status, recommendation, total_seconds, recorded_anything,
                panel_interview, panel_role, panel_lead)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                path, folder, s.file, stamp.size, stamp.mtimeNanoseconds, hash, s.id, s.candidate, s.interviewer, s.startedAt,
                s.endedAt, s.bank.title, s.bank.source, s.bank.hash, s.bank.durationSeconds, s.mode.rawValue, s.status.rawValue,
                s.recommendation, s.totalSeconds, s.recordedAnything,
                s.panel?.interview, s.panel?.role.rawValue, s.panel?.lead,
            ])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO ratings (path, position, number, bank_number, question_id, text_id, budget_seconds, elapsed_seconds,
                over_budget, asked, skipped, added, rating, ticks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, q) in s.questions.enumerated() {
            let textID = try texts.id(prompt: q.prompt, rubric: q.rubric.map(\.text), in: db)
            try insert.execute(arguments: [
                path, position, q.number, q.bankNumber, q.id, textID, q.budgetSeconds, q.elapsedSeconds, q.overBudget,
                q.asked, q.skipped, q.added, q.rating, String(q.rubric.map { $0.checked ? "1" : "0" }),
            ])
        }
    }
}

extension IndexRows {
    /// A `sessions` row's panel link, nil for a solo interview or a lead.
    static func panel(_ row: Row) -> SessionFile.Panel? {
        let interview: String? = row["panel_interview"], role: String? = row["panel_role"]
        guard let interview, let role else { return nil }
        guard let known = SessionFile.Panel.Role(rawValue: role) else { return nil }
        return SessionFile.Panel(interview: interview, role: known, lead: row["panel_lead"] ?? "")
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

    mutating func id(prompt: String, rubric: [String], in db: Database) throws -> Int64 {
        let key = Key(prompt: prompt, rubric: rubric)
        if let id = ids[key] { return id }
        let encoded = String(decoding: try JSONEncoder().encode(rubric), as: UTF8.self)
        let id: Int64
        if let found = try Int64.fetchOne(db, sql: "SELECT id FROM question_texts WHERE prompt = ? AND rubric = ?",
                                          arguments: [prompt, encoded]) {
            id = found
        } else {
            try db.execute(sql: "INSERT INTO question_texts (prompt, rubric) VALUES (?, ?)", arguments: [prompt, encoded])
            id = db.lastInsertedRowID
        }
        ids[key] = id
        return id
    }
}

extension SessionIndex {
    /// The facts of every session of `folder` the index holds.
    func facts(folder: String) throws -> [StatsSession] {
        try pool.read { db in
            var texts: [Int64: (prompt: String, rubric: [String])] = [:]
            let textRows = try Row.fetchCursor(db, sql: "SELECT id, prompt, rubric FROM question_texts")
            while let row = try textRows.next() {
                let (id, prompt, rubric): (Int64, String, String) = (row[0], row[1], row[2])
                texts[id] = (prompt, try JSONDecoder().decode([String].self, from: Data(rubric.utf8)))
            }
            var questions: [String: [StatsSession.Question]] = [:]
            let ratingRows = try Row.fetchCursor(db, sql: """
                SELECT r.path, r.number, r.bank_number, r.question_id, r.text_id, r.budget_seconds, r.elapsed_seconds,
                    r.over_budget, r.asked, r.skipped, r.added, r.rating, r.ticks
                FROM ratings r JOIN sessions s ON s.path = r.path WHERE s.folder = ? ORDER BY r.path, r.position
                """, arguments: [folder])
            while let row = try ratingRows.next() {
                let text = texts[row[4]] ?? ("", [])
                let ticks: String = row[12]
                let rubric = zip(text.rubric, ticks).map { SessionFile.RubricItem(text: $0, checked: $1 == "1") }
                let question = StatsSession.Question(
                    number: row[1], bankNumber: row[2], id: row[3], prompt: text.prompt, budgetSeconds: row[5],
                    elapsedSeconds: row[6], overBudget: row[7], asked: row[8], skipped: row[9], added: row[10],
                    rating: row[11], rubric: rubric)
                questions[row[0], default: []].append(question)
            }
            var sessions: [StatsSession] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, name, id, candidate, interviewer, started_at, ended_at, bank_title, bank_source, bank_hash,
                    bank_seconds, mode, status, recommendation, total_seconds, recorded_anything,
                    panel_interview, panel_role, panel_lead
                FROM sessions WHERE folder = ?
                """, arguments: [folder])
            while let row = try rows.next() {
                guard let mode = SessionMode(rawValue: row[11]), let status = SessionStatus(rawValue: row[12]) else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a session row of another making")
                }
                sessions.append(StatsSession(
                    file: row[1], id: row[2], candidate: row[3], interviewer: row[4], startedAt: row[5], endedAt: row[6],
                    bank: SessionFile.BankInfo(title: row[7], source: row[8], hash: row[9], durationSeconds: row[10]),
                    mode: mode, status: status, recommendation: row[13], totalSeconds: row[14], recordedAnything: row[15],
                    questions: questions[row[0]] ?? [], panel: IndexRows.panel(row)))
            }
            return sessions
        }
    }
}
