import InterviewCore

/// The body of one question split by its labels into the bank's sections. Text before
/// any label is the answer when there is no answer label, else why the question is asked
/// (when nothing else says so), else the start of the answer.
struct QuestionParts {
    var whyAsk: RichText
    var expectedAnswer: RichText
    var howToEvaluate: RichText
    /// The evaluation text that asks for something (not its red flags): what the rubric comes from.
    var rubricSource: RichText
    /// The answer's prose, without its code, tables and images: the rubric's other source.
    var answerProse: RichText
    /// The answer when it only held the place of one ("Answer here", "TODO"): it was dropped.
    var placeholder: String?
    /// The labels read, with their lines: for `--report`.
    var labels: [(line: Int, name: String, kind: SectionLabel.Kind)] = []
    /// Lines left out of the text (navigation, chrome), with why: for `--report`.
    var dropped: [(line: Int, reason: String)] = []
    /// Article lines the expected answer was read from.
    var answerLines: [Int] = []

    init(lines: [ArticleLine], dense: Bool = false) {
        var unlabeled = ArticleText(dense: dense)
        var sections: [SectionLabel.Kind: ArticleText] = [:]
        var labelsSeen: [SectionLabel.Kind: Int] = [:]
        var rubricSource = ArticleText(dense: dense)
        var current: SectionLabel?
        var labels: [(Int, String, SectionLabel.Kind)] = []
        var dropped: [(Int, String)] = []
        var linesOf: [SectionLabel.Kind: [Int]] = [:]
        var unlabeledLines: [Int] = []
        func edit(_ change: (inout ArticleText) -> Void, line: Int? = nil) {
            if let line {
                if let current { linesOf[current.kind, default: []].append(line) } else { unlabeledLines.append(line) }
            }
            if let current {
                change(&sections[current.kind, default: ArticleText(dense: dense)])
            } else {
                change(&unlabeled)
            }
        }
        for line in lines {
            switch line.role {
            case .navigation, .toc:
                dropped.append((line.number, line.role == .toc ? "table of contents" : "navigation link"))
                continue
            case .code:
                edit({ $0.addCode(line) }, line: line.number)
                continue
            case .fence:
                edit { $0.endCode() }
                continue
            case .table:
                edit({ $0.addTableRow(line) }, line: line.number)
                continue
            case .image:
                edit({ $0.addImage(line) }, line: line.number)
                continue
            case .markup, .text:
                break
            }
            if line.isBlank {
                edit { $0.addBlank() }
                if current?.kind == .howToEvaluate { rubricSource.addBlank() }
                continue
            }
            if Furniture.isChrome(line) {
                dropped.append((line.number, "page chrome"))
                continue
            }
            // "#### Why it matters" after the answer has begun is a sub-heading of the answer:
            // why a question is asked comes before its answer.
            let answerBegun = !unlabeled.isEmpty || !(sections[.expectedAnswer]?.isEmpty ?? true)
            if let (label, _) = SectionLabel.match(line), label.kind == .whyAsk, line.headingLevel != nil, answerBegun {
                edit({ $0.addHeading(line.text) }, line: line.number)
                continue
            }
            if let (label, rest) = SectionLabel.match(line) {
                current = label
                labels.append((line.number, label.name, label.kind))
                labelsSeen[label.kind, default: 0] += 1
                if label.keepsName || labelsSeen[label.kind]! > 1 {
                    sections[label.kind, default: ArticleText(dense: dense)].addHeading(label.name.prefix(1).uppercased() + label.name.dropFirst())
                } else {
                    sections[label.kind, default: ArticleText(dense: dense)].addBlank()
                }
                if !rest.isEmpty {
                    linesOf[label.kind, default: []].append(line.number)
                    sections[label.kind, default: ArticleText(dense: dense)].add(line, content: rest)
                    if !label.isWarning, label.kind == .howToEvaluate { rubricSource.add(line, content: rest) }
                }
                continue
            }
            // A line of its own in bold is a sub-heading, as a `####` heading is.
            if QuestionLayout.isWholeBold(line), ArticleText.bullet(line.text) == nil {
                edit({ $0.addHeading(line.text) }, line: line.number)
                continue
            }
            let content = line.headingLevel != nil ? line.text : line.content
            edit({ $0.add(line, content: content) }, line: line.number)
            if let current, current.kind == .howToEvaluate, !current.isWarning { rubricSource.add(line, content: content) }
        }
        var why = sections[.whyAsk] ?? ArticleText()
        var answer = sections[.expectedAnswer] ?? ArticleText()
        var answerLines = linesOf[.expectedAnswer] ?? []
        if !unlabeled.isEmpty {
            if answer.isEmpty {
                answer = unlabeled
                answerLines = unlabeledLines
            } else if why.isEmpty {
                why = unlabeled
            } else {
                unlabeled.append(answer)
                answer = unlabeled
                answerLines = unlabeledLines + answerLines
            }
        }
        self.answerLines = answerLines
        whyAsk = why.finished()
        expectedAnswer = answer.finished()
        answerProse = answer.prose()
        howToEvaluate = (sections[.howToEvaluate] ?? ArticleText()).finished()
        self.rubricSource = rubricSource.finished()
        self.labels = labels.map { (line: $0.0, name: $0.1, kind: $0.2) }
        self.dropped = dropped.map { (line: $0.0, reason: $0.1) }
        // "Answer here", "TODO": a place kept for an answer is no answer.
        if !expectedAnswer.isEmpty, Furniture.isPlaceholder(expectedAnswer.plainText) {
            placeholder = expectedAnswer.plainText.trimmingSpaces
            expectedAnswer = RichText()
            answerProse = RichText()
        }
        if Furniture.isPlaceholder(whyAsk.plainText) { whyAsk = RichText() }
        if Furniture.isPlaceholder(howToEvaluate.plainText) {
            howToEvaluate = RichText()
            self.rubricSource = RichText()
        }
    }
}
