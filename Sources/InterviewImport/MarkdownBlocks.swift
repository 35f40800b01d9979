import CCmarkGFM
import InterviewCore

/// What GitHub's CommonMark parser (cmark-gfm) says of each line of a Markdown article:
/// which lines are code, tables, rules, HTML or setext headings, and where a heading or
/// paragraph ends in a link that only cites a source (`[[src](…)]`). The importer keeps
/// reading line by line, so that `--report` can name every line; the parser decides what
/// each line is, which a line scanner cannot (a fence inside a list, a table without
/// outer pipes, an HTML block that runs over lines).
struct MarkdownBlocks {
    enum Kind: Equatable {
        case prose
        /// The ```` ``` ```` or `~~~` that opens or closes a fenced block.
        case fence
        case code
        /// Indented four spaces or more: code to CommonMark, but answers that collections
        /// indent under their numbered questions mean prose; the line reader reads them.
        case indented
        case tableRow
        /// The `---|---` under a table's header.
        case tableRule
        /// `---`, `***`, or the `===` / `---` under a setext heading.
        case rule
        case html
        /// The text line of a setext heading (`Title` above `===`), with its level.
        case setextHeading(Int)
    }

    /// Per line, 0-based.
    private(set) var kinds: [Kind]
    /// Per line, the UTF-8 column ranges (0-based, end exclusive) of source citations to drop.
    private(set) var citations: [Int: [Range<Int>]] = [:]

    init(text: String, lineCount: Int) {
        kinds = Array(repeating: .prose, count: lineCount)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard let parser = icmark_parser_new() else { return }
        defer { cmark_parser_free(parser) }
        // A lone carriage return ends a line for cmark but not for the line reader: a space
        // here, so that both count the same lines (and columns).
        var bytes = text.utf8.map { $0 == 13 ? 32 : $0 }
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            read(node, lines: lines)
        }
    }

    private mutating func read(_ node: OpaquePointer, lines: [[UInt8]]) {
        let first = Int(cmark_node_get_start_line(node)) - 1
        // A block that ends at column 0 ends on the line before (a setext heading's underline).
        let end = Int(cmark_node_get_end_line(node)) - (cmark_node_get_end_column(node) == 0 ? 1 : 0)
        let last = min(end - 1, kinds.count - 1)
        guard first >= 0, first <= last else { return }
        let type = String(cString: cmark_node_get_type_string(node))
        switch type {
        case "code_block":
            var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
            guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else {
                set(first...last, .indented)
                return
            }
            set(first...last, .code)
            kinds[first] = .fence
            if last > first, Self.isFence(lines[last], character: UInt8(bitPattern: character), length: Int(length)) {
                kinds[last] = .fence
            }
        case "table":
            set(first...last, .tableRow)
            if first + 1 <= last { kinds[first + 1] = .tableRule }
        case "thematic_break":
            set(first...last, .rule)
        case "html_block":
            set(first...last, .html)
        case "heading" where last > first || !lines[first].dropFirst(Int(cmark_node_get_start_column(node)) - 1)
                                                         .drop(while: { $0 == 32 }).starts(with: [35]):
            // A setext heading: its text above, its underline below.
            kinds[first] = .setextHeading(Int(cmark_node_get_heading_level(node)))
            if last > first { kinds[last] = .rule }
        case "link":
            if let range = Self.citation(node, line: lines[first]), first == last { citations[first, default: []].append(range) }
        default:
            break
        }
    }

    private mutating func set(_ range: ClosedRange<Int>, _ kind: Kind) {
        for index in range { kinds[index] = kind }
    }

    /// Whether a line closes a fence opened by `length` × `character`.
    private static func isFence(_ line: [UInt8], character: UInt8, length: Int) -> Bool {
        let trimmed = line.drop(while: { $0 == 32 || $0 == 9 })
        let run = trimmed.prefix(while: { $0 == character }).count
        return run >= length && trimmed.dropFirst(run).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// Link texts that cite where an answer came from rather than say anything.
    private static let citationWords: Set<String> = ["src", "source", "sources", "ref", "reference", "link", "more", "read more", "details"]

    /// A link at the end of its line whose text only cites a source (`[src](…)`, `[[1]](…)`,
    /// `[[src](…)]`): the columns it covers with its brackets, for the line to drop them.
    private static func citation(_ node: OpaquePointer, line: [UInt8]) -> Range<Int>? {
        var said: [UInt8] = []
        var child = cmark_node_first_child(node)
        while let text = child {
            if let literal = cmark_node_get_literal(text) { said += Array(String(cString: literal).utf8) }
            child = cmark_node_next(text)
        }
        let word = String(decoding: said, as: UTF8.self).lowercased().trimming { "[] ".contains($0) }
        guard citationWords.contains(word) || (!word.isEmpty && word.allSatisfy(\.isNumber)) else { return nil }
        var start = Int(cmark_node_get_start_column(node)) - 1
        var end = Int(cmark_node_get_end_column(node))
        guard start >= 0, end <= line.count, start < end else { return nil }
        // The brackets around it, then nothing but spaces and closing marks to the end of the line.
        while start > 0, line[start - 1] == UInt8(ascii: "[") || line[start - 1] == UInt8(ascii: "(") { start -= 1 }
        while end < line.count, line[end] == UInt8(ascii: "]") || line[end] == UInt8(ascii: ")") { end += 1 }
        guard line[end...].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { return nil }
        while start > 0, line[start - 1] == 32 { start -= 1 }
        return start..<line.count
    }
}
