#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Where an article's questions are: its title and introduction, then for each
/// question the line of its prompt and the lines of its body.
struct QuestionLayout {
    struct Draft {
        /// Index of the line the prompt starts on.
        var titleLine: Int
        var prompt: String
        /// The difficulty marks taken off the prompt's end (`👶`, `⭐️`), unless kept.
        var marks: String
        /// Indexes of the lines under the prompt, up to the next question or the end of the content.
        var body: Range<Int>
        /// The topic heading the question stands under (`## Linear regression`), if any.
        var topic: String?
    }

    var title: String?
    /// Index of the title's line.
    var titleIndex: Int?
    var description: String?
    /// Indexes of the lines the description was read from.
    var descriptionLines: [Int]
    var questions: [Draft]
    /// How the questions were marked, for people: `numbered like Q1.`.
    var form: String
    /// Every form's questions, the chosen one's and the others': for `--report`.
    var forms: Forms
    /// Topic headings (index, text), in order.
    var topics: [(index: Int, text: String)]
    /// A paste without blank lines: every line is a paragraph of its own.
    var dense: Bool

    /// The questions each way of marking them finds.
    struct Forms {
        var numbered: NumberedQuestions?
        var headings: (starts: [Int], level: Int)
        var bold: [Int]

        init(_ lines: [ArticleLine]) {
            numbered = NumberedQuestions.find(in: lines)
            headings = QuestionLayout.headingQuestions(in: lines)
            bold = QuestionLayout.boldQuestions(in: lines)
        }
    }

    static func find(in lines: [ArticleLine], file: String, keepMarks: Bool = false) throws(InputError) -> QuestionLayout {
        let forms = Forms(lines)
        let headings = forms.headings
        let bold = forms.bold
        let dense = isDense(lines)
        let count = forms.numbered?.starts.count ?? 0
        if let numbered = forms.numbered, count > 0, count >= headings.starts.count, count >= bold.count {
            if let jump = numbered.jump {
                throw InputError(file: file, line: lines[jump.index].number, column: 1, message:
                    "question numbering jumps from \(jump.expected - 1) to \(jump.found): expected question \(jump.expected) before this line (found \(count) questions up to here)")
            }
            return layout(lines, starts: numbered.starts, form: "numbered like \(numbered.style.example)", forms: forms,
                          dense: dense, keepMarks: keepMarks) { index in
                NumberMark(lines[index])?.title ?? ""
            }
        }
        if !headings.starts.isEmpty, headings.starts.count >= bold.count {
            return layout(lines, starts: headings.starts, form: "one heading per question", forms: forms,
                          dividerLevel: headings.level, dense: dense, keepMarks: keepMarks) { lines[$0].text }
        }
        if !bold.isEmpty {
            return layout(lines, starts: bold, form: "one bold line per question", forms: forms, dense: dense,
                          keepMarks: keepMarks) { lines[$0].text }
        }
        // A label with no question above it is where the reading lost track.
        if let label = lines.first(where: { SectionLabel.match($0) != nil }) {
            throw InputError(file: file, line: label.number, column: label.indent + 1, message:
                "no questions found, yet this line labels part of one: expected a question above it, numbered like Q1., Question 1:, 1. or 1), or as a heading or bold line")
        }
        throw InputError(file: file, message:
            "no questions found: expected numbered questions (Q1., Question 1:, 1. or 1)) or one heading or bold line per question")
    }

    /// Fewer than one blank line in ten: a page copied without its paragraph breaks.
    static func isDense(_ lines: [ArticleLine]) -> Bool {
        let content = lines.filter { !$0.isBlank && $0.role != .code }.count
        let blank = lines.filter(\.isBlank).count
        return content >= 8 && blank * 10 < content
    }

    private static func layout(_ lines: [ArticleLine], starts: [Int], form: String, forms: Forms, dividerLevel: Int? = nil,
                               dense: Bool, keepMarks: Bool, title titleOf: (Int) -> String) -> QuestionLayout {
        let preamble = Array(lines[..<(starts.first ?? 0)])
        let titleIndex = preambleTitle(preamble, dense: dense)
        let startSet = Set(starts)

        // A heading right above a question (blank lines, HTML and links between) is the topic of the questions under it.
        var topicOf: [Int: (index: Int, text: String)] = [:]
        for (position, start) in starts.enumerated() {
            var index = start - 1
            while index >= 0, isSkippable(lines[index]) { index -= 1 }
            guard index >= 0, index != titleIndex, position == 0 || index > starts[position - 1],
                  lines[index].isText, let level = lines[index].headingLevel, !startSet.contains(index),
                  dividerLevel.map({ level < $0 }) ?? true, !Furniture.isChrome(lines[index]),
                  !Furniture.isGenericHeading(lines[index].text) else { continue }
            let text = plain(lines[index].text, keepMarks: false)
            if !text.isEmpty { topicOf[position] = (index, text) }
        }
        let topicLevel = topicOf.values.compactMap { lines[$0.index].headingLevel }.min()

        var drafts: [Draft] = []
        var topic: String?
        for (position, start) in starts.enumerated() {
            let next = position + 1 < starts.count ? starts[position + 1] : lines.count
            if let here = topicOf[position] { topic = here.text }
            var titleLine = start
            var title = titleOf(start)
            if title.isEmpty, let line = (start + 1..<next).first(where: { !lines[$0].isBlank && lines[$0].isText }) {
                titleLine = line
                title = lines[line].text
            }
            var last = titleLine
            // A prompt broken over lines goes on until it ends like a sentence; a heading or a bold line is whole.
            let whole = lines[titleLine].headingLevel != nil || isWholeBold(lines[titleLine])
            while !whole, last + 1 < next, last - titleLine < 3, !title.withoutTrailingMarks.endsLikeSentence,
                  continuesPrompt(lines[last + 1], dense: dense) {
                last += 1
                title += " " + lines[last].text
            }
            var end = next
            if let following = topicOf[position + 1] { end = min(end, following.index) }
            let isLast = position == starts.count - 1
            if let cut = (last + 1..<end).first(where: { index in
                let line = lines[index]
                if line.isText, let level = line.headingLevel {
                    if let dividerLevel, level <= dividerLevel { return true }
                    if let topicLevel, level <= topicLevel { return true }
                }
                return isLast && isTail(index, in: lines, dense: dense)
            }) {
                end = cut
            }
            let (_, marks) = title.splittingTrailingMarks
            drafts.append(Draft(titleLine: titleLine, prompt: plain(title, keepMarks: keepMarks), marks: marks,
                                body: last + 1..<end, topic: topic))
        }
        let (description, descriptionLines) = introduction(preamble, after: titleIndex, dense: dense)
        return QuestionLayout(
            title: titleIndex.map { plain(preamble[$0].text, keepMarks: keepMarks) }, titleIndex: titleIndex,
            description: description, descriptionLines: descriptionLines,
            questions: drafts, form: form, forms: forms,
            topics: topicOf.keys.sorted().map { topicOf[$0]! }, dense: dense)
    }

    /// What may stand between a topic heading and its first question.
    private static func isSkippable(_ line: ArticleLine) -> Bool {
        line.isBlank || [.markup, .navigation, .toc, .image].contains(line.role) || Furniture.isChrome(line)
    }

    /// After the last question: the first line of the page's tail.
    static func isTail(_ index: Int, in lines: [ArticleLine], dense: Bool) -> Bool {
        let line = lines[index]
        return line.isText && Furniture.endsContent(line, standalone: dense || isStandalone(index, in: lines))
            && SectionLabel.match(line) == nil && ArticleText.bullet(line.text) == nil
    }

    private static func continuesPrompt(_ line: ArticleLine, dense: Bool) -> Bool {
        guard line.isText, !line.isBlank, line.headingLevel == nil, SectionLabel.match(line) == nil, NumberMark(line) == nil,
              ArticleText.bullet(line.text) == nil, !isWholeBold(line) else { return false }
        // Without blank lines, the line under a prompt is its answer unless it plainly goes on with the sentence.
        return !dense || line.text.first?.isLowercase == true
    }

    /// The title is the article's level-1 heading, or its first line standing alone
    /// that reads like a headline about questions or interviews, or else such a headline
    /// among other lines (a paste without blank lines, after the page's navigation),
    /// or else the first headline standing alone.
    private static func preambleTitle(_ lines: [ArticleLine], dense: Bool) -> Int? {
        if let heading = lines.firstIndex(where: { $0.isText && $0.headingLevel == 1 && !Furniture.isChrome($0) }) { return heading }
        let headlines = lines.indices.filter { index in
            let line = lines[index]
            return line.isText && (3...25).contains(line.text.wordCount) && !line.text.endsLikeSentence
                && !Furniture.isChrome(line) && ArticleText.bullet(line.text) == nil && !line.text.contains("|")
        }
        let standalone = headlines.filter { isStandalone($0, in: lines) }
        let mentions = { (index: Int) in lines[index].text.folded.contains("question") || lines[index].text.folded.contains("interview") }
        return standalone.first(where: mentions) ?? headlines.first(where: mentions) ?? standalone.first
            ?? (dense ? headlines.first : nil)
    }

    /// The introduction: the paragraphs of prose between the title and the first question.
    private static func introduction(_ lines: [ArticleLine], after title: Int?, dense: Bool) -> (String?, [Int]) {
        var paragraphs: [(String, [Int])] = []
        var current: [String] = []
        var indexes: [Int] = []
        func close() {
            let paragraph = current.joined(separator: " ")
            if paragraph.wordCount >= 12, paragraph.endsLikeSentence { paragraphs.append((plain(paragraph, keepMarks: true), indexes)) }
            current = []
            indexes = []
        }
        for index in ((title ?? -1) + 1)..<lines.count {
            let line = lines[index]
            if line.isBlank || !line.isText || line.headingLevel != nil || ArticleText.bullet(line.text) != nil || Furniture.isChrome(line) {
                close()
            } else {
                if dense { close() }
                current.append(line.content)
                indexes.append(index)
            }
        }
        close()
        let kept = paragraphs.prefix(2)
        return kept.isEmpty ? (nil, []) : (kept.map(\.0).joined(separator: " "), kept.flatMap(\.1))
    }

    /// Markdown articles: one heading per question, at the level most questions use.
    static func headingQuestions(in lines: [ArticleLine]) -> (starts: [Int], level: Int) {
        let candidates = lines.indices.filter { index in
            let line = lines[index]
            return line.isText && line.headingLevel != nil && line.indent == 0 && line.text.withoutTrailingMarks.looksLikeQuestion
                && SectionLabel.match(line) == nil && !Furniture.endsContent(line, standalone: true)
        }
        let counts = Dictionary(grouping: candidates, by: { lines[$0].headingLevel! })
        guard let level = counts.keys.sorted().max(by: { counts[$0]!.count < counts[$1]!.count }) else { return ([], 0) }
        return (counts[level]!, level)
    }

    /// `**What is a closure?**` alone on its line, the answer below; blank lines around
    /// it or not, difficulty marks after it or not (`**What is X? 👶**`).
    static func boldQuestions(in lines: [ArticleLine]) -> [Int] {
        lines.indices.filter { index in
            let line = lines[index]
            guard isWholeBold(line), !line.markedNumber else { return false }
            let text = line.text.withoutTrailingMarks
            return !text.hasSuffix(":") && text.looksLikeQuestion && SectionLabel.match(line) == nil
        }
    }

    /// The whole line in bold, marks after it aside: `**What is X?**`, `**What is X? 👶**`, `**What is X?** ⭐`.
    static func isWholeBold(_ line: ArticleLine) -> Bool {
        guard line.isText, line.headingLevel == nil else { return false }
        let content = line.content.withoutTrailingMarks
        for marker in ["**", "__"] where content.hasPrefix(marker) && content.hasSuffix(marker) && content.count > 4 {
            return !content.dropFirst(2).dropLast(2).contains(marker)
        }
        return false
    }

    static func isStandalone(_ index: Int, in lines: [ArticleLine]) -> Bool {
        (index == 0 || lines[index - 1].isBlank || lines[index].headingLevel != nil)
            && (index + 1 == lines.count || lines[index + 1].isBlank)
    }

    /// Prompts and titles are shown as written, so bold marks come off (`**Why?**`) while
    /// code quotes stay (`let` reads as code either way); so do heading marks, and the
    /// difficulty marks at the end unless they are kept; runs of spaces become one.
    static func plain(_ text: String, keepMarks: Bool) -> String {
        var text = text
        if !keepMarks {
            text = text.withoutTrailingMarks
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isZeroWidth }))
        }
        text = text.replacing("**", with: "")
        let hashes = text.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes), text.dropFirst(hashes).first == " " { text = String(text.dropFirst(hashes)) }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
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
