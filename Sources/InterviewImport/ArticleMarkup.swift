#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Reads the Markdown and HTML of an article line by line, so that what is not prose
/// never becomes a question, a label or a rubric item: code fences and formulas are kept
/// as written, HTML tags come off (`<b>` reads as bold, `<br/>` as a blank line),
/// images become their description, links their text, tables their rows, and lines
/// that only link to places of the page ("⬆ Back to Top", a table of contents) are
/// navigation.
enum ArticleMarkup {
    /// The lines of an article, or of a run of one from line `firstNumber` on.
    static func read(_ raws: [String], firstNumber: Int = 1) -> [ArticleLine] {
        var lines: [ArticleLine] = []
        lines.reserveCapacity(raws.count)
        var fence: String?
        var inFormula = false
        var inComment = false
        for (offset, raw) in raws.enumerated() {
            let number = offset + firstNumber
            let trimmed = raw.trimmed
            if inFormula || (fence == nil && !inComment && trimmed.hasPrefix("$$")) {
                let read = formulaLine(number: number, raw: raw, opening: !inFormula)
                lines.append(read.line)
                inFormula = read.open
                continue
            }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) {
                    fence = nil
                    lines.append(ArticleLine(number: number, literal: "", role: .fence))
                } else {
                    lines.append(ArticleLine(number: number, literal: raw, role: .code))
                }
                continue
            }
            if inComment {
                if let end = raw.firstRange(of: "-->") {
                    inComment = false
                    let rest = String(raw[end.upperBound...])
                    if rest.trimmingSpaces.isEmpty {
                        lines.append(ArticleLine(number: number, literal: "", role: .markup))
                        continue
                    }
                    lines += readPieces(number: number, raw: rest, inComment: &inComment)
                } else {
                    lines.append(ArticleLine(number: number, literal: "", role: .markup))
                }
                continue
            }
            if let marker = fenceMarker(trimmed) {
                fence = marker
                lines.append(ArticleLine(number: number, literal: "", role: .fence))
                continue
            }
            lines += readPieces(number: number, raw: raw, inComment: &inComment)
        }
        markTables(&lines)
        markTablesOfContents(&lines)
        return lines
    }

    /// A line of a `$$` formula, opening it or not: its text as code, or a fence when it
    /// has none besides the `$$`; and whether the formula goes on after it.
    static func formulaLine(number: Int, raw: String, opening: Bool) -> (line: ArticleLine, open: Bool) {
        let trimmed = raw.trimmingSpaces
        let body = opening ? String(trimmed.dropFirst(2)) : trimmed
        let closes = body.hasSuffix("$$") && (!opening || body.count >= 2)
        let text = closes ? String(body.dropLast(2)).trimmingSpaces : opening ? body.trimmingSpaces : raw
        let line = text.isEmpty ? ArticleLine(number: number, literal: "", role: .fence)
                                : ArticleLine(number: number, literal: text, role: .code)
        return (line, !closes)
    }

    /// ```` ``` ````, ```` ```swift ````, `~~~`: the run that opens a fence.
    private static func fenceMarker(_ trimmed: String) -> String? {
        for mark in ["`", "~"] {
            let run = trimmed.prefix(while: { String($0) == mark })
            if run.count >= 3, mark == "~" || !trimmed.dropFirst(run.count).contains("`") { return String(run) }
        }
        return nil
    }

    /// `<details><summary>Answer</summary> text` is a label line, then text: one line of
    /// the file read as the lines a browser shows.
    static func readPieces(number: Int, raw: String, inComment: inout Bool) -> [ArticleLine] {
        let lowered = raw.lowercased()
        guard lowered.contains("<summary") || lowered.contains("details>") else {
            return [readLine(number: number, raw: raw, inComment: &inComment)]
        }
        let indent = String(raw.prefix(while: { $0 == " " || $0 == "\t" }))
        var pieces: [String] = []
        var rest = Substring(raw)
        while let open = rest.firstRange(ofIgnoringCase: "<summary") {
            pieces.append(String(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].firstRange(ofIgnoringCase: "</summary>") else {
                rest = rest[open.lowerBound...]
                break
            }
            pieces.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        pieces.append(String(rest))
        let lines = pieces.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            .map { readLine(number: number, raw: indent + $0, inComment: &inComment) }
            .filter { $0.role != .markup }
        return lines.isEmpty ? [ArticleLine(number: number, literal: "", role: .markup)] : lines
    }

    private static func readLine(number: Int, raw: String, inComment: inout Bool) -> ArticleLine {
        if raw.trimmingSpaces.isEmpty { return ArticleLine(number: number, raw: "") }
        var raw = raw
        // `> quoted text` reads as its text; `---`, `***` and `* * *` are rules between parts.
        let indent = raw.prefix(while: { $0 == " " || $0 == "\t" })
        var body = raw.dropFirst(indent.count)
        if body.hasPrefix(">") {
            while body.hasPrefix(">") { body = body.dropFirst().drop(while: { $0 == " " }) }
            if body.isEmpty { return ArticleLine(number: number, literal: "", role: .markup) }
            raw = String(indent) + body
        }
        let marks = body.filter { $0 != " " }
        if marks.count >= 3, let first = marks.first, "-*_".contains(first), marks.allSatisfy({ $0 == first }) {
            return ArticleLine(number: number, literal: "", role: .markup)
        }
        // `<!-- a comment -->` comes off; one left open runs on over the next lines.
        while let open = raw.firstRange(of: "<!--") {
            if let close = raw[open.upperBound...].firstRange(of: "-->") {
                raw.removeSubrange(open.lowerBound..<close.upperBound)
            } else {
                inComment = true
                raw = String(raw[..<open.lowerBound])
            }
        }
        if raw.trimmingSpaces.isEmpty { return ArticleLine(number: number, literal: "", role: .markup) }
        let cleaned = Inline.clean(raw)
        // `[1]: https://…`, a reference-style link's definition.
        let trimmed = cleaned.text.trimmingSpaces
        if trimmed.hasPrefix("["), let close = trimmed.firstRange(of: "]: "), !trimmed[..<close.lowerBound].contains("](") {
            return ArticleLine(number: number, literal: "", role: .markup)
        }
        if trimmed.isEmpty || trimmed.allSatisfy({ "*_".contains($0) }) {
            if !cleaned.images.isEmpty { return image(number: number, raw: raw, cleaned.images) }
            return ArticleLine(number: number, literal: "", role: .markup)
        }
        var line = ArticleLine(number: number, raw: cleaned.text)
        if !cleaned.images.isEmpty, line.text.allSatisfy({ $0.isWhitespace || "*_|•-".contains($0) }) {
            return image(number: number, raw: raw, cleaned.images)
        }
        if cleaned.linkOnly, !cleaned.links.isEmpty {
            let targets = cleaned.links.map(\.target)
            if targets.allSatisfy({ $0.hasPrefix("#") }) {
                let words = cleaned.links.map(\.text).joined(separator: " ")
                let said = String(words.unicodeScalars.filter { !$0.isMark }.map(Character.init)).folded.trimmingSpaces
                if cleaned.links.count > 1 || navigationWords.contains(said) || said.isEmpty {
                    line.role = .navigation
                } else {
                    line.anchor = String(targets[0].dropFirst())
                }
            }
        }
        return line
    }

    private static func image(number: Int, raw: String, _ images: [String]) -> ArticleLine {
        let described = images.map(\.trimmingSpaces).filter { !$0.isEmpty }
        var line = ArticleLine(number: number, raw: raw)
        line.text = described.joined(separator: "; ")
        line.content = line.text
        line.headingLevel = nil
        line.role = .image
        if line.text.isEmpty { line.role = .markup }
        return line
    }

    private static let navigationWords: Set<String> = [
        "back to top", "back to the top", "top", "go to top", "to top", "up", "back", "home", "back to contents",
        "back to table of contents", "table of contents", "contents", "toc", "back to index", "index", "next", "previous",
        "next question", "previous question", "scroll to top", "return to top", "back to questions", "↑", "⬆",
    ]

    /// Rows of a Markdown table: `| a | b |`, or `a | b` above a `---|---` rule.
    private static func markTables(_ lines: inout [ArticleLine]) {
        func isRule(_ text: String) -> Bool {
            let cells = text.trimmingSpaces.trimming { $0 == "|" }.split(separator: "|", omittingEmptySubsequences: false)
            return text.contains("-") && !cells.isEmpty && cells.allSatisfy { cell in
                let c = cell.trimmed
                return !c.isEmpty && c.allSatisfy { $0 == "-" || $0 == ":" } && c.contains("-")
            } && (text.contains("|") || cells.count > 1)
        }
        var index = 0
        while index < lines.count {
            guard lines[index].isText, lines[index].headingLevel == nil else { index += 1; continue }
            let text = lines[index].content
            let piped = text.hasPrefix("|") && text.dropFirst().contains("|")
            let headed = text.contains("|") && index + 1 < lines.count && isRule(lines[index + 1].content)
            guard piped || headed else { index += 1; continue }
            let original = lines[index]
            var end = index
            while end < lines.count, lines[end].isText, lines[end].content.contains("|") {
                let row = lines[end]
                lines[end] = ArticleLine(number: row.number, literal: isRule(row.content) ? "" : row.content, role: .table)
                lines[end].anchor = row.anchor  // `| 3 | [What is X?](#what-is-x) |`: a table of contents' row

                end += 1
            }
            if end == index + 1, !piped { lines[index] = original }
            index = max(end, index + 1)
        }
    }

    /// A line that only links to a place further down the page (a heading, a question) is
    /// an entry of a table of contents, however the entries are numbered or spaced.
    static func markTablesOfContents(_ lines: inout [ArticleLine]) {
        guard lines.contains(where: { $0.anchor != nil }) else { return }
        var lastIndexOf: [String: Int] = [:]
        for (index, line) in lines.enumerated() where line.isText && !line.isBlank && line.anchor == nil {
            var title = line.text
            if line.markedNumber, let space = title.firstIndex(of: " ") { title = String(title[title.index(after: space)...]) }
            lastIndexOf[anchorSlug(title)] = index
        }
        for index in lines.indices {
            guard let anchor = lines[index].anchor else { continue }
            let target = normalizedAnchor(anchor)
            if let at = lastIndexOf[target], at > index {
                lines[index].role = .toc
            }
        }
    }

    /// GitHub's anchor for a heading: lower case, letters, digits, `-` and `_`, spaces as `-`.
    static func anchorSlug(_ text: String) -> String {
        let plain = text.replacing("**", with: "").replacing("`", with: "")
        var out = ""
        for character in plain.lowercased() {
            if character == " " { out.append("-") } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            }
        }
        return normalizedAnchor(out)
    }

    /// `%XX` escapes as the bytes they stand for, as Foundation's `removingPercentEncoding`:
    /// nil when an escape is malformed or the bytes are not UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var rest = Substring(text)
        while let character = rest.popFirst() {
            guard character == "%" else { bytes += character.utf8; continue }
            let digits = rest.prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.isHexDigit), let byte = UInt8(digits, radix: 16) else { return nil }
            bytes.append(byte)
            rest = rest.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func normalizedAnchor(_ anchor: String) -> String {
        let decoded = percentDecoded(anchor) ?? anchor
        var out = ""
        for character in decoded.lowercased() where !(character == "-" && out.last == "-") { out.append(character) }
        return out.trimming { $0 == "-" }
    }
}
