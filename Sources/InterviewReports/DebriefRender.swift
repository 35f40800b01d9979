import InterviewCore

/// The debrief in Markdown: the sessions side by side, where interviewers disagree, the
/// questions (a row each, a column per interviewer), the roll-up by tag, the closing notes.
enum DebriefMarkdown {
    private static func md(_ text: String, _ context: MarkdownContext) -> String { ReportText.markdown(text, in: context) }

    static func render(_ d: Debrief) -> String {
        var out: [String] = []
        let who = d.candidate.isEmpty ? "(no candidate name)" : md(d.candidate, .heading)
        out.append("# Debrief: \(who)")
        out.append("")
        out.append("\(d.columns.count) session\(d.columns.count == 1 ? "" : "s") of one candidate, side by side.")
        out.append("")
        let titles = d.columns.map { md($0.title, .cell) }
        out.append("| | " + titles.joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---|", count: titles.count))
        func factRow(_ name: String, _ value: (SessionReport) -> String) {
            out.append("| \(name) | " + d.columns.map { value($0.report) }.joined(separator: " | ") + " |")
        }
        factRow("Date") { md(ReportText.date($0.startedAt), .cell) }
        factRow("Bank") { md($0.bank.title, .cell) }
        factRow("Mode, status") { "\($0.mode.rawValue), \($0.status.rawValue)" }
        factRow("Time") { ReportText.time($0.totalSeconds, budget: $0.bank.durationSeconds) }
        factRow("Recommendation") { "**\(ReportText.rating($0.recommendation))**" + ($0.overallAmended ? " " + ReportText.amended : "") }
        factRow("File") { md($0.file, .cell) }

        out.append("")
        out.append("## Where interviewers disagree (\(Debrief.disagreementPoints) points or more)")
        out.append("")
        let disagreements = DebriefText.disagreements(d)
        if disagreements.isEmpty {
            out.append("Nowhere: no two ratings of a question, nor two recommendations, are \(Debrief.disagreementPoints) points apart.")
        } else {
            for line in disagreements { out.append("- " + md(line.subject, .block) + ": " + md(line.ratings, .inline)) }
        }

        out.append("")
        out.append("## Questions")
        out.append("")
        out.append("| # | Question | " + titles.joined(separator: " | ") + " | Spread |")
        out.append("|---:|---|" + String(repeating: "---|", count: titles.count) + "---:|")
        for (index, row) in d.rows.enumerated() {
            let cells = row.answers.map { DebriefText.cell($0) }
            out.append("| \(index + 1) | \(md(row.prompt, .cell)) | " + cells.joined(separator: " | ") + " | \(DebriefText.spread(row)) |")
        }

        out.append("")
        out.append("## \(DebriefText.rollUpTitle(d))")
        out.append("")
        out.append(DebriefText.rollUpNote(d))
        if !d.rollUp.isEmpty {
            out.append("")
            out.append("| \(DebriefText.rollUpHeading(d)) | " + titles.joined(separator: " | ") + " | All |")
            out.append("|---|" + String(repeating: "---:|", count: titles.count) + "---:|")
            for group in d.rollUp {
                let cells = d.columns.indices.map { DebriefText.average(group.average($0), group.perColumn[$0].rated) }
                out.append("| \(md(group.name, .cell)) | " + cells.joined(separator: " | ") + " | \(DebriefText.average(group.averageRating, group.rated)) |")
            }
        }

        out.append("")
        out.append("## Evidence check")
        for column in d.columns {
            out.append("")
            out.append("### \(md(column.title, .heading))")
            out.append("")
            let warnings = column.report.evidence
            out += warnings.isEmpty ? [EvidenceCheck.allClear] : warnings.map { "- " + md($0.message, .block) }
        }

        out.append("")
        out.append("## Closing notes")
        for column in d.columns {
            out.append("")
            out.append("### \(md(column.title, .heading))")
            out.append("")
            let lines = column.report.closingNotes.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if lines.isEmpty {
                out.append("No closing notes.")
            } else {
                for line in lines { out.append("- " + md(line.text, .block)) }
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}

/// The debrief's texts, the same in Markdown and HTML (each escapes them for itself).
enum DebriefText {
    static func rollUpTitle(_ d: Debrief) -> String { d.rollUpBy == .competencies ? "By competency" : "By tag" }
    static func rollUpHeading(_ d: Debrief) -> String { d.rollUpBy == .competencies ? "Competency" : "Tag" }

    static func rollUpNote(_ d: Debrief) -> String {
        d.rollUpBy == .competencies
            ? "Each interviewer's average rating of the questions that give evidence of each competency, and how many ratings."
            : "No question names a competency: ratings are rolled up by the questions' tags instead (the average, and how many ratings)."
    }

    /// `4 strong yes · 03:20/03:00 +00:20 over · 2/3 ticked`, `skipped: no time`,
    /// `not asked`, or `-` where the session does not have the question.
    static func cell(_ answer: Debrief.Answer?) -> String {
        guard let answer else { return "-" }
        if answer.skipped { return "skipped" + (answer.skipReason.map { ": " + $0 } ?? "") }
        guard answer.asked else { return "not asked" }
        var parts = [ReportText.rating(answer.rating), ReportText.time(answer.elapsedSeconds, budget: answer.budgetSeconds)]
        if answer.rubricCount > 0 { parts.append("\(answer.ticked.count)/\(answer.rubricCount) ticked") }
        return parts.joined(separator: " · ") + (answer.added ? " (added)" : "")
            + (answer.amendedAfterEnd ? " " + ReportText.amended : "")
    }

    /// `2 apart: disagree`, `1`, or `-` with fewer than two ratings.
    static func spread(_ row: Debrief.Row) -> String {
        guard let spread = row.spread else { return "-" }
        return row.disagreement ? "\(spread) apart: disagree" : "\(spread)"
    }

    /// `3.5 (2)`, or `-`.
    static func average(_ value: Double?, _ count: Int) -> String {
        value.map { "\(SessionStats.decimal($0)) (\(count))" } ?? "-"
    }

    struct Disagreement {
        var subject: String
        var ratings: String
    }

    /// The recommendation first, then each question, with every interviewer's rating.
    static func disagreements(_ d: Debrief) -> [Disagreement] {
        var out: [Disagreement] = []
        if d.recommendationsDisagree {
            let ratings = d.columns.compactMap { c in c.report.recommendation.map { "\(c.title) \(ReportText.rating($0))" } }
            out.append(Disagreement(subject: "Recommendation", ratings: ratings.joined(separator: ", ")))
        }
        for (index, row) in d.rows.enumerated() where row.disagreement {
            let ratings = zip(d.columns, row.answers).compactMap { column, answer in
                answer?.rating.map { "\(column.title) \(ReportText.rating($0))" }
            }
            out.append(Disagreement(subject: "\(index + 1). \(row.prompt)", ratings: ratings.joined(separator: ", ")))
        }
        return out
    }
}

/// The debrief as one self-contained XHTML page, with the scorecard's style and print rules.
enum DebriefHTML {
    private static func h(_ text: String) -> String { ReportText.html(text) }

    static func render(_ d: Debrief) -> String {
        let who = d.candidate.isEmpty ? "(no candidate name)" : d.candidate
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Debrief: \(h(who))</title>
            <style>
            \(HTMLReport.css)
            \(css)
            </style>
            </head>
            <body>
            <article class="debrief">
            <h1>Debrief: \(h(who))</h1>
            <p>\(d.columns.count) session\(d.columns.count == 1 ? "" : "s") of one candidate, side by side.</p>

            """
        let titles = d.columns.map { "<th scope=\"col\">\(h($0.title))</th>" }.joined()
        out += "<table class=\"facts sessions\"><thead><tr><th></th>\(titles)</tr></thead><tbody>\n"
        func factRow(_ name: String, _ value: (SessionReport) -> String) {
            out += "<tr><th scope=\"row\">\(name)</th>" + d.columns.map { "<td>\(value($0.report))</td>" }.joined() + "</tr>\n"
        }
        factRow("Date") { h(ReportText.date($0.startedAt)) }
        factRow("Bank") { h($0.bank.title) }
        factRow("Mode, status") { "\($0.mode.rawValue), \($0.status.rawValue)" }
        factRow("Time") { timeHTML($0.totalSeconds, budget: $0.bank.durationSeconds) }
        factRow("Recommendation") { "<strong>\(h(ReportText.rating($0.recommendation)))</strong>" + ($0.overallAmended ? " " + h(ReportText.amended) : "") }
        factRow("File") { "<span class=\"muted\">\(h($0.file))</span>" }
        out += "</tbody></table>\n"

        out += "<section class=\"disagreements\">\n<h2>Where interviewers disagree (\(Debrief.disagreementPoints) points or more)</h2>\n"
        let disagreements = DebriefText.disagreements(d)
        if disagreements.isEmpty {
            out += "<p>Nowhere: no two ratings of a question, nor two recommendations, are \(Debrief.disagreementPoints) points apart.</p>\n"
        } else {
            out += "<ul>\n" + disagreements.map { "<li><strong>\(h($0.subject))</strong>: \(h($0.ratings))</li>\n" }.joined() + "</ul>\n"
        }
        out += "</section>\n"

        out += "<section class=\"questions\">\n<h2>Questions</h2>\n"
        out += "<table class=\"debrief\"><thead><tr><th>#</th><th>Question</th>\(titles)<th>Spread</th></tr></thead><tbody>\n"
        for (index, row) in d.rows.enumerated() {
            out += "<tr\(row.disagreement ? " class=\"disagree\"" : "")><td class=\"num\">\(index + 1)</td><td>\(h(row.prompt))</td>"
            for answer in row.answers { out += "<td>\(cellHTML(answer))</td>" }
            out += "<td class=\"num\">\(h(DebriefText.spread(row)))</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"

        out += "<section class=\"rollup\">\n<h2>\(DebriefText.rollUpTitle(d))</h2>\n<p class=\"muted\">\(h(DebriefText.rollUpNote(d)))</p>\n"
        if !d.rollUp.isEmpty {
            out += "<table class=\"rollup\"><thead><tr><th>\(DebriefText.rollUpHeading(d))</th>\(titles)<th>All</th></tr></thead><tbody>\n"
            for group in d.rollUp {
                out += "<tr><th scope=\"row\">\(h(group.name))</th>"
                for column in d.columns.indices {
                    out += "<td class=\"num\">\(DebriefText.average(group.average(column), group.perColumn[column].rated))</td>"
                }
                out += "<td class=\"num\"><strong>\(DebriefText.average(group.averageRating, group.rated))</strong></td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</section>\n"

        out += "<section class=\"evidence\">\n<h2>Evidence check</h2>\n"
        for column in d.columns {
            out += "<h3>\(h(column.title))</h3>\n"
            let warnings = column.report.evidence
            out += warnings.isEmpty ? "<p class=\"muted\">\(EvidenceCheck.allClear)</p>\n"
                : "<ul>\n" + warnings.map { "<li>\(h($0.message))</li>\n" }.joined() + "</ul>\n"
        }
        out += "</section>\n"

        out += "<section class=\"closing\">\n<h2>Closing notes</h2>\n"
        for column in d.columns {
            out += "<h3>\(h(column.title))</h3>\n"
            let lines = column.report.closingNotes.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if lines.isEmpty {
                out += "<p class=\"muted\">No closing notes.</p>\n"
            } else {
                out += "<ul class=\"notes\">\n" + lines.map { "<li><span class=\"closing-text\">\(h($0.text))</span></li>\n" }.joined() + "</ul>\n"
            }
        }
        out += "</section>\n</article>\n</body>\n</html>\n"
        return out
    }

    static let css = """
        table.debrief td, table.debrief th, table.sessions td, table.sessions th, table.rollup td, table.rollup th { font-size: .92em; }
        td.num, table.debrief .over { text-align: right; white-space: nowrap; }
        table.debrief { width: 100%; }
        table.debrief td:nth-child(2) { min-width: 12em; }
        tr.disagree td:first-child { border-left: 4px solid var(--over); font-weight: 700; }
        tr.disagree td:last-child { font-weight: 700; }
        @media print {
          table.debrief, table.sessions, table.rollup { width: 100%; }
          tr { break-inside: avoid; }
        }
        """

    private static func timeHTML(_ elapsed: Int, budget: Int) -> String {
        let text = ReportText.time(elapsed, budget: budget)
        return Durations.isOver(elapsed, budget: budget) ? "<span class=\"over\">\(text)</span>" : text
    }

    /// The cell of one session's answer: rating, time (over budget in words and bold), ticks.
    private static func cellHTML(_ answer: Debrief.Answer?) -> String {
        guard let answer else { return "<span class=\"muted\">-</span>" }
        if answer.skipped { return "<span class=\"not-asked\">\(h(DebriefText.cell(answer)))</span>" }
        guard answer.asked else { return "<span class=\"not-asked\">not asked</span>" }
        var out = "<strong>\(h(ReportText.rating(answer.rating)))</strong><br/>" + timeHTML(answer.elapsedSeconds, budget: answer.budgetSeconds)
        if answer.rubricCount > 0 {
            let ticked = answer.ticked.map(h).joined(separator: "; ")
            out += "<br/><span title=\"\(ticked)\">\(answer.ticked.count)/\(answer.rubricCount) ticked</span>"
        }
        if answer.added { out += "<br/>(added)" }
        if answer.amendedAfterEnd { out += "<br/>" + h(ReportText.amended) }
        return out
    }
}
