import InterviewCore

/// The Markdown scorecard, a rendering of the report model: facts, the recommendation
/// and closing notes, the evidence check, competencies, a table of the interview's
/// questions as numbered and asked, each question with its rubric, follow-ups and notes,
/// then the timeline.
/// Every piece of user text goes through `ReportText.markdown`.
enum MarkdownReport {
    static func render(_ sessions: [SessionReport]) -> String {
        sessions.map(session).joined(separator: "\n---\n\n")
    }

    private static func md(_ text: String, _ context: MarkdownContext) -> String { ReportText.markdown(text, in: context) }

    /// Notes as a list under a title, blank ones left out, or a line saying there are none.
    private static func noteList(_ lines: [SessionReport.Note], title: String, none: String,
                                 item: (SessionReport.Note) -> String) -> [String] {
        let written = lines.filter { !$0.text.allSatisfy(\.isWhitespace) }
        return written.isEmpty ? [none] : ["\(title):", ""] + written.map { "- " + item($0) }
    }

    static func session(_ s: SessionReport) -> String {
        var out: [String] = []
        let who = s.candidate.isEmpty ? "(no candidate name)" : md(s.candidate, .heading)
        out.append("# Interview scorecard: \(who)")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| Candidate | \(md(s.candidate, .cell)) |")
        out.append("| Interviewer | \(md(s.interviewer, .cell)) |")
        if let panel = s.panel { out.append("| Panel | \(md(panel.description, .cell)) |") }
        out.append("| Date | \(md(ReportText.date(s.startedAt), .cell)) |")
        out.append("| Bank | \(md(s.bank.title, .cell)) (\(md(s.bank.source, .cell))) |")
        out.append("| Mode | \(s.mode.rawValue) |")
        out.append("| Status | \(s.status.rawValue) |")
        out.append("| Total time | \(ReportText.time(s.totalSeconds, budget: s.bank.durationSeconds)) |")
        if let amended = s.amendedAt {
            out.append("| Amended | opened again after the end, at \(Durations.clock(Durations.wholeSeconds(amended))) in, for \(Durations.clock(s.amendingSeconds)) (not counted in the times): \(ReportText.amended) marks what changed |")
        }
        out.append("")
        out.append("## Recommendation: \(ReportText.rating(s.recommendation))" + (s.overallAmended ? " " + ReportText.amended : ""))
        out.append("")
        out += noteList(s.closingNotes, title: "Closing notes", none: "No closing notes.") { note in
            let times = ReportText.noteTimes(note)
            return times.isEmpty ? md(note.text, .block) : "`\(times)` \(md(note.text, .inline))"
        }
        out.append("")
        out.append("## Evidence check")
        out.append("")
        out += s.evidence.isEmpty ? [EvidenceCheck.allClear] : s.evidence.map { "- " + md($0.message, .block) }
        out.append("")
        if !s.competencies.isEmpty || !s.uncoveredCompetencies.isEmpty {
            out.append("## Competencies")
            out.append("")
            out.append("| Competency | Average rating | Questions |")
            out.append("|---|---|---|")
            for c in s.competencies {
                let average = c.averageRating.map { fixedPoint($0, decimals: 1) } ?? "not rated"
                out.append("| \(md(c.name, .cell)) | \(average) | \(c.questions.map(String.init).joined(separator: ", ")) |")
            }
            if !s.uncoveredCompetencies.isEmpty {
                out.append("")
                out.append("Not covered: \(s.uncoveredCompetencies.map { md($0, .inline) }.joined(separator: ", ")).")
            }
            out.append("")
        }
        out.append("## Questions")
        out.append("")
        out.append("| # | Question | Rating | Time/budget | Rubric |")
        out.append("|---:|---|---|---|---|")
        for q in s.questions {
            let prompt = md(q.prompt, .cell) + (q.added ? " (added)" : "")
            if q.skipped {
                out.append("| \(q.number) | \(prompt) | skipped\(q.skipReason.map { ": " + md($0, .cell) } ?? "") | | |")
            } else if q.asked {
                out.append("| \(q.number) | \(prompt) | \(ReportText.rating(q.rating)) | \(ReportText.time(q.elapsedSeconds, budget: q.budgetSeconds)) | \(q.rubric.isEmpty ? "-" : "\(q.checkedCount)/\(q.rubric.count)") |")
            } else {
                out.append("| \(q.number) | \(prompt) | not asked | | |")
            }
        }
        if s.notInPlan > 0 {
            out.append("")
            out.append(ReportText.notInPlan(s.notInPlan) + ".")
        }
        for q in s.questions {
            out.append("")
            let added = q.added ? " (added during the interview)" : ""
            guard q.asked else {
                let why = q.skipped ? "skipped" + (q.skipReason.map { ": " + md($0, .inline) } ?? "") : "not asked"
                out.append("### \(q.number). \(md(q.prompt, .inline))\(added) (\(why))")
                continue
            }
            let last = added.isEmpty && !q.amendedAfterEnd
            out.append("### \(q.number). \(md(q.prompt, last ? .heading : .inline))\(added)" + (q.amendedAfterEnd ? " " + ReportText.amended : ""))
            out.append("")
            out.append("Rating: **\(ReportText.rating(q.rating))** · Time: \(ReportText.time(q.elapsedSeconds, budget: q.budgetSeconds))")
            if !q.rubric.isEmpty {
                out.append("")
                out.append("Rubric \(q.checkedCount)/\(q.rubric.count):")
                out.append("")
                for item in q.rubric { out.append("- [\(item.checked ? "x" : " ")] \(md(item.text, .inline))") }
            }
            if !q.followUps.isEmpty {
                out.append("")
                out.append("Follow-ups \(q.followUps.filter(\.asked).count)/\(q.followUps.count) asked:")
                out.append("")
                for item in q.followUps { out.append("- [\(item.asked ? "x" : " ")] \(md(item.text, .inline))") }
            }
            out.append("")
            out += noteList(q.notes, title: "Notes", none: "No notes.") { note in
                let times = ReportText.noteTimes(note)
                return "`\(ReportText.stamp(note.at))`" + (times.isEmpty ? "" : " (\(times))") + " \(md(note.text, .inline))"
            }
        }
        if !s.timeline.isEmpty {
            out.append("")
            out.append("## Timeline")
            out.append("")
            out += s.timeline.map { "- " + ReportText.timelineEntry($0) }
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}
