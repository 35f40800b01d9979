/// What `interview import` is asked for.
public struct ImportOptions: Hashable, Sendable {
    /// The interview's length, spread evenly over the questions.
    public var durationSeconds: Int
    /// A question without an expected answer is an error instead of a placeholder.
    public var strict: Bool

    public init(durationSeconds: Int = 45 * 60, strict: Bool = false) {
        self.durationSeconds = durationSeconds
        self.strict = strict
    }
}

/// An article turned into a bank.
public struct ImportedArticle: Sendable {
    /// The bank as `markdown` parses.
    public var bank: Bank
    /// The bank file: front matter with notes for the reviewer, then the questions.
    public var markdown: String
    /// How the article marked its questions, for the summary (`numbered Q1.`).
    public var form: String
    /// Article lines of the questions that had no answer; each got a placeholder.
    public var linesWithoutAnswer: [Int]
}

/// Turns an interview-questions article, copied as plain text from a web page or
/// written as a Markdown list, into a bank: page furniture dropped, questions found
/// by their numbers (or headings), their parts mapped to the bank's sections by their
/// labels, and a rubric derived from how to evaluate each answer.
public enum ArticleImporter {
    public static let placeholderAnswer = "No answer in the source article: write the expected answer before using this question."

    public static func importArticle(bytes: [UInt8], file: String,
                                     options: ImportOptions = ImportOptions()) throws(InputError) -> ImportedArticle {
        var text = try UTF8Text.decode(bytes, file: file)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = ArticleMarkup.read(UTF8Text.lines(of: text))
        let found = try QuestionLayout.find(in: lines, file: file)

        var questions: [Question] = []
        var withoutAnswer: [Int] = []
        var ids: Set<String> = []
        let seconds = max(1, options.durationSeconds / found.questions.count)
        for draft in found.questions {
            var parts = QuestionParts(lines: Array(lines[draft.body]), dense: found.dense)
            if parts.expectedAnswer.isEmpty {
                let line = lines[draft.titleLine].number
                guard !options.strict else {
                    throw InputError(file: file, line: line, column: 1, message:
                        "question \(questions.count + 1) ('\(draft.prompt)') has no expected answer: expected an 'Expected Answer' part or text under the question (--strict)")
                }
                withoutAnswer.append(line)
                parts.expectedAnswer = RichText([Block(.paragraph, [Span(placeholderAnswer)])])
            }
            var id = Slug.make(draft.prompt)
            if ids.contains(id) {
                id = (2...).lazy.map { "\(id)-\($0)" }.first { !ids.contains($0) }!
            }
            ids.insert(id)
            questions.append(Question(
                id: id, prompt: draft.prompt, timeSeconds: seconds,
                whyAsk: parts.whyAsk, expectedAnswer: parts.expectedAnswer, howToEvaluate: parts.howToEvaluate,
                rubric: RubricDeriver.items(evaluation: parts.rubricSource, answer: parts.answerProse, prompt: draft.prompt)))
        }
        let title = found.title ?? "Questions from \(file.split(separator: "/").last.map(String.init) ?? file)"
        let draftBank = Bank(title: title, durationSeconds: options.durationSeconds, description: found.description,
                             questions: questions, source: file, hash: Hashing.fnv1a64(bytes))
        var notes = [
            "Imported by `interview import` from \(file): \(questions.count) questions (\(found.form)).",
            "The rubric items were derived by a program from each question's evaluation text: review them before use.",
        ]
        if !withoutAnswer.isEmpty {
            notes.append("Questions at article lines \(withoutAnswer.map(String.init).joined(separator: ", ")) had no answer: write one in place of the placeholder.")
        }
        let markdown = BankWriter.markdown(draftBank, notes: notes)
        let bank: Bank
        do {
            bank = try BankParser.parse(bytes: Array(markdown.utf8), file: file)
        } catch {
            throw InputError(file: file, line: 1, column: 1,
                             message: "the bank made from this article does not validate (\(error.message)); expected an importable article, please report this")
        }
        return ImportedArticle(bank: bank, markdown: markdown, form: found.form, linesWithoutAnswer: withoutAnswer)
    }
}
