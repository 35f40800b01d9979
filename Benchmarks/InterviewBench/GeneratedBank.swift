/// A bank of many questions in Markdown, with every feature of the format in each
/// question (metadata, four sections, nested bullets, inline styles, a full rubric),
/// to keep the bank parser linear. Prompts are unique, so the ids are.
enum GeneratedBank {
    static func markdown(questions count: Int) -> String {
        var lines = ["---", "title: Generated bank of \(count) questions", "duration: \(count * 3)m",
                     "role: Benchmark", "level: any", "---", "# Generated", ""]
        for n in 1...count {
            lines += [
                "## Question \(n): what is the difference between *approach A* and `approach_\(n)`?",
                n % 2 == 1 ? "id: q\(n)" : "",
                "time: \(1 + n % 5)m\(n % 60)s",
                "tags: generated, group-\(n % 10)",
                "",
                "### Why ask",
                "It checks that the candidate can compare two approaches **clearly** and",
                "knows when each one fits, with *concrete* trade-offs.",
                "",
                "### Expected answer",
                "Approach A does one thing; approach \(n) does another, with `snake_case_names` kept.",
                "",
                "- **Cost**: A is cheaper to train.",
                "  - but slower at inference, roughly *2x*;",
                "  - and needs more memory.",
                "- **Quality**: the second one generalizes better \\*on average\\*.",
                "",
                "A closing paragraph that wraps over",
                "two lines of the source file.",
                "",
                "### How to evaluate",
                "A strong answer names a trade-off *and* a case where each approach wins.",
                "",
                "### Rubric",
            ]
            lines += (1...9).map { "- [ ] Rubric point \($0) for question \(n)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
