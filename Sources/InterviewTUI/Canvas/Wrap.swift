import InterviewCore

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

    /// A printable ASCII character: one column, no mark.
    init(printableASCII byte: UInt8, _ style: Style) {
        character = Character(Unicode.Scalar(byte))
        self.style = style
        width = 1
    }
}

/// A line ready to draw: a prefix (bullet, time stamp, indent) and its glyphs.
public struct StyledLine: Hashable, Sendable {
    public var prefix: [Glyph]
    public var glyphs: [Glyph]
    /// What a click on the line does (a rubric item ticks), if anything.
    public var click: Click?
    public init(prefix: [Glyph] = [], glyphs: [Glyph] = [], click: Click? = nil) {
        self.prefix = prefix
        self.glyphs = glyphs
        self.click = click
    }
    public var plain: String { String((prefix + glyphs).map(\.character)) }
}

public enum Wrap {
    public static func glyphs(_ text: some StringProtocol, _ style: Style) -> [Glyph] {
        // Most text is printable ASCII, a character per byte: no cluster to find, nothing to look up.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Glyph]? in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? bytes.map { Glyph(printableASCII: $0, style) } : nil
        }
        return (ascii ?? nil) ?? text.map { Glyph($0, style) }
    }

    /// The glyphs of the spans' first `count` characters.
    public static func glyphs(_ spans: [Span], base: Role = .body, count: Int = .max) -> [Glyph] {
        var out: [Glyph] = []
        for span in spans where out.count < count {
            let role: Role = span.style.contains(.code) ? .code : span.style.contains(.strong) ? .strong
                : span.style.contains(.emphasis) ? .emphasis : base
            out += glyphs(span.text.prefix(count - out.count), Style(role, span.style))
        }
        return out
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

    /// The first `limit` lines of `hanging(_:prefix:width:)`, for a pane that shows only
    /// so many: `glyphs(n)` gives the glyphs of the text's first n characters, and only
    /// as many are taken as the lines need. A line holds about `width` characters, so a
    /// 100,000-character paragraph costs a frame no more than a page of it; a line that
    /// takes more (spaces hang past the edge) makes it take twice as many, until the text
    /// ends or the lines are there.
    public static func hanging(limit: Int, prefix: [Glyph], width: Int, glyphs: (Int) -> [Glyph]) -> [StyledLine] {
        guard limit > 0 else { return [] }
        let (perPage, overflow) = limit.multipliedReportingOverflow(by: max(1, width))
        var wanted = overflow || perPage == .max ? Int.max : perPage + 1
        while true {
            let some = glyphs(wanted)
            let lines = hanging(some, prefix: prefix, width: width)
            // More lines than asked for: the first ones are final, whatever follows.
            if lines.count > limit || some.count < wanted || wanted == .max { return Array(lines.prefix(limit)) }
            wanted = wanted > Int.max / 2 ? .max : wanted * 2
        }
    }

    /// Paragraphs and bullet lists, with a blank line between paragraphs.
    /// At most `limit` lines: see `hanging(limit:prefix:width:glyphs:)`.
    public static func rich(_ text: RichText, width: Int, limit: Int = .max) -> [StyledLine] {
        var out: [StyledLine] = []
        var previous: Block.Kind?
        for block in text.blocks where out.count < limit {
            let prefix: String
            switch block.kind {
            case .paragraph:
                prefix = ""
                if previous != nil { out.append(StyledLine()) }
            case .bullet(let level):
                prefix = level == 0 ? "• " : "  ◦ "
                if case .paragraph = previous { out.append(StyledLine()) }
            }
            out += hanging(limit: limit - out.count, prefix: glyphs(prefix, Style(.dim)), width: width) {
                glyphs(block.spans, count: $0)
            }
            previous = block.kind
        }
        return Array(out.prefix(limit))
    }
}
