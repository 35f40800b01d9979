/// Writes a bank in the Markdown format that `BankParser` reads, so that a bank made by
/// a program (an import) is a file a person reviews and edits like any other.
public enum BankWriter {
    /// `notes` become comment lines in the front matter: things the reviewer must know.
    public static func markdown(_ bank: Bank, notes: [String] = []) -> String {
        var lines = ["---"]
        lines += notes.map { "# " + oneLine($0) }
        lines.append("title: " + oneLine(bank.title))
        if let description = bank.description { lines.append("description: " + oneLine(description)) }
        if let role = bank.role { lines.append("role: " + oneLine(role)) }
        if let level = bank.level { lines.append("level: " + oneLine(level)) }
        lines.append("duration: " + Durations.format(bank.durationSeconds))
        lines += ["---", "# " + oneLine(bank.title)]
        for question in bank.questions {
            let prompt = oneLine(question.prompt)
            lines += ["", "## " + prompt]
            if question.id != Slug.make(prompt) { lines.append("id: " + question.id) }
            lines.append("time: " + Durations.format(question.timeSeconds))
            if !question.tags.isEmpty { lines.append("tags: " + question.tags.map(oneLine).joined(separator: ", ")) }
            if !question.competencies.isEmpty {
                lines.append("competencies: " + question.competencies.map(oneLine).joined(separator: ", "))
            }
            let sections: [(BankParser.Section, RichText)] = [
                (.whyAsk, question.whyAsk), (.expectedAnswer, question.expectedAnswer), (.howToEvaluate, question.howToEvaluate),
            ]
            for (section, text) in sections where !text.isEmpty {
                lines += ["", "### " + section.rawValue, text.markdown]
            }
            if !question.rubric.isEmpty {
                lines += ["", "### " + BankParser.Section.rubric.rawValue]
                lines += question.rubric.map { "- [ ] " + oneLine($0) }
            }
            if !question.followUps.isEmpty {
                lines += ["", "### " + BankParser.Section.followUps.rawValue]
                // `* [ ] x` is the follow-up `[ ] x`; `- [ ] x` would be a rubric item out of place.
                lines += question.followUps.map(oneLine).map { (["[ ]", "[x]", "[X]"].contains(where: $0.hasPrefix) ? "* " : "- ") + $0 }
            }
            // Every question's own, the bank's defaults included: they read back the same.
            if question.anchors.count == 4 {
                lines += ["", "### " + BankParser.Section.ratings.rawValue]
                lines += question.anchors.enumerated().map { "\($0.offset + 1): " + oneLine($0.element) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Front-matter values, headings and list items are one line each, without edge spaces.
    /// Only LF (and CRLF) end a line for BankParser: other characters Swift calls newlines
    /// (CR alone, form feed, U+2028…) stay, or the bank would not read back as written.
    private static func oneLine(_ text: String) -> String {
        UTF8Text.lines(of: text).joined(separator: " ").trimmingSpaces
    }
}
