import InterviewKit

/// A character with its style and width, the unit text is wrapped in.
public struct Glyph: Hashable, Sendable {
    public var character: Character
    public var style: Style
    public var width: Int
    public init(_ character: Character, _ style: Style) {
        self.character = character
        self.style = style
        width = VisibleText.mark(character).map(DisplayWidth.of) ?? DisplayWidth.of(character)
    }
}

/// A line ready to draw: a prefix (bullet, time stamp, indent) and its glyphs.
public struct StyledLine: Hashable, Sendable {
    public var prefix: [Glyph]
    public var glyphs: [Glyph]
    public init(prefix: [Glyph] = [], glyphs: [Glyph] = []) {
        self.prefix = prefix
        self.glyphs = glyphs
    }
    public var plain: String { String((prefix + glyphs).map(\.character)) }
}

public enum Wrap {
    public static func glyphs(_ text: String, _ style: Style) -> [Glyph] {
        text.map { Glyph($0, style) }
    }

    public static func glyphs(_ spans: [Span], base: Role = .body) -> [Glyph] {
        spans.flatMap { span -> [Glyph] in
            let role: Role = span.style.contains(.code) ? .code : span.style.contains(.strong) ? .strong
                : span.style.contains(.emphasis) ? .emphasis : base
            return glyphs(span.text, Style(role, span.style))
        }
    }

    /// Where lines break so that none is wider than `width`: after spaces when it can,
    /// inside a word only when the word alone is too wide. Spaces at a break hang past
    /// the edge (they are clipped), so every glyph belongs to exactly one line.
    public static func breakLines(_ glyphs: [Glyph], width: Int) -> [Range<Int>] {
        guard width > 0 else { return [0..<glyphs.count] }
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastBreak = 0
        for (i, glyph) in glyphs.enumerated() {
            if glyph.character == " " {
                used += glyph.width
                lastBreak = i + 1
                continue
            }
            if used + glyph.width > width, i > start {
                let end = lastBreak > start ? lastBreak : i
                lines.append(start..<end)
                start = end
                used = glyphs[start..<i].reduce(0) { $0 + $1.width }
                lastBreak = start
            }
            used += glyph.width
        }
        lines.append(start..<glyphs.count)
        return lines
    }

    /// Wraps text with a first-line prefix and a hanging indent for the lines after it.
    public static func hanging(_ glyphs: [Glyph], prefix: [Glyph], width: Int) -> [StyledLine] {
        let indent = prefix.reduce(0) { $0 + $1.width }
        let pad = Array(repeating: Glyph(" ", Style(.body)), count: indent)
        return breakLines(glyphs, width: max(1, width - indent)).enumerated().map { n, range in
            StyledLine(prefix: n == 0 ? prefix : pad, glyphs: Array(glyphs[range]))
        }
    }

    /// Paragraphs and bullet lists, with a blank line between paragraphs.
    public static func rich(_ text: RichText, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var previous: Block.Kind?
        for block in text.blocks {
            let prefix: String
            switch block.kind {
            case .paragraph:
                prefix = ""
                if previous != nil { out.append(StyledLine()) }
            case .bullet(let level):
                prefix = level == 0 ? "• " : "  ◦ "
                if case .paragraph = previous { out.append(StyledLine()) }
            }
            out += hanging(glyphs(block.spans), prefix: glyphs(prefix, Style(.dim)), width: width)
            previous = block.kind
        }
        return out
    }
}
