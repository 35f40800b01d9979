#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// One line of an article as copied from a web page or written in Markdown, with the
/// decoration that carries no meaning of its own (heading marks, bold around the whole
/// start) taken off, so that `## Q1. Why?` and `**Q1.** Why?` read alike.
struct ArticleLine: Hashable, Sendable {
    /// What a line is besides text: Markdown and HTML that is not prose, read by `ArticleMarkup`.
    enum Role: Hashable, Sendable {
        /// Prose, a heading, a bullet or a label.
        case text
        /// Only HTML tags (`<br/>`, `<details>`), a comment or a link definition: a blank line.
        case markup
        /// The ```` ``` ```` or `$$` that opens or closes a block of code or a formula.
        case fence
        /// A line inside a block of code or a formula: kept as written, never a question or a label.
        case code
        /// A row of a Markdown table.
        case table
        /// Only an image (`![alt](src)`, `<img>`): its text is the image's description.
        case image
        /// Only links to places of the page ("⬆ Back to Top"): navigation.
        case navigation
        /// An entry of a table of contents: a link to a heading or question further down.
        case toc
    }

    /// 1-based, as an editor shows it.
    var number: Int
    /// Leading blank space, a tab counting as four.
    var indent: Int
    /// The text without indentation, trailing spaces or decoration.
    var text: String
    /// The text without indentation or trailing spaces, inline Markdown kept.
    var content: String
    /// `#` count when the line was a Markdown heading (also `1. ### Title`).
    var headingLevel: Int?
    var role: Role = .text
    /// The line's only link, when it points at a place of the page (`#what-is-a-closure`).
    var anchor: String?
    /// A number followed by heading or bold marks (`1. ### What …`, `2. **How …**`): a
    /// question's number whatever its indentation, never an item of a list.
    var markedNumber = false

    var isBlank: Bool { text.isEmpty }
    /// Prose, headings, bullets and labels: the lines questions and labels are looked for in.
    var isText: Bool { role == .text }

    init(number: Int, raw: String) {
        self.number = number
        // Web pages copy non-breaking and other fixed-width spaces; they are spaces here.
        let spaced = String(raw.map { $0.isArticleSpace ? " " : $0 })
        var indent = 0
        var rest = Substring(spaced)
        while let first = rest.first, first == " " || first == "\t" || first == "\u{FEFF}" {
            indent += first == "\t" ? 4 : first == " " ? 1 : 0
            rest = rest.dropFirst()
        }
        while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
        self.indent = indent
        content = Self.leadingMarksLast(String(rest))
        (text, headingLevel, markedNumber) = Self.undecorate(content)
    }

    /// A line of code or of a table, kept as written.
    init(number: Int, literal raw: String, role: Role) {
        self.init(number: number, raw: "")
        let expanded = raw.replacing("\t", with: "    ")
        indent = expanded.prefix(while: { $0 == " " }).count
        content = String(expanded.dropFirst(indent)).trimmingSpaces
        text = content
        self.role = role
    }

    /// `🔥 **What is X?**` → `**What is X?** 🔥`: a mark before a bold line is read as the
    /// marks after one are, so that the line is a bold question like its neighbours.
    private static func leadingMarksLast(_ line: String) -> String {
        let marks = line.unicodeScalars.prefix { $0.isMark }
        guard !marks.isEmpty else { return line }
        let rest = String(line.unicodeScalars.dropFirst(marks.count)).trimmingSpaces
        guard rest.count > 4, rest.hasPrefix("**") || rest.hasPrefix("__") else { return line }
        return rest + " " + String(String.UnicodeScalarView(marks))
    }

    /// `### **Q1.** Text` → (`Q1. Text`, 3). Bold is taken off only when it opens the
    /// line, whether it closes at the end (`**Answer:**`) or after a lead (`**Q1.** Text`).
    /// `1. ### Text` and `1. **Text**` → (`1. Text`, 3 or nil, marked).
    private static func undecorate(_ line: String) -> (String, Int?, Bool) {
        var text = Substring(line)
        var level: Int?
        var marked = false
        var number = ""
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...NumberMark.maxDigits).contains(digits.count), let mark = text.dropFirst(digits.count).first, mark == "." || mark == ")" {
            let after = text.dropFirst(digits.count + 1)
            let spaced = after.drop(while: { $0 == " " })
            if spaced.count < after.count, spaced.hasPrefix("#") || spaced.hasPrefix("**") || spaced.hasPrefix("__") {
                number = String(text.prefix(digits.count + 1)) + " "
                text = spaced
                marked = true
            }
        }
        let hashes = text.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes), text.dropFirst(hashes).first == " " {
            level = hashes
            text = text.dropFirst(hashes).drop(while: { $0 == " " })
            while text.hasSuffix("#") || text.hasSuffix(" ") { text = text.dropLast() }  // `## Title ##`
        } else if marked, !text.hasPrefix("**"), !text.hasPrefix("__") {
            // `1. #hashtag` is not a heading.
            return (line.trimmingSpaces, nil, false)
        }
        for marker in ["**", "__"] where text.hasPrefix(marker) {
            let body = text.dropFirst(2)
            guard let close = body.firstRange(of: marker) else { break }
            text = body[..<close.lowerBound] + body[close.upperBound...]
            break
        }
        return (number + String(text).trimmingSpaces, level, marked)
    }
}

extension Character {
    /// Space characters other than the plain one that pages use between words.
    var isArticleSpace: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// Invisible characters that join or separate without a space of their own.
    var isZeroWidth: Bool {
        switch value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Part of an emoji or a pictograph (difficulty marks like 👶 ⭐️ 🚀), or the joiners
    /// and selectors that build them; not the digits, `#` and `*` that can start a keycap.
    var isMark: Bool {
        if isZeroWidth || value == 0xFE0F || value == 0xFE0E || value == 0x20E3 { return true }
        let p = properties
        if p.isEmojiPresentation { return true }
        if p.isEmoji, value >= 0x2000 { return true }
        return (0x2190...0x2BFF).contains(value) && !p.isAlphabetic  // arrows, stars and symbols: ⬆ ★ ✓
    }
}

extension String {
    /// Words, for counting: runs of letters and digits.
    var wordCount: Int {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" }).count
    }

    /// Lower case, curly apostrophes straight, runs of spaces as one: for comparing
    /// labels and furniture whatever the page's typography.
    var folded: String {
        lowercased()
            .replacing("’", with: "'")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The text without the emoji, stars and joiners at its end (`What is X? 👶` →
    /// `What is X?`, `**Why? ⭐️**` → `**Why?**`), and the marks taken off.
    var splittingTrailingMarks: (text: String, marks: String) {
        func strip(_ scalars: inout [Unicode.Scalar], into marks: inout [Unicode.Scalar]) {
            while let last = scalars.last, last.isMark || last == " " || last == "\t" {
                if last != " ", last != "\t" { marks.insert(last, at: 0) }
                scalars.removeLast()
            }
        }
        var scalars = Array(unicodeScalars)
        var marks: [Unicode.Scalar] = []
        strip(&scalars, into: &marks)
        for marker in ["**", "__"] where scalars.count > 4 && String(String.UnicodeScalarView(scalars.suffix(2))) == marker {
            var inner = Array(scalars.dropLast(2))
            var innerMarks: [Unicode.Scalar] = []
            strip(&inner, into: &innerMarks)
            if !innerMarks.isEmpty, !inner.isEmpty {
                scalars = inner + Array(marker.unicodeScalars)
                marks = innerMarks + marks
            }
        }
        guard !marks.isEmpty else { return (self, "") }
        return (String(String.UnicodeScalarView(scalars)), String(String.UnicodeScalarView(marks)))
    }

    var withoutTrailingMarks: String { splittingTrailingMarks.text }
}
