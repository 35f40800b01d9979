/// Reads the Markdown bank format of docs/bank-format.md. Strict: anything it cannot
/// place is an error with the file, line and column, so a typo never silently drops
/// a rubric item or a whole section.
public struct BankParser {
    public static let frontMatterKeys = ["title", "duration", "time", "role", "level", "description", "tags",
                                         "rating-1", "rating-2", "rating-3", "rating-4"]
    static let defaultQuestionSeconds = 300
    /// At most this many rubric items, and as many follow-ups: one per digit key.
    static let maxItems = 9

    public enum Section: String, CaseIterable, Sendable {
        case whyAsk = "Why ask"
        case expectedAnswer = "Expected answer"
        case howToEvaluate = "How to evaluate"
        case rubric = "Rubric"
        case followUps = "Follow-ups"
        case ratings = "Ratings"
    }

    let file: String
    /// Whether the author's checklist is read (`check`); `parse` says errors only, and a
    /// bank is parsed at every start, before the first frame.
    let listsWarnings: Bool

    public init(file: String, listsWarnings: Bool = true) {
        self.file = file
        self.listsWarnings = listsWarnings
    }

    /// The bank in `bytes`, or the first error in it (the first one found, reading down the file).
    public static func parse(bytes: [UInt8], file: String, source: String? = nil) throws(InputError) -> Bank {
        // Control characters are `validate`'s to list: a bank holding them runs, showing marks.
        let check = check(bytes: bytes, file: file, source: source, warnings: false)
        if let first = check.errors.first { throw first }
        guard let bank = check.bank else { throw InputError(file: file, message: "expected a bank") }
        return bank
    }

    /// Every error in `bytes`, not only the first, and the warnings of an author's
    /// checklist (docs/bank-format.md): the one parser, which goes on after an error at the
    /// next line it can place. The bank is there only when there is no error.
    /// `warnings`: false for the errors alone.
    public static func check(bytes: [UInt8], file: String, source: String? = nil, warnings: Bool = true) -> BankCheck {
        let parser = BankParser(file: file, listsWarnings: warnings)
        do {
            let text = try UTF8Text.decode(bytes, file: file)
            var check = parser.check(text: text, source: source ?? file, hash: Hashing.fnv1a64(bytes))
            if warnings { check.controlCharacters = UTF8Text.controlCharacters(in: text, file: file) }
            return check
        } catch {
            return BankCheck(bank: nil, errors: [error], warnings: [])
        }
    }

    func fail(_ line: Int, _ column: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, column: column, message: message)
    }

    struct Draft {
        var line: Int
        var id: String?
        var prompt: String
        var time: Int?
        var tags: [String] = []
        var competencies: [String] = []
        var sections: [Section: [String]] = [:]
        var sectionLines: [Section: Int] = [:]
        var rubric: [String] = []
        /// An error is already reported on its heading: nothing more is said of it.
        var broken = false
        var tooManyItems = false
        var followUps: [String] = []
        var tooManyFollowUps = false
        /// Set when a line of the section has an error: its missing levels, or its emptiness, go unsaid.
        var brokenSections: Set<Section> = []
        /// The Ratings section's texts by level, and the line of each.
        var ratings: [Int: String] = [:]
        var ratingLines: [Int: Int] = [:]
    }

    func check(text original: String, source: String, hash: String) -> BankCheck {
        let lines = UTF8Text.lines(of: original)
        var errors: [InputError] = []
        var warnings: [InputError] = []
        func error(_ line: Int, _ column: Int, _ message: String) { errors.append(fail(line, column, message)) }
        func warn(_ line: Int, _ column: Int, _ message: String) {
            if listsWarnings { warnings.append(fail(line, column, message)) }
        }
        func done() -> BankCheck { BankCheck(bank: nil, errors: errors, warnings: warnings) }

        guard lines.first == "---" else {
            error(1, 1, "expected front matter: a first line '---', then 'title: ...', then '---'")
            return done()
        }
        // The front matter ends at the next line '---'. With none, it cannot run past the
        // first question: its lines are the question's, not unknown front-matter keys.
        let closing = lines.indices.dropFirst().first { lines[$0] == "---" }
        let end = closing ?? lines.indices.dropFirst().first { lines[$0].hasPrefix("## ") || lines[$0] == "##" } ?? lines.count
        let matter = frontMatter(lines, end: end, error: error, warn: warn)
        let (title, duration, durationPlace, defaultTime) = (matter.title, matter.duration, matter.durationPlace, matter.defaultTime)
        let defaultRatings = matter.defaultRatings
        if closing == nil {
            guard end < lines.count else {
                error(1, 1, "unterminated front matter: expected a line '---' to close the one on line 1")
                return done()
            }
            error(end + 1, 1, "unterminated front matter: expected a line '---' before the first question, to close the one on line 1")
        }
        if title?.isEmpty ?? true {
            error(1, 1, "the front matter has no title: expected 'title: ...'")
        }
        if !defaultRatings.isEmpty, defaultRatings.count < 4 {
            let given = defaultRatings.keys.sorted()
            let missing = (1...4).filter { defaultRatings[$0] == nil }
            error(defaultRatings.values.map(\.line).min()!, 1,
                  "default ratings \(Self.list(given.map { "rating-\($0)" }, "and")) without \(Self.list(missing.map { "rating-\($0)" }, "and")): "
                      + "expected all four, rating-1 to rating-4, or none")
        }
        let defaultAnchors = defaultRatings.count == 4 ? (1...4).map { defaultRatings[$0]!.value } : []

        var drafts: [Draft] = []
        var section: Section?
        /// After an error in a heading or the text under it: the lines up to the next heading say nothing more.
        var skipping = false
        var index = closing.map { $0 + 1 } ?? end
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            let trimmed = line.trimmingSpaces
            if line.hasPrefix("## ") || line == "##" {
                let prompt = String(line.dropFirst(2)).trimmingSpaces
                drafts.append(Draft(line: number, prompt: prompt, broken: prompt.isEmpty))
                if prompt.isEmpty { error(number, 1, "expected the question's prompt after '## '") }
                section = nil
                skipping = false
                continue
            }
            if line.hasPrefix("### ") {
                let name = String(line.dropFirst(4)).trimmingSpaces
                section = nil
                skipping = true
                guard !drafts.isEmpty else {
                    error(number, 1, "section '\(name)' outside a question: expected a '## ' question heading first")
                    continue
                }
                guard let found = Section.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                    error(number, 5, "unknown section '\(name)': expected one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                guard drafts[drafts.count - 1].sections[found] == nil else {
                    error(number, 5, "second '\(found.rawValue)' section in this question: expected each section once")
                    continue
                }
                drafts[drafts.count - 1].sections[found] = []
                drafts[drafts.count - 1].sectionLines[found] = number
                section = found
                skipping = false
                continue
            }
            if line.hasPrefix("#") {
                let hashes = line.prefix(while: { $0 == "#" }).count
                if hashes == 1, drafts.isEmpty { continue }  // a document title, for people reading the file
                error(number, 1, "unexpected heading level \(hashes): expected '## ' for a question or '### ' for a section")
                continue
            }
            if skipping { continue }
            let isTask = trimmed.hasPrefix("- [ ]") || trimmed.hasPrefix("- [x]") || trimmed.hasPrefix("- [X]")
            if isTask, section != .rubric {
                error(number, line.indentation + 1,
                      drafts.isEmpty ? "rubric item outside a question: expected it under a question's '### Rubric'"
                                     : "rubric item outside a '### Rubric' section")
                continue
            }
            guard !drafts.isEmpty else {
                if trimmed.isEmpty { continue }
                error(number, 1, "text before the first question: expected a '## ' question heading")
                skipping = true
                continue
            }
            if listsWarnings, section != nil, let tab = Self.tabInIndentation(line) {
                warn(number, tab, "a tab in the indentation: it counts as four spaces; expected spaces, which read the same in every editor")
            }
            guard let section else {
                if trimmed.isEmpty { continue }
                if let (key, value) = metadata(trimmed) {
                    let afterColon = trimmed.dropFirst(key.count + 1)
                    let column = line.indentation + key.count + 1 + afterColon.prefix(while: { $0 == " " || $0 == "\t" }).count + 1
                    switch key {
                    case "time":
                        guard let seconds = Durations.parse(value) else {
                            error(number, column, "bad time '\(value)': expected a duration like 3m, 2m30s or 90s")
                            continue
                        }
                        drafts[drafts.count - 1].time = seconds
                    case "tags":
                        drafts[drafts.count - 1].tags = Self.commaList(value)
                    case "competencies":
                        drafts[drafts.count - 1].competencies = Self.commaList(value)
                    default:
                        guard !value.isEmpty else {
                            error(number, column, "expected an id after 'id:'")
                            continue
                        }
                        drafts[drafts.count - 1].id = value
                    }
                    continue
                }
                error(number, 1, "expected 'time:', 'tags:', 'competencies:' or 'id:' under the question, or a '### ' section heading")
                skipping = true
                continue
            }
            if section == .rubric {
                if trimmed.isEmpty { continue }
                guard isTask else {
                    error(number, 1, "expected a rubric item '- [ ] ...' in the Rubric section")
                    continue
                }
                let item = String(trimmed.dropFirst(5)).trimmingSpaces
                guard !item.isEmpty else {
                    error(number, line.indentation + 6, "expected the rubric item's text after '- [ ]'")
                    continue
                }
                guard drafts[drafts.count - 1].rubric.count < Self.maxItems else {
                    if !drafts[drafts.count - 1].tooManyItems {
                        error(number, 1, "a tenth rubric item: expected at most 9, one per digit key")
                    }
                    drafts[drafts.count - 1].tooManyItems = true
                    continue
                }
                drafts[drafts.count - 1].rubric.append(item)
                continue
            }
            if section == .followUps {
                if trimmed.isEmpty { continue }
                guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed == "-" || trimmed == "*" else {
                    error(number, 1, "expected a follow-up '- ...' in the Follow-ups section, one line each")
                    drafts[drafts.count - 1].brokenSections.insert(.followUps)
                    continue
                }
                let item = String(trimmed.dropFirst(1)).trimmingSpaces
                guard !item.isEmpty else {
                    error(number, line.indentation + 2, "expected the follow-up's text after '\(trimmed.prefix(1))'")
                    drafts[drafts.count - 1].brokenSections.insert(.followUps)
                    continue
                }
                guard drafts[drafts.count - 1].followUps.count < Self.maxItems else {
                    if !drafts[drafts.count - 1].tooManyFollowUps {
                        error(number, 1, "a tenth follow-up: expected at most 9, one per digit key ('f' then 1 to 9)")
                    }
                    drafts[drafts.count - 1].tooManyFollowUps = true
                    continue
                }
                drafts[drafts.count - 1].followUps.append(item)
                continue
            }
            if section == .ratings {
                if trimmed.isEmpty { continue }
                if let problem = rating(line, number: number, in: &drafts[drafts.count - 1]) {
                    errors.append(problem)
                    drafts[drafts.count - 1].brokenSections.insert(.ratings)
                }
                continue
            }
            drafts[drafts.count - 1].sections[section, default: []].append(line)
        }

        guard !drafts.isEmpty else {
            error(max(lines.count, 1), 1, "the bank has no questions: expected at least one '## ' question heading")
            return done()
        }

        var questions: [Question] = []
        /// The heading line of each question.
        var headings: [Int] = []
        var firstLineOfID: [String: Int] = [:]
        var firstLineOfPrompt: [String: Int] = [:]
        let fallbackTime = defaultTime ?? duration.map { max(60, $0 / drafts.count) } ?? Self.defaultQuestionSeconds
        for draft in drafts where !draft.broken {
            let id = draft.id ?? Slug.make(draft.prompt)
            if let first = firstLineOfID[id] {
                error(draft.line, 1, "duplicate question id '\(id)' (also line \(first)): expected unique prompts, or an 'id:' line to tell them apart")
            } else {
                firstLineOfID[id] = draft.line
                let prompt = listsWarnings ? draft.prompt.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") : nil
                if let prompt, let first = firstLineOfPrompt[prompt] {
                    warn(draft.line, 1, "the same prompt as the question on line \(first): expected each question once")
                } else if let prompt {
                    firstLineOfPrompt[prompt] = draft.line
                }
            }
            let body = { (s: Section) in RichText.parse(lines: draft.sections[s] ?? []) }
            let expected = body(.expectedAnswer)
            if expected.isEmpty {
                error(draft.line, 1, "question '\(draft.prompt)' has no expected answer: expected a '### Expected answer' section with text")
            } else if listsWarnings, expected.plainText == Question.placeholderAnswer {
                warn(draft.sectionLines[.expectedAnswer] ?? draft.line, 1,
                     "the expected answer is the importer's placeholder: expected the answer an interviewer listens for")
            }
            if draft.rubric.isEmpty {
                warn(draft.line, 1, "this question has no rubric: expected a '### Rubric' section with the points to tick off")
            }
            if let place = draft.sectionLines[.followUps], draft.followUps.isEmpty, !draft.brokenSections.contains(.followUps) {
                warn(place, 1, "an empty Follow-ups section: expected '- ' items, the questions to ask next, or no section")
            }
            if let place = draft.sectionLines[.ratings], draft.ratings.count < 4, !draft.brokenSections.contains(.ratings) {
                let missing = (1...4).filter { draft.ratings[$0] == nil }.map(String.init)
                error(place, 1, (missing.count == 4 ? "the Ratings section is empty" : "the Ratings section has no \(Self.list(missing, "or"))")
                    + ": expected the four lines '1: ...' to '4: ...', one per rating")
            }
            let anchors = draft.ratings.count == 4 ? (1...4).map { draft.ratings[$0]! } : defaultAnchors
            questions.append(Question(
                id: id, prompt: draft.prompt, timeSeconds: draft.time ?? fallbackTime, tags: matter.tags + draft.tags.filter { !matter.tags.contains($0) },
                whyAsk: body(.whyAsk), expectedAnswer: expected, howToEvaluate: body(.howToEvaluate),
                rubric: draft.rubric, competencies: draft.competencies, followUps: draft.followUps, anchors: anchors))
            headings.append(draft.line)
        }
        // Some questions with anchors and others without: those show the scale's bare words.
        let withAnchors = questions.filter { !$0.anchors.isEmpty }.count
        if defaultAnchors.isEmpty, withAnchors > 0, withAnchors < questions.count {
            for (question, line) in zip(questions, headings) where question.anchors.isEmpty {
                warn(line, 1, "this question has no ratings, while \(withAnchors == 1 ? "1 other has" : "\(withAnchors) others have") them: "
                     + "expected a '### Ratings' section, or default ones (rating-1 to rating-4) in the front matter")
            }
        }
        let total = questions.reduce(0) { $0 + $1.timeSeconds }
        if let duration, let place = durationPlace, total > duration {
            warn(place.line, place.column, "the questions' times add up to \(Durations.format(total)), over the \(Durations.format(duration)) duration: expected them to fit, or a longer duration")
        }
        guard errors.isEmpty, let title else { return done() }
        let bank = Bank(title: title, durationSeconds: duration ?? total, role: matter.role, level: matter.level,
                        description: matter.description.flatMap { $0.isEmpty ? nil : $0 }, questions: questions, source: source, hash: hash)
        return BankCheck(bank: bank, errors: [], warnings: warnings)
    }
}

extension StringProtocol {
    /// Spaces and tabs at the start.
    var indentation: Int { prefix(while: { $0 == " " || $0 == "\t" }).count }
}

/// What `BankParser.check` finds in a file: the bank when there is no error, every
/// error in the order found (the first is what `parse` throws), and the warnings.
/// Control characters are `validate`'s errors, not the parser's: a bank holding them
/// still runs, showing them as marks.
public struct BankCheck: Sendable {
    public var bank: Bank?
    public var errors: [InputError]
    public var warnings: [InputError]
    public var controlCharacters: [InputError] = []

    public init(bank: Bank?, errors: [InputError], warnings: [InputError]) {
        self.bank = bank
        self.errors = errors
        self.warnings = warnings
    }
}
