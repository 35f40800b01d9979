/// Inline style of a run of text in a pane.
public struct InlineStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let emphasis = InlineStyle(rawValue: 1)
    public static let strong = InlineStyle(rawValue: 2)
    public static let code = InlineStyle(rawValue: 4)
}

/// A run of text with one style. The text is kept as written, control characters
/// included; the canvas is what turns them into visible marks.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: InlineStyle
    public init(_ text: String, _ style: InlineStyle = []) {
        self.text = text
        self.style = style
    }
}

/// A paragraph or a bullet item (level 0 or 1) of styled text.
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case paragraph
        case bullet(level: Int)
    }
    public var kind: Kind
    public var spans: [Span]
    public init(_ kind: Kind, _ spans: [Span]) {
        self.kind = kind
        self.spans = spans
    }

    public var plainText: String { spans.map(\.text).joined() }
}

/// The styled text of one section of a question.
public struct RichText: Hashable, Sendable {
    public var blocks: [Block]
    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    public var isEmpty: Bool { blocks.allSatisfy { $0.plainText.allSatisfy(\.isWhitespace) } }
    public var plainText: String { blocks.map(\.plainText).joined(separator: "\n") }

    /// Markdown that parses back to the same blocks (used to store question copies
    /// in session files, and to prove the parser and the writer agree).
    public var markdown: String {
        var out: [String] = []
        var previous: Block.Kind?
        for block in blocks {
            let text = InlineMarkdown.write(block.spans)
            switch block.kind {
            case .paragraph:
                if previous != nil { out.append("") }
                // A paragraph that starts like a bullet or a heading would come back as one.
                let startsAsMarkup = ["- ", "* ", "#", "["].contains { text.hasPrefix($0) }
                out.append(startsAsMarkup ? "\\" + text : text)
            case .bullet(let level):
                if case .paragraph = previous { out.append("") }
                // `- [ ]` is a rubric item, not a bullet.
                out.append(String(repeating: "  ", count: level) + "- " + (text.hasPrefix("[") ? "\\" + text : text))
            }
            previous = block.kind
        }
        return out.joined(separator: "\n")
    }

    /// Parses the block structure of a section body (paragraphs and bullets).
    public static func parse(_ markdown: String) -> RichText {
        parse(lines: UTF8Text.lines(of: markdown))
    }

    /// The same, of a text already cut into lines (a bank's section).
    public static func parse(lines: [String]) -> RichText {
        var builder = BlockBuilder()
        for line in lines {
            builder.add(line)
        }
        return builder.finish()
    }
}

/// Groups the lines of a section into blocks: blank lines end a paragraph, `- ` or
/// `* ` starts a bullet, indented by two or more spaces for the nested level (a tab
/// counts as four spaces, as most editors show it).
struct BlockBuilder {
    private var blocks: [Block] = []
    private var kind: Block.Kind?
    private var lines: [String] = []

    mutating func add(_ rawLine: String) {
        let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.isEmpty {
            flush()
            return
        }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
            flush()
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            kind = .bullet(level: indent >= 2 ? 1 : 0)
            lines = [String(trimmed.dropFirst(2))]
            return
        }
        if kind == nil { kind = .paragraph }
        lines.append(String(trimmed))
    }

    private mutating func flush() {
        if let kind, !lines.isEmpty {
            var spans = InlineMarkdown.parse(lines.joined(separator: " "))
            // Lines lose their leading spaces; so does a block whose first markers enclose
            // nothing (`__  text`), or it could not be written back as it reads.
            while let first = spans.first, first.text.first == " " || first.text.first == "\t" {
                spans[0].text = String(first.text.drop(while: { $0 == " " || $0 == "\t" }))
                if spans[0].text.isEmpty { spans.removeFirst() }
            }
            blocks.append(Block(kind, spans))
        }
        kind = nil
        lines = []
    }

    mutating func finish() -> RichText {
        flush()
        return RichText(blocks)
    }
}
