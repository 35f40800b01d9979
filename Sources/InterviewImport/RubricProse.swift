import InterviewCore

/// An answer's paragraph or point as the rubric reads it. Links are already their text
/// and images and HTML are gone (`Inline`); what is left to take off is a bracketed label
/// that some collections put before the answer ("[Answer] Content-based …"), and code:
/// a name in code (`F1`, `git revert`) reads as the name, but a piece of code
/// (`PCA(n_components=2)`) is no phrase to tick. It stands as `codeMark`, which the
/// shortening may leave out ("…, such as `COUNT(*) > 10`, …"); an item that keeps it is
/// not made.
enum RubricProse {
    static let codeMark: Character = "\u{FFFC}"

    static func readable(_ block: Block) -> Block {
        var spans = block.spans.map { span in
            span.style.contains(.code) && !isName(span.text) ? Span(String(codeMark), span.style) : span
        }
        if let first = spans.first, let rest = withoutLabel(first.text) {
            spans[0] = Span(rest, first.style)
        }
        return Block(block.kind, spans)
    }

    /// `F1`, `var`, `git revert`, `/v2/orders`: a name or a short command, without calls,
    /// assignments, blocks or quotes.
    static func isName(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 30 && code.split(separator: " ").count <= 3 && !code.contains { "()=;{}[]<>\"'".contains($0) }
    }

    /// "[Answer] Content-based filtering …" → "Content-based filtering …"; nil when the
    /// text opens with no such label.
    static func withoutLabel(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]"),
              trimmed.distance(from: trimmed.startIndex, to: close) <= 25 else { return nil }
        let rest = trimmed[trimmed.index(after: close)...]
        guard rest.first != "(", rest.first != "[" else { return nil }
        return rest.trimmingSpaces
    }
}
