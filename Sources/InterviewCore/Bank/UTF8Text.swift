/// Input files as text: strict UTF-8 with the place of the first bad byte, and lines
/// without their endings. Banks and imported articles are read the same way.
public enum UTF8Text {
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                throw InputError(file: file, line: line, column: column,
                                 message: "invalid UTF-8; expected the file to be saved as UTF-8 text")
            }
        }
    }

    /// The control characters of `text` (a tab and the line breaks aside) and its
    /// bidirectional overrides: the first of each line, as an error at its place (the
    /// column in characters, as the bank's other errors count it). A bank holding one
    /// would put it on a screen or into a file someone opens in a terminal.
    public static func controlCharacters(in text: String, file: String) -> [InputError] {
        guard text.unicodeScalars.contains(where: { VisibleText.isUnsafe($0) && $0 != "\t" && $0 != "\n" }) else { return [] }
        return lines(of: text).enumerated().compactMap { number, line in
            guard let at = line.firstIndex(where: { $0 != "\t" && $0.unicodeScalars.contains(where: VisibleText.isUnsafe) }) else { return nil }
            return InputError(file: file, line: number + 1, column: line.distance(from: line.startIndex, to: at) + 1,
                              message: "a control character (\(VisibleText.mark(line[at]) ?? "")) in the text: expected none but tabs and line breaks (a bank goes to screens and files people read)")
        }
    }

    /// The lines of `text`, LF or CRLF; a final newline does not make an empty last line.
    /// A lone CR is a character of its line, as `grep -n` and the UTF-8 errors count lines.
    public static func lines(of text: String) -> [String] {
        // Bytes, not characters: a line break is one byte in UTF-8 (never inside another
        // character), and a bank is read at every start, before the first frame.
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            func close(at end: Int) {
                var last = end
                if last > start, bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self))
            }
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                close(at: index)
                start = index + 1
            }
            if start < bytes.count || lines.isEmpty { close(at: bytes.count) }
            return lines
        }
    }
}
