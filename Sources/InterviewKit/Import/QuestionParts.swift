/// The body of one question split by its labels into the bank's sections. Text before
/// any label is the answer when there is no answer label, else why the question is asked
/// (when nothing else says so), else the start of the answer.
struct QuestionParts {
    var whyAsk: RichText
    var expectedAnswer: RichText
    var howToEvaluate: RichText
    /// The evaluation text that asks for something (not its red flags): what the rubric comes from.
    var rubricSource: RichText

    init(lines: [ArticleLine]) {
        var unlabeled = ArticleText()
        var sections: [SectionLabel.Kind: ArticleText] = [:]
        var labelsSeen: [SectionLabel.Kind: Int] = [:]
        var rubricSource = ArticleText()
        var current: SectionLabel?
        for line in lines {
            if line.isBlank {
                current.map { sections[$0.kind, default: ArticleText()].addBlank() } ?? unlabeled.addBlank()
                if current?.kind == .howToEvaluate { rubricSource.addBlank() }
                continue
            }
            if Furniture.isChrome(line) { continue }
            if let (label, rest) = SectionLabel.match(line) {
                current = label
                labelsSeen[label.kind, default: 0] += 1
                if label.keepsName || labelsSeen[label.kind]! > 1 {
                    sections[label.kind, default: ArticleText()].addHeading(label.name.prefix(1).uppercased() + label.name.dropFirst())
                } else {
                    sections[label.kind, default: ArticleText()].addBlank()
                }
                if !rest.isEmpty {
                    sections[label.kind, default: ArticleText()].add(line, content: rest)
                    if !label.isWarning, label.kind == .howToEvaluate { rubricSource.add(line, content: rest) }
                }
                continue
            }
            let content = line.headingLevel != nil ? line.text : line.content
            guard let current else {
                unlabeled.add(line, content: content)
                continue
            }
            sections[current.kind, default: ArticleText()].add(line, content: content)
            if current.kind == .howToEvaluate, !current.isWarning { rubricSource.add(line, content: content) }
        }
        var why = sections[.whyAsk] ?? ArticleText()
        var answer = sections[.expectedAnswer] ?? ArticleText()
        if !unlabeled.isEmpty {
            if answer.isEmpty {
                answer = unlabeled
            } else if why.isEmpty {
                why = unlabeled
            } else {
                unlabeled.append(answer)
                answer = unlabeled
            }
        }
        whyAsk = why.finished()
        expectedAnswer = answer.finished()
        howToEvaluate = (sections[.howToEvaluate] ?? ArticleText()).finished()
        self.rubricSource = rubricSource.finished()
    }
}
