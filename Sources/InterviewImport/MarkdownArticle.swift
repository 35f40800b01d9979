#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
/// A Markdown article read line by line on the structure cmark-gfm finds: code and
/// tables as the parser delimits them, HTML blocks with their `<summary>` elements read
/// whole (however their tags and bold nest or break over lines), source citations off the
/// ends of headings and paragraphs. The lines' own text is read as a plain-text article's
/// (`ArticleMarkup`), so that both kinds of article reach the question finder alike.
enum MarkdownArticle {
    /// Whether an article is Markdown: by its name, or for a paste (`-`) or an unknown
    /// extension, by a heading, a fence or a `<details>` block of its own.
    static func isMarkdown(file: String, lines: [String]) -> Bool {
        let name = file.lowercased()
        if [".md", ".markdown", ".mdown", ".mkd"].contains(where: name.hasSuffix) { return true }
        if name.hasSuffix(".txt") || name.hasSuffix(".text") { return false }
        return lines.contains { line in
            let hashes = line.prefix(while: { $0 == "#" }).count
            return (1...6).contains(hashes) && line.dropFirst(hashes).first == " "
                || line.hasPrefix("```") || line.lowercased().hasPrefix("<details")
        }
    }

    static func read(_ raws: [String]) -> [ArticleLine] {
        let blocks = MarkdownBlocks(text: raws.joined(separator: "\n"), lineCount: raws.count)
        let raws = summariesWhole(raws, kinds: blocks.kinds)
        var lines: [ArticleLine] = []
        lines.reserveCapacity(raws.count)
        var inComment = false
        var inFormula = false
        var offset = 0
        while offset < raws.count {
            let raw = raws[offset]
            let number = offset + 1
            defer { offset += 1 }
            if blocks.kinds[offset] == .indented {
                let run = raws[offset...].indices.prefix { blocks.kinds[$0] == .indented }
                lines += ArticleMarkup.read(Array(raws[run]), firstNumber: number)
                offset = run.last!
                continue
            }
            // A `$$` formula is math to GitHub but a paragraph to CommonMark: code, as in a plain-text article.
            if blocks.kinds[offset] == .prose, inFormula || raw.trimmingSpaces.hasPrefix("$$") {
                let read = ArticleMarkup.formulaLine(number: number, raw: raw, opening: !inFormula)
                lines.append(read.line)
                inFormula = read.open
                continue
            }
            switch blocks.kinds[offset] {
            case .fence:
                lines.append(ArticleLine(number: number, literal: "", role: .fence))
            case .code:
                lines.append(ArticleLine(number: number, literal: raw, role: .code))
            case .rule:
                lines.append(ArticleLine(number: number, literal: "", role: .markup))
            case .tableRule:
                lines.append(ArticleLine(number: number, literal: "", role: .table))
            case .tableRow:
                // A row that only links to a question further down is a table of contents' entry.
                let read = ArticleMarkup.readPieces(number: number, raw: raw, inComment: &inComment).first
                var row = ArticleLine(number: number, literal: read?.content ?? raw, role: .table)
                row.anchor = read?.anchor
                lines.append(row)
            case .setextHeading(let level):
                lines += ArticleMarkup.readPieces(number: number, raw: String(repeating: "#", count: level) + " " + raw,
                                                  inComment: &inComment)
            case .prose, .html, .indented:
                lines += ArticleMarkup.readPieces(number: number, raw: withoutCitations(raw, blocks.citations[offset]),
                                                  inComment: &inComment)
            }
        }
        ArticleMarkup.markTablesOfContents(&lines)
        return lines
    }

    private static func withoutCitations(_ raw: String, _ ranges: [Range<Int>]?) -> String {
        guard let cut = ranges?.map(\.lowerBound).min() else { return raw }
        return String(decoding: Array(raw.utf8).prefix(cut), as: UTF8.self)
    }

    /// Every `<summary>…</summary>` of an HTML block as one line: `<summary>Question</summary>`
    /// on the line it opens, its inner tags and bold marks off (`<summary><b>Q</b></summary>`,
    /// `<summary>**Q**</summary>`, a summary broken over lines), the lines it covered blank.
    static func summariesWhole(_ raws: [String], kinds: [MarkdownBlocks.Kind]) -> [String] {
        var raws = raws
        var index = 0
        while index < raws.count {
            guard kinds[index] == .html, let open = raws[index].firstRange(ofIgnoringCase: "<summary") else {
                index += 1
                continue
            }
            var end = index
            var joined = String(raws[index][open.lowerBound...])
            while joined.firstRange(ofIgnoringCase: "</summary>") == nil, end + 1 < raws.count, kinds[end + 1] == .html {
                end += 1
                joined += " " + raws[end]
            }
            guard let close = joined.firstRange(ofIgnoringCase: "</summary>"),
                  let tagEnd = joined.firstIndex(of: ">") else {
                index = end + 1
                continue
            }
            let inner = plainSummary(String(joined[joined.index(after: tagEnd)..<close.lowerBound]))
            let after = String(joined[close.upperBound...])
            raws[index] = String(raws[index][..<open.lowerBound]) + "<summary>\(inner)</summary>" + after
            for covered in index + 1 ..< end + 1 { raws[covered] = "" }
            index = end + 1
        }
        return raws
    }

    /// A summary's text without the bold that wraps it (the summary reads as bold already).
    private static func plainSummary(_ inner: String) -> String {
        var text = inner
        for tag in ["<b>", "</b>", "<strong>", "</strong>", "<p>", "</p>"] {
            text = text.removingAll(ignoringCase: tag)
        }
        text = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for marker in ["**", "__"] where text.hasPrefix(marker) && text.hasSuffix(marker) && text.count > 4 {
            text = String(text.dropFirst(2).dropLast(2))
        }
        return text
    }
}
