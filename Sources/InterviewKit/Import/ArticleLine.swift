import Foundation

/// One line of an article as copied from a web page or written in Markdown, with the
/// decoration that carries no meaning of its own (heading marks, bold around the whole
/// start) taken off, so that `## Q1. Why?` and `**Q1.** Why?` read alike.
struct ArticleLine: Hashable, Sendable {
    /// 1-based, as an editor shows it.
    var number: Int
    /// Leading blank space, a tab counting as four.
    var indent: Int
    /// The text without indentation, trailing spaces or decoration.
    var text: String
    /// The text without indentation or trailing spaces, inline Markdown kept.
    var content: String
    /// `#` count when the line was a Markdown heading.
    var headingLevel: Int?

    var isBlank: Bool { text.isEmpty }

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
        content = String(rest)
        (text, headingLevel) = Self.undecorate(String(rest))
    }

    /// `### **Q1.** Text` → (`Q1. Text`, 3). Bold is taken off only when it opens the
    /// line, whether it closes at the end (`**Answer:**`) or after a lead (`**Q1.** Text`).
    private static func undecorate(_ line: String) -> (String, Int?) {
        var text = Substring(line)
        var level: Int?
        let hashes = text.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes), text.dropFirst(hashes).first == " " {
            level = hashes
            text = text.dropFirst(hashes).drop(while: { $0 == " " })
            while text.hasSuffix("#") || text.hasSuffix(" ") { text = text.dropLast() }  // `## Title ##`
        }
        for marker in ["**", "__"] where text.hasPrefix(marker) {
            let body = text.dropFirst(2)
            guard let close = body.range(of: marker) else { break }
            text = body[..<close.lowerBound] + body[close.upperBound...]
            break
        }
        return (String(text).trimmingSpaces, level)
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

extension String {
    /// Words, for counting: runs of letters and digits.
    var wordCount: Int {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" }).count
    }

    /// Lower case, curly apostrophes straight, runs of spaces as one: for comparing
    /// labels and furniture whatever the page's typography.
    var folded: String {
        lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
