/// What a bank's front matter says (docs/bank-format.md), with where its values are.
struct FrontMatter {
    var title: String?
    var duration: Int?
    var durationPlace: (line: Int, column: Int)?
    var defaultTime: Int?
    var role: String?
    var level: String?
    var description: String?
    /// Tags every question has, before its own.
    var tags: [String] = []
    /// The `rating-N:` values by level: the line and the value.
    var defaultRatings: [Int: (line: Int, value: String)] = [:]

    /// One `key: value`, and where its key and value start in the file.
    struct Entry {
        enum Value {
            case text(String)
            case list([String])
            /// A mapping, or a list of lists: nothing a key takes.
            case other
        }
        var key: String
        var line: Int
        var column: Int
        var value: Value
        var valueLine: Int
        var valueColumn: Int
    }

}

extension BankParser {
    /// The front matter of `lines[1..<end]`, YAML read with libyaml (`YAMLReader`). One that
    /// YAML rejects but that earlier versions read line by line (`title: Systems: the hard
    /// parts`, a key given twice: every line `key: value` with a key they knew) is read as they read it,
    /// errors in its values included, with a warning saying what YAML found. Any other is
    /// an error at YAML's place; what its lines say is still read, so that nothing more is
    /// said of them (no title, when the title is there).
    func frontMatter(_ lines: [String], end: Int, error: (Int, Int, String) -> Void, warn: (Int, Int, String) -> Void) -> FrontMatter {
        do throws(YAMLProblem) {
            return interpret(try yamlEntries(lines, end: end, error: error), error: error)
        } catch let problem {
            var readBefore = true
            let entries = lineEntries(lines, end: end) { _, _, _ in readBefore = false }
            if readBefore, entries.allSatisfy({ Self.keysBeforeYAML.contains($0.key) }) {
                warn(problem.line, problem.column, problem.message + " (read line by line, as before YAML: quote the value, e.g. title: \"A: B\")")
                return interpret(entries, error: error)
            }
            error(problem.line, problem.column, problem.message)
            return interpret(entries) { _, _, _ in }
        }
    }

    /// The keys of the front matter read line by line, before YAML.
    private static let keysBeforeYAML = frontMatterKeys.filter { $0 != "tags" }

    /// The front matter as YAML: a mapping of keys to text or lists of text.
    private func yamlEntries(_ lines: [String], end: Int, error: (Int, Int, String) -> Void) throws(YAMLProblem) -> [FrontMatter.Entry] {
        let root: YAMLNode?
        do {
            root = try YAMLReader.document(lines[1..<end].joined(separator: "\n"))
        } catch let problem {
            // From the text's place to the file's: the text starts on the file's line 2.
            throw YAMLProblem(line: problem.line + 1, column: problem.column, message: "the front matter is not YAML: \(problem.message)")
        }
        guard let root else { return [] }  // nothing but comments and blank lines
        guard case .mapping(let pairs) = root.content else {
            let place = Self.place(root)
            throw YAMLProblem(line: place.line, column: place.column, message: "expected 'key: value' lines in the front matter")
        }
        var entries: [FrontMatter.Entry] = []
        for (keyNode, valueNode) in pairs {
            let keyPlace = Self.place(keyNode)
            guard case .scalar(let key, _) = keyNode.content else {
                error(keyPlace.line, keyPlace.column, "expected a key (a word such as title) in the front matter")
                continue
            }
            var valuePlace = Self.place(valueNode)
            let value: FrontMatter.Entry.Value
            switch valueNode.content {
            case .scalar(let text, _) where text.isEmpty:
                // No value: its place is after the key's colon and spaces, on the key's line.
                value = .text("")
                valuePlace = (keyPlace.line, Self.valueColumn(in: lines[keyPlace.line - 1]))
            case .scalar(let text, let plain):
                value = .text(plain ? Self.plainAsWritten(text, line: lines[valuePlace.line - 1], column: valuePlace.column) : text)
            case .sequence(let items):
                let texts = items.map { item -> String? in
                    guard case .scalar(let text, _) = item.content else { return nil }
                    return text
                }
                value = texts.contains(nil) ? .other : .list(texts.compactMap { $0 })
            case .mapping:
                value = .other
            }
            entries.append(FrontMatter.Entry(key: key, line: keyPlace.line, column: keyPlace.column, value: value,
                                             valueLine: valuePlace.line, valueColumn: valuePlace.column))
        }
        return entries
    }

    /// A plain value as its line has it when YAML stopped at ` #`: `title: Bank #2` was
    /// "Bank #2" before YAML, and stays so (a comment is a line of its own).
    private static func plainAsWritten(_ text: String, line: String, column: Int) -> String {
        let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(column - 1))).trimmingSpaces
        guard rest.hasPrefix(text), rest.dropFirst(text.count).trimmingSpaces.hasPrefix("#") else { return text }
        return rest
    }

    /// The front matter line by line, as before YAML: `key: value`, the value the rest of the line.
    private func lineEntries(_ lines: [String], end: Int, error: (Int, Int, String) -> Void) -> [FrontMatter.Entry] {
        var entries: [FrontMatter.Entry] = []
        for index in 1..<end {
            let line = lines[index]
            let number = index + 1
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                error(number, 1, "expected 'key: value' in the front matter, or '---' to end it")
                continue
            }
            entries.append(FrontMatter.Entry(key: line[..<colon].trimmingSpaces, line: number, column: 1,
                                             value: .text(line[line.index(after: colon)...].trimmingSpaces),
                                             valueLine: number, valueColumn: Self.valueColumn(in: line)))
        }
        return entries
    }

    /// What the entries say, and the errors in their values.
    private func interpret(_ entries: [FrontMatter.Entry], error: (Int, Int, String) -> Void) -> FrontMatter {
        var matter = FrontMatter()
        for entry in entries {
            let text: String
            switch (entry.key, entry.value) {
            case ("tags", .list(let items)):
                matter.tags = items.map(\.trimmingSpaces).filter { !$0.isEmpty }
                continue
            case (_, .text(let value)):
                text = value
            case (_, .list) where Self.frontMatterKeys.contains(entry.key):
                error(entry.valueLine, entry.valueColumn, "expected text after '\(entry.key):', not a list")
                continue
            case (_, .other) where Self.frontMatterKeys.contains(entry.key):
                error(entry.valueLine, entry.valueColumn, "expected text after '\(entry.key):'" + (entry.key == "tags" ? " or a list" : ""))
                continue
            default:
                text = ""
            }
            switch entry.key {
            case "title": matter.title = text
            case "role": matter.role = text
            case "level": matter.level = text
            case "description": matter.description = text
            case "tags": matter.tags = Self.commaList(text)
            case "rating-1", "rating-2", "rating-3", "rating-4":
                let level = Int(String(entry.key.last!))!
                matter.defaultRatings[level] = (entry.line, text)
                if text.isEmpty {
                    error(entry.valueLine, entry.valueColumn, "expected what \(Self.ratingPhrase(level)) looks like after '\(entry.key):'")
                }
            case "duration", "time":
                guard let seconds = Durations.parse(text) else {
                    error(entry.valueLine, entry.valueColumn, "bad \(entry.key) '\(text)': expected a duration like 45m, 1h30m or 90s")
                    continue
                }
                if entry.key == "duration" {
                    matter.duration = seconds
                    matter.durationPlace = (entry.valueLine, entry.valueColumn)
                } else {
                    matter.defaultTime = seconds
                }
            default:
                let near = Suggestion.closest(to: entry.key, among: Self.frontMatterKeys)
                error(entry.line, entry.column, "unknown front-matter key '\(entry.key)': "
                      + (near.count == 1 ? "did you mean '\(near[0])'? " : "") + "expected one of \(Self.frontMatterKeys.joined(separator: ", "))")
            }
        }
        return matter
    }

    /// The column where the value of `key: value` starts: after the colon and its spaces.
    private static func valueColumn(in line: String) -> Int {
        guard let colon = line.firstIndex(of: ":") else { return 1 }
        let start = line.index(after: colon)
        return line.distance(from: line.startIndex, to: start) + line[start...].prefix(while: { $0 == " " }).count + 1
    }

    /// A place of the front matter's text in the file: it starts on the file's line 2.
    private static func place(_ node: YAMLNode) -> (line: Int, column: Int) { (node.line + 1, node.column) }
}
