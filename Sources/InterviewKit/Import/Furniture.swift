/// What a web page puts around an article: navigation, share buttons, author lines,
/// reading suggestions, footers. None of it belongs in a bank.
enum Furniture {
    /// A short line that is page chrome wherever it stands.
    static func isChrome(_ line: ArticleLine) -> Bool {
        guard line.text.wordCount <= 8 else { return false }
        let text = line.text.folded
        return chromeLines.contains(text) || chromeStarts.contains { text.hasPrefix($0) } || text.hasSuffix("min read")
    }

    /// A short stand-alone line after which an article's questions are over:
    /// its conclusion, reading suggestions, author box, comments or footer.
    static func endsContent(_ line: ArticleLine) -> Bool {
        guard line.text.wordCount <= 8, !line.text.hasSuffix("."), !line.text.hasSuffix("?") else {
            return line.text.hasPrefix("©")
        }
        let text = line.text.folded
        return endings.contains { text.contains($0) }
    }

    private static let chromeLines: Set<String> = [
        "share", "share this", "share this post", "share this article", "share on twitter", "share on linkedin",
        "share on facebook", "tweet", "print", "copy link", "advertisement", "sponsored", "ad", "back to top",
        "skip to content", "skip to main content", "read more", "table of contents", "contents", "menu",
        "click to tweet", "listen to this article",
    ]

    private static let chromeStarts = [
        "share this", "subscribe", "sign up for", "sign up to", "join our newsletter", "go back to", "back to ",
        "posted in", "published on", "updated on", "last updated", "written by", "reviewed by", "filed under",
        "tags:", "©",
    ]

    private static let endings = [
        "conclusion", "final thoughts", "wrapping up", "wrap-up", "in closing", "recommended reading", "related articles",
        "related posts", "related reading", "further reading", "you may also like", "you might also like", "read next",
        "more articles", "more from", "about the author", "leave a comment", "leave a reply", "comments",
        "all rights reserved", "privacy policy", "terms of service", "cookie", "©", "copyright", "newsletter",
    ]
}
