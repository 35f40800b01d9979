import InterviewCore

/// The panel debrief in Markdown: who was on the panel, then the recommendation, the
/// questions and the competencies, the largest disagreement first (docs/panel.md).
extension PanelDebrief {
    public func markdown() -> String {
        func md(_ text: String, _ context: MarkdownContext = .cell) -> String { ReportText.markdown(text, in: context) }
        var out: [String] = []
        out.append("# Panel debrief: \(candidate.isEmpty ? "(no candidate name)" : md(candidate, .heading))")
        out.append("")
        out.append("\(md(bankTitle, .block)), \(ReportText.date(startedAt)). Panel: "
                   + members.map { md($0.title, .inline) }.joined(separator: ", ") + ".")
        if partial, !unsubmitted.isEmpty {
            out.append("")
            out.append("> **PARTIAL**: not submitted yet: " + unsubmitted.map { md("\($0.title), \($0.status.rawValue)", .inline) }
                .joined(separator: "; ") + ". Nothing of theirs is shown, and the figures will change.")
        }
        out.append("")
        out.append("Each member scored alone. The mean combines the lead's and seconds' ratings; a shadow's are shown apart, never combined.")
        out.append("")
        out.append("## Recommendation")
        out.append("")
        out += table(recommendation)
        out += section("Questions", rows: questions, intro: nil)
        if !competencies.isEmpty {
            out += section("Competencies", rows: competencies, intro: "Each member's mean rating of the questions that give evidence of it.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A heading, then each row under its own, with its spread.
    private func section(_ title: String, rows: [Row], intro: String?) -> [String] {
        var out = ["## \(title), largest disagreement first"]
        if let intro { out += ["", intro] }
        for row in rows {
            out.append("")
            out.append("### \(ReportText.markdown(row.title, in: .heading))" + (row.spread.map { " (spread \(Self.number($0)))" } ?? ""))
            out.append("")
            out += table(row)
        }
        return out
    }

    /// A row's marks, a line each, then the combination, then the shadows apart.
    private func table(_ row: Row) -> [String] {
        func md(_ text: String) -> String { ReportText.markdown(text, in: .cell) }
        var lines = ["| member | rating | notes |", "|---|---|---|"]
        for mark in row.marks {
            lines.append("| \(md(members[mark.member].title)) | \(Self.rating(mark.rating)) | \(md(mark.notes.joined(separator: " / "))) |")
        }
        if let mean = row.mean {
            lines.append("| **mean** | \(Self.number(mean)): \(Self.implied(mean)) | |")
        }
        for mark in row.shadows {
            lines.append("| \(md(members[mark.member].title)), apart | \(Self.rating(mark.rating)) | \(md(mark.notes.joined(separator: " / "))) |")
        }
        return lines + [""]
    }

    /// `3 yes`, `2.5` (a mean), `-` for none.
    static func rating(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value == value.rounded(), let label = Rating.labels[Int(value)] { return "\(Int(value)) \(label)" }
        return number(value)
    }

    /// One decimal at most: `2`, `2.5`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
