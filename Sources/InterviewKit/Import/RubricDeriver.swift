/// Derives a rubric from the text that says how to evaluate an answer: one short
/// imperative item per thing it asks to look for ("A strong answer will define
/// overfitting, describe its impact, and list remedies" → three items). Falls back on
/// the expected answer's points when the evaluation text asks for fewer than three.
/// A person reviews the result: the bank's front matter says so.
enum RubricDeriver {
    static let maximumItems = 6
    static let minimumItems = 3
    static let maximumWords = 12

    static func items(evaluation: RichText, answer: RichText) -> [String] {
        var items: [String] = []
        func add(_ candidate: String?) {
            guard items.count < maximumItems, let candidate, let item = finish(candidate),
                  !items.contains(where: { similar($0, item) }) else { return }
            items.append(item)
        }
        for block in evaluation.blocks where !isHeading(block) {
            if case .bullet = block.kind {
                add(Clause.fromPoint(block.plainText))
            } else {
                for sentence in sentences(block.plainText) { Clause.items(from: sentence).forEach(add) }
            }
        }
        if items.count < minimumItems {
            for block in answer.blocks where !isHeading(block) {
                if case .bullet = block.kind { add(Clause.mention(block.plainText)) }
            }
        }
        if items.count < minimumItems {
            for block in answer.blocks where block.kind == .paragraph && !isHeading(block) {
                for sentence in sentences(block.plainText) where sentence.wordCount >= 4 {
                    add(Clause.mention(sentence))
                }
            }
        }
        if items.count < minimumItems {
            ["Answer the question that was asked", "Give a concrete example", "Explain the reasoning behind the answer"].forEach(add)
        }
        return items
    }

    /// Labels kept above their text (`Green flags`) are not things to look for.
    private static func isHeading(_ block: Block) -> Bool {
        block.kind == .paragraph && block.spans.allSatisfy { $0.style.contains(.strong) }
    }

    /// Sentences of a paragraph; `e.g.`, `i.e.`, `etc.` and `vs.` do not end one.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let chars = Array(text)
        for (index, c) in chars.enumerated() {
            current.append(c)
            let next = index + 2 < chars.count ? chars[index + 2] : nil
            guard ".?!;".contains(c), index + 1 < chars.count, chars[index + 1] == " " else { continue }
            let lastWord = current.split(separator: " ").last.map { $0.lowercased() } ?? ""
            let abbreviation = ["e.g.", "i.e.", "etc.", "vs.", "(e.g.", "(i.e.", "approx."].contains(lastWord)
            if c == ";" || (!abbreviation && next.map { $0.isUppercase || $0.isNumber || $0 == "\"" || $0 == "“" } == true) {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current)
        return sentences.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// At most twelve words, without dangling small words, capitalised, no final stop.
    private static func finish(_ candidate: String) -> String? {
        var words = candidate.split(separator: " ").map(String.init)
        if words.count > maximumWords { words = Array(words.prefix(maximumWords)) }
        while let last = words.last, Clause.dangling.contains(last.lowercased().trimmingCharacters(in: ",;:")) || last.allSatisfy(\.isPunctuation) {
            words.removeLast()
        }
        guard words.count >= 2 else { return nil }
        var item = words.joined(separator: " ")
        while let last = item.last, ".,;:".contains(last) { item.removeLast() }
        // A parenthesis cut open by the word limit is closed off rather than left dangling.
        if item.filter({ $0 == "(" }).count > item.filter({ $0 == ")" }).count, let open = item.lastIndex(of: "(") {
            item = String(item[..<open]).trimmingSpaces
            while let last = item.last, ".,;:".contains(last) { item.removeLast() }
        }
        guard item.wordCount >= 2 else { return nil }
        return item.prefix(1).uppercased() + item.dropFirst()
    }

    private static func similar(_ a: String, _ b: String) -> Bool {
        let words = { (s: String) in Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)) }
        let (x, y) = (words(a), words(b))
        return Double(x.intersection(y).count) / Double(max(1, x.union(y).count)) >= 0.7
    }
}
