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

    /// The lines of `text`, LF or CRLF; a final newline does not make an empty last line.
    /// A lone CR is a character of its line, as `grep -n` and the UTF-8 errors count lines.
    public static func lines(of text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.last == "\r" ? line.dropLast() : line)
        }
        if text.unicodeScalars.last == "\n" { lines.removeLast() }
        return lines
    }
}
