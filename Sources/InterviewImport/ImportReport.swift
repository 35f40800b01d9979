import InterviewCore

/// What `interview import --report` prints: what the importer found in an article and
/// what it left out, line by line, so that an author can see why a question was missed.
public struct ImportReport: Sendable {
    public enum Answer: Hashable, Sendable {
        /// Lines of the article the answer was read from.
        case text(first: Int, last: Int)
        case missing
        /// Only a placeholder ("Answer here"): imported as no answer.
        case placeholder(String)
    }

    public struct Entry: Hashable, Sendable {
        public var number: Int
        /// The article line of the prompt.
        public var line: Int
        public var prompt: String
        /// Difficulty marks taken off the prompt's end.
        public var marks: String
        public var topic: String?
        /// Labels read, as `line: label → section`.
        public var labels: [String]
        public var answer: Answer
        public var rubric: [String]
        public var shortened: Int
        public var cut: Int
        public var fromAnswer: Int
    }

    /// Lines left out, grouped by why.
    public struct Dropped: Hashable, Sendable {
        public var reason: String
        public var lines: [Int]
        /// The first such line, as the article has it (shortened).
        public var sample: String
    }

    /// A line that looked like a question but was not read as one, and why.
    public struct NotTaken: Hashable, Sendable {
        public var line: Int
        public var text: String
        public var why: String
        /// The article line of the question whose answer holds it, when one does.
        public var insideQuestionAt: Int?
    }

    /// The lines not taken for questions, grouped by why, in the order of their first line.
    public var notTakenByReason: [(why: String, lines: [NotTaken])] {
        var order: [String] = []
        var groups: [String: [NotTaken]] = [:]
        for line in notTaken {
            if groups[line.why] == nil { order.append(line.why) }
            groups[line.why, default: []].append(line)
        }
        return order.map { ($0, groups[$0]!) }
    }

    public var file: String
    /// The form chosen, as the summary says it (`numbered like 1.`).
    public var form: String?
    /// How many questions each form found.
    public var forms: [(name: String, count: Int)] = []
    public var title: (line: Int, text: String)?
    public var descriptionLines: [Int] = []
    /// A paste without blank lines: every line read as a paragraph.
    public var dense = false
    public var topics: [(line: Int, text: String)] = []
    public var questions: [Entry] = []
    public var dropped: [Dropped] = []
    public var notTaken: [NotTaken] = []
    /// Why nothing was imported, when it was not.
    public var error: InputError?

    init(file: String) {
        self.file = file
    }

    public var placeholders: [Entry] { questions.filter { if case .placeholder = $0.answer { true } else { false } } }
    public var needingRubric: [Entry] { questions.filter { $0.rubric.count < RubricDeriver.minimumItems } }

    /// The report as text, one finding a line; what it quotes (the file's name too) with
    /// control characters as marks.
    public var text: String {
        var out: [String] = []
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if let error {
            out.append("\(name): nothing imported: \(error.description)")
        } else {
            out.append("\(name): \(questions.count) questions, \(form ?? "")")
        }
        out.append("forms found: " + forms.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + " (the form that finds the most wins)")
        if let title { out.append("title: line \(title.line) \"\(VisibleText.visible(title.text))\"") } else { out.append("title: none found (the bank is named after the file)") }
        out.append("description: " + (descriptionLines.isEmpty ? "none" : (descriptionLines.count == 1 ? "line " : "lines ") + Self.ranges(descriptionLines)))
        if dense { out.append("no blank lines between paragraphs: every line read as a paragraph of its own") }
        if !topics.isEmpty {
            out.append("topics (tags of the questions under them):")
            out += topics.map { "  line \($0.line): \(VisibleText.visible($0.text))" }
        }
        if !questions.isEmpty { out.append("questions:") }
        for entry in questions {
            var head = "  \(entry.number). line \(entry.line): \(VisibleText.visible(entry.prompt))"
            if !entry.marks.isEmpty { head += "  [marks \(VisibleText.visible(entry.marks))]" }
            if let topic = entry.topic { head += "  [topic \(VisibleText.visible(topic))]" }
            out.append(head)
            var parts: [String] = []
            switch entry.answer {
            case .text(let first, let last): parts.append("answer " + (first == last ? "line \(first)" : "lines \(first)–\(last)"))
            case .missing: parts.append("NO ANSWER")
            case .placeholder(let text): parts.append("PLACEHOLDER ANSWER \"\(Self.short(text))\"")
            }
            if !entry.labels.isEmpty { parts.append("labels " + entry.labels.joined(separator: ", ")) }
            var rubric = "rubric \(entry.rubric.count)"
            if entry.fromAnswer > 0 { rubric += " (\(entry.fromAnswer) from the answer)" }
            if entry.shortened > 0 { rubric += ", \(entry.shortened) shortened" }
            if entry.cut > 0 { rubric += ", \(entry.cut) CUT" }
            if entry.rubric.count < RubricDeriver.minimumItems { rubric += ", needs a person" }
            parts.append(rubric)
            out.append("     " + parts.joined(separator: "; "))
        }
        let placeholders = placeholders
        if !placeholders.isEmpty {
            out.append("placeholder answers (imported as no answer): \(placeholders.count), at line\(placeholders.count == 1 ? "" : "s") "
                       + placeholders.map { String($0.line) }.joined(separator: ", "))
        }
        let needing = needingRubric
        if !needing.isEmpty {
            out.append("need a rubric written by a person (fewer than \(RubricDeriver.minimumItems) points in their text): \(needing.count), at line\(needing.count == 1 ? "" : "s") "
                       + needing.map { String($0.line) }.joined(separator: ", "))
        }
        if !dropped.isEmpty {
            out.append("left out:")
            out += dropped.map { "  \($0.reason): line\($0.lines.count == 1 ? "" : "s") \(Self.ranges($0.lines)) (\"\(Self.short($0.sample))\")" }
        }
        if !notTaken.isEmpty {
            out.append("not read as questions: \(notTaken.count) line\(notTaken.count == 1 ? "" : "s") that looked like questions")
            for (why, lines) in notTakenByReason {
                out.append("  \(why): \(lines.count) (line\(lines.count == 1 ? "" : "s") \(Self.ranges(lines.map(\.line))))")
                // A few are worth naming one by one; a run of many is a list, which its ranges say.
                guard lines.count <= Self.namedPerReason else { continue }
                out += lines.map { line in
                    "    line \(line.line): \"\(Self.short(line.text))\"" + (line.insideQuestionAt.map { " (in the answer of the question at line \($0))" } ?? "")
                }
            }
        }
        return VisibleText.visibleLines(out.joined(separator: "\n")) + "\n"
    }

    /// Up to this many lines of one reason are named one by one in `--report`.
    static let namedPerReason = 5

    /// `[1, 2, 3, 7, 9, 10]` → `1–3, 7, 9–10`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = Array(Set(numbers)).sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func short(_ text: String) -> String {
        let plain = VisibleText.visible(text)
        return plain.count > 60 ? String(plain.prefix(57)) + "…" : plain
    }
}
