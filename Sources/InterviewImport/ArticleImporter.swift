import InterviewCore

/// What `interview import` is asked for.
public struct ImportOptions: Hashable, Sendable {
    /// The interview's length, spread evenly over the questions.
    public var durationSeconds: Int
    /// A question without an expected answer (or with a placeholder) is an error instead of a placeholder.
    public var strict: Bool
    /// Keep the difficulty marks at the end of prompts (`What is X? 👶`).
    public var keepMarks: Bool

    public init(durationSeconds: Int = 45 * 60, strict: Bool = false, keepMarks: Bool = false) {
        self.durationSeconds = durationSeconds
        self.strict = strict
        self.keepMarks = keepMarks
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
    /// Article lines of the questions that had no answer (none, or only a placeholder); each got the importer's placeholder.
    public var linesWithoutAnswer: [Int]
    /// The placeholders the article had in place of answers ("Answer here"), by article line.
    public var placeholders: [(line: Int, text: String)]
    /// Article lines of the questions whose text gave fewer than three rubric items: a person writes the rest.
    public var linesNeedingRubric: [Int]
    /// What was found, line by line.
    public var report: ImportReport

    /// The lines of the summary after its first: answers missing, rubrics to write.
    public var summaryNotes: [String] {
        var notes: [String] = []
        if !linesWithoutAnswer.isEmpty {
            let said = Dictionary(placeholders.map { ($0.line, $0.text) }, uniquingKeysWith: { first, _ in first })
            let lines = linesWithoutAnswer.map { line in
                said[line].map { "\(line) '\(ImportReport.short($0))'" } ?? String(line)
            }.joined(separator: ", ")
            let held = placeholders.isEmpty ? "" : placeholders.count == linesWithoutAnswer.count ? " but a placeholder" : " or only a placeholder"
            notes.append(linesWithoutAnswer.count == 1
                ? "1 question had no answer\(held) in the article (line \(lines)): the importer's placeholder was written"
                : "\(linesWithoutAnswer.count) questions had no answer\(held) in the article (lines \(lines)): the importer's placeholders were written")
        }
        if !linesNeedingRubric.isEmpty {
            let lines = linesNeedingRubric.map(String.init).joined(separator: ", ")
            notes.append(linesNeedingRubric.count == 1
                ? "1 question needs a rubric written by a person, its text giving fewer than 3 points (line \(lines))"
                : "\(linesNeedingRubric.count) questions need a rubric written by a person, their text giving fewer than 3 points (lines \(lines))")
        }
        return notes
    }
}

/// Turns an interview-questions article, copied as plain text from a web page or
/// written as a Markdown list, into a bank: page furniture dropped, questions found
/// by their numbers (or headings, or bold lines), their parts mapped to the bank's
/// sections by their labels, and a rubric derived from how to evaluate each answer.
public enum ArticleImporter {
    public static func importArticle(bytes: [UInt8], file: String,
                                     options: ImportOptions = ImportOptions()) throws(InputError) -> ImportedArticle {
        let (imported, report) = read(bytes: bytes, file: file, options: options)
        guard let imported else { throw report.error! }
        return imported
    }

    /// What the importer finds in the article, whether or not it can import it.
    public static func report(bytes: [UInt8], file: String, options: ImportOptions = ImportOptions()) -> ImportReport {
        read(bytes: bytes, file: file, options: options).1
    }

    private static func read(bytes: [UInt8], file: String, options: ImportOptions) -> (ImportedArticle?, ImportReport) {
        var report = ImportReport(file: file)
        let text: String
        do {
            // Control characters become visible marks: in the bank, the report and the summary alike.
            text = VisibleText.visibleKeepingLayout(try UTF8Text.decode(bytes, file: file))
        } catch {
            report.error = error
            return (nil, report)
        }
        let raws = UTF8Text.lines(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let lines = MarkdownArticle.isMarkdown(file: file, lines: raws) ? MarkdownArticle.read(raws) : ArticleMarkup.read(raws)
        let forms = QuestionLayout.Forms(lines)
        report.forms = [
            ("numbered", forms.numbered?.starts.count ?? 0), ("one heading per question", forms.headings.starts.count),
            ("one bold line per question", forms.bold.count),
        ]
        let found: QuestionLayout
        do {
            found = try QuestionLayout.find(in: lines, file: file, keepMarks: options.keepMarks)
        } catch {
            report.error = error
            report.notTaken = ImportFindings.notTaken(lines, starts: forms.numbered?.starts ?? [], chosen: nil)
            report.dropped = ImportFindings.dropped(lines, layout: nil, parts: [])
            return (nil, report)
        }
        report.form = found.form
        report.dense = found.dense
        report.title = found.titleIndex.flatMap { index in found.title.map { (lines[index].number, $0) } }
        report.descriptionLines = found.descriptionLines.map { lines[$0].number }
        report.topics = found.topics.map { (lines[$0.index].number, $0.text) }

        var questions: [Question] = []
        var withoutAnswer: [Int] = []
        var placeholders: [(line: Int, text: String)] = []
        var needingRubric: [Int] = []
        var allParts: [QuestionParts] = []
        var ids: Set<String> = []
        let seconds = max(1, options.durationSeconds / found.questions.count)
        for draft in found.questions {
            var parts = QuestionParts(lines: Array(lines[draft.body]), dense: found.dense)
            let line = lines[draft.titleLine].number
            let number = questions.count + 1
            var answerState = ImportReport.Answer.missing
            if let placeholder = parts.placeholder {
                answerState = .placeholder(placeholder)
            } else if !parts.expectedAnswer.isEmpty {
                let answerLines = ImportFindings.answerLines(lines, body: draft.body, parts: parts)
                answerState = .text(first: answerLines.first ?? line, last: answerLines.last ?? line)
            }
            if parts.expectedAnswer.isEmpty {
                guard !options.strict else {
                    report.error = InputError(file: file, line: line, column: 1, message: parts.placeholder.map { held in
                        "question \(number) ('\(draft.prompt)') has only a placeholder for its answer ('\(ImportReport.short(held))'): expected the answer itself (--strict)"
                    } ?? "question \(number) ('\(draft.prompt)') has no expected answer: expected an 'Expected Answer' part or text under the question (--strict)")
                    return (nil, report)
                }
                withoutAnswer.append(line)
                if let placeholder = parts.placeholder { placeholders.append((line, placeholder)) }
                parts.expectedAnswer = RichText([Block(.paragraph, [Span(Question.placeholderAnswer)])])
            }
            var id = Slug.make(draft.prompt)
            if ids.contains(id) {
                id = (2...).lazy.map { "\(id)-\($0)" }.first { !ids.contains($0) }!
            }
            ids.insert(id)
            let rubric = RubricDeriver.derive(evaluation: parts.rubricSource, answer: parts.answerProse, prompt: draft.prompt)
            if rubric.needsPerson { needingRubric.append(line) }
            questions.append(Question(
                id: id, prompt: draft.prompt, timeSeconds: seconds, tags: draft.topic.map { [Slug.make($0)] } ?? [],
                whyAsk: parts.whyAsk, expectedAnswer: parts.expectedAnswer, howToEvaluate: parts.howToEvaluate,
                rubric: rubric.items))
            report.questions.append(ImportReport.Entry(
                number: number, line: line, prompt: draft.prompt, marks: draft.marks, topic: draft.topic,
                labels: parts.labels.map { "\($0.line) \($0.name) → \(ImportFindings.sectionName($0.kind))" },
                answer: answerState, rubric: rubric.items, shortened: rubric.shortened, cut: rubric.cut, fromAnswer: rubric.fromAnswer))
            allParts.append(parts)
        }
        report.dropped = ImportFindings.dropped(lines, layout: found, parts: allParts)
        report.notTaken = ImportFindings.notTaken(lines, starts: found.questions.map(\.titleLine), chosen: found)

        // The file's name goes into the bank too: shown with marks, as the article's text is.
        let shownFile = VisibleText.visible(file)
        let title = found.title ?? "Questions from \(shownFile.split(separator: "/").last.map(String.init) ?? shownFile)"
        let draftBank = Bank(title: title, durationSeconds: options.durationSeconds, description: found.description,
                             questions: questions, source: file, hash: Hashing.fnv1a64(bytes))
        var notes = [
            "Imported by `interview import` from \(shownFile): \(questions.count) questions (\(found.form)).",
            "The rubric items were derived by a program from each question's evaluation text: review them before use.",
        ]
        if !withoutAnswer.isEmpty {
            notes.append("Questions at article lines \(withoutAnswer.map(String.init).joined(separator: ", ")) had no answer: write one in place of the placeholder.")
        }
        if !needingRubric.isEmpty {
            notes.append("Questions at article lines \(needingRubric.map(String.init).joined(separator: ", ")) need a rubric written by a person: their text gave fewer than 3 points.")
        }
        let markdown = BankWriter.markdown(draftBank, notes: notes)
        let bank: Bank
        do {
            bank = try BankParser.parse(bytes: Array(markdown.utf8), file: file)
        } catch {
            report.error = InputError(file: file,
                                      message: "the bank made from this article does not validate (\(error.message)); expected an importable article, please report this")
            return (nil, report)
        }
        let imported = ImportedArticle(bank: bank, markdown: markdown, form: found.form, linesWithoutAnswer: withoutAnswer,
                                       placeholders: placeholders, linesNeedingRubric: needingRubric, report: report)
        return (imported, report)
    }
}
