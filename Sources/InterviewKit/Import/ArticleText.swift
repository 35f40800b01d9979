/// Turns the lines of one part of a question into paragraphs and bullets: bullets
/// drawn with `•`, `-`, `*`, `–`, `◦`, `▪` and friends or numbered `1.` `a)`, nested by
/// indentation, a bullet or paragraph broken over lines joined again.
struct ArticleText {
    private(set) var blocks: [Block] = []
    private var kind: Block.Kind?
    private var parts: [String] = []
    /// Indentation of the outer bullets of the list being read.
    private var listIndent: Int?
    private var afterBlank = true

    var isEmpty: Bool { blocks.isEmpty && parts.isEmpty }

    mutating func addBlank() {
        flush()
        afterBlank = true
    }

    mutating func add(_ line: ArticleLine, content: String) {
        defer { afterBlank = false }
        if let text = Self.bullet(content) {
            flush()
            let outer = listIndent ?? line.indent
            let nested = line.indent > outer
            listIndent = min(outer, line.indent)
            kind = .bullet(level: nested ? 1 : 0)
            parts = [text]
            return
        }
        if line.headingLevel != nil {
            addHeading(content)
            return
        }
        if kind == nil || afterBlank {
            flush()
            kind = .paragraph
            if line.indent <= (listIndent ?? 0) { listIndent = nil }
        }
        parts.append(content)
    }

    /// A line of its own in bold: a sub-heading, or the name of a label kept above its text.
    mutating func addHeading(_ text: String) {
        flush()
        blocks.append(Block(.paragraph, [Span(text, .strong)]))
        listIndent = nil
    }

    mutating func append(_ other: ArticleText) {
        var other = other
        other.flush()
        flush()
        blocks += other.blocks
    }

    func finished() -> RichText {
        var copy = self
        copy.flush()
        return RichText(copy.blocks)
    }

    private mutating func flush() {
        if let kind, !parts.isEmpty {
            blocks.append(Block(kind, InlineMarkdown.parse(parts.joined(separator: " "))))
        }
        kind = nil
        parts = []
    }

    private static let markers: Set<Character> = ["•", "◦", "▪", "▫", "‣", "⁃", "·", "●", "○", "■", "□", "-", "*", "–", "—", "+"]
    /// Marks that are also punctuation need a space after them to be a bullet.
    private static let markersNeedingSpace: Set<Character> = ["-", "*", "–", "—", "+", "·"]

    /// The bullet's text; a numbered item keeps its number (`1. First`) since the order
    /// of steps matters to the reader.
    static func bullet(_ text: String) -> String? {
        guard let first = text.first else { return nil }
        if markers.contains(first) {
            let rest = text.dropFirst()
            if markersNeedingSpace.contains(first), rest.first != " " { return nil }
            let item = String(rest).trimmingSpaces
            return item.isEmpty ? nil : item
        }
        let lead = text.prefix(while: { $0.isASCII && ($0.isNumber || $0.isLetter) })
        let isNumber = (1...2).contains(lead.count) && lead.allSatisfy(\.isNumber)
        let isLetter = lead.count == 1 && lead.first!.isLowercase
        guard isNumber || isLetter else { return nil }
        let rest = text.dropFirst(lead.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return text
    }
}
