import TOMLKit

/// A theme file as written: what it defines, before missing roles are filled in.
struct ThemeDefinition: Hashable, Sendable {
    /// The `name` key, if the file has one.
    var name: String?
    var description: String
    /// The built-in theme that fills the roles this file leaves out (`base` key; "default" if none).
    var base: String?
    var styles: [Role: RoleStyle]

    var missingRoles: [Role] { Role.allCases.filter { styles[$0] == nil } }
}

/// Reads theme files (TOML) into definitions, with errors that point at the place.
package enum ThemeParser {
    static let topLevelKeys = ["name", "description", "base"]
    static let colorKeys = ["fg", "bg"]
    static let attributeKeys = ["bold", "dim", "italic", "underline", "reverse"]
    static var roleKeys: [String] { colorKeys + attributeKeys }

    static func definition(_ text: String, file: String) throws(InputError) -> ThemeDefinition {
        let root = try TOMLDocument.parse(text, file: file)
        var issues = IssueList(file: file, locator: TOMLLocator(text))
        var definition = ThemeDefinition(name: nil, description: "", base: nil, styles: [:])
        for key in root.keys {
            guard let value = root[key] else { continue }
            switch key {
            case "name", "description", "base":
                guard let string = value.string else {
                    issues.add([key], value: true, "\(key) is \(TOMLDocument.render(value)): expected a string")
                    continue
                }
                if key == "name" { definition.name = string }
                if key == "description" { definition.description = string }
                if key == "base" { definition.base = string }
            default:
                guard let role = Role(rawValue: key) else {
                    if value.table != nil {
                        issues.add([key], "unknown element [\(key)]\(suggestion(key, Role.allCases.map(\.rawValue))): expected one of "
                                   + Role.allCases.map(\.rawValue).joined(separator: ", "))
                    } else {
                        issues.add([key], "unknown key \"\(key)\"\(suggestion(key, topLevelKeys)): expected name, description, base, or a table per element such as [body]")
                    }
                    continue
                }
                guard let table = value.table else {
                    issues.add([key], value: true, "\(key) is \(TOMLDocument.render(value)): expected a table [\(key)] of fg, bg and attributes")
                    continue
                }
                definition.styles[role] = style(table, role: role, issues: &issues)
            }
        }
        try issues.throwFirst()
        return definition
    }

    static func style(_ table: TOMLTable, role: Role, issues: inout IssueList) -> RoleStyle {
        var style = RoleStyle()
        for key in table.keys {
            guard let value = table[key] else { continue }
            let path = [role.rawValue, key]
            if colorKeys.contains(key) {
                let color: ThemeColor?
                if let string = value.string { color = ThemeColor(themeString: string) }
                else if value.type == .int, let int = value.int { color = ThemeColor(themeIndex: int) }
                else { color = nil }
                guard let color else {
                    issues.add(path, value: true, "bad colour \(TOMLDocument.render(value)) for \(key) in [\(role.rawValue)]: \(ThemeColor.expectedSyntax)")
                    continue
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            } else if attributeKeys.contains(key) {
                guard value.type == .bool, let flag = value.bool else {
                    issues.add(path, value: true, "\(key) in [\(role.rawValue)] is \(TOMLDocument.render(value)): expected true or false")
                    continue
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "italic": style.italic = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            } else {
                issues.add(path, "unknown key \"\(key)\" in [\(role.rawValue)]\(suggestion(key, roleKeys)): expected fg, bg, bold, dim, italic, underline or reverse")
            }
        }
        return style
    }

    /// ` (did you mean "x"?)` when a known name is one or two edits away.
    package static func suggestion(_ word: String, _ known: [String]) -> String {
        let scored = known.map { ($0, editDistance(word.lowercased(), $0)) }.filter { $0.1 <= min(2, max(1, word.count / 3)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        return " (did you mean \"\(best.0)\"?)"
    }

    /// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// Problems found in a valid TOML file, reported at the earliest place.
package struct IssueList {
    let file: String
    let locator: TOMLLocator
    private(set) var issues: [InputError] = []

    package init(file: String, locator: TOMLLocator) {
        self.file = file
        self.locator = locator
    }

    /// An issue at the key `path`, or at its value.
    package mutating func add(_ path: [String], value: Bool = false, _ message: String) {
        let place = locator.place(path)
        issues.append(InputError(file: file, line: place?.line ?? 1,
                                 column: (value ? place?.valueColumn : place?.column) ?? 1, message: message))
    }

    package func throwFirst() throws(InputError) {
        if let first = issues.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) { throw first }
    }
}

/// TOMLKit, with its errors turned into `InputError`s.
package enum TOMLDocument {
    package static func parse(_ text: String, file: String) throws(InputError) -> TOMLTable {
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let before = text.unicodeScalars[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw InputError(file: file, line: line, column: column, message: "a NUL character: expected TOML text")
        }
        if let problem = TOMLPreflight.problem(in: text) {
            throw InputError(file: file, line: problem.line, column: problem.column, message: problem.message)
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let (line, column) = clamped(line: error.source.begin.line, column: error.source.begin.column, in: text)
            throw InputError(file: file, line: line, column: column, message: syntaxMessage(error.description))
        } catch {
            throw InputError(file: file, message: "\(error): expected valid TOML")
        }
    }

    /// toml++ puts an error at end of file one column past the end of the last line:
    /// point at the end of the line instead, so the place is one an editor can show.
    static func clamped(line: Int, column: Int, in text: String) -> (Int, Int) {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let line = min(max(1, line), lines.count)
        let length = lines[line - 1].count - (lines[line - 1].last == "\r" ? 1 : 0)
        return (line, min(max(1, column), length + 1))
    }

    /// toml++'s "Error while parsing key-value pair: expected value, saw '\\n'" as
    /// "invalid TOML in key-value pair: expected value, saw '\\n'".
    static func syntaxMessage(_ description: String) -> String {
        var message = description
        let prefix = "Error while parsing "
        if message.hasPrefix(prefix) {
            message = "invalid TOML in " + message.dropFirst(prefix.count)
        } else {
            message = "invalid TOML: " + message
        }
        if message.contains("could not determine value type") {
            message += " (text needs quotes: fg = \"red\")"
        }
        if !message.contains("expected") { message += ": expected valid TOML" }
        return message
    }

    /// A value as TOML writes it, for messages.
    package static func render(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "\"\(value.string ?? "")\""
        case .table: return "a table"
        case .array: return "an array"
        default: return value.debugDescription
        }
    }
}
