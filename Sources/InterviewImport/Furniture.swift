import InterviewCore

/// What a web page puts around an article: navigation, share buttons, author lines,
/// reading suggestions, footers. None of it belongs in a bank. It is recognised by what
/// it says and where it stands, not by the blank lines around it, which a paste may lose.
enum Furniture {
    /// A short line that is page chrome wherever it stands.
    static func isChrome(_ line: ArticleLine) -> Bool {
        guard line.isText else { return false }
        if isPromotion(line.text.folded) { return true }
        guard line.text.wordCount <= 8 else { return false }
        let text = line.text.withoutTrailingMarks.folded
        let bare = text.trimmingCharacters(in: ".!:")
        return chromeLines.contains(bare) || chromeStarts.contains { text.hasPrefix($0) } || text.hasSuffix("min read")
    }

    /// A short line after which an article's questions are over: its conclusion,
    /// reading suggestions, author box, comments or footer. `standalone`: a line with a
    /// blank line (or nothing) on each side, which may also end the article by merely
    /// containing such words ("Machine Learning Interview Questions Conclusion").
    static func endsContent(_ line: ArticleLine, standalone: Bool) -> Bool {
        guard line.isText else { return false }
        let text = line.text.withoutTrailingMarks.folded
        if text.hasPrefix("©") || text.hasPrefix("copyright ©") { return true }
        guard line.text.wordCount <= 10, !line.text.hasSuffix("."), !line.text.hasSuffix("?") else { return false }
        // "Related articles: 10 Python Interview Questions", "Bookmark this page!": by what they start with.
        if tailStarts.contains(where: { text.hasPrefix($0) }) { return true }
        if let heading = line.headingLevel, heading <= 2, tailHeadings.contains(text.trimmingCharacters(in: ":")) { return true }
        guard standalone, line.text.wordCount <= 8 else { return false }
        return endings.contains { text.contains($0) }
    }

    /// A sponsor's or shop's line, however long: "Use promo code X at checkout", "Sponsored: …".
    private static func isPromotion(_ folded: String) -> Bool {
        let plain = folded.trimmingCharacters(in: ">*_[]")
        return promotionWords.contains { plain.contains($0) } || promotionStarts.contains { plain.hasPrefix($0) }
    }

    private static let promotionWords = ["promo code", "coupon code", "discount code", "use code ", "% off", "percent off"]
    private static let promotionStarts = ["sponsored:", "sponsored by", "sponsor:", "advertisement:", "ad:", "this list is supported by",
                                          "this project is supported by", "brought to you by"]

    /// A heading that names the article's questions rather than a topic of them ("Questions",
    /// "Interview Questions", "Q&A"): never a tag.
    static func isGenericHeading(_ text: String) -> Bool {
        genericHeadings.contains(text.withoutTrailingMarks.folded.trimmingCharacters(in: ":"))
    }

    private static let genericHeadings: Set<String> = [
        "questions", "the questions", "interview questions", "questions and answers", "questions & answers", "q&a", "q & a",
        "faq", "faqs", "all questions", "list of questions", "question list", "questions list",
    ]

    /// An answer that only holds the place of one: "Answer here", "TODO", "Coming soon".
    static func isPlaceholder(_ text: String) -> Bool {
        let words = text.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
        guard words.count <= 8 else { return false }
        let plain = words.joined(separator: " ")
        if plain.isEmpty { return !text.trimmingSpaces.isEmpty }  // "…", "-", "?"
        if placeholders.contains(plain) || placeholderParts.contains(where: { plain.contains($0) }) { return true }
        // "Answer here (PRs welcome)", "Coming soon!": at an end, not in a sentence ("An answer here would be 42").
        if placeholderEnds.contains(where: { plain.hasPrefix($0) || plain.hasSuffix($0) }), words.count <= 6 { return true }
        // "TODO: explain the trade-off", "TBD (see the issue)".
        return words.count <= 6 && ["todo", "tbd", "tba", "wip"].contains(words[0])
    }

    private static let placeholders: Set<String> = [
        "answer", "answer here", "answers here", "todo", "to do", "tbd", "tba", "tbc", "wip", "n a", "na",
        "placeholder", "coming soon", "answer todo", "answer tbd", "answer coming soon",
        "your answer", "your answer here", "write your answer here", "add answer", "add answer here", "add an answer",
        "answer goes here", "answer to be added", "to be added", "to be written", "to be done", "to be continued",
        "work in progress", "under construction", "todo answer", "no answer yet", "answer pending", "fill in",
    ]

    /// Words that make a short answer a placeholder wherever they stand in it.
    private static let placeholderParts = [
        "pr welcome", "prs welcome", "pull requests welcome", "contributions welcome", "feel free to contribute",
        "add your answer", "answer goes here", "not answered yet", "no answer yet", "work in progress",
    ]
    private static let placeholderEnds = ["answer here", "coming soon", "to be added", "to be written"]

    private static let chromeLines: Set<String> = [
        "share", "share this", "share this post", "share this article", "share on twitter", "share on linkedin",
        "share on facebook", "tweet", "print", "copy link", "advertisement", "sponsored", "ad", "back to top",
        "skip to content", "skip to main content", "read more", "table of contents", "contents", "menu",
        "click to tweet", "listen to this article", "bookmark this page", "bookmark this article", "save this page",
        "click to expand", "click to see the answer", "click to reveal", "expand", "collapse", "⬆ back to top",
        "scroll to top", "back to the top", "print this page", "email this page", "was this helpful",
        "was this article helpful", "like", "clap",
    ]

    private static let chromeStarts = [
        "share this", "subscribe", "sign up for", "sign up to", "join our newsletter", "go back to", "back to ",
        "posted in", "published on", "updated on", "last updated", "written by", "reviewed by", "filed under",
        "tags:", "©", "share on ", "bookmark this", "follow us on", "related articles:", "related posts:",
        "you may also like:", "read next:", "read also:", "see also:",
    ]

    /// Lines that start the page's tail, wherever the blank lines are.
    private static let tailStarts = [
        "related articles", "related posts", "related reading", "related questions", "related tutorials",
        "recommended reading", "recommended articles", "recommended for you", "further reading", "you may also like",
        "you might also like", "read next", "more articles", "more from", "more interview questions",
        "about the author", "leave a comment", "leave a reply", "bookmark this page", "bookmark this article",
        "save this page", "did you find this", "was this article helpful", "was this helpful", "next article",
        "previous article", "all rights reserved", "privacy policy", "terms of service", "terms of use",
        "join our newsletter", "subscribe to our", "sign up for our newsletter",
        "conclusion", "final thoughts", "wrapping up", "in conclusion", "closing thoughts",
    ]

    /// Headings that end a Markdown collection's questions: its closing sections.
    private static let tailHeadings: Set<String> = [
        "contributing", "contribute", "how to contribute", "contributors", "license", "licence", "credits",
        "acknowledgements", "acknowledgments", "references", "resources", "sources", "support", "sponsors",
        "disclaimer", "about", "authors", "changelog", "star history",
    ]

    private static let endings = [
        "conclusion", "final thoughts", "wrapping up", "wrap-up", "in closing", "recommended reading", "related articles",
        "related posts", "related reading", "further reading", "you may also like", "you might also like", "read next",
        "more articles", "more from", "about the author", "leave a comment", "leave a reply", "comments",
        "all rights reserved", "privacy policy", "terms of service", "cookie", "©", "copyright", "newsletter",
    ]
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        trimming { set.contains($0) || $0 == " " }
    }
}
