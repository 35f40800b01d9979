import Foundation

/// Where an article's questions are: its title and introduction, then for each
/// question the line of its prompt and the lines of its body.
struct QuestionLayout {
    struct Draft {
        /// Index of the line the prompt starts on.
        var titleLine: Int
        var prompt: String
        /// Indexes of the lines under the prompt, up to the next question or the end of the content.
        var body: Range<Int>
    }

    var title: String?
    var description: String?
    var questions: [Draft]
    /// How the questions were marked, for people: `numbered like Q1.`.
    var form: String

    static func find(in lines: [ArticleLine], file: String) throws(InputError) -> QuestionLayout {
        let numbered = NumberedQuestions.find(in: lines)
        let headings = headingQuestions(in: lines)
        let bold = boldQuestions(in: lines)
        let count = numbered?.starts.count ?? 0
        if let numbered, count > 0, count >= headings.starts.count, count >= bold.count {
            if let jump = numbered.jump {
                throw InputError(file: file, line: lines[jump.index].number, column: 1, message:
                    "question numbering jumps from \(jump.expected - 1) to \(jump.found): expected question \(jump.expected) before this line (found \(count) questions up to here)")
            }
            return layout(lines, starts: numbered.starts, form: "numbered like \(numbered.style.example)") { index in
                NumberMark(lines[index])?.title ?? ""
            }
        }
        if !headings.starts.isEmpty, headings.starts.count >= bold.count {
            return layout(lines, starts: headings.starts, form: "one heading per question", dividerLevel: headings.level) {
                lines[$0].text
            }
        }
        if !bold.isEmpty {
            return layout(lines, starts: bold, form: "one bold line per question") { lines[$0].text }
        }
        // A label with no question above it is where the reading lost track.
        if let label = lines.first(where: { SectionLabel.match($0) != nil }) {
            throw InputError(file: file, line: label.number, column: label.indent + 1, message:
                "no questions found, yet this line labels part of one: expected a question above it, numbered like Q1., Question 1:, 1. or 1), or as a heading or bold line")
        }
        throw InputError(file: file, line: 1, column: 1, message:
            "no questions found: expected numbered questions (Q1., Question 1:, 1. or 1)) or one heading or bold line per question")
    }

    private static func layout(_ lines: [ArticleLine], starts: [Int], form: String, dividerLevel: Int? = nil,
                               title titleOf: (Int) -> String) -> QuestionLayout {
        var drafts: [Draft] = []
        for (position, start) in starts.enumerated() {
            let next = position + 1 < starts.count ? starts[position + 1] : lines.count
            var titleLine = start
            var title = titleOf(start)
            if title.isEmpty, let line = (start + 1..<next).first(where: { !lines[$0].isBlank }) {
                titleLine = line
                title = lines[line].text
            }
            var last = titleLine
            // A prompt broken over lines goes on until it ends like a sentence.
            while last + 1 < next, last - titleLine < 3, !title.endsLikeSentence, continuesPrompt(lines[last + 1]) {
                last += 1
                title += " " + lines[last].text
            }
            var end = next
            if let cut = (last + 1..<next).first(where: { index in
                let line = lines[index]
                if let dividerLevel, let level = line.headingLevel, level <= dividerLevel { return true }
                return position == starts.count - 1 && isStandalone(index, in: lines) && Furniture.endsContent(line)
                    && SectionLabel.match(line) == nil && ArticleText.bullet(line.text) == nil
            }) {
                end = cut
            }
            drafts.append(Draft(titleLine: titleLine, prompt: plain(title), body: last + 1..<end))
        }
        let preamble = Array(lines[..<(starts.first ?? 0)])
        let titleIndex = preambleTitle(preamble)
        return QuestionLayout(
            title: titleIndex.map { plain(preamble[$0].text) },
            description: introduction(preamble, after: titleIndex),
            questions: drafts, form: form)
    }

    private static func continuesPrompt(_ line: ArticleLine) -> Bool {
        !line.isBlank && line.headingLevel == nil && SectionLabel.match(line) == nil && NumberMark(line) == nil
            && ArticleText.bullet(line.text) == nil
    }

    /// The title is the article's level-1 heading, or its first line standing alone
    /// that reads like a headline about questions or interviews, or else like any headline.
    private static func preambleTitle(_ lines: [ArticleLine]) -> Int? {
        if let heading = lines.firstIndex(where: { $0.headingLevel == 1 }) { return heading }
        let headlines = lines.indices.filter { index in
            let line = lines[index]
            return isStandalone(index, in: lines) && (3...25).contains(line.text.wordCount) && !line.text.endsLikeSentence
                && !Furniture.isChrome(line) && ArticleText.bullet(line.text) == nil && !line.text.contains("|")
        }
        return headlines.first { lines[$0].text.folded.contains("question") || lines[$0].text.folded.contains("interview") }
            ?? headlines.first
    }

    /// The introduction: the paragraphs of prose between the title and the first question.
    private static func introduction(_ lines: [ArticleLine], after title: Int?) -> String? {
        var paragraphs: [String] = []
        var current: [String] = []
        func close() {
            let paragraph = current.joined(separator: " ")
            if paragraph.wordCount >= 12, paragraph.endsLikeSentence { paragraphs.append(plain(paragraph)) }
            current = []
        }
        for line in lines[((title ?? -1) + 1)...] {
            if line.isBlank || line.headingLevel != nil || ArticleText.bullet(line.text) != nil || Furniture.isChrome(line) {
                close()
            } else {
                current.append(line.content)
            }
        }
        close()
        return paragraphs.isEmpty ? nil : paragraphs.prefix(2).joined(separator: " ")
    }

    /// Markdown articles: one heading per question, at the level most questions use.
    private static func headingQuestions(in lines: [ArticleLine]) -> (starts: [Int], level: Int) {
        let candidates = lines.indices.filter { index in
            let line = lines[index]
            return line.headingLevel != nil && line.indent == 0 && line.text.looksLikeQuestion
                && SectionLabel.match(line) == nil && !Furniture.endsContent(line)
        }
        let counts = Dictionary(grouping: candidates, by: { lines[$0].headingLevel! })
        guard let level = counts.keys.sorted().max(by: { counts[$0]!.count < counts[$1]!.count }) else { return ([], 0) }
        return (counts[level]!, level)
    }

    /// `**What is a closure?**` alone on its line, the answer below.
    private static func boldQuestions(in lines: [ArticleLine]) -> [Int] {
        lines.indices.filter { index in
            let line = lines[index]
            return line.content.hasPrefix("**") && line.content.hasSuffix("**") && line.headingLevel == nil
                && line.text.looksLikeQuestion && SectionLabel.match(line) == nil
                && (index == 0 || lines[index - 1].isBlank)
        }
    }

    private static func isStandalone(_ index: Int, in lines: [ArticleLine]) -> Bool {
        (index == 0 || lines[index - 1].isBlank || lines[index].headingLevel != nil)
            && (index + 1 == lines.count || lines[index + 1].isBlank)
    }

    /// Prompts and titles are shown as written, so bold marks come off (`**Why?**`) while
    /// code quotes stay (`let` reads as code either way); runs of spaces become one.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension String {
    var endsLikeSentence: Bool {
        guard let last = last(where: { !"\"'”’)*_".contains($0) }) else { return false }
        return ".?!:…".contains(last)
    }

    /// A heading that asks something: ends with a question mark or starts the way
    /// questions and tasks do.
    var looksLikeQuestion: Bool {
        if hasSuffix("?") { return true }
        guard let first = split(separator: " ").first?.lowercased() else { return false }
        return Self.questionStarts.contains(first)
    }

    private static let questionStarts: Set<String> = [
        "what", "why", "how", "when", "which", "who", "where", "explain", "describe", "compare", "design", "write",
        "implement", "walk", "tell", "give", "name", "list", "define", "discuss", "can", "do", "does", "is", "are",
        "should", "would", "could", "have", "outline", "contrast", "differentiate",
    ]
}
