/// Reads the Markdown bank format of docs/bank-format.md. Strict: anything it cannot
/// place is an error with the file, line and column, so a typo never silently drops
/// a rubric item or a whole section.
public struct BankParser {
    public static let frontMatterKeys = ["title", "duration", "time", "role", "level", "description"]
    static let defaultQuestionSeconds = 300

    public enum Section: String, CaseIterable, Sendable {
        case whyAsk = "Why ask"
        case expectedAnswer = "Expected answer"
        case howToEvaluate = "How to evaluate"
        case rubric = "Rubric"
    }

    let file: String

    public init(file: String) { self.file = file }

    public static func parse(bytes: [UInt8], file: String, source: String? = nil) throws(InputError) -> Bank {
        let parser = BankParser(file: file)
        let text = try UTF8Text.decode(bytes, file: file)
        return try parser.parse(text: text, source: source ?? file, hash: Hashing.fnv1a64(bytes))
    }

    func fail(_ line: Int, _ column: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, column: column, message: message)
    }

    private struct Draft {
        var line: Int
        var id: String?
        var prompt: String
        var time: Int?
        var tags: [String] = []
        var sections: [Section: [String]] = [:]
        var rubric: [String] = []
    }

    func parse(text original: String, source: String, hash: String) throws(InputError) -> Bank {
        let lines = UTF8Text.lines(of: original)

        guard lines.first == "---" else {
            throw fail(1, 1, "expected front matter: a first line '---', then 'title: ...', then '---'")
        }
        var title: String?
        var duration: Int?
        var defaultTime: Int?
        var role: String?
        var level: String?
        var description: String?
        var index = 1
        var closed = false
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line == "---" { closed = true; break }
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(number, 1, "expected 'key: value' in the front matter, or '---' to end it")
            }
            let key = line[..<colon].trimmingSpaces
            let valueStart = line.index(after: colon)
            let value = line[valueStart...].trimmingSpaces
            let valueColumn = line.distance(from: line.startIndex, to: valueStart)
                + line[valueStart...].prefix(while: { $0 == " " }).count + 1
            switch key {
            case "title": title = value
            case "role": role = value
            case "level": level = value
            case "description": description = value
            case "duration", "time":
                guard let seconds = Durations.parse(value) else {
                    throw fail(number, valueColumn, "bad \(key) '\(value)': expected a duration like 45m, 1h30m or 90s")
                }
                if key == "duration" { duration = seconds } else { defaultTime = seconds }
            default:
                throw fail(number, 1, "unknown front-matter key '\(key)': expected one of \(Self.frontMatterKeys.joined(separator: ", "))")
            }
        }
        guard closed else {
            throw fail(1, 1, "unterminated front matter: expected a line '---' to close the one on line 1")
        }
        guard let title, !title.isEmpty else {
            throw fail(1, 1, "the front matter has no title: expected 'title: ...'")
        }

        var drafts: [Draft] = []
        var section: Section?
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            let trimmed = line.trimmingSpaces
            if line.hasPrefix("## ") || line == "##" {
                let prompt = String(line.dropFirst(2)).trimmingSpaces
                guard !prompt.isEmpty else { throw fail(number, 1, "expected the question's prompt after '## '") }
                drafts.append(Draft(line: number, prompt: prompt))
                section = nil
                continue
            }
            if line.hasPrefix("### ") {
                let name = String(line.dropFirst(4)).trimmingSpaces
                guard !drafts.isEmpty else {
                    throw fail(number, 1, "section '\(name)' outside a question: expected a '## ' question heading first")
                }
                guard let found = Section.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                    throw fail(number, 5, "unknown section '\(name)': expected one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard drafts[drafts.count - 1].sections[found] == nil else {
                    throw fail(number, 5, "second '\(found.rawValue)' section in this question: expected each section once")
                }
                drafts[drafts.count - 1].sections[found] = []
                section = found
                continue
            }
            if line.hasPrefix("#") {
                let hashes = line.prefix(while: { $0 == "#" }).count
                if hashes == 1, drafts.isEmpty { continue }  // a document title, for people reading the file
                throw fail(number, 1, "unexpected heading level \(hashes): expected '## ' for a question or '### ' for a section")
            }
            let isTask = trimmed.hasPrefix("- [ ]") || trimmed.hasPrefix("- [x]") || trimmed.hasPrefix("- [X]")
            if isTask, section != .rubric {
                throw fail(number, line.indentation + 1,
                           drafts.isEmpty ? "rubric item outside a question: expected it under a question's '### Rubric'"
                                          : "rubric item outside a '### Rubric' section")
            }
            guard !drafts.isEmpty else {
                if trimmed.isEmpty { continue }
                throw fail(number, 1, "text before the first question: expected a '## ' question heading")
            }
            guard let section else {
                if trimmed.isEmpty { continue }
                if let (key, value) = metadata(trimmed) {
                    let afterColon = trimmed.dropFirst(key.count + 1)
                    let column = line.indentation + key.count + 1 + afterColon.prefix(while: { $0 == " " || $0 == "\t" }).count + 1
                    switch key {
                    case "time":
                        guard let seconds = Durations.parse(value) else {
                            throw fail(number, column, "bad time '\(value)': expected a duration like 3m, 2m30s or 90s")
                        }
                        drafts[drafts.count - 1].time = seconds
                    case "tags":
                        drafts[drafts.count - 1].tags = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                    default:
                        guard !value.isEmpty else { throw fail(number, column, "expected an id after 'id:'") }
                        drafts[drafts.count - 1].id = value
                    }
                    continue
                }
                throw fail(number, 1, "expected 'time:', 'tags:' or 'id:' under the question, or a '### ' section heading")
            }
            if section == .rubric {
                if trimmed.isEmpty { continue }
                guard isTask else {
                    throw fail(number, 1, "expected a rubric item '- [ ] ...' in the Rubric section")
                }
                let item = String(trimmed.dropFirst(5)).trimmingSpaces
                guard !item.isEmpty else { throw fail(number, line.indentation + 6, "expected the rubric item's text after '- [ ]'") }
                guard drafts[drafts.count - 1].rubric.count < 9 else {
                    throw fail(number, 1, "a tenth rubric item: expected at most 9, one per digit key")
                }
                drafts[drafts.count - 1].rubric.append(item)
                continue
            }
            drafts[drafts.count - 1].sections[section, default: []].append(line)
        }

        guard !drafts.isEmpty else {
            throw fail(max(lines.count, 1), 1, "the bank has no questions: expected at least one '## ' question heading")
        }

        var questions: [Question] = []
        var firstLineOfID: [String: Int] = [:]
        let fallbackTime = defaultTime ?? duration.map { max(60, $0 / drafts.count) } ?? Self.defaultQuestionSeconds
        for draft in drafts {
            let id = draft.id ?? Slug.make(draft.prompt)
            if let first = firstLineOfID[id] {
                throw fail(draft.line, 1, "duplicate question id '\(id)' (also line \(first)): expected unique prompts, or an 'id:' line to tell them apart")
            }
            firstLineOfID[id] = draft.line
            let body = { (s: Section) in RichText.parse((draft.sections[s] ?? []).joined(separator: "\n")) }
            let expected = body(.expectedAnswer)
            guard !expected.isEmpty else {
                throw fail(draft.line, 1, "question '\(draft.prompt)' has no expected answer: expected a '### Expected answer' section with text")
            }
            questions.append(Question(
                id: id, prompt: draft.prompt, timeSeconds: draft.time ?? fallbackTime, tags: draft.tags,
                whyAsk: body(.whyAsk), expectedAnswer: expected, howToEvaluate: body(.howToEvaluate),
                rubric: draft.rubric))
        }
        let total = questions.reduce(0) { $0 + $1.timeSeconds }
        return Bank(title: title, durationSeconds: duration ?? total, role: role, level: level,
                    description: description.flatMap { $0.isEmpty ? nil : $0 }, questions: questions, source: source, hash: hash)
    }

    private func metadata(_ line: String) -> (String, String)? {
        for key in ["time", "tags", "id"] where line.hasPrefix(key + ":") {
            return (key, String(line.dropFirst(key.count + 1)).trimmingSpaces)
        }
        return nil
    }
}

extension StringProtocol {
    /// Spaces and tabs at the start.
    var indentation: Int { prefix(while: { $0 == " " || $0 == "\t" }).count }

    var trimmingSpaces: String {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
