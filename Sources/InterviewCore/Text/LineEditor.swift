/// The notes editor: lines of text, each stamped with the question clock at which it
/// was started, and a cursor. Positions are in grapheme clusters, so an emoji or an
/// accented letter moves and deletes as one.
public struct LineEditor: Hashable, Sendable {
    public private(set) var lines: [NoteLine]
    public private(set) var row: Int
    public private(set) var column: Int

    public init(lines: [NoteLine]) {
        self.lines = lines.isEmpty ? [NoteLine(at: 0, text: "")] : lines
        row = self.lines.count - 1
        column = self.lines[row].text.count
    }

    /// The notes as they would be saved: without empty lines at the end.
    public var notes: [NoteLine] {
        var out = lines
        while let last = out.last, last.text.isEmpty { out.removeLast() }
        return out
    }

    private var current: [Character] { Array(lines[row].text) }

    private mutating func setCurrent(_ chars: [Character]) { lines[row].text = String(chars) }

    /// Inserts typed or pasted text; newlines in it start new lines.
    public mutating func insert(_ text: String, stamp: Double) {
        let pieces = text.replacingCRLF.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { newline(stamp: stamp) }
            guard !piece.isEmpty else { continue }
            let chars = current
            if chars.isEmpty { lines[row].at = stamp }
            // Typed one scalar at a time, a joiner or a combining mark merges with the
            // character before it: count the cursor in the characters that result.
            let before = String(chars[..<column]) + piece
            let text = before + String(chars[column...])
            lines[row].text = text
            column = min(before.count, text.count)
        }
    }

    public mutating func newline(stamp: Double) {
        let chars = current
        setCurrent(Array(chars[..<column]))
        let rest = String(chars[column...])
        lines.insert(NoteLine(at: rest.isEmpty ? stamp : lines[row].at, text: rest), at: row + 1)
        if chars[..<column].isEmpty { lines[row].at = stamp }
        row += 1
        column = 0
    }

    public mutating func backspace() {
        if column > 0 {
            var chars = current
            chars.remove(at: column - 1)
            column -= 1
            setCurrent(chars)
        } else if row > 0 {
            let text = lines.remove(at: row).text
            row -= 1
            column = lines[row].text.count
            lines[row].text += text
        }
    }

    public mutating func deleteForward() {
        if column < current.count {
            var chars = current
            chars.remove(at: column)
            setCurrent(chars)
        } else if row + 1 < lines.count {
            lines[row].text += lines.remove(at: row + 1).text
        }
    }

    public mutating func deleteWordBackward() {
        let target = wordStart(before: column)
        if target == column { backspace(); return }
        var chars = current
        chars.removeSubrange(target..<column)
        column = target
        setCurrent(chars)
    }

    public mutating func moveLeft() {
        if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = current.count }
    }

    public mutating func moveRight() {
        if column < current.count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
    }

    public mutating func moveUp() {
        guard row > 0 else { column = 0; return }
        row -= 1
        column = min(column, current.count)
    }

    public mutating func moveDown() {
        guard row + 1 < lines.count else { column = current.count; return }
        row += 1
        column = min(column, current.count)
    }

    public mutating func home() { column = 0 }
    public mutating func end() { column = current.count }

    public mutating func wordLeft() {
        if column == 0 { moveLeft(); return }
        column = wordStart(before: column)
    }

    public mutating func wordRight() {
        let chars = current
        if column == chars.count { moveRight(); return }
        var i = column
        while i < chars.count, !chars[i].isWordCharacter { i += 1 }
        while i < chars.count, chars[i].isWordCharacter { i += 1 }
        column = i
    }

    private func wordStart(before index: Int) -> Int {
        let chars = current
        var i = index
        while i > 0, !chars[i - 1].isWordCharacter { i -= 1 }
        while i > 0, chars[i - 1].isWordCharacter { i -= 1 }
        return i
    }
}

extension Character {
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}

extension String {
    var replacingCRLF: String {
        // Most text has no CR at all: then there is nothing to copy (the bank parser
        // calls this on every file and section, at startup).
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
