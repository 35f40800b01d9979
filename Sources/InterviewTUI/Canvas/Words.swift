import InterviewCore

/// Text shortened to a width at a word, never in the middle of one.
enum Words {
    /// `text` whole when it fits `width` cells; else as many whole words as fit, then `…`;
    /// empty when not even one word fits.
    static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var kept = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            if DisplayWidth.of(next) + 1 > width { break }
            kept = next
        }
        while kept.hasSuffix(" ") || kept.hasSuffix("·") || kept.hasSuffix(":") { kept.removeLast() }
        return kept.isEmpty ? "" : kept + "…"
    }
}
