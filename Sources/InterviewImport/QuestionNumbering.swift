import InterviewCore

/// The ways articles number their questions: `Q1.`, `Question 1:`, `1.` or `1)`, each
/// possibly a heading or in bold (taken off by `ArticleLine`).
enum NumberingStyle: CaseIterable, Sendable {
    case qPrefix, questionWord, bare

    var example: String {
        switch self {
        case .qPrefix: "Q1."
        case .questionWord: "Question 1:"
        case .bare: "1."
        }
    }
}

/// A line that starts with a question number.
struct NumberMark: Hashable, Sendable {
    var style: NumberingStyle
    var number: Int
    /// The text after the number; empty when the question is on the next line.
    var title: String

    init?(_ line: ArticleLine) {
        guard line.isText else { return nil }
        let text = Substring(line.text)
        if let (number, rest) = Self.number(after: text, prefixes: ["q"], needsSeparator: true) {
            self.init(style: .qPrefix, number: number, title: rest)
        } else if let (number, rest) = Self.number(after: text, prefixes: ["question", "question #", "question no."],
                                                   needsSeparator: false) {
            self.init(style: .questionWord, number: number, title: rest)
        } else if line.indent <= 1 || line.markedNumber, let (number, rest) = Self.number(after: text, prefixes: [""], needsSeparator: true),
                  !rest.isEmpty, rest.first?.isNumber == false {
            self.init(style: .bare, number: number, title: rest)
        } else {
            return nil
        }
    }

    private init(style: NumberingStyle, number: Int, title: String) {
        self.style = style
        self.number = number
        self.title = title
    }

    private static let separators: Set<Character> = [".", ":", ")", "-", "–", "—"]
    /// Question numbers up to 999,999: an article of a thousand questions and more goes on counting.
    static let maxDigits = 6

    /// `Q12. Text` → (12, "Text"). A bare number needs `.` or `)` and a space after it,
    /// so that `3.5 million` or `2019 was` are not questions.
    private static func number(after text: Substring, prefixes: [String], needsSeparator: Bool) -> (Int, String)? {
        for prefix in prefixes.sorted(by: { $0.count > $1.count }) {
            guard text.lowercased().hasPrefix(prefix) else { continue }
            var rest = text.dropFirst(prefix.count)
            if !prefix.isEmpty { rest = rest.drop(while: { $0 == " " }) }
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard (1...maxDigits).contains(digits.count), let number = Int(digits), number > 0 else { continue }
            rest = rest.dropFirst(digits.count)
            if prefix.isEmpty {
                guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
                return (number, String(rest.dropFirst()).trimmingSpaces)
            }
            let spaced = rest.drop(while: { $0 == " " })
            if let mark = spaced.first, separators.contains(mark) {
                return (number, String(spaced.dropFirst()).trimmingSpaces)
            }
            // `Question 3 What ...` and `Question 3` alone; `Q3` needs its mark, `Q3D` is not a question.
            guard !needsSeparator, spaced.isEmpty || spaced.count < rest.count else { return nil }
            return (number, String(spaced).trimmingSpaces)
        }
        return nil
    }
}

/// Where the questions of a numbered article start: the longest run 1, 2, 3 … of one
/// numbering style, leaving out numbered lists (items numbered one after the other on
/// consecutive lines), which are tables of contents or lists inside an answer. A number
/// with a heading or bold mark after it (`1. ### What …`) is never a list's item.
struct NumberedQuestions {
    var style: NumberingStyle
    /// Indexes into the article's lines, in order, numbered 1, 2, 3 ….
    var starts: [Int]
    /// A later line numbered past the next expected question: where the count broke.
    var jump: (index: Int, expected: Int, found: Int)?

    static func find(in lines: [ArticleLine]) -> NumberedQuestions? {
        let marks = lines.map(NumberMark.init)
        var best: NumberedQuestions?
        for style in NumberingStyle.allCases {
            let candidates = marks.indices.filter { index in
                guard let mark = marks[index], mark.style == style else { return false }
                if lines[index].markedNumber { return true }
                let inList = { (other: Int, number: Int) in
                    marks.indices.contains(other) && marks[other]?.style == style && marks[other]?.number == number
                        && !lines[other].markedNumber
                }
                return !inList(index - 1, mark.number - 1) && !inList(index + 1, mark.number + 1)
            }
            for start in candidates where marks[start]?.number == 1 {
                var run = NumberedQuestions(style: style, starts: [start])
                for index in candidates where index > start {
                    guard let number = marks[index]?.number else { continue }
                    if number == run.starts.count + 1 {
                        run.starts.append(index)
                        run.jump = nil  // the count went on: what skipped ahead was a list inside an answer
                    } else if number > run.starts.count + 1, number < 1000, run.jump == nil {
                        // (A number of four digits or more that does not go on with the count is a year, not a question.)
                        run.jump = (index, run.starts.count + 1, number)
                    }
                }
                // The longest run wins; between equals, the later one (the article after its table of contents),
                // and the earlier style (`Q1.` is less ambiguous than `1.`).
                if best == nil || run.starts.count > best!.starts.count
                    || (run.starts.count == best!.starts.count && run.style == best!.style) {
                    best = run
                }
            }
        }
        return best
    }
}
