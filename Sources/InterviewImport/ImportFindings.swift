/// The findings `--report` lists besides the questions: the lines left out and why,
/// and the lines that looked like questions but were not read as ones.
enum ImportFindings {
    static func sectionName(_ kind: SectionLabel.Kind) -> String {
        switch kind {
        case .whyAsk: "why ask"
        case .expectedAnswer: "expected answer"
        case .howToEvaluate: "how to evaluate"
        }
    }

    static func answerLines(_ lines: [ArticleLine], body: Range<Int>, parts: QuestionParts) -> [Int] {
        parts.answerLines
    }

    /// Lines that are not part of any question, title or description, grouped by why.
    static func dropped(_ lines: [ArticleLine], layout: QuestionLayout?, parts: [QuestionParts]) -> [ImportReport.Dropped] {
        var reasons: [(Int, String)] = []
        func reason(of index: Int, otherwise: String) -> String {
            let line = lines[index]
            switch line.role {
            case .toc: return "table of contents (its entries link to what follows)"
            case .navigation: return "navigation links"
            default: return Furniture.isChrome(line) ? "page chrome" : otherwise
            }
        }
        guard let layout else {
            for index in lines.indices where [.toc, .navigation].contains(lines[index].role) {
                reasons.append((lines[index].number, reason(of: index, otherwise: "")))
            }
            return group(reasons, lines)
        }
        let firstStart = layout.questions.first?.titleLine ?? lines.count
        var kept = Set(layout.descriptionLines)
        if let title = layout.titleIndex { kept.insert(title) }
        let topics = Set(layout.topics.map(\.index))
        for index in 0..<firstStart where !lines[index].isBlank && !kept.contains(index) && !topics.contains(index) {
            reasons.append((lines[index].number, reason(of: index, otherwise: "before the first question")))
        }
        for (position, draft) in layout.questions.enumerated() {
            let next = position + 1 < layout.questions.count ? layout.questions[position + 1].titleLine : lines.count
            let isLast = position + 1 == layout.questions.count
            for index in draft.body.upperBound..<next where !lines[index].isBlank && !topics.contains(index) {
                reasons.append((lines[index].number, reason(of: index, otherwise: isLast
                    ? "after the last question (the page's tail)" : "under a topic heading, before its first question")))
            }
        }
        for part in parts {
            reasons += part.dropped.map { ($0.line, $0.reason == "navigation link" ? "navigation links" : $0.reason == "table of contents"
                ? "table of contents (its entries link to what follows)" : $0.reason) }
        }
        return group(reasons, lines)
    }

    private static func group(_ reasons: [(Int, String)], _ lines: [ArticleLine]) -> [ImportReport.Dropped] {
        var order: [String] = []
        var byReason: [String: [Int]] = [:]
        for (line, reason) in reasons.sorted(by: { $0.0 < $1.0 }) {
            if byReason[reason] == nil { order.append(reason) }
            byReason[reason, default: []].append(line)
        }
        let textOf = Dictionary(lines.map { ($0.number, $0.text) }, uniquingKeysWith: { first, second in first.isEmpty ? second : first })
        return order.map { reason in
            let numbers = byReason[reason]!
            return ImportReport.Dropped(reason: reason, lines: numbers, sample: numbers.lazy.compactMap { textOf[$0] }.first { !$0.isEmpty } ?? "")
        }
    }

    /// Lines that read like questions (a number, or a question mark on a line of its
    /// own, a heading or a bold line) that were not taken for ones, and why.
    static func notTaken(_ lines: [ArticleLine], starts: [Int], chosen: QuestionLayout?) -> [ImportReport.NotTaken] {
        var prompts = Set(starts)
        if let chosen {
            for draft in chosen.questions { prompts.formUnion(draft.titleLine..<max(draft.titleLine, draft.body.lowerBound)) }
        }
        let chosenMarks = chosen.flatMap { layout in layout.questions.first.flatMap { NumberMark(lines[$0.titleLine]) } }
        let headingLevel = chosen.flatMap { layout in layout.form == "one heading per question" ? layout.questions.first.flatMap { lines[$0.titleLine].headingLevel } : nil }
        var out: [ImportReport.NotTaken] = []
        for index in lines.indices where lines[index].isText && !lines[index].isBlank && !prompts.contains(index) {
            let line = lines[index]
            let mark = NumberMark(line)
            let asks = line.text.withoutTrailingMarks.hasSuffix("?")
            let standsOut = line.headingLevel != nil || QuestionLayout.isWholeBold(line) || QuestionLayout.isStandalone(index, in: lines)
            guard mark != nil || (asks && standsOut) else { continue }
            let why: String
            if let mark, let chosenMarks, mark.style == chosenMarks.style, isListed(index, lines) {
                why = "numbered as an item of a list (the line above or below carries the next number)"
            } else if mark == nil, ArticleText.bullet(line.text) == nil, line.indent > 1, line.text.first?.isNumber == true {
                why = "an indented numbered line: an item of a list"
            } else if let headingLevel, let level = line.headingLevel, level != headingLevel {
                why = "a level-\(level) heading; the questions are level-\(headingLevel) headings"
            } else if let chosen, mark != nil, chosenMarks == nil {
                why = "numbered, but this article's questions are marked \(chosen.form)"
            } else if let chosen, QuestionLayout.isWholeBold(line), !chosen.form.contains("bold") {
                why = "a bold line, but this article's questions are marked \(chosen.form)"
            } else if chosen != nil, let mark, let chosenMarks, mark.style != chosenMarks.style {
                why = "numbered like \(mark.style.example), but the questions are numbered like \(chosenMarks.style.example)"
            } else if let chosen, let owner = chosen.questions.lastIndex(where: { $0.titleLine < index }) {
                let draft = chosen.questions[owner]
                why = draft.body.contains(index) ? "text inside the answer of a question"
                    : owner + 1 == chosen.questions.count ? "after the end of the last question's text" : "between two questions"
            } else if chosen != nil {
                why = "before the first question"
            } else {
                why = mark != nil && isListed(index, lines) ? "numbered as an item of a list (the line above or below carries the next number)"
                    : "no run of questions numbered 1, 2, 3 … in one style, nor one heading or bold line per question"
            }
            let owner = chosen?.questions.last(where: { $0.titleLine < index && $0.body.contains(index) })
            out.append(ImportReport.NotTaken(line: line.number, text: line.text, why: why,
                                             insideQuestionAt: owner.map { lines[$0.titleLine].number }))
        }
        return out
    }

    private static func isListed(_ index: Int, _ lines: [ArticleLine]) -> Bool {
        guard let mark = NumberMark(lines[index]) else { return false }
        let neighbour = { (other: Int, number: Int) in
            lines.indices.contains(other) && NumberMark(lines[other]).map { $0.style == mark.style && $0.number == number } == true
        }
        return neighbour(index - 1, mark.number - 1) || neighbour(index + 1, mark.number + 1)
    }
}
