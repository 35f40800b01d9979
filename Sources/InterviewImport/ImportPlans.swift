import InterviewCore

/// What to do with a collection too big for one interview: at under two minutes a
/// question nobody asks them all, so the summary proposes plans (`--questions`,
/// `--tags`) and `import --split-by-topic DIR` writes one bank per topic.
extension ImportedArticle {
    /// Below this a question cannot be asked and answered: the bank needs a plan.
    public static let sensibleSecondsPerQuestion = 120

    /// The summary's advice when the questions do not fit the duration at a sensible budget.
    public func bigCollectionAdvice(bankName: String) -> String? {
        let count = bank.questions.count
        let fitting = bank.durationSeconds / Self.sensibleSecondsPerQuestion
        guard count > fitting, fitting >= 1 else { return nil }
        var advice = "\(count) questions do not fit \(Durations.format(bank.durationSeconds)) at \(Durations.format(Self.sensibleSecondsPerQuestion)) or more each: "
            + "ask \(fitting) of them (interview run \(bankName) --questions 1-\(fitting))"
        let topics = topicCounts
        if topics.count > 1 {
            let named = topics.prefix(4).map { "\($0.tag) (\($0.count))" }.joined(separator: ", ")
            advice += ", or a topic (--tags \(topics[0].tag); topics: \(named)\(topics.count > 4 ? ", …" : ""))"
            advice += ", or split the bank by topic (interview import \(bank.source) --split-by-topic DIR)"
        }
        return advice
    }

    /// The topics (first tags) of the questions with their counts, in the article's order.
    var topicCounts: [(tag: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for tag in bank.questions.compactMap(\.tags.first) {
            if counts[tag] == nil { order.append(tag) }
            counts[tag, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// One bank per topic (`untagged` for the questions under none), each with the whole
    /// duration shared by its own questions: file names and bank texts.
    public func splitByTopic() -> [(file: String, markdown: String)] {
        var order: [String] = []
        var groups: [String: [Question]] = [:]
        for question in bank.questions {
            let tag = question.tags.first ?? "untagged"
            if groups[tag] == nil { order.append(tag) }
            groups[tag, default: []].append(question)
        }
        return order.map { tag in
            let seconds = max(1, bank.durationSeconds / groups[tag]!.count)
            let questions = groups[tag]!.map { question in
                var question = question
                question.timeSeconds = seconds
                return question
            }
            let part = Bank(title: "\(bank.title): \(tag)", durationSeconds: bank.durationSeconds, description: bank.description,
                            questions: questions, source: bank.source, hash: bank.hash)
            let notes = [
                "Imported by `interview import --split-by-topic` from \(bank.source): the \(questions.count) questions of topic \(tag).",
                "The rubric items were derived by a program from each question's evaluation text: review them before use.",
            ]
            return ("\(tag).md", BankWriter.markdown(part, notes: notes))
        }
    }
}
