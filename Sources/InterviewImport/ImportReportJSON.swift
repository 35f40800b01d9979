import InterviewCore

/// `interview import --report --format json`: what `--report` says, for a program. Lines
/// are article lines; the lines not taken for questions come grouped by why, with their
/// count and ranges, as the text report gives them.
extension ImportReport {
    public static let jsonFormat = "interview-import-report"
    public static let jsonVersion = 1

    public var json: String {
        ReportText.jsonText(Document(self))
    }

    private struct Document: Encodable {
        struct Line: Encodable { var line: Int; var text: String }
        struct Question: Encodable {
            var number: Int
            var line: Int
            var prompt: String
            var marks: String?
            var topic: String?
            var answerLines: [Int]?
            var placeholder: String?
            var labels: [String]
            var rubric: [String]
            var shortened: Int
            var cut: Int
            var needsPerson: Bool
        }
        struct Group: Encodable { var reason: String; var count: Int; var ranges: String; var lines: [Int] }
        struct NotTakenGroup: Encodable {
            var reason: String
            var count: Int
            var ranges: String
            var lines: [NotTakenLine]
        }
        struct NotTakenLine: Encodable { var line: Int; var text: String; var insideQuestionAt: Int? }

        var format = ImportReport.jsonFormat
        var version = ImportReport.jsonVersion
        var file: String
        var error: String?
        var form: String?
        var forms: [String: Int]
        var title: Line?
        var descriptionLines: [Int]
        var topics: [Line]
        var questions: [Question]
        var leftOut: [Group]
        var notTaken: [NotTakenGroup]

        init(_ report: ImportReport) {
            file = report.file
            error = report.error?.description
            form = report.form
            forms = Dictionary(report.forms.map { ($0.name, $0.count) }, uniquingKeysWith: { first, _ in first })
            title = report.title.map { Line(line: $0.line, text: $0.text) }
            descriptionLines = report.descriptionLines
            topics = report.topics.map { Line(line: $0.line, text: $0.text) }
            questions = report.questions.map { entry in
                var answer: [Int]?
                var placeholder: String?
                switch entry.answer {
                case .text(let first, let last): answer = [first, last]
                case .placeholder(let text): placeholder = text
                case .missing: break
                }
                return Question(number: entry.number, line: entry.line, prompt: entry.prompt, marks: entry.marks.isEmpty ? nil : entry.marks,
                                topic: entry.topic, answerLines: answer, placeholder: placeholder, labels: entry.labels,
                                rubric: entry.rubric, shortened: entry.shortened, cut: entry.cut,
                                needsPerson: entry.rubric.count < RubricDeriver.minimumItems)
            }
            leftOut = report.dropped.map { Group(reason: $0.reason, count: $0.lines.count, ranges: ImportReport.ranges($0.lines), lines: $0.lines) }
            notTaken = report.notTakenByReason.map { why, lines in
                NotTakenGroup(reason: why, count: lines.count, ranges: ImportReport.ranges(lines.map(\.line)),
                              lines: lines.map { NotTakenLine(line: $0.line, text: $0.text, insideQuestionAt: $0.insideQuestionAt) })
            }
        }
    }
}
