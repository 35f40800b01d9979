/// A question bank: what the interviewer asks, with the guidance for each question.
public struct Bank: Hashable, Sendable {
    public var title: String
    /// The planned length of the interview, in seconds.
    public var durationSeconds: Int
    public var role: String?
    public var level: String?
    /// What the bank is for, in a sentence or a paragraph (an imported article's introduction).
    public var description: String?
    public var questions: [Question]
    /// Where the bank came from: a path, or `builtin:NAME`.
    public var source: String
    /// A hash of the bank's bytes, so a session can tell which version it used.
    public var hash: String

    public init(title: String, durationSeconds: Int, role: String? = nil, level: String? = nil,
                description: String? = nil, questions: [Question], source: String, hash: String) {
        self.title = title
        self.durationSeconds = durationSeconds
        self.role = role
        self.level = level
        self.description = description
        self.questions = questions
        self.source = source
        self.hash = hash
    }

    public var totalBudgetSeconds: Int { questions.reduce(0) { $0 + $1.timeSeconds } }
}

public struct Question: Hashable, Sendable {
    public var id: String
    public var prompt: String
    public var timeSeconds: Int
    public var tags: [String]
    public var whyAsk: RichText
    public var expectedAnswer: RichText
    public var howToEvaluate: RichText
    public var rubric: [String]
    /// What the question gives evidence of (`competencies:`), for the report's roll-up.
    public var competencies: [String]
    /// Follow-up questions the interviewer may ask (`### Follow-ups`), interviewer-only.
    public var followUps: [String]
    /// What a 1, 2, 3 and 4 look like for this question (`### Ratings`, else the bank's
    /// default anchors): four texts, or none.
    public var anchors: [String]

    public init(id: String, prompt: String, timeSeconds: Int, tags: [String] = [],
                whyAsk: RichText = RichText(), expectedAnswer: RichText, howToEvaluate: RichText = RichText(),
                rubric: [String] = [], competencies: [String] = [], followUps: [String] = [], anchors: [String] = []) {
        self.id = id
        self.prompt = prompt
        self.timeSeconds = timeSeconds
        self.tags = tags
        self.whyAsk = whyAsk
        self.expectedAnswer = expectedAnswer
        self.howToEvaluate = howToEvaluate
        self.rubric = rubric
        self.competencies = competencies
        self.followUps = followUps
        self.anchors = anchors
    }
}

extension Question {
    /// The expected answer `interview import` writes where its article gives none: `check`
    /// warns while a bank still holds it.
    public static let placeholderAnswer = "No answer in the source article: write the expected answer before using this question."
}

/// A problem in an input file, at a place a person can find.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A problem of the whole file or name (missing, unreadable, a folder, the wrong kind
    /// of file) or of a command-line option: no place in it to point at, so none is
    /// made up (line and column 0).
    public init(file: String, message: String) {
        self.init(file: file, line: 0, column: 0, message: message)
    }

    /// `FILE:LINE:COL: message` for a place in a file; `FILE: message` for the whole file,
    /// and for a command-line option (a `file` such as `--since`), `--since: message`.
    public var description: String {
        file.hasPrefix("--") || line == 0 ? "\(file): \(message)" : "\(file):\(line):\(column): \(message)"
    }
}
