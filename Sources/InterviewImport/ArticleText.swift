import InterviewCore

/// Turns the lines of one part of a question into paragraphs and bullets: bullets
/// drawn with `•`, `-`, `*`, `–`, `◦`, `▪` and friends or numbered `1.` `a)`, nested by
/// indentation, a bullet or paragraph broken over lines joined again. Code, formulas,
/// table rows and images are kept as they read, apart from the prose: the rubric is
/// never drawn from them.
struct ArticleText {
    private(set) var blocks: [Block] = []
    /// Per block: code, a table row or an image rather than prose.
    private var literal: [Bool] = []
    private var kind: Block.Kind?
    private var parts: [String] = []
    /// Indentation of the outer bullets of the list being read.
    private var listIndent: Int?
    private var afterBlank = true
    /// Indentation of the first line of the block of code being read.
    private var codeIndent: Int?
    /// Every line is a paragraph of its own (a paste without blank lines).
    var dense = false

    init(dense: Bool = false) {
        self.dense = dense
    }

    var isEmpty: Bool { blocks.isEmpty && parts.isEmpty }

    /// A line of code or of a formula: one nested item in code style, its indentation kept.
    mutating func addCode(_ line: ArticleLine) {
        flush()
        guard !line.isBlank else { return }
        let base = codeIndent ?? line.indent
        codeIndent = base
        let indent = String(repeating: "\u{00A0}", count: max(0, line.indent - base))
        let text = indent + line.content
        append(Block(.bullet(level: 1), [Span(text, text.contains("`") ? [] : .code)]), literal: true)
    }

    /// The end of a block of code.
    mutating func endCode() {
        flush()
        codeIndent = nil
    }

    /// A row of a table: one item, its cells apart.
    mutating func addTableRow(_ line: ArticleLine) {
        flush()
        let cells = line.content.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return }
        append(Block(.bullet(level: 0), InlineMarkdown.parse(cells.joined(separator: " | "))), literal: true)
        listIndent = nil
    }

    /// An image: its description, since the pane cannot show it.
    mutating func addImage(_ line: ArticleLine) {
        flush()
        guard !line.text.isEmpty else { return }
        append(Block(.paragraph, [Span("(image: \(line.text))", .emphasis)]), literal: true)
        listIndent = nil
    }

    private mutating func append(_ block: Block, literal isLiteral: Bool) {
        blocks.append(block)
        literal.append(isLiteral)
    }

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
        if kind == nil || afterBlank || dense {
            flush()
            kind = .paragraph
            if line.indent <= (listIndent ?? 0) { listIndent = nil }
        }
        parts.append(content)
    }

    /// A line of its own in bold: a sub-heading, or the name of a label kept above its text.
    mutating func addHeading(_ text: String) {
        flush()
        append(Block(.paragraph, [Span(text, .strong)]), literal: false)
        listIndent = nil
    }

    mutating func append(_ other: ArticleText) {
        var other = other
        other.flush()
        flush()
        blocks += other.blocks
        literal += other.literal
    }

    func finished() -> RichText {
        var copy = self
        copy.flush()
        return RichText(copy.blocks)
    }

    /// The prose alone: what the rubric is drawn from.
    func prose() -> RichText {
        var copy = self
        copy.flush()
        return RichText(zip(copy.blocks, copy.literal).filter { !$0.1 }.map(\.0))
    }

    private mutating func flush() {
        if let kind, !parts.isEmpty {
            append(Block(kind, InlineMarkdown.parse(parts.joined(separator: " "))), literal: false)
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
