#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// The notes of a session as a text to edit (`interview redact FILE` opens it in
/// `$VISUAL`, else `$EDITOR`, else `vi`), and what the edited text takes out.
///
/// ```
/// ## 2. What is overfitting, and how can you prevent it?
/// [00:38] mentions dropout and early stopping
/// [01:12] worked at Acme on fraud models
///
/// ### typed, then deleted
/// [00:50] seems nervous
///
/// ## Closing notes
/// [00:30] Strong on theory.
/// ```
///
/// One line per note line, with its stamp (the question clock when it was started);
/// under `### typed, then deleted`, text that was typed during the interview and deleted
/// then, which replay still shows, each at its longest. Only removals apply: an edited
/// line must be its original with characters taken out (it is matched to the original
/// lines in order); an entry kept stays in the log, and one changed or deleted goes
/// whole from every version of its line (which keeps what it shares with its final text).
/// Control characters show as visible symbols, one for one, so that the file is safe to
/// open in any editor and every kept character maps back to the one it was.
public struct RedactionDocument: Sendable {
    public let file: SessionFile
    /// The text to write into the editor's file.
    public let text: String
    /// The same without the entries under "typed, then deleted": applied, it takes out of
    /// the log everything that was typed and deleted during the interview (`redact --deleted`).
    public let textWithoutDeleted: String
    let history: NotesHistory
    let sections: [Section]

    struct Item: Sendable {
        var strand: Int
        var line: NoteLine
        /// `[mm:ss] text`, as shown: the document's line, and its scalars.
        var text: String
        var shown: [Unicode.Scalar]
        var stampLength: Int
    }

    struct Entry: Sendable {
        var text: String
        var strands: [Int]
        /// `[mm:ss] text`, as shown: the document's line, and its scalars.
        var line: String
        var shown: [Unicode.Scalar]
    }

    struct Section: Sendable {
        var track: NotesHistory.Track
        var heading: String
        var items: [Item]
        var entries: [Entry]
    }

    static let deletedHeading = "### typed, then deleted"
    static let closingHeading = "## Closing notes"

    public init(file: SessionFile, name: String) {
        self.file = file
        let history = NotesHistory(events: Array(file.events), questionCount: file.rubricCounts.count)
        self.history = history
        var sections: [Section] = []
        let tracks = file.questions.indices.map { NotesHistory.Track.question($0) } + [.closing]
        let strands = Dictionary(grouping: history.strands.indices) { history.strands[$0].track }
        for track in tracks {
            let finals = history.final[track] ?? []
            let items = finals.compactMap { strand -> Item? in
                guard let line = history.finalLine(of: strand) else { return nil }
                let stamp = "[" + ReportText.stamp(line.at) + "] "
                let text = stamp + Self.shown(line.text)
                return Item(strand: strand, line: line, text: text, shown: Array(text.unicodeScalars), stampLength: stamp.unicodeScalars.count)
            }
            let entries = Self.deletedEntries(history, strands: strands[track] ?? [], finalTexts: items.map(\.line.text))
            guard !items.isEmpty || !entries.isEmpty else { continue }
            let heading: String
            switch track {
            case .question(let q):
                let prompt = VisibleText.visible(file.questions[q].prompt.split(separator: "\n").first.map(String.init) ?? "")
                heading = "## \(q + 1). " + (prompt.count > 72 ? String(prompt.prefix(71)) + "…" : prompt)
            case .closing:
                heading = Self.closingHeading
            }
            sections.append(Section(track: track, heading: heading, items: items, entries: entries))
        }
        self.sections = sections
        var out = """
            # interview redact: \(VisibleText.visible(name)) (candidate: \(VisibleText.visible(file.candidate)))
            #
            # Take out of the notes what must go: delete words, or whole lines; then save
            # and quit the editor. What you take out goes from the notes and from every
            # event of the session's log, so that a replay never shows it again; the log
            # keeps only that a redaction happened, when, and how many characters.
            #
            # Only removals apply: text added or changed is refused. Keep the ## headings.
            # A line you change shows in replay as you left it, from when it was started.
            # Under "\(Self.deletedHeading.dropFirst(4))" is text typed during the interview and
            # deleted then, which replay still shows: delete an entry there (or any part
            # of it) and the whole of it goes from the log. Lines starting with # are not
            # notes. To change nothing, quit without saving.

            """
        if sections.isEmpty { out += "\n# This session has no notes.\n" }
        var without = out
        for section in sections {
            out += "\n" + section.heading + "\n"
            without += "\n" + section.heading + "\n"
            for item in section.items {
                out += item.text + "\n"
                without += item.text + "\n"
            }
            if !section.entries.isEmpty {
                out += "\n" + Self.deletedHeading + "\n"
                for entry in section.entries { out += entry.line + "\n" }
            }
        }
        text = out
        textWithoutDeleted = without
    }

    /// Each scalar as it can be shown in an editor: a control character as its visible
    /// symbol (␛ for ESC, ␡ for DEL, � for a C1 control or a bidi override), one for one.
    static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: VisibleText.isUnsafe) else { return text }
        return TextRemoval.string(text.unicodeScalars.map { scalar in
            guard VisibleText.isUnsafe(scalar) else { return scalar }
            let v = scalar.value
            if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
            if v == 0x7F { return "\u{2421}" }
            return "\u{FFFD}"
        })
    }

    /// Text that was in a track's notes and is not in them at the end: per line, its
    /// versions that are neither in a final line nor part of a longer version of it.
    /// "In a final line" is in the final lines one after the other, so that a line split
    /// in two by Enter still holds what it was. Most versions are in their own line's
    /// final text (typed on to it); the others are looked for all at once (`SubstringFinder`).
    static func deletedEntries(_ history: NotesHistory, strands: [Int], finalTexts: [String]) -> [Entry] {
        var others: [String: Int] = [:]
        var candidates: [[String]] = []
        for strand in strands {
            let finalText = history.finalLine(of: strand).map { Array($0.text.unicodeScalars) } ?? []
            var texts: [String] = []
            for line in history.lines(of: strand) where !line.text.allSatisfy(\.isWhitespace) && !texts.contains(line.text) {
                let scalars = Array(line.text.unicodeScalars)
                guard !finalText.starts(with: scalars), TextRemoval.occurrences(of: scalars, in: finalText).isEmpty else { continue }
                texts.append(line.text)
                if others[line.text] == nil { others[line.text] = others.count }
            }
            candidates.append(texts)
        }
        let searched = others.sorted { $0.value < $1.value }.map { Array($0.key.unicodeScalars) }
        let kept = SubstringFinder(searched).found(in: finalTexts)
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for (strand, candidates) in zip(strands, candidates) {
            let texts = candidates.filter { !kept[others[$0]!] }
            let longest = texts.filter { text in !texts.contains { $0 != text && $0.contains(text) } }
            for text in longest {
                if let existing = index[text] {
                    entries[existing].strands.append(strand)
                    continue
                }
                let at = history.lines(of: strand).first { $0.text == text }?.at ?? 0
                index[text] = entries.count
                let line = "[" + ReportText.stamp(at) + "] " + shown(text)
                entries.append(Entry(text: text, strands: [strand], line: line, shown: Array(line.unicodeScalars)))
            }
        }
        return entries
    }

    /// What the edited text takes out, as the session to save (`changed` false when nothing).
    /// `file` names the edited file in errors.
    public func apply(_ edited: String, file path: String, now: Date) throws(InputError) -> Redaction.Outcome {
        let parsed = try parse(edited, file: path)
        var replacement = history.identity
        var collapsed: Set<Int> = []
        for (section, lines) in zip(sections, parsed) {
            // Note lines: each edited line is the next original one it can come from.
            var next = 0
            var changes: [Int: String] = [:]
            for line in lines.items {
                var match: (Int, String?)?
                for k in next..<section.items.count {
                    if let text = Self.kept(line.scalars, of: section.items[k]) {
                        match = (k, text)
                        break
                    }
                }
                guard let (k, text) = match else {
                    throw InputError(file: path, line: line.number, column: 1, message:
                        "not in the notes of \(section.heading.dropFirst(3)) as they were: expected an original line with text taken out (only removals apply)")
                }
                for skipped in next..<k { changes[skipped] = "" }
                if let text { changes[k] = text }
                next = k + 1
            }
            for skipped in next..<section.items.count { changes[skipped] = "" }
            for (k, text) in changes {
                let item = section.items[k]
                let versions = history.lines(of: item.strand)
                collapsed.insert(item.strand)
                replacement[item.strand] = versions.map { text.isEmpty ? nil : NoteLine(at: $0.at, text: text) }
            }
            // Typed, then deleted: an entry kept whole stays; any other goes from the log: each
            // version of its line that holds it (whole or half typed) keeps only what it shares
            // with the start of the line as it ended (nothing, for a line deleted).
            var nextEntry = 0
            var keptEntries: Set<Int> = []
            for line in lines.entries {
                let trimmed = Self.trailingTrimmed(line.scalars)
                if let k = (nextEntry..<section.entries.count).first(where: { Self.trailingTrimmed(section.entries[$0].shown) == trimmed }) {
                    keptEntries.insert(k)
                    nextEntry = k + 1
                } else if let k = (nextEntry..<section.entries.count).first(where: { Self.subsequence(line.scalars, of: section.entries[$0].shown) != nil }) {
                    nextEntry = k + 1
                } else {
                    throw InputError(file: path, line: line.number, column: 1, message:
                        "not among the text typed, then deleted in \(section.heading.dropFirst(3)): expected an entry as it was, or none (only removals apply)")
                }
            }
            for (k, entry) in section.entries.enumerated() where !keptEntries.contains(k) {
                for strand in entry.strands where !collapsed.contains(strand) {
                    let finalText = history.finalLine(of: strand)?.text ?? ""
                    let current = replacement[strand].map { $0?.text ?? "" }
                    let holding = TextRemoval.holding(entry.text, versions: current)
                    for (version, line) in replacement[strand].enumerated() {
                        guard let line, holding[version], !finalText.unicodeScalars.starts(with: line.text.unicodeScalars) else { continue }
                        replacement[strand][version] = NoteLine(at: line.at, text: TextRemoval.commonPrefix(line.text, finalText))
                    }
                }
            }
        }
        return Redaction.rewrite(file, history, replacement, now: now) { $0 }
    }

    /// What an edited line keeps of an original one: `.some(nil)` when it is the same
    /// (trailing spaces aside), `.some(text)` for its text with characters taken out, nil
    /// when it cannot come from it. A line that keeps its stamp is compared after it; one
    /// without it, with the text alone.
    static func kept(_ edited: [Unicode.Scalar], of item: Item) -> String?? {
        if trailingTrimmed(edited) == trailingTrimmed(item.shown) { return .some(nil) }
        let stamp = item.shown[..<item.stampLength]
        let text = Array(item.shown[item.stampLength...])
        let editedText: ArraySlice<Unicode.Scalar>
        if edited.starts(with: stamp) {
            editedText = edited[item.stampLength...]
        } else if edited.starts(with: stamp.dropLast()) {
            editedText = edited[(item.stampLength - 1)...]
        } else if edited.first == "[" {
            // A stamp with characters taken out: what follows its `]` is the text.
            guard let close = edited.firstIndex(of: "]"), subsequence(Array(edited[...close]), of: Array(stamp)) != nil else { return nil }
            editedText = edited[(close + 1)...].drop { $0 == " " }
        } else {
            editedText = edited[...]
        }
        guard let mask = subsequence(Array(editedText), of: text) else { return nil }
        let original = Array(item.line.text.unicodeScalars)
        let result = TextRemoval.string(original.indices.filter { mask[$0] }.map { original[$0] })
        return .some(result == item.line.text ? nil : result)
    }

    struct ParsedLine {
        var number: Int
        var scalars: [Unicode.Scalar]
    }

    struct ParsedSection {
        var items: [ParsedLine] = []
        var entries: [ParsedLine] = []
    }

    /// The edited text's lines, by section (in the order of `sections`).
    func parse(_ edited: String, file path: String) throws(InputError) -> [ParsedSection] {
        var parsed = Array(repeating: ParsedSection(), count: sections.count)
        var seen: Set<Int> = []
        var current: Int?
        var inEntries = false
        // By bytes: a line break is one byte, and CRLF ends a line as LF does.
        let lines = edited.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var line = edited[raw.startIndex..<raw.endIndex]
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("## ") {
                guard let index = section(forHeading: line) else {
                    throw InputError(file: path, line: number, column: 1, message:
                        "unknown heading: expected the ## headings as they were (## N. for question N, \(Self.closingHeading))")
                }
                guard seen.insert(index).inserted else {
                    throw InputError(file: path, line: number, column: 1, message: "\(sections[index].heading) a second time: expected each heading once")
                }
                current = index
                inEntries = false
                continue
            }
            if line.hasPrefix("### ") {
                guard line.hasPrefix(Self.deletedHeading), current != nil else {
                    throw InputError(file: path, line: number, column: 1, message:
                        "unknown heading: expected \"\(Self.deletedHeading)\" under a question's notes, or no ### heading")
                }
                inEntries = true
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let current else {
                throw InputError(file: path, line: number, column: 1, message: "text before the first ## heading: expected notes under their question's heading")
            }
            let item = ParsedLine(number: number, scalars: Array(line.unicodeScalars))
            if inEntries { parsed[current].entries.append(item) } else { parsed[current].items.append(item) }
        }
        return parsed
    }

    /// The section a `## ` heading line opens: `## N.` (question N) or `## Closing notes`.
    private func section(forHeading line: Substring) -> Int? {
        if line.hasPrefix(Self.closingHeading) { return sections.firstIndex { $0.track == .closing } }
        let digits = line.dropFirst(3).prefix(while: { $0.isASCII && $0.isNumber })
        guard let n = Int(digits), line.dropFirst(3 + digits.count).hasPrefix(".") else { return nil }
        return sections.firstIndex { $0.track == .question(n - 1) }
    }

    static func trailingTrimmed(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var end = scalars.count
        while end > 0, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return scalars[..<end]
    }

    /// Which scalars of `original` make `edited` when the others are taken out (the
    /// earliest such choice), or nil when `edited` is not `original` with scalars taken out.
    static func subsequence(_ edited: [Unicode.Scalar], of original: [Unicode.Scalar]) -> [Bool]? {
        var mask = Array(repeating: false, count: original.count)
        var i = 0
        for scalar in edited {
            while i < original.count, original[i] != scalar { i += 1 }
            guard i < original.count else { return nil }
            mask[i] = true
            i += 1
        }
        return mask
    }
}
