/// Where a piece of user text goes in a Markdown report, which decides what in it could
/// change the meaning (CommonMark with GitHub's tables, task lists and strikethrough).
public enum MarkdownContext: Sendable {
    /// At the start of a block: a paragraph, or a list item's text right after `- `. A
    /// line-leading `#`, `-`, `+`, `*`, `>`, `1.`, fence or thematic break would open a
    /// block, and leading spaces would make code.
    case block
    /// Inside a line, after text the report wrote (a note after its stamp).
    case inline
    /// A table cell: inline, and a `|` would end the cell.
    case cell
    /// The end of a heading: inline, and a closing run of `#` would be dropped.
    case heading
}

/// Escapes user text for Markdown with as few backslashes as keep its meaning: only what
/// would start markup where it stands. So `->`, `a - b`, `C#`, `snake_case`, `R&D`,
/// `2 * 3`, a lone backtick and `^[[31m` stay as typed, and read as typed in a terminal or
/// a mail; `*emphasis*`, `` `code` ``, `[link](url)`, `<tag>`, `&amp;` and a line-leading
/// `# ` are escaped where they would act. Control characters are visible marks first.
enum MarkdownText {
    static func escape(_ text: String, in context: MarkdownContext) -> String {
        let chars = Array(VisibleText.visible(text))
        let n = chars.count
        guard n > 0 else { return "" }
        var escaped = Array(repeating: false, count: n)

        func isSpace(_ i: Int) -> Bool { i < 0 || i >= n || chars[i] == " " || chars[i].isWhitespace }
        func isPunctuation(_ i: Int) -> Bool {
            guard i >= 0, i < n else { return false }
            let c = chars[i]
            return c.isPunctuation || c.isSymbol || (c.isASCII && !c.isLetter && !c.isNumber && !c.isWhitespace)
        }

        var i = 0
        while i < n {
            let c = chars[i]
            switch c {
            case "\\":
                // A backslash escapes the ASCII punctuation after it.
                if i + 1 == n || Self.isASCIIPunctuation(chars[i + 1]) { escaped[i] = true }
            case "[":
                // A link, an image, a footnote or a task box needs a closing bracket.
                if chars[(i + 1)...].contains("]") { escaped[i] = true }
            case "<":
                // Raw HTML and autolinks: `<tag`, `</tag`, `<!--`, `<?`, `<https:`.
                if i + 1 < n, chars[i + 1].isASCII, chars[i + 1].isLetter || "/!?".contains(chars[i + 1]) { escaped[i] = true }
            case "&":
                if Self.isEntity(chars, at: i) { escaped[i] = true }
            case "|":
                if context == .cell { escaped[i] = true }
            default:
                break
            }
            i += 1
        }

        // Code spans: a run of backticks opens one only when a run of the same length follows.
        let ticks = Self.runs(of: "`", in: chars)
        for (index, run) in ticks.enumerated() where ticks[(index + 1)...].contains(where: { $0.count == run.count }) {
            for j in run { escaped[j] = true }
        }

        // Emphasis and strikethrough: a run that can open, with a run of the same
        // character after it that can close (CommonMark's flanking rules).
        for mark: Character in ["*", "_", "~"] {
            let delimiters = Self.runs(of: mark, in: chars).map { run -> (run: Range<Int>, open: Bool, close: Bool) in
                let before = run.lowerBound - 1, after = run.upperBound
                let left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
                let right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
                if mark == "_" {
                    return (run, left && (!right || isPunctuation(before)), right && (!left || isPunctuation(after)))
                }
                return (run, left, right)
            }
            for (index, d) in delimiters.enumerated() where d.open && delimiters[(index + 1)...].contains(where: \.close) {
                for j in d.run { escaped[j] = true }
            }
        }

        var leadingSpaces = 0
        if context == .block {
            while leadingSpaces < n, chars[leadingSpaces] == " " { leadingSpaces += 1 }
            Self.escapeBlockStart(chars, from: leadingSpaces, &escaped)
        }
        if context == .heading {
            // `## Title #`: a closing run of `#` (after a space, or the whole text) is dropped.
            var end = n
            while end > 0, chars[end - 1] == " " { end -= 1 }
            var start = end
            while start > 0, chars[start - 1] == "#" { start -= 1 }
            if start < end, start == 0 || chars[start - 1] == " " { escaped[start] = true }
        }

        var out = ""
        out.reserveCapacity(n + 8)
        for j in 0..<n {
            if j < leadingSpaces {
                out += "\u{00A0}"
                continue
            }
            if escaped[j] { out += "\\" }
            out.append(chars[j])
        }
        return out
    }

    /// What would open a block at the start of a line: a heading, a list item, a quote, an
    /// ordered list item, a fence, a thematic break or a setext underline.
    private static func escapeBlockStart(_ chars: [Character], from f: Int, _ escaped: inout [Bool]) {
        let n = chars.count
        guard f < n else { return }
        let c = chars[f]
        let rest = chars[f...]
        func spaceOrEnd(_ i: Int) -> Bool { i >= n || chars[i] == " " }
        switch c {
        case "#":
            var end = f
            while end < n, chars[end] == "#" { end += 1 }
            if spaceOrEnd(end) { escaped[f] = true }
        case ">":
            escaped[f] = true
        case "-", "+", "*":
            if spaceOrEnd(f + 1) { escaped[f] = true }
        case "=":
            if rest.allSatisfy({ $0 == "=" || $0 == " " }) { escaped[f] = true }
        case "`", "~":
            // A fence: three or more. Every mark of the run, so that what is left is no
            // shorter run that pairs with a later one.
            var end = f
            while end < n, chars[end] == c { end += 1 }
            if end - f >= 3 { for j in f..<end { escaped[j] = true } }
        default:
            var end = f
            while end < n, end - f < 10, chars[end].isASCII, chars[end].isNumber { end += 1 }
            if end > f, end - f <= 9, end < n, chars[end] == "." || chars[end] == ")", spaceOrEnd(end + 1) {
                escaped[end] = true
            }
        }
        // A thematic break (`---`, `* * *`, `___`) or a setext underline (`--`).
        if "-*_".contains(c), rest.allSatisfy({ $0 == c || $0 == " " }), rest.filter({ $0 == c }).count >= 2 {
            escaped[f] = true
        }
    }

    /// The index ranges of each run of `mark`.
    private static func runs(of mark: Character, in chars: [Character]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == mark else { i += 1; continue }
            var end = i
            while end < chars.count, chars[end] == mark { end += 1 }
            out.append(i..<end)
            i = end
        }
        return out
    }

    static func isASCIIPunctuation(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (0x21...0x2F).contains(a) || (0x3A...0x40).contains(a) || (0x5B...0x60).contains(a) || (0x7B...0x7E).contains(a)
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `i`: an entity a renderer would decode.
    private static func isEntity(_ chars: [Character], at i: Int) -> Bool {
        var j = i + 1
        let n = chars.count
        func isHex(_ c: Character) -> Bool { c.isASCII && c.isHexDigit }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        if j < n, chars[j] == "#" {
            j += 1
            let hex = j < n && (chars[j] == "x" || chars[j] == "X")
            if hex { j += 1 }
            let start = j
            while j < n, j - start < 8, hex ? isHex(chars[j]) : isDigit(chars[j]) { j += 1 }
            return j > start && j < n && chars[j] == ";"
        }
        let start = j
        while j < n, j - start < 40, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j > start && chars[start].isLetter && j < n && chars[j] == ";"
    }
}
