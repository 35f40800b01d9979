#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// What `interview stats` prints: a table for people (`table`), CSV for spreadsheets
/// (`csv`), JSON for tools (`json`). docs/reports.md describes each column and key.
extension SessionStats {
    public enum Format: String, CaseIterable, Sendable {
        case table, csv, json
    }

    /// The JSON document's `format` and `version`.
    public static let jsonFormat = "interview-stats"
    public static let jsonVersion = 1

    /// The stats in `format`. `questions`: the table lists each question's rubric items
    /// with their hit rates; the CSV has a row per question instead of one per session.
    public func render(_ format: Format, questions: Bool = false) -> String {
        switch format {
        case .table: render(rubricItems: questions)
        case .csv: questions ? questionsCSV() : sessionsCSV()
        case .json: json()
        }
    }

    // MARK: - Table

    /// The first lines: how many sessions, from where, and what was left out.
    private var headline: String {
        var parts: [String] = []
        if !skipped.isEmpty { parts.append("\(skipped.count) file\(skipped.count == 1 ? "" : "s") skipped") }
        if nothingRecorded > 0 { parts.append("\(nothingRecorded) with nothing recorded left out") }
        var line = sessions.isEmpty
            ? "No sessions in \(ReportText.visible(folder))"
            : "\(sessions.count) session\(sessions.count == 1 ? "" : "s") in \(ReportText.visible(folder))"
        if !parts.isEmpty { line += " (\(parts.joined(separator: "; ")))" }
        if sessions.isEmpty { line += "." }
        if !filter.isEmpty {
            line += "\nFilter: \(filter.summary) (\(filteredOut) session\(filteredOut == 1 ? "" : "s") left out)"
        }
        return line + "\n"
    }

    /// Plain text in aligned columns (widths in terminal cells, `DisplayWidth`, so CJK and
    /// emoji line up): the sessions,
    /// the interviewers, and per bank its questions (with `rubricItems`, each question's
    /// rubric items and how often each was ticked).
    public func render(rubricItems: Bool = false) -> String {
        guard !sessions.isEmpty else { return headline }
        var out = headline + "\n"
        let sessionRows = sessions.map { s -> [String] in
            [ReportText.date(s.startedAt), Self.cell(s.candidate, 24), Self.cell(s.interviewer, 24), Self.cell(s.bank.title, 28),
             s.mode.rawValue, s.status.rawValue, ReportText.rating(s.recommendation), s.averageRating.map(Self.decimal) ?? "-",
             Durations.clock(s.totalSeconds)]
        }
        out += Self.table(header: ["DATE", "CANDIDATE", "INTERVIEWER", "BANK", "MODE", "STATUS", "RECOMMENDATION", "AVG RATING", "TIME"],
                          rows: sessionRows, rightAligned: [7, 8], indent: "")

        out += "\nInterviewers: \(interviewers.count)\n"
        let interviewerRows = interviewers.map { i -> [String] in
            [Self.cell(i.title, 28), "\(i.sessions)", i.averageRating.map(Self.decimal) ?? "-"]
                + i.recommendations.map { "\($0)" }
                + [i.questionsPerInterview.map(Self.decimal) ?? "-", Self.share(i.questionsOverBudget, of: i.questionsAsked)]
        }
        let recommendationHeadings = RecommendationColumn.all.map(\.heading)
        out += Self.table(header: ["INTERVIEWER", "SESSIONS", "AVG RATING"] + recommendationHeadings + ["ASKED/INTERVIEW", "OVER BUDGET"],
                          rows: interviewerRows, rightAligned: Set(1..<(5 + recommendationHeadings.count)), indent: "  ")
        out += calibration.table

        for bank in banks {
            out += "\n\(ReportText.visible(bank.title)): \(bank.sessions) session\(bank.sessions == 1 ? "" : "s")\n"
            let rows = bank.questions.map { q -> [String] in
                let rating = q.averageRating.map { "\(Self.decimal($0)) (\(q.rated))" } ?? "-"
                let time = q.averageSeconds.map { "\(Durations.clock($0))/\(Durations.clock(q.budgetSeconds))" }
                    ?? "-/\(Durations.clock(q.budgetSeconds))"
                let hits = q.rubric.isEmpty ? "-" : q.rubric.map { $0.hitRate.map { "\(Self.percent($0))" } ?? "-" }.joined(separator: " ")
                return ["\(q.number)", Self.cell(q.prompt, 40), "\(q.asked)", "\(q.skipped)", q.asked == 0 ? "-" : Self.share(q.overBudget, of: q.asked),
                        q.ratingCounts.map { "\($0)" }.joined(separator: "/"), rating, time, hits]
            }
            out += Self.table(header: ["#", "QUESTION", "ASKED", "SKIPPED", "OVER BUDGET", "RATED 1/2/3/4", "AVG RATING (N)",
                                       "AVG TIME/BUDGET", "RUBRIC HIT %"],
                              rows: rows, rightAligned: [0, 2, 3, 4, 5, 6, 7], indent: "  ")
            if rubricItems {
                out += "\n  Rubric items of \(ReportText.visible(bank.title)), ticked when the question was asked:\n"
                var itemRows: [[String]] = []
                for q in bank.questions where !q.rubric.isEmpty {
                    for (index, item) in q.rubric.enumerated() {
                        itemRows.append([index == 0 ? "\(q.number)" : "", item.hitRate.map { "\(Self.percent($0))%" } ?? "-",
                                         "\(item.ticked)/\(item.asked)", Self.cell(item.text, 60)])
                    }
                }
                out += Self.table(header: ["#", "HIT", "TICKED/ASKED", "ITEM"], rows: itemRows, rightAligned: [0, 1, 2], indent: "  ")
            }
        }
        return out
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A share as a whole percentage.
    static func percent(_ value: Double) -> Int { Int((value * 100).rounded()) }

    /// `4 (44%)`, or `0` when there is nothing to share.
    static func share(_ count: Int, of total: Int) -> String {
        total == 0 ? "\(count)" : "\(count) (\(percent(Double(count) / Double(total)))%)"
    }

    /// Visible text on one line, at most `limit` terminal cells (`…` when cut).
    static func cell(_ text: String, _ limit: Int) -> String {
        let shown = ReportText.visible(text)
        guard DisplayWidth.of(shown) > limit else { return shown }
        var cut = ""
        var width = 0
        for character in shown {
            let w = DisplayWidth.of(character)
            guard width + w <= limit - 1 else { break }
            cut.append(character)
            width += w
        }
        return cut + "…"
    }

    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>, indent: String) -> String {
        var widths = header.map { DisplayWidth.of($0) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            var text = indent
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                let isLast = i == cells.count - 1
                text += rightAligned.contains(i) ? pad + cell : cell + (isLast ? "" : pad)
                if !isLast { text += "  " }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    // MARK: - CSV

    /// The columns of `sessionsCSV`, in order.
    public static let sessionColumns = [
        "file", "started_at", "candidate", "interviewer", "bank", "bank_source", "mode", "status", "recommendation",
        "average_rating", "questions", "questions_asked", "questions_over_budget", "total_seconds", "duration_seconds",
    ]

    /// The columns of `questionsCSV`, in order.
    public static let questionColumns = [
        "bank", "mode", "number", "id", "prompt", "budget_seconds", "sessions", "asked", "skipped", "over_budget",
        "rated", "rating_1", "rating_2", "rating_3", "rating_4", "average_rating", "average_seconds",
        "rubric_items", "rubric_hit_rates",
    ]

    /// A header row, then one row per session (RFC 4180: a field with a comma, a quote
    /// or a line break is quoted; lines end with LF).
    public func sessionsCSV() -> String {
        var out = CSV.row(Self.sessionColumns)
        for s in sessions {
            let asked = s.questions.filter(\.asked)
            out += CSV.row([
                CSV.text(s.file), CSV.text(s.startedAt), CSV.text(s.candidate), CSV.text(s.interviewer), CSV.text(s.bank.title),
                CSV.text(s.bank.source), s.mode.rawValue, s.status.rawValue,
                s.recommendation.map { $0 == Rating.noDecision ? RecommendationJSON.noDecision : "\($0)" } ?? "",
                s.averageRating.map(CSV.decimal) ?? "", "\(s.questions.count)", "\(asked.count)",
                "\(asked.filter(\.overBudget).count)", "\(s.totalSeconds)", "\(s.bank.durationSeconds)",
            ])
        }
        return out
    }

    /// A header row, then one row per question of each bank (in `banks` order). Its
    /// rubric items' hit rates are in one field, in the items' order, separated by `;`
    /// (the JSON has their texts).
    public func questionsCSV() -> String {
        var out = CSV.row(Self.questionColumns)
        for bank in banks {
            for q in bank.questions {
                out += CSV.row([
                    CSV.text(bank.bankTitle), bank.mode.rawValue, "\(q.number)", CSV.text(q.id), CSV.text(q.prompt),
                    "\(q.budgetSeconds)", "\(q.sessions)", "\(q.asked)", "\(q.skipped)", "\(q.overBudget)", "\(q.rated)",
                ] + q.ratingCounts.map { "\($0)" } + [
                    q.averageRating.map(CSV.decimal) ?? "", q.averageSeconds.map { "\($0)" } ?? "", "\(q.rubric.count)",
                    q.rubric.map { $0.hitRate.map(CSV.decimal) ?? "" }.joined(separator: ";"),
                ])
            }
        }
        return out
    }

    // MARK: - JSON

    /// `{format, version, folder, filter, skipped, nothingRecorded, filteredOut,
    /// sessions, interviewers, questions}`, pretty-printed with sorted keys; every key
    /// always present, `null` for a missing value.
    public func json() -> String {
        ReportText.jsonText(StatsDocument(self))
    }
}

/// Fields for CSV.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    /// User text: controls as visible marks (a CSV is read in terminals too), and a `'`
    /// before a text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`).
    static func text(_ value: String) -> String {
        let shown = ReportText.visible(value)
        guard let first = shown.first, "=+-@".contains(first) else { return shown }
        return "'" + shown
    }

    /// Two decimals: `2.67`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
